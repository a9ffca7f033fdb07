"""The pictures a report inlines: the artwork (or a reduced copy) and a thumbnail, as
base64 data URIs, so the page works offline and travels as one file."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from artcharter.base.errors import BadInput
from artcharter.provenance import image_files

# Files up to this size are shown as they are (a signed PNG keeps its credentials inside
# the report); larger ones, or larger than DISPLAY_MAX_SIDE, get a reduced JPEG copy.
DISPLAY_MAX_BYTES = 3_000_000
DISPLAY_MAX_SIDE = 2048
THUMB_MAX_SIDE = 256
# A claim thumbnail (made by c2pa at signing, up to 1024 px) lighter than this is inlined
# as it is; a heavier one is scaled down.
CLAIM_THUMB_AS_IS_BYTES = 300_000


@dataclass(frozen=True)
class InlineImages:
    """The pictures a page inlines, as bytes: the renderer turns them into data URIs."""

    format: str
    width: int
    height: int
    image: bytes
    image_mime: str
    thumbnail: bytes
    thumbnail_mime: str
    reduced: bool
    thumbnail_source: str = "pixels"  # or "credentials": the claim thumbnail signed in them
    # The strip of denoising steps signed in as a process ingredient (``--show-steps``).
    steps: bytes | None = None
    steps_mime: str = "image/png"


def _jpeg(img: object, max_side: int, quality: int) -> bytes:
    from PIL import Image

    assert isinstance(img, Image.Image)
    # A box-filter reduction by a whole factor first (fast, no aliasing), then a bilinear
    # step for the rest: close to Lanczos for a page thumbnail at a fraction of the cost.
    factor = max(1, max(img.size) // max_side)
    copy = img.reduce(factor) if factor > 1 else img.copy()
    copy.thumbnail((max_side, max_side), Image.Resampling.BILINEAR)
    if copy.mode not in ("RGB", "L"):
        background = Image.new("RGB", copy.size, (255, 255, 255))
        rgba = copy.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        copy = background
    out = io.BytesIO()
    copy.save(out, "JPEG", quality=quality, optimize=True)
    return out.getvalue()


def _thumbnail_from_claim(claim: tuple[str, bytes]) -> bytes | None:
    """A thumbnail from the credentials' claim thumbnail, without touching the artwork's
    pixels (a heavy JPEG is decoded at 1/2, 1/4 or 1/8 scale: ``draft``)."""
    from PIL import Image

    mime, data = claim
    if mime not in ("image/jpeg", "image/png"):
        return None
    if mime == "image/jpeg" and len(data) <= CLAIM_THUMB_AS_IS_BYTES:
        return data  # already a JPEG of page-thumbnail weight: shown as signed
    try:
        with Image.open(io.BytesIO(data)) as img:
            img.draft("RGB", (THUMB_MAX_SIDE, THUMB_MAX_SIDE))
            img.load()
            return _jpeg(img, THUMB_MAX_SIDE, 80)
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError):
        return None


def inline_images(
    data: bytes, claim_thumbnail: tuple[str, bytes] | None = None
) -> InlineImages | None:
    """The display image and thumbnail of a file, or None when it is not a sane image.

    The thumbnail comes from the credentials' claim thumbnail when the file has one (the
    picture of the artwork as it was signed); otherwise it is made from the pixels. A file
    shown as it is needs no decoding at all: its header gives the size.
    """
    from PIL import Image

    fmt = image_files.detect_format(data)
    if fmt is None:
        return None
    try:
        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
            if width * height > image_files.MAX_PIXELS:
                return None
            reduced = len(data) > DISPLAY_MAX_BYTES or max(width, height) > DISPLAY_MAX_SIDE
            thumb = _thumbnail_from_claim(claim_thumbnail) if claim_thumbnail else None
            if reduced or thumb is None:
                img.load()
            if reduced:
                image, mime = _jpeg(img, DISPLAY_MAX_SIDE, 88), "image/jpeg"
            else:
                image, mime = data, image_files.MIME_TYPES[fmt]
            source = "credentials" if thumb is not None else "pixels"
            if thumb is None:
                thumb = _jpeg(img, THUMB_MAX_SIDE, 80)
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError, BadInput):
        return None
    return InlineImages(fmt, width, height, image, mime, thumb, "image/jpeg", reduced, source)


def media_images(
    source: Path | bytes, fmt: str, claim_thumbnail: tuple[str, bytes] | None = None
) -> InlineImages | None:
    """The picture of a video, sound or document: the one signed into its credentials when
    it has one (made at labelling: poster frame, waveform, first page or cover), else one
    made now from the file. Shown as it is: it is already page-sized."""
    from PIL import Image

    from artcharter.provenance.media_previews import preview

    picture, source_kind = None, "credentials"
    if claim_thumbnail is not None and claim_thumbnail[0] in ("image/png", "image/jpeg"):
        picture = claim_thumbnail[1]
    if picture is None:
        picture, source_kind = preview(source, fmt), "pixels"
    if picture is None:
        return None
    try:
        with Image.open(io.BytesIO(picture)) as img:
            width, height = img.size
            mime = "image/png" if img.format == "PNG" else "image/jpeg"
    except (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError):
        return None
    return InlineImages(fmt, width, height, picture, mime, picture, mime, False, source_kind)
