"""The command line's edge: the reader's language, and library errors rendered in it with
the options the reader typed in place of Python parameter names.

Both are worked out from the argument list alone, before (or after) the command runs, so
an error raised while the project loads is still rendered in the right language.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from artcharter.base.errors import ArtcharterError
from artcharter.base.messages import locale_lang, normalise_lang

# The global options that take a value.
VALUE_OPTIONS = ("--project", "--ledger", "--lang")


def split_global(argv: Sequence[str]) -> tuple[dict[str, str], list[str]]:
    """The global options given before the command (``--lang fr``, ``--project=p``) and
    the words from the command on."""
    found: dict[str, str] = {}
    args = list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        name, sep, value = arg.partition("=")
        if name in VALUE_OPTIONS:
            if not sep:
                i += 1
                value = args[i] if i < len(args) else ""
            found[name] = value
        elif not arg.startswith("-"):
            break
        i += 1
    return found, args[i:]


def hoist_lang(argv: Sequence[str]) -> list[str]:
    """The arguments with a ``--lang`` typed after the command moved before it, where the
    global option reads it: ``verify x.png --lang en`` is ``--lang en verify x.png``
    (a command's own ``--lang``, as on ``report``, means the same language)."""
    _, rest = split_global(argv)
    before = list(argv[: len(argv) - len(rest)])
    kept: list[str] = []
    found: str | None = None
    words = iter(rest)
    for word in words:
        if word == "--":  # what follows is an argument, whatever it looks like
            kept += [word, *words]
            break
        if word == "--lang":
            found = next(words, "")
        elif word.startswith("--lang="):
            found = word.partition("=")[2]
        else:
            kept.append(word)
    if found is None:
        return list(argv)
    return ["--lang", found, *before, *kept]


def command_name(argv: Sequence[str]) -> str | None:
    """The command an argument list runs: its first word after the global options; None
    when the global help is asked for first, or no command is given."""
    _, rest = split_global(argv)
    before = argv[: len(argv) - len(rest)]
    if any(arg in ("-h", "--help") for arg in before):
        return None
    return rest[0] if rest else None


def shows_help(argv: Sequence[str]) -> bool:
    """Whether the arguments may show a help page: a help option, or at most one word
    (no command, or a group without its subcommand)."""
    _, rest = split_global(argv)
    return "-h" in argv or "--help" in argv or len(rest) <= 1


def reader_lang(argv: Sequence[str]) -> str:
    """The reader's language: ``--lang``, ``ARTCHARTER_LANG``, the project's, the locale.

    A command's own ``--lang`` (``report --lang fr``) counts too. A project that cannot
    be read does not stop the error about it being shown: the locale stands in.
    """
    options, rest = split_global(argv)
    asked = options.get("--lang")
    for i, arg in enumerate(rest):
        if arg == "--lang" and i + 1 < len(rest):
            asked = rest[i + 1]
        elif arg.startswith("--lang="):
            asked = arg.partition("=")[2]
    chosen = normalise_lang(asked) or normalise_lang(os.environ.get("ARTCHARTER_LANG"))
    if chosen:
        return chosen
    try:
        from artcharter.provenance.config import load_config

        project = options.get("--project")
        return load_config(Path(project) if project else None).lang
    except (ArtcharterError, OSError):
        return locale_lang()


def option_namer(command: Any, argv: Sequence[str]) -> Callable[[str], str]:
    """A function from a Python parameter name to the option or argument of the command
    ``argv`` runs, read from the click command's own parameters (``source_type`` ->
    ``--source-type``, ``image`` -> ``IMAGE``); a name it does not know stays as it is."""
    _, rest = split_global(argv)
    params: dict[str, str] = {}
    for word in rest:
        sub = getattr(command, "commands", {}).get(word)
        if sub is None:
            break
        command = sub
    for param in getattr(command, "params", []):
        if param.name is None:
            continue
        if getattr(param, "param_type_name", "") == "argument":
            params[param.name] = (param.metavar or param.name).upper()
        else:
            longest = max(param.opts, key=len) if param.opts else param.name
            params[param.name] = longest

    def name(parameter: str) -> str:
        return params.get(parameter, parameter)

    return name


def render_error(error: ArtcharterError, command: Any, argv: Sequence[str]) -> str:
    """The error in the reader's language, naming the options the reader typed."""
    return error.render(reader_lang(argv), param=option_namer(command, argv))
