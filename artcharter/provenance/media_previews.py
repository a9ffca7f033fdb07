"""What a video, a sound or a document looks like on a page: a poster frame, a waveform, a
first page or a cover, and its duration or page count.

Decoders: PyAV (FFmpeg's libraries in the wheel, no system package) for video and sound;
pypdfium2 for PDF (PDFium, the PDF engine of Chromium, in a wheel under a permissive
licence: PyMuPDF is AGPL, pdf2image needs poppler installed on the system); the standard
library's zipfile for EPUB, whose cover is an image declared in its package file.

The picture is made once when a work is labelled and signed into its credentials as the
claim thumbnail, so a report shows the picture the signer vouched for. Files are decoded
as streams: a sound's waveform is an envelope of peaks, not its samples.
"""

from __future__ import annotations

import io
import threading
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

from PIL import Image, ImageDraw, ImageFont

from artcharter.base.errors import BadInput
from artcharter.provenance.media_files import DOCUMENT, FORMATS, SOUND, VIDEO, MediaInfo
from artcharter.provenance.messages import MESSAGES

PREVIEW_MAX_SIDE = 640
WAVEFORM_SIZE = (800, 160)
# The poster frame: a tenth into the work, at most this far (titles and fades come first).
POSTER_MAX_S = 5.0
# The waveform is computed on a mono 8 kHz copy: plenty for 800 columns of peaks.
ENVELOPE_RATE = 8000
ENVELOPE_PER_SECOND = 100
# An EPUB's package files are small; a cover is an image. Anything larger is refused
# before it is decompressed (a zip bomb is small on disk).
EPUB_MAX_XML = 2_000_000
EPUB_MAX_COVER = 30_000_000
# PDFium is not thread-safe: the desk verifies on several threads.
_PDFIUM = threading.Lock()

Source = Path | bytes


def info(source: Source, fmt: str, name: str) -> MediaInfo:
    """Kind, duration, size or page count; a file that does not decode is a one-line BadInput."""
    kind = FORMATS[fmt].kind
    try:
        if kind in (VIDEO, SOUND):
            return _av_info(source, fmt, kind)
        if fmt == "pdf":
            return _pdf_info(source)
        return _epub_info(source)
    except BadInput:
        raise
    except Exception as exc:  # each decoder has its own errors; all mean the same here
        raise BadInput(
            MESSAGES("media.damaged", name=name, fmt=fmt.upper(), error=_line(exc))
        ) from None


def preview(source: Source, fmt: str) -> bytes | None:
    """A picture of the work (poster frame, waveform, first page or cover), or None: a
    JPEG for what is photographic, a PNG for the waveform's flat colours."""
    kind = FORMATS[fmt].kind
    try:
        if kind == VIDEO:
            image = _poster(source)
        elif kind == SOUND:
            image = _waveform(source)
        elif fmt == "pdf":
            image = _pdf_page(source)
        else:
            image = _epub_cover(source)
    except Exception:  # a picture that cannot be made is left out, never a failure
        return None
    if image is None:
        return None
    image.thumbnail((PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE))
    out = io.BytesIO()
    if kind == SOUND:
        image.convert("RGB").save(out, "PNG")
    else:
        image.convert("RGB").save(out, "JPEG", quality=85)
    return out.getvalue()


def _line(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:200] or type(exc).__name__


def _open_av(source: Source) -> Any:
    import av

    return av.open(str(source) if isinstance(source, Path) else io.BytesIO(source), "r")


def _av_info(source: Source, fmt: str, kind: str) -> MediaInfo:
    with _open_av(source) as container:
        duration = container.duration / 1_000_000 if container.duration else None
        if kind == VIDEO:
            if not container.streams.video:
                raise ValueError("no video stream")
            stream = container.streams.video[0]
            if duration is None and stream.duration and stream.time_base:
                duration = float(stream.duration * stream.time_base)
            return MediaInfo(
                kind, fmt, _round(duration), stream.codec_context.width, stream.codec_context.height
            )
        if not container.streams.audio:
            raise ValueError("no audio stream")
        audio = container.streams.audio[0]
        if duration is None and audio.duration and audio.time_base:
            duration = float(audio.duration * audio.time_base)
        return MediaInfo(
            kind,
            fmt,
            _round(duration),
            sample_rate=audio.codec_context.sample_rate,
            channels=audio.codec_context.channels,
        )


def _round(seconds: float | None) -> float | None:
    return round(seconds, 3) if seconds is not None else None


def _poster(source: Source) -> Image.Image | None:
    with _open_av(source) as container:
        stream = container.streams.video[0]
        duration = container.duration / 1_000_000 if container.duration else 0.0
        target = min(duration / 10, POSTER_MAX_S)
        if target > 0 and stream.time_base:
            container.seek(int(target / stream.time_base), stream=stream)
        first = None
        for frame in container.decode(stream):
            first = first or frame
            if frame.time is None or frame.time >= target:
                return frame.to_image()
        return first.to_image() if first is not None else None


def _waveform(source: Source) -> Image.Image | None:
    import av
    import numpy as np

    per_column = ENVELOPE_RATE // ENVELOPE_PER_SECOND
    highs: list[Any] = []
    lows: list[Any] = []
    carry = np.zeros(0, dtype=np.float32)
    with _open_av(source) as container:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=ENVELOPE_RATE)
        for frame in container.decode(audio=0):
            for mono in resampler.resample(frame):
                samples = np.concatenate([carry, mono.to_ndarray().reshape(-1)])
                whole = len(samples) // per_column * per_column
                blocks = samples[:whole].reshape(-1, per_column)
                highs.append(blocks.max(axis=1))
                lows.append(blocks.min(axis=1))
                carry = samples[whole:]
    if not highs:
        return None
    high, low = np.concatenate(highs), np.concatenate(lows)
    if not len(high):
        return None
    width, height = WAVEFORM_SIZE
    # Group the envelope into the picture's columns: the loudest peak of each.
    edges = np.linspace(0, len(high), min(width, len(high)) + 1).astype(int)[:-1]
    high, low = np.maximum.reduceat(high, edges), np.minimum.reduceat(low, edges)
    scale = max(float(np.abs(np.concatenate([high, low])).max()), 1e-6)
    image = Image.new("RGB", (width, height), (250, 249, 246))
    draw = ImageDraw.Draw(image)
    middle = height / 2
    draw.line([(0, middle), (width, middle)], fill=(200, 200, 200))
    step = width / len(high)
    for i, (top, bottom) in enumerate(zip(high, low, strict=True)):
        x = i * step
        y0 = middle - float(top) / scale * (middle - 4)
        y1 = middle - float(bottom) / scale * (middle - 4)
        # Each column reaches the next one: no seams between them.
        draw.rectangle([x, min(y0, y1), x + max(step, 1), max(y0, y1)], fill=(40, 60, 110))
    return image


def _pdf_document(source: Source) -> Any:
    import pypdfium2 as pdfium

    return pdfium.PdfDocument(str(source) if isinstance(source, Path) else source)


def _pdf_info(source: Source) -> MediaInfo:
    with _PDFIUM:
        pdf = _pdf_document(source)
        try:
            pages = len(pdf)
            width, height = pdf[0].get_size() if pages else (None, None)
        finally:
            pdf.close()
    # Points (1/72 inch), as PDF measures a page.
    return MediaInfo(
        DOCUMENT,
        "pdf",
        width=round(width) if width else None,
        height=round(height) if height else None,
        pages=pages,
    )


def _pdf_page(source: Source) -> Image.Image | None:
    with _PDFIUM:
        pdf = _pdf_document(source)
        try:
            if not len(pdf):
                return None
            page = pdf[0]
            width, height = page.get_size()
            scale = min(2.0, PREVIEW_MAX_SIDE / max(width, height, 1))
            return page.render(scale=scale).to_pil()
        finally:
            pdf.close()


# --- EPUB ----------------------------------------------------------------------------------

_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"


def _zip(source: Source) -> zipfile.ZipFile:
    return zipfile.ZipFile(source if isinstance(source, Path) else io.BytesIO(source))


def _read_member(book: zipfile.ZipFile, name: str, limit: int) -> bytes:
    member = book.getinfo(name)
    if member.file_size > limit:
        raise ValueError(f"{name} is larger than {limit} bytes")
    return book.read(member)


def _package(book: zipfile.ZipFile) -> tuple[str, ElementTree.Element]:
    """The package file's path and its parsed XML (the book's metadata and manifest)."""
    container = ElementTree.fromstring(_read_member(book, "META-INF/container.xml", EPUB_MAX_XML))
    rootfile = container.find(f"{_CONTAINER}rootfiles/{_CONTAINER}rootfile")
    if rootfile is None or not rootfile.get("full-path"):
        raise ValueError("no package file named in META-INF/container.xml")
    path = str(rootfile.get("full-path"))
    return path, ElementTree.fromstring(_read_member(book, path, EPUB_MAX_XML))


def _epub_info(source: Source) -> MediaInfo:
    with _zip(source) as book:
        _, package = _package(book)
        spine = package.find(f"{_OPF}spine")
        chapters = len(spine) if spine is not None else None
    return MediaInfo(DOCUMENT, "epub", pages=chapters)


def _epub_cover(source: Source) -> Image.Image | None:
    with _zip(source) as book:
        path, package = _package(book)
        items = package.findall(f"{_OPF}manifest/{_OPF}item")
        cover = next((i for i in items if "cover-image" in (i.get("properties") or "")), None)
        if cover is None:  # EPUB 2: <meta name="cover" content="item id"/>
            meta = package.find(f"{_OPF}metadata/{_OPF}meta[@name='cover']")
            wanted = meta.get("content") if meta is not None else None
            cover = next((i for i in items if wanted and i.get("id") == wanted), None)
        if cover is not None and cover.get("href"):
            member = str(PurePosixPath(path).parent / str(cover.get("href"))).lstrip("./")
            data = _read_member(book, member, EPUB_MAX_COVER)
            with Image.open(io.BytesIO(data)) as image:
                image.draft("RGB", (PREVIEW_MAX_SIDE, PREVIEW_MAX_SIDE))
                return image.convert("RGB")
        title = package.findtext(f"{_OPF}metadata/{_DC}title") or ""
    return _title_page(title.strip())


def _title_page(title: str) -> Image.Image:
    """A book without a cover image: its title on a plain page, as a library shows it."""
    image = Image.new("RGB", (300, 420), (246, 242, 232))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=22)
    words, lines, line = title.split(), [], ""
    for word in words:
        if line and draw.textlength(f"{line} {word}", font=font) > 250:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    y = 140
    for text in lines[:8]:
        x = (300 - draw.textlength(text, font=font)) / 2
        draw.text((x, y), text, fill=(40, 40, 40), font=font)
        y += 30
    draw.rectangle([12, 12, 287, 407], outline=(120, 110, 90), width=2)
    return image
