"""Cost of `artcharter.provenance.generate` over a bare diffusers pipeline call (issue 3).

Side by side in one run, on the demo model (already loaded for both), same steps and seed:
the wall time per image of ``artcharter.provenance.generate`` (generate, measure, write XMP and the
AUTOMATIC1111 chunk, sign, publish with the ledger rows) against a bare ``pipeline(...)``
call, at 64 px and 128 px, interleaved round by round so that a busy machine slows both
alike. Then the per-image overhead split: energy tracking (one codecarbon run), PNG encoding,
manifest building and signing, ledger write (file + rows in one transaction). The same
split is measured for a 512x512 image, the size of a real model such as sd-turbo, for the
on-paper GPU figure in docs/generate.md.

Targets: overhead under 150 ms per image; ratio under 1.25 at 128 px.

    .venv/bin/python benchmarks/generate_bench.py [--rounds 7] [--threads 1]

On a machine shared with other jobs, ``--threads 1`` keeps wall times steady: two OpenMP
threads competing for two busy cores make a pipeline call vary several-fold between calls.
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from artcharter.audits.energy import measure  # noqa: E402
from artcharter.provenance import image_files, keys  # noqa: E402
from artcharter.provenance.a1111 import parameters_for  # noqa: E402
from artcharter.provenance.generate import GenerateRequest, LoadedModel, generate, load_model  # noqa: E402
from artcharter.provenance.ledger import Ledger  # noqa: E402
from artcharter.provenance.manifest import build_manifest, xmp_fields  # noqa: E402
from artcharter.provenance.record import new_artwork_id  # noqa: E402
from artcharter.provenance.signing import load_artist_identity, publish, sign_image  # noqa: E402
from artcharter.provenance.version import VERSION  # noqa: E402

PROMPT = "a lighthouse at night, woodcut"
SEED = 1234
TARGET_OVERHEAD_MS = 150.0
TARGET_RATIO_128 = 1.25


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def timed_both(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall time, and CPU time of this process (steadier when other work shares the cores)."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


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
    loaded: LoadedModel, size: int, rounds: int, folder: Path, identity, ledger: Ledger
) -> dict:
    steps = loaded.defaults.steps
    out = folder / f"out-{size}"

    def wrapped() -> object:
        request = GenerateRequest(PROMPT, output_dir=out, seed=SEED, steps=steps, size=size)
        return generate(loaded, request, identity=identity, ledger=ledger)

    bare_call(loaded, size, steps)  # warm-up: first calls allocate and pick kernels
    wrapped()
    bare, full = [], []
    for _ in range(rounds):
        bare.append(timed_both(lambda: bare_call(loaded, size, steps)))
        full.append(timed_both(wrapped))
    bare_wall, full_wall = [b[0] for b in bare], [f[0] for f in full]
    bare_cpu, full_cpu = [b[1] for b in bare], [f[1] for f in full]
    return {
        "size": size,
        "steps": steps,
        "bare_ms": median_ms(bare_wall),
        "generate_ms": median_ms(full_wall),
        "ratio": statistics.median(full_wall) / statistics.median(bare_wall),
        "overhead_ms": median_ms(full_wall) - median_ms(bare_wall),
        "cpu_ratio": statistics.median(full_cpu) / statistics.median(bare_cpu),
        "cpu_overhead_ms": median_ms(full_cpu) - median_ms(bare_cpu),
    }


def split(
    image: object, loaded: LoadedModel, rounds: int, folder: Path, identity, ledger: Ledger
) -> dict:
    """The per-image overhead, part by part, on one image."""
    request = GenerateRequest(PROMPT, output_dir=folder / "template", seed=SEED, steps=1, size=64)
    template = generate(loaded, request, identity=identity, ledger=None)[0].record

    def record_for() -> object:
        import dataclasses

        return dataclasses.replace(template, artwork_id=new_artwork_id())

    def tracking() -> None:
        with measure(country_iso="FRA", scope="bench"):
            pass

    def encode() -> bytes:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()

    data = encode()
    record = record_for()

    def sign() -> bytes:
        prepared = image_files.embed_metadata(
            data,
            image_files.xmp_packet(xmp_fields(record)),
            {"parameters": parameters_for(record, VERSION)},
        )
        manifest = build_manifest(record, has_parent=False, version=VERSION)
        return sign_image(prepared, "png", manifest, identity)

    signed = sign()
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

    parts = {
        "energy tracking": tracking,
        "PNG encode": encode,
        "manifest + signing": sign,
        "ledger write": write,
    }
    for fn in parts.values():
        fn()  # warm-up
    result = {name: median_ms([timed(fn) for _ in range(rounds)]) for name, fn in parts.items()}
    result["total"] = sum(result.values())
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument(
        "--threads", type=int, default=0, help="torch CPU threads (default: torch's choice)"
    )
    args = parser.parse_args()
    import os

    import torch
    from PIL import Image

    if args.threads:
        torch.set_num_threads(args.threads)
    load_before = os.getloadavg()[0]

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        keys_dir = folder / "keys"
        keys.init_school(keys_dir, "ESAD Bench")
        keys.issue_artist(keys_dir, "Bench Artist", None)
        identity = load_artist_identity(keys_dir, "Bench Artist")
        loaded = load_model("demo", device="cpu", cache_dir=folder / "cache")
        print(
            f"model: {loaded.label}, {loaded.defaults.steps} steps, on {loaded.device_name}, "
            f"{torch.get_num_threads()} torch thread(s); load average {load_before:.1f}"
        )
        with Ledger(folder / "bench.db") as ledger:
            rows = [
                compare(loaded, size, args.rounds, folder, identity, ledger) for size in (64, 128)
            ]
            print(f"\nwall time per image, median of {args.rounds} interleaved rounds")
            print(
                f"{'size':>6} {'bare pipeline':>14} {'generate':>10} {'ratio':>7} {'overhead':>10}"
                f" {'CPU-time ratio':>15} {'CPU overhead':>13}"
            )
            for row in rows:
                print(
                    f"{row['size']:>4}px {row['bare_ms']:>11.0f} ms {row['generate_ms']:>7.0f} ms "
                    f"{row['ratio']:>7.3f} {row['overhead_ms']:>7.0f} ms"
                    f" {row['cpu_ratio']:>15.3f} {row['cpu_overhead_ms']:>10.0f} ms"
                )
            splits = {}
            for size in (64, 128):
                image = bare_call(loaded, size, loaded.defaults.steps)
                splits[f"{size}px"] = split(image, loaded, args.rounds, folder, identity, ledger)
            # A real model's size: the fixed costs for a 512x512 image (smooth content like a
            # generated picture, not noise).
            big = bare_call(loaded, 128, loaded.defaults.steps).resize((512, 512), Image.BICUBIC)
            splits["512px"] = split(big, loaded, args.rounds, folder, identity, ledger)
        print("\noverhead per image, part by part (median ms)")
        names = list(next(iter(splits.values())))
        print(f"{'':>20}" + "".join(f"{k:>10}" for k in splits))
        for name in names:
            print(f"{name:>20}" + "".join(f"{v[name]:>10.1f}" for v in splits.values()))
        print(f"load average at the end: {os.getloadavg()[0]:.1f} (other work slows both sides)")
        ok_overhead = all(r["overhead_ms"] < TARGET_OVERHEAD_MS for r in rows)
        ratio_128 = next(r["ratio"] for r in rows if r["size"] == 128)
        print(
            f"\ntargets: overhead < {TARGET_OVERHEAD_MS:.0f} ms per image: "
            f"{'met' if ok_overhead else 'NOT met'}; ratio at 128 px {ratio_128:.3f} "
            f"< {TARGET_RATIO_128}: {'met' if ratio_128 < TARGET_RATIO_128 else 'NOT met'}"
        )


if __name__ == "__main__":
    main()
