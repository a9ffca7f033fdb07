"""Probe throughput and memory: artcharter's CLIP probe against a bare open_clip loop.

Measured side by side in one run, on the same model and the same image files, batched the
same way. The bare loop is the least any probe must do: open each file, apply the model's
preprocessing, stack a batch and call ``model.encode_image``. The probe does that plus the
prompt-ensemble zero-shot classification, the gate and the thresholds, and builds a
reading per image. Targets (issue 4): the probe at least 0.85x the bare loop's images per
second; peak memory that does not grow with the number of images (1,000 against 100),
both for ``Probe.classify`` and for a campaign's ledger path (list a folder, classify page
by page, compute the metrics).

By default the model is the tiny random-weight demo CLIP (no weights can be downloaded
here): it is the worst case for the ratio, since the encoder is so cheap that the probe's
own work weighs the most. ``--clip ViT-B-32:laion2b_s34b_b79k`` measures the real model
where its weights are in the local cache.

    .venv/bin/python benchmarks/probe_bench.py [--images 1000] [--small 100] [--batch-size 32]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from artcharter.audits.bias.clip_probe import Probe, load_clip, open_image  # noqa: E402
from artcharter.audits.bias.probe_classes import load_probe_classes  # noqa: E402


def make_images(folder: Path, count: int, size: int) -> list[Path]:
    """Distinct PNG files: a smooth gradient plus noise, like a small generated image."""
    rng = np.random.default_rng(0)
    base = np.linspace(0, 255, size, dtype=np.float32)[None, :, None].repeat(size, 0).repeat(3, 2)
    paths = []
    for i in range(count):
        pixels = np.clip(base + rng.normal(0, 20, (size, size, 3)) + (i % 50), 0, 255)
        path = folder / f"image-{i:05d}.png"
        Image.fromarray(pixels.astype(np.uint8)).save(path)
        paths.append(path)
    return paths


def bare_loop(model, paths: list[Path], batch_size: int) -> tuple[float, float]:
    """open_clip alone: decode, preprocess, stack, encode_image. (wall, CPU) seconds."""
    import torch

    wall, cpu = time.perf_counter(), time.process_time()
    for start in range(0, len(paths), batch_size):
        batch = torch.stack(
            [model.preprocess(open_image(p)) for p in paths[start : start + batch_size]]
        )
        with torch.inference_mode():
            model.model.encode_image(batch.to(model.device))
    return time.perf_counter() - wall, time.process_time() - cpu


def probe_loop(probe: Probe, paths: list[Path], batch_size: int) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    readings = sum(1 for _ in probe.classify(paths, batch_size=batch_size))
    assert readings == len(paths)
    return time.perf_counter() - wall, time.process_time() - cpu


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def memory_child(mode: str, folder: Path, count: int, clip: str, batch_size: int) -> None:
    """Run in a fresh process: load, then classify ``count`` images; print peak RSS."""
    probe = Probe(load_clip(clip, device="cpu"), load_probe_classes().select())
    paths = sorted(folder.glob("*.png"))[:count]
    # Warm the allocator with one batch so the baseline includes a batch's buffers.
    list(probe.classify(paths[:batch_size], batch_size=batch_size))
    loaded = peak_rss_mb()
    if mode == "classify":
        readings = sum(1 for _ in probe.classify(iter(paths), batch_size=batch_size))
        assert readings == count
    else:
        from artcharter.provenance.campaign.images import folder_prompt_set
        from artcharter.provenance.campaign.run import run_campaign
        from artcharter.provenance.campaign.settings import CampaignSettings
        from artcharter.provenance.ledger import Ledger

        subset = folder.parent / f"subset-{count}"
        subset.mkdir(exist_ok=True)
        for p in paths:
            target = subset / p.name
            if not target.exists():
                target.symlink_to(p)
        with tempfile.TemporaryDirectory() as tmp, Ledger(Path(tmp) / "bench.db") as ledger:
            settings = CampaignSettings(
                folder_prompt_set(subset), images_dir=subset, batch_size=batch_size
            )
            result = run_campaign(
                ledger,
                settings,
                probe,
                model_spec="bench",
                model_id="bench",
                default_output=lambda cid: Path(tmp) / cid,
            )
            assert result.campaign["images_total"] == count
    print(json.dumps({"after_load_mb": loaded, "peak_mb": peak_rss_mb()}))


def measure_memory(mode: str, folder: Path, count: int, clip: str, batch_size: int) -> dict:
    done = subprocess.run(
        [
            sys.executable,
            __file__,
            "--child",
            mode,
            str(folder),
            str(count),
            "--clip",
            clip,
            "--batch-size",
            str(batch_size),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--images", type=int, default=1000)
    parser.add_argument("--small", type=int, default=100)
    parser.add_argument("--size", type=int, default=128, help="side of the test images (px)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--repeats", type=int, default=9)
    parser.add_argument("--throughput-images", type=int, default=128)
    parser.add_argument("--clip", default="demo")
    parser.add_argument("--threads", type=int, help="torch CPU threads (default: torch's)")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "FOLDER", "COUNT"))
    args = parser.parse_args()
    if args.child:
        mode, folder, count = args.child
        memory_child(mode, Path(folder), int(count), args.clip, args.batch_size)
        return

    import torch

    if args.threads:
        torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "images"
        folder.mkdir()
        paths = make_images(folder, args.images, args.size)
        model = load_clip(args.clip, device="cpu")
        probe = Probe(model, load_probe_classes().select())
        note = (
            " (demo: tiny random-weight open_clip; its readings mean nothing)"
            if model.is_demo
            else ""
        )
        print(f"probe model: {model.name}{note}")
        print(
            f"torch {torch.__version__}, {torch.get_num_threads()} threads, batch {args.batch_size}, "
            f"{args.size}x{args.size} PNG files"
        )
        sample = paths[: args.throughput_images]
        bare_loop(model, sample[: args.batch_size], args.batch_size)  # warm-up
        probe_loop(probe, sample[: args.batch_size], args.batch_size)
        # Short rounds, alternating which loop goes first, and the median of the per-round
        # ratios: a slow spell of the machine hits both loops of a round alike.
        bare_runs, probe_runs = [], []
        for round_ in range(args.repeats):
            if round_ % 2:
                probe_runs.append(probe_loop(probe, sample, args.batch_size))
                bare_runs.append(bare_loop(model, sample, args.batch_size))
            else:
                bare_runs.append(bare_loop(model, sample, args.batch_size))
                probe_runs.append(probe_loop(probe, sample, args.batch_size))
        wall_ratio = statistics.median(
            b[0] / p[0] for b, p in zip(bare_runs, probe_runs, strict=True)
        )
        cpu_ratio = statistics.median(
            b[1] / p[1] for b, p in zip(bare_runs, probe_runs, strict=True)
        )
        bare_ips = len(sample) / statistics.median(b[0] for b in bare_runs)
        probe_ips = len(sample) / statistics.median(p[0] for p in probe_runs)
        print(
            f"throughput on {len(sample)} images, {args.repeats} rounds: bare open_clip "
            f"encode_image loop {bare_ips:.1f} img/s, probe {probe_ips:.1f} img/s (medians); "
            f"probe/bare ratio {wall_ratio:.2f}x wall-clock, {cpu_ratio:.2f}x CPU time "
            "(median of per-round ratios; target >= 0.85x)"
        )
        for mode in ("classify", "campaign"):
            small = measure_memory(mode, folder, args.small, args.clip, args.batch_size)
            large = measure_memory(mode, folder, args.images, args.clip, args.batch_size)
            growth = large["peak_mb"] - small["peak_mb"]
            print(
                f"peak memory, {mode:8}: {args.small} images {small['peak_mb']:.0f} MB "
                f"(+{small['peak_mb'] - small['after_load_mb']:.0f} over the loaded model), "
                f"{args.images} images {large['peak_mb']:.0f} MB "
                f"(+{large['peak_mb'] - large['after_load_mb']:.0f}); growth {growth:+.0f} MB "
                "(target: none beyond noise)"
            )


if __name__ == "__main__":
    main()
