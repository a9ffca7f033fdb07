"""What a charter rule read, in words, for the line under its reason on a report.

A rule's evidence is data (``verdict: trusted``, ``audit_available: True``,
``budget_kwh: 0.1``): the JSON twin keeps it whole. The page says it the way the rest of
the report does: a label from the catalogue, then the value in words (a verdict's title,
an energy with its unit, yes or no). Keys with no label (a nested record, an internal code
such as the name of the declaration field) stay in the JSON only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from artcharter.base.numbers import fmt_energy, fmt_number
from artcharter.base.typography import punct
from artcharter.provenance import verdicts
from artcharter.reports.i18n import maybe, source_type_words, t
from artcharter.reports.messages import MESSAGES


def _text(value: Any, lang: str) -> str:
    return str(value)


def _count(value: Any, lang: str) -> str:
    if isinstance(value, float):
        return fmt_number(value, lang)
    return str(value)


def _energy(value: Any, lang: str) -> str:
    return fmt_energy(float(value), lang) if isinstance(value, int | float) else str(value)


def _yes_no(value: Any, lang: str) -> str:
    return t("ev_yes" if value else "ev_no", lang)


def _verdict(value: Any, lang: str) -> str:
    return verdicts.title(str(value), lang)


def _share(value: Any, lang: str) -> str:
    return maybe(f"level_{value}", lang) or str(value)


def _training(value: Any, lang: str) -> str:
    return maybe(f"tm_{value}", lang) or str(value)


def _days(value: Any, lang: str) -> str:
    return MESSAGES.count("ev_days", int(value), lang)


def _names(value: Any, lang: str) -> str:
    return t("ev_none", lang) if not value else ", ".join(map(str, value))


def _shares(value: Any, lang: str) -> str:
    return t("ev_or", lang).join(_share(v, lang) for v in value)


# Each key a rule's evidence may hold that a reader needs, its label and how its value reads.
SAID: dict[str, Callable[[Any, str], str]] = {
    "verdict": _verdict,
    "signer": _text,
    "issuer": _text,
    "source_type": lambda value, lang: source_type_words(str(value), lang),
    "image_share": _share,
    "expected_shares": _shares,
    "prompts": _count,
    "audit_available": _yes_no,
    "flagged": _names,
    "model": _text,
    "age_days": _days,
    "budget_kwh": _energy,
    "total_kwh": _energy,
    "session_kwh": _energy,
    "images_kept": _count,
    "in_file": _training,
    "ingredients": _names,
    "chars": _count,
    "min_chars": _count,
    "min_count": _count,
    "techniques": _names,
    # What the declaration said: its ingredients, or its training/mining choice.
    "declared": lambda value, lang: (
        _names(value, lang) if isinstance(value, list) else _training(value, lang)
    ),
}


def evidence_line(evidence: dict[str, Any], lang: str) -> str:
    """The evidence a rule read, in one short line in ``lang`` ("" when none reads)."""
    parts = []
    for key, value in evidence.items():
        say = SAID.get(key)
        if say is None or value is None or value == "" or isinstance(value, dict):
            continue
        text = say(value, lang)
        if len(text) > 80:
            text = text[:77] + "…"
        parts.append(t(f"ev_{key}", lang) + punct(":", lang) + text)
    return punct(";", lang).join(parts)
