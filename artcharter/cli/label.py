"""`artcharter label`: attach an honest, signed AI disclosure to an existing image."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from artcharter.cli import app
from artcharter.cli.context import ArtistOption, PassphraseOption, echo_json, project_of
from artcharter.cli.messages import text


def parse_ingredient(value: str) -> tuple[Path, str]:
    """'sketch.jpg' or 'sketch.jpg:sketch' (ROLE among sketch, photo, init-image, ...)."""
    path, sep, role = value.rpartition(":")
    if sep and role and "/" not in role and not Path(value).exists():
        return Path(path), role
    return Path(value), "other"


@app.command()
def label(
    ctx: typer.Context,
    image: Annotated[Path, typer.Argument(help="The image to label (never modified).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the signed copy.")],
    source_type: Annotated[
        str,
        typer.Option(
            help="IPTC digital source type: trainedAlgorithmicMedia, compositeWithTrainedAlgorithmicMedia, humanEdits, digitalCapture, ..."
        ),
    ],
    tool: Annotated[str | None, typer.Option(help='AI tool used, e.g. "Midjourney v6".')] = None,
    prompt: Annotated[str | None, typer.Option(help="Prompt given to the tool.")] = None,
    private_prompt: Annotated[
        bool, typer.Option(help="Write only the prompt's SHA-256 into the file.")
    ] = False,
    ingredient: Annotated[
        list[str] | None,
        typer.Option(
            help="Human input as PATH or PATH:ROLE (sketch, photo, init-image, earlier-version, reference, other). Repeatable."
        ),
    ] = None,
    training_mining: Annotated[
        str | None,
        typer.Option(
            help="AI training and data mining: allowed, notAllowed, constrained (default: the declaration's choice, else notAllowed)."
        ),
    ] = None,
    title: Annotated[str | None, typer.Option(help="Title of the artwork.")] = None,
    artist: ArtistOption = None,
    passphrase: PassphraseOption = None,
    declaration: Annotated[
        Path | None,
        typer.Option(
            help="Artist's declaration (TOML, see `artcharter declare`), embedded in the file."
        ),
    ] = None,
    force: Annotated[bool, typer.Option(help="Overwrite the output if it exists.")] = False,
    json: Annotated[bool, typer.Option("--json", help="Print the record as JSON.")] = False,
) -> None:
    """Write a signed copy of IMAGE that says how AI was used (C2PA + IPTC XMP)."""
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
        title=title,
        declaration=declaration,
        artist=artist,
        passphrase=passphrase,
        force=force,
    )
    if json:
        echo_json(
            {"path": str(signed.path), "sha256": signed.sha256, "record": signed.record.to_dict()}
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
