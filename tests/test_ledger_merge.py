"""`artcharter ledger merge`: a workstation's ledger joins the school's through its signed
files only; nothing in the other file is believed as it is, and merging twice changes nothing."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from test_ledger_import import label, rows, school

from artcharter.cli import run
from artcharter.provenance.config import set_config_value

from conftest import make_image


@pytest.fixture
def esad(tmp_path: Path) -> Path:
    return school(tmp_path / "esad", "ESAD Exemple", "Alice Martin")


def workstation(esad: Path, root: Path) -> Path:
    """Another project of the same school: its keys, its own ledger."""
    assert run(["init", str(root), "--name", "ESAD Exemple", "--lang", "en"]) == 0
    shutil.copytree(esad / "keys", root / "keys", dirs_exist_ok=True)
    set_config_value(root, "artist", "name", "Alice Martin")
    return root


def merge_json(root: Path, capsys, *args: str) -> tuple[int, dict]:
    capsys.readouterr()
    code = run(["--project", str(root), "ledger", "merge", *args, "--json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if code == 0 else {}


def test_merge_joins_trusted_files_only_and_is_idempotent(
    esad: Path, tmp_path: Path, capsys
) -> None:
    label(esad, make_image(tmp_path / "o.png"), tmp_path / "ours.png", "--title", "Ours")
    (ours_row,) = rows(esad)
    poste = workstation(esad, tmp_path / "poste")
    out = tmp_path / "poste-out"
    out.mkdir()
    private = label(poste, make_image(tmp_path / "1.png", color=(1, 80, 160)), out / "w1.png",
                    "--prompt", "un phare la nuit", "--private-prompt")  # fmt: skip
    forged = label(poste, make_image(tmp_path / "2.png", color=(2, 90, 10)), out / "w2.png")
    gone = label(poste, make_image(tmp_path / "3.png", color=(3, 5, 99)), out / "w3.png")
    changed = label(poste, make_image(tmp_path / "4.png", color=(99, 5, 3)), out / "w4.png")
    posing = label(poste, make_image(tmp_path / "5.png", color=(7, 7, 70)), out / "w5.png")
    with sqlite3.connect(poste / "artcharter.db") as db:
        db.execute("UPDATE artworks SET status = 'discarded' WHERE path LIKE '%w1.png'")
        # Rows edited by hand: another name and title, and an id taken from the school's.
        db.execute(
            "UPDATE artworks SET artist = 'Mallory', title = 'Forged' WHERE path LIKE '%w2.png'"
        )
        db.execute("UPDATE artworks SET artwork_id = ? WHERE path LIKE '%w5.png'",
                   [ours_row["artwork_id"]])  # fmt: skip
    gone.unlink()
    changed.write_bytes(changed.read_bytes()[:-20] + b"\x00" * 20)
    copied = tmp_path / "copied"  # the private one was copied to the school's server
    copied.mkdir()
    shutil.move(private, copied / private.name)

    code, report = merge_json(esad, capsys, str(poste / "artcharter.db"), "--files", str(copied))
    assert code == 0
    assert report["artworks"] == {"imported": 3, "file-not-here": 1, "other-bytes": 1}
    by_path = {Path(r["path"]).name: r for r in rows(esad)}
    assert set(by_path) == {"ours.png", "w1.png", "w2.png", "w5.png"}
    # What the signed file says, not what the other ledger's row says.
    assert by_path["w2.png"]["artist"] == "Alice Martin" and by_path["w2.png"]["title"] is None
    # The school's own row is untouched by a row claiming its id.
    assert dict(by_path["ours.png"]) == dict(ours_row)
    assert by_path["w5.png"]["artwork_id"] != ours_row["artwork_id"]
    # What the file cannot say, where it can be checked: the private prompt (its hash is
    # signed), the artist's choice to discard; the file found where it was copied.
    assert by_path["w1.png"]["prompt"] == "un phare la nuit"
    assert by_path["w1.png"]["status"] == "discarded"
    assert Path(by_path["w1.png"]["path"]).parent == copied.resolve()
    apart = rows(esad, "merged_rows")
    reasons = {(r["source_table"], r["reason"]) for r in apart}
    assert ("artworks", "file-not-here") in reasons and ("artworks", "other-bytes") in reasons
    assert {t for t, reason in reasons if reason == "unsigned"} - {"artworks"}
    assert report["kept_apart"] == len(apart)
    # Energy of the joined artworks comes with them, from their signed records only.
    assert {r["phase"] for r in rows(esad, "energy_runs")} <= {"generation"}

    code, again = merge_json(esad, capsys, str(poste / "artcharter.db"), "--files", str(copied))
    assert code == 0 and again["artworks"].get("imported", 0) == 0
    assert again["artworks"]["already"] == 3 and again["kept_apart"] == 0
    assert len(rows(esad)) == 4 and len(rows(esad, "merged_rows")) == len(apart)
    assert forged.exists() and posing.exists()


def test_merge_refuses_what_is_not_another_ledger(esad: Path, tmp_path: Path, capsys) -> None:
    capsys.readouterr()
    assert run(["--project", str(esad), "ledger", "merge", str(esad / "artcharter.db")]) == 2
    assert "this very ledger" in capsys.readouterr().err
    plain = tmp_path / "notes.db"
    with sqlite3.connect(plain) as db:
        db.execute("CREATE TABLE notes (x)")
    assert run(["--project", str(esad), "ledger", "merge", str(plain)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert run(["--project", str(esad), "ledger", "merge", str(tmp_path / "absent.db")]) == 2
