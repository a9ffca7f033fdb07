"""Many workstations, one school ledger: `artcharter ledger merge OTHER.db`.

Another ledger is a file anyone could have edited, so none of its rows is believed as it
is. An artwork row joins this ledger's own tables only through its signed file: found at
the row's path or by its name under the folders given, with the bytes the row names, and
verified *trusted* here; the row is then rebuilt from the file's record, as
`ledger import` does. What the file cannot say is taken from the other row only where it
can be checked or cannot mislead: its keep/discard status and session, and a private
prompt whose keyed hash in the signed record matches under the other project's secret
(``OTHER.db.secret``, copied beside it). Every other row (an artwork whose file is
not here or not trusted, energy runs, verifications, campaigns) is kept apart in
``merged_rows`` with the reason, for people to read, never as this ledger's own.

Merging is idempotent: an artwork already here is left as it is (a different file under
the same id is a conflict, and ours stays), and a row already kept apart is not kept twice.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artcharter.base.hashing import sha256_file, sha256_hex
from artcharter.provenance.ledger import Ledger, read_other_ledger
from artcharter.provenance.ledger_import import ALREADY, CONFLICT, IMPORTED, NO_RECORD, NOT_TRUSTED
from artcharter.provenance.prompt_key import KEY_BYTES, matches, secret_path
from artcharter.provenance.record import ArtworkRecord, now_iso

NOT_HERE = "file-not-here"  # the row's file is neither at its path nor in the folders given
OTHER_BYTES = "other-bytes"  # a file with the row's name, but not the bytes the row names
UNSIGNED = "unsigned"  # a row no signature vouches for (energy runs, campaigns...)
STATUSES = ("kept", "discarded", "signed")  # statuses an artist sets, carried over


@dataclass
class MergeReport:
    """What a merge did, per artwork row of the other ledger and in all."""

    source: str
    artworks: dict[str, int] = field(default_factory=dict)  # outcome -> count
    kept_apart: int = 0  # rows added to merged_rows by this merge
    rows_read: int = 0

    def count(self, outcome: str) -> int:
        return self.artworks.get(outcome, 0)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def merge_ledger(
    ledger: Ledger,
    other: Path,
    anchors: tuple[str, ...],
    *,
    folders: Sequence[Path] = (),
) -> MergeReport:
    """Merge the ledger at ``other`` into ``ledger``: trusted files' rows join, the rest is
    kept apart. ``folders`` are searched (by file name) for files not at their row's path."""
    from artcharter.provenance.verify import verify_file

    if other.resolve() == ledger.path.resolve():
        from artcharter.base.errors import BadInput
        from artcharter.provenance.messages import MESSAGES

        raise BadInput(MESSAGES("merge.same_ledger", path=other))
    report = MergeReport(other.name)
    secret = _other_secret(other)
    apart: list[dict[str, Any]] = []
    by_name = _files_by_name(folders)
    for table, row in read_other_ledger(other):
        report.rows_read += 1
        if table == "meta":
            continue
        if table != "artworks":
            apart.append(_apart(other, table, row, UNSIGNED))
            continue
        outcome = _merge_artwork(ledger, row, anchors, by_name, verify_file, secret)
        report.artworks[outcome] = report.artworks.get(outcome, 0) + 1
        if outcome not in (IMPORTED, ALREADY):
            apart.append(_apart(other, table, row, outcome))
    report.kept_apart = ledger.add_merged_rows(apart) if apart else 0
    return report


def _merge_artwork(
    ledger: Ledger,
    row: dict[str, Any],
    anchors: tuple[str, ...],
    by_name: dict[str, list[Path]],
    verify_file: Any,
    secret: bytes | None,
) -> str:
    path = _find_file(row, by_name)
    if path is None:
        return NOT_HERE if not _named_file_exists(row, by_name) else OTHER_BYTES
    verification = verify_file(path, anchors)
    if verification.verdict != "trusted":
        return NOT_TRUSTED
    try:
        record = ArtworkRecord.from_dict(verification.record) if verification.record else None
    except (ValueError, TypeError, KeyError):
        record = None
    if record is None or verification.sha256 != row.get("sha256"):
        return NO_RECORD
    existing = ledger.find_artwork(record.artwork_id)
    if existing is not None and existing.get("artwork_id") == record.artwork_id:
        return ALREADY if existing.get("sha256") == verification.sha256 else CONFLICT
    # A private prompt: the file carries its keyed hash, the other ledger the text, and the
    # other project's secret (copied beside its ledger) tells whether they match.
    prompt = row.get("prompt")
    if record.prompt_private and prompt and secret and matches(prompt, record.prompt_hmac, secret):
        record = dataclasses.replace(record, prompt=prompt)
    status = row.get("status") if row.get("status") in STATUSES else "signed"
    with ledger.transaction():  # the row, its declaration and its energy, or nothing
        ledger.add_artwork(
            record, path, verification.sha256, status=status, session_id=row.get("session_id")
        )
        if record.declaration is not None:
            ledger.add_declaration(record)
        if (
            record.kind != "labelled"
            and record.energy is not None
            and not ledger.has_energy_run(record.artwork_id)
        ):
            ledger.add_energy_run(
                record.energy,
                phase="generation",
                artwork_id=record.artwork_id,
                session_id=row.get("session_id"),
            )
    return IMPORTED


def _other_secret(other: Path) -> bytes | None:
    """The other project's prompt secret, if it was copied beside its ledger."""
    try:
        key = secret_path(other).read_bytes()
    except OSError:
        return None
    return key if len(key) >= KEY_BYTES else None


def _files_by_name(folders: Iterable[Path]) -> dict[str, list[Path]]:
    found: dict[str, list[Path]] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                found.setdefault(path.name, []).append(path)
    return found


def _find_file(row: dict[str, Any], by_name: dict[str, list[Path]]) -> Path | None:
    """The file of the row: at its path or by its name, with exactly the row's bytes."""
    where = row.get("path") or ""
    candidates = [Path(where), *by_name.get(Path(where).name, [])] if where else []
    for candidate in candidates:
        try:
            if candidate.is_file() and sha256_file(candidate) == row.get("sha256"):
                return candidate
        except OSError:
            continue
    return None


def _named_file_exists(row: dict[str, Any], by_name: dict[str, list[Path]]) -> bool:
    where = Path(row.get("path") or "")
    return where.is_file() or bool(by_name.get(where.name))


def _apart(other: Path, table: str, row: dict[str, Any], reason: str) -> dict[str, Any]:
    text = json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)
    return {
        "row_key": sha256_hex(f"{table}\n{text}"),
        "source": other.name,
        "source_table": table,
        "artwork_id": row.get("artwork_id"),
        "reason": reason,
        "row": text,
        "merged_at": now_iso(),
    }
