"""Probe images are kept apart from artworks: their own kind in the ledger, left out of
`ledger list`, the summary and the desk unless asked, and a campaign needs no artist."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from artcharter.cli import run
from artcharter.provenance.campaign.store import ensure_tables
from artcharter.provenance.ledger import PROBE_KIND, Ledger
from artcharter.provenance.record import ArtworkRecord
from artcharter.provenance.verify import verify_file
from artcharter.reports.summary import ledger_paths


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo campaign (2 subjects x 2 images) run outside any project, with no artist."""
    folder = tmp_path_factory.mktemp("outside")
    code = run(
        [
            "--ledger", str(folder / "artcharter.db"), "probe", "campaign", "--model", "demo",
            "--clip", "demo", "--subjects", "nurse,ceo", "--per-prompt", "2",
            "--output", str(folder / "probes"),
        ]
    )  # fmt: skip
    assert code == 0
    return folder


def test_a_campaign_needs_no_artist_and_signs_for_nobody(campaign: Path) -> None:
    images = sorted((campaign / "probes").rglob("*.png"))
    assert len([p for p in images if "images" in p.parts]) == 4
    with Ledger(campaign / "artcharter.db") as ledger:
        rows = ledger.artworks(probes=True)
        assert len(rows) == 4
        assert {r["kind"] for r in rows} == {PROBE_KIND}
        assert {r["artist"] for r in rows} == {None}
        for row in rows:
            assert verify_file(Path(row["path"])).verdict == "no-credential"


def test_probe_images_are_left_out_unless_asked(
    campaign: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ledger_file = str(campaign / "artcharter.db")
    with Ledger(campaign / "artcharter.db") as ledger:
        assert ledger.artworks() == []
        assert ledger_paths(ledger) == ([], [])
        some = ledger.artworks(probes=True)[0]["artwork_id"]
        assert ledger.shown_artwork(some) is None
        assert ledger.shown_artwork(some, probes=True) is not None
        counts = ledger.counts()
        assert counts["artworks"] == 0 and counts["campaign_images"] == 4
    capsys.readouterr()
    assert run(["--ledger", ledger_file, "ledger", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["artworks"] == []
    assert run(["--ledger", ledger_file, "ledger", "list", "--probes", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["artworks"]) == 4
    assert run(["--ledger", ledger_file, "--lang", "fr", "ledger", "list", "--probes"]) == 0
    out = capsys.readouterr().out
    assert "registre\u00a0: œuvres 0" in out and "images de campagnes de sondes 4" in out
    assert out.count("(image de sonde)") == 4


def test_a_version_2_ledger_marks_its_campaign_images(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    with Ledger(path) as ledger:
        ensure_tables(ledger)
        for i, session in enumerate(("pc-abc", "gen-1")):
            record = ArtworkRecord(f"id-{i}", "generated", "trainedAlgorithmicMedia")
            ledger.add_artwork(record, tmp_path / f"{i}.png", "0" * 64, status="kept",
                               session_id=session)  # fmt: skip
        ledger.db["probe_campaigns"].insert({"campaign_id": "pc-abc"})
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with Ledger(path) as ledger:
        kinds = {r["artwork_id"]: r["kind"] for r in ledger.artworks(probes=True)}
        assert kinds == {"id-0": PROBE_KIND, "id-1": "generated"}
        assert [r["artwork_id"] for r in ledger.artworks()] == ["id-1"]
