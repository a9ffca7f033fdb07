"""The app's own help and its global options, in the reader's language (imported by
``register`` after ``run`` has set the language of the help texts)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from artcharter.cli import app
from artcharter.cli.context import Options
from artcharter.cli.messages import MESSAGES, help_text

app.info.help = help_text("help.app")


@app.callback()
def _global(
    ctx: typer.Context,
    project: Annotated[
        Path | None,
        typer.Option(help=help_text("help.project"), envvar="ARTCHARTER_PROJECT"),
    ] = None,
    ledger: Annotated[
        Path | None,
        typer.Option(help=help_text("help.ledger"), envvar="ARTCHARTER_LEDGER"),
    ] = None,
    lang: Annotated[str | None, typer.Option(help=help_text("help.lang"))] = None,
) -> None:
    if lang is not None and lang not in ("fr", "en"):
        raise typer.BadParameter(MESSAGES("error.lang"), param_hint="--lang")
    ctx.obj = Options(project=project, ledger=ledger, lang=lang)
