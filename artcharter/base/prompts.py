"""Where a secret can be asked for: the CLI sets a hidden terminal prompt; a library caller,
a server or a pipe has none (and gets the one-line error that names the option instead)."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path

# Given the path of an encrypted key, returns the passphrase typed (never echoed).
passphrase_prompt: ContextVar[Callable[[Path], str] | None] = ContextVar(
    "passphrase_prompt", default=None
)
