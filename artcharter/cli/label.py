"""`artcharter label`: attach an honest, signed AI disclosure to an existing image."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from artcharter.base.errors import BadInput
from artcharter.cli import app
from artcharter.cli.context import (
    ArtistOption,
    JsonListWriter,
    NullFile,
    PassphraseOption,
    echo_json,
    project_of,
    warn_if_not_time_stamped,
)
from artcharter.cli.edge import option_namer
from artcharter.cli.messages import MESSAGES as CLI_MESSAGES
from artcharter.cli.messages import help_text, text

if TYPE_CHECKING:
    from artcharter.project import Project
    from artcharter.provenance.label import Signed
    from artcharter.provenance.label_folder import FolderSeries


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
    # The same options for one work and for a folder of them.
    options: dict[str, Any] = {
        "source_type": source_type,
        "tool": tool,
        "prompt": prompt,
        "private_prompt": private_prompt,
        "ingredients": [parse_ingredient(i) for i in ingredient or []],
        "training_mining": training_mining,
        "training_constraint": training_constraint,
        "title": title,
        "declaration": declaration,
        "artist": artist,
        "passphrase": passphrase,
        "force": force,
        "watermark": watermark,
        "model_kind": model_kind,
    }
    if image.is_dir():
        _label_folder(project, option_namer(ctx.command, []), image, output, json=json, **options)
        return
    signed = project.label(image, output, **options)
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


def _label_folder(
    project: Project,
    option: Callable[[str], str],
    folder: Path,
    output: Path,
    *,
    json: bool,
    **options: Any,
) -> None:
    """``label FOLDER -o OUTDIR``: every file signed as one series, a progress bar on a
    terminal, one line per file that could not be signed, and exit code 2 if any."""
    lang = project.lang
    show_bar = not json and sys.stderr.isatty()
    stream = JsonListWriter() if json else None
    signed: list[Signed] = []  # at most the last one: nothing is kept per file
    count = [0]
    with ExitStack() as stack:
        bars: list[Any] = []

        def on_series(series: FolderSeries) -> None:
            key = "label.folder_resumed" if series.resumed else "label.folder_series"
            typer.echo(
                text(key, lang, id=series.series_id, n=series.n, done=series.done, folder=folder),
                err=True,
            )
            bar = typer.progressbar(
                length=series.n - series.done,
                label=text("label.folder_bar", lang),
                file=sys.stderr if show_bar else NullFile(),
            )
            bars.append(stack.enter_context(bar))

        def on_file(made: Signed) -> None:
            signed[:] = [made]
            count[0] += 1
            bars[0].update(1)
            if stream is not None:
                stream.add(
                    {"path": str(made.path), "sha256": made.sha256, "record": made.record.to_dict()}
                )
            elif not show_bar:
                typer.echo(text("label.folder_file", lang, path=made.path))

        def on_error(source: Path, error: BadInput) -> None:
            bars[0].update(1)
            said = error.render(lang, option)  # "--force", as the reader typed it
            # Most errors name the file already: not twice.
            key = "label.file_failed_named" if source.name in said else "label.file_failed"
            line = text(key, lang, name=source.name, error=said)
            typer.echo(("\n" if show_bar else "") + line, err=True)

        try:
            done = project.label_folder(
                folder,
                output,
                on_series=on_series,
                on_file=on_file,
                on_error=on_error,
                **options,
            )
        except KeyboardInterrupt:
            if stream is not None:
                stream.close()
            if bars:  # the series was opened: its files so far are signed and recorded
                typer.echo(
                    "\n" + CLI_MESSAGES.count("label.folder_interrupted", count[0], lang), err=True
                )
            raise
    if stream is not None:
        stream.close()
    if signed:
        warn_if_not_time_stamped(signed[0], project)
    typer.echo(
        CLI_MESSAGES.count(
            "label.folder_done",
            done.signed,
            lang,
            already=done.already,
            total=done.n,
            output=output,
            id=done.series_id,
        ),
        err=json,
    )
    if done.failed:
        raise BadInput(CLI_MESSAGES.counted("label.folder_failed", done.failed, total=done.n))


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
