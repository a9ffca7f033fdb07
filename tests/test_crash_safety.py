"""Crash safety: the real commands killed with SIGKILL at chosen and random points, then
checked: no partial image under a real name, the ledger passes SQLite's integrity check,
no ledger row points at a missing (or different) file, and running the command again
completes. Four processes writing to one ledger at once lose no row.

What a kill may leave: a hidden ``.NAME.PID.partial`` file (the bytes being written); the
next command that publishes into the same folder deletes those whose process is gone
(artcharter.provenance.signing.remove_stale_partials). A kill between the rename of the finished file
and the ledger's commit leaves a complete, verifiable file with no row yet: `ledger import`
rebuilds the row from the file, and `label` asks for --force before replacing it.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from artcharter.provenance import keys, verdicts
from artcharter.provenance.verify import read_anchors, verify_file

from conftest import make_image

ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".webp"}
KILLED = -signal.SIGKILL


@pytest.fixture(scope="module")
def demo_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """XDG cache shared by the module's commands: the demo models are built once."""
    return tmp_path_factory.mktemp("xdg")


@pytest.fixture
def project(tmp_path: Path, school_dir: Path) -> Path:
    root = tmp_path / "atelier"
    root.mkdir()
    config = (
        '[project]\nname = "ESAD Exemple"\nlang = "en"\ncountry = "FRA"\n'
        'ledger = "artcharter.db"\nkeys = "keys"\n[artist]\nname = "Alice Martin"\n'
    )
    (root / "artcharter.toml").write_text(config, encoding="utf-8")
    shutil.copytree(school_dir, root / "keys")
    return root


def environment(project: Path, cache: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTCHARTER_")}
    return {
        **env,
        "ARTCHARTER_PROJECT": str(project),
        "ARTCHARTER_LANG": "en",
        "XDG_CACHE_HOME": str(cache),
    }


def run_and_kill(
    argv: list[str], env: dict[str, str], cwd: Path, kill_when: Callable[[float], bool]
) -> int:
    """Start the real command; SIGKILL it as soon as ``kill_when(elapsed)`` is true.
    Returns its exit status (-9 when the kill landed)."""
    process = subprocess.Popen(
        [ARTCHARTER, *argv], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    start = time.monotonic()
    while process.poll() is None:
        elapsed = time.monotonic() - start
        if elapsed > 300:
            process.kill()
            pytest.fail(f"{argv[0]} did not finish in 300 s")
        if kill_when(elapsed):
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.0005)
    _, err = process.communicate()
    assert b"Traceback" not in err, err.decode(errors="replace")
    return process.returncode


def finished(argv: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [ARTCHARTER, *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    return done


def after(seconds: float) -> Callable[[float], bool]:
    return lambda elapsed: elapsed >= seconds


def when_present(folder: Path, pattern: str, count: int = 1) -> Callable[[float], bool]:
    """True once ``count`` files matching ``pattern`` (hidden ones included) are in ``folder``."""
    return lambda _: folder.is_dir() and sum(1 for _ in folder.rglob(pattern)) >= count


def check_invariants(project: Path, *folders: Path) -> None:
    """What must hold after any kill: integrity, rows -> files, whole images only."""
    ledger = project / "artcharter.db"
    if ledger.exists():
        with sqlite3.connect(ledger) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            for table in (
                ("artworks", "probe_images") if "probe_images" in tables else ("artworks",)
            ):
                for path, sha256, status in conn.execute(
                    f"SELECT path, sha256, status FROM {table}"
                ):
                    if status in ("discarded", "replaced") or path is None:
                        continue
                    file = ledger.parent / path  # relative to the ledger's folder
                    assert file.is_file(), f"{table} row points at a missing file: {path}"
                    if sha256:
                        assert hashlib.sha256(file.read_bytes()).hexdigest() == sha256, path
    anchors = read_anchors([project / "keys" / keys.ROOT_CERT])
    for folder in folders:
        for file in folder.rglob("*"):
            if not file.is_file() or file.suffix.lower() not in IMAGE_SUFFIXES:
                continue
            assert not file.name.startswith("."), f"a hidden image under a real name: {file}"
            # A whole, signed image: a half-written one cannot verify.
            assert verify_file(file, anchors).verdict == verdicts.TRUSTED, file


def partials(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.partial")) if folder.exists() else []


def noise_image(path: Path, side: int) -> Path:
    """Incompressible pixels: a big file whose write and fsync take a measurable time."""
    Image.frombytes("RGB", (side, side), random.Random(side).randbytes(side * side * 3)).save(path)
    return path


# --- label ---------------------------------------------------------------------------------


def test_label_killed_at_random_points(project: Path, demo_cache: Path) -> None:
    env = environment(project, demo_cache)
    src = make_image(project / "oeuvre.png", (256, 192))
    big = noise_image(project / "grande.png", 1400)
    out = project / "signed"

    def label(source: Path, name: str, *extra: str) -> list[str]:
        return ["label", str(source), "-o", str(out / name), "--source-type",
                "compositeWithTrainedAlgorithmicMedia", "--tool", "Firefly 3", "--prompt", "un renard", *extra]  # fmt: skip

    started = time.monotonic()
    finished(label(src, "reference.png"), env, project)
    duration = time.monotonic() - started
    rng = random.Random(7)
    kills: list[tuple[str, Path, Callable[[float], bool]]] = [
        (f"t{i}.png", src, after(rng.uniform(0.05, 1.0) * duration)) for i in range(4)
    ]
    # The publishing window: the big image's bytes are being written and fsynced.
    kills.append(("during-write.png", big, when_present(out, ".during-write.png.*.partial")))
    kills.append(("after-rename.png", big, when_present(out, "after-rename.png")))
    landed = 0
    for name, source, kill_when in kills:
        status = run_and_kill(label(source, name), env, project, kill_when)
        landed += status == KILLED
        assert status in (0, KILLED)
        check_invariants(project, out)
        assert all(p.name.startswith(".") for p in partials(out))
    assert landed >= 4, "most kills must land before the command ends"

    # Whatever a kill left whole gets its row back from the file's own signed record.
    finished(["ledger", "import", str(out)], env, project)
    with sqlite3.connect(project / "artcharter.db") as conn:
        recorded = {Path(p).name for (p,) in conn.execute("SELECT path FROM artworks")}
    assert recorded == {f.name for f in out.glob("*.png") if not f.name.startswith(".")}
    check_invariants(project, out)

    for name, source, _ in kills:  # every interrupted label completes when run again
        target = out / name
        finished(label(source, name, *(["--force"] if target.exists() else [])), env, project)
    check_invariants(project, out)
    assert partials(out) == []  # swept by the next runs: their processes are gone
    with sqlite3.connect(project / "artcharter.db") as conn:
        names = {Path(p).name for (p,) in conn.execute("SELECT path FROM artworks")}
    assert names == {"reference.png", *(name for name, _, _ in kills)}


def test_stale_partials_are_swept_but_live_ones_kept(tmp_path: Path, alice) -> None:
    from artcharter.provenance.label import label
    from artcharter.provenance.signing import remove_stale_partials

    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = tmp_path / f".old.png.{dead.stdout.strip()}.partial"
    live = tmp_path / f".busy.png.{os.getppid()}.partial"
    other = tmp_path / ".upload-x1y2.partial"  # not ours: no PID in the name
    for path in (stale, live, other):
        path.write_bytes(b"half an image")
    label(
        make_image(tmp_path / "src.png"),
        tmp_path / "new.png",
        identity=alice,
        source_type="humanEdits",
    )
    assert not stale.exists() and live.exists() and other.exists()
    assert remove_stale_partials(tmp_path) == []


# --- generate (demo model) -----------------------------------------------------------------


def test_generate_killed_while_publishing_then_rerun(project: Path, demo_cache: Path) -> None:
    """Killed while the second image is being published, or just after (a random delay):
    the first image stays whole and recorded, the second is whole or absent."""
    env = environment(project, demo_cache)
    out = project / "gen"
    # Four steps make each image take a few hundred milliseconds, so that no third image
    # can be published within the delay after the second one (with one step a fast machine
    # published all four before the kill).
    argv = ["generate", "un renard au fusain", "--model", "demo", "--size", "64x64",
            "--steps", "4", "-o", str(out), "--json"]  # fmt: skip
    delay = random.Random(11).uniform(0, 0.3)
    seen: list[float] = []

    def second_image_published(elapsed: float) -> bool:
        if not seen and when_present(out, "*.png", 2)(elapsed):
            seen.append(elapsed)
        return bool(seen) and elapsed >= seen[0] + delay

    status = run_and_kill([*argv, "-n", "4"], env, project, second_image_published)
    assert status == KILLED
    check_invariants(project, out)
    assert 2 <= len(list(out.glob("*.png"))) <= 3
    made = json.loads(finished([*argv, "-n", "2", "--seed", "9"], env, project).stdout)
    assert len(made) == 2 and all(Path(m["path"]).is_file() for m in made)
    check_invariants(project, out)
    assert partials(out) == []
    with sqlite3.connect(project / "artcharter.db") as conn:
        rows = conn.execute("SELECT count(*) FROM artworks").fetchone()[0]
    assert rows == len(list(out.glob("*.png")))


# --- probe campaign (demo models) ----------------------------------------------------------


def test_probe_campaign_killed_then_resumed(project: Path, demo_cache: Path) -> None:
    env = environment(project, demo_cache)
    # Signed by Alice, so that the invariants check every image as trusted.
    out = project / "probes"
    argv = ["probe", "campaign", "--model", "demo", "--clip", "demo", "--subjects", "nurse",
            "--per-prompt", "4", "--steps", "1", "--size", "64", "-o", str(out), "--json",
            "--artist", "Alice Martin"]  # fmt: skip
    status = run_and_kill(argv, env, project, when_present(out, "*.png", 2))
    assert status == KILLED
    check_invariants(project, out / "images")
    report = json.loads(finished(argv, env, project).stdout)
    assert report["campaign"]["status"] == "complete"
    check_invariants(project, out / "images")
    assert partials(out) == []
    with sqlite3.connect(project / "artcharter.db") as conn:
        (campaigns,) = conn.execute("SELECT count(*) FROM probe_campaigns").fetchone()
        images = conn.execute("SELECT count(*), count(DISTINCT seed) FROM probe_images").fetchone()
    assert campaigns == 1  # the same command resumed the interrupted campaign
    assert images == (4, 4)  # every seed once: nothing lost, nothing made twice


# --- concurrent writers --------------------------------------------------------------------

WRITER = """
import sys
from pathlib import Path
from artcharter.provenance.label import label
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.record import ArtworkRecord, EnergyRecord
from artcharter.provenance.signing import load_artist_identity

keys_dir, ledger_path, folder, who, count = sys.argv[1:6]
identity = load_artist_identity(Path(keys_dir), "Alice Martin")
with Ledger(Path(ledger_path)) as ledger:
    for i in range(int(count)):
        name = f"w{who}-{i}"
        label(Path(folder) / "src.png", Path(folder) / f"{name}.png", identity=identity,
              source_type="humanEdits", title=name, ledger=ledger)
        ledger.add_energy_run(EnergyRecord(status="unknown", reason="test"), phase="test",
                              batch_id=name)
        ledger.add_verifications([{"path": name, "sha256": name, "verdict": "trusted"}])
"""


def test_four_concurrent_writers_lose_no_row(tmp_path: Path, school_dir: Path) -> None:
    make_image(tmp_path / "src.png", (32, 32))
    ledger = tmp_path / "shared.db"
    count = 12
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    writers = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRITER,
                str(school_dir),
                str(ledger),
                str(tmp_path),
                str(w),
                str(count),
            ],
            env=env,
            stderr=subprocess.PIPE,
        )
        for w in range(4)
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=300)
        assert writer.returncode == 0, err.decode()
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        titles = {t for (t,) in conn.execute("SELECT title FROM artworks")}
        energy = conn.execute(
            "SELECT count(*), count(DISTINCT batch_id) FROM energy_runs"
        ).fetchone()
        checked = conn.execute("SELECT count(*) FROM verifications").fetchone()[0]
    expected = {f"w{w}-{i}" for w in range(4) for i in range(count)}
    assert titles == expected
    assert energy == (4 * count, 4 * count) and checked == 4 * count
    check_invariants_paths = [tmp_path / f"{name}.png" for name in expected]
    assert all(p.is_file() for p in check_invariants_paths)
