"""`artcharter label FOLDER -o OUTDIR` on thousands of small files: whether memory stays
flat as the folder grows, and what the ledger costs per file with its rows committed in
batches (``Ledger.batch``) against one transaction per file.

- Memory: the real command, in a fresh process, on a folder of ``--small`` and of
  ``--files`` small PNG files (24 x 16 px); peak resident memory (``ru_maxrss`` of the
  child), ratio large / small (target under 1.1: nothing is kept per file). Its CPU time
  per file (user + sys) is printed beside it.
- Ledger: ``--rounds`` paired rounds, each publishing ``--ledger-files`` small files with
  their artwork row through ``signing.publish`` (the atomic file write and the ledger
  transaction every signed file goes through), once with one transaction per file and
  once inside ``Ledger.batch()``, the order alternating. CPU time (user + sys of this
  process) and wall time per file; medians over rounds. Signing itself is left out: the
  same in both.

    .venv/bin/python benchmarks/label_folder_bench.py [--files 2000] [--small 200]
        [--ledger-files 500] [--rounds 3]

The load average is printed before and after: on a shared machine compare ratios, not
absolute times.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))

CHILD = r"""
import resource, subprocess, sys
argv = sys.argv[1:]
done = subprocess.run(argv, capture_output=True, text=True)
if done.returncode:
    sys.exit(done.stderr)
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(usage.ru_maxrss, usage.ru_utime + usage.ru_stime)
"""


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def make_project(work: Path) -> Path:
    from artcharter.provenance import keys

    root = work / "project"
    root.mkdir()
    keys.init_school(root / "keys", "Bench School")
    keys.issue_artist(root / "keys", "Bench Artist", "bench@example.org")
    (root / "artcharter.toml").write_text(
        '[project]\nname = "Bench School"\nlang = "en"\ncountry = "FRA"\n'
        'ledger = "artcharter.db"\nkeys = "keys"\n[artist]\nname = "Bench Artist"\n',
        encoding="utf-8",
    )
    return root


def make_folder(folder: Path, n: int) -> Path:
    from PIL import Image

    folder.mkdir()
    for i in range(n):
        Image.new("RGB", (24, 16), (i % 256, (i // 256) % 256, 90)).save(folder / f"f{i:05d}.png")
    return folder


def label_run(project: Path, folder: Path, out: Path) -> tuple[float, float]:
    """Peak RSS (MiB) and CPU seconds of ``artcharter label FOLDER -o OUT``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTCHARTER_")}
    env |= {"ARTCHARTER_PROJECT": str(project), "ARTCHARTER_LANG": "en"}
    argv = [ARTCHARTER, "label", str(folder), "-o", str(out), "--source-type", "trainedAlgorithmicMedia"]  # fmt: skip
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *argv], cwd=project, env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    rss_kib, cpu = done.stdout.split()
    return int(rss_kib) / 1024, float(cpu)


def ledger_case(work: Path, n: int, batched: bool) -> tuple[float, float]:
    """CPU and wall seconds per file to publish ``n`` files with their artwork row."""
    from contextlib import nullcontext

    from artcharter.provenance.ledger import Ledger
    from artcharter.provenance.record import ArtworkRecord, new_artwork_id
    from artcharter.provenance.signing import publish

    out = work / f"ledger-{'batch' if batched else 'each'}-{time.time_ns()}"
    data = b"\x89PNG\r\n\x1a\n" + os.urandom(2000)
    with Ledger(out / "ledger.db") as ledger:
        before = resource.getrusage(resource.RUSAGE_SELF)
        started = time.perf_counter()
        with ledger.batch() if batched else nullcontext():
            for i in range(n):
                record = ArtworkRecord(new_artwork_id(), "labelled", "trainedAlgorithmicMedia")
                path = out / f"f{i:05d}.png"
                publish(path, data, ledger, lambda led, r=record, p=path: led.add_artwork(r, p, "0" * 64, status="signed"))  # fmt: skip
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu / n, wall / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--ledger-files", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {load()}  (cores: {os.cpu_count()})")
    with tempfile.TemporaryDirectory(prefix="label-folder-bench-") as tmp:
        work = Path(tmp)
        project = make_project(work)
        rss, cpu = {}, {}
        for n in (args.small, args.files):
            folder = make_folder(work / f"in-{n}", n)
            rss[n], cpu[n] = label_run(project, folder, work / f"out-{n}")
            print(
                f"label FOLDER, {n} files: peak RSS {rss[n]:.0f} MiB, "
                f"CPU {1000 * cpu[n] / n:.1f} ms per file (whole command)"
            )
        ratio = rss[args.files] / rss[args.small]
        verdict = "met" if ratio < 1.1 else "NOT met"
        print(f"peak memory ratio {args.files} / {args.small} files: {ratio:.3f} (target < 1.1: {verdict})")  # fmt: skip

        each_cpu, each_wall, batch_cpu, batch_wall = [], [], [], []
        for round_ in range(args.rounds):
            order = (False, True) if round_ % 2 == 0 else (True, False)
            for batched in order:
                c, w = ledger_case(work, args.ledger_files, batched)
                (batch_cpu if batched else each_cpu).append(c)
                (batch_wall if batched else each_wall).append(w)
        med = statistics.median
        rounds = f"{args.ledger_files} files, {args.rounds} paired rounds, medians"
        print(f"ledger + atomic file write per file ({rounds}):")
        for name, c, w in (
            ("one transaction per file", each_cpu, each_wall),
            ("batched (Ledger.batch)  ", batch_cpu, batch_wall),
        ):
            print(f"  {name}: CPU {1e6 * med(c):.0f} µs, wall {1e6 * med(w):.0f} µs")
        cpu_ratio = med(batch_cpu) / med(each_cpu)
        wall_ratio = med(batch_wall) / med(each_wall)
        print(f"  batched / per file: CPU {cpu_ratio:.2f}, wall {wall_ratio:.2f}")
    print(f"load average after: {load()}  (a shared machine: compare ratios, not times)")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
