"""The prompt audit's word lists, read from ``audits/data`` into one lookup per language.

Each entry is a word or a run of words ("femme au foyer", "flight attendant"), kept as the
tuple of its words without accents; a word of the prompt matches an entry's word when the
two are equal, or equal once the plural is taken off, or when the prompt word's lemma is
the entry's word. "noir·e" in a list stands for "noir" and "noire".
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from artcharter.audits.bias.nlp import LANGS, fold

KINDS = ("identity", "descriptor", "name", "occupation")
# How a word takes part: "noun" names a person (and is listed wherever it stands), "adj"
# describes one (listed only where it describes a person), "any" is listed wherever it is.
ROLES = ("noun", "adj", "any")
_SPLIT = re.compile(r"[\s\-'’]+")


def read_data(name: str) -> dict[str, Any]:
    """A TOML file of audits/data."""
    text = resources.files("artcharter.audits").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True)
class Term:
    kind: str  # identity, descriptor, occupation, or "person" (a word for a person, not listed)
    category: str  # identity axis ("gender"), or the descriptor / occupation id
    term: str  # in English
    term_fr: str
    role: str
    sources: tuple[str, ...] = ()
    nominal: str = "any"  # "capitalised": read as a noun only with a capital ("les Noirs")


@dataclass
class Lexicon:
    """Entries by language: words (a tuple) -> the terms they stand for."""

    entries: dict[str, dict[tuple[str, ...], list[Term]]] = field(
        default_factory=lambda: {lang: {} for lang in LANGS}
    )

    def add(self, lang: str, form: str, term: Term) -> None:
        for spelled in expand(form):
            words = words_of(spelled)
            if words:
                terms = self.entries[lang].setdefault(words, [])
                if term not in terms:
                    terms.append(term)

    @functools.cached_property
    def firsts(self) -> dict[str, dict[str, list[tuple[str, ...]]]]:
        """For each language, the entries by their first word, longest first."""
        out: dict[str, dict[str, list[tuple[str, ...]]]] = {}
        for lang, entries in self.entries.items():
            index: dict[str, list[tuple[str, ...]]] = {}
            for words in entries:
                index.setdefault(words[0], []).append(words)
            for keys in index.values():
                keys.sort(key=len, reverse=True)
            out[lang] = index
        return out

    @functools.cached_property
    def words(self) -> dict[str, set[str]]:
        """Every word of each language's lists (a clue to the language of a prompt)."""
        return {
            lang: {w for words in entries for w in words if len(w) > 2}
            for lang, entries in self.entries.items()
        }


def expand(form: str) -> list[str]:
    """ "noir·e" -> ["noir", "noire"]; "sans-abri" stays one form."""
    if "·" not in form:
        return [form]
    base, *endings = form.split("·")
    return [base, base + "".join(endings)]


def words_of(text: str) -> tuple[str, ...]:
    """The words of a list entry, without accents; hyphens and apostrophes split words."""
    return tuple(w for w in _SPLIT.split(fold(text)) if w)


# How a word of the prompt is taken back to the form the lists hold (``variants``).
PLURALS = (("ies", "y"), ("ves", "f"), ("men", "man"), ("aux", "al"), ("eaux", "eau"))
IRREGULAR = {"women": "woman", "children": "child", "people": "person", "gens": "gens"}


def variants(word: str, lemma: str | None) -> set[str]:
    """The forms a word of the prompt (folded) is compared on: itself, its lemma, and the
    word with its plural taken off."""
    out = {word}
    if lemma:
        out.add(lemma)
    if word in IRREGULAR:
        out.add(IRREGULAR[word])
    if len(word) > 3 and word[-1] in "sx":
        out.add(word[:-1])
    for plural, singular in PLURALS:
        if len(word) > len(plural) + 1 and word.endswith(plural):
            out.add(word[: -len(plural)] + singular)
    return out


def _forms(entry: dict[str, Any], lang: str) -> Iterable[tuple[str, str]]:
    for role in ROLES:
        for form in entry.get(f"{lang}_{role}", ()):
            yield role, form


@functools.cache
def builtin() -> Lexicon:
    lexicon = Lexicon()
    for entry in read_data("identity_terms.toml")["term"]:  # read once: builtin() is cached
        for lang in LANGS:
            for role, form in _forms(entry, lang):
                term = Term(
                    "identity",
                    entry["category"],
                    entry["term"],
                    entry.get("term_fr", entry["term"]),
                    role,
                    tuple(entry.get("sources", ())),
                    entry.get("nominal", "any"),
                )
                lexicon.add(lang, form, term)
    data = read_data("identity_terms.toml")
    for lang in LANGS:
        for form in data["person"].get(f"{lang}_noun", ()):
            lexicon.add(lang, form, Term("person", "person", "person", "personne", "noun"))
        for form in data["neutral"].get(lang, ()):
            lexicon.add(lang, form, Term("neutral", "neutral", form, form, "any"))
    for kind, file in (("descriptor", "descriptors.toml"), ("occupation", "occupations.toml")):
        for entry in read_data(file)["subject"]:
            label_en = entry.get("label_en") or _bare(entry["en"])
            label_fr = entry.get("label_fr") or _bare(entry["fr"])
            for lang in LANGS:
                for role, form in _forms(entry, lang):
                    term = Term(
                        kind, entry["id"], label_en, label_fr, role, tuple(entry.get("sources", ()))
                    )
                    lexicon.add(lang, form, term)
    return lexicon


def _bare(subject: str) -> str:
    """The subject without its article: "a CEO" -> "CEO", "un·e PDG" -> "PDG"."""
    return re.sub(r"^(an?|the|un·e|une|un|le|la|l')\s*", "", subject.strip(), flags=re.I)
