"""Atomic file writes: a reader sees the old file or the whole new one, never half of it.

Every file artcharter writes goes through here: the bytes go to a hidden temporary file
beside the target (same folder, so the rename cannot cross file systems), are flushed and
fsync'd, then ``os.replace`` renames it over the target. Whatever interrupts the write, an
error, a full disk, Ctrl-C, removes the temporary. A private file (a key, an upload) is
created with mode 0600 from its first byte, never readable by others even for a moment.

Two mechanisms build on these helpers rather than on :func:`write_atomic` itself, and say
why where they are used: ``provenance.signing.publish`` renames inside the ledger's
transaction (via :func:`staged_file`), and model folders are built whole and renamed into
place (:func:`ensure_folder`).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# A writer is called with the open temporary (readable and seekable too): a signed video
# is written by c2pa straight into it, never held whole in memory.
Data = bytes | str | Iterable[bytes] | Callable[[BinaryIO], None]

PUBLIC_MODE = 0o666  # before the umask, as open() creates files
PRIVATE_MODE = 0o600
TEMP_SUFFIX = ".tmp"


def write_atomic(path: Path, data: Data, *, private: bool = False, durable: bool = True) -> None:
    """Write ``data`` (text as UTF-8, bytes, or byte chunks consumed as they come) to
    ``path`` atomically; ``private`` makes it 0600. The folder must exist.

    ``durable=False`` skips the fsync, for files made again from others (reports): a
    reader still never sees a half-written file, but a power cut may lose the latest ones.
    Measured on the development VM, the fsync was half the time of writing a report."""
    with staged_file(path, data, private=private, durable=durable) as staged:
        staged.commit()


@dataclass
class StagedFile:
    """A complete, synced temporary file waiting to be renamed over ``target``."""

    temp: Path
    target: Path
    # Handed over (``hand_over``): whoever took it renames or removes the temporary.
    handed_over: bool = False
    committed: bool = False  # renamed: there is no temporary left to remove

    def commit(self) -> None:
        """Rename the temporary over the target: the one atomic step."""
        os.replace(self.temp, self.target)
        self.committed = True

    def hand_over(self) -> StagedFile:
        """Keep the temporary when the ``staged_file`` block ends: the caller commits it
        later (a ledger batch renames its files just before it commits their rows)."""
        self.handed_over = True
        return self

    def discard(self) -> None:
        self.temp.unlink(missing_ok=True)


@contextmanager
def staged_file(
    path: Path,
    data: Data,
    *,
    private: bool = False,
    temp_name: str | None = None,
    durable: bool = True,
) -> Iterator[StagedFile]:
    """Write ``data`` to a temporary file beside ``path`` and yield it, to be committed when
    the caller is ready (inside a transaction, after a check); if the block ends without
    ``commit()``, or with an error, the temporary is removed.

    The temporary is ``.NAME.RANDOM.tmp``, created exclusively; ``temp_name`` names it
    instead, for callers whose leftovers are swept by name (a stale file of that name is
    replaced).
    """
    temp = path.with_name(temp_name) if temp_name else None
    try:
        fd, temp = _create_beside(path, private, temp)
        with os.fdopen(fd, "w+b") as handle:
            if callable(data):
                data(handle)
            else:
                handle.writelines(_chunks(data))
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        staged = StagedFile(temp, path)
        yield staged
        if staged.handed_over or staged.committed:
            temp = None
    finally:
        if temp is not None:
            temp.unlink(missing_ok=True)


def ensure_folder(
    target: Path, build: Callable[[Path], None], *, complete: Callable[[Path], bool]
) -> Path:
    """The folder ``target``, built by ``build(scratch)`` first when it is not ``complete``.

    A folder cannot be ``os.replace``d over a full one, so this differs from a file write:
    the scratch folder is hidden beside the target and renamed into place whole, so a
    reader sees no folder or a complete one. A folder that is there but not complete was
    not made by this code: it is moved out of the way rather than trusted. When another
    process renamed its own complete build into place first, that one is kept.
    """
    import tempfile  # only folder builds need it; it imports random (slow start-up)

    if complete(target):
        return target
    if target.exists():
        shutil.rmtree(target, ignore_errors=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(
        tempfile.mkdtemp(prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent)
    )
    try:
        build(scratch)
        try:
            os.replace(scratch, target)
        except OSError:
            if not complete(target):
                raise
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def _create_beside(path: Path, private: bool, temp: Path | None) -> tuple[int, Path]:
    """Create the temporary exclusively, with its final mode from the start. An error
    names ``path``, the file the person asked for, not the temporary."""
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    mode = PRIVATE_MODE if private else PUBLIC_MODE
    try:
        if temp is not None:
            temp.unlink(missing_ok=True)  # named by the caller: a leftover of a dead process
            return os.open(temp, flags, mode), temp
        while True:
            candidate = path.with_name(f".{path.name}.{os.urandom(4).hex()}{TEMP_SUFFIX}")
            try:
                return os.open(candidate, flags, mode), candidate
            except FileExistsError:
                continue
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None


def _chunks(data: bytes | str | Iterable[bytes]) -> Iterable[bytes]:
    if isinstance(data, str):
        return (data.encode("utf-8"),)
    if isinstance(data, bytes | bytearray | memoryview):
        return (bytes(data),)
    return data
