"""What artcharter's generation wrapper costs, and how fast a device it can keep up with.

Two parts, each measured side by side in paired rounds (every round runs each case once,
alternating which goes first, so that other work on a shared machine slows both alike):

1. **The wrapper against a bare pipeline call** on the demo model (loaded once for both),
   64 and 128 px, same steps and seed: ``generate`` (measure energy, encode, XMP and the
   AUTOMATIC1111 chunk, sign, publish with the ledger rows) against ``pipeline(...)``. The
   ratio is the median of the per-round ratios (never a difference of unpaired medians).
   The wrapper's own overhead is also read from its record: wall time minus the pipeline
   time the wrapper measured around the same call.

2. **``--producer`` mode** (BENCHMARK ONLY, labelled so in the output): the diffusion
   pipeline is replaced by a producer that hands out precomputed 512 px images at a fixed
   rate R (a clock: image k is ready at k/R seconds, as a device would deliver them;
   ``time.sleep`` stands for the device and releases the GIL as a CUDA wait does). Every
   other step is the real one: energy run, record, encoding, XMP, signing, ledger rows,
   atomic publish. The wrapper sustains R when it delivers at least 90 % of R. The run
   with no rate limit gives the ceiling. Also printed: the main thread's time between two
   producer calls, per image, which a synchronous GPU pipeline call would wait for.

Then the per-image cost of each finishing step at 512 px, and the PNG encoding levels and
claim-thumbnail choices side by side (why generate uses what it uses).

    .venv/bin/python benchmarks/generate_bench.py [--rounds 5] [--threads 1]
    .venv/bin/python benchmarks/generate_bench.py --producer [--rates 1,2,4,6,8]
        [--seconds 4] [--rounds 3] [--cores 2]

``--threads`` is torch's CPU thread count (default 1: on a machine shared with other jobs
two OpenMP threads competing for two busy cores make a pipeline call vary several-fold).
``--cores 2`` pins the producer run to two cores (``os.sched_setaffinity``), as the target
says. The load average is printed before and after; the machine may be shared with other
work, so compare ratios, not absolute times.
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
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from artcharter.audits.energy import measure  # noqa: E402
from artcharter.provenance import image_files, keys  # noqa: E402
from artcharter.provenance.a1111 import parameters_for  # noqa: E402
from artcharter.provenance.generate import (  # noqa: E402
    PNG_COMPRESS_LEVEL,
    GenerateRequest,
    LoadedModel,
    generate,
    load_model,
)
from artcharter.provenance.ledger import Ledger  # noqa: E402
from artcharter.provenance.manifest import build_manifest, xmp_fields  # noqa: E402
from artcharter.provenance.record import new_artwork_id  # noqa: E402
from artcharter.provenance.signing import (  # noqa: E402
    claim_thumbnail,
    load_artist_identity,
    publish,
    sign_image,
)
from artcharter.provenance.version import VERSION  # noqa: E402

PROMPT = "a lighthouse at night, woodcut"
SEED = 1234
SUSTAIN = 0.90  # the wrapper keeps up with R when it delivers at least 90 % of R
TARGET_RATE = 8.0


def load_text() -> str:
    return ", ".join(f"{x:.2f}" for x in os.getloadavg())


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


# --- 1. wrapper against the bare pipeline ------------------------------------------------


def bare_call(loaded: LoadedModel, size: int, steps: int) -> object:
    """What a script without artcharter does: one pipeline call, the image in memory."""
    import torch

    return loaded.pipeline(
        prompt=PROMPT,
        num_inference_steps=steps,
        guidance_scale=loaded.defaults.guidance,
        height=size,
        width=size,
        generator=[torch.Generator("cpu").manual_seed(SEED)],
        output_type="pil",
    ).images[0]


def compare(
    loaded: LoadedModel, size: int, rounds: int, folder: Path, identity: Any, ledger: Ledger
) -> dict[str, float]:
    steps = loaded.defaults.steps
    out = folder / f"out-{size}"
    recorded: list[float] = []

    def wrapped() -> None:
        request = GenerateRequest(PROMPT, output_dir=out, seed=SEED, steps=steps, size=size)
        (signed,) = generate(loaded, request, identity=identity, ledger=ledger)
        assert signed.record.generation is not None
        recorded.append(signed.record.generation.timings_ms["pipeline_batch"] / 1000)

    bare_call(loaded, size, steps)  # warm-up: first calls allocate and pick kernels
    wrapped()
    recorded.clear()
    ratios, bare, full = [], [], []
    for index in range(rounds):
        cases = [("bare", lambda: bare_call(loaded, size, steps)), ("full", wrapped)]
        times = {name: timed(fn) for name, fn in (cases if index % 2 == 0 else cases[::-1])}
        bare.append(times["bare"])
        full.append(times["full"])
        ratios.append(times["full"] / times["bare"])
    own = [f - r for f, r in zip(full, recorded, strict=True)]
    return {
        "size": size,
        "bare_ms": statistics.median(bare) * 1000,
        "generate_ms": statistics.median(full) * 1000,
        "ratio": statistics.median(ratios),
        "own_ms": statistics.median(own) * 1000,
    }


# --- 2. producer mode ------------------------------------------------------------------------


class Producer:
    """BENCHMARK ONLY: stands in for a diffusion pipeline, handing out precomputed images
    on a fixed clock of ``rate`` images per second (0: as fast as asked)."""

    def __init__(self, images: list[Any], rate: float, scheduler: Any) -> None:
        self.images = images
        self.interval = 1 / rate if rate else 0.0
        self.scheduler = scheduler
        self.due: float | None = None
        self.served = 0
        self.returned: float | None = None
        self.gaps: list[float] = []  # main-thread time between two calls

    def set_progress_bar_config(self, **_: object) -> None:
        pass

    def __call__(
        self,
        prompt: str,
        num_inference_steps: int,
        guidance_scale: float,
        height: int,
        width: int,
        num_images_per_prompt: int,
        generator: Any,
        output_type: str,
    ) -> SimpleNamespace:
        now = time.perf_counter()
        if self.returned is not None:
            self.gaps.append(now - self.returned)
        if self.due is None:
            self.due = now
        self.due += num_images_per_prompt * self.interval
        if self.due > now:
            time.sleep(self.due - now)  # the device at work; the GIL is free meanwhile
        batch = [
            self.images[(self.served + i) % len(self.images)] for i in range(num_images_per_prompt)
        ]
        self.served += num_images_per_prompt
        self.returned = time.perf_counter()
        return SimpleNamespace(images=batch)


def sample_images(count: int, side: int = 512) -> list[Any]:
    """Distinct 512 px pictures that compress like generated ones: smooth shapes from
    low-frequency colour fields, with a fine grain like a model's texture."""
    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(7)
    images = []
    for _ in range(count):
        field = rng.integers(0, 256, (12, 12, 3), dtype=np.uint8)
        smooth = np.asarray(Image.fromarray(field).resize((side, side), Image.BICUBIC))
        grain = rng.normal(0, 3, smooth.shape)
        images.append(Image.fromarray(np.clip(smooth + grain, 0, 255).astype(np.uint8)))
    return images


def produce(
    loaded: LoadedModel,
    images: list[Any],
    rate: float,
    count: int,
    batch_size: int,
    folder: Path,
    identity: Any,
    ledger: Ledger,
) -> dict[str, float]:
    producer = Producer(images, rate, loaded.pipeline.scheduler)
    fake = dataclasses.replace(loaded, pipeline=producer)
    request = GenerateRequest(
        PROMPT,
        n=count,
        batch_size=batch_size,
        output_dir=folder / f"producer-{rate:g}-{time.monotonic_ns()}",
        seed=SEED,
        size=512,
        steps=1,
    )
    started = time.perf_counter()
    made = generate(fake, request, identity=identity, ledger=ledger)
    wall = time.perf_counter() - started
    assert len(made) == count and all(s.path.is_file() for s in made)
    return {
        "achieved": count / wall,
        # Main-thread time between two producer calls, per image: what a synchronous
        # device call would wait for (energy run, record keeping, a full queue).
        "main_ms": statistics.median(producer.gaps) / batch_size * 1000,
    }


def producer_mode(
    args: argparse.Namespace, loaded: LoadedModel, folder: Path, identity: Any
) -> None:
    if args.cores:
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[: args.cores]))
    rates = [float(r) for r in args.rates.split(",")]
    images = sample_images(8)
    print(
        "PRODUCER MODE (benchmark only): the diffusion pipeline is replaced by a producer of "
        "precomputed 512x512 images at a fixed rate; every other step is artcharter's own."
    )
    print(
        f"cores: {len(os.sched_getaffinity(0))}; batch size {args.batch_size}; "
        f"{args.seconds:g} s per run; load average before: {load_text()}"
    )
    with Ledger(folder / "producer.db") as ledger:
        produce(loaded, images, 0, 4, args.batch_size, folder, identity, ledger)  # warm-up
        cases = [*rates, 0.0]  # 0: no limit, the ceiling
        results: dict[float, list[dict[str, float]]] = {r: [] for r in cases}
        for index in range(args.rounds):
            order = cases if index % 2 == 0 else cases[::-1]
            for rate in order:
                count = max(8, round((rate or 20) * args.seconds))
                results[rate].append(
                    produce(loaded, images, rate, count, args.batch_size, folder, identity, ledger)
                )
    print(f"\nmedian of {args.rounds} paired rounds")
    print(f"{'rate R':>10} {'delivered':>11} {'share of R':>11} {'between calls':>14}  verdict")
    worst_ok = True
    for rate in cases:
        achieved = statistics.median(r["achieved"] for r in results[rate])
        main_ms = statistics.median(r["main_ms"] for r in results[rate])
        if rate:
            share = achieved / rate
            ok = share >= SUSTAIN
            if rate <= TARGET_RATE:
                worst_ok = worst_ok and ok
            verdict = "sustained" if ok else "NOT sustained"
            print(f"{rate:>8g}/s {achieved:>9.2f}/s {share:>10.0%} {main_ms:>11.1f} ms  {verdict}")
        else:
            print(f"{'no limit':>10} {achieved:>9.2f}/s {'':>11} {main_ms:>11.1f} ms  ceiling")
    print(f"\nload average after: {load_text()} (the machine may be shared: ratios, not times)")
    print(
        f"target: >= {SUSTAIN:.0%} of R for every R up to {TARGET_RATE:g}/s: "
        f"{'met' if worst_ok else 'NOT met'}"
    )


# --- 3. the finishing steps one by one, at 512 px ------------------------------------------


def split(loaded: LoadedModel, rounds: int, folder: Path, identity: Any, ledger: Ledger) -> None:
    image = sample_images(1)[0]
    request = GenerateRequest(PROMPT, output_dir=folder / "template", seed=SEED, steps=1, size=64)
    template = generate(loaded, request, identity=identity, ledger=None)[0].record

    def record_for() -> Any:
        return dataclasses.replace(template, artwork_id=new_artwork_id())

    def tracking() -> None:
        with measure(country_iso="FRA", scope="bench"):
            pass

    def encode(level: int | None) -> bytes:
        buffer = io.BytesIO()
        if level is None:
            image.save(buffer, format="PNG")
        else:
            image.save(buffer, format="PNG", compress_level=level)
        return buffer.getvalue()

    data = encode(PNG_COMPRESS_LEVEL)
    record = record_for()

    def sign(own_thumbnail: bool) -> bytes:
        prepared = image_files.embed_metadata(
            data,
            image_files.xmp_packet(xmp_fields(record)),
            {"parameters": parameters_for(record, VERSION)},
        )
        manifest = build_manifest(record, has_parent=False, version=VERSION)
        thumbnail = claim_thumbnail(image) if own_thumbnail else None
        return sign_image(prepared, "png", manifest, identity, thumbnail=thumbnail).data

    signed = sign(True)
    counter = iter(range(10**9))

    def write() -> None:
        fresh = record_for()
        path = folder / "ledger-bench" / f"{next(counter)}.png"

        def rows(led: Ledger) -> None:
            led.add_artwork(fresh, path, "0" * 64, status="kept", session_id="bench")
            led.add_energy_run(
                fresh.energy, phase="generation", artwork_id=fresh.artwork_id, session_id="bench"
            )

        publish(path, signed, ledger, rows)

    parts: dict[str, Callable[[], object]] = {
        "energy run (main thread, per batch)": tracking,
        "PNG encode, Pillow default (level 6)": lambda: encode(None),
        f"PNG encode, level {PNG_COMPRESS_LEVEL} (used)": lambda: encode(PNG_COMPRESS_LEVEL),
        "sign, c2pa makes the thumbnail": lambda: sign(False),
        "sign, thumbnail from memory (used)": lambda: sign(True),
        "ledger rows + atomic publish": write,
    }
    for fn in parts.values():
        fn()  # warm-up
    samples: dict[str, list[float]] = {name: [] for name in parts}
    for index in range(rounds):
        names = list(parts) if index % 2 == 0 else list(parts)[::-1]
        for name in names:
            samples[name].append(timed(parts[name]))
    sizes = {
        "default": len(encode(None)),
        "used": len(encode(PNG_COMPRESS_LEVEL)),
    }
    print(f"\nper-image steps at 512 px, median of {rounds} paired rounds (one thread)")
    for name, values in samples.items():
        print(f"  {name:<40} {statistics.median(values) * 1000:7.1f} ms")
    print(
        f"  PNG size: level {PNG_COMPRESS_LEVEL} {sizes['used'] / 1024:.0f} KiB against "
        f"{sizes['default'] / 1024:.0f} KiB at the default level "
        f"(+{sizes['used'] / sizes['default'] - 1:.0%})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads")
    parser.add_argument("--producer", action="store_true", help="the producer mode (see above)")
    parser.add_argument("--rates", default="1,2,4,6,8", help="producer rates, images/s")
    parser.add_argument("--seconds", type=float, default=4.0, help="length of a producer run")
    parser.add_argument("--batch-size", type=int, default=1)
    parser.add_argument("--cores", type=int, default=2, help="cores for the producer run")
    args = parser.parse_args()
    import torch

    torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        keys_dir = folder / "keys"
        keys.init_school(keys_dir, "ESAD Bench")
        keys.issue_artist(keys_dir, "Bench Artist", None)
        identity = load_artist_identity(keys_dir, "Bench Artist")
        loaded = load_model("demo", device="cpu", cache_dir=folder / "cache")
        if args.producer:
            producer_mode(args, loaded, folder, identity)
            return
        print(
            f"model: {loaded.label}, {loaded.defaults.steps} steps, on {loaded.device_name}, "
            f"{torch.get_num_threads()} torch thread(s); load average before: {load_text()}"
        )
        with Ledger(folder / "bench.db") as ledger:
            rows = [
                compare(loaded, size, args.rounds, folder, identity, ledger) for size in (64, 128)
            ]
            print(f"\nwall time per image, median of {args.rounds} paired rounds")
            print(
                f"{'size':>6} {'bare pipeline':>14} {'generate':>10} {'ratio':>7}"
                f" {'wrapper own time':>17}"
            )
            for row in rows:
                print(
                    f"{row['size']:>4}px {row['bare_ms']:>11.0f} ms {row['generate_ms']:>7.0f} ms"
                    f" {row['ratio']:>7.3f} {row['own_ms']:>14.0f} ms"
                )
            print(
                "  ratio: median of the per-round ratios; own time: wall time minus the pipeline"
                " time the wrapper recorded around the same call"
            )
            split(loaded, args.rounds, folder, identity, ledger)
        print(f"\nload average after: {load_text()} (the machine may be shared: ratios, not times)")


if __name__ == "__main__":
    main()
