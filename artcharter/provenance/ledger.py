"""The ledger: one SQLite file (WAL) that records every generation, artwork, energy run and
verification. Plain tables with JSON text columns, so it opens in Datasette as is.

Writes happen inside ``Ledger.transaction()``, which takes SQLite's write lock up front
(BEGIN IMMEDIATE): two processes writing at once wait for each other instead of failing,
and an interrupted command leaves no half-written group of rows.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from artcharter.base.errors import BadInput, SetupError
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import ArtworkRecord, EnergyRecord, now_iso


def _import_sqlite_utils() -> Any:
    """sqlite-utils imports pandas and numpy when they are installed (codecarbon brings
    them) only to map their scalar types, which the ledger never writes; that costs about
    0.3 s on every command. Import it with them hidden, then unhide them for later users."""
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # makes `import name` fail
    try:
        import sqlite_utils
    finally:
        for name in hidden:
            del sys.modules[name]
    return sqlite_utils


sqlite_utils = _import_sqlite_utils()

SCHEMA_VERSION = 1
BUSY_TIMEOUT_S = 60

TABLES: dict[str, tuple[dict[str, type], str]] = {
    "artworks": (
        {
            "artwork_id": str,
            "path": str,
            "sha256": str,
            "kind": str,
            "status": str,
            "title": str,
            "artist": str,
            "organisation": str,
            "source_type": str,
            "ai_share": str,
            "tool": str,
            "model_id": str,
            "is_demo": int,
            "prompt": str,
            "prompt_sha256": str,
            "prompt_private": int,
            "session_id": str,
            "created_at": str,
            "updated_at": str,
            "record": str,
        },
        "artwork_id",
    ),
    "energy_runs": (
        {
            "id": int,
            "artwork_id": str,
            "batch_id": str,
            "phase": str,
            "status": str,
            "reason": str,
            "kwh_total": float,
            "kwh_cpu": float,
            "kwh_gpu": float,
            "kwh_ram": float,
            "duration_s": float,
            "kg_co2eq": float,
            "country_iso": str,
            "carbon_intensity_g_per_kwh": float,
            "method": str,
            "images": int,
            "session_id": str,
            "created_at": str,
        },
        "id",
    ),
    "verifications": (
        {
            "id": int,
            "path": str,
            "sha256": str,
            "verdict": str,
            "validation_state": str,
            "artwork_id": str,
            "signer": str,
            "organisation": str,
            "codes": str,
            "verified_at": str,
        },
        "id",
    ),
}


# The status of a row whose file was overwritten by a newer artwork under the same name.
REPLACED = "replaced"


def path_text(path: Path) -> str:
    """A file's absolute path as the ledger stores it. SQLite text is UTF-8, while a Linux
    file name may be any bytes: those are kept as ``\\xNN`` escapes, the same every time."""
    return os.fsencode(path.resolve()).decode("utf-8", "backslashreplace")


class Ledger:
    """The project's ledger file. Use as a context manager or call ``close()``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        except sqlite3.DatabaseError as exc:
            raise BadInput(MESSAGES("ledger.unusable", path=path, error=str(exc))) from None
        except OSError as exc:
            raise SetupError(
                MESSAGES("ledger.cannot_open", path=path, reason=exc.strerror)
            ) from None
        self.db = sqlite_utils.Database(conn)
        self._ensure_schema()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _ensure_schema(self) -> None:
        try:
            existing = set(self.db.table_names())
            if existing and not self._is_ledger(existing):
                # Never write artcharter's tables into another program's database.
                raise BadInput(MESSAGES("ledger.not_a_ledger", path=self.path, param="ledger"))
            if all(name in existing for name in TABLES) and "meta" in existing:
                return
            with self.transaction():
                for name, (columns, pk) in TABLES.items():
                    self.db[name].create(columns, pk=pk, if_not_exists=True)
                self.db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
                self.db.execute(
                    "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                    [str(SCHEMA_VERSION)],
                )
            for table, column in (
                ("artworks", "sha256"),
                ("artworks", "path"),
                ("verifications", "sha256"),
            ):
                self.db[table].create_index([column], if_not_exists=True)
        except sqlite3.DatabaseError as exc:
            raise BadInput(MESSAGES("ledger.unusable", path=self.path, error=str(exc))) from None

    def _is_ledger(self, existing: set[str]) -> bool:
        if "meta" not in existing:
            return False
        try:
            found = self.db.execute("SELECT 1 FROM meta WHERE key = 'schema_version'").fetchone()
        except sqlite3.OperationalError:  # a "meta" table of another shape
            return False
        return found is not None

    def ensure_table(self, name: str, columns: dict[str, type], pk: str) -> None:
        """Let a later feature (probes, declarations) add its own table."""
        if name not in self.db.table_names():
            with self.transaction():
                self.db[name].create(columns, pk=pk, if_not_exists=True)

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        else:
            conn.execute("COMMIT")

    # --- artworks ------------------------------------------------------------------------

    def add_artwork(
        self,
        record: ArtworkRecord,
        path: Path,
        sha256: str,
        *,
        status: str,
        session_id: str | None = None,
    ) -> None:
        row = {
            "artwork_id": record.artwork_id,
            "path": path_text(path),
            "sha256": sha256,
            "kind": record.kind,
            "status": status,
            "title": record.title,
            "artist": record.author.name if record.author else None,
            "organisation": record.author.organisation if record.author else None,
            "source_type": record.source_type,
            "ai_share": record.ai_share,
            "tool": record.tool,
            "model_id": record.model.id if record.model else None,
            "is_demo": int(bool(record.model and record.model.is_demo)),
            # The ledger keeps the full prompt even when the file only carries its hash.
            "prompt": record.prompt,
            "prompt_sha256": record.prompt_sha256,
            "prompt_private": int(record.prompt_private),
            "session_id": session_id,
            "created_at": record.created_at,
            "updated_at": now_iso(),
            "record": json.dumps(record.to_dict(), ensure_ascii=False),
        }
        with self.transaction():
            self.db["artworks"].insert(row, pk="artwork_id", replace=True)

    def retire_path(self, path: Path) -> None:
        """The file at ``path`` is being overwritten (``label --force``): its rows no longer
        describe the bytes there. They stay, as history and for their energy, marked
        ``replaced``; call inside the transaction that adds the new row."""
        self.db.execute(
            "UPDATE artworks SET status = ?, updated_at = ? WHERE path = ? "
            "AND status NOT IN (?, 'discarded')",  # a discard is the artist's choice: kept
            [REPLACED, now_iso(), path_text(path), REPLACED],
        )

    def set_status(self, artwork_id: str, status: str) -> None:
        with self.transaction():
            self.db["artworks"].update(artwork_id, {"status": status, "updated_at": now_iso()})

    def find_artwork(self, key: str) -> dict[str, Any] | None:
        """By artwork id, file hash, or path."""
        text = key.encode("utf-8", "backslashreplace").decode("utf-8")  # SQLite wants UTF-8
        rows = list(
            self.db.query(
                "SELECT * FROM artworks WHERE artwork_id = ? OR sha256 = ? OR path = ? "
                "ORDER BY created_at DESC LIMIT 1",
                [text, text, path_text(Path(key)) if key else key],
            )
        )
        return rows[0] if rows else None

    def artworks(
        self, *, status: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        sql = "SELECT * FROM artworks"
        params: list[Any] = []
        if status:
            sql += " WHERE status = ?"
            params.append(status)
        sql += " ORDER BY created_at DESC, rowid DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return list(self.db.query(sql, params))

    def record_of(self, row: dict[str, Any]) -> ArtworkRecord:
        return ArtworkRecord.from_dict(json.loads(row["record"]))

    # --- declarations --------------------------------------------------------------------

    DECLARATION_COLUMNS: dict[str, type] = {  # noqa: RUF012
        "artwork_id": str,
        "title": str,
        "artist": str,
        "training_mining": str,
        "ai_share": str,
        "declaration": str,
        "created_at": str,
    }

    def add_declaration(self, record: ArtworkRecord) -> None:
        """Keep the artist's declaration (artcharter.charter.declaration) next to its artwork."""
        declaration = record.declaration or {}
        self.ensure_table("declarations", self.DECLARATION_COLUMNS, "artwork_id")
        row = {
            "artwork_id": record.artwork_id,
            "title": declaration.get("title"),
            "artist": declaration.get("artist"),
            "training_mining": declaration.get("training_mining"),
            "ai_share": json.dumps(declaration.get("ai_share") or {}, ensure_ascii=False),
            "declaration": json.dumps(declaration, ensure_ascii=False),
            "created_at": now_iso(),
        }
        with self.transaction():
            self.db["declarations"].insert(row, pk="artwork_id", replace=True)

    # --- energy --------------------------------------------------------------------------

    def add_energy_run(
        self,
        energy: EnergyRecord,
        *,
        phase: str,
        artwork_id: str | None = None,
        batch_id: str | None = None,
        session_id: str | None = None,
    ) -> None:
        row = {
            "artwork_id": artwork_id,
            "batch_id": batch_id,
            "phase": phase,
            "status": energy.status,
            "reason": energy.reason,
            "kwh_total": energy.kwh_total,
            "kwh_cpu": energy.kwh_cpu,
            "kwh_gpu": energy.kwh_gpu,
            "kwh_ram": energy.kwh_ram,
            "duration_s": energy.duration_s,
            "kg_co2eq": energy.kg_co2eq,
            "country_iso": energy.country_iso,
            "carbon_intensity_g_per_kwh": energy.carbon_intensity_g_per_kwh,
            "method": energy.method,
            "images": energy.images_in_run,
            "session_id": session_id,
            "created_at": now_iso(),
        }
        with self.transaction():
            self.db["energy_runs"].insert(row)

    # --- verifications -------------------------------------------------------------------

    def add_verifications(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        stamped = [
            {**r, "codes": json.dumps(r.get("codes", [])), "verified_at": now_iso()} for r in rows
        ]
        with self.transaction():
            self.db["verifications"].insert_all(stamped)

    def counts(self) -> dict[str, int]:
        return {name: self.db[name].count for name in self.db.table_names() if name != "meta"}
