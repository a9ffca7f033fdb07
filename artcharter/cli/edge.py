"""The command line's edge: the reader's language, and library errors rendered in it with
the options the reader typed in place of Python parameter names.

Both are worked out from the argument list alone, before (or after) the command runs, so
an error raised while the project loads is still rendered in the right language.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from artcharter.base.errors import ArtcharterError
from artcharter.base.messages import Message, locale_lang, normalise_lang
from artcharter.cli.messages import MESSAGES

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


# click's usage errors carry English sentences; these are the parts of each worth saying.
_NO_COMMAND = re.compile(r"No such command '(?P<name>[^']*)'")
_EXTRA = re.compile(r"Got unexpected extra argument(?:\(s\)|s)? \((?P<words>.*)\)")
_NEEDS_VALUE = re.compile(r"Option '(?P<name>[^']*)' requires an? ?(argument|\d+ arguments)")


def option_names(param: Any) -> str:
    """``-o/--output`` for an option, ``IMAGE`` for an argument."""
    if getattr(param, "param_type_name", "") == "argument":
        return (param.metavar or param.name or "").upper()
    return "/".join(sorted(param.opts, key=lambda o: (o.startswith("--"), o)))


def _expected(param: Any) -> Message | None:
    """What a parameter's value should be, for an invalid one typer reports in English."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    low, high = getattr(param, "min", None), getattr(param, "max", None)
    if low is not None and high is not None:
        return MESSAGES("usage.expected_range", low=low, high=high)
    if annotation is int:
        return MESSAGES("usage.expected_integer")
    if annotation is float:
        return MESSAGES("usage.expected_number")
    return None


def usage_message(error: Any) -> Message | None:
    """A click usage error in words the reader's language has, or None to keep click's.

    An unknown option or command comes with the closest ones (``--num``: did you mean
    ``--n``?), a missing option names every form it takes and what it is for.
    """
    kind = type(error).__name__
    if isinstance(getattr(error, "message", None), Message):
        return None  # our own text, rendered as it is
    if kind == "NoSuchOption":
        # The closest one only (difflib ranks them): "--num" means "--n", not "--resume".
        choices = (error.possibilities or [""])[0]
        key = "usage.no_option_guess" if choices else "usage.no_option"
        return MESSAGES(key, option=error.option_name, choices=choices)
    if kind == "MissingParameter" and error.param is not None:
        param = error.param
        what = "argument" if getattr(param, "param_type_name", "") == "argument" else "option"
        return MESSAGES(f"usage.missing_{what}", name=option_names(param))
    if kind == "BadParameter" and error.param is not None:
        expected = _expected(error.param)
        if expected is not None:
            return MESSAGES("usage.invalid", name=option_names(error.param), expected=expected)
        return None
    message = str(getattr(error, "message", ""))
    if found := _NO_COMMAND.search(message):
        name = found["name"]
        commands = getattr(getattr(error.ctx, "command", None), "commands", {}) or {}
        guesses = difflib.get_close_matches(name, list(commands), n=1)
        choices = ", ".join(guesses)
        key = "usage.no_command_guess" if guesses else "usage.no_command"
        return MESSAGES(key, command=name, choices=choices)
    if found := _EXTRA.search(message):
        return MESSAGES("usage.extra", words=found["words"])
    if found := _NEEDS_VALUE.search(message):
        return MESSAGES("usage.needs_value", option=found["name"])
    return None
