"""`artcharter label`: attach an honest, signed AI disclosure to an existing image."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from artcharter.cli import app
from artcharter.cli.context import (
    ArtistOption,
    PassphraseOption,
    echo_json,
    project_of,
    warn_if_not_time_stamped,
)
from artcharter.cli.messages import help_text, text


def parse_ingredient(value: str) -> tuple[Path, str]:
    """'sketch.jpg' or 'sketch.jpg:sketch' (ROLE among sketch, photo, init-image, ...)."""
    path, sep, role = value.rpartition(":")
    if sep and role and "/" not in role and not Path(value).exists():
        return Path(path), role
    return Path(value), "other"


@app.command(help=help_text("help.label.label"))
def label(
    ctx: typer.Context,
    image: Annotated[Path, typer.Argument(help=help_text("help.label.label.image"))],
    output: Annotated[
        Path, typer.Option("-o", "--output", help=help_text("help.label.label.output"))
    ],
    source_type: Annotated[
        str,
        typer.Option(help=help_text("help.label.label.source_type")),
    ],
    tool: Annotated[str | None, typer.Option(help=help_text("help.label.label.tool"))] = None,
    prompt: Annotated[str | None, typer.Option(help=help_text("help.label.label.prompt"))] = None,
    private_prompt: Annotated[
        bool, typer.Option(help=help_text("help.label.label.private_prompt"))
    ] = False,
    ingredient: Annotated[
        list[str] | None,
        typer.Option(help=help_text("help.label.label.ingredient")),
    ] = None,
    training_mining: Annotated[
        str | None,
        typer.Option(help=help_text("help.label.label.training_mining")),
    ] = None,
    training_constraint: Annotated[
        str | None,
        typer.Option(help=help_text("help.label.label.training_constraint")),
    ] = None,
    title: Annotated[str | None, typer.Option(help=help_text("help.label.label.title"))] = None,
    artist: ArtistOption = None,
    passphrase: PassphraseOption = None,
    declaration: Annotated[
        Path | None,
        typer.Option(help=help_text("help.label.label.declaration")),
    ] = None,
    force: Annotated[bool, typer.Option(help=help_text("help.label.label.force"))] = False,
    watermark: Annotated[bool, typer.Option(help=help_text("help.label.label.watermark"))] = False,
    model_kind: Annotated[
        str | None, typer.Option(help=help_text("help.label.label.model_kind"))
    ] = None,
    json: Annotated[bool, typer.Option("--json", help=help_text("help.label.label.json"))] = False,
) -> None:
    project = project_of(ctx)
    signed = project.label(
        image,
        output,
        source_type=source_type,
        tool=tool,
        prompt=prompt,
        private_prompt=private_prompt,
        ingredients=[parse_ingredient(i) for i in ingredient or []],
        training_mining=training_mining,
        training_constraint=training_constraint,
        title=title,
        declaration=declaration,
        artist=artist,
        passphrase=passphrase,
        force=force,
        watermark=watermark,
        model_kind=model_kind,
    )
    warn_if_not_time_stamped(signed, project)
    if json:
        echo_json(
            {
                "path": str(signed.path),
                "sha256": signed.sha256,
                "time_stamped": signed.time_stamped,
                "soft_binding": signed.iscc,
                "record": signed.record.to_dict(),
            }
        )
    else:
        typer.echo(
            text(
                "label.signed",
                project.lang,
                path=signed.path,
                artwork_id=signed.record.artwork_id,
                sha256=signed.sha256[:16],
            )
        )


@app.command("sign-declaration", help=help_text("help.label.sign_declaration"))
def sign_declaration(
    ctx: typer.Context,
    image: Annotated[Path, typer.Argument(help=help_text("help.label.sign_declaration.image"))],
    declaration: Annotated[
        Path, typer.Argument(help=help_text("help.label.sign_declaration.declaration"))
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help=help_text("help.label.sign_declaration.output"))
    ],
    title: Annotated[
        str | None, typer.Option(help=help_text("help.label.sign_declaration.title"))
    ] = None,
    training_mining: Annotated[
        str | None,
        typer.Option(help=help_text("help.label.sign_declaration.training_mining")),
    ] = None,
    artist: ArtistOption = None,
    passphrase: PassphraseOption = None,
    force: Annotated[bool, typer.Option(help=help_text("help.label.label.force"))] = False,
    json: Annotated[bool, typer.Option("--json", help=help_text("help.label.label.json"))] = False,
) -> None:
    project = project_of(ctx)
    signed = project.sign_declaration(
        image,
        declaration,
        output,
        title=title,
        training_mining=training_mining,
        artist=artist,
        passphrase=passphrase,
        force=force,
    )
    if json:
        echo_json(
            {"path": str(signed.path), "sha256": signed.sha256, "record": signed.record.to_dict()}
        )
        return
    typer.echo(
        text(
            "label.declaration_signed",
            project.lang,
            path=signed.path,
            artwork_id=signed.record.artwork_id,
            sha256=signed.sha256[:16],
            parent=image,
        )
    )
