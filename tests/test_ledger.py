"""The ledger: WAL, concurrent writers, and the file and its row appearing together."""

from __future__ import annotations

import ast
import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from artcharter.provenance.label import label
from artcharter.provenance.ledger import SCHEMA_VERSION, SERIES_OF, Ledger
from artcharter.provenance.record import ArtworkRecord, new_artwork_id
from artcharter.provenance.signing import SigningIdentity, publish


def _write_many(path: str, worker: int, count: int) -> None:
    with Ledger(Path(path)) as ledger:
        for i in range(count):
            record = ArtworkRecord(
                new_artwork_id(), "labelled", "humanEdits", title=f"w{worker}-{i}"
            )
            ledger.add_artwork(
                record, Path(f"/tmp/w{worker}-{i}.png"), f"{worker:02d}{i:062d}", status="signed"
            )


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    Ledger(path).close()
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_write_many, args=(str(path), w, 40)) for w in range(2)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(60)
        assert p.exitcode == 0
    with Ledger(path) as ledger:
        assert ledger.counts()["artworks"] == 80
        assert ledger.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert ledger.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_opens_with_plain_sqlite(tmp_path: Path, alice: SigningIdentity, sample_png: Path) -> None:
    path = tmp_path / "ledger.db"
    with Ledger(path) as ledger:
        label(
            sample_png,
            tmp_path / "out.png",
            identity=alice,
            source_type="humanEdits",
            title="Été",
            ledger=ledger,
        )
    # What Datasette does: plain sqlite3, plain tables, JSON as text.
    conn = sqlite3.connect(path)
    title, record = conn.execute("SELECT title, record FROM artworks").fetchone()
    assert title == "Été" and record.startswith("{")


def test_failed_ledger_write_leaves_no_file(tmp_path: Path) -> None:
    target = tmp_path / "image.png"
    with Ledger(tmp_path / "ledger.db") as ledger:

        def rows(led: Ledger) -> None:
            led.add_artwork(
                ArtworkRecord(new_artwork_id(), "labelled", "humanEdits"),
                target,
                "x" * 64,
                status="signed",
            )
            raise RuntimeError("disk full")

        with pytest.raises(RuntimeError):
            publish(target, b"bytes", ledger, rows)
        assert ledger.counts()["artworks"] == 0  # rolled back
    assert not target.exists() and not list(tmp_path.glob("*.partial"))


def test_status_and_lookup(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.db") as ledger:
        record = ArtworkRecord(new_artwork_id(), "generated", "trainedAlgorithmicMedia")
        ledger.add_artwork(record, tmp_path / "a.png", "ab" * 32, status="kept")
        ledger.set_status(record.artwork_id, "discarded")
        row = ledger.find_artwork("ab" * 32)
        assert row["status"] == "discarded" and ledger.record_of(row) == record
        assert ledger.find_artwork(str(tmp_path / "a.png"))["artwork_id"] == record.artwork_id
        assert ledger.find_artwork("nothing") is None


def test_not_a_ledger_is_a_clear_error(tmp_path: Path) -> None:
    from artcharter.base.errors import BadInput

    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(BadInput, match="not a usable ledger"):
        Ledger(bogus)


# --- SQL lives in the ledger ------------------------------------------------------------------

PACKAGE = Path(__file__).resolve().parents[1] / "artcharter"
# The only modules that may speak SQL: every other one calls their named methods.
SQL_MODULES = ("provenance/ledger.py", "provenance/campaign/store.py")
SQL_METHODS = {"execute", "executemany", "executescript", "query"}
DIRECT_OPENERS = {("sqlite3", "connect"), ("sqlite_utils", "Database")}


def _is_text(node: ast.expr) -> bool:
    """A string literal, an f-string, or text built from them (+ or %)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _is_text(node.left) or _is_text(node.right)
    return False


def sql_outside_ledger(package: Path) -> list[str]:
    """``path:line: what`` for each place outside SQL_MODULES that reaches a ledger's
    database (``.db``), runs SQL (``.execute``/``.query``/... with a text or a variable
    holding one), or opens a database itself."""
    found: list[tuple[str, int, str]] = []
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        if name in SQL_MODULES:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and node.attr == "db":
                found.append((name, node.lineno, ".db"))
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            method = node.func.attr
            owner = node.func.value
            if method in SQL_METHODS:
                args = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "sql")]
                if any(_is_text(a) or isinstance(a, ast.Name) for a in args):
                    found.append((name, node.lineno, f".{method}() with SQL"))
            if isinstance(owner, ast.Name) and (owner.id, method) in DIRECT_OPENERS:
                found.append((name, node.lineno, f"{owner.id}.{method}()"))
    return [f"{name}:{line}: {what}" for name, line, what in sorted(found)]


def test_no_sql_outside_the_ledger_and_the_campaign_store() -> None:
    assert (PACKAGE / SQL_MODULES[0]).is_file() and (PACKAGE / SQL_MODULES[1]).is_file()
    assert sql_outside_ledger(PACKAGE) == []


def test_the_sql_check_catches_planted_offences(tmp_path: Path) -> None:
    package = tmp_path / "artcharter"
    (package / "provenance" / "campaign").mkdir(parents=True)
    allowed = 'def rows(db):\n    return db.execute("SELECT 1").fetchall()\n'
    (package / "provenance" / "ledger.py").write_text(allowed)
    (package / "provenance" / "campaign" / "store.py").write_text(allowed)
    (package / "clean.py").write_text(
        "import re\n"
        "def f(ledger, session):\n"
        "    re.compile('x').match('x')\n"
        "    return ledger.energy_runs_for_session(session)\n"
    )
    (package / "reports").mkdir()
    (package / "reports" / "bad.py").write_text(
        "import sqlite3\n"
        "def f(ledger, key, table):\n"
        '    ledger.db["artworks"].update(key, {})\n'
        '    ledger.conn.execute("DELETE FROM artworks")\n'
        '    rows = ledger.store.query(f"SELECT * FROM {table}")\n'
        '    sql = "SELECT 1"\n'
        "    ledger.cursor.execute(sql)\n"
        '    ledger.c.executescript("DROP TABLE x;" + table)\n'
        '    return sqlite3.connect("artcharter.db"), rows\n'
    )
    assert sql_outside_ledger(package) == [
        "reports/bad.py:3: .db",
        "reports/bad.py:4: .execute() with SQL",
        "reports/bad.py:5: .query() with SQL",
        "reports/bad.py:7: .execute() with SQL",
        "reports/bad.py:8: .executescript() with SQL",
        "reports/bad.py:9: sqlite3.connect()",
    ]


# --- foreign keys -------------------------------------------------------------------------------

# The schema of a version-1 ledger, as the previous artcharter created it (sqlite-utils).
OLD_SCHEMA = """
CREATE TABLE [artworks] ([artwork_id] TEXT PRIMARY KEY, [path] TEXT, [sha256] TEXT, [kind] TEXT,
  [status] TEXT, [title] TEXT, [artist] TEXT, [organisation] TEXT, [source_type] TEXT,
  [ai_share] TEXT, [tool] TEXT, [model_id] TEXT, [is_demo] INTEGER, [prompt] TEXT,
  [prompt_sha256] TEXT, [prompt_private] INTEGER, [session_id] TEXT, [created_at] TEXT,
  [updated_at] TEXT, [record] TEXT);
CREATE TABLE [energy_runs] ([id] INTEGER PRIMARY KEY, [artwork_id] TEXT, [batch_id] TEXT,
  [phase] TEXT, [status] TEXT, [reason] TEXT, [kwh_total] FLOAT, [kwh_cpu] FLOAT,
  [kwh_gpu] FLOAT, [kwh_ram] FLOAT, [duration_s] FLOAT, [kg_co2eq] FLOAT, [country_iso] TEXT,
  [carbon_intensity_g_per_kwh] FLOAT, [method] TEXT, [images] INTEGER, [session_id] TEXT,
  [created_at] TEXT);
CREATE TABLE [verifications] ([id] INTEGER PRIMARY KEY, [path] TEXT, [sha256] TEXT,
  [verdict] TEXT, [validation_state] TEXT, [artwork_id] TEXT, [signer] TEXT,
  [organisation] TEXT, [codes] TEXT, [verified_at] TEXT);
CREATE TABLE [meta] ([key] TEXT PRIMARY KEY, [value] TEXT);
CREATE INDEX [idx_artworks_sha256] ON [artworks] ([sha256]);
CREATE INDEX [idx_artworks_path] ON [artworks] ([path]);
CREATE INDEX [idx_verifications_sha256] ON [verifications] ([sha256]);
INSERT INTO meta VALUES ('schema_version', '1');
INSERT INTO artworks (artwork_id, path, sha256, kind, status, created_at, record)
  VALUES ('art-1', '/a.png', 'aa', 'generated', 'kept', '2026-01-01T00:00:00+00:00', '{}');
INSERT INTO energy_runs (id, artwork_id, phase, status, kwh_total, created_at) VALUES
  (1, NULL, 'model-load', 'measured', 0.5, 't1'),
  (2, 'art-1', 'generation', 'measured', 0.25, 't2'),
  (3, 'gone-artwork', 'generation', 'unknown', NULL, 't3');
INSERT INTO verifications (id, path, sha256, verdict, artwork_id, codes, verified_at) VALUES
  (1, '/a.png', 'aa', 'trusted', 'art-1', '[]', 'v1'),
  (5, '/outside.png', 'bb', 'valid-untrusted', 'claimed-by-a-stranger', '[]', 'v2'),
  (7, '/plain.png', 'cc', 'no-credential', NULL, '[]', 'v3');
"""


def _old_ledger(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(OLD_SCHEMA)
    conn.close()


def _rows(path: Path, table: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    rows = [dict(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
    conn.close()
    return rows


def _foreign_key_problems(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    conn.close()
    return problems


def _declared_keys(path: Path, table: str) -> set[tuple[str, str, str]]:
    import sqlite_utils

    db = sqlite_utils.Database(path)
    keys = {(k.column, k.other_table, k.other_column) for k in db[table].foreign_keys}
    db.close()
    return keys


LINK = ("artwork_id", "artworks", "artwork_id")


def test_a_version_1_ledger_is_migrated_once_keeping_every_row(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _old_ledger(path)
    before = {t: _rows(path, t) for t in ("artworks", "energy_runs", "verifications")}
    with Ledger(path) as ledger:
        assert ledger.counts() == {
            "artworks": 1,
            "energy_runs": 3,
            "verifications": 3,
            "campaign_images": 0,
        }
    for table in ("energy_runs", "verifications"):
        assert _declared_keys(path, table) == {LINK}
    assert _foreign_key_problems(path) == []
    assert _rows(path, "artworks") == before["artworks"]
    # Every row is kept with its id and its values; an id that names no artwork moved.
    for table in ("energy_runs", "verifications"):
        after = _rows(path, table)
        assert [r["id"] for r in after] == [r["id"] for r in before[table]]
        for old, new in zip(before[table], after, strict=True):
            assert {
                k: v for k, v in new.items() if k not in ("artwork_id", "claimed_artwork_id")
            } == {k: v for k, v in old.items() if k != "artwork_id"}
            if old["artwork_id"] in (None, "art-1"):
                assert (new["artwork_id"], new["claimed_artwork_id"]) == (old["artwork_id"], None)
            else:
                assert (new["artwork_id"], new["claimed_artwork_id"]) == (None, old["artwork_id"])
    assert _rows(path, "meta") == [{"key": "schema_version", "value": str(SCHEMA_VERSION)}]
    conn = sqlite3.connect(path)
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    cookie = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.close()
    assert "idx_verifications_sha256" in indexes
    # Opened again: nothing to migrate, the schema is not touched.
    with Ledger(path) as ledger:
        assert ledger.counts()["verifications"] == 3
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA schema_version").fetchone()[0] == cookie
    conn.close()


def test_new_rows_keep_the_foreign_keys_whole(tmp_path: Path) -> None:
    from artcharter.audits.energy import EnergyRecord

    path = tmp_path / "new.db"
    with Ledger(path) as ledger:
        for table in ("energy_runs", "verifications"):
            assert _declared_keys(path, table) == {LINK}
        record = ArtworkRecord(new_artwork_id(), "labelled", "humanEdits")
        ledger.add_artwork(record, tmp_path / "a.png", "ab" * 32, status="signed")
        ledger.add_verifications(
            [
                {
                    "path": "/a.png",
                    "sha256": "ab" * 32,
                    "verdict": "trusted",
                    "artwork_id": record.artwork_id,
                },
                {
                    "path": "/x.png",
                    "sha256": "cd" * 32,
                    "verdict": "tampered",
                    "artwork_id": "not-ours",
                },
                {"path": "/y.png", "sha256": "ef" * 32, "verdict": "no-credential"},
            ]
        )
        energy = EnergyRecord(status="unknown", reason="test")
        ledger.add_energy_run(energy, phase="generation", artwork_id=record.artwork_id)
        ledger.add_energy_run(energy, phase="generation", artwork_id="elsewhere")
        assert [
            (r["artwork_id"], r["claimed_artwork_id"]) for r in _rows(path, "verifications")
        ] == [(record.artwork_id, None), (None, "not-ours"), (None, None)]
        assert [(r["artwork_id"], r["claimed_artwork_id"]) for r in _rows(path, "energy_runs")] == [
            (record.artwork_id, None),
            (None, "elsewhere"),
        ]
        assert ledger.recent_verifications(record.artwork_id, limit=5)[0]["verdict"] == "trusted"
    assert _foreign_key_problems(path) == []


def _plans(path: Path, *queries: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [" ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {q}")) for q in queries]


# What a check or a report asks for every artwork it reads: the artwork's session, that
# session's energy runs, an artwork's own energy runs, its series' works.
SESSION_LOOKUPS = (
    "SELECT artwork_id FROM artworks WHERE session_id = 's'",
    "SELECT * FROM energy_runs WHERE session_id = 's'",
    "SELECT * FROM energy_runs WHERE artwork_id = 'a'",
    f"SELECT status FROM artworks WHERE {SERIES_OF} = 's'",
)


def test_a_version_4_ledger_gets_the_session_indexes_once(tmp_path: Path) -> None:
    # Without them, every artwork checked read the whole artworks table: a check of 2,000
    # files of a 4,000-row ledger spent half its time there (benchmarks/report_bench.py).
    path = tmp_path / "v4.db"
    with Ledger(path) as ledger:
        record = ArtworkRecord(new_artwork_id(), "generated", "trainedAlgorithmicMedia")
        ledger.add_artwork(record, tmp_path / "a.png", "ab" * 32, status="kept")
    assert all("USING INDEX" in plan for plan in _plans(path, *SESSION_LOOKUPS))
    with sqlite3.connect(path) as conn:
        for name in ("artworks_session_id", "energy_runs_session_id", "energy_runs_artwork_id"):
            conn.execute(f"DROP INDEX idx_{name}")
        conn.execute("DROP INDEX idx_artworks_series")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        # A hand-edited row whose record is no JSON: it belongs to no series, and neither
        # the index nor a query fails on it.
        conn.execute(
            "INSERT INTO artworks(artwork_id, path, sha256, status, record) "
            "VALUES ('hand', 'h.png', ?, 'kept', '{not json')",
            ["cd" * 32],
        )
    assert not any("USING INDEX" in plan for plan in _plans(path, *SESSION_LOOKUPS))
    with Ledger(path) as ledger:
        assert ledger.find_artwork("ab" * 32)["artwork_id"] == record.artwork_id
    assert all("USING INDEX" in plan for plan in _plans(path, *SESSION_LOOKUPS))
    assert _rows(path, "meta") == [{"key": "schema_version", "value": str(SCHEMA_VERSION)}]
    with Ledger(path) as ledger:
        assert ledger.series_totals("s")["statuses"] == {}
        assert ledger.series_made("s") == 0
