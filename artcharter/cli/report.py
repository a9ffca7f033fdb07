"""`artcharter report`, `artcharter cartel` and `artcharter summary`: what artists, juries
and visitors read — a report per artwork, exhibition labels, a class overview."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from artcharter.cli import app
from artcharter.cli.context import TrustOption, echo_json, project_of
from artcharter.cli.messages import text

LangOption = Annotated[
    str | None,
    typer.Option("--lang", help="Language of the page: fr or en (default: the global --lang)."),
]
CharterOption = Annotated[
    Path | None,
    typer.Option(
        "--charter",
        help="Charter file (default: [charter] file in artcharter.toml, else the default charter).",
    ),
]
NoLedgerOption = Annotated[
    bool,
    typer.Option(
        "--no-ledger",
        help="Do not read the project's ledger (sessions, discarded images, campaigns).",
    ),
]


def _checked(lang: str | None) -> str | None:
    if lang is not None and lang not in ("fr", "en"):
        raise typer.BadParameter("choose fr or en", param_hint="--lang")
    return lang


@app.command()
def report(
    ctx: typer.Context,
    image: Annotated[Path, typer.Argument(help="The signed artwork.")],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the HTML page and its JSON twin.")
    ],
    lang: LangOption = None,
    charter: CharterOption = None,
    trust: TrustOption = None,
    no_ledger: NoLedgerOption = False,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also print the page to PDF (A4) with Chromium.")
    ] = False,
    json: Annotated[bool, typer.Option("--json", help="Print the report's JSON.")] = False,
) -> None:
    """Write a self-contained HTML report of IMAGE (works offline, prints on A4) and its
    JSON twin: verdict, provenance, how the model works, generation, energy, biases,
    charter verdicts rule by rule, and the artist's declaration."""
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


@app.command()
def cartel(
    ctx: typer.Context,
    source: Annotated[
        Path, typer.Argument(help="A signed artwork, or a folder of them for an A4 sheet.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the labels.")] = Path(
        "."
    ),
    lang: LangOption = None,
    trust: TrustOption = None,
    verify_url: Annotated[
        str | None,
        typer.Option(
            help="The school's verification page: the QR code becomes a link to it "
            "with ?id=...&sha256=... (default: a text with the id and the hash)."
        ),
    ] = None,
    pdf: Annotated[
        bool, typer.Option("--pdf", help="Also print the labels to PDF with Chromium.")
    ] = False,
) -> None:
    """Print exhibition labels (cartels): title, artist, year, medium in words, the AI-use
    pictogram and a QR code with the artwork id and hash. HTML and SVG; a FOLDER gives an
    A4 sheet of labels to cut."""
    from artcharter.base.typography import de
    from artcharter.provenance.verdicts import in_sentence

    lang = _checked(lang)
    project = project_of(ctx, trust=trust)
    files = project.cartel(source, output, lang=lang, verify_url=verify_url, pdf=pdf)
    lang = lang or project.lang
    for item in files.cartels:
        if item["verdict"] not in ("trusted",):
            verdict = in_sentence(item["verdict"], lang)
            warning = text(
                "cartel.warn", lang, file=item["file"], de_file=de(item["file"]), verdict=verdict
            )
            typer.echo(warning, err=True)
    if source.is_dir():
        sheet = "cartel.sheet_one" if len(files.cartels) == 1 else "cartel.sheet"
        typer.echo(text(sheet, lang, n=len(files.cartels), html=files.html))
    else:
        typer.echo(text("cartel.written", lang, html=files.html))
    typer.echo(text("cartel.svg", lang, n=len(files.svgs), dir=output))
    if files.pdf:
        typer.echo(text("report.pdf", lang, pdf=files.pdf))


@app.command()
def summary(
    ctx: typer.Context,
    folder: Annotated[
        Path | None, typer.Argument(help="Folder of artworks (or use --ledger).")
    ] = None,
    from_ledger: Annotated[
        bool,
        typer.Option(
            "--ledger",
            help="Summarise the artworks recorded in the project's ledger (all but discarded).",
        ),
    ] = False,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the summary and the reports.")
    ] = Path("summary"),
    lang: LangOption = None,
    charter: CharterOption = None,
    trust: TrustOption = None,
    json: Annotated[bool, typer.Option("--json", help="Print the summary's JSON.")] = False,
) -> None:
    """A class or exhibition overview: charter results per rule, verdicts, energy (total
    and per artwork, discarded images included), share of AI per stage, and a report per
    artwork linked from the page."""
    lang = _checked(lang)
    project = project_of(ctx, charter=charter, trust=trust)
    files = project.summary(folder, output, from_ledger=from_ledger, lang=lang)
    lang = lang or project.lang
    if json:
        echo_json(files.summary)
    else:
        typer.echo(
            text("summary.written", lang, n=len(files.reports), html=files.html, json=files.json)
        )
