"""The ledger: WAL, concurrent writers, and the file and its row appearing together."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pytest

from artcharter.provenance.label import label
from artcharter.provenance.ledger import Ledger
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
