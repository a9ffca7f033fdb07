"""SHA-256, the one hash artcharter records: of bytes, of text, of a file.

A file is read in chunks, so hashing a model's weights (gigabytes) takes constant memory;
a file being written is hashed as it is written (``HashingWriter``).
Hex digests, lower case, as C2PA, Hugging Face and ``sha256sum`` write them.
"""

from __future__ import annotations

import hashlib
import os
import queue
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

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


class HashingWriter:
    """A file open for writing whose SHA-256 is taken from the bytes as they are written,
    on another thread: the digest of a signed film without reading it back from the disk.

    Every other method (read, seek, tell, flush...) is the file's own. The digest holds
    only when the file was written front to back once: a write at offset 0 starts it
    again (a signature retried without a time-stamp), and a write anywhere else, a gap or
    a rewrite, or a file longer than what was written, makes :meth:`hexdigest` read the
    file back from its start instead. It is a context manager: leaving the block stops
    the thread whatever happened.
    """

    BATCH = 4 << 20  # bytes handed to the hashing thread at once
    QUEUED = 4  # batches waiting at most: 16 MiB

    def __init__(self, handle: BinaryIO) -> None:
        self._handle = handle
        self._end = 0  # bytes written in order from offset 0
        self._in_order = True
        self._pending: list[bytes] = []
        self._pending_len = 0
        self._queue: queue.Queue[bytes | None] = queue.Queue(self.QUEUED)
        self._digest = hashlib.sha256()
        self._worker = threading.Thread(target=self._hash, name="artcharter-sha256", daemon=True)
        self._worker.start()

    def __enter__(self) -> HashingWriter:
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def write(self, data: bytes | bytearray | memoryview) -> int:
        at = self._handle.tell()
        written = self._handle.write(data)
        if not self._worker.is_alive():  # written after the digest was taken
            self._in_order = False
            return written
        if at == 0:  # written again from the start: what came before is gone
            self._flush(restart=True)
            self._end, self._in_order = 0, True
        if at != self._end:
            self._in_order = False
        elif self._in_order and written:
            self._pending.append(bytes(data[:written]))
            self._pending_len += written
            self._end += written
            if self._pending_len >= self.BATCH:
                self._flush()
        return written

    def hexdigest(self) -> str:
        """The SHA-256 of the whole file as it is now on disk."""
        self._stop()
        self._handle.flush()
        if self._in_order and os.fstat(self._handle.fileno()).st_size == self._end:
            return self._digest.hexdigest()
        self._handle.seek(0)
        return hashlib.file_digest(self._handle, "sha256").hexdigest()

    def _flush(self, restart: bool = False) -> None:
        if restart:
            self._queue.put(b"")  # an empty batch: the thread starts a new digest
            self._pending, self._pending_len = [], 0
        elif self._pending:
            self._queue.put(b"".join(self._pending))
            self._pending, self._pending_len = [], 0

    def _hash(self) -> None:
        while (batch := self._queue.get()) is not None:
            if batch:
                self._digest.update(batch)
            else:
                self._digest = hashlib.sha256()

    def _stop(self) -> None:
        if self._worker.is_alive():
            self._flush()
            self._queue.put(None)
            self._worker.join()
