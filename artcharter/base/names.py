"""Comparing people's names as written in different places (a certificate, a record)."""

from __future__ import annotations

import unicodedata


def name_key(text: str) -> str:
    """One form per name: Unicode-normalised (NFKC), case-folded, runs of spaces made one."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two non-empty names are the same once written in one form."""
    return bool(a) and bool(b) and name_key(a or "") == name_key(b or "")
