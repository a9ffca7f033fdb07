"""The prompt audit: identity terms, stereotype descriptors, occupations and protected names
in a prompt, read the way a person reads French and English.

Each part of the prompt is parsed by the spaCy pipeline of its language (``nlp``): words
are matched on their lemmas and their accent-free forms against the lists of
``audits/data`` (``lexicon``), so agreement, plurals, elision and inclusive writing
("infirmier·ères") do not hide them, and multi-word entries ("femme au foyer", "flight
attendant") are found whole. A word that describes ("riche", "black") is listed only when
it describes a person: next to a word for a person through other such words, whatever the
word order ("un homme d'affaires riche et puissant", "a rich businessman"), as what a
person is ("the nurse is not poor", "une femme qui n'est pas riche"), or used as a noun
("les pauvres"); "un vin riche" and "a poor harvest" are not listed. A descriptor under a
negation ("pas riche", "not poor") is listed as negated. Protected names (one per line in
a file the school writes) are matched on the text, in any case and with or without accents.

A finding is not an accusation: the audit lists the words so that the artist's bias
reflection can answer them (charter point 1).
"""

from __future__ import annotations

import contextlib
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artcharter.audits.bias import lexicon as lexicon_module
from artcharter.audits.bias import nlp, screen
from artcharter.audits.bias.lexicon import KINDS, Term, read_data
from artcharter.audits.messages import MESSAGES
from artcharter.base.errors import BadInput

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "FLAGGED_KINDS",
    "KINDS",
    "SOURCE_CITATIONS",
    "Finding",
    "PromptAudit",
    "audit_prompt",
    "fold",
    "fold_text",
    "load_protected_names",
    "parse_protected_names",
    "read_data",
]

# Kinds the charter asks the artist to answer; occupations only link to campaign figures.
FLAGGED_KINDS = ("identity", "descriptor", "name")

SOURCE_CITATIONS = {
    "HEIM": "HEIM (Lee et al. 2023)",
    "Bianchi2023": "Bianchi et al. 2023",
    "DALL-Eval": "DALL-Eval (Cho et al. 2023)",
    "FairDiffusion": "Fair Diffusion (Friedrich et al. 2023)",
    "StableBias": "Stable Bias (Luccioni et al. 2023)",
    "artcharter": "artcharter (added by the project)",
}

_FOLD = {"œ": "oe", "æ": "ae", "’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"}
_DASHES = "‐‑‒–—−"


def fold(text: str) -> tuple[str, list[int]]:
    """Lower-case, accent-free text and, for each of its characters, the index of the
    character of ``text`` it came from (protected names are matched on it)."""
    out: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        if char in _DASHES:
            piece = "-"
        elif char.isspace():
            piece = " "
        else:
            piece = _FOLD.get(char.casefold(), char.casefold())
            piece = "".join(
                c for c in unicodedata.normalize("NFKD", piece) if not unicodedata.combining(c)
            )
        out.append(piece)
        origin.extend([i] * len(piece))
    return "".join(out), origin


def fold_text(text: str) -> str:
    return fold(text)[0]


@dataclass(frozen=True)
class Finding:
    kind: str  # identity, descriptor, name, occupation
    category: str  # gender, age, ...; the descriptor or occupation id; "protected-name"
    term: str  # what was found, in English
    term_fr: str  # the same in French
    text: str  # the words as written in the prompt
    start: int
    end: int
    lang: str  # the language the words were read in: "en", "fr", or "any" for names
    sources: tuple[str, ...] = ()
    negated: bool = False  # "pas riche", "not poor"
    person: str | None = None  # the words for the person a descriptor describes

    @property
    def flagged(self) -> bool:
        return self.kind in FLAGGED_KINDS

    def label(self, lang: str) -> str:
        return self.term_fr if lang == "fr" else self.term

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        data = {
            "kind": self.kind,
            "category": self.category,
            "term": self.term,
            "term_fr": self.term_fr,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "lang": self.lang,
            "negated": self.negated,
            "person": self.person,
            "sources": [SOURCE_CITATIONS.get(s, s) for s in self.sources],
            "flagged": self.flagged,
        }
        if lang:
            data["label"] = self.label(lang)
        return data


@dataclass(frozen=True)
class PromptAudit:
    prompt: str
    findings: tuple[Finding, ...]
    names_checked: int = 0
    names_source: str | None = None
    # The languages the prompt was read in, in order, with the characters each covers.
    languages: tuple[tuple[str, int, int], ...] = field(default=())

    @property
    def flagged(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.flagged)

    @property
    def langs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(lang for lang, _s, _e in self.languages))

    @property
    def occupations(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.category for f in self.findings if f.kind == "occupation"))

    @property
    def descriptors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.category for f in self.findings if f.kind == "descriptor"))

    def of_kind(self, kind: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.kind == kind)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "prompt": self.prompt,
            "langs": list(self.langs),
            "languages": [
                {"lang": code, "start": s, "end": e, "text": self.prompt[s:e]}
                for code, s, e in self.languages
            ],
            "flagged": len(self.flagged),
            "findings": [f.to_dict(lang) for f in self.findings],
            "occupations": list(self.occupations),
            "descriptors": list(self.descriptors),
            "names_checked": self.names_checked,
            "names_source": self.names_source,
        }


# --- reading a parsed text ----------------------------------------------------------------

_NEGATIONS = {
    "pas", "jamais", "guère", "nullement", "aucunement", "ni", "non",
    "not", "n't", "never", "no", "nor", "neither",
}  # fmt: skip
_INTENSIFIERS = {
    "très", "tres", "si", "plutôt", "assez", "trop", "fort", "bien", "peu", "tout", "toute",
    "very", "so", "quite", "rather", "too", "really", "extremely", "incredibly", "fairly",
}  # fmt: skip
_DETERMINERS = {
    "le", "la", "les", "l'", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "mon", "ma",
    "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre", "vos", "leur",
    "leurs", "quelques", "plusieurs", "deux", "trois", "the", "a", "an", "this", "that",
    "these", "those", "my", "your", "his", "her", "its", "our", "their", "some", "many", "two",
    "three", "several",
}  # fmt: skip
_ETRE = {
    "est", "sont", "était", "étaient", "été", "être", "sera", "seront", "soit", "soient",
    "fut", "furent", "serait", "seraient", "es", "suis", "sommes", "êtes",
}  # fmt: skip
_RELATIVES = {"qui", "que", "who", "that", "which", "whom"}
_PERSONAL = {"il", "elle", "ils", "elles", "he", "she", "they", "i", "we", "je", "nous", "on"}


@dataclass
class _Unit:
    """Prompt tokens start..end (inclusive) matched by one list entry."""

    kind: str
    terms: list[Term]
    start: int
    end: int


def _words(doc: Doc) -> list[tuple[set[str], int, bool, bool]]:
    """Each word: its variants, its token, and whether it starts / ends its token."""
    words = []
    for token in doc:
        parts = [w for w in lexicon_module.words_of(token.text) if any(c.isalnum() for c in w)]
        # A verb's lemma is no noun: "cooking" is not "cook", "volent" not "vol".
        lemma = (
            nlp.fold(token.lemma_)
            if token.lemma_ and len(parts) == 1 and token.pos_ not in ("VERB", "AUX")
            else None
        )
        for k, part in enumerate(parts):
            words.append(
                (lexicon_module.variants(part, lemma), token.i, k == 0, k == len(parts) - 1)
            )
    return words


def _units(doc: Doc, lexicon: lexicon_module.Lexicon, lang: str) -> list[_Unit]:
    """Longest matches of each kind; neutral phrases set their words aside first."""
    entries = lexicon.entries[lang]
    firsts = lexicon.firsts[lang]
    words = _words(doc)
    units: list[_Unit] = []
    taken: set[int] = set()
    for kind in ("neutral", "person", "occupation", "identity", "descriptor"):
        i = 0
        while i < len(words):
            variants, token_i, starts, _ends = words[i]
            best: tuple[int, list[Term]] | None = None
            if starts and (kind == "neutral" or token_i not in taken):
                for key in {k for v in variants for k in firsts.get(v, ())}:
                    n = len(key)
                    if i + n > len(words) or (best and n <= best[0]) or not words[i + n - 1][3]:
                        continue
                    if all(key[k] in words[i + k][0] for k in range(n)):
                        terms = _one_role([t for t in entries[key] if t.kind == kind])
                        if terms:
                            best = (n, terms)
            if best:
                n, terms = best
                units.append(_Unit(kind, terms, token_i, words[i + n - 1][1]))
                if kind == "neutral":
                    taken.update(range(token_i, words[i + n - 1][1] + 1))
                i += n
            else:
                i += 1
    return units


def _determiner(token: Token) -> bool:
    # The small pipelines tag "des" as a preposition at times: the word decides.
    return token.pos_ == "DET" or token.lower_ in _DETERMINERS


def _one_role(terms: list[Term]) -> list[Term]:
    """A word listed both as a noun and as a describing word ("criminal") is read as the
    describing word, which is also read as a noun where it stands as one ("a criminal")."""
    described = {(t.kind, t.category) for t in terms if t.role == "adj"}
    return [t for t in terms if t.role != "noun" or (t.kind, t.category) not in described]


def _skippable(token: Token, adjectives: set[int]) -> bool:
    """Words that may stand between a descriptor and its noun: other descriptors, "and",
    adverbs, participles ("un homme riche et puissant", "a rich and powerful man")."""
    return (
        token.i in adjectives
        or token.pos_ in ("ADJ", "ADV", "CCONJ", "PART")
        or token.lower_ in _INTENSIFIERS
        or token.lower_ in _NEGATIONS
        or (token.pos_ in ("VERB", "AUX") and "Part" in token.morph.get("VerbForm"))
    )


def _scan(doc: Doc, i: int, step: int, adjectives: set[int], is_person: Any) -> Token | None:
    """The first word from i on (step -1 backwards, +1 forwards) that is a person or not
    skippable; None at a punctuation mark or the end."""
    while 0 <= i < len(doc):
        token = doc[i]
        if token.is_punct or token.is_space:
            return None
        if is_person(token) or not _skippable(token, adjectives):
            return token
        i += step
    return None


def _fronted(doc: Doc, u: _Unit, adjectives: set[int], is_person: Any) -> Token | None:
    """ "Riche et puissant, un homme d'affaires...": descriptors that open the prompt, then
    a comma, then the person."""
    if any(not _skippable(doc[i], adjectives) for i in range(u.start)):
        return None
    i = u.end + 1
    while i < len(doc) and _skippable(doc[i], adjectives) and not is_person(doc[i]):
        i += 1
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    while i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    token = _scan(doc, i, +1, adjectives, is_person)
    return token if is_person(token) else None


def _before_de(doc: Doc, token: Token, adjectives: set[int], is_person: Any) -> Token | None:
    """The person before "de" in "une prof de maths intelligente", "un musicien de jazz noir":
    a noun after "de" completes the one before it, which the descriptor may describe."""
    i = token.i
    if token.lower_ not in ("de", "d'", "en"):
        before = doc[i - 1] if i > 0 else None
        if before is None or before.lower_ not in ("de", "d'", "en"):
            return None
        i -= 1
    earlier = _scan(doc, i - 1, -1, adjectives, is_person)
    return earlier if is_person(earlier) else None


def _subject(adj: Token, lang: str) -> Token | None:
    """Who a descriptor is said of: "la femme est riche", "a woman who is not poor"."""
    if adj.dep_ == "conj" and adj.head.i < adj.i and adj.head.pos_ in ("ADJ", "VERB"):
        return _subject(adj.head, lang)  # "the nurse is Black and exhausted"
    if lang == "fr":
        if not any(
            c.dep_ == "cop" or (c.dep_.startswith("aux") and c.lower_ in _ETRE)
            for c in adj.children
        ):
            return None
        subject = next((c for c in adj.children if c.dep_.startswith("nsubj")), None)
        if subject is not None and subject.lower_ in _RELATIVES:
            return adj.head if adj.dep_.startswith("acl") else None
        return subject
    if adj.dep_ not in ("acomp", "attr", "oprd"):
        return None
    verb = adj.head
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in _RELATIVES:
        return verb.head if verb.dep_ == "relcl" else None
    return subject


def _negated(doc: Doc, unit: _Unit) -> bool:
    inside = range(unit.start, unit.end + 1)
    tokens = [doc[i] for i in inside]
    heads = [t.head for t in tokens if t.dep_ in ("acomp", "attr", "xcomp")]
    for token in (*tokens, *heads):
        if any(
            (c.dep_ == "neg" or c.lower_ in _NEGATIONS) and c.i not in inside
            for c in token.children
        ):
            return True
    for i in range(unit.start - 1, max(unit.start - 4, -1), -1):
        if doc[i].is_punct:
            break
        if doc[i].lower_ in _NEGATIONS:
            return True
    return False


def _read(
    doc: Doc, lang: str, lexicon: lexicon_module.Lexicon
) -> list[tuple[_Unit, Term, bool, tuple[int, int] | None]]:
    """(unit, term, negated, the words for the person it describes) for every list word
    that the prompt uses as listed."""
    units = _units(doc, lexicon, lang)
    adjectives = {
        i
        for u in units
        if u.kind != "neutral" and any(t.role == "adj" for t in u.terms)
        for i in range(u.start, u.end + 1)
    }
    people: dict[int, _Unit] = {}
    for u in units:
        if u.kind != "neutral" and any(t.role == "noun" for t in u.terms):
            for i in range(u.start, u.end + 1):
                people.setdefault(i, u)

    def is_person(token: Token | None) -> bool:
        return token is not None and (
            token.i in people
            or (token.pos_ == "PRON" and token.lower_ in _PERSONAL)
            or token.i in nominal_people
        )

    def nominal(u: _Unit, term: Term) -> bool:
        """Used as a noun: "les pauvres", "the elderly", "an illegal immigrant hiding"."""
        first, last = doc[u.start], doc[u.end]
        if term.nominal == "capitalised" and not first.text[:1].isupper():
            return False
        # the next word past other listed describing words: "a rich and powerful businessman"
        i = u.end + 1
        while i < len(doc) and (
            i in adjectives or doc[i].pos_ in ("CCONJ", "ADV") or doc[i].lower_ in _INTENSIFIERS
        ):
            i += 1
        after = doc[i] if i < len(doc) else None
        if after is not None and (
            after.i in people
            or (
                after.pos_ in ("NOUN", "PROPN", "ADJ")
                and after.tag_ not in ("VBG", "VBN")
                # "an immigrant hiding", but "an illegal parking spot"
                and not (
                    lang == "en"
                    and after.lower_.endswith("ing")
                    and after.dep_ not in ("compound", "amod")
                )
                and after.i not in adjectives
            )
        ):
            return False  # it describes the next word
        j = u.start - 1
        while j >= 0 and _skippable(doc[j], adjectives) and not _determiner(doc[j]):
            j -= 1
        if j >= 0 and _determiner(doc[j]):
            return True
        return last.pos_ in ("NOUN", "PROPN") and last.dep_ not in ("amod", "compound")

    nominal_people: set[int] = set()
    for u in units:
        for term in u.terms:
            if term.role == "adj" and nominal(u, term):
                nominal_people.update(range(u.start, u.end + 1))

    found = []
    resolved: dict[int, Token] = {}  # descriptor word -> the person it describes
    for u in sorted(units, key=lambda u: u.start):
        if u.kind in ("neutral", "person"):
            continue
        for term in u.terms:
            person: Token | None = None
            if term.role == "adj":
                if u.start in nominal_people:
                    person = doc[u.end]
                else:
                    person = _attached(doc, u, lang, adjectives, is_person, resolved)
                    if person is None:
                        continue
                resolved[u.end] = person
            span = None
            if person is not None and not u.start <= person.i <= u.end:
                whole = people.get(person.i)  # "homme d'affaires", not "affaires"
                span = (whole.start, whole.end) if whole else (person.i, person.i)
            # Only what the reflection answers is said to be negated, not an occupation.
            negated = term.kind != "occupation" and _negated(doc, u)
            found.append((u, term, negated, span))
    return found


def _attached(
    doc: Doc,
    u: _Unit,
    lang: str,
    adjectives: set[int],
    is_person: Any,
    resolved: dict[int, Token],
) -> Token | None:
    """The person a descriptor describes, or None when it describes no one."""
    head = doc[u.end]
    if head.dep_ == "conj" and head.head.i in resolved:
        return resolved[head.head.i]  # "ni jeune ni vieille", "rich and greedy"
    subject = _subject(head, lang)
    if subject is not None:
        return subject if is_person(subject) else None
    directions = (-1, +1) if lang == "fr" else (+1,)
    stopped = False
    for step in directions:
        token = _scan(doc, (u.start - 1) if step < 0 else (u.end + 1), step, adjectives, is_person)
        if token is None:
            continue
        stopped = True
        if is_person(token):
            # "a rich business man": a noun that modifies the next one is not the person
            if lang == "en" and token.dep_ == "compound" and is_person(token.head):
                return token.head
            return token
        if lang == "fr" and step < 0:
            earlier = _before_de(doc, token, adjectives, is_person)
            if earlier is not None:
                return earlier
        if token.pos_ not in ("NOUN", "PROPN"):
            continue  # "une vieille femme": nothing before but "une", the person follows
        if lang == "en" and token.dep_ == "compound":
            following = _scan(doc, token.i + 1, +1, adjectives, is_person)
            if is_person(following):
                return following
        break  # another noun: "un vin riche", "a poor harvest"
    fronted = _fronted(doc, u, adjectives, is_person)
    if fronted is not None:
        return fronted
    # Nothing on either side but punctuation: trust the parse ("infirmières, épuisées").
    if not stopped and head.dep_ in ("amod", "acl", "appos", "conj") and is_person(head.head):
        return head.head
    return None


@functools.cache
def _lexicon() -> lexicon_module.Lexicon:
    return lexicon_module.builtin()


def preload() -> None:
    """Read the word lists and build the screen (a process about to fork its workers
    shares them)."""
    lexicon = _lexicon()
    lexicon.words, lexicon.firsts  # noqa: B018 - cached properties, read to fill them
    screen.builtin()


# --- protected names --------------------------------------------------------------------


def parse_protected_names(text: str) -> list[str]:
    """One name per line; blank lines and lines starting with # are ignored."""
    names = []
    for line in text.splitlines():
        name = line.strip()
        if name and not name.startswith("#") and len(fold_text(name).strip()) >= 2:
            names.append(name)
    return list(dict.fromkeys(names))


def load_protected_names(path: Path) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BadInput(MESSAGES("prompt_audit.no_protected_names_file", path=path)) from None
    except UnicodeDecodeError:
        raise BadInput(MESSAGES("prompt_audit.protected_names_not_utf8", path=path)) from None
    except OSError as exc:
        raise BadInput(
            MESSAGES("prompt_audit.cannot_read", path=path, reason=exc.strerror)
        ) from None
    return parse_protected_names(text)


@functools.lru_cache(maxsize=8)
def _name_patterns(names: tuple[str, ...]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns = []
    for name in names:
        # "Jean-Pierre Dupont" also matches "jean pierre dupont": spaces and hyphens alike.
        parts = [re.escape(p) for p in re.split(r"[\s\-]+", fold_text(name)) if p]
        if parts:
            patterns.append((name, re.compile(r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)")))
    return tuple(patterns)


def _names(prompt: str, names: tuple[str, ...]) -> list[Finding]:
    folded, origin = fold(prompt)
    found = []
    for name, pattern in _name_patterns(names):
        for match in pattern.finditer(folded):
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            found.append(
                Finding("name", "protected-name", name, name, prompt[start:end], start, end, "any")
            )
    return found


# --- the audit --------------------------------------------------------------------------


def _runs(prompt: str, default_lang: str) -> tuple[nlp.Normalized, list[nlp.Run]]:
    """The prompt as the pipelines read it, cut into runs of one language each."""
    text = nlp.normalize(prompt)
    return text, nlp.language_runs(text.text, _lexicon().words, default_lang)


def audits_ahead(
    prompts: Iterable[str], *, default_lang: str = "en"
) -> contextlib.AbstractContextManager[None]:
    """A block in which ``audit_prompt`` on any of ``prompts`` reads parses made together
    beforehand (spaCy's ``nlp.pipe``: several times faster than one call per prompt). The
    findings are the same; a worker uses it for the files of one batch. Only the parts
    the screen lets through are parsed: a batch of prompts that name no one loads nothing."""
    pieces = []
    for prompt in prompts:
        text, runs = _runs(prompt, default_lang)
        pieces += [(run.lang, text.text[run.start : run.end]) for run in runs]
    return nlp.parsed_ahead((lang, t) for lang, t in pieces if screen.builtin().may_find(t))


def audit_prompt(
    prompt: str,
    protected_names: Iterable[str] = (),
    *,
    names_source: str | None = None,
    default_lang: str = "en",
) -> PromptAudit:
    """Every identity term, stereotype descriptor, occupation and protected name in the
    prompt, in the order they appear, and the language each part was read in.

    ``default_lang`` is the language of a prompt that shows no clue of its own ("portrait").
    The first call in a process that needs a pipeline loads it (about a second); later calls
    reuse them. A part of the prompt in which the screen (``screen``) sees no form of any
    listed word is not parsed: the findings are the same.
    """
    names = tuple(dict.fromkeys(protected_names))
    lexicon = _lexicon()
    text, runs = _runs(prompt, default_lang)
    found: list[Finding] = _names(prompt, names)
    languages = []
    for run in runs:
        start, end = text.span(run.start, run.end)
        languages.append((run.lang, start, end))
        piece = text.text[run.start : run.end]
        if not screen.builtin().may_find(piece):
            continue  # nothing spaCy could find: it is not even loaded for it
        doc = nlp.parse(run.lang, piece)
        for unit, term, negated, person in _read(doc, run.lang, lexicon):
            first, last = doc[unit.start], doc[unit.end]
            a, b = text.span(run.start + first.idx, run.start + last.idx + len(last.text))
            who = None
            if person is not None:
                p_first, p_last = doc[person[0]], doc[person[1]]
                p0, p1 = text.span(
                    run.start + p_first.idx, run.start + p_last.idx + len(p_last.text)
                )
                who = prompt[p0:p1]
            found.append(
                Finding(
                    term.kind,
                    term.category,
                    term.term,
                    term.term_fr,
                    prompt[a:b],
                    a,
                    b,
                    run.lang,
                    term.sources,
                    negated,
                    who,
                )
            )
    unique = {(f.kind, f.category, f.start, f.end): f for f in found}
    ordered = sorted(unique.values(), key=lambda f: (f.start, f.end, KINDS.index(f.kind)))
    return PromptAudit(prompt, tuple(ordered), len(names), names_source, tuple(languages))
