"""A workstation's ledger uploaded to the desk: the school's ``ledger merge``, over HTTP.

Off unless the school gives ``serve`` a merge token: a ledger upload writes to the school's
ledger, so it is no visitor's business. The token is compared in constant time (through
its SHA-256, so that its length is not timed either). The upload is bounded like any other,
checked from its first bytes, written whole to a private scratch folder, and read there by
``merge_ledger`` as an immutable, untrusted SQLite file. Its signed files are looked for
only among the desk's kept uploads, by hash: a path named in the uploaded ledger is a
workstation's, and on the server it could name any file, so it is never opened.
"""

from __future__ import annotations

import hashlib
import hmac
import tempfile
from pathlib import Path

from artcharter.base.files import write_atomic
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.ledger_import import ALREADY, CONFLICT, IMPORTED, NO_RECORD, NOT_TRUSTED
from artcharter.provenance.ledger_merge import (
    NOT_HERE,
    OTHER_BYTES,
    UNSIGNED,
    MergeReport,
    files_by_hash,
    merge_ledger,
)
from artcharter.serve.texts import count, text
from artcharter.serve.uploads import Rejected

SQLITE_MAGIC = b"SQLite format 3\x00"
MIN_TOKEN_LENGTH = 32
# Why a row was kept apart, in words (the desk's catalogue).
REASON_TEXTS = {
    NOT_HERE: "merge_why_not_here",
    OTHER_BYTES: "merge_why_not_here",  # by hash, a file with other bytes is not found
    NOT_TRUSTED: "merge_why_not_trusted",
    NO_RECORD: "merge_why_no_record",
    CONFLICT: "merge_why_conflict",
    UNSIGNED: "merge_why_unsigned",
}


def authorised(header: str | None, token: str | None) -> bool:
    """True when ``Authorization: Bearer <token>`` carries the desk's merge token."""
    if not token or not header:
        return False
    scheme, _, given = header.strip().partition(" ")
    if scheme.lower() != "bearer":
        return False
    mine = hashlib.sha256(token.encode()).digest()
    return hmac.compare_digest(hashlib.sha256(given.strip().encode()).digest(), mine)


def check_ledger(name: str, data: bytes, limit: int) -> None:
    """Refuse, before anything is written, what cannot be a ledger within the limit."""
    if not data:
        raise Rejected(422, "err_empty", name=name)
    if len(data) > limit:
        raise Rejected(413, "err_too_large", name=name, limit=limit)
    if not data.startswith(SQLITE_MAGIC):
        raise Rejected(415, "err_not_ledger", name=name)


def merge_upload(
    ledger_path: Path,
    data: bytes,
    name: str,
    anchors: tuple[str, ...],
    kept_uploads: Path | None,
) -> MergeReport:
    """Merge the uploaded ledger ``data`` into the desk's ledger, as ``ledger merge`` does,
    finding signed files only in ``kept_uploads`` (by hash). Raises BadInput for a file
    that is not a ledger of a known schema, before anything is written."""
    with tempfile.TemporaryDirectory(prefix="artcharter-ledger-") as scratch:  # 0700
        copy = Path(scratch) / "upload.db"
        write_atomic(copy, data, private=True, durable=False)
        with Ledger(ledger_path) as ledger:
            return merge_ledger(
                ledger,
                copy,
                anchors,
                find=files_by_hash(kept_uploads),
                source=name,
                immutable=True,
            )


def summary(report: MergeReport, lang: str) -> list[str]:
    """What the merge did, in ``lang``: joined, already there, kept apart and why."""
    lines = [
        count("merge_joined", report.count(IMPORTED), lang, source=report.source),
        count("merge_already", report.count(ALREADY), lang),
    ]
    why: dict[str, int] = {}
    for reason, apart in report.apart.items():
        key = REASON_TEXTS.get(reason, "merge_why_unsigned")
        why[key] = why.get(key, 0) + apart
    for key, n in sorted(why.items()):
        lines.append(count("merge_apart", n, lang, why=text(key, lang)))
    return lines
