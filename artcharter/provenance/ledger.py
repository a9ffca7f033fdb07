"""The ledger: one SQLite file (WAL) that records every generation, artwork, energy run and
verification. Plain tables with JSON text columns, so it opens in Datasette as is.

Writes happen inside ``Ledger.transaction()``, which takes SQLite's write lock up front
(BEGIN IMMEDIATE): two processes writing at once wait for each other instead of failing,
and an interrupted command leaves no half-written group of rows.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artcharter.base.errors import BadInput, SetupError
from artcharter.base.files import StagedFile
from artcharter.base.names import same_name
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.prompt_key import project_secret
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

# 2: energy_runs and verifications declare their artwork_id a foreign key of artworks
# (a version-1 ledger is migrated when opened: Ledger._migrate).
# 3: the images of bias probe campaigns have their own kind, "probe": they are measurement
# material, not anyone's artworks (a version-2 ledger's campaign images are marked).
# 4: a path is stored relative to the ledger's folder when the file lies under it (POSIX
# separators), so that a ledger copied or moved with its works still names them; absolute
# only for a file outside it (a version-3 ledger's paths under its folder are rewritten).
SCHEMA_VERSION = 5
# The kind of an image made by a bias probe campaign.
PROBE_KIND = "probe"
BUSY_TIMEOUT_S = 60
# The series an artwork row belongs to: a generation's or a labelled folder's.
# Indexed (``_ensure_indexes``): a query finds a series' rows by this very expression. A
# record that is not JSON (a hand-edited row) belongs to no series, and neither fails a
# query nor the index.
SERIES_OF = (
    "CASE WHEN json_valid(record) THEN coalesce(json_extract(record, '$.generation.series_id'), "
    "json_extract(record, '$.series.series_id')) END"
)

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
            "claimed_artwork_id": str,
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
            "claimed_artwork_id": str,
        },
        "id",
    ),
}
# Rows that name an artwork point at its row, so Datasette links the tables. An id that
# names no artwork of this ledger (a verified file from elsewhere that merely claims one)
# is kept in claimed_artwork_id, with artwork_id NULL: a foreign key never dangles.
FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "energy_runs": [("artwork_id", "artworks", "artwork_id")],
    "verifications": [("artwork_id", "artworks", "artwork_id")],
}
CLAIMED = "claimed_artwork_id"


# The status of a row whose file was overwritten by a newer artwork under the same name.
REPLACED = "replaced"


# The columns that hold a file's or a folder's path, in every table a ledger may have (the
# probe tables are made by artcharter.provenance.campaign.store).
PATH_COLUMNS: dict[str, tuple[str, ...]] = {
    "artworks": ("path",),
    "verifications": ("path",),
    "series": ("output_dir",),
    "probe_campaigns": ("images_dir", "output_dir"),
    "probe_images": ("path",),
    "probe_artworks": ("path",),
    "probe_validations": ("labels_file", "images_dir"),
}
PATH_KEYS = frozenset(column for columns in PATH_COLUMNS.values() for column in columns)
# What the jury desk writes as the "path" of an upload it did not keep: a note, not a path.
UPLOAD_NOTE = "upload:"


def path_text(path: Path) -> str:
    """A file's absolute path as text. SQLite text is UTF-8, while a Linux file name may be
    any bytes: those are kept as ``\\xNN`` escapes, the same every time."""
    return os.fsencode(path.resolve()).decode("utf-8", "backslashreplace")


def relative_text(text: str, root: str) -> str:
    """``text`` (an absolute path's text) as the ledger in folder ``root`` stores it:
    relative to ``root`` when it lies under it, else as it is."""
    prefix = root.rstrip("/") + "/"
    if not text.startswith(prefix) or len(text) == len(prefix):
        return text
    rest = text[len(prefix) :]
    # A file named like the desk's note keeps a "./" so that it still reads as a path.
    return "./" + rest if rest.startswith(UPLOAD_NOTE) else rest


def absolute_text(text: Any, root: str) -> Any:
    """A stored path as an absolute path's text, resolved against ``root`` (the folder of
    the ledger that stored it); an absolute one and the desk's note as they are.

    A relative path that climbs out of ``root`` (``..``), or any path with a NUL, was not
    written by artcharter (it stores a path relative only for a file under its folder):
    it gives None, so that no reader opens a file outside the folders it would open for
    the ledger's absolute paths."""
    if not isinstance(text, str):
        return text
    if not text or "\0" in text:
        return None
    if text.startswith("/"):
        return text
    parts = re.split(r"[/\\]", text)  # a backslash separates on Windows
    if ".." in parts:
        return None
    if text.startswith(UPLOAD_NOTE):
        return text  # the desk's note: the name an upload came with, not a path
    return root.rstrip("/") + "/" + posixpath.normpath(text)


def _absolute_row(row: dict[str, Any], root: str) -> dict[str, Any]:
    for key in PATH_KEYS.intersection(row):
        row[key] = absolute_text(row[key], root)
    return row


class _Database(sqlite_utils.Database):  # type: ignore[misc,name-defined]
    """sqlite-utils' database, whose rows give every path column absolute (resolved against
    the ledger's folder, ``root``): the one place where the stored form becomes the one
    readers use, so that each of them opens and shows a path that works from anywhere."""

    root = ""

    def query(self, sql: str, params: Any = None) -> Iterator[dict[str, Any]]:
        for row in super().query(sql, params):
            yield _absolute_row(row, self.root)


def _claimed(row: dict[str, Any], known: set[str]) -> dict[str, Any]:
    """``row`` ready to write: an artwork_id outside ``known`` (the ledger's artworks)
    becomes its claimed_artwork_id, so that the foreign key holds."""
    artwork_id = row.get("artwork_id")
    if artwork_id is None or artwork_id in known:
        return {**row, CLAIMED: row.get(CLAIMED) if artwork_id is None else None}
    return {**row, "artwork_id": None, CLAIMED: artwork_id}


@dataclass
class _Batch:
    """The batch of commits open in a ledger (``Ledger.batch``)."""

    at_most: int
    seconds: float
    count: int = 0
    started: float = field(default_factory=time.monotonic)
    # Published files waiting under their temporary names for the batch's commit.
    files: list[StagedFile] = field(default_factory=list)


class Ledger:
    """The project's ledger file. Use as a context manager or call ``close()``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                # The ledger keeps private prompts: 0600 from its first byte (SQLite gives
                # its -wal and -shm files the same mode), with the project's secret.
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
                project_secret(path)
            # Generation publishes from worker threads (provenance/finishing.py): the
            # connection may be used from any thread, one transaction at a time (the lock).
            conn = sqlite3.connect(
                path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
            )
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
        except sqlite3.DatabaseError as exc:
            raise BadInput(MESSAGES("ledger.unusable", path=path, error=str(exc))) from None
        except OSError as exc:
            raise SetupError(
                MESSAGES("ledger.cannot_open", path=path, reason=exc.strerror)
            ) from None
        self.db = _Database(conn)
        # The ledger's folder: paths under it are stored relative to it.
        self.db.root = self.root = path_text(path.parent)
        self._lock = threading.RLock()
        self._depth = 0  # transaction() blocks open (nested ones are savepoints)
        self._batch: _Batch | None = None  # the open batch of commits (``batch``)
        self._ensure_schema()

    def stored_path(self, path: Path | str) -> str:
        """How the ledger stores the path of a file or folder (a ``Path`` from the current
        folder, or an absolute path's text): relative to the ledger's folder, with POSIX
        separators, when it lies under it; absolute when outside."""
        if isinstance(path, str):
            if path.startswith(UPLOAD_NOTE):
                return path  # the desk's note for an upload it did not keep
            if not path.startswith("/"):
                path = Path(path)
        text = path if isinstance(path, str) else path_text(path)
        return relative_text(text, self.root)

    def stored_row(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """``row`` of ``table`` with its path columns as the ledger stores them."""
        paths = {
            column: self.stored_path(row[column])
            for column in PATH_COLUMNS.get(table, ())
            if isinstance(row.get(column), (str, Path))
        }
        return {**row, **paths} if paths else row

    def commit_without_waiting_for_disk(self) -> None:
        """Commit without waiting for an fsync (``synchronous=NORMAL``). In WAL mode the
        ledger stays consistent; a power cut may lose the last commits, never corrupt it."""
        self.db.execute("PRAGMA synchronous=NORMAL")

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
                if self._schema_version() < SCHEMA_VERSION:
                    self._migrate()
                return
            with self.transaction():
                for name, (columns, pk) in TABLES.items():
                    self.db[name].create(
                        columns, pk=pk, foreign_keys=FOREIGN_KEYS.get(name), if_not_exists=True
                    )
                self.db["meta"].create({"key": str, "value": str}, pk="key", if_not_exists=True)
                self.db.execute(
                    "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                    [str(SCHEMA_VERSION)],
                )
            self._ensure_indexes()
        except sqlite3.DatabaseError as exc:
            raise BadInput(MESSAGES("ledger.unusable", path=self.path, error=str(exc))) from None

    def _ensure_indexes(self) -> None:
        # What rows are looked up by: a file's hash and path, a session's artworks and
        # energy runs, a series' works (gathered for every artwork a check or a report reads).
        for table, column in (
            ("artworks", "sha256"),
            ("artworks", "path"),
            ("artworks", "session_id"),
            ("energy_runs", "session_id"),
            ("energy_runs", "artwork_id"),
            ("verifications", "sha256"),
        ):
            self.db[table].create_index([column], if_not_exists=True)
        self.db.execute(f"CREATE INDEX IF NOT EXISTS idx_artworks_series ON artworks({SERIES_OF})")

    def _schema_version(self) -> int:
        found = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        try:
            return int(found[0]) if found else 0
        except ValueError:  # a hand-edited value: not one artcharter wrote
            return 0

    def _migrate(self) -> None:
        """Bring a ledger of an earlier schema version to this one, keeping every row.

        Version 4 -> 5: indexes on the session ids of artworks and energy runs, on the
        artwork ids of energy runs and on the series an artwork belongs to (without them,
        every artwork checked or reported read both tables whole, and every work of a series
        each record of the ledger). Every version ends with ``_ensure_indexes``, which also gives
        back the indexes of a table rebuilt below.

        Version 3 -> 4: every path that lies under the ledger's folder becomes relative to
        it (``_relative_paths``).

        Version 2 -> 3: the artworks made by a probe campaign (their session is the
        campaign's id) take the kind ``probe``.

        Version 1 -> 2: SQLite cannot add a foreign key to a table, so each table that gets
        one is rebuilt under a temporary name, filled with the old rows, and renamed; an
        artwork id that names no artwork moves to claimed_artwork_id first. One transaction:
        a second process opening the ledger at the same time waits, then finds it done."""
        with self.transaction():
            if self._schema_version() >= SCHEMA_VERSION:
                return
            for name, keys in FOREIGN_KEYS.items():
                table = self.db[name]
                if {k.column for k in table.foreign_keys} >= {column for column, _, _ in keys}:
                    continue
                columns = {**table.columns_dict, CLAIMED: str}
                # Any column a hand-edited ledger added is kept too.
                columns.update((c, t) for c, t in TABLES[name][0].items() if c not in columns)
                kept = [c for c in table.columns_dict]
                rebuilt = f"_{name}_v{SCHEMA_VERSION}"
                self.db[rebuilt].create(columns, pk=TABLES[name][1], foreign_keys=keys)
                names = ", ".join(f"[{c}]" for c in kept)
                self.db.execute(f"INSERT INTO [{rebuilt}] ({names}) SELECT {names} FROM [{name}]")
                self.db.execute(f"DROP TABLE [{name}]")
                self.db.execute(f"ALTER TABLE [{rebuilt}] RENAME TO [{name}]")
                self._unclaim(name)
            if "probe_campaigns" in self.db.table_names():
                self.db.execute(
                    "UPDATE artworks SET kind = ? WHERE session_id IN "
                    "(SELECT campaign_id FROM probe_campaigns)",
                    [PROBE_KIND],
                )
            self._relative_paths()
            self._ensure_indexes()
            self.db.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)]
            )

    def _relative_paths(self) -> None:
        """Rewrite each stored absolute path under the ledger's folder as relative to it
        (inside the migration's transaction; running it again changes nothing). A path
        outside the folder stays absolute."""
        prefix = self.root.rstrip("/") + "/"
        tables = set(self.db.table_names())
        for table, columns in PATH_COLUMNS.items():
            if table not in tables:
                continue
            present = set(self.db[table].columns_dict)
            for column in (c for c in columns if c in present):
                # substr() and length() count characters, as Python does: an exact prefix
                # test (no LIKE, whose % and _ a folder's name may hold).
                rest = f"substr([{column}], length(:prefix) + 1)"
                self.db.execute(
                    f"UPDATE [{table}] SET [{column}] = CASE "
                    f"WHEN substr({rest}, 1, length(:note)) = :note THEN './' || {rest} "
                    f"ELSE {rest} END WHERE substr([{column}], 1, length(:prefix)) = :prefix "
                    f"AND length([{column}]) > length(:prefix)",
                    {"prefix": prefix, "note": UPLOAD_NOTE},
                )

    def _unclaim(self, table: str) -> None:
        """Rows of ``table`` whose artwork_id names no artwork keep it as claimed_artwork_id."""
        self.db.execute(
            f"UPDATE [{table}] SET {CLAIMED} = artwork_id, artwork_id = NULL "
            "WHERE artwork_id IS NOT NULL "
            "AND artwork_id NOT IN (SELECT artwork_id FROM artworks)"
        )

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
        with self._lock:
            self._depth += 1
            try:
                yield from self._transaction()
            finally:
                self._depth -= 1
            if self._depth == 0:
                self._batch_tick()

    def _transaction(self) -> Iterator[Any]:
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

    @contextmanager
    def batch(self, *, at_most: int = 64, seconds: float = 1.0) -> Iterator[None]:
        """Group the rows of many published files into few commits (a long series).

        Inside the block one transaction stays open; each top-level ``transaction()``
        (one published file and its rows) becomes a savepoint, rolled back alone when that
        file fails, and the batch commits once ``at_most`` of them or ``seconds`` have gone
        by, then opens the next. Worker threads may publish meanwhile: each savepoint runs
        under the ledger's lock, whole. The batch's files wait under their temporary names
        and are renamed into place just before the batch commits (``rename_at_commit``), so
        an interruption leaves no file whose row was not committed, but for the ones being
        renamed at that instant (a resumed series makes those again over them:
        ``label_folder``, ``generate --resume``), and never a row without its file. When
        the block ends, even by an error or Ctrl-C, the files already published are renamed
        and their rows committed. Another process that writes to the ledger waits at most
        ``seconds`` (and one file) between commits.
        """
        conn = self.db.conn
        with self._lock:
            if self._batch is not None or conn.in_transaction:  # already in one: it commits
                nested = True
            else:
                nested = False
                conn.execute("BEGIN IMMEDIATE")
                self._batch = _Batch(at_most, seconds)
        if nested:
            yield
            return
        try:
            yield
        finally:
            with self._lock:
                batch, self._batch = self._batch, None
                if conn.in_transaction:
                    self._commit_batch(batch)

    def rename_at_commit(self, staged: StagedFile) -> None:
        """Rename a published file into place as its rows are committed: now, inside the
        transaction that wrote them, or, in a batch, just before the batch commits."""
        if self._batch is None:
            staged.commit()
        else:
            self._batch.files.append(staged.hand_over())

    def _commit_batch(self, batch: _Batch | None) -> None:
        """Rename the batch's files into place, then commit their rows. A rename that fails
        rolls the whole batch back and removes its temporaries: files without rows at
        worst (never rows without files)."""
        files = batch.files if batch is not None else []
        try:
            for staged in files:
                staged.commit()
        except BaseException:
            self.db.conn.execute("ROLLBACK")
            for staged in files:
                staged.discard()
            raise
        finally:
            if batch is not None:
                batch.files = []
        self.db.conn.execute("COMMIT")

    def _batch_tick(self) -> None:
        """One more file published in the batch: commit the batch when it is due."""
        batch = self._batch
        if batch is None:
            return
        batch.count += 1
        if batch.count >= batch.at_most or time.monotonic() - batch.started >= batch.seconds:
            self._commit_batch(batch)
            self.db.conn.execute("BEGIN IMMEDIATE")
            batch.count, batch.started = 0, time.monotonic()

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
            "path": self.stored_path(path),
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
            [REPLACED, now_iso(), self.stored_path(path), REPLACED],
        )

    def set_status(self, artwork_id: str, status: str) -> None:
        self.set_statuses([artwork_id], status)

    def set_statuses(self, artwork_ids: list[str], status: str) -> None:
        """Give every artwork in ``artwork_ids`` the same status, in one transaction."""
        stamp = now_iso()
        with self.transaction():
            for artwork_id in artwork_ids:
                self.db["artworks"].update(artwork_id, {"status": status, "updated_at": stamp})

    def find_artwork(self, key: str) -> dict[str, Any] | None:
        """By artwork id, file hash, or path."""
        text = key.encode("utf-8", "backslashreplace").decode("utf-8")  # SQLite wants UTF-8
        rows = list(
            self.db.query(
                "SELECT * FROM artworks WHERE artwork_id = ? OR sha256 = ? OR path = ? "
                "ORDER BY created_at DESC LIMIT 1",
                [text, text, self.stored_path(Path(key)) if key else key],
            )
        )
        return rows[0] if rows else None

    def artworks(
        self, *, status: str | None = None, limit: int | None = None, probes: bool = False
    ) -> list[dict[str, Any]]:
        """The artworks, newest first; the images of probe campaigns only when ``probes``."""
        where, params = ["1"], []
        if status:
            where.append("status = ?")
            params.append(status)
        if not probes:
            where.append("kind IS NOT ?")
            params.append(PROBE_KIND)
        sql = "SELECT * FROM artworks WHERE " + " AND ".join(where)
        sql += " ORDER BY created_at DESC, rowid DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return list(self.db.query(sql, params))

    def artworks_by_id_prefix(self, prefix: str) -> list[dict[str, Any]]:
        """Every artwork whose id starts with ``prefix``."""
        return list(self.db.query("SELECT * FROM artworks WHERE artwork_id LIKE ?", [prefix + "%"]))

    def artworks_by_id_or_hash_prefix(self, prefix: str, *, limit: int) -> list[dict[str, Any]]:
        """At most ``limit`` artworks whose id or file hash starts with ``prefix``."""
        return list(
            self.db.query(
                "SELECT * FROM artworks WHERE artwork_id LIKE ? OR sha256 LIKE ? LIMIT ?",
                [prefix + "%", prefix + "%", limit],
            )
        )

    def shown_artwork(self, key: str, *, probes: bool = False) -> dict[str, Any] | None:
        """The latest artwork with this id or file hash that was not discarded (nor a
        probe campaign's image, unless ``probes``)."""
        rows = list(
            self.db.query(
                "SELECT * FROM artworks WHERE (artwork_id = ? OR sha256 = ?) "
                "AND status != 'discarded' AND (? OR kind IS NOT ?) "
                "ORDER BY created_at DESC LIMIT 1",
                [key, key, int(probes), PROBE_KIND],
            )
        )
        return rows[0] if rows else None

    def session_artworks(self, session_id: str) -> list[dict[str, Any]]:
        """The artworks of one generation session (id, status, record), oldest first."""
        return list(
            self.db.query(
                "SELECT artwork_id, status, record FROM artworks WHERE session_id = ? "
                "ORDER BY created_at, rowid",
                [session_id],
            )
        )

    def session_artwork_seeds(self, session_id: str) -> list[dict[str, Any]]:
        """The artworks of one session with their prompt and seed, newest first."""
        return list(
            self.db.query(
                "SELECT artwork_id, path, sha256, prompt, json_extract(record, "
                "'$.generation.seed') AS seed FROM artworks WHERE session_id = ? "
                "ORDER BY created_at DESC",
                [session_id],
            )
        )

    # --- series ---------------------------------------------------------------------------
    # A series (``generate --n N``, N > 1) is one row tying its images together: what was
    # asked (to resume it), how many are made, and its state. Its images are the artworks
    # whose record names the series (``generation.series_id`` for a generation,
    # ``series.series_id`` for the files of a labelled folder: SERIES_OF reads either).

    SERIES_COLUMNS: dict[str, type] = {  # noqa: RUF012
        "series_id": str,
        "session_id": str,
        "model": str,
        "model_id": str,
        "weights_sha256": str,
        "prompt": str,
        "n": int,
        "base_seed": int,
        "request": str,
        "output_dir": str,
        "state": str,
        "created_at": str,
        "updated_at": str,
    }

    def open_series(self, row: dict[str, Any]) -> None:
        """Write a new series row (``row`` has every column but the dates)."""
        self.ensure_table("series", self.SERIES_COLUMNS, "series_id")
        with self.transaction():
            self.db["series"].insert(
                {
                    **self.stored_row("series", row),
                    "created_at": now_iso(),
                    "updated_at": now_iso(),
                },
                pk="series_id",
            )

    def series(self, key: str) -> list[dict[str, Any]]:
        """The series whose id is ``key`` or starts with it (several when ambiguous)."""
        if "series" not in self.db.table_names():
            return []
        exact = list(self.db.query("SELECT * FROM series WHERE series_id = ?", [key]))
        if exact:
            return exact
        pattern = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return list(
            self.db.query(
                "SELECT * FROM series WHERE series_id LIKE ? ESCAPE '\\' ORDER BY created_at",
                [pattern],
            )
        )

    def set_series_state(self, series_id: str, state: str) -> None:
        with self.transaction():
            self.db.execute(
                "UPDATE series SET state = ?, updated_at = ? WHERE series_id = ?",
                [state, now_iso(), series_id],
            )

    def series_seeds(self, series_id: str) -> set[int]:
        """The seeds of the series' images already made (their file and rows exist)."""
        rows = self.db.execute(
            "SELECT json_extract(record, '$.generation.seed') FROM artworks "
            f"WHERE {SERIES_OF} = ? AND status != ?",
            [series_id, REPLACED],
        )
        return {int(seed) for (seed,) in rows if seed is not None}

    def series_has_file(self, series_id: str, path: Path) -> bool:
        """Whether the series already signed the file at ``path`` (its row exists, so its
        file does: ``signing.publish``), by the ledger's index on paths."""
        found = self.db.execute(
            f"SELECT 1 FROM artworks WHERE path = ? AND status != ? AND {SERIES_OF} = ? LIMIT 1",
            [self.stored_path(path), REPLACED, series_id],
        ).fetchone()
        return found is not None

    def series_made(self, series_id: str) -> int:
        """How many of the series' works exist (not replaced)."""
        (count,) = self.db.execute(
            f"SELECT count(*) FROM artworks WHERE {SERIES_OF} = ? AND status != ?",
            [series_id, REPLACED],
        ).fetchone()
        return int(count)

    def series_totals(self, series_id: str) -> dict[str, Any]:
        """How many images the series has, by status, and its measured energy: counted by
        SQLite, never by reading each image's record."""
        statuses = dict(
            self.db.execute(
                f"SELECT status, count(*) FROM artworks WHERE {SERIES_OF} = ? GROUP BY status",
                [series_id],
            ).fetchall()
        )
        kwh, runs = self.db.execute(
            "SELECT sum(e.kwh_total), count(*) FROM energy_runs e JOIN artworks a "
            "ON e.artwork_id = a.artwork_id WHERE "
            + SERIES_OF.replace("record", "a.record")
            + " = ? AND e.status = 'measured'",
            [series_id],
        ).fetchone()
        return {"statuses": statuses, "kwh": kwh, "measured_runs": runs}

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
        declaration = record.declaration or Declaration()
        self.ensure_table("declarations", self.DECLARATION_COLUMNS, "artwork_id")
        row = {
            "artwork_id": record.artwork_id,
            "title": declaration.title,
            "artist": declaration.artist,
            "training_mining": declaration.training_mining,
            "ai_share": json.dumps(dict(declaration.ai_share), ensure_ascii=False),
            "declaration": json.dumps(declaration.to_dict(), ensure_ascii=False),
            "created_at": now_iso(),
        }
        with self.transaction():
            self.db["declarations"].insert(row, pk="artwork_id", replace=True)

    # --- signatures: time-stamp and soft binding ------------------------------------------

    # Kept apart from ``artworks``: what the signing added (a time-stamp or not, the ISCC
    # fingerprint of the soft binding, a watermark), indexed for recovery lookups.
    SIGNATURE_COLUMNS: dict[str, type] = {  # noqa: RUF012
        "artwork_id": str,
        "time_stamped": int,
        "time_stamp_error": str,
        "iscc": str,
        "iscc_bits": int,
        "watermark": str,
        "created_at": str,
    }

    def add_signature(
        self,
        artwork_id: str,
        *,
        time_stamped: bool,
        time_stamp_error: str | None = None,
        iscc: str | None = None,
        iscc_bits: int | None = None,
        watermark: str | None = None,
    ) -> None:
        self.ensure_table("signatures", self.SIGNATURE_COLUMNS, "artwork_id")
        if iscc_bits is not None:
            self.db["signatures"].create_index(["iscc_bits"], if_not_exists=True)
        row = {
            "artwork_id": artwork_id,
            "time_stamped": int(time_stamped),
            "time_stamp_error": time_stamp_error,
            "iscc": iscc,
            "iscc_bits": iscc_bits,
            "watermark": watermark,
            "created_at": now_iso(),
        }
        with self.transaction():
            self.db["signatures"].insert(row, pk="artwork_id", replace=True)

    def signature_of(self, artwork_id: str) -> dict[str, Any] | None:
        if "signatures" not in self.db.table_names():
            return None
        rows = list(self.db.query("SELECT * FROM signatures WHERE artwork_id = ?", [artwork_id]))
        return rows[0] if rows else None

    def fingerprint_bits(self) -> Any:
        """Every soft-binding fingerprint of the ledger, as a numpy int64 array, cached until
        the ledger changes. SQLite joins them into one text (group_concat) that numpy parses
        at once: a 100,000-row ledger loads in a few milliseconds of CPU, where fetching
        100,000 Python rows takes several times that."""
        import numpy as np

        version = (
            self.db.execute("PRAGMA data_version").fetchone()[0],
            self.db.conn.total_changes,
        )
        cached = getattr(self, "_fingerprints", None)
        if cached is not None and cached[0] == version:
            return cached[1]
        text = None
        if "signatures" in self.db.table_names():
            (text,) = self.db.execute(
                "SELECT group_concat(iscc_bits) FROM signatures WHERE iscc_bits IS NOT NULL"
            ).fetchone()
        bits = np.fromstring(text, dtype=np.int64, sep=",") if text else np.zeros(0, np.int64)
        self._fingerprints = (version, bits)
        return bits

    def artworks_by_fingerprint(self, values: list[int]) -> list[dict[str, Any]]:
        """Kept artworks (not replaced, not discarded) whose fingerprint is one of
        ``values``, with their signature row."""
        if not values:
            return []
        marks = ", ".join("?" for _ in values)
        return list(
            self.db.query(
                f"SELECT a.artwork_id, a.title, a.artist, a.organisation, a.path, "
                f"s.iscc_bits FROM signatures s JOIN artworks a ON a.artwork_id = s.artwork_id "
                f"WHERE s.iscc_bits IN ({marks}) AND a.status NOT IN (?, 'discarded')",
                [*values, REPLACED],
            )
        )

    def has_watermarks(self) -> bool:
        if "signatures" not in self.db.table_names():
            return False
        found = self.db.execute(
            "SELECT 1 FROM signatures WHERE watermark IS NOT NULL LIMIT 1"
        ).fetchone()
        return found is not None

    def watermarked_artwork_ids(self, prefix: str) -> list[str]:
        """Kept artworks whose watermark carries ``prefix`` (12 hex digits of their id)."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT s.artwork_id FROM signatures s JOIN artworks a "
                "ON a.artwork_id = s.artwork_id WHERE s.watermark = ? "
                "AND a.status NOT IN (?, 'discarded')",
                [prefix, REPLACED],
            )
        ]

    def artworks_with_signature(self, artwork_ids: list[str]) -> list[dict[str, Any]]:
        """Artwork rows joined with their signature row, in the order of ``artwork_ids``."""
        if not artwork_ids:
            return []
        marks = ", ".join("?" for _ in artwork_ids)
        rows = {
            row["artwork_id"]: row
            for row in self.db.query(
                f"SELECT a.artwork_id, a.title, a.artist, a.organisation, a.path, a.sha256, "
                f"a.status, a.created_at, s.iscc, s.watermark, s.time_stamped "
                f"FROM artworks a LEFT JOIN signatures s ON s.artwork_id = a.artwork_id "
                f"WHERE a.artwork_id IN ({marks})",
                artwork_ids,
            )
        }
        return [rows[i] for i in artwork_ids if i in rows]

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
            known = self._known_artwork_ids({artwork_id})
            self.db["energy_runs"].insert(_claimed(row, known))

    def energy_runs_for_session(self, session_id: str) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM energy_runs WHERE session_id = ?", [session_id]))

    def energy_runs_for_artwork(self, artwork_id: str) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM energy_runs WHERE artwork_id = ?", [artwork_id]))

    def has_energy_run(self, artwork_id: str) -> bool:
        found = self.db.execute(
            "SELECT 1 FROM energy_runs WHERE artwork_id = ? LIMIT 1", [artwork_id]
        ).fetchone()
        return found is not None

    def energy_runs_with_artwork_status(
        self, session_id: str | None = None
    ) -> list[dict[str, Any]]:
        """Energy runs in order, each with the status of its artwork (``artwork_status``);
        only one session's when ``session_id`` is given."""
        sql = (
            "SELECT e.*, a.status AS artwork_status FROM energy_runs e "
            "LEFT JOIN artworks a ON a.artwork_id = e.artwork_id"
        )
        params: list[Any] = []
        if session_id:
            sql += " WHERE e.session_id = ?"
            params.append(session_id)
        sql += " ORDER BY e.id"
        return list(self.db.query(sql, params))

    def energy_totals(self) -> dict[str, Any]:
        """Over every energy run: how many (``runs``), their kWh (``kwh``, None when there
        are none) and how many were not measured (``unmeasured``)."""
        return next(
            iter(
                self.db.query(
                    "SELECT count(*) AS runs, sum(kwh_total) AS kwh, "
                    "sum(CASE WHEN status = 'measured' THEN 0 ELSE 1 END) AS unmeasured "
                    "FROM energy_runs"
                )
            )
        )

    # --- verifications -------------------------------------------------------------------

    def add_verifications(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        stamped = [
            {
                **self.stored_row("verifications", r),
                "codes": json.dumps(r.get("codes", [])),
                "verified_at": now_iso(),
            }
            for r in rows
        ]
        with self.transaction():
            known = {
                r["artwork_id"]
                for r in stamped
                if r.get("artwork_id")
                and self.vouched_artwork(r["artwork_id"], r.get("sha256"), r.get("signer"))
            }
            self.db["verifications"].insert_all([_claimed(r, known) for r in stamped])

    def vouched_artwork(
        self, artwork_id: str | None, sha256: str | None, signer: str | None
    ) -> dict[str, Any] | None:
        """The artwork row a verified file may join, or None: the row of exactly these bytes
        (its hash), or the row of ``artwork_id`` when ``signer`` (the subject of a trusted
        certificate, given only then) is the artist that row records. A claimed id alone
        never joins: anyone can write any id into a file."""
        if sha256:
            rows = list(
                self.db.query(
                    "SELECT * FROM artworks WHERE sha256 = ? ORDER BY created_at DESC LIMIT 1",
                    [sha256],
                )
            )
            if rows and (artwork_id is None or rows[0]["artwork_id"] == artwork_id):
                return rows[0]
        if not artwork_id or not signer:
            return None
        rows = list(self.db.query("SELECT * FROM artworks WHERE artwork_id = ?", [artwork_id]))
        return rows[0] if rows and same_name(rows[0].get("artist"), signer) else None

    def _known_artwork_ids(self, artwork_ids: set[str | None]) -> set[str]:
        """Which of ``artwork_ids`` name an artwork row of this ledger (whatever its status)."""
        wanted = [i for i in artwork_ids if i is not None]
        if not wanted:
            return set()
        marks = ",".join("?" * len(wanted))
        return {
            row[0]
            for row in self.db.execute(
                f"SELECT artwork_id FROM artworks WHERE artwork_id IN ({marks})", wanted
            )
        }

    def verifications_of_sha256(self, sha256: str) -> list[dict[str, Any]]:
        """Every verification of exactly these bytes (verdict, time, path)."""
        return list(
            self.db.query(
                "SELECT verdict, verified_at, path FROM verifications WHERE sha256 = ?", [sha256]
            )
        )

    def recent_verifications(self, artwork_id: str, *, limit: int) -> list[dict[str, Any]]:
        """The latest ``limit`` verifications of an artwork, newest first."""
        return list(
            self.db.query(
                "SELECT verdict, signer, organisation, verified_at FROM verifications "
                "WHERE artwork_id = ? ORDER BY id DESC LIMIT ?",
                [artwork_id, limit],
            )
        )

    def counts(self) -> dict[str, int]:
        """Rows per table; the artworks without the probe images, counted apart."""
        counts = {name: self.db[name].count for name in self.db.table_names() if name != "meta"}
        probes = self.db.execute(
            "SELECT count(*) FROM artworks WHERE kind = ?", [PROBE_KIND]
        ).fetchone()[0]
        counts["artworks"] -= probes
        counts["campaign_images"] = probes
        return counts

    # --- rows merged from another ledger (`ledger merge`) ---------------------------------

    def add_merged_rows(self, rows: list[dict[str, Any]]) -> int:
        """Keep rows of another ledger that no signature vouches for apart, in
        ``merged_rows``: readable (Datasette), never taken as this ledger's own. A row
        already kept (same ``row_key``) is not added again; return how many were new."""
        self.ensure_table("merged_rows", MERGED_ROWS, "row_key")
        before = self.db["merged_rows"].count
        with self.transaction():
            self.db["merged_rows"].insert_all(rows, pk="row_key", ignore=True)
        return self.db["merged_rows"].count - before


# Rows of another ledger kept apart: where they came from, why they are not trusted here.
MERGED_ROWS: dict[str, type] = {
    "row_key": str,  # SHA-256 of the table's name and the row: a row is kept once
    "source": str,  # the other ledger's file name
    "source_table": str,
    "artwork_id": str,
    "reason": str,
    "row": str,  # the row as JSON
    "merged_at": str,
}


def read_other_ledger(
    path: Path, *, immutable: bool = False, shown: str | None = None
) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every row of another artcharter ledger, as (table, row), read-only and without
    running anything its schema may carry (views, triggers): the file is untrusted.

    SQLite's advice for untrusted database files (sqlite.org/security.html) is followed:
    ``quick_check`` before any other statement (a damaged file is refused), cell size
    checks on, no memory-mapped I/O, the defensive flag where Python offers it (3.12+).
    ``immutable``: the file is a private copy nobody writes (the desk's upload), so SQLite
    takes no lock and looks for no ``-wal`` file beside it. ``shown``: the name messages
    give the file (an upload's name rather than the server's scratch path)."""
    where: Path | str = shown or path
    try:
        uri = path.resolve().as_uri() + ("?immutable=1" if immutable else "?mode=ro")
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        raise BadInput(MESSAGES("ledger.unusable", path=where, error=str(exc))) from None
    try:
        setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
        if setconfig is not None:
            setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)  # type: ignore[attr-defined]
        problems = [r[0] for r in conn.execute("PRAGMA quick_check(1)")]
        if problems != ["ok"]:
            raise BadInput(MESSAGES("ledger.unusable", path=where, error=problems[0]))
        for pragma in ("trusted_schema=OFF", "cell_size_check=ON", "mmap_size=0", "query_only=ON"):
            conn.execute(f"PRAGMA {pragma}")
        conn.row_factory = sqlite3.Row
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                " ORDER BY name"
            )
        ]
        if "meta" not in tables or "artworks" not in tables:
            raise BadInput(MESSAGES("ledger.not_a_ledger", path=where, param="ledger"))
        version = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        columns = {r[1] for r in conn.execute('PRAGMA table_info("artworks")')}
        known = version is not None and str(version[0]) in {
            str(v) for v in range(1, SCHEMA_VERSION + 1)
        }
        if not known or not {"artwork_id", "sha256", "path"} <= columns:
            raise BadInput(
                MESSAGES(
                    "ledger.unknown_schema", path=where, version=version[0] if version else "?"
                )
            )
        for table in tables:
            quoted = '"' + table.replace('"', '""') + '"'
            for row in conn.execute(f"SELECT * FROM {quoted}"):
                yield table, dict(row)
    except sqlite3.DatabaseError as exc:
        raise BadInput(MESSAGES("ledger.unusable", path=where, error=str(exc))) from None
    finally:
        conn.close()
