"""`artcharter ledger ...`: what the project has generated, signed and verified."""

from __future__ import annotations

import json as jsonlib
from pathlib import Path
from typing import Annotated

import typer

from artcharter.base.errors import BadInput, SetupError
from artcharter.base.inert import inert
from artcharter.cli import app
from artcharter.cli.context import TrustOption, echo_json, lang_of, project_of
from artcharter.cli.messages import MESSAGES, help_text, text
from artcharter.provenance.messages import MESSAGES as PROVENANCE

# The statuses `ledger list` writes in words (table names stay: they are SQLite's).
STATUSES = ("kept", "discarded", "signed", "replaced")

ledger_app = typer.Typer(help=help_text("help.ledger.ledger_app"), no_args_is_help=True)
app.add_typer(ledger_app, name="ledger")


def _open(ctx: typer.Context):  # noqa: ANN202 - artcharter.provenance.ledger.Ledger, imported lazily
    from artcharter.provenance.ledger import Ledger

    project = project_of(ctx)
    if not project.ledger_path.exists():
        raise SetupError(PROVENANCE("ledger.missing", path=project.ledger_path))
    return Ledger(project.ledger_path)


def _text(key: str) -> str:
    """A key typed on the command line as SQLite can take it (a path may not be UTF-8)."""
    return key.encode("utf-8", "backslashreplace").decode("utf-8")


def _table(name: str, lang: str) -> str:
    return text(f"ledger.table.{name}", lang) if f"ledger.table.{name}" in MESSAGES else name


@ledger_app.command("list", help=help_text("help.ledger.list_rows"))
def list_rows(
    ctx: typer.Context,
    status: Annotated[
        str | None,
        typer.Option(help=help_text("help.ledger.list_rows.status")),
    ] = None,
    limit: Annotated[int, typer.Option(help=help_text("help.ledger.list_rows.limit"))] = 50,
    probes: Annotated[
        bool, typer.Option("--probes", help=help_text("help.ledger.list_rows.probes"))
    ] = False,
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.ledger.list_rows.json"))
    ] = False,
) -> None:
    with _open(ctx) as ledger:
        rows = ledger.artworks(status=status, limit=limit, probes=probes)
        counts = ledger.counts()
    if json:
        echo_json(
            {
                "counts": counts,
                "artworks": [{k: v for k, v in r.items() if k != "record"} for r in rows],
            }
        )
        return
    lang = lang_of(ctx)
    # Each count brings its separator first: the first one is dropped. A table another
    # program added to the ledger keeps its own name.
    tables = "".join(
        text("ledger.count", lang, table=_table(k, lang), n=v) for k, v in counts.items()
    )
    typer.echo(text("ledger.counts", lang, tables=tables.lstrip(" ,")))
    for row in rows:
        # Any column may be NULL in a ledger edited or damaged outside artcharter.
        cell = {k: "?" if v is None else inert(v) for k, v in row.items()}
        if cell["status"] in STATUSES:
            cell["status"] = text(f"ledger.status.{cell['status']}", lang)
        who = text("ledger.probe_image", lang) if row.get("kind") == "probe" else cell["artist"]
        what = inert(row["model_id"] or row["tool"] or cell["source_type"])
        typer.echo(
            f"{cell['artwork_id'][:8]}  {cell['status']:9} {cell['created_at'][:19]}  {who:20} {what!s:28} {cell['path']}"
        )


@ledger_app.command("metadata", help=help_text("help.ledger.metadata"))
def metadata(ctx: typer.Context) -> None:
    from artcharter.provenance.ledger_metadata import datasette_metadata

    project = project_of(ctx)
    # Datasette names a database after its file, without the extension.
    database = project.ledger_path.name.rsplit(".", 1)[0]
    echo_json(datasette_metadata(lang_of(ctx, project), database))


@ledger_app.command("show", help=help_text("help.ledger.show"))
def show(
    ctx: typer.Context,
    key: Annotated[str, typer.Argument(help=help_text("help.ledger.show.key"))],
) -> None:
    with _open(ctx) as ledger:
        row = ledger.find_artwork(key)
        if row is None and len(key) >= 4:
            matches = ledger.artworks_by_id_prefix(_text(key))
            row = matches[0] if len(matches) == 1 else None
        if row is None:
            raise BadInput(MESSAGES("ledger.no_artwork", key=key))
        verifications = ledger.verifications_of_sha256(row["sha256"])
    try:
        record = jsonlib.loads(row["record"] or "null")
    except (ValueError, TypeError):
        raise BadInput(MESSAGES("ledger.damaged_record", artwork_id=row["artwork_id"])) from None
    echo_json(
        {
            **{k: v for k, v in row.items() if k != "record"},
            "record": record,
            "verifications": verifications,
        }
    )


@ledger_app.command("import", help=help_text("help.ledger.import_files"))
def import_files(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help=help_text("help.ledger.import_files.files"))],
    trust: TrustOption = None,
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.ledger.import_files.json"))
    ] = False,
) -> None:
    from artcharter.provenance import trust_list, verdicts
    from artcharter.provenance.image_files import image_paths
    from artcharter.provenance.ledger_import import import_verified
    from artcharter.provenance.verify import iter_verify

    project = project_of(ctx, trust=trust)
    lang = project.lang
    anchors = project.anchors
    if not trust_list.split(anchors)[0]:  # the C2PA lists never vouch for a school's work
        raise SetupError(MESSAGES("ledger.no_trust", path=project.school_root))
    paths = image_paths(files)
    outcomes = []
    with _open(ctx) as ledger:
        for verification in iter_verify(paths, anchors):
            outcome = import_verified(ledger, verification)
            outcomes.append(outcome)
            if not json:
                typer.echo(
                    text(
                        f"ledger.import.{outcome.outcome}",
                        lang,
                        path=inert(outcome.path),
                        id=inert((outcome.artwork_id or "")[:8]),
                        verdict=verdicts.title(outcome.verdict, lang),
                    )
                )
    if json:
        echo_json([o.to_dict() for o in outcomes])
    else:
        count = {kind: sum(o.outcome == kind for o in outcomes) for kind in ("imported", "already")}
        typer.echo(
            text(
                "ledger.import.total",
                lang,
                imported=count["imported"],
                already=count["already"],
                skipped=len(outcomes) - count["imported"] - count["already"],
            )
        )
    if not all(o.ok for o in outcomes):
        # As verify: an unreadable file is bad input (2), any other refusal is 1.
        raise typer.Exit(
            max(verdicts.EXIT_CODES[o.verdict] if not o.ok else 0 for o in outcomes) or 1
        )


@ledger_app.command("merge", help=help_text("help.ledger.merge"))
def merge(
    ctx: typer.Context,
    other: Annotated[Path, typer.Argument(help=help_text("help.ledger.merge.other"))],
    files: Annotated[
        list[Path] | None, typer.Option("--files", help=help_text("help.ledger.merge.files"))
    ] = None,
    trust: TrustOption = None,
    json: Annotated[bool, typer.Option("--json", help=help_text("help.ledger.merge.json"))] = False,
) -> None:
    from artcharter.provenance import trust_list
    from artcharter.provenance.ledger_merge import merge_ledger

    project = project_of(ctx, trust=trust)
    lang = project.lang
    anchors = project.anchors
    if not trust_list.split(anchors)[0]:  # the C2PA lists never vouch for a school's work
        raise SetupError(MESSAGES("ledger.no_trust", path=project.school_root))
    if not other.is_file():
        raise BadInput(MESSAGES("ledger.merge.no_file", path=other))
    for folder in files or []:
        if not folder.is_dir():
            raise BadInput(MESSAGES("ledger.merge.no_folder", path=folder))
    with _open(ctx) as ledger:
        report = merge_ledger(ledger, other, anchors, folders=files or [])
    if json:
        echo_json(report.to_dict())
        return
    typer.echo(
        text(
            "ledger.merge.total",
            lang,
            source=report.source,
            imported=report.count("imported"),
            already=report.count("already"),
            conflict=report.count("conflict"),
            apart=report.kept_apart,
        )
    )
