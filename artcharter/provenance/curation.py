"""Keep or discard artworks: the artist's choice, written in the ledger.

A discarded image stays in the ledger (its energy still counts); only its status changes.
Artworks are found by file path, by the hash of a file's bytes (a file moved or renamed
since), by artwork id or its first characters, or by file hash.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_file
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.messages import MESSAGES

MARKS = ("kept", "discarded")
MIN_PREFIX = 6


@dataclass(frozen=True)
class Marked:
    key: str
    artwork_id: str
    path: str
    previous: str
    status: str


def find(ledger: Ledger, key: str) -> dict[str, Any] | None:
    """The artwork a person means by ``key``, or None (BadInput if a prefix is ambiguous)."""
    path = Path(key).expanduser()
    if path.is_file():
        row = ledger.find_artwork(str(path.resolve()))
        if row is None:
            row = ledger.find_artwork(sha256_file(path))
        return row
    row = ledger.find_artwork(key)
    if row is not None or len(key) < MIN_PREFIX or not all(c in "0123456789abcdef-" for c in key):
        return row
    matches = ledger.artworks_by_id_or_hash_prefix(key, limit=2)
    if len(matches) > 1:
        raise BadInput(MESSAGES("curation.ambiguous", key=key))
    return matches[0] if matches else None


def mark(ledger: Ledger, keys: list[str], status: str) -> list[Marked]:
    """Set the status of every artwork in ``keys``; all of them or, if one is unknown, none."""
    if status not in MARKS:
        raise BadInput(MESSAGES("curation.unknown_status", status=status, choices=", ".join(MARKS)))
    if not keys:
        raise BadInput(MESSAGES("curation.nothing_named"))
    rows, missing = [], []
    for key in keys:
        row = find(ledger, key)
        if row is None:
            missing.append(key)
        else:
            rows.append((key, row))
    if missing:
        raise BadInput(
            MESSAGES("curation.unknown_artworks", path=ledger.path, choices=", ".join(missing))
        )
    ledger.set_statuses([row["artwork_id"] for _, row in rows], status)
    return [Marked(key, row["artwork_id"], row["path"], row["status"], status) for key, row in rows]
