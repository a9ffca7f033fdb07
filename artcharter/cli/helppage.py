"""The ``--help`` page: rich panels that read well at 80 columns, in the reader's language.

typer's own page puts each option in a table of four columns (names, negative names,
Python type, help) whose widths it shares out: at 80 columns names are cut
(``--training-mini…``), the help is squeezed into a narrow column and Python types show
(``<list[str]>``), with click's own words in English (``[required]``, "Show this message
and exit."). Here each option takes two lines: its names and the kind of value it takes
(``-o, --output PATH``), then its help over the panel's whole width, with its default and
environment variable in words. Options are grouped in panels by what they are for, and the
commands of the app by who uses them.
"""

from __future__ import annotations

import inspect
import re
import textwrap
from pathlib import Path
from typing import Any, get_args, get_origin

from artcharter.cli.messages import help_text

# The panel of each option, by its Python name; an option not listed goes to "Options".
OPTION_PANELS = {
    # What the file says about the work.
    **dict.fromkeys(
        (
            "source_type",
            "tool",
            "prompt",
            "private_prompt",
            "ingredient",
            "training_mining",
            "training_constraint",
            "title",
            "declaration",
            "model_kind",
            "watermark",
        ),
        "disclosure",
    ),
    # How the model renders.
    **dict.fromkeys(
        (
            "model",
            "negative",
            "seed",
            "steps",
            "guidance",
            "size",
            "n",
            "batch_size",
            "scheduler",
            "device",
            "dtype",
            "init_image",
            "strength",
            "mask",
            "control",
            "controlnet",
            "show_steps",
            "cluster",
            "workers",
        ),
        "generation",
    ),
    # Who signs, and whom the reader trusts.
    **dict.fromkeys(("artist", "passphrase", "trust", "session"), "signature"),
    # Where the result goes and how it is printed.
    **dict.fromkeys(("output", "force", "json", "verbose", "help"), "output"),
}

# The panel of each top-level command: who uses it.
COMMAND_PANELS = {
    **dict.fromkeys(
        ("demo", "generate", "label", "declare", "sign-declaration", "keep", "discard"),
        "artists",
    ),
    **dict.fromkeys(("verify", "check", "report", "cartel", "summary", "serve"), "juries"),
    **dict.fromkeys(("init", "keys", "charter", "tsa", "ledger"), "schools"),
    **dict.fromkeys(("energy", "probe"), "measures"),
}

# The word for the value an option takes, by its Python type (a value list reads the same).
_METAVARS = {str: "text", Path: "path", int: "integer", float: "number"}


def metavar(param: Any) -> str:
    """The kind of value ``param`` takes, in words (``PATH``, ``TEXT``...); "" for a flag."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    if param.metavar:
        return str(param.metavar)
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    if get_origin(annotation) is list:
        (annotation,) = get_args(annotation)
    if getattr(param, "param_type_name", "") == "argument":
        return (param.name or "").upper()
    kind = _METAVARS.get(annotation)
    return help_text(f"helppage.metavar.{kind}") if kind else help_text("helppage.metavar.value")


def names(param: Any) -> str:
    """``-o, --output`` (short names first) and ``--force / --no-force``."""
    if getattr(param, "param_type_name", "") == "argument":
        return metavar(param)
    opts = sorted(param.opts, key=lambda o: (o.startswith("--"), o))
    shown = ", ".join(opts)
    if param.secondary_opts:
        shown += " / " + ", ".join(param.secondary_opts)
    return shown


def option_help(param: Any, ctx: Any) -> str:
    """The help of an option or argument, then its default, repeatability and variable."""
    parts = []
    if param.name == "help":
        parts.append(help_text("helppage.help_option"))
    elif param.help:
        parts.append(one_line(inspect.cleandoc(param.help)))
    repeatable = help_text("helppage.repeatable")
    many = getattr(param, "multiple", False) or param.nargs != 1
    if many and not any(repeatable in part for part in parts):
        parts.append(repeatable)
    default = _default(param, ctx)
    if default:
        parts.append(help_text("helppage.default", value=default))
    envvar = param.envvar if getattr(param, "show_envvar", False) else None
    if isinstance(envvar, str):
        parts.append(help_text("helppage.envvar", name=envvar))
    return " ".join(parts)


def _default(param: Any, ctx: Any) -> str:
    """The default worth saying: not a flag's (the help says what it does), not None."""
    if param.required or getattr(param, "is_flag", False) or not param.show_default:
        return ""
    value = param.default
    if value is None or value == [] or value == () or callable(value):
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def one_line(text: str) -> str:
    """``text`` on one line; its no-break spaces stay (``str.split`` would drop them)."""
    return re.sub(r"[ \t\r\n]+", " ", text).strip()


def wrap(text: str, width: int) -> str:
    """``text`` cut into lines of ``width``, at plain spaces only: rich would also break at
    a no-break space, sending French's ``:`` or ``»`` alone to the next line."""
    return "\n".join(textwrap.wrap(text, max(width, 20), break_on_hyphens=False))


def usage(obj: Any, ctx: Any) -> str:
    words = [ctx.command_path, help_text("helppage.options")]
    for param in obj.get_params(ctx):
        if getattr(param, "param_type_name", "") == "argument":
            name = metavar(param)
            if param.nargs != 1:
                name += "..."
            words.append(name if param.required else f"[{name}]")
    if hasattr(obj, "commands"):
        words.append(help_text("helppage.command"))
    return " ".join(words)


def format_help(*, obj: Any, ctx: Any, markup_mode: Any = None) -> None:
    """Print the help page of the command or group ``obj`` (typer's ``rich_format_help``)."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    from typer.rich_utils import _get_rich_console

    console = _get_rich_console()
    inner = console.width - 4  # inside a panel's borders and padding
    console.print(
        Padding(
            Text.assemble((help_text("helppage.usage") + " ", "yellow"), (usage(obj, ctx), "bold")),
            (1, 1, 0, 1),
        )
    )
    if obj.help:
        for paragraph in inspect.cleandoc(obj.help).split("\n\n"):
            console.print(Padding(Text(wrap(paragraph, console.width - 2)), (1, 1, 0, 1)))
    console.print()

    panels: dict[str, list[Any]] = {}
    for param in obj.get_params(ctx):
        if getattr(param, "hidden", False):
            continue
        if getattr(param, "param_type_name", "") == "argument":
            panel = "arguments"
        else:
            panel = OPTION_PANELS.get(param.name or "", "options")
        if param.name == "help":  # with the output options, or the last panel
            panel = "output" if "output" in panels else [*panels, "options"][-1]
        panels.setdefault(panel, []).append(param)
    order = ["arguments", "options", "disclosure", "generation", "signature", "output"]
    for panel in sorted(panels, key=order.index):
        rows: list[Any] = []
        for param in panels[panel]:
            head = Text(names(param), style="bold cyan")
            kind = metavar(param) if param.param_type_name != "argument" else ""
            if kind:
                head.append(" " + kind, style="yellow")
            if param.required:
                head.append(" " + help_text("helppage.required"), style="red")
            rows.append(head)
            helped = option_help(param, ctx)
            if helped:
                rows.append(Padding(Text(wrap(helped, inner - 4)), (0, 0, 0, 4)))
        console.print(
            Panel(
                Group(*rows),
                title=help_text(f"helppage.panel.{panel}"),
                title_align="left",
                border_style="dim",
            )
        )

    commands = getattr(obj, "commands", None)
    if commands:
        grouped: dict[str, list[Any]] = {}
        for name in obj.list_commands(ctx):
            command = obj.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            panel = COMMAND_PANELS.get(name, "commands") if ctx.parent is None else "commands"
            grouped.setdefault(panel, []).append((name, command))
        width = max(len(name) for rows in grouped.values() for name, _ in rows)
        order = ["artists", "juries", "schools", "measures", "commands"]
        for panel in sorted(grouped, key=order.index):
            table = Table(show_header=False, box=None, padding=(0, 1), pad_edge=False)
            table.add_column(style="bold cyan", no_wrap=True, width=width)
            table.add_column(width=inner - width - 2)
            for name, command in grouped[panel]:
                first = inspect.cleandoc(command.help or "").split("\n\n")[0]
                table.add_row(name, wrap(first, inner - width - 2))
            console.print(
                Panel(
                    table,
                    title=help_text(f"helppage.panel.{panel}"),
                    title_align="left",
                    border_style="dim",
                )
            )


def install() -> None:
    """Make typer print this page for every ``--help``."""
    from typer import rich_utils

    rich_utils.rich_format_help = format_help  # type: ignore[assignment]
