"""Small media the tests make themselves: video with PyAV, sound with the standard library
(WAV) or PyAV (MP3, FLAC, M4A), a PDF written object by object, an EPUB zipped by hand.

Used by tests/test_media.py and benchmarks/media_bench.py (which asks for a large video).
"""

from __future__ import annotations

import io
import math
import struct
import wave
import zipfile
from pathlib import Path

import numpy as np
from PIL import Image


def make_video(
    path: Path, *, seconds: float = 1.0, size: tuple[int, int] = (64, 48), fps: int = 10
) -> Path:
    """A video (MP4 or MOV by the suffix): a green bar moving over a changing background."""
    import av

    width, height = size
    fmt = "mov" if path.suffix.lower() == ".mov" else "mp4"
    with av.open(str(path), "w", format=fmt) as container:
        stream = container.add_stream("mpeg4", rate=fps)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for i in range(round(seconds * fps)):
            pixels = np.zeros((height, width, 3), np.uint8)
            pixels[:, :, 0] = (i * 25) % 256
            x = (i * 4) % max(1, width - 10)
            pixels[height // 4 : height // 2, x : x + 10, 1] = 255
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def make_noise_video(path: Path, *, megabytes: int, size: tuple[int, int] = (1280, 720)) -> Path:
    """A large MP4 for the media benchmark: noise frames at the best quality, which do not
    compress, so the file grows by about a megabyte a frame."""
    import av

    width, height = size
    rng = np.random.default_rng(0)
    noise = [rng.integers(0, 256, (height, width, 3), dtype=np.uint8) for _ in range(8)]
    with av.open(str(path), "w", format="mp4") as container:
        stream = container.add_stream("mpeg4", rate=25, options={"qscale": "1"})
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.codec_context.qmin = stream.codec_context.qmax = 1
        i = 0
        while True:
            frame = av.VideoFrame.from_ndarray(noise[i % len(noise)], format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
            i += 1
            if i % 25 == 0 and path.stat().st_size >= megabytes * 1_000_000:
                break
        for packet in stream.encode():
            container.mux(packet)
    return path


def make_wav(path: Path, *, seconds: float = 1.0, rate: int = 8000) -> Path:
    """A mono 16-bit WAV: a 440 Hz tone that swells and fades (the waveform shows it)."""
    count = round(seconds * rate)
    samples = (
        int(20000 * math.sin(math.pi * i / count) * math.sin(2 * math.pi * 440 * i / rate))
        for i in range(count)
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(b"".join(struct.pack("<h", s) for s in samples))
    return path


_AUDIO = {".mp3": ("mp3", "libmp3lame"), ".flac": ("flac", "flac"), ".m4a": ("ipod", "aac")}


def make_audio(path: Path, *, seconds: float = 1.0, rate: int = 44100) -> Path:
    """An MP3, FLAC or M4A (by the suffix) encoded with PyAV: the same swelling tone."""
    import av

    container_format, codec = _AUDIO[path.suffix.lower()]
    t = np.arange(round(seconds * rate)) / rate
    tone = (0.5 * np.sin(np.pi * t / seconds) * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    with av.open(str(path), "w", format=container_format) as container:
        stream = container.add_stream(codec, rate=rate, layout="mono")
        sample_format = stream.codec_context.format.name
        size = stream.codec_context.frame_size or 1152
        for start in range(0, len(tone), size):
            chunk = tone[start : start + size]
            if sample_format.startswith("s16"):
                data = (chunk * 32767).astype(np.int16)
            elif sample_format.startswith("s32"):
                data = (chunk * 2_147_483_647).astype(np.int32)
            else:
                data = chunk
            frame = av.AudioFrame.from_ndarray(
                data.reshape(1, -1), format=sample_format, layout="mono"
            )
            frame.sample_rate, frame.pts = rate, start
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def make_pdf(path: Path, text: str = "Chapitre premier") -> Path:
    """A one-page PDF with a line of text, its cross-reference table computed by hand."""
    content = f"BT /F1 24 Tf 72 700 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    path.write_bytes(out.getvalue())
    return path


def make_epub(path: Path, *, title: str = "Le roman", cover: bool = True) -> Path:
    """An EPUB 3 with one chapter and, if asked, a cover image; members stored uncompressed
    (the tests change a byte of the chapter to tamper with it)."""
    picture = io.BytesIO()
    Image.new("RGB", (120, 180), (160, 40, 40)).save(picture, "PNG")
    cover_item = (
        '<item id="cover" href="cover.png" media-type="image/png" properties="cover-image"/>'
        if cover
        else ""
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as book:
        book.writestr("mimetype", "application/epub+zip")
        book.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" '
            'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
            '<rootfile full-path="OEBPS/content.opf" '
            'media-type="application/oebps-package+xml"/></rootfiles></container>',
        )
        book.writestr(
            "OEBPS/content.opf",
            '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"'
            ' unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:identifier id="id">urn:x</dc:identifier><dc:title>{title}</dc:title>'
            "<dc:language>fr</dc:language></metadata><manifest>"
            '<item id="c1" href="chapter.xhtml" media-type="application/xhtml+xml"/>'
            f'{cover_item}</manifest><spine><itemref idref="c1"/></spine></package>',
        )
        book.writestr(
            "OEBPS/chapter.xhtml",
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>1</title></head>'
            "<body><p>Il était une fois un roman écrit à deux voix.</p></body></html>",
        )
        if cover:
            book.writestr("OEBPS/cover.png", picture.getvalue())
    return path


def make_work(path: Path) -> Path:
    """A small work of the format its suffix names."""
    suffix = path.suffix.lower()
    if suffix in (".mp4", ".mov"):
        return make_video(path)
    if suffix == ".wav":
        return make_wav(path)
    if suffix in _AUDIO:
        return make_audio(path)
    if suffix == ".pdf":
        return make_pdf(path)
    return make_epub(path)
