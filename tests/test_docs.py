"""The commands the README and the docs show are real: every `artcharter` line in a code
block names existing commands and options, in each language of the docs.

A renamed option or command otherwise leaves the docs quietly wrong for the people who copy
them. Running every line is the job of the walkthroughs in the other suites; this checks the
whole surface at once, cheaply."""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import typer

from artcharter.cli import app, register

register()  # every command on `app`, as `artcharter --help` lists them

ROOT = Path(__file__).resolve().parents[1]
DOCS = sorted([*ROOT.glob("README*.md"), *(ROOT / "docs").rglob("*.md")])
# Shell blocks only: a plain block shows what a command prints, not what to type.
FENCE = re.compile(r"^```(bash|sh|console)\n(.*?)^```", re.M | re.S)
# Where an `artcharter` command starts inside a shell line: at its start or after && ; | $(
START = re.compile(r"(?:^|&&|;|\||\$\(|\$ )\s*(?:\S*/)?artcharter(?=\s|$)")


def shell_lines(markdown: str) -> list[str]:
    """The lines of the fenced code blocks, with backslash continuations joined."""
    lines: list[str] = []
    for kind, block in FENCE.findall(markdown):
        joined = re.sub(r"\\\n\s*", " ", block)
        for line in joined.splitlines():
            line = line.strip()
            if kind == "console":  # only what follows the prompt is typed
                line = line[2:] if line.startswith("$ ") else ""
            if line:
                lines.append(line)
    return lines


def artcharter_commands(line: str) -> list[list[str]]:
    """The argument lists of the `artcharter` commands on one shell line (synopsis
    brackets and placeholders kept as arguments, comments dropped)."""
    commands = []
    for match in START.finditer(line):
        rest = line[match.end() :]
        rest = re.split(r"\s(?:&&|;|\|\|?)\s|\)", rest)[0]
        try:
            words = shlex.split(rest, comments=True)
        except ValueError:  # an unbalanced quote inside a synopsis: split on spaces
            words = rest.split("#")[0].split()
        commands.append([w.strip("[]") for w in words if w.strip("[]")])
    return commands


def options_of(command: Any) -> dict[str, bool]:
    """Each option's names, and whether it takes a value (the next word)."""
    return {
        name: not getattr(param, "is_flag", False) and not getattr(param, "count", False)
        for param in command.params
        if param.param_type_name == "option"
        for name in (*param.opts, *param.secondary_opts)
    }


def resolve(args: list[str]) -> tuple[list[str], list[str]]:
    """Walk the command tree; the path of command names, and the problems found."""
    group = typer.main.get_command(app)
    allowed = {**options_of(group), "--help": False, "-h": False}
    path: list[str] = []
    problems: list[str] = []
    command: Any = group
    words = iter(args)
    for word in words:
        if word.startswith("-") and len(word) > 1 and not re.fullmatch(r"-\d.*", word):
            flag = word.split("=", 1)[0]
            if flag not in allowed:
                problems.append(f"{flag} is not an option of `artcharter {' '.join(path)}`")
            elif allowed[flag] and "=" not in word:
                next(words, None)  # its value
            continue
        # typer builds its groups on its own copy of click: a group is what has commands.
        if hasattr(command, "commands") and not word.isupper():
            sub = command.commands.get(word)
            if sub is None:
                problems.append(f"no command `artcharter {' '.join([*path, word])}`")
                break
            path.append(word)
            command = sub
            # click reads an option at its own level: the group's are not the command's.
            allowed = {**options_of(sub), "--help": False, "-h": False}
    asked_help = any(w in ("--help", "-h") for w in args)
    if path and not problems and not asked_help and not hasattr(command, "commands"):
        given = {w.split("=", 1)[0] for w in args if w.startswith("-")}
        for param in command.params:
            needed = param.param_type_name == "option" and param.required and not param.envvar
            if needed and not given & {*param.opts, *param.secondary_opts}:
                problems.append(f"`artcharter {' '.join(path)}` needs {param.opts[-1]}")
    return path, problems


def documented() -> list[tuple[str, str]]:
    """(where, arguments) of every documented command; where is the doc and its line."""
    found = []
    for doc in DOCS:
        for line in shell_lines(doc.read_text(encoding="utf-8")):
            for args in artcharter_commands(line):
                found.append((f"{doc.relative_to(ROOT)}: {line}", shlex.join(args)))
    return found


def short_id(value: str) -> str:
    return re.sub(r"\s+", " ", value)[:70]


def test_the_docs_show_commands() -> None:
    """The extraction itself works: the quick start and every top-level command appear."""
    commands = {resolve(shlex.split(args))[0][0] for _, args in documented() if args}
    top = typer.main.get_command(app)
    assert set(top.commands) - commands == set(), "commands no doc shows"  # type: ignore[attr-defined]


@pytest.mark.parametrize(("where", "args"), documented(), ids=short_id)
def test_documented_command_exists(where: str, args: str) -> None:
    problems = resolve(shlex.split(args))[1]
    assert not problems, f"{where}\n  " + "\n  ".join(problems)


def test_a_wrong_option_is_caught() -> None:
    """The check can fail: a misspelt option and an unknown command are both found."""
    assert resolve(["verify", "x.png", "--trusted", "r.pem"])[1]
    assert resolve(["verfy", "x.png"])[1]
    assert resolve(["verify", "x.png", "--project", "p"])[1]  # a global option, too late
    assert resolve(["label", "x.png", "-o", "y.png"])[1]  # --source-type is required
    assert not resolve(["label", "--help"])[1]
    assert not resolve(["--lang", "fr", "probe", "campaign", "--model", "demo"])[1]
