"""`artcharter charter show|validate`, `artcharter declare` and `artcharter check`: the
school's charter, the artist's declaration, and each artwork's verdict rule by rule."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from artcharter.base.typography import punct
from artcharter.cli import app
from artcharter.cli.context import (
    TrustOption,
    echo_json,
    echo_json_list,
    lang_of,
    project_of,
    stdin_is_tty,
)
from artcharter.cli.messages import MESSAGES, help_text, text

if TYPE_CHECKING:
    from artcharter.charter.check import ArtworkCheck
    from artcharter.provenance.record import Adapter

charter_app = typer.Typer(
    help=help_text("help.charter.charter_app"),
    no_args_is_help=True,
)
app.add_typer(charter_app, name="charter")

CharterOption = Annotated[
    Path | None,
    typer.Option(
        "--charter",
        help=help_text("help.charter.CharterOption"),
    ),
]

MARKS = {
    "pass": "✔",
    "fail": "✘",
    "needs-declaration": "?",
    "not-applicable": "–",
    "cannot-check": "◌",
}


# --- charter show / validate ---------------------------------------------------------------


@charter_app.command("show", help=help_text("help.charter.show"))
def show(
    ctx: typer.Context,
    charter: CharterOption = None,
    json: Annotated[bool, typer.Option("--json", help=help_text("help.charter.show.json"))] = False,
) -> None:
    project = project_of(ctx, charter=charter)
    lang = project.lang
    effective = project.charter
    if json:
        echo_json(effective.to_dict())
        return
    colon, semi = punct(":", lang), punct(";", lang)

    def word(key: str) -> str:
        return text(f"charter.{key}", lang)

    typer.echo(f"{effective.title[lang]}")
    typer.echo(f"{effective.id} — {word('version')} {effective.version}")
    for ident, version, _ in effective.lineage[:-1]:
        typer.echo(f"  {word('extends')} {ident} {version}")
    if effective.description:
        for line in textwrap.wrap(effective.description[lang], 88):
            typer.echo(line)
    for point in effective.points.values():
        rules = [r for r in effective.rules if r.point == point.id]
        if not rules:
            continue
        typer.echo("")
        typer.echo(f"[{point.label}] {point.title[lang]}")
        for rule in rules:
            state = "" if rule.enabled else f" ({word('disabled')})"
            severity = text(f"severity.{rule.severity}", lang)
            typer.echo(f"  {rule.id} — {rule.title[lang]} [{severity}]{state}")
            for line in textwrap.wrap(rule.text[lang], 84):
                typer.echo(f"    {line}")
            details = f"{word('evidence')}{colon}{rule.evidence}"
            if rule.params:
                params = ", ".join(f"{k} = {_value(v)}" for k, v in rule.params.items())
                details += f"{semi}{word('params')}{colon}{params}"
            if len(effective.lineage) > 1 and rule.source != effective.lineage[0][2]:
                details += f"{semi}{word('changed')} {rule.source}"
            typer.echo(f"    ({details})")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


@charter_app.command("validate", help=help_text("help.charter.validate"))
def validate(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=help_text("help.charter.validate.file"))],
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.charter.validate.json"))
    ] = False,
) -> None:
    from artcharter.charter.model import load_charter, validate_charter

    project = project_of(ctx)
    lang = lang_of(ctx, project)
    issues = validate_charter(file)
    if json:
        data: dict[str, Any] = {"file": str(file), "valid": not issues}
        data["issues"] = [i.to_dict() for i in issues]
        if not issues:
            data["charter"] = load_charter(file).to_dict()
        echo_json(data)
    elif issues:
        for issue in issues:
            typer.echo(issue.render(lang), err=True)
    else:
        effective = load_charter(file)
        typer.echo(
            f"{file}{punct(':', lang)}{text('charter.valid', lang)} ({effective.id} "
            f"{effective.version}, {len(effective.active_rules)} {text('charter.rules', lang)})"
        )
    raise typer.Exit(2 if issues else 0)


# --- declare -----------------------------------------------------------------------------------


@app.command(help=help_text("help.charter.declare"))
def declare(
    ctx: typer.Context,
    image: Annotated[
        Path | None, typer.Argument(help=help_text("help.charter.declare.image"))
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help=help_text("help.charter.declare.output"),
        ),
    ] = None,
    check: Annotated[
        Path | None,
        typer.Option("--check", help=help_text("help.charter.declare.check")),
    ] = None,
    force: Annotated[bool, typer.Option(help=help_text("help.charter.declare.force"))] = False,
) -> None:
    from artcharter.charter.declaration import (
        record_for_image,
        sign_command,
        template_for_image,
        undeclared_adapters,
        validate_declaration,
        write_template,
    )

    project = project_of(ctx)
    lang = lang_of(ctx, project)
    if check is not None:
        issues = validate_declaration(check)
        for issue in issues:
            typer.echo(issue.render(lang), err=True)
        if not issues:
            typer.echo(text("declare.valid", lang, path=check))
        raise typer.Exit(2 if issues else 0)
    if image is None:
        raise typer.BadParameter(MESSAGES("declare.no_image"), param_hint="IMAGE")
    record, signed = record_for_image(image, project.ledger if project.has_ledger else None)
    undeclared = undeclared_adapters(record)
    # On a terminal, the training of each adapter no TOML declared is asked here; else
    # (a script) the template's [[adapters]] tables are left to complete.
    answers = _ask_adapters(undeclared, lang) if undeclared and stdin_is_tty() else {}
    common = {
        "artist": project.artist or None,
        "lang": lang,
        "signed": signed,
        "adapters": answers,
    }
    if output is not None and str(output) == "-":
        typer.echo(template_for_image(image, record, **common), nl=False)
        return
    target = write_template(image, output, record=record, force=force, **common)
    command, *hint = sign_command(record, str(target), lang, image=str(image), signed=signed)
    typer.echo(text("declare.written", lang, path=target, command=command))
    for line in hint:
        typer.echo(line)
    left = [a for a in undeclared if not (answers.get(a.sha256) or (None,))[0]]
    if left:
        names = ", ".join(a.file for a in left)
        typer.echo(text("declare.adapters_to_complete", lang, names=names, path=target))


def _ask_adapters(adapters: list[Adapter], lang: str) -> dict[str, tuple[str | None, bool | None]]:
    """Ask, on the terminal, what each adapter was trained on and who trained it."""
    answers: dict[str, tuple[str | None, bool | None]] = {}
    for adapter in adapters:
        kind = text(f"declare.adapter_kind_{adapter.kind}", lang)
        training = typer.prompt(
            text("declare.ask_adapter", lang, kind=kind, name=adapter.name, file=adapter.file),
            default="",
            show_default=False,
            err=True,
        ).strip()
        if not training:
            continue
        by_artist = typer.confirm(text("declare.ask_by_artist", lang), default=True, err=True)
        answers[adapter.sha256] = (" ".join(training.split())[:500], by_artist)
    return answers


# --- check ----------------------------------------------------------------------------------


@app.command(help=help_text("help.charter.check"))
def check(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help=help_text("help.charter.check.files"))],
    charter: CharterOption = None,
    trust: TrustOption = None,
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.charter.check.json"))
    ] = False,
    verbose: Annotated[
        bool, typer.Option("-v", "--verbose", help=help_text("help.charter.check.verbose"))
    ] = False,
    no_ledger: Annotated[
        bool, typer.Option(help=help_text("help.charter.check.no_ledger"))
    ] = False,
    protected_names: Annotated[
        Path | None,
        typer.Option(help=help_text("help.charter.check.protected_names")),
    ] = None,
) -> None:
    project = project_of(ctx, charter=charter, trust=trust, protected_names=protected_names)
    lang = project.lang
    # Each result is printed as soon as it is known, then dropped: memory stays flat.
    counts = {"n": 0, "ok": 0, "unreadable": 0}

    def counted(results: Iterable[ArtworkCheck]) -> Iterator[ArtworkCheck]:
        for result in results:
            counts["n"] += 1
            counts["ok"] += result.passed
            counts["unreadable"] += result.verification.verdict == "unreadable"
            yield result

    results = counted(project.iter_check(files, use_ledger=not no_ledger))
    if json:
        echo_json_list(r.to_dict(lang) for r in results)
    else:
        for result in results:
            _print_check(result, lang, verbose)
        if counts["n"] > 1:
            n, ok = counts["n"], counts["ok"]
            typer.echo(MESSAGES.count("check.summary", n, lang, ok=ok, ko=n - ok))
    if counts["unreadable"]:
        raise typer.Exit(2)
    raise typer.Exit(0 if counts["ok"] == counts["n"] else 1)


def _print_check(result: ArtworkCheck, lang: str, verbose: bool) -> None:
    """One line per artwork, naming in words the required rules it does not meet; every
    rule with its reason and evidence with ``verbose``."""
    import json as jsonlib

    from artcharter.base.inert import inert
    from artcharter.charter.evaluate import STATUS_TITLES, unchecked_summary

    colon = punct(":", lang)
    head = text("check.passes" if result.passed else "check.fails", lang)
    # Paths and reasons quote the file (titles, terms): printed inert, one line each.
    if not verbose:
        blocking = [
            text(
                "check.rule_status",
                lang,
                title=v.title.get(lang) or v.rule_id,
                status=STATUS_TITLES[v.status][lang],
            )
            for v in result.blocking
        ]
        rules = punct(";", lang).join(blocking)
        named = text("check.blocking", lang, rules=rules) if blocking else ""
        typer.echo(f"{inert(result.path)}{colon}{head}{named}")
        return
    typer.echo(f"{inert(result.path)}{colon}{head} ({result.charter_id} {result.charter_version})")
    if summary := unchecked_summary(result.verdicts):
        for line in textwrap.wrap(summary.render(lang), 84):
            typer.echo(f"  {line}")
    for verdict in result.verdicts:
        severity = text(f"severity.{verdict.severity}", lang)
        status = STATUS_TITLES[verdict.status][lang]
        title = verdict.title.get(lang) or verdict.rule_id
        # The rule's id too: --verbose is where a school looks a rule up in its charter file.
        mark = MARKS[verdict.status]
        typer.echo(f"  {mark} {title} ({verdict.rule_id}) [{severity}]{colon}{status}")
        for line in textwrap.wrap(inert(verdict.reason[lang]), 84):
            typer.echo(f"      {line}")
        if verdict.evidence:
            evidence = jsonlib.dumps(verdict.evidence, ensure_ascii=False, default=str)
            typer.echo(f"      {text('charter.evidence', lang)}{colon}{evidence}")
