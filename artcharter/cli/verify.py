"""`artcharter verify`: a plain verdict per file, for juries and viewers."""

from __future__ import annotations

import json as jsonlib
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from artcharter.cli import app
from artcharter.cli.context import (
    NullFile,
    TrustOption,
    echo_json_list,
    project_of,
    stderr_is_tty,
)
from artcharter.cli.messages import MESSAGES, help_text, text

if TYPE_CHECKING:
    from artcharter.provenance.verify import Verification


@app.command(help=help_text("help.verify"))
def verify(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help=help_text("help.verify.files"))],
    trust: TrustOption = None,
    json: Annotated[bool, typer.Option("--json", help=help_text("help.verify.json"))] = False,
    report_dir: Annotated[
        Path | None, typer.Option(help=help_text("help.verify.report_dir"))
    ] = None,
    allow_remote: Annotated[bool, typer.Option(help=help_text("help.verify.allow_remote"))] = False,
    lookup: Annotated[list[str] | None, typer.Option(help=help_text("help.verify.lookup"))] = None,
    no_ledger: Annotated[bool, typer.Option(help=help_text("help.verify.no_ledger"))] = False,
) -> None:
    from artcharter.project import expand
    from artcharter.provenance import verdicts

    project = project_of(ctx, trust=trust)
    paths = expand(files)
    if not paths:
        raise typer.BadParameter(MESSAGES("verify.no_files"), param_hint="FILES")
    if report_dir:
        report_dir.mkdir(parents=True, exist_ok=True)

    # Each result is printed, written and recorded as soon as it is known, and then
    # dropped: memory stays flat over thousands of files. The bar shows only when the
    # results go elsewhere than the terminal (they would break it).
    show_progress = stderr_is_tty() and not sys.stdout.isatty() and len(paths) > 8
    worst = 0
    with typer.progressbar(
        length=len(paths), label="verifying", file=None if show_progress else NullFile()
    ) as bar:

        def handled() -> Iterator[Verification]:
            nonlocal worst
            results = project.iter_verify(
                paths, allow_remote=allow_remote, record=not no_ledger, lookup=lookup or ()
            )
            for result in results:
                bar.update(1)
                worst = max(worst, verdicts.EXIT_CODES[result.verdict])
                if report_dir:
                    _write_report(result, report_dir)
                yield result

        if json:
            echo_json_list(r.to_dict(project.lang) for r in handled())
        else:
            for result in handled():
                _print(result, project.lang)
    raise typer.Exit(worst)


def _write_report(result: Verification, report_dir: Path) -> None:
    from artcharter.base.files import write_atomic

    target = report_dir / f"{Path(result.path).name}.verify.json"
    text = jsonlib.dumps(result.to_dict(), ensure_ascii=False, indent=2)
    # A file name that is not UTF-8 stays readable.
    write_atomic(target, text.encode("utf-8", errors="backslashreplace"))


# Errors that explain the verdict themselves: the verdict's general explanation would
# contradict them ("damaged" for a whole file signed with an unsupported algorithm).
SELF_EXPLAINED = ("verify.missing", "verify.unsupported_algorithm", "verify.prerelease")


def _adapter_words(adapter: dict[str, object], lang: str) -> str:
    """'Ink style (ink.safetensors, LoRA, scale 0.5, SHA-256 1a2b…; Fine-tuned by the artist
    on: …)': a LoRA or embedding of the signed record, in words."""
    from artcharter.base.numbers import fmt_decimal
    from artcharter.base.typography import punct
    from artcharter.reports.messages import MESSAGES as REPORTS

    scale, token = adapter.get("scale"), adapter.get("token")
    how = (
        REPORTS.text("adapter_scale", lang, scale=fmt_decimal(float(scale), lang))
        if isinstance(scale, int | float)
        else REPORTS.text("adapter_token", lang, token=str(token or ""))
    )
    kind = f"adapter_{adapter.get('kind')}"
    parts = [
        str(adapter.get("file")),
        REPORTS.text(kind, lang) if kind in REPORTS else str(adapter.get("kind")),
        how,
        f"SHA-256 {str(adapter.get('sha256'))[:16]}…",
    ]
    words = f"{adapter.get('name')} ({', '.join(parts)})"
    if adapter.get("training_data"):
        key = "adapter_trained_by_artist" if adapter.get("by_artist") else "adapter_trained"
        words += punct(";", lang) + REPORTS.text(key, lang, data=str(adapter["training_data"]))
    return words


def _print(result: object, lang: str) -> None:
    """A file's verdict in words: what a jury reads. The codes (verdict, IPTC source type,
    C2PA status codes) are in ``--json``."""
    from artcharter.base.inert import inert
    from artcharter.base.messages import Message, render_text
    from artcharter.base.numbers import fmt_number
    from artcharter.base.typography import punct
    from artcharter.provenance import verdicts
    from artcharter.provenance.verify import (
        claim_lines,
        ingredient_notes,
        match_lines,
        signal_lines,
        signature_notes,
        trusted_by_text,
        unvouched_heading,
    )
    from artcharter.reports.messages import MESSAGES as REPORTS

    r = result  # an artcharter.provenance.verify.Verification
    colon = punct(":", lang)
    record = r.record or {}

    # Without a signature that holds (tampered, invalid, unreadable), what the credentials
    # say is vouched for by nobody: it is shown under a heading that says so, set apart.
    heading = unvouched_heading(r)
    indent = "    " if heading else "  "

    def line(key: str, value: str) -> None:
        # Every field comes from the file: one line each, control characters escaped.
        typer.echo(f"{indent}{text(f'verify.{key}', lang)}{colon}{inert(value)}")

    def words(key: str, code: str) -> str:
        return REPORTS.text(key, lang) if key in REPORTS else code

    typer.echo(f"{inert(r.path)}{colon}{verdicts.title(r.verdict, lang)}")
    if heading:
        typer.echo(f"  {heading.render(lang)}")
    # An artcharter record's title is the work's (None: untitled); the manifest's title
    # stands in for it with the artwork id.
    title = record.get("title") if r.record else r.title
    if r.record or r.title:
        line("title", title or REPORTS.text("untitled", lang))
    if r.signer.get("name"):
        organisation = r.signer.get("organisation") or text("verify.unknown", lang)
        line("signer", f"{r.signer['name']} ({organisation})")
    if r.trusted_by:
        line("trusted_by", trusted_by_text(r.trusted_by, lang))
    if r.claimed_author:
        line("claimed_author", r.claimed_author["name"])
    if r.unattributed:
        line("unattributed", ", ".join(r.unattributed))
    if r.disclosure.get("source_types"):
        uses = dict.fromkeys(
            words(f"source_type.{code}", code) for code in r.disclosure["source_types"]
        )
        line("ai_use", ", ".join(uses))
    # The class any C2PA validator shows (the Conformance Program's signals rubric), beside
    # artcharter's words above; only for a signature that holds (signal_lines).
    for message in signal_lines(r):
        typer.echo(f"{indent}{message.render(lang)}")
    model = record.get("model") or {}
    if model.get("id"):
        line("tool", str(model["id"]))
    elif record.get("tool"):
        line("tool", str(record["tool"]))
    elif r.disclosure.get("software_agents"):
        line("tool", ", ".join(r.disclosure["software_agents"]))
    generation = record.get("generation") or {}
    labelled = record.get("series") or {}
    if generation.get("series_id"):
        line(
            "series",
            text(
                "verify.series_place",
                lang,
                id=str(generation["series_id"]),
                index=fmt_number(generation.get("series_index"), lang, 1),
                n=fmt_number(generation.get("series_size"), lang, 1),
            ),
        )
    elif labelled.get("series_id"):
        line(
            "series",
            text(
                "verify.series_file",
                lang,
                id=str(labelled["series_id"]),
                index=fmt_number(labelled.get("index"), lang, 1),
                n=fmt_number(labelled.get("size"), lang, 1),
            ),
        )
    for adapter in model.get("adapters") or []:
        line("adapter", _adapter_words(adapter, lang))
    if r.ingredients:
        named = []
        for ingredient in r.ingredients:
            role = (
                "parentOf"
                if ingredient.get("relationship") == "parentOf"
                else ingredient.get("description") or "other"
            )
            named.append(f"{ingredient['title']} ({words(f'role_{role}', role)})")
        line("ingredients", ", ".join(named))
    for note in ingredient_notes(r):
        if note.key == "verify.ingredients_recorded":  # why the verdict does not follow them
            for line_text in textwrap.wrap(note.render(lang), 86):
                typer.echo(f"{indent}  {line_text}")
        else:
            line("ingredient_credentials", note.render(lang))
    for note in signature_notes(r):
        line("signature", note.render(lang))
    indent = "  "
    if r.error:
        line("error", render_text(r.error, lang))
    if isinstance(r.error, Message) and r.error.key in SELF_EXPLAINED:
        return  # the error says it all (no file; a manifest this validator cannot check)
    for line_text in textwrap.wrap(verdicts.explanation(r.verdict, lang), 88):
        typer.echo(f"  {line_text}")
    # Apart from the verdict, and after it: never read as part of the verification.
    for lines in (claim_lines(r), match_lines(r)):
        for index, message in enumerate(lines):
            typer.echo(("  " if index == 0 else "    ") + message.render(lang))
