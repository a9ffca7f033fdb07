"""`artcharter init` and `artcharter demo`: set up a project, or see the whole path at once."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated

import typer

from artcharter.cli import app
from artcharter.cli.context import options
from artcharter.cli.messages import help_text, text


@app.command(help=help_text("help.project.init"))
def init(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help=help_text("help.project.init.folder"))] = Path("."),
    name: Annotated[str | None, typer.Option(help=help_text("help.project.init.name"))] = None,
    lang: Annotated[str | None, typer.Option(help=help_text("help.project.init.lang"))] = None,
    country: Annotated[str, typer.Option(help=help_text("help.project.init.country"))] = "FRA",
) -> None:
    from artcharter.base.messages import locale_lang, normalise_lang
    from artcharter.provenance.config import init_project, load_config
    from artcharter.provenance.ledger import Ledger

    # The project's language: the one asked for (init's or the global --lang), else
    # ARTCHARTER_LANG or the locale; said, with how to change it, below.
    lang = lang or options(ctx).lang or normalise_lang(locale_lang()) or "en"
    config = init_project(folder, name or folder.resolve().name, lang=lang, country=country)
    project = load_config(folder, options(ctx).ledger)
    Ledger(project.ledger_path).close()
    typer.echo(text("init.project", lang, path=config))
    typer.echo(text("init.ledger", lang, path=project.ledger_path))
    typer.echo(text("init.lang", lang))
    # One whole command per line: each works when copied (quotes for names with spaces).
    school = shlex.quote(config.parent.name if name is None else name)
    artist = shlex.quote(text("init.artist_example", lang))
    steps = (
        f"cd {shlex.quote(str(folder))}",
        f"artcharter keys init-school --name {school}",
        f"artcharter keys issue --artist {artist} --email {text('init.email_example', lang)}"
        "@example.org --default",
    )
    typer.echo(text("init.next", lang))
    for step in steps:
        typer.echo(f"  {step}")
