"""TOML text that artcharter writes itself (project config, declaration templates)."""

from __future__ import annotations

# TOML's short escapes; every other control character is written \\uXXXX.
_SHORT = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def toml_string(value: str) -> str:
    """``value`` as a TOML basic string ("..."), which ``tomllib`` reads back as ``value``
    for any text: backslash and double quote escaped, and every control character (U+0000
    to U+001F and U+007F, which TOML forbids raw in a basic string) too. Other characters,
    accents included, stay as they are."""
    out = []
    for char in value:
        code = ord(char)
        if char in _SHORT:
            out.append(_SHORT[char])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
