"""`artcharter init` and `artcharter demo`: set up a project, or see the whole path at once."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from artcharter.cli import app
from artcharter.cli.context import options
from artcharter.cli.messages import help_text


@app.command(help=help_text("help.project.init"))
def init(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help=help_text("help.project.init.folder"))] = Path("."),
    name: Annotated[str | None, typer.Option(help=help_text("help.project.init.name"))] = None,
    lang: Annotated[str, typer.Option(help=help_text("help.project.init.lang"))] = "fr",
    country: Annotated[str, typer.Option(help=help_text("help.project.init.country"))] = "FRA",
) -> None:
    from artcharter.base.typography import punct
    from artcharter.provenance.config import init_project, load_config
    from artcharter.provenance.ledger import Ledger

    config = init_project(folder, name or folder.resolve().name, lang=lang, country=country)
    project = load_config(folder, options(ctx).ledger)
    Ledger(project.ledger_path).close()
    fr = lang == "fr"
    colon = punct(":", lang)
    typer.echo(f"{'projet' if fr else 'project'}{colon}{config}")
    typer.echo(f"{'registre' if fr else 'ledger'}{colon}{project.ledger_path}")
    # One whole command per line: each works when copied (quotes for names with spaces).
    school = shlex.quote(config.parent.name if name is None else name)
    artist = shlex.quote("Prénom Nom" if fr else "First Last")
    steps = (
        f"cd {shlex.quote(str(folder))}",
        f"artcharter keys init-school --name {school}",
        f"artcharter keys issue --artist {artist} --email {'prenom.nom' if fr else 'first.last'}"
        "@example.org --default",
    )
    typer.echo(f"{'ensuite' if fr else 'next'}{colon}".rstrip())
    for step in steps:
        typer.echo(f"  {step}")
