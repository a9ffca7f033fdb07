"""Works that are not still images: video, sound and documents, at the byte level.

A format is read from the first bytes, never from the name. c2pa-python signs and reads
each of these containers itself; what this module adds is what a person needs to see the
work in a report: its kind, its duration or page count (``media_info``), and a picture of
it (``artcharter.provenance.media_previews``). Nothing here loads a whole file in memory.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# The kinds of work, in the words the record, the charter and the reports use.
IMAGE, VIDEO, SOUND, DOCUMENT = "image", "video", "sound", "document"
KINDS = (IMAGE, VIDEO, SOUND, DOCUMENT)


@dataclass(frozen=True)
class MediaFormat:
    name: str
    mime: str
    kind: str
    suffixes: tuple[str, ...]


FORMATS: dict[str, MediaFormat] = {
    f.name: f
    for f in (
        MediaFormat("mp4", "video/mp4", VIDEO, (".mp4", ".m4v")),
        MediaFormat("mov", "video/quicktime", VIDEO, (".mov", ".qt")),
        MediaFormat("wav", "audio/wav", SOUND, (".wav",)),
        MediaFormat("mp3", "audio/mpeg", SOUND, (".mp3",)),
        MediaFormat("flac", "audio/flac", SOUND, (".flac",)),
        MediaFormat("m4a", "audio/mp4", SOUND, (".m4a",)),
        MediaFormat("pdf", "application/pdf", DOCUMENT, (".pdf",)),
        MediaFormat("epub", "application/epub+zip", DOCUMENT, (".epub",)),
    )
}
MEDIA_SUFFIXES = frozenset(s for f in FORMATS.values() for s in f.suffixes)
# How much of the start of a file detection reads (an EPUB names itself at byte 38).
HEAD_BYTES = 64
CHUNK = 1024 * 1024

# ISO base media brands that make a file a QuickTime movie or an audio-only MPEG-4 file;
# any other ftyp brand of a video container is read as MP4. Still-image brands (HEIC,
# AVIF) are not works this module handles.
_MOV_BRANDS = (b"qt  ",)
_M4A_BRANDS = (b"M4A ", b"M4B ", b"M4P ")
_IMAGE_BRANDS = (b"heic", b"heix", b"hevc", b"mif1", b"msf1", b"avif", b"avis")


def id3_end(head: bytes) -> int | None:
    """Where an ID3v2 tag at the start ends: c2pa puts an MP3's or a FLAC's manifest in one,
    so what the file is is read after it."""
    if len(head) < 10 or not head.startswith(b"ID3"):
        return None
    size = 0
    for byte in head[6:10]:  # a "synchsafe" integer: 7 bits a byte
        size = size << 7 | (byte & 0x7F)
    return 10 + size + (10 if head[5] & 0x10 else 0)


def detect_media(head: bytes) -> str | None:
    """'mp4', 'mov', 'm4a', 'wav', 'mp3', 'flac', 'pdf', 'epub' from the first bytes, or None.

    ``head`` is the whole file, or its start as ``read_head`` gives it (after ID3 tags)."""
    end = id3_end(head)
    if end is not None:
        after = head[end:]
        # A FLAC tagged in front is a FLAC; anything else behind a tag is read as MP3.
        return "flac" if after.startswith(b"fLaC") else "mp3"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _IMAGE_BRANDS:
            return None
        if brand in _MOV_BRANDS:
            return "mov"
        if brand in _M4A_BRANDS:
            return "m4a"
        return "mp4"
    if len(head) >= 12 and head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head.startswith(b"fLaC"):
        return "flac"
    if head.startswith(b"ID3") or (
        # An MPEG audio frame: 11 sync bits, and a layer (ADTS AAC has layer 00).
        len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0 and head[1] & 0x06
    ):
        return "mp3"
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and head[30:58] == b"mimetypeapplication/epub+zip":
        return "epub"
    return None


def kind_of(fmt: str | None) -> str:
    """The kind of work a format holds: a format that is not media is an image."""
    media = FORMATS.get(fmt or "")
    return media.kind if media else IMAGE


def mime_of(fmt: str) -> str:
    """The MIME type c2pa reads and signs a format by, image or media."""
    from artcharter.provenance.image_files import MIME_TYPES  # Pillow only when needed

    return FORMATS[fmt].mime if fmt in FORMATS else MIME_TYPES[fmt]


def detect_work(head: bytes) -> str | None:
    """Any format artcharter labels and verifies (an image's, then a media file's)."""
    from artcharter.provenance.image_files import detect_format

    return detect_format(head) or detect_media(head)


def is_media_name(path: Path) -> bool:
    """A video, sound or document by its name, as folders are searched (hidden files never)."""
    return path.suffix.lower() in MEDIA_SUFFIXES and not path.name.startswith(".")


def head_of(path: Path) -> bytes:
    """The first bytes of a file, ID3 tags skipped (what follows them says what the file
    is); raises OSError."""
    with open(path, "rb") as handle:
        return head_from(handle)


def head_from(handle: BinaryIO) -> bytes:
    """``head_of`` an open file, read from where it stands."""
    head = handle.read(HEAD_BYTES)
    while (end := id3_end(head)) is not None:
        handle.seek(end - len(head), 1)
        head = handle.read(HEAD_BYTES)
    return head


def read_head(path: Path) -> bytes:
    """``head_of`` a file the user named, or a one-line BadInput (a FIFO or a device is
    refused before it is opened: a FIFO would block)."""
    from artcharter.provenance.image_files import ensure_regular, named_by_user

    with named_by_user(path):
        ensure_regular(path)
        return head_of(path)


def sha256_stream(handle: BinaryIO) -> str:
    """SHA-256 of a file read in chunks from its start: constant memory."""
    handle.seek(0)
    return hashlib.file_digest(handle, "sha256").hexdigest()


def sha256_fd(fd: int, size: int = CHUNK) -> str:
    """SHA-256 of an open file read by offset (``os.pread``): another reader of the same
    file keeps its position."""
    digest, offset = hashlib.sha256(), 0
    while block := os.pread(fd, size, offset):
        digest.update(block)
        offset += len(block)
    return digest.hexdigest()


def sha256_path(path: Path) -> str:
    with open(path, "rb") as handle:
        return sha256_stream(handle)


def chunks(path: Path, size: int = CHUNK) -> Iterable[bytes]:
    with open(path, "rb") as handle:
        while block := handle.read(size):
            yield block


@dataclass(frozen=True)
class MediaInfo:
    """What a report says of a work besides its picture. Part of the artwork record."""

    kind: str
    format: str
    duration_s: float | None = None
    width: int | None = None
    height: int | None = None
    pages: int | None = None
    sample_rate: int | None = None
    channels: int | None = None
