"""What every command shares: the global options, the project, the ledger, output helpers."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from artcharter.cli.messages import help_text, text
from artcharter.provenance.config import load_config

if TYPE_CHECKING:
    from artcharter.project import Project
    from artcharter.provenance.ledger import Ledger


# Options several commands share, written once so their help reads the same everywhere.
ArtistOption = Annotated[str | None, typer.Option(help=help_text("help.context.ArtistOption"))]
PassphraseOption = Annotated[
    str | None,
    typer.Option(
        help=help_text("help.context.PassphraseOption"),
        envvar="ARTCHARTER_PASSPHRASE",
        show_envvar=False,
    ),
]
TrustOption = Annotated[list[Path] | None, typer.Option(help=help_text("help.trust"))]


@dataclass
class Options:
    project: Path | None = None
    ledger: Path | None = None
    lang: str | None = None


def options(ctx: typer.Context) -> Options:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Options) else Options()


def project_of(
    ctx: typer.Context,
    *,
    charter: Path | None = None,
    trust: list[Path] | None = None,
    protected_names: Path | None = None,
) -> Project:
    """The project of a command, with the global options and the command's own overrides;
    its ledger closes when the command ends."""
    from artcharter.project import from_config

    opts = options(ctx)
    project = from_config(
        load_config(opts.project, opts.ledger),
        ledger=opts.ledger,
        lang=opts.lang,
        charter=charter,
        trust=trust or (),
        protected_names=protected_names,
    )
    ctx.call_on_close(project.close)
    return project


def lang_of(ctx: typer.Context, project: Project | None = None) -> str:
    return (project or project_of(ctx)).lang


def open_ledger(project: Project, *, create: bool = True) -> Ledger | None:
    """The project's ledger, or None when there is no project and none should be created."""
    from artcharter.provenance.ledger import Ledger

    if not create and not project.ledger_path.exists() and not project.has_config:
        return None
    return Ledger(project.ledger_path)


def echo_error(message: str) -> None:
    from artcharter.base.inert import inert

    typer.echo(f"artcharter: error: {inert(message)}", err=True)


def echo_json(data: Any) -> None:
    from artcharter.base.inert import json_text

    typer.echo(json_text(json.dumps(data, ensure_ascii=False, indent=2, default=str)))


def echo_json_list(items: Iterable[Any]) -> None:
    """Print a JSON list one item at a time, one item per line: the results of thousands
    of files are never held in memory together."""
    writer = JsonListWriter()
    for item in items:
        writer.add(item)
    writer.close()


class NullFile:
    """A file that swallows a progress bar when it should not show (not a terminal)."""

    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


class JsonListWriter:
    """A JSON list printed as its items come (``add``), closed once by ``close`` (also after
    an interruption: what was printed is then still a valid list). Without ``indent``,
    ``json`` uses its C encoder (with it, the pure-Python one: several times slower over
    many items)."""

    def __init__(self) -> None:
        self._first = True
        self._closed = False

    def add(self, item: Any) -> None:
        from artcharter.base.inert import json_text

        text = json_text(json.dumps(item, ensure_ascii=False, default=str))
        self._write(("[\n" if self._first else ",\n") + text)
        self._first = False

    def close(self) -> None:
        if not self._closed:
            self._write("[]\n" if self._first else "\n]\n")
            self._closed = True

    @staticmethod
    def _write(text: str) -> None:
        # Straight to stdout, flushed so that each item shows as it comes: typer.echo
        # would also look for terminal colour codes to strip, which JSON never holds
        # (it escapes every control character).
        sys.stdout.write(text)
        sys.stdout.flush()


def stderr_is_tty() -> bool:
    return sys.stderr.isatty()


def stdin_is_tty() -> bool:
    """Whether a person can answer a question (not a script, not a pipe)."""
    return sys.stdin is not None and sys.stdin.isatty()


def warn_if_not_time_stamped(signed: Any, project: Project) -> None:
    """Say on stderr when the project's time-stamp authority did not stamp a signature:
    the file is then valid only as long as the artist's certificate."""
    if project.config.tsa_url and not getattr(signed, "time_stamped", True):
        typer.echo(
            text("signing.not_time_stamped", project.lang, url=project.config.tsa_url), err=True
        )
