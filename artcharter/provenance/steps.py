"""The denoising steps made visible (``generate --show-steps K``): the charter's second point,
how the model works explained to people who are not experts, shown on the image itself.

diffusers calls ``callback_on_step_end`` after each step with the latents; at K steps
spread over the run (the last one included) the latents are decoded by the pipeline's own
VAE into small pictures. Each image's pictures become one strip, signed into its
credentials as a ``componentOf`` ingredient whose description is ``denoising-steps``: the
report shows it under "How this model works".
"""

from __future__ import annotations

import io
from typing import Any

PREVIEW_SIDE = 128
GAP = 4


def pick_steps(total: int, count: int) -> list[int]:
    """``count`` step numbers (from 1) spread evenly over ``total``, ending on the last."""
    count = max(0, min(count, total))
    if count == 0:
        return []
    if count == 1:
        return [total]
    return sorted({round(1 + i * (total - 1) / (count - 1)) for i in range(count)})


class Recorder:
    """A ``callback_on_step_end`` that keeps decoded previews of the chosen steps."""

    def __init__(self, pipeline: Any, steps: list[int]) -> None:
        self.pipeline = pipeline
        self.steps = set(steps)
        # step number -> one small picture per image of the batch
        self.previews: dict[int, list[Any]] = {}
        self.failed = False

    def __call__(
        self, pipeline: Any, index: int, timestep: Any, kwargs: dict[str, Any]
    ) -> dict[str, Any]:
        number = index + 1
        if number in self.steps and not self.failed and "latents" in kwargs:
            try:
                self.previews[number] = self._decode(kwargs["latents"])
            except Exception:  # a pipeline whose latents its VAE cannot take as they are
                self.failed, self.previews = True, {}
        return kwargs

    def _decode(self, latents: Any) -> list[Any]:
        import torch

        vae = self.pipeline.vae
        with torch.no_grad():
            scaled = latents.to(vae.dtype) / vae.config.scaling_factor
            pixels = vae.decode(scaled, return_dict=False)[0]
        images = self.pipeline.image_processor.postprocess(pixels, output_type="pil")
        for image in images:
            image.thumbnail((PREVIEW_SIDE, PREVIEW_SIDE))
        return images

    def strip(self, index: int) -> tuple[bytes, list[int]] | None:
        """Image ``index``'s previews side by side as a PNG, and their step numbers."""
        from PIL import Image

        numbers = sorted(self.previews)
        if not numbers:
            return None
        pictures = [self.previews[n][index] for n in numbers]
        width = sum(p.width for p in pictures) + GAP * (len(pictures) - 1)
        height = max(p.height for p in pictures)
        sheet = Image.new("RGB", (width, height), (255, 255, 255))
        x = 0
        for picture in pictures:
            sheet.paste(picture.convert("RGB"), (x, 0))
            x += picture.width + GAP
        out = io.BytesIO()
        sheet.save(out, "PNG")
        return out.getvalue(), numbers
