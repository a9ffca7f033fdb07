"""A long series through artcharter against a bare diffusers loop: per-image overhead and
whether memory stays flat as the series grows.

Each case runs in a fresh Python process (its peak resident memory is its own), on the demo
model at 64 px, one denoising step, ``--batch-size`` images per pipeline call:

- ``bare``: a plain diffusers loop, the pipeline's images saved as PNG files (what a script
  without artcharter does);
- ``measured``: ``generate`` with no signing identity and no ledger: one codecarbon run per
  batch split per image, the record, XMP and the AUTOMATIC1111 chunk, PNG files;
- ``full``: ``generate`` as ``artcharter generate --n N`` runs it: signed (C2PA), each image
  published with its ledger rows, the series row, streaming (``collect=False``).

Throughput: ``--rounds`` paired rounds of the three cases at ``--n`` images (each round
runs every case once, the order rotating, so that other work on a shared machine slows
them alike); ratios are medians of per-round ratios. Per-image overhead is read from the
same rounds: (case - bare) / n, with its parts (energy + record + metadata; signing +
ledger). Memory: ``full`` at ``--small`` and ``--n`` images, peak RSS (``ru_maxrss``),
ratio large / small (target under 1.1: nothing accumulates per image).

    .venv/bin/python benchmarks/series_bench.py [--n 2000] [--small 200] [--rounds 3]
        [--batch-size 8] [--threads 1]

The load average is printed before and after: on a shared machine compare ratios, not
absolute times.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROMPT = "a heron in the reeds, woodcut"
SIZE, STEPS, SEED = 64, 1, 1000

CHILD = r"""
import json, os, resource, sys, time
from pathlib import Path
case, n, batch, threads, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), Path(sys.argv[5])
prompt, size, steps, seed0 = sys.argv[6], int(sys.argv[7]), int(sys.argv[8]), int(sys.argv[9])
import torch
torch.set_num_threads(threads)
from artcharter.provenance.generate import GenerateRequest, generate, load_model
loaded = load_model("demo", device="cpu", cache_dir=work / "cache")
out = work / f"out-{case}-{n}-{time.time_ns()}"
out.mkdir()
# One warm-up batch, untimed, in every case: first calls (imports, codecarbon's hardware
# detection, the first pipeline call) are not the per-image cost.
warm = work / f"warm-{time.time_ns()}"
warm.mkdir()
generate(loaded, GenerateRequest(prompt, output_dir=warm, n=batch, batch_size=batch, seed=1, steps=steps,
                         size=size), identity=None, ledger=None)
started = time.perf_counter()
if case == "bare":
    pipe = loaded.pipeline
    for start in range(0, n, batch):
        seeds = range(seed0 + start, seed0 + min(n, start + batch))
        gens = [torch.Generator("cpu").manual_seed(s) for s in seeds]
        with torch.inference_mode():
            images = pipe(prompt, num_inference_steps=steps, height=size, width=size,
                          num_images_per_prompt=len(gens), generator=gens,
                          guidance_scale=loaded.defaults.guidance).images
        for seed, image in zip(seeds, images):
            image.save(out / f"{seed}.png", compress_level=1)
else:
    identity = ledger = None
    if case == "full":
        from artcharter.provenance import keys
        from artcharter.provenance.ledger import Ledger
        from artcharter.provenance.signing import load_artist_identity
        school = work / f"keys-{time.time_ns()}"
        keys.init_school(school, "Bench School")
        keys.issue_artist(school, "Bench Artist", "bench@example.org")
        identity = load_artist_identity(school, "Bench Artist")
        ledger = Ledger(work / f"ledger-{time.time_ns()}.db")
        started = time.perf_counter()
    request = GenerateRequest(prompt, output_dir=out, n=n, batch_size=batch, seed=seed0,
                              steps=steps, size=size, session_id=f"bench-{time.time_ns()}")
    made = generate(loaded, request, identity=identity, ledger=ledger, collect=False)
    assert made == []
elapsed = time.perf_counter() - started
files = sum(1 for _ in out.glob("*.png"))
assert files == n, (files, n)
print(json.dumps({"case": case, "n": n, "seconds": elapsed,
                  "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_case(case: str, n: int, batch: int, threads: int, work: Path) -> dict[str, float]:
    argv = [case, str(n), str(batch), str(threads), str(work), PROMPT, str(SIZE), str(STEPS)]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *argv, str(SEED)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"{case} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--small", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=8)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--throughput-n", type=int, default=None, help="n for the paired rounds (default: --n)"
    )
    parser.add_argument(
        "--no-bare-memory", action="store_true", help="skip the bare loop's own run at --n"
    )
    args = parser.parse_args()
    tn = args.throughput_n or args.n
    print(
        f"series_bench: demo model, {SIZE} px, {STEPS} step, batch {args.batch_size}, "
        f"torch threads {args.threads}, {os.cpu_count()} cores"
    )
    print(f"load average before: {load()} (machine shared with other work: compare ratios)")
    cases = ("bare", "measured", "full")
    with tempfile.TemporaryDirectory(prefix="series-bench-") as tmp:
        work = Path(tmp)
        run_case("bare", 8, args.batch_size, args.threads, work)  # builds the demo model
        rounds: list[dict[str, dict[str, float]]] = []
        for r in range(args.rounds):
            order = cases[r % 3 :] + cases[: r % 3]
            results = {c: run_case(c, tn, args.batch_size, args.threads, work) for c in order}
            rounds.append(results)
            line = ", ".join(f"{c} {results[c]['seconds']:.1f} s" for c in cases)
            print(f"  round {r + 1} ({' -> '.join(order)}): {line}; load {load()}")
        print(f"\nthroughput, {tn} images per case, {args.rounds} paired round(s):")
        for c in cases:
            rate = statistics.median(tn / x[c]["seconds"] for x in rounds)
            ratio = statistics.median(x["bare"]["seconds"] / x[c]["seconds"] for x in rounds)
            print(f"  {c:9s} {rate:7.1f} images/s   {ratio:5.2f}x the bare loop's throughput")
        over = {
            c: statistics.median(
                (x[c]["seconds"] - x["bare"]["seconds"]) / tn * 1000 for x in rounds
            )
            for c in ("measured", "full")
        }
        parts = statistics.median(
            (x["full"]["seconds"] - x["measured"]["seconds"]) / tn * 1000 for x in rounds
        )
        bare_ms = statistics.median(x["bare"]["seconds"] / tn * 1000 for x in rounds)
        print(
            f"  per image: bare loop {bare_ms:.1f} ms; artcharter adds {over['full']:.1f} ms "
            f"(energy run share + record + metadata {over['measured']:.1f} ms, "
            f"signing + ledger + series {parts:.1f} ms)"
        )
        print(f"\npeak memory of `full` (one process each), {args.small} and {args.n} images:")
        small = run_case("full", args.small, args.batch_size, args.threads, work)
        large = run_case("full", args.n, args.batch_size, args.threads, work)
        bare_large = (
            None
            if args.no_bare_memory
            else run_case("bare", args.n, args.batch_size, args.threads, work)
        )
        print(f"  {args.small:6d} images: {small['peak_mib']:.0f} MiB ({small['seconds']:.1f} s)")
        print(f"  {args.n:6d} images: {large['peak_mib']:.0f} MiB ({large['seconds']:.1f} s)")
        if bare_large:
            print(f"  bare loop at {args.n}: {bare_large['peak_mib']:.0f} MiB")
        peaks = [x["bare"]["peak_mib"] for x in rounds]
        print(f"  bare loop at {tn} (throughput rounds): {statistics.median(peaks):.0f} MiB")
        print(
            f"  ratio {args.n}/{args.small}: {large['peak_mib'] / small['peak_mib']:.3f} "
            f"(target under 1.1)"
        )
    print(f"\nload average after: {load()}")


if __name__ == "__main__":
    main()
