"""The soft binding: an ISCC image fingerprint recorded in the manifest, to find the signed
original again when a platform, a phone or a screenshot has stripped the credentials.

ISCC (ISO 24138) ``io.iscc.v0`` is a fingerprint on the C2PA soft-binding algorithm list:
a 64-bit Content-Code Image computed from a 32×32 grey thumbnail (``iscc-core``). Similar
pictures give codes a small Hamming distance apart. The assertion's value follows the ISCC
draft for C2PA (IEP-0020): the base64 of the ISCC unit (header and body); the ledger keeps
the readable ``ISCC:...`` form and the 64 bits as an integer to search.

A fingerprint finds a *probable* original; it proves nothing. What it finds is shown apart
from any verification, with its distance.
"""

from __future__ import annotations

import base64
import io
from typing import Any

from PIL import Image, ImageChops, ImageOps

from artcharter.base.errors import BadInput
from artcharter.provenance.messages import MESSAGES

LABEL = "c2pa.soft-binding"
ALG = "io.iscc.v0"
BITS = 64
# Largest Hamming distance (of 64 bits) still reported as a probable match. Measured
# (benchmarks/recovery_bench.py): re-encodes, resizes and a 5 % colour shift of the same
# image stay within it, and none of 1,000 unrelated images came within it.
MATCH_DISTANCE = 8


def normalise(image: Image.Image) -> list[int]:
    """ISCC's image normalisation (as ``iscc-sdk`` does it): upright by EXIF orientation,
    transparency on white, uniform borders trimmed, grey, 32×32 bicubic."""
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    grey = image.convert("L")
    grey = _trim_border(grey)
    return list(grey.resize((32, 32), Image.Resampling.BICUBIC).tobytes())


def _trim_border(grey: Image.Image) -> Image.Image:
    """Cut a uniform frame (the colour of the top-left pixel): screenshots and platforms
    add one."""
    background = Image.new("L", grey.size, grey.getpixel((0, 0)))
    box = ImageChops.difference(grey, background).getbbox()
    if box and (box[2] - box[0]) * (box[3] - box[1]) >= grey.size[0] * grey.size[1] // 4:
        return grey.crop(box)
    return grey


def fingerprint_image(image: Image.Image) -> str:
    """The ISCC Content-Code Image of a picture, as ``ISCC:...``."""
    import iscc_core

    return str(iscc_core.gen_image_code_v0(normalise(image), bits=BITS)["iscc"])


def fingerprint(data: bytes) -> str:
    """The fingerprint of an image file's pixels (its metadata play no part)."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return fingerprint_image(image)
    except (OSError, ValueError, Image.DecompressionBombError) as exc:
        raise BadInput(MESSAGES("softbinding.unreadable", error=str(exc))) from None


def _unit(code: str) -> bytes:
    import iscc_core

    return bytes(iscc_core.decode_base32(code.removeprefix("ISCC:")))


def as_int(code: str) -> int:
    """The 64 fingerprint bits as a signed 64-bit integer (what SQLite stores)."""
    value = int.from_bytes(_unit(code)[-BITS // 8 :], "big")
    return value - (1 << 64) if value >= 1 << 63 else value


def distance(a: int, b: int) -> int:
    return ((a ^ b) & ((1 << 64) - 1)).bit_count()


def binding_value(code: str) -> str:
    """The value put in the assertion: base64 of the ISCC unit (IEP-0020)."""
    return base64.b64encode(_unit(code)).decode("ascii")


def code_from_value(value: str) -> str:
    """``ISCC:...`` back from an assertion's (or a lookup's) base64 value."""
    import iscc_core

    try:
        unit = base64.b64decode(value, validate=True)
        code = "ISCC:" + iscc_core.encode_base32(unit)
        iscc_core.iscc_decode(code)
    except (ValueError, TypeError) as exc:
        raise BadInput(
            MESSAGES("softbinding.bad_value", value=value[:40], error=str(exc))
        ) from None
    if len(unit) != 2 + BITS // 8:
        raise BadInput(MESSAGES("softbinding.bad_value", value=value[:40], error="length"))
    return code


def assertion(code: str) -> dict[str, Any]:
    """The ``c2pa.soft-binding`` assertion for the whole image (an empty scope)."""
    return {
        "label": LABEL,
        "data": {"alg": ALG, "blocks": [{"scope": {}, "value": binding_value(code)}]},
    }


def add_to(manifest: dict[str, Any], data: bytes) -> str | None:
    """Add the soft binding of ``data``'s picture to ``manifest``; return its ISCC, or None
    for a file that is not a still picture Pillow reads (sound, video, documents)."""
    try:
        code = fingerprint(data)
    except BadInput:
        return None
    return add_code(manifest, code)


def add_code(manifest: dict[str, Any], code: str) -> str:
    """Add the soft binding of an ISCC already computed from the pixels (``fingerprint_image``
    where they were made: the PNG need not be decoded again)."""
    manifest.setdefault("assertions", []).append(assertion(code))
    return code


def from_manifest(manifest: dict[str, Any]) -> str | None:
    """The ISCC a manifest's soft binding records, if any."""
    for item in manifest.get("assertions") or []:
        data = item.get("data") if isinstance(item, dict) else None
        if item.get("label") != LABEL or not isinstance(data, dict) or data.get("alg") != ALG:
            continue
        for block in data.get("blocks") or []:
            value = block.get("value") if isinstance(block, dict) else None
            if isinstance(value, str):
                try:
                    return code_from_value(value)
                except BadInput:
                    return None
    return None
