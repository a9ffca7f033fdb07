"""The one error hierarchy: errors a person can act on, each with its exit code.

Exit codes (documented in docs/exit-codes.md):
0 success, 1 a file failed verification or a charter rule, 2 bad input or usage,
3 missing set-up (project, keys, model), 130 interrupted.

An error carries a :class:`~artcharter.base.messages.Message` (a catalogue key and its
fields) or, for text that comes from elsewhere (a library's own error), a plain string.
It is rendered at the edge in the reader's language: ``str(error)`` gives English,
``error.render("fr")`` French. Library errors name Python parameters (``source_type``);
the command-line app shows them as its options (``--source-type``).
"""

from __future__ import annotations

from collections.abc import Callable

from artcharter.base.messages import Message

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_SETUP = 3
EXIT_INTERRUPTED = 130


class ArtcharterError(Exception):
    """Base of every error shown to a person as one line, never as a traceback."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, message: Message | str, exit_code: int | None = None) -> None:
        self.message = message
        super().__init__(message.render("en") if isinstance(message, Message) else message)
        if exit_code is not None:
            self.exit_code = exit_code

    def render(self, lang: str, param: Callable[[str], str] | None = None) -> str:
        """The message in ``lang``; ``param`` turns a parameter name into what the reader
        typed (the CLI's option), where the message names one."""
        if isinstance(self.message, Message):
            return self.message.render(lang, param)
        return str(self.message)


class BadInput(ArtcharterError):
    """A file, option or value the user gave cannot be used."""

    exit_code = EXIT_BAD_INPUT


class SetupError(ArtcharterError):
    """Something the project needs is missing: a project folder, keys, a model."""

    exit_code = EXIT_SETUP
