"""Reading the TOML files people write (charters, declarations) with errors that point at a line.

``tomllib`` reports the line of a syntax error but returns plain dicts without positions, so
a semantic error (an unknown severity, a misspelt key) is located afterwards by scanning the
text for the line that defines the key. The scan understands tables, arrays of tables, dotted
and quoted keys and multi-line strings, which is all a hand-written file uses.
"""

from __future__ import annotations

import functools
import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.base.errors import BadInput
from artcharter.base.messages import Message
from artcharter.base.tomltext import toml_string
from artcharter.charter.messages import MESSAGES

Key = str | int
KeyPath = tuple[Key, ...]


@dataclass(frozen=True)
class Issue:
    """One problem in a file, at a line when it could be located."""

    file: str
    line: int | None
    problem: Message | str  # a str only for text from elsewhere (a library's error)

    @property
    def message(self) -> str:
        """The problem in English."""
        return str(self.problem)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def as_message(self) -> Message:
        return MESSAGES("tomlfile.located", where=self.where, problem=self.problem)

    def render(self, lang: str) -> str:
        return self.as_message().render(lang)

    def __str__(self) -> str:
        return self.render("en")

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "message": self.message}


class InvalidFile(BadInput):
    """A charter or declaration file with problems; ``issues`` lists them all."""

    def __init__(self, issues: Sequence[Issue]) -> None:
        self.issues = list(issues)
        more = len(self.issues) - 1
        first = self.issues[0]
        if more > 0:
            message = MESSAGES.counted(
                "tomlfile.located_more", more, where=first.where, problem=first.problem
            )
        else:
            message = first.as_message()
        super().__init__(message)


@dataclass(frozen=True)
class TomlText:
    """A parsed TOML file and its text, to locate keys for error messages."""

    name: str
    text: str
    data: dict[str, Any]

    def line_of(self, path: Sequence[Key]) -> int | None:
        return locate(self.text, tuple(path))

    def issue(self, path: Sequence[Key], message: Message | str) -> Issue:
        return Issue(self.name, self.line_of(path), message)

    def unknown_keys(
        self, path: tuple[Key, ...], table: dict[str, Any], allowed: tuple[str, ...]
    ) -> list[Issue]:
        """An issue for each key of ``table`` (found at ``path``) that is not ``allowed``:
        charters and declarations are written by hand, and a typo must not pass unseen."""
        return [
            self.issue(
                (*path, key),
                MESSAGES(
                    "file.issue.unknown_key", value=dotted((*path, key)), choices=", ".join(allowed)
                ),
            )
            for key in table
            if key not in allowed
        ]


def read_text(path: Path, what: Message) -> str:
    """The text of ``path``; ``what`` names the kind of file in the reader's words."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BadInput(MESSAGES("tomlfile.not_found", what=what, path=path)) from None
    except IsADirectoryError:
        raise BadInput(MESSAGES("tomlfile.is_folder", path=path, what=what)) from None
    except UnicodeDecodeError:
        raise BadInput(MESSAGES("tomlfile.not_utf8", path=path)) from None
    except OSError as exc:
        raise BadInput(MESSAGES("tomlfile.cannot_read", path=path, reason=exc.strerror)) from None


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def parse(text: str, name: str) -> TomlText:
    """Parse TOML text; a syntax error becomes an InvalidFile with its line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _AT.search(message)
        line = int(match.group(1)) if match else None
        if match:
            message = message[: match.start()] + f" (column {match.group(2)})"
        elif "(at end of document)" in message:
            # An unclosed string or table runs to the end: point at the last line.
            line = max(1, len(text.splitlines()))
            message = message.replace("(at end of document)", "(at the end of the file)")
        raise InvalidFile(
            [Issue(name, line, MESSAGES("tomlfile.issue.toml_syntax", message=message.strip()))]
        ) from None
    except RecursionError:  # tomllib recurses into nested arrays and inline tables
        raise InvalidFile(
            [Issue(name, None, MESSAGES("tomlfile.issue.arrays_tables_nested_too"))]
        ) from None
    return TomlText(name, text, data)


def load(path: Path, what: Message) -> TomlText:
    return parse(read_text(path, what), str(path))


# --- locating keys ---------------------------------------------------------------------------

_KEY = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_DOTTED = rf"{_KEY}(?:\s*\.\s*{_KEY})*"
_HEADER = re.compile(rf"^\s*(\[\[?)\s*({_DOTTED})\s*\]\]?\s*(?:#.*)?$")
_KEYVAL = re.compile(rf"^\s*({_DOTTED})\s*=")
_PART = re.compile(_KEY)


def _split(dotted: str) -> tuple[str, ...]:
    parts = []
    for part in _PART.findall(dotted):
        if part.startswith('"'):
            part = json.loads(part)
        elif part.startswith("'"):
            part = part[1:-1]
        parts.append(part)
    return tuple(parts)


# Every problem of a file is located in the same text: scan it once, not once per problem
# (a file with thousands of unknown keys would otherwise take hours).
@functools.lru_cache(maxsize=4)
def key_lines(text: str) -> dict[KeyPath, int]:
    """The first line (1-based) defining each key path; arrays of tables get their index."""
    lines: dict[KeyPath, int] = {}
    table: KeyPath = ()
    counts: dict[KeyPath, int] = {}
    closing: str | None = None  # delimiter of the multi-line string we are inside
    for number, line in enumerate(text.splitlines(), 1):
        if closing is not None:
            if closing in line:
                closing = None
            continue
        header = _HEADER.match(line)
        if header:
            path: KeyPath = _split(header.group(2))
            lines.setdefault(path, number)
            if header.group(1) == "[[":
                counts[path] = counts.get(path, -1) + 1
                path = (*path, counts[path])
            table = path
            lines.setdefault(table, number)
            continue
        keyval = _KEYVAL.match(line)
        if keyval:
            full = table + _split(keyval.group(1))
            for end in range(len(table) + 1, len(full) + 1):
                lines.setdefault(full[:end], number)
            rest = line[keyval.end() :]
            for delimiter in ('"""', "'''"):
                if rest.count(delimiter) == 1:
                    closing = delimiter
    return lines


def locate(text: str, path: KeyPath) -> int | None:
    """The line of ``path``, or of its longest defined prefix (an item inside an array)."""
    lines = key_lines(text)
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def dotted(path: Sequence[Key]) -> str:
    """A key path as a person would write it: rules.energy-budget.params.budget_kwh, tools[1]."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            text = part if re.fullmatch(r"[A-Za-z0-9_-]+", part) else toml_string(part)
            out += ("." if out else "") + text
    return out
