"""The one mechanism for every text a person reads: catalogues of keyed messages.

Each room keeps one catalogue (``artcharter/<room>/messages.py``): a table from a key to
its text in each language, with ``{field}`` placeholders. Code never writes a sentence
itself; it makes a :class:`Message` (``MESSAGES("key", field=value)``) and the edge (the
CLI, a report, the desk) renders it in the reader's language. Adding a language means
adding one column to each table, and touching no rule and no raise site.

Fields named ``param`` or ``param_<name>`` (a message naming two parameters), or ``params``
(a list), hold the name of a Python parameter; the renderer is given a function that turns
it into what the reader typed (``--source-type`` on the command line), so the library
itself never speaks of CLI flags.
"""

from __future__ import annotations

import os
import string
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from artcharter.base.typography import de, typeset

LANGS = ("fr", "en")
DEFAULT_LANG = "en"
# When a text lacks a language (a catalogue being translated), this one stands in.
FALLBACK_LANG = "en"


class _Formatter(string.Formatter):
    """str.format with one format spec of its own: ``{name:de}``, French "de NAME"
    elided before a vowel ("d'Alice"), so a template elides without the code knowing."""

    def format_field(self, value: Any, format_spec: str) -> Any:
        if format_spec == "de":
            return de(str(value))
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def _format(template: str, values: dict[str, Any]) -> str:
    """``template`` filled in: by ``str.format_map`` (in C), or by the formatter above
    when the template uses ``{name:de}`` (string.Formatter runs in Python: several times
    slower, over the dozens of texts of each report or JSON result)."""
    if ":de}" in template:
        return _FORMATTER.vformat(template, (), values)
    return template.format_map(values)


def placeholders(template: str) -> set[str]:
    """The field names a template uses: ``"{n} file(s) in {folder}"`` -> {"n", "folder"}."""
    return {
        name.split(".", 1)[0].split("[", 1)[0]
        for _, name, _, _ in _FORMATTER.parse(template)
        if name
    }


def normalise_lang(lang: str | None) -> str | None:
    """'fr', 'fr_FR.UTF-8', 'FR' -> 'fr'; anything not supported -> None."""
    if lang in LANGS:  # the common case, once per text rendered
        return lang
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


# Which form of a counted text a language uses for ``n``: the "one" form or the "other"
# (CLDR's names). French counts 0 and 1 as one ("0 image lue"), English only 1.
PLURAL_ONE: dict[str, Callable[[int], bool]] = {
    "fr": lambda n: n <= 1,
    "en": lambda n: n == 1,
}


def plural_key(key: str, n: int, lang: str) -> str:
    """``key.one`` or ``key.other``, the form of a counted text that ``n`` takes in ``lang``."""
    is_one = PLURAL_ONE.get(lang, PLURAL_ONE[FALLBACK_LANG])
    return f"{key}.{'one' if is_one(n) else 'other'}"


def param_as_is(name: str) -> str:
    """How a Python caller reads a parameter name: as it is written."""
    return name


# Every catalogue made, by name: the rooms' (``artcharter.<room>.messages``), the desk's
# (``artcharter.serve.texts``) and base's own, below.
_CATALOGUES: dict[str, Catalogue] = {}
_CATALOGUE_MODULES = {"desk": "artcharter.serve.texts", "base": __name__}


def _catalogue_named(name: str) -> Catalogue:
    """The catalogue ``name``, importing the module that defines it when needed."""
    if name not in _CATALOGUES:
        from importlib import import_module

        import_module(_CATALOGUE_MODULES.get(name, f"artcharter.{name}.messages"))
    return _CATALOGUES[name]


class Catalogue:
    """One room's messages: ``key -> {lang: text}``."""

    def __init__(self, name: str, texts: Mapping[str, Mapping[str, str]]) -> None:
        self.name = name
        self.texts = texts
        # The texts without fields, rendered once per language: a report reads about a
        # hundred of them, most the same from one artwork to the next. Kept for this table
        # only: a catalogue given other texts renders them afresh.
        self._plain: dict[tuple[str, str], str] = {}
        self._plain_of: Mapping[str, Mapping[str, str]] = texts
        _CATALOGUES[name] = self
        for key, by_lang in texts.items():
            missing = [lang for lang in LANGS if lang not in by_lang]
            if FALLBACK_LANG in missing:
                raise ValueError(f"{name}: message {key!r} has no {FALLBACK_LANG} text")

    def __call__(self, key: str, /, **fields: Any) -> Message:
        if key not in self.texts:
            raise KeyError(f"{self.name}: no message {key!r}")
        return Message(self, key, fields)

    def __contains__(self, key: str) -> bool:
        return key in self.texts

    def __reduce__(self) -> tuple[Callable[[str], Catalogue], tuple[str]]:
        # Messages cross process boundaries (forked verify and report workers): send the
        # catalogue's name, not its whole table, and find it again on the other side.
        return _catalogue_named, (self.name,)

    def text(
        self, key: str, lang: str, /, param: Callable[[str], str] | None = None, **fields: Any
    ) -> str:
        """The text of ``key`` in ``lang`` with its fields filled in."""
        if fields:
            return Message(self, key, fields).render(lang, param)
        if self._plain_of is not self.texts:
            self._plain, self._plain_of = {}, self.texts
        plain = self._plain.get((key, lang))
        if plain is None:
            plain = self._plain[(key, lang)] = Message(self, key, fields).render(lang)
        return plain

    def count(self, key: str, n: int, lang: str, /, **fields: Any) -> str:
        """A counted text: ``key.one`` or ``key.other`` as ``n`` asks in ``lang``, with
        ``{n}`` and ``fields`` filled in."""
        return self.counted(key, n, **fields).render(lang)

    def counted(self, key: str, n: int, /, **fields: Any) -> Counted:
        """``count`` as a message, for the reader's language to choose the form later."""
        if f"{key}.one" not in self.texts or f"{key}.other" not in self.texts:
            raise KeyError(f"{self.name}: no counted message {key!r}")
        return Counted(self, key, fields, n)

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
            if isinstance(value, (Message, Joined, PerLang)):
                value = value.render(lang, param)
            elif name == "param" or name.startswith("param_"):
                value = show(str(value))
            elif name == "params":
                value = ", ".join(show(str(v)) for v in value)
            values[name] = value
        # The fields too (a title, a name) follow the language's spacing: "« Phare »".
        return typeset(_format(self.catalogue.template(self.key, lang), values), lang)

    def __str__(self) -> str:
        return self.render(DEFAULT_LANG)

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable form: the key and the fields (for --json)."""
        return {
            "key": f"{self.catalogue.name}.{self.key}",
            "fields": {
                k: (v.to_dict() if isinstance(v, (Message, Joined, PerLang)) else v)
                for k, v in self.fields.items()
            },
        }


@dataclass(frozen=True)
class Counted(Message):
    """A counted text (``Catalogue.counted``): ``key.one`` or ``key.other``, the form ``n``
    takes in the reader's language ("1 fichier", "0 fichier", "2 fichiers"; "0 files"), with
    ``{n}`` filled in."""

    n: int = 0

    def render(self, lang: str, param: Callable[[str], str] | None = None) -> str:
        lang = normalise_lang(lang) or DEFAULT_LANG
        form = plural_key(self.key, self.n, lang)
        return Message(self.catalogue, form, {**self.fields, "n": self.n}).render(lang, param)

    def to_dict(self) -> dict[str, Any]:
        data = super().to_dict()
        data["fields"]["n"] = self.n
        return data


@dataclass(frozen=True)
class Joined:
    """Several messages (or plain strings, such as names) joined by a separator that is
    itself a message, since separators differ between languages ("\u00a0; " and "; ")."""

    separator: Message
    items: tuple[Message | str, ...]

    def render(self, lang: str, param: Callable[[str], str] | None = None) -> str:
        sep = self.separator.render(lang, param)
        return sep.join(i.render(lang, param) if isinstance(i, Message) else i for i in self.items)

    def __str__(self) -> str:
        return self.render(DEFAULT_LANG)

    def to_dict(self) -> list[Any]:
        return [i.to_dict() if isinstance(i, Message) else i for i in self.items]


@dataclass(frozen=True)
class PerLang:
    """A field value written differently in each language but the same value (a number
    with its decimal mark): ``show(lang)`` writes it; ``value`` is what --json gives."""

    value: Any
    show: Callable[[Any, str], str]

    def render(self, lang: str, param: Callable[[str], str] | None = None) -> str:
        return self.show(self.value, normalise_lang(lang) or DEFAULT_LANG)

    def __str__(self) -> str:
        return self.render(DEFAULT_LANG)

    def to_dict(self) -> Any:
        return self.value


class ByLang(Mapping[str, str]):
    """A message seen as ``{lang: text}`` for every supported language, rendered when read:
    for code that indexes a text by language (``verdict.reason["fr"]``)."""

    def __init__(self, message: Message) -> None:
        self.message = message

    def __getitem__(self, lang: str) -> str:
        if lang not in LANGS:
            raise KeyError(lang)
        return self.message.render(lang)

    def __iter__(self) -> Iterator[str]:
        return iter(LANGS)

    def __len__(self) -> int:
        return len(LANGS)

    def __repr__(self) -> str:
        return f"ByLang({dict(self)!r})"


def render_text(value: Message | str | None, lang: str) -> str | None:
    """A text that may still be a Message (ours) or a plain string (a library's own words,
    such as c2pa's error text) in ``lang``."""
    return value.render(lang) if isinstance(value, Message) else value


# The bottom layer's own texts (device resolution); each room keeps its catalogue in its
# own ``messages`` module.
MESSAGES = Catalogue(
    "base",
    {
        "extras.missing": {
            "fr": (
                "cette commande a besoin de {module}, que l'installation légère ne contient "
                'pas\u00a0: installez-le avec `pip install "artcharter[{extra}]"`'
            ),
            "en": (
                "this command needs {module}, which the light install leaves out: install "
                'it with `pip install "artcharter[{extra}]"`'
            ),
        },
        "extras.missing_torch": {
            "fr": (
                "cette commande a besoin de PyTorch ({module}), que l'installation légère ne "
                'contient pas\u00a0: installez `pip install "artcharter[generate]"` pour '
                'générer, ou `pip install "artcharter[probes]"` pour les seules sondes '
                "de biais"
            ),
            "en": (
                "this command needs PyTorch ({module}), which the light install leaves out: "
                'install `pip install "artcharter[generate]"` to generate, or `pip install '
                '"artcharter[probes]"` for the bias probes alone'
            ),
        },
        "device.unknown": {
            "fr": "appareil inconnu {device!r}\u00a0: choisissez auto, cuda, cuda:N, mps ou cpu",
            "en": "unknown device {device!r}: choose auto, cuda, cuda:N, mps or cpu",
        },
        "device.bad_cuda": {
            "fr": "appareil inconnu {device!r}\u00a0: écrivez cuda:0, cuda:1...",
            "en": "unknown device {device!r}: write cuda:0, cuda:1...",
        },
        "device.no_cuda": {
            "fr": (
                "{param} cuda\u00a0: PyTorch ne voit aucun GPU CUDA ici (pilote, ou torch "
                "construit pour le processeur seul)\u00a0: utilisez {param} cpu"
            ),
            "en": (
                "{param} cuda: PyTorch sees no CUDA GPU here (driver, or a CPU-only torch"
                " build): use {param} cpu"
            ),
        },
        "device.no_such_gpu": {
            "fr": "{param} {device}\u00a0: seulement {cuda} GPU visible(s)",
            "en": "{param} {device}: only {cuda} GPU(s) visible",
        },
        "device.no_mps": {
            "fr": (
                "{param} mps\u00a0: le moteur Metal d'Apple n'est pas disponible ici\u00a0: "
                "utilisez {param} cpu"
            ),
            "en": "{param} mps: Apple's Metal backend is not available here: use {param} cpu",
        },
    },
)
