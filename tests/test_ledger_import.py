"""`artcharter ledger import`: rows rebuilt from trusted files, and only from those."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from artcharter.cli import run

from conftest import make_image


def school(root: Path, name: str, artist: str) -> Path:
    """A project with its school root and a default artist, as `init` and `keys` make it."""
    assert run(["init", str(root), "--name", name, "--lang", "en"]) == 0
    assert run(["--project", str(root), "keys", "init-school", "--name", name]) == 0
    argv = ["--project", str(root), "keys", "issue", "--artist", artist,
            "--email", "a@example.org", "--default"]  # fmt: skip
    assert run(argv) == 0
    return root


def label(root: Path, src: Path, out: Path, *extra: str) -> Path:
    argv = ["--project", str(root), "label", str(src), "-o", str(out),
            "--source-type", "trainedAlgorithmicMedia", "--tool", "Midjourney v6", *extra]  # fmt: skip
    assert run(argv) == 0
    return out


def rows(root: Path, table: str = "artworks") -> list[sqlite3.Row]:
    with sqlite3.connect(root / "artcharter.db") as db:
        db.row_factory = sqlite3.Row
        return db.execute(f"SELECT * FROM {table}").fetchall()


@pytest.fixture
def esad(tmp_path: Path) -> Path:
    return school(tmp_path / "esad", "ESAD Exemple", "Alice Martin")


def import_json(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list]:
    capsys.readouterr()
    code = run(["--project", str(root), "ledger", "import", *args, "--json"])
    return code, json.loads(capsys.readouterr().out)


def test_a_lost_row_is_rebuilt_from_the_file(esad: Path, tmp_path: Path, capsys) -> None:
    """The crash window: the file was renamed into place, its row never committed."""
    declaration = tmp_path / "declaration.toml"
    declaration.write_text('title = "Phare"\nstatement = "Une gravure reprise à la main."\n')
    signed = label(esad, make_image(tmp_path / "a.png"), tmp_path / "signed.png",
                   "--prompt", "un phare", "--declaration", str(declaration))  # fmt: skip
    (before,) = rows(esad)
    with sqlite3.connect(esad / "artcharter.db") as db:
        db.execute("DELETE FROM artworks")
        db.execute("DELETE FROM declarations")
    assert run(["--project", str(esad), "check", str(signed)]) in (0, 1)

    code, (outcome,) = import_json(esad, capsys, str(signed))
    assert code == 0 and outcome["outcome"] == "imported"
    (after,) = rows(esad)
    for column in ("artwork_id", "sha256", "path", "title", "artist", "tool", "prompt", "kind"):
        assert after[column] == before[column], column
    assert json.loads(after["record"]) == json.loads(before["record"])
    assert len(rows(esad, "declarations")) == 1
    # Importing again changes nothing.
    code, (again,) = import_json(esad, capsys, str(signed))
    assert code == 0 and again["outcome"] == "already" and len(rows(esad)) == 1


def test_only_trusted_files_are_imported(esad: Path, tmp_path: Path, capsys) -> None:
    other = school(tmp_path / "ailleurs", "Autre École", "Bob Durand")
    theirs = label(other, make_image(tmp_path / "b.png", color=(10, 90, 200)), tmp_path / "b-s.png")
    tampered = tmp_path / "tampered.png"
    data = bytearray(label(esad, make_image(tmp_path / "c.png"), tmp_path / "c-s.png").read_bytes())
    data[-40] ^= 0xFF  # inside the image data, after the manifest: the hash no longer matches
    tampered.write_bytes(bytes(data))
    unsigned = make_image(tmp_path / "plain.png", color=(1, 2, 3))
    count = len(rows(esad))

    code, outcomes = import_json(esad, capsys, str(theirs), str(tampered), str(unsigned))
    assert code == 1
    assert [(o["outcome"], o["verdict"]) for o in outcomes] == [
        ("not-trusted", "valid-untrusted"),
        ("not-trusted", "tampered"),
        ("not-trusted", "no-credential"),
    ]
    assert len(rows(esad)) == count
    # The other school's files, once its root is trusted: a school gathers submissions.
    root = str(other / "keys" / "school-root.pem")
    code, (outcome,) = import_json(esad, capsys, str(theirs), "--trust", root)
    assert code == 0 and outcome["outcome"] == "imported"
    assert {r["artist"] for r in rows(esad)} == {"Alice Martin", "Bob Durand"}


def test_conflict_keeps_the_ledger_as_it_is(esad: Path, tmp_path: Path, capsys) -> None:
    signed = label(esad, make_image(tmp_path / "d.png"), tmp_path / "d-s.png")
    with sqlite3.connect(esad / "artcharter.db") as db:
        db.execute("UPDATE artworks SET sha256 = 'ab' || substr(sha256, 3)")
    code, (outcome,) = import_json(esad, capsys, str(signed))
    assert code == 1 and outcome["outcome"] == "conflict"
    assert rows(esad)[0]["sha256"].startswith("ab")


def test_words_and_errors(esad: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "rendus"
    folder.mkdir()
    label(esad, make_image(tmp_path / "e.png"), folder / "e.png")
    (folder / "notes.txt").write_text("pas une image")
    capsys.readouterr()
    assert run(["--project", str(esad), "--lang", "fr", "ledger", "import", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "déjà présent" in out and "1 importé(s)" not in out and "0 importé(s)" in out
    # Bad input: one line, exit 2, nothing written.
    assert run(["--project", str(esad), "ledger", "import", str(tmp_path / "nope.png")]) == 2
    (error,) = capsys.readouterr().err.strip().splitlines()
    assert error.startswith("artcharter: error:") and "no such file" in error
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG\r\n\x1a\n truncated")
    assert run(["--project", str(esad), "ledger", "import", str(broken)]) == 2
    assert len(rows(esad)) == 1


def test_overwriting_a_file_retires_its_old_row(esad: Path, tmp_path: Path) -> None:
    """`label --force` over a recorded file: the old row stays as history, marked replaced,
    and only the new row claims the bytes now under that name."""
    out = tmp_path / "final.png"
    label(esad, make_image(tmp_path / "v1.png"), out)
    assert run(["--project", str(esad), "label", str(tmp_path / "v1.png"), "-o", str(out),
                "--source-type", "trainedAlgorithmicMedia", "--tool", "Firefly"]) == 2  # fmt: skip
    label(esad, make_image(tmp_path / "v2.png", color=(0, 200, 0)), out, "--force")
    by_status = {r["status"]: r for r in rows(esad)}
    assert set(by_status) == {"replaced", "signed"}
    assert by_status["signed"]["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert by_status["replaced"]["sha256"] != by_status["signed"]["sha256"]
