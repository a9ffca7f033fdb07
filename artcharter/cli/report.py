"""`artcharter report`, `artcharter cartel` and `artcharter summary`: what artists, juries
and visitors read — a report per artwork, exhibition labels, a class overview."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from artcharter.cli import app
from artcharter.cli.context import TrustOption, echo_json, project_of
from artcharter.cli.messages import MESSAGES, help_text, text

if TYPE_CHECKING:
    from artcharter.project import Project

LangOption = Annotated[
    str | None,
    typer.Option("--lang", help=help_text("help.report.LangOption")),
]
CharterOption = Annotated[
    Path | None,
    typer.Option(
        "--charter",
        help=help_text("help.report.CharterOption"),
    ),
]
NoLedgerOption = Annotated[
    bool,
    typer.Option(
        "--no-ledger",
        help=help_text("help.report.NoLedgerOption"),
    ),
]


def _checked(lang: str | None) -> str | None:
    if lang is not None and lang not in ("fr", "en"):
        raise typer.BadParameter(MESSAGES("error.lang"), param_hint="--lang")
    return lang


@app.command(help=help_text("help.report.report"))
def report(
    ctx: typer.Context,
    image: Annotated[Path, typer.Argument(help=help_text("help.report.report.image"))],
    output: Annotated[
        Path, typer.Option("-o", "--output", help=help_text("help.report.report.output"))
    ],
    lang: LangOption = None,
    charter: CharterOption = None,
    trust: TrustOption = None,
    no_ledger: NoLedgerOption = False,
    pdf: Annotated[bool, typer.Option("--pdf", help=help_text("help.report.report.pdf"))] = False,
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.report.report.json"))
    ] = False,
) -> None:
    lang = _checked(lang)
    project = project_of(ctx, charter=charter, trust=trust)
    files = project.report(image, output, lang=lang, use_ledger=not no_ledger)
    lang = lang or project.lang
    if json:
        echo_json(files.report)
    else:
        typer.echo(text("report.written", lang, html=files.html, json=files.json))
    if pdf:
        from artcharter.reports.browser import print_pdf

        pdf_path = print_pdf(files.html, files.html.with_suffix(".pdf"))
        typer.echo(text("report.pdf", lang, pdf=pdf_path), err=json)


@app.command(help=help_text("help.report.cartel"))
def cartel(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(help=help_text("help.report.cartel.source"))],
    # Required: the labels never land in the project's or the artworks' folder unasked.
    output: Annotated[
        Path, typer.Option("-o", "--output", help=help_text("help.report.cartel.output"))
    ],
    lang: LangOption = None,
    trust: TrustOption = None,
    verify_url: Annotated[
        str | None,
        typer.Option(help=help_text("help.report.cartel.verify_url")),
    ] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help=help_text("help.report.cartel.offline"))
    ] = False,
    pdf: Annotated[bool, typer.Option("--pdf", help=help_text("help.report.cartel.pdf"))] = False,
) -> None:
    from artcharter.provenance.verdicts import in_sentence

    lang = _checked(lang)
    project = project_of(ctx, trust=trust)
    if verify_url is None and not offline and not project.config.desk_url:
        verify_url = _ask_desk_url(project, lang or project.lang)
    files = project.cartel(
        source, output, lang=lang, verify_url=verify_url, offline=offline, pdf=pdf
    )
    lang = lang or project.lang
    for item in files.cartels:
        if item["verdict"] not in ("trusted",):
            verdict = in_sentence(item["verdict"], lang)
            warning = text("cartel.warn", lang, file=item["file"], verdict=verdict)
            typer.echo(warning, err=True)
    if source.is_dir():
        sheet = "cartel.sheet_one" if len(files.cartels) == 1 else "cartel.sheet"
        typer.echo(text(sheet, lang, n=len(files.cartels), html=files.html))
    else:
        typer.echo(text("cartel.written", lang, html=files.html))
    typer.echo(MESSAGES.count("cartel.svg", len(files.svgs), lang, dir=output))
    if files.pdf:
        typer.echo(text("report.pdf", lang, pdf=files.pdf))


def _ask_desk_url(project: Project, lang: str) -> str | None:
    """On a terminal, the jury desk's address, asked once and kept in the project's
    artcharter.toml; None elsewhere (the library then says how to give it)."""
    import sys

    from artcharter.provenance.config import set_config_value

    if not (sys.stdin.isatty() and project.has_config):
        return None
    answer = typer.prompt(text("cartel.ask_desk_url", lang), default="", show_default=False)
    url = answer.strip()
    if not url.startswith(("https://", "http://")):
        return None
    set_config_value(project.root, "desk", "url", url)
    typer.echo(text("cartel.desk_url_kept", lang, url=url))
    return url.rstrip("/") + "/a"


@app.command(help=help_text("help.report.summary"))
def summary(
    ctx: typer.Context,
    folder: Annotated[
        Path | None, typer.Argument(help=help_text("help.report.summary.folder"))
    ] = None,
    from_ledger: Annotated[
        bool,
        typer.Option(
            "--ledger",
            help=help_text("help.report.summary.from_ledger"),
        ),
    ] = False,
    output: Annotated[
        Path, typer.Option("-o", "--output", help=help_text("help.report.summary.output"))
    ] = Path("summary"),
    lang: LangOption = None,
    charter: CharterOption = None,
    trust: TrustOption = None,
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.report.summary.json"))
    ] = False,
) -> None:
    lang = _checked(lang)
    project = project_of(ctx, charter=charter, trust=trust)
    files = project.summary(folder, output, from_ledger=from_ledger, lang=lang)
    lang = lang or project.lang
    if json:
        echo_json(files.summary)
    else:
        typer.echo(
            MESSAGES.count(
                "summary.written", len(files.reports), lang, html=files.html, json=files.json
            )
        )
