"""The prompt audit: identity terms, stereotype descriptors and protected names in a prompt.

Pure text matching, no model: the term lists live in ``audits/data`` (identity terms, the
HEIM / DALL-Eval stereotype descriptors, the occupations of the built-in prompt set) and
the protected names come from a file the school writes (one name per line). Matching is
case- and accent-insensitive (``Infirmière`` matches ``infirmiere``), respects word
boundaries (``man`` is not found in ``manga``), and runs the French and English lists on
every prompt, since a short prompt's language cannot be told reliably and artists mix them.

A finding is not an accusation: the audit lists the words so that the artist's bias
reflection can answer them (charter point 1).
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from artcharter.audits.messages import MESSAGES
from artcharter.base.errors import BadInput

KINDS = ("identity", "descriptor", "name", "occupation")
# Kinds the charter asks the artist to answer; occupations only link to campaign figures.
FLAGGED_KINDS = ("identity", "descriptor", "name")

SOURCE_CITATIONS = {
    "HEIM": "HEIM (Lee et al. 2023)",
    "Bianchi2023": "Bianchi et al. 2023",
    "DALL-Eval": "DALL-Eval (Cho et al. 2023)",
    "FairDiffusion": "Fair Diffusion (Friedrich et al. 2023)",
}

_FOLD = {"œ": "oe", "æ": "ae", "’": "'", "ʼ": "'", "‘": "'", "`": "'", "´": "'"}
_INCLUSIVE = re.compile(
    r"(?<=[^\W\d_])(?:·[^\W\d_]+)+|(?<=[^\W\d_])\((?:e|es|s|ne|le|ere|euse|rice|trice)\)"
)
_DASHES = "‐‑‒–—−"  # the dashes people type, folded to "-"


def fold(text: str) -> tuple[str, list[int]]:
    """Lower-case, accent-free text and, for each of its characters, the index of the
    character of ``text`` it came from (to report matches as the artist wrote them)."""
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
    folded = "".join(out)
    # Inclusive writing: "employé·e", "infirmier·ère·s", "étudiant(e)s" read as their
    # first form, so that one pattern finds every spelling.
    kept = [True] * len(folded)
    for match in _INCLUSIVE.finditer(folded):
        for j in range(match.start(), match.end()):
            kept[j] = False
    if all(kept):
        return folded, origin
    return (
        "".join(c for c, k in zip(folded, kept, strict=True) if k),
        [o for o, k in zip(origin, kept, strict=True) if k],
    )


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
    list_lang: str  # the list that matched: "en", "fr", or "any" for names
    sources: tuple[str, ...] = ()

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
            "list_lang": self.list_lang,
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

    @property
    def flagged(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.flagged)

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
            "flagged": len(self.flagged),
            "findings": [f.to_dict(lang) for f in self.findings],
            "occupations": list(self.occupations),
            "descriptors": list(self.descriptors),
            "names_checked": self.names_checked,
            "names_source": self.names_source,
        }


# --- the term lists ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Matcher:
    kind: str
    category: str
    term: str
    term_fr: str
    list_lang: str
    pattern: re.Pattern[str]
    sources: tuple[str, ...] = field(default=())


def _compile(forms: Sequence[str], where: str) -> re.Pattern[str]:
    # Lookarounds rather than \b so that forms may start or end with punctuation.
    try:
        return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{f})" for f in forms) + r")(?!\w)")
    except re.error as exc:
        raise BadInput(MESSAGES("prompt_audit.bad_pattern", where=where, error=str(exc))) from None


def read_data(name: str) -> dict[str, Any]:
    """A TOML file of audits/data."""
    text = resources.files("artcharter.audits").joinpath("data", name).read_text(encoding="utf-8")
    return tomllib.loads(text)


@functools.cache
def _builtin_matchers() -> tuple[_Matcher, ...]:
    matchers: list[_Matcher] = []
    for entry in read_data("identity_terms.toml")["term"]:
        for lang in ("en", "fr"):
            forms = entry.get(lang, [])
            if forms:
                matchers.append(
                    _Matcher(
                        "identity",
                        entry["category"],
                        entry["term"],
                        entry.get("term_fr", entry["term"]),
                        lang,
                        _compile(forms, f"identity term {entry['term']}"),
                    )
                )
    for kind, file in (("descriptor", "descriptors.toml"), ("occupation", "occupations.toml")):
        for entry in read_data(file)["subject"]:
            for lang in ("en", "fr"):
                forms = entry.get(f"match_{lang}", [])
                if forms:
                    matchers.append(
                        _Matcher(
                            kind,
                            entry["id"],
                            entry.get("label_en") or _bare(entry["en"]),
                            entry.get("label_fr") or _bare(entry["fr"]),
                            lang,
                            _compile(forms, f"{kind} {entry['id']}"),
                            tuple(entry.get("sources", ())),
                        )
                    )
    return tuple(matchers)


def _bare(subject: str) -> str:
    """The subject without its article: "a CEO" -> "CEO", "un·e PDG" -> "PDG"."""
    return re.sub(r"^(an?|the|un·e|une|un|le|la|l')\s*", "", subject.strip(), flags=re.I)


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
def _name_matchers(names: tuple[str, ...]) -> tuple[_Matcher, ...]:
    matchers = []
    for name in names:
        # "Jean-Pierre Dupont" also matches "jean pierre dupont": spaces and hyphens alike.
        parts = [re.escape(p) for p in re.split(r"[\s\-]+", fold_text(name)) if p]
        if parts:
            pattern = re.compile(r"(?<!\w)" + r"[\s\-]+".join(parts) + r"(?!\w)")
            matchers.append(_Matcher("name", "protected-name", name, name, "any", pattern))
    return tuple(matchers)


# --- the audit --------------------------------------------------------------------------


def audit_prompt(
    prompt: str, protected_names: Iterable[str] = (), *, names_source: str | None = None
) -> PromptAudit:
    """Every identity term, stereotype descriptor, occupation and protected name in the
    prompt, in the order they appear."""
    folded, origin = fold(prompt)
    names = tuple(dict.fromkeys(protected_names))
    found: list[Finding] = []
    for matcher in (*_builtin_matchers(), *_name_matchers(names)):
        for match in matcher.pattern.finditer(folded):
            if match.end() == match.start():
                continue
            start, end = origin[match.start()], origin[match.end() - 1] + 1
            found.append(
                Finding(
                    matcher.kind,
                    matcher.category,
                    matcher.term,
                    matcher.term_fr,
                    prompt[start:end],
                    start,
                    end,
                    matcher.list_lang,
                    matcher.sources,
                )
            )
    return PromptAudit(prompt, _deduplicate(found), len(names), names_source)


def _deduplicate(findings: list[Finding]) -> tuple[Finding, ...]:
    """One finding per span and meaning: the same words matched by the French and English
    lists count once, and a match inside a longer one of the same group is dropped
    ("designer" inside "graphic designer")."""

    def group(f: Finding) -> tuple[str, str]:
        return (f.kind, f.category if f.kind == "identity" else "")

    ordered = sorted(findings, key=lambda f: (f.start, -(f.end - f.start), f.list_lang))
    kept: list[Finding] = []
    for f in ordered:
        if any(
            group(k) == group(f)
            and k.start <= f.start
            and f.end <= k.end
            and (k.category == f.category or (k.end - k.start) > (f.end - f.start))
            for k in kept
        ):
            continue
        kept.append(f)
    return tuple(sorted(kept, key=lambda f: (f.start, f.end, f.kind)))
