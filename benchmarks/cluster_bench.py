"""Generation on a local Ray cluster against one process, and the driver's capacity (issue 18).

Side by side in one run, on the demo model, the same images (prompt, seeds, size):

1. images per second of ``generate`` in one process (torch's default threads, then one
   thread as a CPU worker uses), and with
   ``--cluster`` on a local Ray instance with 1 and then 2 workers (one CPU each), counted
   from the moment the workers have loaded the model to the last image signed and recorded
   (loading is measured apart: it happens once per worker and campaign). The three are
   interleaved round by round so that a busy machine slows them alike; the figures are
   medians over the rounds, the ratio the median of the rounds' ratios.
2. the driver's signing and recording capacity: the work the driver does for each image a
   worker returns (XMP and A1111 chunk, C2PA manifest and signature, file and ledger rows),
   on 512 px images (and 1024 px, SDXL's size), in images per second. That is the ceiling
   on how many GPUs one driver can feed; docs/scale.md turns it into GPUs on paper.

Targets: 2 workers at least 1.6x one on 2 cores; the driver at least 150 signed 512 px
images per second.

    .venv/bin/python benchmarks/cluster_bench.py [--rounds 3] [--images 16] [--size 64]
"""

from __future__ import annotations

import argparse
import dataclasses
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from artcharter.provenance import keys  # noqa: E402
from artcharter.provenance.generate import (  # noqa: E402
    GenerateRequest,
    described,
    generate,
    load_model,
    publish_rendered,
    render_batch,
)
from artcharter.provenance.ledger import Ledger  # noqa: E402
from artcharter.provenance.signing import load_artist_identity  # noqa: E402

PROMPT = "a photo of the face of a nurse"
TARGET_SCALING = 1.6
TARGET_DRIVER = 150.0


def realistic_png(side: int) -> bytes:
    """A photo-like image (smooth gradients and grain), not noise: PNG of a typical size."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(side)
    x = np.linspace(0, 255, side)
    base = np.stack(np.meshgrid(x, x), -1).sum(-1)[..., None] / 2
    pixels = (base + rng.normal(0, 12, (side, side, 3))).clip(0, 255).astype("uint8")
    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG")
    return buffer.getvalue()


def driver_capacity(loaded, identity, folder: Path, side: int, count: int) -> float:
    """Images per second the driver signs and records, as it does for a worker's batch."""
    request = GenerateRequest(PROMPT, output_dir=folder / f"signed-{side}", size=64, seed=0)
    rendered = render_batch(loaded, request, [0])
    batch = dataclasses.replace(
        rendered.batch,
        settings=dataclasses.replace(rendered.batch.settings, width=side, height=side),
    )
    from PIL import Image

    from artcharter.provenance.generate import pixel_facts

    png = realistic_png(side)
    with Image.open(io.BytesIO(png)) as image:
        thumbnail, iscc = pixel_facts(image)  # made by the worker from its pixels
    rendered = dataclasses.replace(
        rendered, batch=batch, images=(png,), thumbnails=(thumbnail,), isccs=(iscc,)
    )
    model = described(loaded)
    with Ledger(folder / f"driver-{side}.db") as ledger:
        started = time.perf_counter()
        for _ in range(count):
            publish_rendered(
                model, rendered, request, identity=identity, ledger=ledger, session="b"
            )
        return count / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--images", type=int, default=16)
    parser.add_argument("--size", type=int, default=64)
    parser.add_argument("--driver-images", type=int, default=150)
    args = parser.parse_args()

    import ray
    import torch

    from artcharter.provenance.cluster.run import generate_on_cluster

    load_before = os.getloadavg()
    folder = Path(tempfile.mkdtemp(prefix="cluster-bench-"))
    os.environ["XDG_CACHE_HOME"] = str(folder / "cache")
    keys.init_school(folder / "keys", "ESAD Bench")
    keys.issue_artist(folder / "keys", "Alice Martin", "alice@example.org")
    identity = load_artist_identity(folder / "keys", "Alice Martin")
    loaded = load_model("demo", device="cpu")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    address = ray.get_runtime_context().gcs_address

    def request(tag: str) -> GenerateRequest:
        return GenerateRequest(
            PROMPT, output_dir=folder / tag, seed=1000, n=args.images, size=args.size
        )

    def single(ledger: Ledger, threads: int | None = None) -> float:
        """One process: torch's default threads, or ``threads`` (a CPU worker uses one)."""
        default = torch.get_num_threads()
        torch.set_num_threads(threads or default)
        try:
            started = time.perf_counter()
            generate(loaded, request("single"), identity=identity, ledger=ledger)
            return args.images / (time.perf_counter() - started)
        finally:
            torch.set_num_threads(default)

    def cluster(ledger: Ledger, workers: int) -> tuple[float, float]:
        marks: dict[str, float] = {"start": time.perf_counter()}
        generate_on_cluster(
            address,
            "demo",
            request(f"w{workers}"),
            identity=identity,
            ledger=ledger,
            workers=workers,
            on_loaded=lambda _: marks.__setitem__("loaded", time.perf_counter()),
        )
        end = time.perf_counter()
        return args.images / (end - marks["loaded"]), marks["loaded"] - marks["start"]

    rates: dict[str, list[float]] = {
        "single": [],
        "single, 1 thread": [],
        "1 worker": [],
        "2 workers": [],
    }
    startup: dict[str, list[float]] = {"1 worker": [], "2 workers": []}
    ratios: list[float] = []
    with Ledger(folder / "artcharter.db") as ledger:
        for _ in range(args.rounds):
            rates["single"].append(single(ledger))
            rates["single, 1 thread"].append(single(ledger, threads=1))
            one, s1 = cluster(ledger, 1)
            two, s2 = cluster(ledger, 2)
            rates["1 worker"].append(one)
            rates["2 workers"].append(two)
            startup["1 worker"].append(s1)
            startup["2 workers"].append(s2)
            ratios.append(two / one)
    ray.shutdown()
    driver = {
        side: driver_capacity(loaded, identity, folder, side, args.driver_images // (side // 512))
        for side in (512, 1024)
    }

    print(f"machine: {os.cpu_count()} CPUs, shared; load average before/after below")
    print(f"torch {torch.__version__}, ray {ray.__version__}, demo model at {args.size} px, "
          f"{args.images} images per run, {args.rounds} rounds")  # fmt: skip
    for name, values in rates.items():
        extra = ""
        if name in startup:
            extra = (
                f"  (workers start and load the model in {statistics.median(startup[name]):.1f} s)"
            )
        print(f"  {name:16} {statistics.median(values):7.2f} images/s{extra}")
    scaling = statistics.median(ratios)
    print(f"2 workers / 1 worker: {scaling:.2f}x (target >= {TARGET_SCALING}x): "
          f"{'met' if scaling >= TARGET_SCALING else 'NOT met'}")  # fmt: skip
    print(f"2 workers / single process: "
          f"{statistics.median(rates['2 workers']) / statistics.median(rates['single']):.2f}x")  # fmt: skip
    for side, rate in driver.items():
        target = (
            f" (target >= {TARGET_DRIVER:.0f}: {'met' if rate >= TARGET_DRIVER else 'NOT met'})"
        )
        print(f"driver signs and records {rate:6.1f} images/s at {side} px"
              f"{target if side == 512 else ''}")  # fmt: skip
    after = os.getloadavg()
    before_text = " ".join(f"{x:.2f}" for x in load_before)
    after_text = " ".join(f"{x:.2f}" for x in after)
    print(f"load average (1, 5, 15 min) before: {before_text}; after: {after_text}")


if __name__ == "__main__":
    main()
