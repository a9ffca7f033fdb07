"""The typer app: global options, error handling, and the registry of command modules.

Every command module (``*_cmd.py``) registers its commands on ``app``. Heavy libraries are
imported inside the command functions, so `artcharter --help` and `verify` start fast.
"""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path
from typing import Annotated

import click
import typer

from artcharter.base.errors import EXIT_BAD_INPUT, EXIT_INTERRUPTED, ArtcharterError
from artcharter.cli.context import Options, echo_error

app = typer.Typer(
    name="artcharter",
    help=(
        "Responsible use of generative AI in art: sign honest AI disclosures (C2PA), "
        "measure energy, probe biases, check a school's charter, and write reports.\n\n"
        "Exit codes: 0 success; 1 a file failed verification or a required charter rule; "
        "2 bad input or usage; 3 missing set-up (project, keys, model); 130 interrupted."
    ),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _global(
    ctx: typer.Context,
    project: Annotated[
        Path | None,
        typer.Option(
            help="Project folder (default: nearest artcharter.toml).", envvar="ARTCHARTER_PROJECT"
        ),
    ] = None,
    ledger: Annotated[
        Path | None,
        typer.Option(help="Ledger file (default: the project's).", envvar="ARTCHARTER_LEDGER"),
    ] = None,
    lang: Annotated[
        str | None, typer.Option(help="Language of messages and reports: fr or en.")
    ] = None,
) -> None:
    if lang is not None and lang not in ("fr", "en"):
        raise typer.BadParameter("choose fr or en", param_hint="--lang")
    ctx.obj = Options(project=project, ledger=ledger, lang=lang)


def _register() -> None:
    # Imported for their side effect: each module adds its commands to `app`.
    from artcharter.cli import (  # noqa: F401
        charter,
        demo,
        generate,
        keys,
        label,
        ledger,
        probe,
        project,
        report,
        serve,
        verify,
    )


_register()


def run(argv: list[str] | None = None) -> int:
    """Run the app and return its exit code; errors become one line on stderr."""
    try:
        result = app(args=argv, prog_name="artcharter", standalone_mode=False)
    except (KeyboardInterrupt, click.exceptions.Abort):
        echo_error("interrupted")
        return EXIT_INTERRUPTED
    except click.exceptions.Exit as exc:
        return exc.exit_code
    except click.exceptions.NoArgsIsHelpError as exc:
        exc.show()  # the help text a bare `artcharter keys` asks for
        return exc.exit_code
    except (click.ClickException, typer.TyperException) as exc:
        # typer raises its own copy of click's exceptions, with the same interface.
        hint = ""
        if getattr(exc, "ctx", None) is not None:  # a usage error: point to the help
            hint = f" (see `{exc.ctx.command_path} --help`)"
        echo_error(" ".join(exc.format_message().split()) + hint)  # type: ignore[union-attr]
        return int(getattr(exc, "exit_code", EXIT_BAD_INPUT))
    except sqlite3.DatabaseError as exc:
        # Any command may read the ledger; a damaged one is bad input, not a crash.
        echo_error(f"the ledger cannot be read: {exc} (damaged, or not an artcharter ledger)")
        return EXIT_BAD_INPUT
    except OSError as exc:
        # A path given by the user that cannot be read or written (permissions, full disk).
        where = f"{exc.filename}: " if exc.filename else ""
        echo_error(f"{where}{exc.strerror or exc}")
        return EXIT_BAD_INPUT
    except ArtcharterError as exc:
        # Library errors name Python parameters; here they read as the options typed.
        echo_error(exc.render("en", param=as_option))
        return exc.exit_code
    return result if isinstance(result, int) else 0


def as_option(name: str) -> str:
    """A library parameter as the command line spells it: ``batch_size`` -> ``--batch-size``."""
    return "--" + name.replace("_", "-")


def main() -> None:
    sys.exit(run())
