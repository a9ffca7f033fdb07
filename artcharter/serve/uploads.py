"""What the desk accepts, and where a kept upload goes.

The type of a file is read from its first bytes, never from its name or the browser's
Content-Type: both are whatever the sender says. Pure checks raise ``Rejected`` with the
HTTP status and the message key that the API turns into a clear 4xx.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from artcharter.base.files import write_atomic
from artcharter.base.numbers import fmt_size
from artcharter.provenance import media_files
from artcharter.serve.texts import text

EXTENSIONS = {"png": ".png", "jpeg": ".jpg", "webp": ".webp"} | {
    name: media.suffixes[0] for name, media in media_files.FORMATS.items()
}
MAX_NAME_LENGTH = 200

# Formats people drop by mistake, named in the refusal so that they know what they sent.
_LOOKALIKES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF", 0, "PDF"),  # one that does not start as a PDF should: "%PDF-"
    (b"GIF8", 0, "GIF"),
    (b"II*\x00", 0, "TIFF"),
    (b"MM\x00*", 0, "TIFF"),
    (b"BM", 0, "BMP"),
    (b"PK\x03\x04", 0, "ZIP"),
    (b"ftypheic", 4, "HEIC"),
    (b"ftypheix", 4, "HEIC"),
    (b"ftypavif", 4, "AVIF"),
    (b"ftypmif1", 4, "HEIF"),
    (b"\x00\x00\x00\x0cjP  ", 0, "JPEG 2000"),
    (b"8BPS", 0, "Photoshop"),
)


class Rejected(Exception):
    """An upload the desk refuses: ``status`` is the HTTP code, ``key`` the text to show
    (a ``limit`` value is a number of bytes, written in the reader's language)."""

    def __init__(self, status: int, key: str, **values: object) -> None:
        super().__init__(key)
        self.status = status
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Accepted:
    name: str
    format: str  # png / jpeg / webp, or a video, sound or document format (media_files)


def display_name(raw: str | None) -> str:
    """The name the sender gave, made safe to show and log: no control characters, no
    leading slashes, bounded length. Folder parts are kept (a dropped folder's layout helps
    the jury), but this name never becomes a path on disk."""
    name = unicodedata.normalize("NFC", raw or "").replace("\\", "/")
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    name = re.sub(r"/{2,}", "/", name).strip().lstrip("/")
    if len(name) > MAX_NAME_LENGTH:
        name = "…" + name[-(MAX_NAME_LENGTH - 1) :]
    return name or "upload"


def lookalike(head: bytes) -> str | None:
    for magic, offset, kind in _LOOKALIKES:
        if head[offset : offset + len(magic)] == magic:
            return kind
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<svg", b"<?xml")):
        return "SVG"
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "HTML"
    try:
        head[:512].decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text"  # a text file, a CSV, a TOML declaration...


def check_upload(name: str, head: bytes, size: int, limit_for: Callable[[str], int]) -> Accepted:
    """Accept an image, a video, a sound or a document within the size limit of its kind
    (``limit_for(kind)``, in bytes), or raise Rejected."""
    if size == 0:
        raise Rejected(422, "err_empty", name=name)
    fmt = media_files.detect_work(head)  # the whole upload: an ID3 tag is skipped
    if fmt is None:
        kind = lookalike(head)
        raise Rejected(415, "err_not_image", name=name, kind=kind)
    limit = limit_for(media_files.kind_of(fmt))
    if size > limit:
        raise Rejected(413, "err_too_large", name=name, limit=limit)
    return Accepted(name, fmt)


def message(rejected: Rejected, lang: str) -> str:
    """The refusal in words, in ``lang``."""
    values = dict(rejected.values)
    if rejected.key == "err_not_image":
        kind = values.get("kind")
        if kind == "text":
            kind = text("kind_text", lang)
        values["kind"] = text("err_looks_like", lang, kind=kind) if kind else ""
    for key in ("limit", "rate"):  # a number of bytes, in the reader's language
        if isinstance(values.get(key), int):
            values[key] = fmt_size(values[key], lang)
    return text(rejected.key, lang, **values)


def keep(data: bytes, sha256: str, fmt: str, folder: Path) -> Path:
    """Write a kept upload as ``<sha256>.<ext>`` (same bytes, same name: no duplicates, and
    no name from the sender ever reaches the file system). Atomic; readable by its owner."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{sha256}{EXTENSIONS[fmt]}"
    if target.exists() and target.stat().st_size == len(data):
        return target
    write_atomic(target, data, private=True)
    return target
