"""The one mechanism for every text a person reads: catalogues of keyed messages.

Each room keeps one catalogue (``artcharter/<room>/messages.py``): a table from a key to
its text in each language, with ``{field}`` placeholders. Code never writes a sentence
itself; it makes a :class:`Message` (``MESSAGES("key", field=value)``) and the edge (the
CLI, a report, the desk) renders it in the reader's language. Adding a language means
adding one column to each table, and touching no rule and no raise site.

Fields named ``param`` (or ``params``, a list) hold the name of a Python parameter; the
renderer is given a function that turns it into what the reader typed (``--source-type``
on the command line), so the library itself never speaks of CLI flags.
"""

from __future__ import annotations

import os
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

LANGS = ("fr", "en")
DEFAULT_LANG = "en"
# When a text lacks a language (a catalogue being translated), this one stands in.
FALLBACK_LANG = "en"

_FORMATTER = string.Formatter()


def normalise_lang(lang: str | None) -> str | None:
    """'fr', 'fr_FR.UTF-8', 'FR' -> 'fr'; anything not supported -> None."""
    if not lang:
        return None
    code = lang.strip().lower().replace("-", "_").split("_", 1)[0].split(".", 1)[0]
    return code if code in LANGS else None


def locale_lang() -> str:
    """French when the environment says so, English otherwise: ARTCHARTER_LANG, then the
    POSIX locale variables in their order of precedence."""
    for var in ("ARTCHARTER_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return normalise_lang(value) or DEFAULT_LANG
    return DEFAULT_LANG


def param_as_is(name: str) -> str:
    """How a Python caller reads a parameter name: as it is written."""
    return name


class Catalogue:
    """One room's messages: ``key -> {lang: text}``."""

    def __init__(self, name: str, texts: Mapping[str, Mapping[str, str]]) -> None:
        self.name = name
        self.texts = texts
        for key, by_lang in texts.items():
            missing = [lang for lang in LANGS if lang not in by_lang]
            if FALLBACK_LANG in missing:
                raise ValueError(f"{name}: message {key!r} has no {FALLBACK_LANG} text")

    def __call__(self, key: str, **fields: Any) -> Message:
        if key not in self.texts:
            raise KeyError(f"{self.name}: no message {key!r}")
        return Message(self, key, fields)

    def __contains__(self, key: str) -> bool:
        return key in self.texts

    def text(
        self, key: str, lang: str, param: Callable[[str], str] | None = None, **fields: Any
    ) -> str:
        """The text of ``key`` in ``lang`` with its fields filled in."""
        return Message(self, key, fields).render(lang, param)

    def template(self, key: str, lang: str) -> str:
        by_lang = self.texts[key]
        return by_lang.get(lang) or by_lang[FALLBACK_LANG]


@dataclass(frozen=True)
class Message:
    """A text not yet rendered: a catalogue key and its fields.

    ``str(message)`` is the English text, so a Message can stand where a string did.
    Fields that are themselves Messages are rendered in the same language.
    """

    catalogue: Catalogue
    key: str
    fields: Mapping[str, Any] = field(default_factory=dict)

    def render(self, lang: str, param: Callable[[str], str] | None = None) -> str:
        lang = normalise_lang(lang) or DEFAULT_LANG
        show = param or param_as_is
        values: dict[str, Any] = {}
        for name, value in self.fields.items():
            if isinstance(value, Message):
                value = value.render(lang, param)
            elif name == "param":
                value = show(str(value))
            elif name == "params":
                value = ", ".join(show(str(v)) for v in value)
            values[name] = value
        return _FORMATTER.vformat(self.catalogue.template(self.key, lang), (), values)

    def __str__(self) -> str:
        return self.render(DEFAULT_LANG)

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable form: the key and the fields (for --json)."""
        return {
            "key": f"{self.catalogue.name}.{self.key}",
            "fields": {
                k: (v.to_dict() if isinstance(v, Message) else v) for k, v in self.fields.items()
            },
        }
