"""Jury desk throughput and memory, measured side by side in one run.

1. Throughput: the same signed files verified by `artcharter verify` (one process, all
   files on the command line, start-up included: what a jury would run) and through the
   desk's HTTP API by 4 concurrent clients on loopback, one file per request (as the page
   sends them). Both record in the same project's ledger; the desk also runs the charter
   check on each file. Ratio = desk files/s ÷ CLI files/s; target >= 0.7.
2. Memory: the desk's resident memory after 500, 1,000 and 2,000 uploads (the files
   cycled), which must level off: discarded uploads are held in memory within fixed bounds.

Loopback only, bounded loops, and a time limit on everything. Run:
    .venv/bin/python benchmarks/serve_bench.py [--files 200] [--uploads 2000] [--size 256]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from PIL import Image

from artcharter.provenance import keys
from artcharter.provenance.config import init_project
from artcharter.provenance.label import label
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.signing import load_artist_identity

ARTCHARTER = str(Path(sys.executable).with_name("artcharter"))
CLIENTS = 4
TIME_LIMIT_S = 600


def make_files(root: Path, count: int, size: int) -> list[Path]:
    """``count`` different images, labelled as AI-generated and signed by a school's artist."""
    keys.init_school(root / "keys", "ESAD Bench")
    keys.issue_artist(root / "keys", "Alice Martin", "alice@example.org")
    identity = load_artist_identity(root / "keys", "Alice Martin")
    folder = root / "works"
    folder.mkdir()
    files = []
    with Ledger(root / "artcharter.db") as ledger:
        for i in range(count):
            img = Image.new("RGB", (size, size), (i * 7 % 256, 80, 160))
            for x in range(0, size, 3):
                for y in range(0, size, 5):
                    img.putpixel((x, y), ((x * i) % 256, (y + i) % 256, (x ^ y) % 256))
            source = folder / f"source-{i:04d}.png"
            img.save(source)
            out = folder / f"work-{i:04d}.png"
            label(
                source,
                out,
                identity=identity,
                source_type="trainedAlgorithmicMedia",
                tool="Bench Diffusion",
                prompt=f"study number {i}",
                title=f"Study {i}",
                ledger=ledger,
            )
            source.unlink()
            files.append(out)
    return files


def cli_run(root: Path, files: list[Path]) -> float:
    """Seconds for one `artcharter verify` over every file."""
    start = time.perf_counter()
    done = subprocess.run(
        [ARTCHARTER, "--project", str(root), "verify", *map(str, files)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=TIME_LIMIT_S,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"verify failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


class Desk:
    """`artcharter serve` in a child process on a free loopback port."""

    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [ARTCHARTER, "--project", str(root), "--lang", "en", "serve", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        line = self.process.stdout.readline()
        if "http://" not in line:
            self.stop()
            raise SystemExit(f"the desk did not start: {line}{self.process.stderr.read()}")
        self.url = line.split()[3].rstrip("/")

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError("no VmRSS")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def upload_all(url: str, payloads: list[tuple[str, bytes]], count: int) -> float:
    """Seconds for ``count`` uploads (payloads cycled) by CLIENTS threads, one file each."""
    next_index = 0
    lock = threading.Lock()
    failures: list[str] = []
    deadline = time.monotonic() + TIME_LIMIT_S

    def client() -> None:
        nonlocal next_index
        with httpx.Client(base_url=url, timeout=60) as http:
            while time.monotonic() < deadline:
                with lock:
                    if next_index >= count or failures:
                        return
                    index = next_index
                    next_index += 1
                name, data = payloads[index % len(payloads)]
                response = http.post("/api/verify", files={"file": (name, data, "image/png")})
                if (
                    response.status_code != 200
                    or response.json()["results"][0]["verdict"] != "trusted"
                ):
                    with lock:
                        failures.append(f"{name}: {response.status_code} {response.text[:200]}")

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - start
    if failures:
        raise SystemExit(f"upload failed: {failures[0]}")
    if next_index < count:
        raise SystemExit(f"time limit reached after {next_index} uploads")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--uploads", type=int, default=2000)
    parser.add_argument("--size", type=int, default=256, help="image side in pixels")
    parser.add_argument("--rounds", type=int, default=3, help="throughput rounds (median)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        root = Path(tmp) / "project"
        init_project(root, "bench", lang="en")
        t0 = time.perf_counter()
        files = make_files(root, args.files, args.size)
        payloads = [(p.name, p.read_bytes()) for p in files]
        mean_kb = statistics.mean(len(d) for _, d in payloads) / 1024
        print(
            f"{len(files)} signed PNG files, {args.size}x{args.size} px, {mean_kb:.0f} kB on "
            f"average (made in {time.perf_counter() - t0:.1f} s); {CLIENTS} clients; loopback"
        )

        desk = Desk(root)
        try:
            upload_all(desk.url, payloads[:8], 8)  # warm-up: charter loaded, pool started
            cli_times, desk_times = [], []
            for _ in range(args.rounds):  # interleaved, so both see the same machine state
                cli_times.append(cli_run(root, files))
                desk_times.append(upload_all(desk.url, payloads, len(payloads)))
            cli_fps = len(files) / statistics.median(cli_times)
            desk_fps = len(files) / statistics.median(desk_times)
            print(f"CLI verify : {cli_fps:7.1f} files/s  (median of {args.rounds}: "
                  + ", ".join(f"{t:.2f} s" for t in cli_times) + ")")  # fmt: skip
            print(f"desk API   : {desk_fps:7.1f} files/s  (median of {args.rounds}: "
                  + ", ".join(f"{t:.2f} s" for t in desk_times) + ")")  # fmt: skip
            ratio = desk_fps / cli_fps
            print(
                f"ratio desk/CLI: {ratio:.2f}x  (target >= 0.7x: {'met' if ratio >= 0.7 else 'NOT met'})"
            )

            desk.stop()
            desk = Desk(root)  # memory from a fresh desk
            marks = [m for m in (500, 1000, 2000) if m <= args.uploads] or [args.uploads]
            readings = [(0, desk.rss_mb())]
            done = 0
            for mark in marks:
                upload_all(desk.url, payloads, mark - done)
                done = mark
                time.sleep(0.5)
                readings.append((mark, desk.rss_mb()))
            print("desk RSS   : " + ", ".join(f"{n} uploads {mb:.0f} MB" for n, mb in readings))
            if len(readings) >= 3:
                growth = readings[-1][1] - readings[-2][1]
                steady = growth <= max(0.1 * readings[-2][1], 20)
                print(
                    f"growth from {readings[-2][0]} to {readings[-1][0]} uploads: {growth:+.0f} MB "
                    f"({'levelled off' if steady else 'STILL GROWING'})"
                )
        finally:
            desk.stop()


if __name__ == "__main__":
    main()
