"""SHA-256, the one hash artcharter records: of bytes, of text, of a file.

A file is read in chunks, so hashing a model's weights (gigabytes) takes constant memory.
Hex digests, lower case, as C2PA, Hugging Face and ``sha256sum`` write them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

CHUNK_SIZE = 1 << 20


def sha256_hex(data: bytes | str) -> str:
    """The SHA-256 of ``data`` (text as UTF-8)."""
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def sha256_chunks(chunks: Iterable[bytes]) -> str:
    """The SHA-256 of the concatenated ``chunks``, without joining them."""
    digest = hashlib.sha256()
    for chunk in chunks:
        digest.update(chunk)
    return digest.hexdigest()


def sha256_file(path: Path, *, chunk_size: int = CHUNK_SIZE) -> str:
    """The SHA-256 of a file's bytes, read ``chunk_size`` bytes at a time."""
    with open(path, "rb") as handle:
        return sha256_chunks(iter(lambda: handle.read(chunk_size), b""))


_SHA256_NAME = re.compile(r"[0-9a-f]{64}")


def hub_blob_sha256(path: Path) -> str | None:
    """The SHA-256 of a file in a Hugging Face cache, known without reading it: the cache
    stores each file as a blob named by the SHA-256 of its bytes (a snapshot's file is a
    link to it). None for any other file."""
    real = path.resolve()
    if real.parent.name == "blobs" and _SHA256_NAME.fullmatch(real.name):
        return real.name
    return None


def weights_file_sha256(path: Path) -> str:
    """The SHA-256 of a model's weights file, read only when the cache does not name it."""
    return hub_blob_sha256(path) or sha256_file(path)
