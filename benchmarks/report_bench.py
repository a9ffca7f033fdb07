"""Report throughput: `check` + `report` over signed artworks, against `verify` alone.

Measured side by side in one run, on the same files and the same project (school root,
ledger with each artwork's session and a discarded sibling), phases alternating:

- verify:        `artcharter verify DIR --json --no-ledger`  (verification only)
- check:         `artcharter check DIR --json`              (verification + charter)
- check+report:  `artcharter summary DIR -o OUT`            (verification + charter + a
                 self-contained HTML report and JSON twin per artwork, then the summary)

Each command runs in a fresh process, as a person runs it: start-up included. For each,
the median wall time over the rounds, the CPU time it used (its worker processes
included: robust when other work shares the machine), and its peak memory (max RSS of the
command and of its workers). A second table gives the same three steps in one warm
process (`verify_files`, `check_paths`, `write_reports`), i.e. the cost per file without
start-up.

Target (issue 5): check + report at least 0.5x the throughput of verify alone.

    .venv/bin/python benchmarks/report_bench.py [--files 200] [--size 512] [--rounds 3]
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

PHASES = ("verify", "check", "check+report")
# Runs one command in this fresh interpreter and reports its peak memory on stderr.
RUNNER = (
    "import json, resource, sys\n"
    "from artcharter.cli import run\n"
    "code = run(sys.argv[1:])\n"
    "own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "print('RSS ' + json.dumps([own, workers]), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def make_project(folder: Path, count: int, size: int) -> None:
    """A project with ``count`` signed generated artworks in art/ (each with a discarded
    sibling in its session, half with a declaration), all recorded in its ledger."""
    import numpy as np
    from PIL import Image
    from report_samples import DECLARATION, generated_record

    from artcharter.provenance import keys
    from artcharter.provenance.config import init_project
    from artcharter.provenance.label import sign_record
    from artcharter.provenance.ledger import Ledger
    from artcharter.provenance.signing import load_artist_identity

    init_project(folder, "Bench", lang="fr")
    keys.init_school(folder / "keys", "ESAD Bench")
    keys.issue_artist(folder / "keys", "Bench Artist", None)
    identity = load_artist_identity(folder / "keys", "Bench Artist")
    rng = np.random.default_rng(0)
    (folder / "art").mkdir()
    (folder / "discarded").mkdir()
    base = np.linspace(0, 255, size, dtype=np.float32)[None, :, None].repeat(size, 0).repeat(3, 2)
    with Ledger(folder / "artcharter.db") as ledger:
        for i in range(count):
            # Smooth gradient plus noise: distinct per file, compresses like a busy artwork.
            pixels = np.clip(base + rng.normal(0, 12, (size, size, 3)) + i, 0, 255)
            out = io.BytesIO()
            Image.fromarray(pixels.astype(np.uint8)).save(out, "PNG")
            for status, path in (
                ("discarded", folder / "discarded" / f"d-{i:04d}.png"),
                ("signed", folder / "art" / f"art-{i:04d}.png"),
            ):
                record = generated_record(
                    identity, title=f"Œuvre {i}", declaration=DECLARATION if i % 2 else None
                )

                def energy_row(ledger: Ledger, record=record, session=f"s{i}") -> None:
                    ledger.add_energy_run(
                        record.energy,
                        phase="generation",
                        artwork_id=record.artwork_id,
                        session_id=session,
                    )

                sign_record(
                    out.getvalue(),
                    record,
                    path,
                    identity,
                    [],
                    ledger=ledger,
                    status=status,
                    session_id=f"s{i}",
                    extra_rows=energy_row,
                )


def command(phase: str, folder: Path, out: Path) -> list[str]:
    base = ["--project", str(folder)]
    art = str(folder / "art")
    if phase == "verify":
        return [*base, "verify", art, "--json", "--no-ledger"]
    if phase == "check":
        return [*base, "check", art, "--json"]
    return [*base, "summary", art, "-o", str(out)]


def run_command(phase: str, folder: Path, out: Path) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, *command(phase, folder, out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # check exits 1 when an artwork fails a required rule: a verdict, not an error.
    if result.returncode not in (0, 1):
        raise SystemExit(f"{phase} failed ({result.returncode}): {result.stderr[-500:]}")
    rss_line = next(line for line in result.stderr.splitlines() if line.startswith("RSS "))
    own, workers = json.loads(rss_line[4:])
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "rss_mb": max(own, workers) / 1024}


def in_process(folder: Path, rounds: int) -> dict[str, float]:
    """The three steps in this warm process: seconds per phase (median)."""
    from artcharter.charter.check import check_paths
    from artcharter.charter.model import load_charter
    from artcharter.provenance import keys
    from artcharter.provenance.ledger import Ledger
    from artcharter.provenance.verify import read_anchors, verify_files
    from artcharter.reports.report import write_reports

    paths = sorted((folder / "art").glob("*.png"))
    anchors = read_anchors([folder / "keys" / keys.ROOT_CERT])
    charter = load_charter(None)
    times: dict[str, list[float]] = {phase: [] for phase in PHASES}
    with Ledger(folder / "artcharter.db") as ledger:
        write_reports(paths[:8], folder / "warm", charter=charter, anchors=anchors, ledger=ledger)
        for round_ in range(rounds):
            start = time.perf_counter()
            verify_files(paths, anchors)
            times["verify"].append(time.perf_counter() - start)
            start = time.perf_counter()
            check_paths(paths, charter=charter, anchors=anchors, ledger=ledger)
            times["check"].append(time.perf_counter() - start)
            start = time.perf_counter()
            out = folder / f"api-{round_}"
            write_reports(paths, out, charter=charter, anchors=anchors, ledger=ledger)
            times["check+report"].append(time.perf_counter() - start)
    return {phase: statistics.median(values) for phase, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        make_project(folder, args.files, args.size)
        print(
            f"{args.files} signed {args.size}x{args.size} PNG artworks (+ {args.files} "
            f"discarded, in the ledger) made in {time.perf_counter() - start:.0f} s"
        )
        runs: dict[str, list[dict[str, float]]] = {phase: [] for phase in PHASES}
        for round_ in range(args.rounds):  # phases alternate, so drift hits them alike
            for phase in PHASES:
                # A new output folder each round: reports written, not overwritten.
                runs[phase].append(run_command(phase, folder, folder / f"out-{round_}"))
        wall = {p: statistics.median(r["wall"] for r in runs[p]) for p in PHASES}
        cpu = {p: statistics.median(r["cpu"] for r in runs[p]) for p in PHASES}
        rss = {p: max(r["rss_mb"] for r in runs[p]) for p in PHASES}
        pages = sorted((folder / "out-0" / "reports").glob("*.html"))
        assert len(pages) == args.files, len(pages)

        n = args.files
        print(f"\ncommands (fresh process each, median of {args.rounds}):")
        print(
            f"{'phase':14} {'wall s':>7} {'files/s':>8} {'CPU s':>7} {'peak RSS MB':>12} "
            f"{'vs verify (wall)':>17} {'(CPU)':>6}"
        )
        for p in PHASES:
            print(
                f"{p:14} {wall[p]:7.2f} {n / wall[p]:8.1f} {cpu[p]:7.2f} {rss[p]:12.0f} "
                f"{wall['verify'] / wall[p]:16.2f}x {cpu['verify'] / cpu[p]:5.2f}x"
            )
        api = in_process(folder, args.rounds)
        print("\nsame steps in one warm process (no start-up), median:")
        for p in PHASES:
            print(
                f"{p:14} {api[p]:7.2f} s {n / api[p]:8.1f} files/s "
                f"{1000 * api[p] / n:6.1f} ms/file {api['verify'] / api[p]:6.2f}x"
            )
        ratio = wall["verify"] / wall["check+report"]
        print(
            f"\ncheck+report = {ratio:.2f}x the throughput of verify alone "
            f"(target >= 0.5x: {'met' if ratio >= 0.5 else 'NOT met'}); "
            f"CPU ratio {cpu['verify'] / cpu['check+report']:.2f}x; "
            f"one report page: {pages[0].stat().st_size / 1024:.0f} KiB"
        )


if __name__ == "__main__":
    main()
