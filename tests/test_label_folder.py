"""`label FOLDER -o OUTDIR`: every file of a folder signed as one series, streamed, with
its own credentials and its place in the series; a file that cannot be signed is one line
and the others go on (exit 2 at the end); the real command SIGKILLed mid-run and run again
ends with every file exactly once, no orphan row, nothing half-written; the rows are
committed in batches (``Ledger.batch``), each batch's files renamed into place as its rows
commit."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from artcharter.base.hashing import sha256_file
from artcharter.cli import run
from artcharter.provenance import verdicts
from artcharter.provenance.label_folder import folder_series_id
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.series import COMPLETE
from artcharter.provenance.verify import read_anchors, verify_file
from tests.conftest import make_atelier, make_image

ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))


@pytest.fixture
def project(tmp_path: Path, school_dir: Path) -> Path:
    return make_atelier(tmp_path / "atelier", school_dir)


def folder_of(root: Path, n: int) -> Path:
    folder = root / "sketches"
    folder.mkdir()
    for i in range(n):
        make_image(folder / f"sketch-{i:03d}.png", size=(24, 16), color=(i * 9 % 256, 40, 90))
    return folder


def rows(ledger: Path) -> list[tuple[str, str, str]]:
    """Each artwork row's path (absolute: the ledger stores a path under its folder
    relative to it), hash and status."""
    with sqlite3.connect(ledger) as conn:
        found = conn.execute("SELECT path, sha256, status FROM artworks").fetchall()
    return [(str(ledger.parent / path), digest, status) for path, digest, status in found]


def test_a_folder_is_one_series_and_each_file_says_its_place(
    project: Path, school_root: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(project)
    folder, out = folder_of(project, 4), project / "signed"
    (folder / ".DS_Store").write_bytes(b"\0")  # hidden: left alone
    (folder / "sub").mkdir()  # a subfolder: not entered
    argv = ["label", str(folder), "-o", str(out), "--source-type", "compositeWithTrainedAlgorithmicMedia", "--tool", "Krea"]  # fmt: skip
    assert run(argv) == 0
    captured = capsys.readouterr()
    sid = folder_series_id(folder, out)
    assert f"series {sid}: 4 files" in captured.err
    assert "4 files signed into" in captured.out and "0 before" in captured.out
    assert sorted(p.name for p in out.iterdir()) == [f"sketch-{i:03d}.png" for i in range(4)]
    with Ledger(project / "artcharter.db") as ledger:
        (series,) = ledger.series(sid)
        assert (series["n"], series["state"]) == (4, COMPLETE)
        assert ledger.series_made(sid) == 4
    places = []
    for path in sorted(out.iterdir()):
        result = verify_file(path, read_anchors([school_root]))
        assert result.verdict == verdicts.TRUSTED
        place = result.record["series"]
        assert (place["series_id"], place["size"]) == (sid, 4)
        places.append(place["index"])
    assert sorted(places) == [1, 2, 3, 4]
    # verify says the place in words, in both languages.
    first = next(p for p in out.iterdir())
    index = verify_file(first, read_anchors([school_root])).record["series"]["index"]
    for lang, words in (("en", f"{sid}, file {index} of 4"), ("fr", f"{sid}, fichier {index} sur 4")):  # fmt: skip
        assert run(["--lang", lang, "verify", str(first), "--trust", str(school_root)]) == 0
        assert words in capsys.readouterr().out

    # The same command again: nothing to do, no duplicate.
    assert run(argv) == 0
    assert "resuming series" in capsys.readouterr().err
    assert len(rows(project / "artcharter.db")) == 4


def test_a_bad_file_is_one_line_and_the_others_are_signed(
    project: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(project)
    folder, out = folder_of(project, 3), project / "signed"
    (folder / "notes.txt").write_text("not a work", encoding="utf-8")
    (folder / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\nnot really")
    argv = ["--lang", "fr", "label", str(folder), "-o", str(out), "--source-type", "trainedAlgorithmicMedia"]  # fmt: skip
    assert run(argv) == 2
    err = capsys.readouterr().err
    failed = [line for line in err.splitlines() if line.startswith("non signé")]
    assert len(failed) == 2, err
    assert any("notes.txt" in line for line in failed)
    assert any("broken.png" in line for line in failed)
    assert "Traceback" not in err
    assert "2 fichiers sur 5 n'ont pas pu être signés" in err
    assert len(rows(project / "artcharter.db")) == 3
    assert sorted(p.name for p in out.iterdir()) == [f"sketch-{i:03d}.png" for i in range(3)]

    # A file already in OUTDIR on a new series: its line names the option as typed.
    other = project / "other"
    other.mkdir()
    make_image(other / "sketch-000.png")
    make_image(other / "new.png")
    argv = ["label", str(other), "-o", str(out), "--source-type", "trainedAlgorithmicMedia"]
    assert run(argv) == 2
    err = capsys.readouterr().err
    assert "already exists: choose another name or pass --force" in err, err


def test_a_folder_that_changed_and_a_bad_output_are_refused(
    project: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(project)
    folder, out = folder_of(project, 2), project / "signed"
    base = ["label", str(folder), "--source-type", "trainedAlgorithmicMedia"]
    assert run([*base, "-o", str(folder)]) == 2
    assert "must be another folder" in capsys.readouterr().err
    assert run([*base, "-o", str(out)]) == 0
    make_image(folder / "late.png")
    assert run([*base, "-o", str(out)]) == 2
    assert "had 2 files when its series began and now has 3" in capsys.readouterr().err
    # Another request under the same folders is another series' business: refused.
    (folder / "late.png").unlink()
    assert run([*base, "-o", str(out), "--tool", "Firefly"]) == 2
    assert "tool" in capsys.readouterr().err


def test_the_command_killed_with_sigkill_then_run_again(project: Path, tmp_path: Path) -> None:
    folder, out = folder_of(project, 150), project / "signed"
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTCHARTER_")}
    env |= {"ARTCHARTER_PROJECT": str(project), "ARTCHARTER_LANG": "en"}
    argv = [ARTCHARTER, "label", str(folder), "-o", str(out), "--source-type", "trainedAlgorithmicMedia"]  # fmt: skip
    process = subprocess.Popen(argv, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip
    ledger = project / "artcharter.db"
    start = time.monotonic()
    while process.poll() is None and time.monotonic() - start < 300:
        # Once a batch of rows is committed, while the next batch is being signed.
        if ledger.exists() and _count(ledger) >= 1:
            time.sleep(0.2)  # into the next batch: its files wait hidden, rows not committed
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.005)
    _, err = process.communicate()
    assert process.returncode == -signal.SIGKILL, err.decode(errors="replace")
    before = rows(ledger) if ledger.exists() else []
    assert 1 <= len(before) < 150
    # A batch's files wait hidden until its rows commit (more files than rows only for a
    # kill between the renames and the commit); the same command signs any such file again.
    # Every committed row has its file with those bytes (no orphan row).
    for path, digest, _ in before:
        assert sha256_file(Path(path)) == digest

    done = subprocess.run([*argv, "--json"], cwd=project, env=env, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    after = rows(ledger)
    live = [(p, d) for p, d, status in after if status != "replaced"]
    # Every file exactly once, every row's file there with its bytes, nothing half-written.
    assert len(live) == len({p for p, _ in live}) == 150
    assert len(made) == 150 - len(before)
    for path, digest in live:
        assert sha256_file(Path(path)) == digest
    assert sorted(Path(p) for p, _ in live) == sorted(out.glob("*.png"))
    assert [p for p in out.iterdir() if p.name.startswith(".")] == []
    with sqlite3.connect(ledger) as conn:
        places = dict(
            conn.execute(
                "SELECT path, json_extract(record, '$.series.index') FROM artworks "
                "WHERE status != ?",
                ["replaced"],
            ).fetchall()
        )
        assert conn.execute("SELECT state FROM series").fetchall() == [("complete",)]
    # A file's place is its place by name, the same after the kill and the resume.
    names = sorted(Path(path).name for path in places)
    assert {Path(path).name: i for path, i in places.items()} == {
        name: i for i, name in enumerate(names, 1)
    }


def _count(ledger: Path) -> int:
    try:
        with sqlite3.connect(ledger, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM artworks").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def label_in_background(project: Path, source: Path, out: Path) -> subprocess.Popen[str]:
    """The real `artcharter label SOURCE -o OUT`, started for a test to press Ctrl-C."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTCHARTER_")}
    env |= {"ARTCHARTER_PROJECT": str(project), "ARTCHARTER_LANG": "en"}
    argv = [ARTCHARTER, "label", str(source), "-o", str(out), "--source-type", "trainedAlgorithmicMedia"]  # fmt: skip
    return subprocess.Popen(
        argv,
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Python's own Ctrl-C handler, even when this suite runs with SIGINT ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def test_ctrl_c_commits_what_is_signed_and_says_how_to_go_on(project: Path) -> None:
    folder, out = folder_of(project, 150), project / "signed"
    process = label_in_background(project, folder, out)
    start = time.monotonic()
    while process.poll() is None and time.monotonic() - start < 300:
        if out.exists() and len(list(out.glob("*.png"))) >= 5:
            process.send_signal(signal.SIGINT)
            break
        time.sleep(0.005)
    _, err = process.communicate()
    assert process.returncode == 130, err
    assert "the same command goes on" in err and "Traceback" not in err
    ledger = project / "artcharter.db"
    # The rows of every file signed before the stop were committed with it.
    done = rows(ledger)
    assert 5 <= len(done) < 150
    assert sorted(Path(p) for p, _, _ in done) == sorted(out.glob("*.png"))
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("SELECT state FROM series").fetchall() == [("interrupted",)]


def test_ctrl_c_while_one_film_is_signed_publishes_nothing(project: Path) -> None:
    """Ctrl-C during the signing of one large file (c2pa calling back into Python, which
    swallowed it: the command went on and exited 0) stops the command once c2pa returns:
    exit 130, no file, no partial, no row."""
    from tests.media_samples import make_noise_video

    film = make_noise_video(project / "film.mp4", megabytes=40)
    out = project / "signed.mp4"
    process = label_in_background(project, film, out)
    start = time.monotonic()
    while process.poll() is None and time.monotonic() - start < 300:
        partial = list(project.glob(".signed.mp4.*.partial"))
        if partial and partial[0].stat().st_size > 1 << 20:  # c2pa is writing it
            process.send_signal(signal.SIGINT)
            break
        time.sleep(0.002)
    else:
        pytest.fail("the command ended before its partial file was seen")
    _, err = process.communicate()
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert not out.exists() and not list(project.glob(".signed.mp4.*"))
    assert _count(project / "artcharter.db") == 0


def test_a_batch_shows_its_files_only_as_it_commits_their_rows(tmp_path: Path) -> None:
    """In a ledger batch, a published file waits under its hidden temporary name and is
    renamed into place just before its rows are committed: a kill mid-batch leaves no
    signed file without its row (only hidden temporaries, swept later), and none with."""
    from artcharter.provenance.record import ArtworkRecord, new_artwork_id
    from artcharter.provenance.signing import publish

    def add(path: Path) -> None:
        record = ArtworkRecord(new_artwork_id(), "labelled", "trainedAlgorithmicMedia")
        publish(path, b"signed bytes", ledger, lambda led: led.add_artwork(record, path, "0" * 64, status="signed"))  # fmt: skip

    with Ledger(tmp_path / "artcharter.db") as ledger:
        with ledger.batch(at_most=3, seconds=3600):
            add(tmp_path / "a.png")
            add(tmp_path / "b.png")
            assert not list(tmp_path.glob("*.png"))  # not yet: their rows are not committed
            assert len(list(tmp_path.glob(".*.partial"))) == 2
            assert _count(tmp_path / "artcharter.db") == 0  # another connection sees nothing
            add(tmp_path / "c.png")  # the third: the batch commits, files and rows together
            assert sorted(p.name for p in tmp_path.glob("*.png")) == ["a.png", "b.png", "c.png"]
            assert _count(tmp_path / "artcharter.db") == 3
            add(tmp_path / "d.png")
            assert not (tmp_path / "d.png").exists()
        # The block's end commits the rest, even when it ends by an error or Ctrl-C.
        assert (tmp_path / "d.png").exists() and _count(tmp_path / "artcharter.db") == 4
    assert not list(tmp_path.glob(".*.partial"))
