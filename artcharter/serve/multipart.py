"""Read the files of a multipart/form-data request into memory, with the limits enforced
while the bytes arrive.

Starlette's own form parser spools any file over 1 MB to a temporary file on disk; a desk
that promises not to write discarded uploads to disk cannot use it. This reader keeps each
file in memory, stops at the first byte over the per-file limit (413 without reading the
rest of a huge file), and ignores fields other than ``file``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from dataclasses import dataclass

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, MultipartState, parse_options_header

from artcharter.serve.uploads import Rejected, display_name

FIELD = "file"


@dataclass
class _Part:
    field: str = ""
    filename: str | None = None
    data: bytearray = dataclasses.field(default_factory=bytearray)


class _Collector:
    """python-multipart callbacks that keep the parts of one field, within limits."""

    def __init__(self, max_file_bytes: int, max_files: int) -> None:
        self.max_file_bytes = max_file_bytes
        self.max_files = max_files
        self.parts: list[_Part] = []
        self._current: _Part | None = None
        self._header_name = b""
        self._header_value = b""
        self._disposition = b""

    def on_part_begin(self) -> None:
        self._current = None
        self._disposition = b""

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value += data[start:end]

    def on_header_end(self) -> None:
        if self._header_name.lower() == b"content-disposition":
            self._disposition = self._header_value
        self._header_name = self._header_value = b""

    def on_headers_finished(self) -> None:
        _, options = parse_options_header(self._disposition)
        name = options.get(b"name", b"").decode("utf-8", "replace")
        if name != FIELD:
            return  # another field: its bytes are dropped as they arrive
        raw = options.get(b"filename")
        filename = raw.decode("utf-8", "replace") if raw is not None else None
        if len(self.parts) >= self.max_files:
            raise Rejected(413, "err_too_many_files", n=f"{self.max_files}+", max=self.max_files)
        self._current = _Part(name, filename)
        self.parts.append(self._current)

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        part = self._current
        if part is None:
            return
        if len(part.data) + (end - start) > self.max_file_bytes:
            raise Rejected(
                413,
                "err_too_large",
                name=display_name(part.filename),
                limit=self.max_file_bytes,
            )
        part.data += data[start:end]

    def on_part_end(self) -> None:
        self._current = None

    def callbacks(self) -> dict[str, object]:
        return {
            "on_part_begin": self.on_part_begin,
            "on_part_data": self.on_part_data,
            "on_part_end": self.on_part_end,
            "on_header_field": self.on_header_field,
            "on_header_value": self.on_header_value,
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
        }


async def read_files(
    content_type: str | None,
    chunks: AsyncIterator[bytes],
    *,
    max_file_bytes: int,
    max_files: int,
) -> list[tuple[str, bytes]]:
    """(display name, bytes) of each part of the ``file`` field, in the order sent.

    Raises Rejected: 415 for a body that is not multipart, 400 for a broken one, 413 for a
    file over ``max_file_bytes`` or more than ``max_files`` files, 422 for none at all.
    """
    kind, options = parse_options_header(content_type or "")
    if kind != b"multipart/form-data":
        raise Rejected(415, "err_not_multipart")
    boundary = options.get(b"boundary")
    if not boundary:
        raise Rejected(400, "err_bad_multipart", reason="no boundary")
    collector = _Collector(max_file_bytes, max_files)
    try:
        parser = MultipartParser(boundary, collector.callbacks())  # type: ignore[arg-type]
        async for chunk in chunks:
            if chunk:
                parser.write(chunk)
        parser.finalize()
        if parser.state != MultipartState.END:
            # Cut off before its closing boundary: the last file may be incomplete.
            raise Rejected(400, "err_bad_multipart", reason="no closing boundary")
    except MultipartParseError as exc:
        raise Rejected(400, "err_bad_multipart", reason=str(exc) or "parse error") from None
    files = []
    for part in collector.parts:
        # A browser form with no file chosen sends one empty, nameless part.
        if part.data or part.filename:
            files.append((display_name(part.filename), bytes(part.data)))
        part.data = bytearray()  # the copy replaces the buffer: one of each file at a time
    if not files:
        raise Rejected(422, "err_no_file")
    return files
