"""The typer app: global options, error handling, and the registry of command modules.

Every command module (``artcharter/cli/*.py``) registers its commands on ``app`` when it is
imported. ``run`` imports only the module of the command being run (all of them for
``--help`` or an unknown command), and heavy libraries are imported inside the command
functions, so `artcharter verify one.png` starts fast.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import typer

from artcharter.base.errors import EXIT_BAD_INPUT, EXIT_INTERRUPTED, ArtcharterError
from artcharter.base.messages import Message
from artcharter.base.prompts import passphrase_prompt
from artcharter.cli.edge import (
    command_name,
    hoist_lang,
    reader_lang,
    render_error,
    shows_help,
    usage_message,
)
from artcharter.cli.helppage import one_line
from artcharter.cli.messages import set_help_lang, text

# The help texts (the app's, its global options', each command's) are set by the modules
# that `register` imports, once `run` knows the reader's language.
app = typer.Typer(
    name="artcharter",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# Each command or command group, and the module of artcharter/cli that registers it
# (tests/test_cli_lazy.py checks this table against what the modules register).
COMMAND_MODULES = {
    "charter": "charter",
    "check": "charter",
    "declare": "charter",
    "demo": "demo",
    "generate": "generate",
    "keep": "generate",
    "discard": "generate",
    "energy": "generate",
    "keys": "keys",
    "label": "label",
    "sign-declaration": "label",
    "ledger": "ledger",
    "probe": "probe",
    "init": "project",
    "report": "report",
    "cartel": "report",
    "summary": "report",
    "serve": "serve",
    "trust": "trust",
    "tsa": "tsa",
    "verify": "verify",
}


def register(name: str | None = None) -> None:
    """Register the command ``name`` on ``app`` (every command when None or unknown),
    after the app's help and global options. The modules register themselves when
    imported, so each registers once."""
    own = COMMAND_MODULES.get(name or "")
    for module in ["root", *([own] if own else sorted(set(COMMAND_MODULES.values())))]:
        importlib.import_module(f"artcharter.cli.{module}")


class _NeverRaised(Exception):
    """Stands for the exceptions of a module nothing has imported: none can be raised."""


def _loaded(module: str, name: str) -> Any:
    """The exception class ``module.name`` if the module is loaded, else one never raised.

    Evaluated only when an exception reaches an ``except`` clause, so that start-up does
    not import click (typer carries its own copy) or sqlite3 (loaded with the ledger).
    """
    found = sys.modules.get(module)
    return getattr(found, name) if found is not None else _NeverRaised


def run(argv: list[str] | None = None) -> int:
    """Run the app and return its exit code; errors become one line on stderr.

    Standard output passes through an ``InertStream``: nothing read from a file (a title,
    a name) can send a terminal a control sequence. Help (coloured by typer) and stderr
    (progress bars redraw their line) are left as they are; errors are made inert by
    ``echo_error``."""
    args = hoist_lang(sys.argv[1:] if argv is None else argv)
    if shows_help(args):
        from artcharter.cli import helppage

        set_help_lang(reader_lang(args))
        helppage.install()
        return _run(args, argv)
    from artcharter.base.inert import InertStream

    stdout = sys.stdout
    sys.stdout = InertStream(stdout)  # type: ignore[assignment]
    asking = _hidden_prompt(args)
    try:
        return _run(args, argv)
    finally:
        sys.stdout = stdout
        if asking is not None:
            passphrase_prompt.reset(asking)


def _hidden_prompt(args: list[str]) -> Any:
    """On a terminal, an encrypted key's passphrase can be typed at a hidden prompt (an
    option shows in `ps` and the shell history)."""
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        return None

    def ask(path: Path) -> str:
        import getpass

        return getpass.getpass(text("passphrase.prompt", reader_lang(args), path=path))

    return passphrase_prompt.set(ask)


def _run(args: list[str], argv: list[str] | None) -> int:
    register(command_name(args))
    from artcharter.cli.coercion import install
    from artcharter.cli.context import echo_error  # its shared options read the help language

    install()  # plain arguments coerced without pydantic (start-up)

    try:
        result = app(args=args, prog_name="artcharter", standalone_mode=False)
    except (KeyboardInterrupt, _loaded("click.exceptions", "Abort")):
        echo_error(text("error.interrupted", reader_lang(args)))
        return EXIT_INTERRUPTED
    except _loaded("click.exceptions", "Exit") as exc:
        return exc.exit_code
    except _loaded("click.exceptions", "NoArgsIsHelpError") as exc:
        exc.show()  # the help text a bare `artcharter keys` asks for
        return exc.exit_code
    except (_loaded("click.exceptions", "ClickException"), typer.TyperException) as exc:
        # typer raises its own copy of click's exceptions, with the same interface.
        lang = reader_lang(args)
        said = usage_message(exc)  # click's English, in the reader's words
        if isinstance(getattr(exc, "message", None), Message):  # a text of the catalogue
            exc.message = exc.message.render(lang)  # type: ignore[union-attr]
        hint = ""
        if getattr(exc, "ctx", None) is not None:  # a usage error: point to the help
            hint = text("error.see_help", lang, command=exc.ctx.command_path)
        line = said.render(lang) if said is not None else exc.format_message()  # type: ignore[union-attr]
        echo_error(one_line(line) + hint)
        return int(getattr(exc, "exit_code", EXIT_BAD_INPUT))
    except _loaded("sqlite3", "DatabaseError") as exc:
        # Any command may read the ledger; a damaged one is bad input, not a crash.
        echo_error(text("error.ledger_unreadable", reader_lang(args), error=exc))
        return EXIT_BAD_INPUT
    except OSError as exc:
        # A path given by the user that cannot be read or written (permissions, full disk).
        where = f"{exc.filename}: " if exc.filename else ""
        echo_error(f"{where}{exc.strerror or exc}")
        return EXIT_BAD_INPUT
    except ArtcharterError as exc:
        # In the reader's language, naming the options the reader typed.
        echo_error(render_error(exc, typer.main.get_command(app), args))
        return exc.exit_code
    except ImportError as exc:
        # A library of an extra the light install leaves out (torch, diffusers...).
        from artcharter.base.extras import missing_extra

        missing = missing_extra(exc)
        if missing is None:
            raise
        echo_error(missing.render(reader_lang(args)))
        return missing.exit_code
    return result if isinstance(result, int) else 0


def main() -> None:
    sys.exit(run())
