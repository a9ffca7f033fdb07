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

A row's path is read as its ledger stored it: relative to that ledger's folder (where the
file lay under it), else absolute. A relative path that climbs out of that folder is no
path artcharter wrote and is not looked at. An artwork that joins is stored with the path
where its file was found here (relative to this ledger's folder when under it); a row kept
apart keeps the other ledger's text, with the other ledger's name in ``source``.

Merging is idempotent: an artwork already here is left as it is (a different file under
the same id is a conflict, and ours stays), and a row already kept apart is not kept twice.

Where the signed files are looked for is the caller's choice (a ``FindFile``): the command
line looks at the row's path and by name in the folders given (``files_at_paths``); the
jury desk looks only among its kept uploads, by hash (``files_by_hash``), and never opens a
path the uploaded ledger names.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artcharter.base.hashing import sha256_file, sha256_hex
from artcharter.provenance.ledger import Ledger, absolute_text, path_text, read_other_ledger
from artcharter.provenance.ledger_import import ALREADY, CONFLICT, IMPORTED, NO_RECORD, NOT_TRUSTED
from artcharter.provenance.prompt_key import KEY_BYTES, matches, secret_path
from artcharter.provenance.record import ArtworkRecord, now_iso

NOT_HERE = "file-not-here"  # the row's file is neither at its path nor in the folders given
OTHER_BYTES = "other-bytes"  # a file with the row's name, but not the bytes the row names
UNSIGNED = "unsigned"  # a row no signature vouches for (energy runs, campaigns...)
STATUSES = ("kept", "discarded", "signed")  # statuses an artist sets, carried over
SHA256 = re.compile(r"[0-9a-f]{64}")

# A row of the other ledger -> its signed file here (exactly the bytes the row names), or
# the reason it is not found (NOT_HERE, OTHER_BYTES).
FindFile = Callable[[dict[str, Any]], "Path | str"]


@dataclass
class MergeReport:
    """What a merge did, per artwork row of the other ledger and in all."""

    source: str
    artworks: dict[str, int] = field(default_factory=dict)  # outcome -> count
    kept_apart: int = 0  # rows added to merged_rows by this merge
    rows_read: int = 0
    apart: dict[str, int] = field(default_factory=dict)  # reason -> rows kept apart, in all

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
    find: FindFile | None = None,
    source: str | None = None,
    immutable: bool = False,
) -> MergeReport:
    """Merge the ledger at ``other`` into ``ledger``: trusted files' rows join, the rest is
    kept apart. Files are found by ``find``, by default at their row's path or by name in
    ``folders``. ``source`` names the other ledger in ``merged_rows`` (default: its file
    name); ``immutable``: ``other`` is a private copy nobody writes."""
    from artcharter.provenance.verify import verify_file

    if other.resolve() == ledger.path.resolve():
        from artcharter.base.errors import BadInput
        from artcharter.provenance.messages import MESSAGES

        raise BadInput(MESSAGES("merge.same_ledger", path=other))
    report = MergeReport(source or other.name)
    secret = _other_secret(other)
    other_root = path_text(other.parent)
    apart: list[dict[str, Any]] = []
    find = find or files_at_paths(folders)
    for table, row in read_other_ledger(other, immutable=immutable, shown=source):
        report.rows_read += 1
        if table == "meta":
            continue
        if table != "artworks":
            apart.append(_apart(report.source, table, row, UNSIGNED))
            continue
        # Its path is relative to ITS folder (or absolute, or not one artcharter wrote:
        # None). A file found joins with its path here; a row kept apart keeps its text.
        located = {**row, "path": absolute_text(row.get("path"), other_root)}
        outcome = _merge_artwork(ledger, located, anchors, find, verify_file, secret)
        report.artworks[outcome] = report.artworks.get(outcome, 0) + 1
        if outcome not in (IMPORTED, ALREADY):
            apart.append(_apart(report.source, table, row, outcome))
    for item in apart:
        report.apart[item["reason"]] = report.apart.get(item["reason"], 0) + 1
    report.kept_apart = ledger.add_merged_rows(apart) if apart else 0
    return report


def files_at_paths(folders: Sequence[Path] = ()) -> FindFile:
    """The command line's search: the file at the row's path, else one of the same name
    in ``folders`` (a workstation's output copied to the school's server)."""
    by_name = _files_by_name(folders)

    def find(row: dict[str, Any]) -> Path | str:
        path = _find_file(row, by_name)
        if path is not None:
            return path
        return OTHER_BYTES if _named_file_exists(row, by_name) else NOT_HERE

    return find


def files_by_hash(folder: Path | None) -> FindFile:
    """The desk's search: a file kept in ``folder`` as ``<sha256>.<ext>`` with the hash the
    row names. The row's path is never looked at: on a server, it could name any file."""

    def find(row: dict[str, Any]) -> Path | str:
        digest = row.get("sha256")
        if folder is None or not isinstance(digest, str) or not SHA256.fullmatch(digest):
            return NOT_HERE
        for candidate in sorted(folder.glob(f"{digest}.*")):
            try:
                if candidate.is_file() and sha256_file(candidate) == digest:
                    return candidate
            except OSError:
                continue
        return NOT_HERE

    return find


def _merge_artwork(
    ledger: Ledger,
    row: dict[str, Any],
    anchors: tuple[str, ...],
    find: FindFile,
    verify_file: Any,
    secret: bytes | None,
) -> str:
    path = find(row)
    if isinstance(path, str):
        return path
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


def _apart(source: str, table: str, row: dict[str, Any], reason: str) -> dict[str, Any]:
    text = json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)
    return {
        "row_key": sha256_hex(f"{table}\n{text}"),
        "source": source,
        "source_table": table,
        "artwork_id": row.get("artwork_id"),
        "reason": reason,
        "row": text,
        "merged_at": now_iso(),
    }
