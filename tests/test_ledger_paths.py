"""Paths in the ledger: stored relative to the ledger's folder when the file lies under it,
so that a project folder moved or copied whole (ledger and works) keeps working; absolute
outside it; and no path a crafted ledger holds makes a reader open a file outside."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_ledger_import import label, rows, school

from artcharter.cli import run
from artcharter.provenance.campaign.store import ensure_tables
from artcharter.provenance.ledger import SCHEMA_VERSION, Ledger, absolute_text, path_text
from artcharter.provenance.record import ArtworkRecord, new_artwork_id
from artcharter.reports.summary import ledger_paths

from conftest import make_image


def _record(title: str = "w") -> ArtworkRecord:
    return ArtworkRecord(new_artwork_id(), "labelled", "humanEdits", title=title)


def _raw(path: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_paths_under_the_ledger_folder_are_stored_relative(tmp_path: Path, monkeypatch) -> None:
    project = tmp_path / "projet 100%_x"  # LIKE's wildcards in the folder's name
    sibling = tmp_path / "projet 100%_x2"  # same prefix, another folder: stays absolute
    inside, outside = project / "œuvres" / "phare.png", sibling / "b.png"
    note_like = project / "upload:c.png"  # a file named like the desk's note
    for file in (inside, outside, note_like):
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_bytes(b"x")
    with Ledger(project / "artcharter.db") as ledger:
        records = [_record(t) for t in ("in", "out", "note")]
        for record, file, digest in zip(records, (inside, outside, note_like), "abc", strict=True):
            ledger.add_artwork(record, file, digest * 64, status="signed")
        ledger.add_verifications(
            [{"path": path_text(inside), "sha256": "a" * 64, "verdict": "trusted"},
             {"path": "upload:dropped.png", "sha256": "d" * 64, "verdict": "no-credential"}]
        )  # fmt: skip
        stored = dict(_raw(ledger.path, "SELECT title, path FROM artworks"))
        assert stored == {
            "in": "œuvres/phare.png",
            "out": path_text(outside),
            "note": "./upload:c.png",
        }
        assert [p for (p,) in _raw(ledger.path, "SELECT path FROM verifications")] == [
            "œuvres/phare.png",
            "upload:dropped.png",
        ]
        # Readers get absolute paths that work from anywhere, and the note as it is.
        shown = {r["title"]: r["path"] for r in ledger.artworks()}
        assert shown == {"in": path_text(inside), "out": path_text(outside),
                         "note": path_text(note_like)}  # fmt: skip
        paths = [v["path"] for v in ledger.verifications_of_sha256("d" * 64)]
        assert paths == ["upload:dropped.png"]
        # Found by its path typed from anywhere: absolute, or relative to where one stands.
        monkeypatch.chdir(project / "œuvres")
        assert ledger.find_artwork("phare.png")["title"] == "in"
        assert ledger.find_artwork(str(inside))["title"] == "in"
        monkeypatch.chdir(tmp_path)
        assert ledger.find_artwork(str(outside.relative_to(tmp_path)))["title"] == "out"


@pytest.mark.parametrize(
    "crafted",
    ["../../etc/passwd", "œuvres/../../secret.png", "..", "..\\..\\secret.png", "a\x00b", ""],
)
def test_a_crafted_path_names_no_file(tmp_path: Path, crafted: str) -> None:
    project = tmp_path / "a" / "b"
    with Ledger(project / "artcharter.db") as ledger:
        ledger.add_artwork(_record(), project / "w.png", "a" * 64, status="signed")
        with sqlite3.connect(ledger.path) as conn:
            conn.execute("UPDATE artworks SET path = ?", [crafted])
        (row,) = ledger.artworks()
        assert row["path"] is None
        # The summary counts it as a missing file; nothing is opened, nothing crashes.
        assert ledger_paths(ledger) == ([], [{"artwork_id": row["artwork_id"], "title": "w",
                                              "path": None}])  # fmt: skip
    # An absolute path reads as it did before paths were stored relative.
    assert absolute_text("/etc/passwd", "/x") == "/etc/passwd"
    assert absolute_text("a/./b.png", "/x/") == "/x/a/b.png"


# --- migration --------------------------------------------------------------------------


def _version_3_ledger(project: Path) -> Path:
    """A ledger as version 3 wrote it: the same tables, every path absolute."""
    ledger_file = project / "artcharter.db"
    with Ledger(ledger_file) as ledger:
        ensure_tables(ledger)
        for name in ("a.png", "sous dossier/b.png"):
            ledger.add_artwork(_record(name), project / name, "a" * 64, status="signed")
        ledger.add_artwork(_record("outside"), project.parent / "ailleurs.png", "b" * 64,
                           status="signed")  # fmt: skip
        ledger.add_verifications([{"path": str(project / "a.png"), "sha256": "a" * 64,
                                   "verdict": "trusted"},
                                  {"path": "upload:x.png", "sha256": "c" * 64,
                                   "verdict": "no-credential"}])  # fmt: skip
        ledger.open_series({"series_id": "s1", "output_dir": str(project / "series"), "n": 2})
        ledger.db["probe_images"].insert({"image_id": "i1", "path": "probes/i1.png"})
        ledger.db["probe_campaigns"].insert({"campaign_id": "c1", "output_dir": "probes"})
    root = path_text(project)
    with sqlite3.connect(ledger_file) as conn:
        for table, column in (("artworks", "path"), ("verifications", "path"),
                              ("series", "output_dir"), ("probe_images", "path"),
                              ("probe_campaigns", "output_dir")):  # fmt: skip
            conn.execute(
                f"UPDATE {table} SET {column} = ? || '/' || {column} "
                f"WHERE {column} NOT LIKE '/%' AND {column} NOT LIKE 'upload:%'",
                [root],
            )
        conn.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    return ledger_file


def _all_paths(ledger_file: Path) -> list[tuple]:
    return [
        *_raw(ledger_file, "SELECT 'artworks', title, path FROM artworks ORDER BY rowid"),
        *_raw(ledger_file, "SELECT 'verifications', id, path FROM verifications ORDER BY id"),
        *_raw(ledger_file, "SELECT 'series', series_id, output_dir FROM series"),
        *_raw(ledger_file, "SELECT 'probe_images', image_id, path FROM probe_images"),
        *_raw(
            ledger_file, "SELECT 'probe_campaigns', campaign_id, output_dir FROM probe_campaigns"
        ),
        *_raw(ledger_file, "SELECT 'meta', key, value FROM meta"),
    ]


def test_a_version_3_ledger_stores_its_paths_relative_once(tmp_path: Path) -> None:
    project = tmp_path / "atelier"
    ledger_file = _version_3_ledger(project)
    root = path_text(project)
    assert ("artworks", "a.png", f"{root}/a.png") in _all_paths(ledger_file)
    with Ledger(ledger_file):
        pass
    assert _all_paths(ledger_file) == [
        ("artworks", "a.png", "a.png"),
        ("artworks", "sous dossier/b.png", "sous dossier/b.png"),
        ("artworks", "outside", path_text(tmp_path / "ailleurs.png")),
        ("verifications", 1, "a.png"),
        ("verifications", 2, "upload:x.png"),
        ("series", "s1", "series"),
        ("probe_images", "i1", "probes/i1.png"),
        ("probe_campaigns", "c1", "probes"),
        ("meta", "schema_version", str(SCHEMA_VERSION)),
    ]
    # Opened again (or by a second process): nothing left to do, nothing changes.
    migrated = _all_paths(ledger_file)
    with Ledger(ledger_file) as ledger:
        assert {r["path"] for r in ledger.artworks()} == {
            f"{root}/a.png",
            f"{root}/sous dossier/b.png",
            path_text(tmp_path / "ailleurs.png"),
        }
    assert _all_paths(ledger_file) == migrated


def test_a_migration_killed_midway_leaves_the_version_3_ledger_whole(tmp_path: Path) -> None:
    ledger_file = _version_3_ledger(tmp_path / "atelier")
    before = _all_paths(ledger_file)
    # A real SIGKILL after the paths were rewritten, before the transaction commits.
    script = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from artcharter.provenance import ledger\n"
        "rewrite = ledger.Ledger._relative_paths\n"
        "def killed(self):\n"
        "    rewrite(self)\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "ledger.Ledger._relative_paths = killed\n"
        "ledger.Ledger(Path(sys.argv[1]))\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(ledger_file)], timeout=120)
    assert done.returncode == -9
    assert _all_paths(ledger_file) == before
    with Ledger(ledger_file):
        pass
    assert ("artworks", "a.png", "a.png") in _all_paths(ledger_file)


# --- a project folder moved whole ---------------------------------------------------------


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    capsys.readouterr()
    code = run(list(argv))
    return code, capsys.readouterr().out


def test_a_project_moved_whole_keeps_working(
    tmp_path: Path, monkeypatch, capsys: pytest.CaptureFixture[str]
) -> None:
    esad = school(tmp_path / "esad", "ESAD Exemple", "Alice Martin")
    works = esad / "œuvres"
    works.mkdir()
    label(esad, make_image(tmp_path / "1.png"), works / "phare.png", "--title", "Phare")
    label(esad, make_image(tmp_path / "2.png", color=(9, 90, 9)), works / "vague.png")
    assert run(["--project", str(esad), "verify", str(works / "phare.png")]) == 0
    assert {r["path"] for r in rows(esad)} == {"œuvres/phare.png", "œuvres/vague.png"}

    moved = tmp_path / "ailleurs" / "esad-2027"  # another disk, another machine
    moved.parent.mkdir()
    shutil.move(esad, moved)
    monkeypatch.chdir(tmp_path)  # and run from outside the project
    project = ["--project", str(moved)]

    code, out = _cli(capsys, *project, "ledger", "list", "--json")
    assert code == 0
    listed = {Path(r["path"]) for r in json.loads(out)["artworks"]}
    assert listed == {moved.resolve() / "œuvres" / n for n in ("phare.png", "vague.png")}
    assert all(p.is_file() for p in listed)
    code, out = _cli(capsys, "--lang", "en", *project, "ledger", "list")
    assert code == 0 and str(moved.resolve() / "œuvres" / "phare.png") in out
    # `ledger show` by path: absolute, or relative to where one stands.
    code, out = _cli(capsys, *project, "ledger", "show", str(moved / "œuvres" / "phare.png"))
    assert code == 0 and json.loads(out)["title"] == "Phare"
    assert json.loads(out)["verifications"][0]["path"] == str(
        moved.resolve() / "œuvres" / "phare.png"
    )
    monkeypatch.chdir(moved / "œuvres")
    code, out = _cli(capsys, *project, "ledger", "show", "vague.png")
    assert code == 0 and json.loads(out)["path"] == str(moved.resolve() / "œuvres" / "vague.png")
    monkeypatch.chdir(tmp_path)

    # The summary finds every work where it now lies, none missing.
    code, out = _cli(capsys, *project, "summary", "--ledger", "--json", "-o", str(tmp_path / "s"))
    assert code == 0, out
    summary = json.loads(out)
    assert summary["missing"] == [] and summary["artworks"] == 2
    code, _ = _cli(capsys, *project, "report", str(moved / "œuvres" / "phare.png"),
                   "-o", str(tmp_path / "r"))  # fmt: skip
    assert code == 0

    # `label --force` over a moved work retires its row, found by its relative path.
    label(moved, make_image(tmp_path / "3.png", color=(200, 9, 9)), moved / "œuvres" / "phare.png",
          "--force", "--title", "Phare II")  # fmt: skip
    statuses = {(r["title"], r["status"]) for r in rows(moved)}
    assert ("Phare", "replaced") in statuses and ("Phare II", "signed") in statuses
    assert {r["path"] for r in rows(moved)} == {"œuvres/phare.png", "œuvres/vague.png"}


def test_a_ledger_merged_from_another_folder_finds_its_files_there(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    esad = school(tmp_path / "esad", "ESAD Exemple", "Alice Martin")
    poste = tmp_path / "poste"
    assert run(["init", str(poste), "--name", "ESAD Exemple", "--lang", "en"]) == 0
    shutil.copytree(esad / "keys", poste / "keys", dirs_exist_ok=True)
    assert run(["--project", str(poste), "keys", "issue", "--artist", "Bob Dupont",
                "--email", "b@example.org", "--default"]) == 0  # fmt: skip
    (poste / "out").mkdir()
    label(poste, make_image(tmp_path / "1.png"), poste / "out" / "w1.png")
    stolen = label(poste, make_image(tmp_path / "2.png", color=(1, 2, 200)), tmp_path / "w2.png")
    # The workstation's folder copied to the school's server, under another name.
    copy = tmp_path / "server" / "poste-copie"
    shutil.copytree(poste, copy)
    shutil.rmtree(poste)
    with sqlite3.connect(copy / "artcharter.db") as db:
        # A crafted row: its file exists where the path climbs to, which is never looked at.
        shutil.copy(stolen, tmp_path / "server" / "w2.png")
        db.execute("UPDATE artworks SET path = '../w2.png' WHERE path LIKE '%w2.png'")
    stolen.unlink()
    code, out = _cli(capsys, "--project", str(esad), "ledger", "merge",
                     str(copy / "artcharter.db"), "--json")  # fmt: skip
    assert code == 0, out
    assert json.loads(out)["artworks"] == {"imported": 1, "file-not-here": 1}
    # Outside the school's folder: stored absolute, where the file was found.
    assert [r["path"] for r in rows(esad)] == [path_text(copy / "out" / "w1.png")]
    (apart,) = [r for r in rows(esad, "merged_rows") if r["source_table"] == "artworks"]
    assert json.loads(apart["row"])["path"] == "../w2.png" and apart["source"] == "artcharter.db"


def test_paths_resolve_from_the_ledger_not_the_current_folder(tmp_path: Path, monkeypatch) -> None:
    project = tmp_path / "p"
    with Ledger(project / "artcharter.db") as ledger:
        ledger.add_artwork(_record(), project / "w.png", "a" * 64, status="signed")
    (tmp_path / "cwd").mkdir()
    monkeypatch.chdir(tmp_path / "cwd")
    with Ledger(Path("../p/artcharter.db")) as ledger:
        (row,) = ledger.artworks()
    assert row["path"] == path_text(project / "w.png")
