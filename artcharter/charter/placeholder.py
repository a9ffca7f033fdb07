"""Is a declared text a real text or a placeholder? Pure logic, no I/O.

A rule that asks for a statement, an explanation or a bias reflection used to pass on
length alone: 151 × "y" passed. ``placeholder`` says why a text is filler (a run of one
character, lorem ipsum, too few distinct words, not in a language the charter asks for),
or returns None for a text a person wrote. It is deliberately a cheap, explainable test,
not a judge of quality: a jury still reads the text.

Language: French and English are told apart by their commonest short words (articles,
prepositions, pronouns). A text of at least ``LANG_MIN_WORDS`` words in which fewer than
``LANG_MIN_SHARE`` of the words are such words of an accepted language is "another
language". A shorter text is not judged on its language (too few words to tell).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any


def _vocabulary(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that make up a large share of any French or English prose, and rarely of other
# languages' (a few shared with Spanish, Italian or German are left out on purpose).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": _vocabulary(
        "le la les l un une des du de d au aux et ou mais donc car ni que qui quoi dont où "
        "ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs "
        "je j tu il elle on nous vous ils elles me m te t se s lui y en ne n pas plus "
        "est sont était été être avoir ai as a ont avec pour par sur dans sous sans entre "
        "vers chez comme aussi très tout tous toute toutes qu c"
    ),
    "en": _vocabulary(
        "the a an and or but so of to in on at by for with from into about as is are was "
        "were be been being have has had do does did not no it its this that these those "
        "i me my we our you your he him his she her they them their which who what when "
        "where how than then there here also very can could would should will may might "
        "more most some any each all one"
    ),
}
LANG_MIN_WORDS = 12
LANG_MIN_SHARE = 0.15
# Phrases that only placeholder text uses.
FILLER = ("lorem ipsum", "dolor sit amet", "consectetur adipiscing", "todo", "tbd", "xxx")
# Words that stand for no technique or tool name.
NAME_FILLER = (*FILLER, "test", "na", "n a", "none", "aucune", "rien", "nothing")
MAX_RUN = 4  # a letter repeated more than this many times in a row is not a word
MIN_DISTINCT_SHARE = 0.35  # distinct words / words, for texts of 10 words or more

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_RUN = re.compile(r"([^\W\d_])\1*", re.UNICODE)
# A run longer than MAX_RUN: most texts have none, and then their runs are not measured.
_LONG_RUN = re.compile(rf"([^\W\d_])\1{{{MAX_RUN},}}", re.UNICODE)


@dataclass(frozen=True)
class Placeholder:
    """Why a text is a placeholder: a reason code and the figures the reason shows."""

    reason: str  # "repeated", "filler", "few-words", "repetitive", "language"
    fields: dict[str, Any] = field(default_factory=dict)


def words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def language(text: str) -> tuple[str | None, float]:
    """The language among FUNCTION_WORDS whose short words are most frequent in ``text``,
    with their share of the words; (None, 0.0) when the text has no words."""
    found = words(text)
    if not found:
        return None, 0.0
    shares = {
        lang: sum(1 for w in found if w in vocabulary) / len(found)
        for lang, vocabulary in FUNCTION_WORDS.items()
    }
    best = max(shares, key=lambda lang: shares[lang])
    return best, shares[best]


def placeholder(
    text: str, *, min_words: int = 5, languages: tuple[str, ...] = ()
) -> Placeholder | None:
    """Why ``text`` is a placeholder, or None. ``min_words``: the fewest distinct words a
    real text of this kind has; ``languages``: the languages accepted (empty: any)."""
    stripped = text.strip()
    letters = [c.lower() for c in stripped if c.isalpha()]
    if letters:
        if _LONG_RUN.search(stripped.lower()):
            longest = max(len(m.group(0)) for m in _RUN.finditer(stripped.lower()))
            return Placeholder("repeated", {"run": longest})
        count = Counter(letters).most_common(1)[0][1]
        if len(letters) >= 20 and count / len(letters) > 0.5:
            return Placeholder("repeated", {"run": count})
    lowered = " ".join(words(stripped))
    for phrase in FILLER:
        if re.search(rf"\b{phrase}\b", lowered):
            return Placeholder("filler", {"phrase": phrase})
    found = words(stripped)
    distinct = len(set(found))
    if distinct < min_words:
        return Placeholder("few-words", {"count": distinct, "minimum": min_words})
    if len(found) >= 10 and distinct / len(found) < MIN_DISTINCT_SHARE:
        return Placeholder("repetitive", {"count": distinct, "total": len(found)})
    if languages and len(found) >= LANG_MIN_WORDS:
        lang, share = language(stripped)
        if lang not in languages or share < LANG_MIN_SHARE:
            return Placeholder("language", {"languages": ", ".join(languages)})
    return None


def placeholder_name(name: str) -> Placeholder | None:
    """Why a short name (a technique, a tool) is a placeholder, or None: a name has at
    least two letters and is not a run of one character or a filler word."""
    found = words(name)
    letters = sum(len(w) for w in found)
    if letters < 2:
        return Placeholder("few-words", {"count": len(found), "minimum": 1})
    if len(set("".join(found))) == 1 and letters > 2:
        return Placeholder("repeated", {"run": letters})
    if " ".join(found) in NAME_FILLER:
        return Placeholder("filler", {"phrase": name.strip()})
    return None
