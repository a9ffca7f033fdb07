"""Load: `verify` and `check` over 500 and 5,000 small signed files, with flat memory.

Each command runs in a fresh process on the first 500 files, then on all 5,000; the peak
resident memory (RSS high-water mark of the command and of its worker processes, from
wait4) is printed for both, with the ratio. Target (issue 7): ratio under 1.2 for each
command. Output goes to a file, as a jury would redirect it; the project's ledger records
the verifications, as it does by default.

Making 5,000 signed files: a pool of distinct small images is labelled for real (the
cost per file is printed); the other files are copies of those that differ in one byte
of the claim signature's padding (the ``pad`` field c2pa-rs reserves in the COSE
unprotected header, which the signature does not cover). Every file is distinct (its own
SHA-256) and is parsed and checked in full; each verifies as trusted. ``--all-labelled``
labels every file instead (about 15 ms each on 2 cores).

    .venv/bin/python benchmarks/load_bench.py [--small 500] [--large 5000] [--pool 500]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import forgery  # noqa: E402
from PIL import Image  # noqa: E402

from artcharter.provenance import keys  # noqa: E402
from artcharter.provenance.label import label  # noqa: E402
from artcharter.provenance.signing import load_artist_identity  # noqa: E402
from artcharter.provenance.verify import read_anchors, verify_file  # noqa: E402

ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))
TARGET = 1.2


def make_project(folder: Path) -> Path:
    project = folder / "atelier"
    subprocess.run([ARTCHARTER, "init", str(project), "--name", "ESAD Bench", "--lang", "en"],
                   check=True, capture_output=True)  # fmt: skip
    keys.init_school(project / "keys", "ESAD Bench")
    keys.issue_artist(project / "keys", "Bench Artist", None)
    config = project / "artcharter.toml"
    config.write_text(config.read_text().replace('name = ""', 'name = "Bench Artist"'))
    return project


def small_image(path: Path, i: int) -> Path:
    """A distinct 32x32 image for file ``i``."""
    img = Image.new("RGB", (32, 32), (i % 256, (i // 256) % 256, 90))
    img.putpixel((i % 32, (i // 32) % 32), (255, 255, 255))
    img.save(path)
    return path


def pad_variant(signed: bytes, k: int) -> bytes:
    """``signed`` with byte ``k`` of the claim signature's padding changed."""

    def change(store: bytearray) -> None:
        box = forgery.find_box(bytes(store), "c2pa.signature")
        _kind, start, end = box.content[0]
        cose = bytes(store[start:end])
        key = cose.find(b"cpad")  # the CBOR text "pad", then a byte string of padding
        if key < 0 or cose[key + 4] not in (0x58, 0x59):
            raise ValueError("no padding in this claim signature")
        if cose[key + 4] == 0x59:  # 2-byte length
            size, first = int.from_bytes(cose[key + 5 : key + 7], "big"), key + 7
        else:  # 1-byte length
            size, first = cose[key + 5], key + 6
        at = start + first + (k % size)
        store[at] = (store[at] + 1 + k // size) % 256

    return forgery.edit_store(signed, change)


def make_files(project: Path, count: int, pool: int) -> tuple[list[Path], float, float]:
    """``count`` signed files in project/works; returns them and the cost per file (ms)
    of labelling and of making a padding variant."""
    identity = load_artist_identity(project / "keys", "Bench Artist")
    works, sources = project / "works", project / "sources"
    works.mkdir()
    sources.mkdir()
    paths: list[Path] = []
    start = time.perf_counter()
    for i in range(min(pool, count)):
        out = works / f"work-{i:05d}.png"
        label(small_image(sources / f"s{i}.png", i), out, identity=identity,
              source_type="trainedAlgorithmicMedia", tool="Bench", title=f"Work {i}")  # fmt: skip
        paths.append(out)
    label_ms = (time.perf_counter() - start) * 1000 / len(paths)
    start = time.perf_counter()
    originals = [p.read_bytes() for p in paths]
    for i in range(len(paths), count):
        out = works / f"work-{i:05d}.png"
        out.write_bytes(pad_variant(originals[i % len(originals)], i // len(originals)))
        paths.append(out)
    variant_ms = (time.perf_counter() - start) * 1000 / max(1, count - len(originals))
    return paths, label_ms, variant_ms


def peak_rss_mb(argv: list[str], cwd: Path, output: Path) -> tuple[float, float, float, int]:
    """Run the command in a fresh process. Returns its peak RSS in MB (the high-water mark
    of the largest process of its tree, from wait4), the largest RSS of the whole tree
    (command + workers) sampled every 20 ms, its duration (s) and its exit code.

    The high-water mark alone can hide growth under the peak reached while importing; the
    sampled tree total shows what the run itself holds."""
    import psutil

    with open(output, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen([ARTCHARTER, *argv], cwd=cwd, stdout=out, stderr=subprocess.PIPE)
        tree_peak = 0
        watched = psutil.Process(process.pid)
        while True:
            try:
                members = [watched, *watched.children(recursive=True)]
                tree_peak = max(tree_peak, sum(_rss(m) for m in members))
            except psutil.Error:
                pass
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            time.sleep(0.02)
        elapsed = time.perf_counter() - start
    err = process.stderr.read().decode() if process.stderr else ""
    if "Traceback" in err:
        raise SystemExit(f"{argv[0]} crashed:\n{err}")
    return usage.ru_maxrss / 1024, tree_peak / 2**20, elapsed, os.waitstatus_to_exitcode(status)


def _rss(process: object) -> int:
    import psutil

    try:
        return process.memory_info().rss  # type: ignore[attr-defined]
    except psutil.Error:
        return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=500)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--pool", type=int, default=500, help="files labelled for real")
    parser.add_argument("--all-labelled", action="store_true")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args()
    pool = args.large if args.all_labelled else args.pool

    folder = args.keep or Path(tempfile.mkdtemp(prefix="artcharter-load-"))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        project = make_project(folder)
        paths, label_ms, variant_ms = make_files(project, args.large, pool)
        print(f"files: {len(paths)} signed PNG (32x32), {min(pool, len(paths))} labelled at "
              f"{label_ms:.1f} ms each, the others padding variants at {variant_ms:.2f} ms each")  # fmt: skip
        anchors = read_anchors([project / "keys" / keys.ROOT_CERT])
        sample = [paths[0], paths[-1], paths[len(paths) // 2]]
        assert all(verify_file(p, anchors).verdict == "trusted" for p in sample)
        small = project / "small"
        small.mkdir()
        for path in paths[: args.small]:
            os.link(path, small / path.name)
        commands = {
            "verify": ["verify"],
            "verify --json": ["verify", "--json"],
            "check": ["check"],
            "check --json": ["check", "--json"],
        }
        failed = False
        print(
            f"{'command':14} {'files':>6} {'peak RSS':>10} {'tree (sampled)':>15} {'time':>7}  exit"
        )
        for name, argv in commands.items():
            peaks, trees = [], []
            for target, count in ((small, args.small), (project / "works", args.large)):
                mb, tree, seconds, code = peak_rss_mb(
                    [*argv, str(target)], project, folder / "out.txt"
                )
                peaks.append(mb)
                trees.append(tree)
                print(f"{name:14} {count:6d} {mb:7.1f} MB {tree:12.1f} MB {seconds:6.1f}s  {code}")
            ratio, tree_ratio = peaks[1] / peaks[0], trees[1] / trees[0]
            over = ratio >= TARGET or tree_ratio >= TARGET
            failed |= over
            print(
                f"{name:14} ratio {args.large}/{args.small}: peak {ratio:.2f}, tree {tree_ratio:.2f} "
                f"(target < {TARGET}) {'OVER TARGET' if over else 'ok'}"
            )
        return 1 if failed else 0
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
