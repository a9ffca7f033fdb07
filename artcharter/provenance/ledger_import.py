"""Rebuild ledger rows from signed files: `artcharter ledger import`.

Every artcharter file carries its whole record in its Content Credentials, so a ledger row
can be made again from the file alone. Two situations need it: a process killed in the
milliseconds between a file's rename and its ledger commit (the file is complete, its row
is missing), and a school gathering in its own ledger the files students made elsewhere.

Only a *trusted* file is imported, and only when the author its record names is the
certificate's subject: the row then says what a certificate of the school vouches for,
never what anyone could have written into an unsigned or altered file, or a student into
her own record about someone else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artcharter.provenance.record import ArtworkRecord

if TYPE_CHECKING:
    from artcharter.provenance.ledger import Ledger
    from artcharter.provenance.verify import Verification

IMPORTED = "imported"
ALREADY = "already"  # the same bytes are in the ledger under this artwork id
CONFLICT = "conflict"  # the ledger holds other bytes under this artwork id
NOT_TRUSTED = "not-trusted"
NO_RECORD = "no-record"  # signed, but not by artcharter: no record to make a row of
# The record names an author who is not the certificate's subject: a row would put a
# claim in the artist's column.
CLAIMED_AUTHOR = "claimed-author"
OUTCOMES = (IMPORTED, ALREADY, CONFLICT, NOT_TRUSTED, NO_RECORD, CLAIMED_AUTHOR)
# The row a rebuilt file gets: "signed", as label and generate give a new file; the
# artist's keep / discard choice is not in the file, so it cannot be rebuilt.
IMPORTED_STATUS = "signed"


@dataclass(frozen=True)
class ImportOutcome:
    path: str
    outcome: str
    verdict: str
    artwork_id: str | None = None

    @property
    def ok(self) -> bool:
        return self.outcome in (IMPORTED, ALREADY)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "outcome": self.outcome,
            "verdict": self.verdict,
            "artwork_id": self.artwork_id,
        }


def import_verified(ledger: Ledger, verification: Verification) -> ImportOutcome:
    """Add the row of one verified file when it is trusted and missing; say what happened."""
    path, verdict = verification.path, verification.verdict

    def outcome(kind: str, artwork_id: str | None = None) -> ImportOutcome:
        return ImportOutcome(path, kind, verdict, artwork_id)

    if verdict != "trusted":
        return outcome(NOT_TRUSTED)
    try:
        record = ArtworkRecord.from_dict(verification.record) if verification.record else None
    except (ValueError, TypeError, KeyError):
        record = None
    if record is None or not verification.sha256:
        return outcome(NO_RECORD)
    if verification.claimed_author is not None:
        return outcome(CLAIMED_AUTHOR, record.artwork_id)
    existing = ledger.find_artwork(record.artwork_id)
    if existing is not None and existing.get("artwork_id") == record.artwork_id:
        same = existing.get("sha256") == verification.sha256
        return outcome(ALREADY if same else CONFLICT, record.artwork_id)
    with ledger.transaction():  # the row, its declaration and its energy, or nothing
        ledger.add_artwork(record, Path(path), verification.sha256, status=IMPORTED_STATUS)
        if record.declaration is not None:
            ledger.add_declaration(record)
        if (
            record.kind == "generated"
            and record.energy is not None
            and not ledger.has_energy_run(record.artwork_id)
        ):
            ledger.add_energy_run(record.energy, phase="generation", artwork_id=record.artwork_id)
    return outcome(IMPORTED, record.artwork_id)
