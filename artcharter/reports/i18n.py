"""Every word of the reports, cartels and summaries, in the reader's language.

The texts live in the reports catalogue (artcharter.reports.messages); ``t`` is the short
name reports and templates use for one of them.
"""

from __future__ import annotations

from artcharter.reports.messages import MESSAGES


def t(key: str, lang: str, **values: object) -> str:
    return MESSAGES.text(key, lang, **values)


def source_type_words(source_type: str | None, lang: str) -> str:
    """An IPTC digital source type in words; an unknown one as it is written."""
    if not source_type:
        return t("unknown", lang)
    key = f"source_type.{source_type}"
    return t(key, lang) if key in MESSAGES else source_type


def maybe(key: str, lang: str) -> str | None:
    """The text of ``key`` when it exists (statuses and levels read from data)."""
    return t(key, lang) if key in MESSAGES else None


def share_words(share: str, kind: str, lang: str) -> str:
    """How much AI made the work, in words that name its kind ("AI-generated sound")."""
    return maybe(f"share_{share}_{kind}", lang) or t(f"share_{share}", lang)
