"""Report throughput: `check` + `report` over signed artworks, against `verify` alone.

Measured side by side on the same files and the same project (school root, ledger with
each artwork's session and a discarded sibling; every artwork has its own prompt, so no
per-prompt work is shared between files), in paired rounds: each round runs every phase
once, alternating the order, so that other work on a shared machine slows them alike.

- verify:        `artcharter verify DIR --json --no-ledger`  (verification only)
- check:         `artcharter check DIR --json`              (verification + charter)
- check+report:  `artcharter summary DIR -o OUT`            (verification + charter + a
                 self-contained HTML report and JSON twin per artwork, then the summary)

Each command runs in a fresh process, as a person runs it: start-up included. For each,
the median wall time, the CPU time it used (its worker processes included: steadier when
other work shares the machine), the ratios to verify (medians of the per-round ratios), and
its peak memory measured while it works: the proportional set size (PSS: pages shared
between the forked workers counted once) of the command and all its workers, summed,
sampled every 50 ms from /proc, the largest sum seen.

Target (issue 16): check + report at least 0.5x the throughput of verify alone, over 200
and 2,000 artworks.

    .venv/bin/python benchmarks/report_bench.py [--files 200,2000] [--size 512] [--rounds 3]
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))
PHASES = ("verify", "check", "check+report")
TARGET = 0.5
SUBJECTS = ("a lighthouse", "seaweed on a rock", "a fox in the snow", "a market stall",
            "an old bicycle", "a harbour crane", "a pear on a plate", "a street at dawn")  # fmt: skip
STYLES = ("gouache", "woodcut", "charcoal", "watercolour", "linocut", "pastel")


def load_text() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def prompt_of(i: int) -> str:
    """A distinct prompt per artwork."""
    return f"{SUBJECTS[i % len(SUBJECTS)]} number {i}, {STYLES[i % len(STYLES)]}"


def _make_chunk(args: tuple[Path, list[int], int]) -> None:
    import numpy as np
    from PIL import Image
    from report_samples import DECLARATION, generated_record

    from artcharter.provenance.label import sign_record
    from artcharter.provenance.ledger import Ledger
    from artcharter.provenance.signing import load_artist_identity

    folder, indices, size = args
    identity = load_artist_identity(folder / "keys", "Bench Artist")
    base = np.linspace(0, 255, size, dtype=np.float32)[None, :, None].repeat(size, 0).repeat(3, 2)
    with Ledger(folder / "artcharter.db") as ledger:
        for i in indices:
            rng = np.random.default_rng(i)
            # Smooth gradient plus noise: distinct per file, compresses like a busy artwork.
            pixels = np.clip(base + rng.normal(0, 12, (size, size, 3)) + i % 40, 0, 255)
            out = io.BytesIO()
            Image.fromarray(pixels.astype(np.uint8)).save(out, "PNG")
            for status, path in (
                ("discarded", folder / "discarded" / f"d-{i:05d}.png"),
                ("signed", folder / "art" / f"art-{i:05d}.png"),
            ):
                record = generated_record(
                    identity,
                    prompt=prompt_of(i),
                    title=f"Œuvre {i}",
                    declaration=DECLARATION if i % 2 else None,
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


def make_project(folder: Path, count: int, size: int) -> None:
    """A project with ``count`` signed generated artworks in art/ (each with a discarded
    sibling in its session, half with a declaration), all recorded in its ledger; made on
    every core. Artworks already there are kept (a larger run reuses a smaller one's)."""
    from artcharter.provenance import keys
    from artcharter.provenance.config import init_project

    if not (folder / "artcharter.toml").exists():
        init_project(folder, "Bench", lang="fr")
        keys.init_school(folder / "keys", "ESAD Bench")
        keys.issue_artist(folder / "keys", "Bench Artist", None)
        (folder / "art").mkdir()
        (folder / "discarded").mkdir()
    have = len(list((folder / "art").glob("*.png")))
    todo = list(range(have, count))
    workers = os.cpu_count() or 1
    chunks = [(folder, todo[i::workers], size) for i in range(workers) if todo[i::workers]]
    if chunks:
        with multiprocessing.get_context("fork").Pool(len(chunks)) as pool:
            pool.map(_make_chunk, chunks)


def command(phase: str, folder: Path, art: Path, out: Path) -> list[str]:
    base = [ARTCHARTER, "--project", str(folder)]
    if phase == "verify":
        return [*base, "verify", str(art), "--json", "--no-ledger"]
    if phase == "check":
        return [*base, "check", str(art), "--json"]
    return [*base, "summary", str(art), "-o", str(out)]


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc (the forked workers)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                ppid = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


class PeakMemory:
    """Samples the PSS of a process tree every ``interval`` seconds while it runs."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        self.pid, self.interval, self.peak_kb = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))
            self._stop.wait(self.interval)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak_kb / 1024


def run_command(argv: list[str]) -> dict[str, float]:
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    memory = PeakMemory(process.pid)
    _, err = process.communicate()
    wall = time.perf_counter() - start
    peak = memory.stop()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # check exits 1 when an artwork fails a required rule: a verdict, not an error.
    if process.returncode not in (0, 1):
        raise SystemExit(f"{argv[3:5]} failed ({process.returncode}): {err.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": wall, "cpu": cpu, "pss_mb": peak}


def measure(folder: Path, count: int, rounds: int) -> bool:
    art = folder / f"art-{count}"
    art.mkdir(exist_ok=True)
    for path in sorted((folder / "art").glob("*.png"))[:count]:
        link = art / path.name
        if not link.exists():
            link.symlink_to(path)
    runs: dict[str, list[dict[str, float]]] = {phase: [] for phase in PHASES}
    for index in range(rounds):
        order = PHASES if index % 2 == 0 else PHASES[::-1]
        for phase in order:
            # Reports written afresh, never over those of an earlier run (renaming over a
            # file makes the kernel free the old one's blocks: a slower, other case).
            out = folder / f"out-{count}-{index}"
            shutil.rmtree(out, ignore_errors=True)
            runs[phase].append(run_command(command(phase, folder, art, out)))
    pages = list((folder / f"out-{count}-0" / "reports").glob("*.html"))
    assert len(pages) == count, len(pages)

    def ratio(phase: str, key: str) -> float:
        pairs = zip(runs["verify"], runs[phase], strict=True)
        return statistics.median(v[key] / p[key] for v, p in pairs)

    print(f"\n{count} artworks, fresh process per command, median of {rounds} paired rounds")
    print(
        f"{'phase':14} {'wall s':>7} {'files/s':>8} {'CPU s':>7} {'vs verify':>10} "
        f"{'(CPU)':>6} {'peak PSS MB':>12}"
    )
    for phase in PHASES:
        wall = statistics.median(r["wall"] for r in runs[phase])
        cpu = statistics.median(r["cpu"] for r in runs[phase])
        peak = max(r["pss_mb"] for r in runs[phase])
        print(
            f"{phase:14} {wall:7.2f} {count / wall:8.1f} {cpu:7.2f} "
            f"{ratio(phase, 'wall'):9.2f}x {ratio(phase, 'cpu'):5.2f}x {peak:12.0f}"
        )
    got = ratio("check+report", "wall")
    print(
        f"check+report = {got:.2f}x the throughput of verify alone "
        f"(target >= {TARGET}x: {'met' if got >= TARGET else 'NOT met'}); "
        f"one report page: {sorted(pages)[0].stat().st_size / 1024:.0f} KiB"
    )
    return got >= TARGET


def main() -> None:
    # The CLI runs as an installed package runs, reading cached bytecode: with
    # PYTHONDONTWRITEBYTECODE set (some shells set it), every fresh process would compile
    # each changed module again and the start-up figures would time the compiler.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", default="200,2000", help="artwork counts, comma-separated")
    parser.add_argument("--size", type=int, default=512)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--folder", type=Path, help="keep the project here between runs")
    args = parser.parse_args()
    counts = [int(c) for c in args.files.split(",")]
    print(f"load average before: {load_text()}; {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory(prefix="report-bench-") as tmp:
        folder = args.folder or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        make_project(folder, max(counts), args.size)
        print(
            f"{max(counts)} signed {args.size}x{args.size} PNG artworks with distinct prompts "
            f"(+ as many discarded, in the ledger), made or found in "
            f"{time.perf_counter() - start:.0f} s"
        )
        for count in counts:
            measure(folder, count, args.rounds)
    print(f"\nload average after: {load_text()} (a shared machine: read the ratios)")


if __name__ == "__main__":
    main()
