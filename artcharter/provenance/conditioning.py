"""The artist's own material given to a generation: a starting image (image-to-image), a
mask (inpainting) or a ControlNet conditioning image (a scribble, edges, a pose...).

Each input is read once, checked like any image artcharter labels, hashed, and becomes an
``inputTo`` ingredient of every image made from it: its bytes go into the credentials
with it, so an input that carries its own Content Credentials keeps them (c2pa reads them
from the ingredient). The work is then a composite: the IPTC source type
``compositeWithTrainedAlgorithmicMedia``.

The pipeline is the loaded model's, seen through diffusers' ``from_pipe``: the same weights
in memory, no second load. A ControlNet is a model of its own, loaded from a local folder
with ``ControlNetModel.from_pretrained``.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.base.errors import BadInput, SetupError
from artcharter.base.hashing import sha256_hex
from artcharter.provenance import image_files
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import Ingredient
from artcharter.provenance.signing import IngredientInput

COMPOSITE = "compositeWithTrainedAlgorithmicMedia"
# diffusers' default strength for image-to-image: how much of the start is noised away.
DEFAULT_STRENGTH = 0.8
# ControlNet conditionings an artist names (``--control scribble:sketch.png``); the word
# says what the image is, the ControlNet model says how it is read.
CONTROL_KINDS = ("scribble", "canny", "depth", "pose", "lineart", "softedge", "seg", "normal")


@dataclass(frozen=True)
class Control:
    """``--control KIND:IMAGE`` with the ControlNet model that reads it."""

    kind: str
    image: Path
    model: Path


def parse_control(value: str) -> tuple[str, Path]:
    """``scribble:sketch.png`` -> ("scribble", Path("sketch.png"))."""
    kind, sep, path = value.partition(":")
    if not sep or not path or kind not in CONTROL_KINDS:
        raise BadInput(
            MESSAGES("conditioning.bad_control", value=value, choices=", ".join(CONTROL_KINDS))
        )
    return kind, Path(path)


@dataclass(frozen=True)
class Input:
    """One image the artist gave: its record, its bytes for the credentials, its pixels."""

    ingredient: Ingredient
    signing: IngredientInput
    image: Any  # PIL.Image.Image


@dataclass(frozen=True)
class Inputs:
    init: Input | None = None
    mask: Input | None = None
    control: Input | None = None
    strength: float | None = None
    control_kind: str | None = None
    controlnet: Any = None  # the loaded ControlNetModel
    controlnet_id: str | None = None
    controlnet_sha256: str | None = None

    @property
    def any(self) -> bool:
        return any((self.init, self.mask, self.control))

    @property
    def mode(self) -> str:
        """What the pipeline does: text-to-image, image-to-image, inpaint or controlnet."""
        if self.control is not None:
            return "controlnet"
        if self.mask is not None:
            return "inpaint"
        return "image-to-image" if self.init is not None else "text-to-image"

    @property
    def ingredients(self) -> list[Input]:
        return [i for i in (self.init, self.mask, self.control) if i is not None]


def check(
    init_image: Path | None,
    strength: float | None,
    mask: Path | None,
    control: Control | None,
) -> None:
    """Refuse impossible combinations before any model loads."""
    if strength is not None and not 0 < strength <= 1:
        raise BadInput(MESSAGES("conditioning.strength_range", value=strength, param="strength"))
    if strength is not None and init_image is None:
        raise BadInput(
            MESSAGES("conditioning.needs_init", param="strength", param_init="init_image")
        )
    if mask is not None and init_image is None:
        raise BadInput(MESSAGES("conditioning.needs_init", param="mask", param_init="init_image"))
    if control is not None and init_image is not None:
        raise BadInput(
            MESSAGES("conditioning.control_alone", param="control", param_init="init_image")
        )


def read_input(path: Path, role: str, size: tuple[int, int]) -> Input:
    """An input image, checked, hashed, and resized to the generation's size."""
    from PIL import Image

    data = image_files.read_file(path)
    checked = image_files.check_image(data, str(path))
    mime = image_files.MIME_TYPES[checked.format]
    name = os.fsencode(path.name).decode("utf-8", "backslashreplace")
    with Image.open(io.BytesIO(data)) as opened:
        mode = "L" if role == "mask" else "RGB"
        pixels = opened.convert(mode).resize(size, Image.Resampling.LANCZOS)
    ingredient = Ingredient(name, sha256_hex(data), mime, role, "inputTo")
    definition = {"title": name, "relationship": "inputTo", "description": role}
    return Input(ingredient, IngredientInput(definition, mime, data), pixels)


def read_inputs(
    *,
    init_image: Path | None,
    strength: float | None,
    mask: Path | None,
    control: Control | None,
    size: tuple[int, int],
    device: str,
    dtype: Any,
) -> Inputs:
    """Every input of a generation, read once for all its images."""
    check(init_image, strength, mask, control)
    init = read_input(init_image, "init-image", size) if init_image else None
    masked = read_input(mask, "mask", size) if mask else None
    if control is None:
        return Inputs(init, masked, strength=(strength or DEFAULT_STRENGTH) if init else None)
    conditioning = read_input(control.image, control.kind, size)
    controlnet, weights = load_controlnet(control.model, device, dtype)
    return Inputs(
        control=conditioning,
        control_kind=control.kind,
        controlnet=controlnet,
        controlnet_id=control.model.name,
        controlnet_sha256=weights,
    )


def load_controlnet(folder: Path, device: str, dtype: Any) -> tuple[Any, str | None]:
    """A ControlNet saved with diffusers' ``save_pretrained`` in a local folder, and the
    hash of its weights file (what the record names)."""
    from diffusers import ControlNetModel

    if not (folder / "config.json").is_file():
        raise SetupError(MESSAGES("conditioning.no_controlnet", folder=folder))
    try:
        model = ControlNetModel.from_pretrained(str(folder), local_files_only=True)
    except (OSError, ValueError, RuntimeError) as exc:
        raise SetupError(
            MESSAGES("conditioning.controlnet_unreadable", folder=folder, error=_line(exc))
        ) from None
    weights = sorted(folder.glob("*.safetensors")) or sorted(folder.glob("*.bin"))
    digest = _file_sha256(weights[0]) if weights else None
    return model.to(device=device, dtype=dtype), digest


def _file_sha256(path: Path) -> str:
    import hashlib

    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def pipeline_for(pipeline: Any, inputs: Inputs) -> Any:
    """The loaded pipeline, or its image-to-image, inpainting or ControlNet sibling made
    with ``from_pipe`` (the same modules, no second copy of the weights)."""
    from diffusers import (
        AutoPipelineForImage2Image,
        AutoPipelineForInpainting,
        AutoPipelineForText2Image,
    )

    try:
        if inputs.mode == "inpaint":
            return AutoPipelineForInpainting.from_pipe(pipeline)
        if inputs.mode == "image-to-image":
            return AutoPipelineForImage2Image.from_pipe(pipeline)
        if inputs.mode == "controlnet":
            return AutoPipelineForText2Image.from_pipe(pipeline, controlnet=inputs.controlnet)
    except (ValueError, TypeError, KeyError) as exc:
        raise BadInput(
            MESSAGES("conditioning.no_pipeline", mode=inputs.mode, error=_line(exc))
        ) from None
    return pipeline


def pipeline_kwargs(inputs: Inputs) -> dict[str, Any]:
    """What the inputs add to the pipeline call."""
    if inputs.mode == "controlnet":
        assert inputs.control is not None
        return {"image": inputs.control.image}
    kwargs: dict[str, Any] = {}
    if inputs.init is not None:
        kwargs["image"] = inputs.init.image
        kwargs["strength"] = inputs.strength
    if inputs.mask is not None:
        kwargs["mask_image"] = inputs.mask.image
    return kwargs
