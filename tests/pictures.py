"""Varied synthetic pictures for the soft-binding tests and benchmarks/recovery_bench.py:
a gradient, shapes of random colours and sizes, and fine noise, all from one seed. Flat
test images would all share one fingerprint; these differ as photographs do."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw


def varied_picture(seed: int, size: tuple[int, int] = (512, 512)) -> Image.Image:
    rng = np.random.default_rng(seed)
    width, height = size
    y, x = np.mgrid[0:height, 0:width]
    angle = rng.uniform(0, 2 * np.pi)
    ramp = (np.cos(angle) * x / width + np.sin(angle) * y / height + 1) / 2
    start, end = rng.integers(0, 256, 3), rng.integers(0, 256, 3)
    pixels = start[None, None, :] * (1 - ramp[..., None]) + end[None, None, :] * ramp[..., None]
    image = Image.fromarray(pixels.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(int(rng.integers(6, 16))):
        x0, y0 = rng.integers(0, width), rng.integers(0, height)
        w, h = rng.integers(width // 16, width // 2), rng.integers(height // 16, height // 2)
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        box = (int(x0 - w / 2), int(y0 - h / 2), int(x0 + w / 2), int(y0 + h / 2))
        if rng.random() < 0.5:
            draw.ellipse(box, fill=colour)
        else:
            draw.rectangle(box, fill=colour)
    noise = rng.normal(0, 6, (height, width, 3))
    array = np.clip(np.asarray(image, dtype=np.float64) + noise, 0, 255).astype(np.uint8)
    return Image.fromarray(array, "RGB")
