"""Which texts the prompt audit need not parse: a screen that says, from the text alone,
whether spaCy could find an identity term, a descriptor or an occupation in it.

The audit finds an entry of the lists where consecutive pieces of tokens (a token's folded
text cut at spaces, hyphens and apostrophes: ``lexicon.words_of``) have among their variants
(``lexicon.variants``: the piece, its lemma, the piece with a plural ending taken off) the
entry's words. So for the audit to find an entry, the text must hold, for each of its words,
a piece that is one of that word's forms: the word itself, a plural that ``variants`` takes
back to it, or a word the pipeline may give it as lemma. The last are read from the
installed pipelines and inverted: the rule lemmatizer's suffix rules and exception table,
and the attribute ruler's patterns that set a lemma.

Where can a piece start and end? At a space, hyphen or apostrophe, and where spaCy's
tokenizer cuts. Its prefix, suffix and infix rules only cut beside a character that is no
letter (checked on the installed pipelines' rules by tests/test_prompt_screen.py; other rules
make the screen let everything through); its special cases may cut between two letters
("cannot", "whyd"), and those whose pieces are forms are looked for as they are. So the
screen reads every string between two such places; a text in which no entry has a form of
each of its words cannot yield a finding: it is not parsed, and when no prompt of a run
needs parsing, spaCy is not even imported. Protected names are matched on the text and are
not screened.

The screen is only as right as that reading: it is built for spaCy 3.8's rule lemmatizer
as English uses it, the attribute ruler, components that set no lemma, and the tokenizer
rules it was checked on. Anything else, and any pipeline file it cannot read, makes it let
every text through (``Screen.everything``): it may parse a text for nothing, never skip one it
should have parsed.
"""

from __future__ import annotations

import configparser
import functools
import hashlib
import importlib.util
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artcharter.audits.bias import lexicon as lexicon_module
from artcharter.audits.bias import nlp

# What only a parse can find (protected names are matched on the text).
PARSED_KINDS = ("identity", "descriptor", "occupation")
# Pipeline components that set no lemma: vectors, tags, morphology, heads, sentences, entities.
_NO_LEMMA = {"tok2vec", "tagger", "morphologizer", "parser", "senter", "ner"}
# The tokenizer rules (prefixes, suffixes, infixes) checked to cut only beside a character
# that is no letter: sha256 of their JSON list -> the pipeline they come from.
CHECKED_AFFIXES = {
    "bfdb6b84f17f540ec510caa896d318c3964686cff0f30e3f5f148b676e776b1c": "en_core_web_sm 3.8.0",
    "83b627a44387087afb152f03de6dd5fa8b3bc48a7072a6360032b21ee772a244": "fr_core_news_sm 3.8.0",
}
_SPLIT = re.compile(r"[\s\-'’]+")
_SEGMENT = re.compile(r"[^\s\-'’]+")


def _fold(text: str) -> str:
    # nlp.fold, fast for the plain ASCII of the pipelines' tables (casefold is lower there)
    return text.lower() if text.isascii() else nlp.fold(text)


@dataclass(frozen=True)
class Pipeline:
    """How one pipeline may set a token's lemma and cut a word between letters, folded."""

    rules: tuple[tuple[str, str], ...] = ()  # (old ending, new ending), every part of speech
    # lemma -> the words an exception table or an attribute rule gives it to
    given: Mapping[str, frozenset[str]] = field(default_factory=dict)
    anywhere: frozenset[str] = frozenset()  # lemmas an attribute rule may give any word
    # special cases that cut between two letters ("cannot"): their text, and their tokens
    cuts: tuple[tuple[str, tuple[str, ...]], ...] = ()


def forms(word: str, lemmas: Sequence[Pipeline]) -> set[str] | None:
    """Every piece of a token one of whose variants is ``word``; None when a pipeline may
    give ``word`` as lemma to any token."""
    out = {word, word + "s", word + "x"}
    out.update(plural for plural, single in lexicon_module.IRREGULAR.items() if single == word)
    for plural, single in lexicon_module.PLURALS:
        if word.endswith(single):
            out.add(word[: len(word) - len(single)] + plural)
    texts: set[str] = set()  # the tokens that may get ``word`` as lemma
    for pipeline in lemmas:
        if word in pipeline.anywhere:
            return None
        texts.update(pipeline.given.get(word, ()))
        # rule_lemmatize: lemma = lower(text)[: -len(old)] + new where the text ends in old;
        # fold works character by character, so the folded text ends in fold(old) likewise.
        for old, new in pipeline.rules:
            if word.endswith(new):
                texts.add(word[: len(word) - len(new)] + old)
    for text in texts:  # the lemma is read on a token of one piece: that piece
        if text.isalpha():
            out.add(text)
        else:
            out.update(part for part in _SPLIT.split(text) if part)
    return out


def pieces(text: str) -> Iterator[str]:
    """Every string of ``text`` (folded) between two places where a piece of a token may
    start or end: a space, hyphen or apostrophe, or beside a character that is no letter
    (the special cases that cut between letters apart)."""
    for segment in _SEGMENT.findall(text):
        if segment.isalpha():
            folded = _fold(segment)
            yield folded
            if not segment.isascii() and _SPLIT.search(folded):
                yield from _SPLIT.split(folded)
            continue
        chars = [nlp.fold(c) for c in segment]
        places, at = {0}, 0
        for char, folded in zip(segment, chars, strict=True):
            if not char.isalpha():
                places.add(at)
            at += len(folded)
            if not char.isalpha():
                places.add(at)
        places.add(at)
        whole, ordered = "".join(chars), sorted(places)
        for k, start in enumerate(ordered):
            for end in ordered[k + 1 :]:
                yield whole[start:end]
                yield from _SPLIT.split(whole[start:end])


@dataclass(frozen=True)
class Screen:
    """Whether a text may hold a list entry, every word of it in some form."""

    forms: Mapping[str, frozenset[str]] | None  # form -> the list words; None: parse all
    # entries by their first word
    entries: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # special cases that cut between letters and have forms among their pieces: their folded
    # text -> the list words those pieces stand for
    cuts: Mapping[str, frozenset[str]] = field(default_factory=dict)
    always: frozenset[str] = frozenset()  # words any text may hold a form of

    @classmethod
    def everything(cls) -> Screen:
        return cls(None)

    def may_find(self, text: str) -> bool:
        """False only when the audit cannot find an identity term, a descriptor or an
        occupation in ``text`` (as the pipelines read it: ``nlp.normalize``'s text)."""
        if self.forms is None:
            return True
        present = self.words(text)
        return any(
            all(word in present for word in words[1:])
            for first in present
            for words in self.entries.get(first, ())
        )

    def words(self, text: str) -> set[str]:
        """The list words of which ``text`` holds a form, where a piece of a token may be."""
        present = set(self.always)
        for piece in pieces(text):
            present.update((self.forms or {}).get(piece, ()))
        if self.cuts:
            folded = nlp.fold(text)
            for case, words in self.cuts.items():
                if case in folded:
                    present.update(words)
        return present


def build(lexicon: lexicon_module.Lexicon, lemmas: Sequence[Pipeline | None]) -> Screen:
    """The screen for the entries of ``lexicon`` that a parse can find, in every language
    (a text's language is decided per prompt: the screen does not depend on it)."""
    if any(pipeline is None for pipeline in lemmas):
        return Screen.everything()
    known = [pipeline for pipeline in lemmas if pipeline is not None]
    keys = {
        words
        for entries in lexicon.entries.values()
        for words, terms in entries.items()
        if any(term.kind in PARSED_KINDS for term in terms)
    }
    stand_for: dict[str, set[str]] = {}
    always = set()
    for word in {w for words in keys for w in words}:
        found = forms(word, known)
        if found is None or "" in found:
            always.add(word)
            continue
        for form in found:
            stand_for.setdefault(form, set()).add(word)
    cuts: dict[str, set[str]] = {}
    for pipeline in known:
        for case, tokens in pipeline.cuts:
            words = {
                w
                for token in tokens
                for part in _SPLIT.split(token)
                for w in stand_for.get(part, ())
            }
            if words:
                cuts.setdefault(case, set()).update(words)
    entries: dict[str, list[tuple[str, ...]]] = {}
    for words in keys:
        entries.setdefault(words[0], []).append(words)
    return Screen(
        {form: frozenset(words) for form, words in stand_for.items()},
        {first: tuple(words) for first, words in entries.items()},
        {case: frozenset(words) for case, words in cuts.items()},
        frozenset(always),
    )


# --- what the installed pipelines may give as lemma (I/O) --------------------------------


def _msgpack(path: Path, keys: Iterable[str] | None = None) -> Any:
    """A msgpack file of a pipeline, or the named entries of the map it holds."""
    try:
        import msgpack
    except ImportError:  # spaCy's own copy
        from srsly import msgpack  # type: ignore[no-redef]
    with path.open("rb") as stream:
        unpacker = msgpack.Unpacker(stream, raw=False, strict_map_key=False, max_buffer_size=0)
        if keys is None:
            return unpacker.unpack()
        wanted, out = set(keys), {}
        for _ in range(unpacker.read_map_header()):
            key = unpacker.unpack()
            if key in wanted:
                out[key] = unpacker.unpack()
            else:
                unpacker.skip()  # the lemma index: large, and it only chooses among forms
        return out


def _config_value(config: configparser.ConfigParser, section: str, key: str) -> Any:
    return json.loads(config[section][key])  # spaCy's config values are JSON


def _rule_tables(folder: Path) -> tuple[tuple[tuple[str, str], ...], dict[str, set[str]]]:
    """The rule lemmatizer's suffix rules and its exceptions inverted, over every part of
    speech (those of verbs too: a verb's lemma is not read, so they only widen the screen)."""
    tables = _msgpack(folder / "lookups" / "lookups.bin", ("lemma_rules", "lemma_exc"))
    rules = {
        (_fold(old), _fold(new))
        for per_pos in tables["lemma_rules"].values()
        for old, new in per_pos
    }
    given: dict[str, set[str]] = {}
    for per_pos in tables["lemma_exc"].values():
        for word, lemmas in per_pos.items():
            for lemma in lemmas:
                given.setdefault(_fold(lemma), set()).add(_fold(word))
    return tuple(sorted(rules)), given


def _ruler(folder: Path) -> tuple[dict[str, set[str]], set[str]]:
    """The attribute ruler's lemmas: those set on words it names, and those set on any."""
    given: dict[str, set[str]] = {}
    anywhere: set[str] = set()
    for rule in _msgpack(folder / "patterns"):
        attrs = {str(k).upper(): v for k, v in rule["attrs"].items()}
        if "LEMMA" not in attrs:
            continue
        lemma = _fold(attrs["LEMMA"])
        for pattern in rule["patterns"]:
            spec = {str(k).upper(): v for k, v in pattern[rule.get("index", 0)].items()}
            words = next((spec[k] for k in ("LOWER", "ORTH", "TEXT") if k in spec), None)
            if isinstance(words, dict) and set(words) == {"IN"}:
                words = words["IN"]
            if isinstance(words, str):
                words = [words]
            if isinstance(words, list) and all(isinstance(w, str) for w in words):
                given.setdefault(lemma, set()).update(_fold(w) for w in words)
            else:  # a tag, a regular expression: any word may get it
                anywhere.add(lemma)
    return given, anywhere


def _tokenizer(folder: Path) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """The special cases that cut between two letters, folded; None when the prefix,
    suffix and infix rules are not ones checked to cut only beside a character that is no
    letter."""
    data = _msgpack(folder, ("prefix_search", "suffix_search", "infix_finditer", "exceptions"))
    rules = [data["prefix_search"], data["suffix_search"], data["infix_finditer"]]
    if hashlib.sha256(json.dumps(rules).encode()).hexdigest() not in CHECKED_AFFIXES:
        return None
    cuts = []
    for case, tokens in data["exceptions"].items():
        if any(set(token) - {65, 67, "ORTH", "NORM"} for token in tokens):
            return None  # 65 and 67: ORTH and NORM, all a special case may set in spaCy 3
        texts = tuple(token.get(65, token.get("ORTH")) for token in tokens)
        at = 0
        for text in texts[:-1]:
            at += len(text)
            if case[at - 1].isalpha() and case[at].isalpha():
                cuts.append((_fold(case), tuple(_fold(t) for t in texts)))
                break
    return tuple(cuts)


# The spaCy whose Lemmatizer.rule_lemmatize and Tokenizer the screen was built on.
_SPACY = re.compile(r"^__version__ = [\"']3\.8\.", re.M)


def _spacy_about() -> str:
    """spaCy's about.py, which holds its version: read, not imported (importlib.metadata
    took 20 ms, and importing spaCy is what the screen spares)."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.origin:
        return ""
    return (Path(spec.origin).parent / "about.py").read_text(encoding="utf-8")


def read_pipeline(lang: str) -> Pipeline | None:
    """What the pipeline of ``lang``, as the audit loads it, may give as lemma and where
    it may cut a word; None when it is not a pipeline this screen knows how to read, or
    cannot be read."""
    try:
        if not _SPACY.search(_spacy_about()):
            return None
        folder = nlp.model_folder(lang)
        cuts = _tokenizer(folder / "tokenizer")
        if cuts is None:
            return None
        config = configparser.ConfigParser(interpolation=None)
        config.read_string((folder / "config.cfg").read_text(encoding="utf-8"))
        rules: tuple[tuple[str, str], ...] = ()
        given: dict[str, set[str]] = {}
        anywhere: set[str] = set()
        for name in _config_value(config, "nlp", "pipeline"):
            if name in nlp.UNUSED_PIPES[lang]:
                continue
            section = f"components.{name}"
            factory = _config_value(config, section, "factory")
            if factory in _NO_LEMMA:
                continue
            if factory == "attribute_ruler":
                more, anywhere_more = _ruler(folder / name)
                anywhere |= anywhere_more
            elif (
                factory == "lemmatizer"
                and lang == "en"  # spaCy's English lemmatizer: the rule one, base forms apart
                and _config_value(config, section, "mode") == "rule"
            ):
                rules, more = _rule_tables(folder / name)
            else:
                return None
            for lemma, words in more.items():
                given.setdefault(lemma, set()).update(words)
        return Pipeline(
            rules, {k: frozenset(v) for k, v in given.items()}, frozenset(anywhere), cuts
        )
    except Exception:  # whatever went wrong, parse every text
        return None


@functools.cache
def builtin() -> Screen:
    """The screen for the built-in lists and the installed pipelines, built once per
    process (a process about to fork its workers builds it for them)."""
    return build(lexicon_module.builtin(), [read_pipeline(lang) for lang in nlp.LANGS])
