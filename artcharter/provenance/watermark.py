"""The optional invisible watermark (``label --watermark``): the artwork id, hidden in the
pixels, read back from a stripped copy to find the signed original.

Made with ``invisible-watermark``'s DWT-DCT method, the one Stable Diffusion XL uses: it
needs no model download. It is **not** on the C2PA soft-binding algorithm list, so it is
recorded in the ledger only, never as a ``c2pa.soft-binding`` assertion (the ISCC
fingerprint is the registered binding). Adobe TrustMark is on that list; its loading code
is below for users who have its weights on disk (it downloads them at first use, which
artcharter never lets it do).

Payload: 64 bits, the first 48 bits of the artwork id and a CRC-16 of them, so that an
unmarked image (whose decoded bits are noise) is told apart from a marked one with a
false-positive rate near 1 in 65,536.
"""

from __future__ import annotations

import binascii
import io
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from artcharter.base.errors import BadInput, SetupError
from artcharter.provenance.messages import MESSAGES

METHOD = "dwtDctSvd"
ALG = "invisible-watermark.dwtDctSvd"  # how the ledger names it (not a C2PA algorithm name)
ID_BYTES = 6
MIN_PIXELS = 256 * 256  # the library refuses smaller images


def available() -> bool:
    import importlib.util

    return importlib.util.find_spec("imwatermark") is not None


def _library() -> Any:
    try:
        import imwatermark
    except ImportError:
        raise SetupError(MESSAGES("watermark.not_installed")) from None
    return imwatermark


def payload(artwork_id: str) -> bytes:
    head = bytes.fromhex(artwork_id.replace("-", "")[: ID_BYTES * 2])
    return head + binascii.crc_hqx(head, 0xFFFF).to_bytes(2, "big")


def embed(data: bytes, artwork_id: str) -> bytes:
    """``data``'s picture with the artwork id hidden in it, saved in the same format
    (PNG and WebP losslessly, JPEG at quality 95)."""
    library = _library()
    with Image.open(io.BytesIO(data)) as image:
        fmt = image.format
        if image.width * image.height < MIN_PIXELS:
            raise BadInput(MESSAGES("watermark.too_small", width=image.width, height=image.height))
        rgb = image.convert("RGB")
        alpha = image.getchannel("A") if image.mode in ("RGBA", "LA") else None
    encoder = library.WatermarkEncoder()
    encoder.set_watermark("bytes", payload(artwork_id))
    bgr = np.asarray(rgb)[:, :, ::-1].copy()
    marked = Image.fromarray(encoder.encode(bgr, METHOD)[:, :, ::-1].copy())
    if alpha is not None:
        marked.putalpha(alpha)
    out = io.BytesIO()
    if fmt == "JPEG":
        marked.save(out, "JPEG", quality=95)
    elif fmt == "WEBP":
        marked.save(out, "WEBP", lossless=True)
    else:
        marked.save(out, "PNG")
    return out.getvalue()


def read(data: bytes) -> str | None:
    """The artwork id prefix (12 hex digits) hidden in the picture, or None when there is
    none (or the library is not installed, or the picture is too small to carry one)."""
    if not available():
        return None
    library = _library()
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height < MIN_PIXELS:
                return None
            bgr = np.asarray(image.convert("RGB"))[:, :, ::-1].copy()
    except (OSError, ValueError, Image.DecompressionBombError):
        return None
    decoder = library.WatermarkDecoder("bytes", (ID_BYTES + 2) * 8)
    found = bytes(decoder.decode(bgr, METHOD))
    head, check = found[:ID_BYTES], found[ID_BYTES:]
    if binascii.crc_hqx(head, 0xFFFF).to_bytes(2, "big") != check:
        return None
    return head.hex()


def load_trustmark(model_type: str = "P") -> Any:
    """Adobe TrustMark (C2PA soft-binding algorithm ``com.adobe.trustmark.<type>``), for
    users who installed the ``trustmark`` package and its weights. Never downloads: the
    weights must already lie in the package's ``models`` folder."""
    try:
        import trustmark
    except ImportError:
        raise SetupError(MESSAGES("watermark.trustmark_missing")) from None
    models = Path(trustmark.__file__).parent / "models"
    if not models.is_dir() or not any(models.iterdir()):
        raise SetupError(MESSAGES("watermark.trustmark_no_weights", folder=models))
    return trustmark.TrustMark(verbose=False, model_type=model_type)
