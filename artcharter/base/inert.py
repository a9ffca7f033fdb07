"""Text that is printed stays text: control characters made visible, never obeyed.

A file name, a title or a signer's name comes from whoever made the file. Printed raw, an
escape sequence or a carriage return in it can erase a verdict line on a terminal and
print a forged one, and a newline can add a fake line to piped output. Every field a
command prints goes through ``inert``; the CLI's output streams go through ``InertStream``
as a last guard (which keeps the line breaks the CLI itself writes).
"""

from __future__ import annotations

import re
from typing import Any, TextIO

# C0 and C1 controls, DEL, the line and paragraph separators, the bidirectional controls
# (which can make a line read backwards), and lone surrogates (undecodable bytes of a file
# name, as Python's surrogateescape keeps them).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_UNSAFE_BUT_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(value: Any) -> str:
    """``value`` as one printable line: every control character written as an escape."""
    return _UNSAFE.sub(_escape, str(value))


def inert_lines(text: str) -> str:
    """Like ``inert``, but line breaks and tabs (the printer's own) are kept."""
    return _UNSAFE_BUT_LINES.sub(_escape, text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def json_text(text: str) -> str:
    """JSON made by ``json.dumps(..., ensure_ascii=False)`` as valid UTF-8: a lone surrogate
    (an undecodable byte of a name) becomes the text ``\\xNN``, escaped for JSON."""
    return _SURROGATE.sub(lambda m: "\\" + _escape(m), text)


class InertStream:
    """A text stream that writes through ``inert_lines``: the CLI's stdout and stderr."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        self._inner.write(inert_lines(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)
