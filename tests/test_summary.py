"""The class or exhibition summary: counts per rule, verdicts, energy with discarded images,
AI share per stage, links to every report; from a folder and from the ledger."""

from __future__ import annotations

import json
from html import unescape
from pathlib import Path

import pytest
from report_samples import Exhibition

from artcharter.cli import run
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.verify import read_anchors
from artcharter.reports.summary import build_summary, charter_count_text, make_summary


@pytest.fixture(scope="session")
def expo(tmp_path_factory: pytest.TempPathFactory) -> Exhibition:
    return Exhibition(tmp_path_factory.mktemp("expo-summary"))


@pytest.fixture(scope="session")
def folder_summary(expo: Exhibition, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("summary-out")
    with Ledger(expo.root / "artcharter.db") as ledger:
        return make_summary(
            sorted(expo.folder.glob("*.png")),
            out,
            lang="en",
            anchors=read_anchors([expo.school_root]),
            ledger=ledger,
        )


def test_counts_add_up(folder_summary) -> None:
    summary = folder_summary.summary
    n = summary["artworks"]
    assert n == 4 == len(summary["rows"])
    for rule in summary["rules"]:
        assert sum(rule["counts"].values()) == n, rule["rule_id"]
    assert sum(v["count"] for v in summary["verifications"]) == n
    assert {v["verdict"]: v["count"] for v in summary["verifications"]} == {
        "trusted": 3,
        "no-credential": 1,
    }
    assert sum(a["count"] for a in summary["ai_shares"]) == n
    for stage in summary["stages"]:
        assert sum(stage["counts"].values()) == n
    assert summary["charter"]["passed"] + summary["charter"]["failed"] == n


def test_stages_come_from_declarations(folder_summary) -> None:
    stages = {s["stage"]: s["counts"] for s in folder_summary.summary["stages"]}
    # One artwork (maree.png) declares its stages; the others have no declaration.
    assert stages["rendering"]["generated"] == 1 and stages["rendering"]["undeclared"] == 3
    assert stages["post-production"]["none"] == 1


def test_energy_total_and_per_artwork(folder_summary) -> None:
    summary = folder_summary.summary
    rows = {row["file"]: row for row in summary["rows"]}
    energy = summary["energy"]
    # croquis.png is a labelled copy of maree.png: one generation, counted once.
    assert rows["croquis.png"]["generation_id"] == rows["maree.png"]["generation_id"]
    measured = [rows[name]["kwh"] for name in ("maree.png", "bruit.png")]
    assert energy["artworks_kwh"] == pytest.approx(sum(measured))
    assert energy["artworks_measured"] == 3 and energy["generations_measured"] == 2
    assert energy["mean_kwh"] == pytest.approx(sum(measured) / len(measured))
    # maree.png's session also holds a discarded image: the session total counts it.
    assert rows["maree.png"]["session_discarded"] == 1
    assert energy["discarded"] == 1
    assert energy["sessions_kwh"] >= rows["maree.png"]["kwh"] * 2
    assert energy["ledger"] is None  # a folder's summary does not claim the whole ledger


def test_links_point_at_written_reports(folder_summary) -> None:
    html = folder_summary.html.read_text(encoding="utf-8")
    base = folder_summary.html.parent
    for row in folder_summary.summary["rows"]:
        assert f'href="{row["report"]}"' in html
        target = base / row["report"]
        assert target.is_file() and target.with_suffix(".json").is_file()
    twin = json.loads(folder_summary.json.read_text(encoding="utf-8"))
    assert twin["artworks"] == 4 and twin["schema"] == "artcharter.summary/1"
    assert "Croquis &lt;i&gt;repris&lt;/i&gt;" in html  # titles are text


@pytest.mark.parametrize(
    ("which", "n", "total", "lang", "expected"),
    [
        ("unmet", 3, 3, "fr", "3 œuvres sur 3 ne respectent pas la charte"),
        ("met", 0, 3, "fr", "0 œuvre sur 3 respecte la charte"),
        ("met", 1, 3, "fr", "1 œuvre sur 3 respecte la charte"),
        ("unmet", 3, 3, "en", "3 of 3 artworks do not meet the charter"),
        ("unmet", 1, 3, "en", "1 of 3 artworks does not meet the charter"),
        ("met", 0, 3, "en", "0 of 3 artworks meet the charter"),
        ("met", 1, 1, "en", "1 of 1 artwork meets the charter"),
        ("unmet", 0, 1, "en", "0 of 1 artwork does not meet the charter"),
    ],
)
def test_charter_counts_agree_in_number(
    which: str, n: int, total: int, lang: str, expected: str
) -> None:
    assert charter_count_text(which, n, total, lang) == expected


def test_build_summary_of_nothing() -> None:
    summary = build_summary([], "fr", source="folder", generated_at="2026-11-22T00:00:00+00:00")
    assert summary["artworks"] == 0 and summary["rules"] == []
    assert summary["energy"]["mean_kwh"] is None


def test_summary_from_the_ledger(expo: Exhibition, tmp_path: Path, capsys) -> None:
    gone = expo.root / "gone.png"
    with Ledger(expo.root / "artcharter.db") as ledger:
        from report_samples import sign_generated

        sign_generated(gone, expo.identity, ledger=ledger, title="Disparue")
        before = ledger.db["energy_runs"].count
    gone.unlink()
    out = tmp_path / "s"
    code = run(["--project", str(expo.root), "summary", "--ledger", "-o", str(out), "--json"])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["source"] == "ledger"
    # Signed artworks on disk: the three signed in expo/ and the discarded one is left out.
    assert {row["file"] for row in summary["rows"]} == {"maree.png", "bruit.png", "croquis.png"}
    assert [m["title"] for m in summary["missing"]] == ["Disparue"]
    ledger_energy = summary["energy"]["ledger"]
    assert ledger_energy["runs"] == before  # every run, the discarded generation's included
    assert ledger_energy["kwh"] > summary["energy"]["artworks_kwh"]
    assert (out / "summary.html").is_file()


def test_summary_command_french(expo: Exhibition, tmp_path: Path, capsys) -> None:
    code = run(
        [
            "--project",
            str(expo.root),
            "summary",
            str(expo.folder),
            "-o",
            str(tmp_path),
            "--lang",
            "fr",
        ]
    )
    assert code == 0 and "synthèse de 4 œuvres\u00a0: " in capsys.readouterr().out
    html = unescape((tmp_path / "summary.html").read_text(encoding="utf-8"))
    assert "Résultats par règle" in html and "Part de l'IA par étape" in html
    twin = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    failed = twin["charter"]["failed"]
    assert twin["charter"]["failed_text"] in html and f"{failed} œuvre" in html
    assert "charte non respectée</span>\n" not in html and " 0 charte" not in html


@pytest.mark.parametrize("argv", [[], ["FOLDER", "--ledger"], ["nowhere"]])
def test_summary_usage_errors(expo: Exhibition, tmp_path: Path, capsys, argv: list[str]) -> None:
    argv = [str(expo.folder) if a == "FOLDER" else a for a in argv]
    code = run(["--project", str(expo.root), "summary", *argv, "-o", str(tmp_path / "o")])
    assert code == 2 and "Traceback" not in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_many_files_are_reported_by_worker_processes(expo: Exhibition, tmp_path: Path) -> None:
    import shutil

    from artcharter.reports.report import write_reports

    folder = tmp_path / "many"
    folder.mkdir()
    sources = sorted(expo.folder.glob("*.png"))
    for i in range(9):  # enough for the worker processes (8 or more files)
        shutil.copy(sources[i % len(sources)], folder / f"copy-{i}.png")
    paths = sorted(folder.glob("*.png"))
    anchors = read_anchors([expo.school_root])
    with Ledger(expo.root / "artcharter.db") as ledger:
        pooled = write_reports(paths, tmp_path / "a", anchors=anchors, ledger=ledger, workers=2)
        serial = write_reports(paths, tmp_path / "b", anchors=anchors, ledger=ledger, workers=1)
    assert [f.html.name for f in pooled] == [f"{p.stem}.report.html" for p in paths]

    def comparable(report: dict) -> dict:
        return {k: v for k, v in report.items() if k != "generated_at"}

    assert [comparable(f.report) for f in pooled] == [comparable(f.report) for f in serial]
    for files in pooled:
        assert files.html.stat().st_size > 10_000 and files.json.is_file()
    # The session of maree.png (with its discarded sibling) was read by the workers too.
    maree = pooled[sources.index(expo.folder / "maree.png")].report
    assert maree["energy"]["session"]["discarded"] == 1


def test_damaged_files_get_a_row_not_a_crash(expo: Exhibition, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "broken.png").write_bytes(b"not an image at all")
    (folder / "truncated.png").write_bytes(expo.generated.path.read_bytes()[:3000])
    (folder / "ok.png").write_bytes(expo.generated.path.read_bytes())
    files = make_summary(sorted(folder.glob("*.png")), tmp_path / "out", lang="en")
    verdicts = {row["file"]: row["verdict"] for row in files.summary["rows"]}
    assert verdicts == {
        "broken.png": "unreadable",
        "ok.png": "valid-untrusted",
        "truncated.png": "unreadable",
    }
    broken = json.loads((tmp_path / "out" / "reports" / "broken.report.json").read_text())
    assert broken["artwork"]["width"] is None  # no picture to show, and no crash


def test_count_badges_take_the_colour_of_their_meaning(folder_summary) -> None:
    """Green only for artworks that pass, red only for those that fail; a zero is neutral."""
    import re

    html = folder_summary.html.read_text(encoding="utf-8")
    charter = folder_summary.summary["charter"]
    badges = re.findall(r'<span class="status (s-[a-z-]+)">([^<]+)</span>', html)[:2]
    (passed_class, passed_text), (failed_class, failed_text) = badges
    assert passed_text == charter["passed_text"] and failed_text == charter["failed_text"]
    assert passed_class == ("s-pass" if charter["passed"] else "s-not-applicable")
    assert failed_class == ("s-fail" if charter["failed"] else "s-not-applicable")
