"""`artcharter trust`: the C2PA trust lists, the second trust tier beside the school's."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from artcharter.cli import app
from artcharter.cli.context import project_of
from artcharter.cli.messages import help_text, text

trust_app = typer.Typer(help=help_text("help.trust.trust_app"), no_args_is_help=True)
app.add_typer(trust_app, name="trust")


@trust_app.command("update", help=help_text("help.trust.update"))
def update(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=help_text("help.trust.update.file"))],
    tsa: Annotated[bool, typer.Option("--tsa", help=help_text("help.trust.update.tsa"))] = False,
    date: Annotated[str | None, typer.Option(help=help_text("help.trust.update.date"))] = None,
    source: Annotated[str | None, typer.Option(help=help_text("help.trust.update.source"))] = None,
) -> None:
    project = project_of(ctx)
    installed = project.update_trust_list(file, "tsa" if tsa else "c2pa", date=date, source=source)
    typer.echo(
        text(
            f"trust.updated.{installed['kind']}",
            project.lang,
            count=installed["certificates"],
            date=installed["date"],
            folder=project.root / "trust",
        )
    )


@trust_app.command("show", help=help_text("help.trust.show"))
def show(ctx: typer.Context) -> None:
    project = project_of(ctx)
    for kind, item in project.trust_lists.items():
        typer.echo(
            text(
                f"trust.shown.{kind}",
                project.lang,
                count=item["certificates"],
                date=item["date"],
                source=item["source"],
            )
        )
