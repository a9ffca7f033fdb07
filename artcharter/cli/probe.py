"""`artcharter probe ...`: bias and stereotype probes of a model, an artwork, or a prompt."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from artcharter.base.errors import EXIT_FAILED
from artcharter.cli import app
from artcharter.cli.context import (
    PassphraseOption,
    echo_json,
    lang_of,
    open_ledger,
    project_of,
)
from artcharter.cli.messages import MESSAGES, help_text, text
from artcharter.provenance.config import PROTECTED_NAMES_FILE
from artcharter.provenance.messages import MESSAGES as PROVENANCE

if TYPE_CHECKING:
    from artcharter.audits.bias.clip_probe import Probe
    from artcharter.project import Project
    from artcharter.provenance.campaign.results import CampaignResult
    from artcharter.provenance.campaign.start import CampaignOpened

probe_app = typer.Typer(
    help=help_text("help.probe.probe_app"),
    no_args_is_help=True,
)
app.add_typer(probe_app, name="probe")


ClipOption = Annotated[
    str | None,
    typer.Option(
        "--clip",
        help=help_text("help.probe.ClipOption"),
    ),
]
DeviceOption = Annotated[str, typer.Option(help=help_text("help.probe.DeviceOption"))]
NamesOption = Annotated[
    Path | None,
    typer.Option(help=help_text("help.probe.NamesOption", file=PROTECTED_NAMES_FILE)),
]
JsonOption = Annotated[bool, typer.Option("--json", help=help_text("help.probe.JsonOption"))]


def _say(quiet: bool) -> Any:
    def say(message: str) -> None:
        if not quiet:
            typer.echo(message, err=True)

    return say


def _thresholds(values: list[str] | None) -> dict[str, float]:
    from artcharter.base.errors import BadInput

    result = {}
    for value in values or []:
        name, sep, number = value.partition("=")
        try:
            result[name.strip()] = float(number)
        except ValueError:
            sep = ""
        if not sep or not name.strip():
            raise BadInput(MESSAGES("probe.bad_threshold", value=value))
    return result


def _protected_names(project: Project, path: Path | None) -> tuple[list[str], str | None]:
    from artcharter.audits.bias.prompt_audit import load_protected_names

    if path is None:
        default = project.root / PROTECTED_NAMES_FILE
        if not default.is_file():
            return [], None
        path = default
    return load_protected_names(path), str(path)


def _probe(clip: str | None, device: str, classes: Any, say: Any, lang: str) -> Probe:
    from artcharter.audits.bias.clip_probe import Probe, load_clip, parse_clip_spec

    spec = parse_clip_spec(clip)
    say(text("probe.loading_probe", lang, clip=spec.display))
    return Probe(load_clip(spec, device=device), classes)


# The stages of a campaign that progress names in words.
STAGES = ("generate", "collect", "classify")


def _progress(quiet: bool, lang: str) -> Any:
    """Progress on stderr: a bar on a terminal, a line per stage otherwise."""
    state: dict[str, Any] = {"stage": None, "bar": None}
    tty = sys.stderr.isatty() and not quiet

    def progress(stage: str, done: int, total: int) -> None:
        if quiet:
            return
        label = text(f"probe.stage.{stage}", lang) if stage in STAGES else stage
        if stage != state["stage"]:
            if state["bar"] is not None:
                state["bar"].render_finish()
            state["stage"] = stage
            state["bar"] = None
            if tty and total:
                state["bar"] = typer.progressbar(length=total, label=label, file=sys.stderr)
                state["bar"].render_progress()
            else:
                typer.echo(
                    text("probe.progress", lang, stage=label, done=done, total=total), err=True
                )
        elif state["bar"] is None and done >= total:
            typer.echo(text("probe.progress", lang, stage=label, done=done, total=total), err=True)
        if state["bar"] is not None:
            state["bar"].update(done - state["bar"].pos)
            if done >= total:
                state["bar"].render_finish()
                state["bar"] = None

    return progress


@probe_app.command("campaign", help=help_text("help.probe.campaign"))
def campaign(
    ctx: typer.Context,
    model: Annotated[
        str | None,
        typer.Option(help=help_text("help.probe.campaign.model")),
    ] = None,
    prompt_set: Annotated[
        str,
        typer.Option(
            "--set",
            help=help_text("help.probe.campaign.prompt_set"),
        ),
    ] = "occupations",
    subjects: Annotated[
        str | None,
        typer.Option(help=help_text("help.probe.campaign.subjects")),
    ] = None,
    per_prompt: Annotated[int, typer.Option(help=help_text("help.probe.campaign.per_prompt"))] = 50,
    clip: ClipOption = None,
    seed_base: Annotated[int, typer.Option(help=help_text("help.probe.campaign.seed_base"))] = 0,
    images: Annotated[
        Path | None,
        typer.Option(help=help_text("help.probe.campaign.images")),
    ] = None,
    ethnicity: Annotated[
        bool,
        typer.Option(help=help_text("help.probe.campaign.ethnicity")),
    ] = False,
    prompt_lang: Annotated[
        list[str] | None,
        typer.Option(help=help_text("help.probe.campaign.prompt_lang")),
    ] = None,
    steps: Annotated[int | None, typer.Option(help=help_text("help.probe.campaign.steps"))] = None,
    size: Annotated[int | None, typer.Option(help=help_text("help.probe.campaign.size"))] = None,
    guidance: Annotated[
        float | None, typer.Option(help=help_text("help.probe.campaign.guidance"))
    ] = None,
    batch_size: Annotated[int, typer.Option(help=help_text("help.probe.campaign.batch_size"))] = 1,
    probe_batch_size: Annotated[
        int, typer.Option(help=help_text("help.probe.campaign.probe_batch_size"))
    ] = 32,
    threshold: Annotated[
        list[str] | None,
        typer.Option(help=help_text("help.probe.campaign.threshold")),
    ] = None,
    gate_threshold: Annotated[
        float | None, typer.Option(help=help_text("help.probe.campaign.gate_threshold"))
    ] = None,
    probe_classes: Annotated[
        Path | None, typer.Option(help=help_text("help.probe.campaign.probe_classes"))
    ] = None,
    reference: Annotated[
        Path | None,
        typer.Option(help=help_text("help.probe.campaign.reference")),
    ] = None,
    resume: Annotated[
        str | None, typer.Option(help=help_text("help.probe.campaign.resume"))
    ] = None,
    new: Annotated[bool, typer.Option(help=help_text("help.probe.campaign.new"))] = False,
    device: DeviceOption = "auto",
    dtype: Annotated[str | None, typer.Option(help=help_text("help.probe.campaign.dtype"))] = None,
    cluster: Annotated[
        str | None, typer.Option(help=help_text("help.probe.campaign.cluster"))
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help=help_text("help.probe.campaign.workers"))
    ] = None,
    artist: Annotated[
        str | None, typer.Option(help=help_text("help.probe.campaign.artist"))
    ] = None,
    passphrase: PassphraseOption = None,
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help=help_text("help.probe.campaign.output")),
    ] = None,
    json: JsonOption = False,
) -> None:
    from artcharter.audits.bias.sentences import ethnicity_warning
    from artcharter.provenance.campaign.start import LOADING_PROBE, CampaignRequest

    project = project_of(ctx)
    lang = lang_of(ctx, project)
    say = _say(json)
    request = CampaignRequest(
        model=model,
        prompt_set=prompt_set,
        subjects=tuple(s.strip() for s in subjects.split(",") if s.strip()) if subjects else None,
        prompt_langs=tuple(prompt_lang or ["en"]),
        per_prompt=per_prompt,
        seed_base=seed_base,
        clip=clip,
        images=images,
        ethnicity=ethnicity,
        steps=steps,
        size=size,
        guidance=guidance,
        batch_size=batch_size,
        probe_batch_size=probe_batch_size,
        thresholds=_thresholds(threshold),
        gate_threshold=gate_threshold,
        probe_classes=probe_classes,
        reference=reference,
        resume=resume,
        new=new,
        device=device,
        dtype=dtype,
        output_dir=output,
        cluster=cluster,
        workers=workers,
    )

    def on_loading(what: str, name: str) -> None:
        if what == LOADING_PROBE:
            say(text("probe.loading_probe", lang, clip=name))
        else:
            say(text("probe.loading_model", lang, model=name))

    def on_open(campaign: CampaignOpened) -> None:
        if campaign.resumed:
            say(
                MESSAGES.count("probe.resumed", campaign.images_done, lang, id=campaign.campaign_id)
            )
        per = "" if campaign.per_prompt is None else text("probe.per", lang, n=campaign.per_prompt)
        say(
            MESSAGES.count(
                "probe.opened",
                campaign.prompts,
                lang,
                id=campaign.campaign_id,
                per=per,
                out=campaign.output_dir,
            )
        )
        opened.append(campaign.campaign_id)

    opened: list[str] = []
    try:
        result = project.probe_campaign(
            request,
            artist=artist,
            passphrase=passphrase,
            progress=_progress(json, lang),
            on_loading=on_loading,
            on_open=on_open,
            on_ethnicity=lambda: typer.echo(ethnicity_warning(lang), err=True),
        )
    except KeyboardInterrupt:
        if opened:
            typer.echo(text("probe.interrupted", lang, id=opened[0]), err=True)
        raise
    _finish(result, lang, json)
    if result.missing:
        raise typer.Exit(EXIT_FAILED)


def _finish(result: CampaignResult, lang: str, json: bool) -> None:
    """Chart, summary file and the sentences of a finished campaign."""
    from artcharter.reports.probe_chart import write_campaign_chart

    out = Path(result.campaign["output_dir"])
    charts = write_campaign_chart(result, out, lang)
    summary = out / "summary.json"
    data = result.to_dict(lang)
    _write_json(summary, data)
    if json:
        echo_json({**data, "chart": [str(p) for p in charts], "summary": str(summary)})
        return
    _echo_result(result, lang)
    typer.echo(text("probe.chart", lang, paths=", ".join(str(p) for p in charts)))
    typer.echo(text("probe.summary", lang, path=summary))
    typer.echo(text("probe.ledger", lang))


def _echo_result(result: CampaignResult, lang: str) -> None:
    from artcharter.base.numbers import fmt_energy, fmt_fixed, fmt_percent, fmt_percent_range

    for notice in result.notices(lang):
        typer.echo(f"! {notice}")
    typer.echo("")
    typer.echo(
        text(
            "probe.results",
            lang,
            id=result.campaign_id,
            images=result.campaign["images_total"],
            probe=result.probe_name,
        )
    )
    if result.missing:
        reasons = sorted({f["reason"] for f in result.failures})
        typer.echo(
            "! "
            + MESSAGES.count(
                "probe.missing",
                result.missing,
                lang,
                reason="; ".join(reasons[:3]) or "–",
                id=result.campaign_id,
            )
        )
    for prompt in result.prompts:
        typer.echo(f"- {prompt.sentence[lang]}")
    typer.echo("")
    kept = max((a.prompts for items in result.aggregates.values() for a in items), default=0)
    typer.echo(MESSAGES.count("probe.aggregate", kept, lang))

    def fig(a: Any, percent: bool = False) -> str:
        if a is None or a.estimate is None:
            return "–"
        if a.degenerate:
            value = fmt_percent(a.estimate, lang) if percent else fmt_fixed(a.estimate, lang)
            return f"{value} ({text('probe.no_interval', lang)})"
        if percent:
            return f"{fmt_percent(a.estimate, lang)} ({fmt_percent_range(a.low, a.high, lang)})"
        return f"{fmt_fixed(a.estimate, lang)} ({fmt_fixed(a.low, lang)}–{fmt_fixed(a.high, lang)})"

    for attribute in result.classes.attributes:
        items = {a.metric: a for a in result.aggregates.get(attribute.id, [])}
        typer.echo(
            text(
                "probe.agg_line",
                lang,
                attribute=attribute.label(lang),
                gap=fig(items.get("parity_gap"), True),
                mad=fig(items.get("mad"), True),
                entropy=fig(items.get("entropy")),
            )
        )
    energy = result.energy or {}
    gen_kwh = (energy.get("generation") or {}).get("kwh")
    probe_kwh = (energy.get("probe") or {}).get("kwh")
    if gen_kwh is not None or probe_kwh is not None:
        typer.echo(
            text(
                "probe.energy",
                lang,
                gen=fmt_energy(gen_kwh, lang),
                probe=fmt_energy(probe_kwh, lang),
            )
        )


def _write_json(path: Path, data: Any) -> None:
    import json as jsonlib

    from artcharter.base.files import write_atomic

    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, jsonlib.dumps(data, ensure_ascii=False, indent=2, default=str))


@probe_app.command("list", help=help_text("help.probe.list_campaigns"))
def list_campaigns(ctx: typer.Context, json: JsonOption = False) -> None:
    from artcharter.provenance.campaign.store import campaigns

    project = project_of(ctx)
    lang = lang_of(ctx, project)
    ledger = open_ledger(project, create=False)
    rows = []
    if ledger is not None:
        with ledger:
            rows = campaigns(ledger)
    if json:
        echo_json(rows)
        return
    if not rows:
        typer.echo(text("probe.no_campaign", lang))
        return
    for r in rows:
        typer.echo(
            f"{r['campaign_id']}  {r['status']:11} {r['created_at'][:19]}  {r['model_id']:32} "
            f"{r['prompt_set']:12} {r['images_total'] or 0:5} images  {r['clip_model']}"
        )


@probe_app.command("show", help=help_text("help.probe.show"))
def show(
    ctx: typer.Context,
    campaign_id: Annotated[str, typer.Argument(help=help_text("help.probe.show.campaign_id"))],
    chart: Annotated[Path | None, typer.Option(help=help_text("help.probe.show.chart"))] = None,
    json: JsonOption = False,
) -> None:
    from artcharter.base.errors import SetupError
    from artcharter.provenance.campaign.results import load_result
    from artcharter.reports.probe_chart import write_campaign_chart

    project = project_of(ctx)
    lang = lang_of(ctx, project)
    ledger = open_ledger(project, create=False)
    if ledger is None:
        raise SetupError(PROVENANCE("ledger.missing", path=project.ledger_path))
    from artcharter.provenance.campaign.validate import latest_validation

    with ledger:
        result = load_result(ledger, campaign_id)
        validation = latest_validation(ledger, result.campaign)
    charts = write_campaign_chart(result, chart, lang) if chart else []
    if json:
        echo_json(
            {
                **result.to_dict(lang),
                "chart": [str(p) for p in charts],
                "probe_validation": validation.to_dict() if validation else None,
            }
        )
        return
    _echo_result(result, lang)
    typer.echo("")
    if validation is None:
        typer.echo(text("probe.validation_none", lang))
    else:
        _echo_validation(validation, lang, short=True)
    if charts:
        typer.echo(text("probe.chart", lang, paths=", ".join(str(p) for p in charts)))


@probe_app.command("validate", help=help_text("help.probe.validate"))
def validate(
    ctx: typer.Context,
    images: Annotated[Path, typer.Option("--images", help=help_text("help.probe.validate.images"))],
    labels: Annotated[Path, typer.Option("--labels", help=help_text("help.probe.validate.labels"))],
    clip: ClipOption = None,
    device: DeviceOption = "auto",
    campaign: Annotated[
        str | None, typer.Option(help=help_text("help.probe.validate.campaign"))
    ] = None,
    json: JsonOption = False,
) -> None:
    project = project_of(ctx)
    lang = lang_of(ctx, project)
    say = _say(json)

    def on_loading(what: str, name: str) -> None:
        say(text("probe.loading_probe", lang, clip=name))

    result = project.probe_validate(
        images, labels, clip=clip, device=device, campaign=campaign, on_loading=on_loading
    )
    if json:
        echo_json(result.to_dict())
        return
    _echo_validation(result, lang)


def _echo_validation(result: Any, lang: str, *, short: bool = False) -> None:
    """A validation in words: per attribute, accuracy, abstention, confusion, calibration."""
    from artcharter.audits.bias.probe_classes import load_probe_classes
    from artcharter.base.numbers import fmt_fixed, fmt_percent, fmt_percent_range
    from artcharter.base.typography import punct

    classes = load_probe_classes()
    v = result.validation
    typer.echo(
        MESSAGES.count(
            "probe.validation_title",
            v.images,
            lang,
            probe=result.probe,
            id=result.validation_id[:12],
            date=result.created_at[:10],
        )
    )
    if result.probe_is_demo:
        typer.echo("  " + text("probe.validation_demo", lang))
    for attribute, a in v.attributes.items():
        spec = classes.attribute(attribute)
        accuracy = (
            f"{fmt_percent(a.accuracy, lang)} ({fmt_percent_range(*a.accuracy_interval, lang)})"
            if a.accuracy is not None and a.accuracy_interval
            else "–"
        )
        typer.echo(
            "  "
            + text(
                "probe.validation_attribute",
                lang,
                attribute=spec.label(lang),
                accuracy=accuracy,
                valid=a.valid,
                labelled=a.labelled,
                abstention=fmt_percent(a.abstention_rate, lang),
                uncertain=a.uncertain,
                no_person=a.no_person,
                ece=fmt_fixed(a.ece, lang) if a.ece is not None else "–",
            )
        )
        if short:
            continue
        said = [*a.classes, "uncertain", "no-person"]
        names = [spec.class_label(c, lang) for c in a.classes] + [
            text("probe.validation_uncertain", lang),
            text("probe.validation_no_person", lang),
        ]
        typer.echo("    " + text("probe.validation_confusion", lang) + " | ".join(names))
        for truth in a.classes:
            row = " | ".join(str(a.confusion[truth][c]) for c in said)
            typer.echo(f"      {spec.class_label(truth, lang)}{punct(':', lang)}{row}")
        typer.echo("    " + text("probe.validation_reliability", lang))
        for b in a.calibration:
            if not b.n:
                continue
            typer.echo(
                "      "
                + MESSAGES.count(
                    "probe.validation_bin",
                    b.n,
                    lang,
                    low=fmt_fixed(b.low, lang, 1),
                    high=fmt_fixed(b.high, lang, 1),
                    confidence=fmt_percent(b.confidence, lang),
                    accuracy=fmt_percent(b.accuracy, lang),
                )
            )
    gate = v.gate
    if gate.no_person or gate.people_set_apart:
        typer.echo(
            "  "
            + text(
                "probe.validation_gate",
                lang,
                missed=gate.people_set_apart,
                people=gate.people,
                kept_out=gate.no_person_set_apart,
                nobody=gate.no_person,
            )
        )
    if v.missing:
        shown = ", ".join(v.missing[:5]) + (" …" if len(v.missing) > 5 else "")
        typer.echo(
            "  " + MESSAGES.count("probe.validation_missing", len(v.missing), lang, files=shown)
        )
    typer.echo("  " + text("probe.validation_caveat", lang))


@probe_app.command("artwork", help=help_text("help.probe.artwork"))
def artwork(
    ctx: typer.Context,
    image: Annotated[Path, typer.Argument(help=help_text("help.probe.artwork.image"))],
    clip: ClipOption = None,
    protected_names: NamesOption = None,
    prompt: Annotated[str | None, typer.Option(help=help_text("help.probe.artwork.prompt"))] = None,
    ethnicity: Annotated[
        bool, typer.Option(help=help_text("help.probe.artwork.ethnicity"))
    ] = False,
    device: DeviceOption = "auto",
    json: JsonOption = False,
) -> None:
    from artcharter.audits.bias.probe_classes import load_probe_classes
    from artcharter.audits.bias.sentences import audit_sentence, reading_sentence
    from artcharter.provenance.campaign.artwork import probe_artwork, record_artwork_probe

    project = project_of(ctx)
    lang = lang_of(ctx, project)
    say = _say(json)
    names, names_source = _protected_names(project, protected_names)
    classes = load_probe_classes().select(ethnicity=ethnicity)
    probe = _probe(clip, device, classes, say, lang)
    ledger = open_ledger(project, create=False)
    try:
        result = probe_artwork(
            image,
            probe,
            ledger=ledger,
            protected_names=names,
            names_source=names_source,
            prompt=prompt,
        )
        recorded = record_artwork_probe(ledger, result) if ledger is not None else None
    finally:
        if ledger is not None:
            ledger.close()
    if json:
        echo_json({**result.to_dict(lang), "recorded": recorded})
        return
    for notice in result.notices(lang):
        typer.echo(f"! {notice}")
    typer.echo("")
    typer.echo(text("probe.reading", lang, path=image))
    typer.echo(f"  {reading_sentence(result.reading, result.classes, lang)}")
    if result.prompt:
        source = "option" if prompt else (result.record_source or "file")
        typer.echo(
            text(
                "probe.prompt",
                lang,
                source=text(f"probe.sources.{source}", lang),
                prompt=result.prompt,
            )
        )
    elif result.prompt_private:
        typer.echo(text("probe.prompt_private", lang))
    else:
        typer.echo(text("probe.no_prompt", lang))
    if result.audit is not None:
        typer.echo(f"  {audit_sentence(result.audit, lang)}")
    if result.campaign:
        c = result.campaign
        typer.echo(
            text(
                "probe.campaign",
                lang,
                model=c["model_id"],
                id=c["campaign_id"],
                date=c["updated_at"][:10],
                images=c["images_total"],
                probe=c["clip_model"],
            )
        )
        for related in result.related:
            typer.echo(f"  - {related['sentence'][lang]}")
    elif result.model_id:
        typer.echo(text("probe.no_campaign_for", lang, model=result.model_id))
    else:
        typer.echo(text("probe.no_model", lang))
    if recorded:
        typer.echo(text("probe.recorded", lang))


@probe_app.command("prompt", help=help_text("help.probe.prompt_command"))
def prompt_command(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help=help_text("help.probe.prompt_command.text"))],
    protected_names: NamesOption = None,
    json: JsonOption = False,
) -> None:
    from artcharter.audits.bias.prompt_audit import audit_prompt
    from artcharter.audits.bias.sentences import (
        audit_sentence,
        languages_sentence,
        negated_label,
    )

    project = project_of(ctx)
    lang = lang_of(ctx, project)
    names, names_source = _protected_names(project, protected_names)
    audit = audit_prompt(text, names, names_source=names_source, default_lang=lang)
    if json:
        echo_json({**audit.to_dict(lang), "sentence": audit_sentence(audit, lang)})
        return
    typer.echo(audit_sentence(audit, lang))
    typer.echo(languages_sentence(audit, lang))
    for finding in audit.findings:
        negated = " " + negated_label(lang) if finding.negated else ""
        typer.echo(
            f"  {finding.start:>4}–{finding.end:<4} {finding.kind:10} {finding.category:16} "
            f"{finding.text!r} → {finding.label(lang)}{negated}"
        )
