"""Image containers at the byte level: format detection, and metadata written before signing.

Anything written after signing breaks the C2PA hash, so the IPTC XMP packet and the
AUTOMATIC1111 ``parameters`` PNG chunk are inserted here, into the bytes that are then
signed. Inserting at the byte level keeps the pixels exactly as they were: a JPEG is never
re-encoded just to carry metadata.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import stat
import struct
import warnings
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import BinaryIO

from PIL import Image

from artcharter.base.errors import BadInput
from artcharter.provenance.messages import MESSAGES

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
XMP_JPEG_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
XMP_PNG_KEYWORD = b"XML:com.adobe.xmp"
TEXT_CHUNKS = (b"tEXt", b"zTXt", b"iTXt")
MAX_PNG_TEXT = 1_000_000  # bytes of one text chunk read, once decompressed
MIME_TYPES = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp"})
# Pillow's decompression-bomb guard, made explicit: 64 megapixels is far above any artwork
# this tool labels and far below what exhausts memory.
MAX_PIXELS = 64_000_000
Image.MAX_IMAGE_PIXELS = MAX_PIXELS
# check_image refuses anything over the limit with a one-line message; Pillow's own warning
# (between 1x and 2x the limit) would only add a multi-line note on stderr.
warnings.filterwarnings("ignore", category=Image.DecompressionBombWarning)


def detect_format(data: bytes) -> str | None:
    """'png', 'jpeg', 'webp' from the first bytes, or None: extensions are not trusted."""
    if data.startswith(PNG_MAGIC):
        return "png"
    if data.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return None


def is_image_name(path: Path) -> bool:
    """An image by its name, as folders are searched: hidden files (macOS ``._x.png``
    resource forks, our own ``.x.partial``) are never artworks."""
    return path.suffix.lower() in IMAGE_SUFFIXES and not path.name.startswith(".")


def images_under(folder: Path) -> list[Path]:
    """The works anywhere under a folder (images, and the videos, sounds and documents of
    ``media_files``), sorted, by name only: content is checked later."""
    from artcharter.provenance.media_files import is_media_name

    return sorted(
        p for p in folder.rglob("*") if (is_image_name(p) or is_media_name(p)) and p.is_file()
    )


def image_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders become the works they contain, sorted."""
    found: list[Path] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            images = images_under(path)
            if not images:
                raise BadInput(MESSAGES("image_files.empty_folder", path=path))
            found += images
        elif not path.exists():
            raise BadInput(MESSAGES("image_files.no_such_path", path=path))
        else:
            found.append(path)
    return found


@dataclass(frozen=True)
class ImageCheck:
    format: str
    width: int
    height: int


def check_image(data: bytes, name: str) -> ImageCheck:
    """Decode the image fully; raise a one-line BadInput if it is not a whole, sane image."""
    fmt = detect_format(data)
    if fmt is None:
        raise BadInput(MESSAGES("image_files.not_an_image", name=name))
    try:
        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise BadInput(
                    MESSAGES(
                        "image_files.over_pixel_limit",
                        name=name,
                        width=width,
                        height=height,
                        max_pixels=MAX_PIXELS,
                    )
                )
            img.load()
    except BadInput:
        raise
    except Image.DecompressionBombError:
        raise BadInput(MESSAGES("image_files.bomb", name=name, max_pixels=MAX_PIXELS)) from None
    except (OSError, SyntaxError, ValueError, struct.error, EOFError) as exc:
        raise BadInput(
            MESSAGES("image_files.damaged", name=name, fmt=fmt.upper(), error=str(exc))
        ) from None
    return ImageCheck(fmt, width, height)


class NotRegularFile(OSError):
    """A device, FIFO or socket named as a file: /dev/zero never ends, a FIFO blocks."""


def open_regular(path: Path) -> BinaryIO:
    """A regular file, open for reading; anything else is refused before a byte is read.

    Opened without blocking (a FIFO with no writer would hang ``open``), then checked on
    the open descriptor, so that the file cannot be swapped between the check and the reads.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    # Unbuffered: a whole file is read in one call, never through (and joined to) a buffer.
    handle = os.fdopen(fd, "rb", buffering=0)
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if not stat.S_ISREG(mode):
            raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))
        os.set_blocking(fd, True)
    except BaseException:
        handle.close()
        raise
    return handle


def read_regular(path: Path) -> bytes:
    """The bytes of a regular file; anything else is refused before a byte is read."""
    with open_regular(path) as handle:
        return handle.read()


def ensure_regular(path: Path) -> None:
    """Raise NotRegularFile (or IsADirectoryError) unless ``path`` is a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
    finally:
        os.close(fd)
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(mode):
        raise NotRegularFile(errno.EINVAL, "not a regular file", str(path))


@contextlib.contextmanager
def named_by_user(path: Path) -> Iterator[None]:
    """OS errors on a file the user named, turned into a one-line BadInput a person can
    act on (the one mapping for every reader of such files)."""
    try:
        yield
    except NotRegularFile:
        raise BadInput(MESSAGES("image_files.not_regular", path=path)) from None
    except FileNotFoundError:
        raise BadInput(MESSAGES("image_files.no_such_file", path=path)) from None
    except IsADirectoryError:
        raise BadInput(MESSAGES("image_files.is_folder", path=path)) from None
    except OSError as exc:
        raise BadInput(MESSAGES("images.cannot_read", path=path, reason=exc.strerror)) from None


def read_file(path: Path) -> bytes:
    """A file the user named, or a one-line BadInput a person can act on."""
    with named_by_user(path):
        return read_regular(path)


# --- XMP ---------------------------------------------------------------------------------


def xmp_packet(fields: dict[str, str | None]) -> bytes:
    """An XMP packet with IPTC and Dublin Core properties.

    Keys are qualified names among ``Iptc4xmpExt:*``, ``dc:title``, ``dc:creator``,
    ``xmp:CreatorTool``, ``xmpMM:InstanceID``; empty values are left out. Values are escaped: a prompt is text.
    """
    simple, alt, seq = [], [], []
    for key, value in fields.items():
        if not value:
            continue
        text = escape(value, quote=False)
        if key == "dc:title" or key == "dc:description":
            alt.append(
                f'<{key}><rdf:Alt><rdf:li xml:lang="x-default">{text}</rdf:li></rdf:Alt></{key}>'
            )
        elif key == "dc:creator":
            seq.append(f"<{key}><rdf:Seq><rdf:li>{text}</rdf:li></rdf:Seq></{key}>")
        elif key == "Iptc4xmpExt:DigitalSourceType":
            simple.append(f'<{key} rdf:resource="{escape(value)}"/>')
        else:
            simple.append(f"<{key}>{text}</{key}>")
    body = "\n   ".join(simple + alt + seq)
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">\n'
        ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
        '  <rdf:Description rdf:about=""\n'
        '    xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"\n'
        '    xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"\n'
        '    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/">\n'
        f"   {body}\n"
        "  </rdf:Description>\n"
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    try:
        return packet.encode("utf-8")
    except UnicodeEncodeError:
        # Text typed in a terminal that is not UTF-8 arrives with undecodable bytes.
        key = next(k for k, v in fields.items() if v and not _is_utf8(v))
        raise BadInput(MESSAGES("image_files.not_utf8", field=_FIELD_WORDS.get(key, key))) from None


_FIELD_WORDS = {
    "dc:title": "title",
    "dc:creator": "artist name",
    "Iptc4xmpExt:AIPromptInformation": "prompt",
    "Iptc4xmpExt:AIPromptWriterName": "artist name",
    "Iptc4xmpExt:AISystemUsed": "tool or model name",
}


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def embed_metadata(data: bytes, xmp: bytes, png_text: dict[str, str] | None = None) -> bytes:
    """Return a copy of the image bytes carrying ``xmp`` (replacing any earlier XMP packet)
    and, for PNG, the given text chunks (replacing chunks with the same keyword)."""
    fmt = detect_format(data)
    if fmt == "png":
        return _png_embed(data, xmp, png_text or {})
    if fmt == "jpeg":
        return _jpeg_embed(data, xmp)
    if fmt == "webp":
        return _webp_embed(data, xmp)
    raise BadInput(MESSAGES("image_files.unknown_format"))


def _png_chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


def _png_text_chunk(keyword: str, text: str) -> bytes:
    try:
        return _png_chunk(b"tEXt", keyword.encode("latin-1") + b"\x00" + text.encode("latin-1"))
    except UnicodeEncodeError:
        # iTXt: keyword, no compression, empty language tag and translated keyword, UTF-8 text.
        payload = keyword.encode("latin-1") + b"\x00\x00\x00\x00\x00" + text.encode("utf-8")
        return _png_chunk(b"iTXt", payload)


def _png_chunks(data: bytes) -> list[tuple[bytes, memoryview, memoryview]]:
    """(type, payload, raw bytes) for each chunk; raises BadInput on a broken layout.

    Payload and raw bytes are views into ``data``: a 20 MB chunk is not copied (twice) to
    look for a few text chunks, which matters when a desk verifies uploads side by side."""
    view = memoryview(data)
    chunks, pos = [], len(PNG_MAGIC)
    while pos < len(data):
        if pos + 8 > len(data):
            raise BadInput(MESSAGES("image_files.truncated_chunk"))
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = bytes(view[pos + 4 : pos + 8])
        end = pos + 12 + length
        if end > len(data):
            raise BadInput(MESSAGES("image_files.truncated_chunk"))
        chunks.append((kind, view[pos + 8 : pos + 8 + length], view[pos:end]))
        pos = end
        if kind == b"IEND":
            break
    return chunks


def _png_keyword(kind: bytes, payload: memoryview) -> bytes | None:
    if kind in TEXT_CHUNKS:
        return bytes(payload).split(b"\x00", 1)[0]
    return None


def _png_embed(data: bytes, xmp: bytes, texts: dict[str, str]) -> bytes:
    replaced = {XMP_PNG_KEYWORD} | {k.encode("latin-1") for k in texts}
    new_chunks = [_png_chunk(b"iTXt", XMP_PNG_KEYWORD + b"\x00\x00\x00\x00\x00" + xmp)]
    new_chunks += [_png_text_chunk(k, v) for k, v in texts.items()]
    out = [PNG_MAGIC]
    for kind, payload, raw in _png_chunks(data):
        if _png_keyword(kind, payload) in replaced:
            continue
        out.append(raw)
        if kind == b"IHDR":
            out.extend(new_chunks)
    return b"".join(out)


def _jpeg_embed(data: bytes, xmp: bytes) -> bytes:
    segment_payload = XMP_JPEG_HEADER + xmp
    if len(segment_payload) + 2 > 0xFFFF:
        raise BadInput(MESSAGES("image_files.xmp_too_large"))
    xmp_segment = b"\xff\xe1" + struct.pack(">H", len(segment_payload) + 2) + segment_payload
    out, pos, inserted = [data[:2]], 2, False
    # Walk the header segments up to the start of scan; keep all but an earlier XMP packet.
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the rest is image data
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segment = data[pos : pos + 2 + length]
        is_app0 = marker == 0xE0
        if not inserted and not is_app0:
            out.append(xmp_segment)
            inserted = True
        if not (marker == 0xE1 and segment[4:].startswith(XMP_JPEG_HEADER)):
            out.append(segment)
        pos += 2 + length
    if not inserted:
        out.append(xmp_segment)
    out.append(data[pos:])
    return b"".join(out)


def _webp_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    chunks, pos = [], 12
    while pos + 8 <= len(data):
        kind = data[pos : pos + 4]
        (size,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        chunks.append((kind, data[pos + 8 : pos + 8 + size]))
        pos += 8 + size + (size & 1)
    return chunks


def _webp_chunk(kind: bytes, payload: bytes) -> bytes:
    return kind + struct.pack("<I", len(payload)) + payload + (b"\x00" if len(payload) & 1 else b"")


def _webp_embed(data: bytes, xmp: bytes) -> bytes:
    chunks = [(k, p) for k, p in _webp_chunks(data) if k != b"XMP "]
    if chunks and chunks[0][0] == b"VP8X":
        header = bytearray(chunks[0][1])
        header[0] |= 0x04  # XMP present
        chunks[0] = (b"VP8X", bytes(header))
    else:
        # A simple WebP (VP8 or VP8L alone) must become extended to carry metadata.
        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
            has_alpha = img.mode in ("RGBA", "LA") or "transparency" in img.info
        flags = 0x04 | (0x10 if has_alpha else 0)
        vp8x = (
            bytes([flags, 0, 0, 0])
            + (width - 1).to_bytes(3, "little")
            + (height - 1).to_bytes(3, "little")
        )
        chunks.insert(0, (b"VP8X", vp8x))
    chunks.append((b"XMP ", xmp))
    body = b"WEBP" + b"".join(_webp_chunk(k, p) for k, p in chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def read_png_text(data: bytes) -> dict[str, str]:
    """A PNG's text chunks (tEXt, zTXt, iTXt), keyword -> text, each decompressed to at
    most MAX_PNG_TEXT bytes: a few compressed bytes must not expand into gigabytes. A
    damaged layout gives what was read before it."""
    texts: dict[str, str] = {}
    try:
        chunks = _png_chunks(data)
    except BadInput:
        return texts
    for kind, view, _ in chunks:
        if kind not in TEXT_CHUNKS:
            continue
        try:
            # Only the head is read: a keyword (≤ 79 bytes) and at most MAX_PNG_TEXT of text,
            # or the compressed bytes that give that much.
            key, _, rest = bytes(view[: MAX_PNG_TEXT + 1024]).partition(b"\x00")
            if kind == b"tEXt":
                value = rest[:MAX_PNG_TEXT]
            elif kind == b"zTXt":
                value = zlib.decompressobj().decompress(rest[1:], MAX_PNG_TEXT)
            else:
                compressed, rest = rest[0], rest[2:]
                _lang, _, rest = rest.partition(b"\x00")
                _tkey, _, value = rest.partition(b"\x00")
                value = (
                    zlib.decompressobj().decompress(value, MAX_PNG_TEXT)
                    if compressed
                    else value[:MAX_PNG_TEXT]
                )
        except (IndexError, zlib.error):
            continue
        encoding = "utf-8" if kind == b"iTXt" else "latin-1"
        texts[key.decode("latin-1")] = value.decode(encoding, "replace")
    return texts


def read_png_exif(data: bytes) -> bytes | None:
    """The payload of a PNG's eXIf chunk, if any: read from the chunk layout, so that the
    pixels need not be decoded (Pillow's ``getexif`` loads the whole image of a PNG)."""
    try:
        chunks = _png_chunks(data)
    except BadInput:
        return None
    return next((bytes(view) for kind, view, _ in chunks if kind == b"eXIf"), None)


def read_xmp(data: bytes) -> str | None:
    """The XMP packet of a PNG, JPEG or WebP file, if any."""
    fmt = detect_format(data)
    if fmt == "png":
        return read_png_text(data).get(XMP_PNG_KEYWORD.decode())
    if fmt == "webp":
        for kind, payload in _webp_chunks(data):
            if kind == b"XMP ":
                return payload.decode("utf-8", "replace")
        return None
    if fmt == "jpeg":
        start = data.find(XMP_JPEG_HEADER)
        if start < 0:
            return None
        (length,) = struct.unpack(">H", data[start - 2 : start])
        return data[start + len(XMP_JPEG_HEADER) : start - 2 + length].decode("utf-8", "replace")
    return None
