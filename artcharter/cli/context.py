"""What every command shares: the global options, the project, the ledger, output helpers."""

from __future__ import annotations

import json
import sys
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from artcharter.provenance.project import Project, load_project

if TYPE_CHECKING:
    from artcharter.provenance.ledger import Ledger


# Options several commands share, written once so their help reads the same everywhere.
ArtistOption = Annotated[str | None, typer.Option(help="Signing artist (default: the project's).")]
PassphraseOption = Annotated[
    str | None,
    typer.Option(
        help="Passphrase of the artist key.", envvar="ARTCHARTER_PASSPHRASE", show_envvar=False
    ),
]
TrustOption = Annotated[
    list[Path] | None,
    typer.Option(
        help="Trusted root certificate (PEM). Repeatable. Default: the project's keys/school-root.pem."
    ),
]


@dataclass
class Options:
    project: Path | None = None
    ledger: Path | None = None
    lang: str | None = None


def options(ctx: typer.Context) -> Options:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Options) else Options()


def project_of(ctx: typer.Context) -> Project:
    opts = options(ctx)
    return load_project(opts.project, opts.ledger)


def anchors_of(trust: list[Path] | None, project: Project) -> tuple[str, ...]:
    """The trust anchors of a command: --trust files, else the project's school root."""
    from artcharter.provenance.verify import read_anchors

    paths = list(trust or [])
    if not paths and project.school_root.exists():
        paths = [project.school_root]
    return read_anchors(paths)


def lang_of(ctx: typer.Context, project: Project | None = None) -> str:
    opts = options(ctx)
    if opts.lang:
        return opts.lang
    return (project or project_of(ctx)).lang


def open_ledger(project: Project, *, create: bool = True) -> Ledger | None:
    """The project's ledger, or None when there is no project and none should be created."""
    from artcharter.provenance.ledger import Ledger

    if not create and not project.ledger_path.exists() and not project.has_config:
        return None
    return Ledger(project.ledger_path)


def echo_error(message: str) -> None:
    typer.echo(f"artcharter: error: {message}", err=True)


def echo_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def echo_json_list(items: Iterable[Any]) -> None:
    """Print a JSON list one item at a time, exactly as ``echo_json(list(items))`` would:
    the results of thousands of files are never held in memory together."""
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2, default=str)
        typer.echo(("[\n" if first else ",\n") + textwrap.indent(text, "  "), nl=False)
        first = False
    typer.echo("[]" if first else "\n]")


def stderr_is_tty() -> bool:
    return sys.stderr.isatty()
