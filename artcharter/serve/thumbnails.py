"""Small previews of dropped images for the desk's table.

A thumbnail is a new, re-encoded image: it carries no credentials and no metadata from the
dropped file, and whatever the file hid after its image data is not served back.
"""

from __future__ import annotations

import io
import warnings

from PIL import Image

from artcharter.provenance.image_files import MAX_PIXELS

THUMB_PX = 160


def thumbnail(data: bytes, size: int = THUMB_PX) -> tuple[bytes, str] | None:
    """(bytes, MIME type) of a preview at most ``size`` pixels wide and high, or None when
    the image cannot be decoded (the table then shows no preview, the verdict says why)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                # The pixel limit is read from the header, before any pixel is decoded.
                if img.width * img.height > MAX_PIXELS:
                    return None
                img.draft("RGB", (size * 2, size * 2))  # JPEG: decode at a reduced scale
                img.thumbnail((size, size))
                has_alpha = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
                out = io.BytesIO()
                if has_alpha:
                    img.convert("RGBA").save(out, "PNG", optimize=False)
                    return out.getvalue(), "image/png"
                img.convert("RGB").save(out, "JPEG", quality=82)
                return out.getvalue(), "image/jpeg"
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, EOFError):
        return None
