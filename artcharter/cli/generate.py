"""`artcharter generate`, `keep`, `discard` and `energy`: make images that leave the model
already labelled, signed and measured; choose among them; see what they cost."""

from __future__ import annotations

import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from artcharter.cli import app
from artcharter.cli.context import (
    ArtistOption,
    JsonListWriter,
    NullFile,
    PassphraseOption,
    echo_json,
    lang_of,
    open_ledger,
    project_of,
    warn_if_not_time_stamped,
)
from artcharter.cli.messages import MESSAGES, help_text, text
from artcharter.provenance.messages import MESSAGES as PROVENANCE

if TYPE_CHECKING:
    from artcharter.provenance.energy_summary import EnergySummary
    from artcharter.provenance.label import Signed
    from artcharter.provenance.series import Series
# The phases of the energy report, in their order, and the statuses it names in words.
PHASES = ("generation", "model-load", "generation-aborted")
STATUSES = ("kept", "discarded", "signed", "replaced", "missing")


def _control(value: str | None, model: Path | None) -> Any:
    """``--control KIND:IMAGE`` read by the ControlNet in ``--controlnet``; both or neither."""
    from artcharter.base.errors import BadInput
    from artcharter.cli.messages import MESSAGES
    from artcharter.provenance import conditioning

    if value is None and model is None:
        return None
    if value is None or model is None:
        raise BadInput(
            MESSAGES("generate.control_needs_model", param="control", param_model="controlnet")
        )
    kind, image = conditioning.parse_control(value)
    return conditioning.Control(kind, image, model)


def _image_energy(signed: Signed, lang: str) -> str:
    energy = signed.record.energy
    if energy is None or energy.status != "measured":
        reason = energy.reason if energy else text("generate.not_measured", lang)
        return text("generate.unknown", lang, reason=reason)
    from artcharter.base.numbers import fmt_energy, fmt_energy_method, fmt_mass_co2
    from artcharter.reports.energy_split import short

    kwh, co2 = fmt_energy(energy.kwh_total, lang), fmt_mass_co2(energy.kg_co2eq, lang)
    parts = short(energy, lang)
    return f"{kwh}, {co2}, {fmt_energy_method(energy.method, lang)}" + (
        f" [{parts}]" if parts else ""
    )


@app.command(help=help_text("help.generate.generate"))
def generate(
    ctx: typer.Context,
    prompt: Annotated[
        str | None, typer.Argument(help=help_text("help.generate.generate.prompt"))
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(help=help_text("help.generate.generate.model")),
    ] = None,
    negative: Annotated[
        str | None, typer.Option(help=help_text("help.generate.generate.negative"))
    ] = None,
    seed: Annotated[int | None, typer.Option(help=help_text("help.generate.generate.seed"))] = None,
    steps: Annotated[
        int | None, typer.Option(help=help_text("help.generate.generate.steps"))
    ] = None,
    guidance: Annotated[
        float | None, typer.Option(help=help_text("help.generate.generate.guidance"))
    ] = None,
    size: Annotated[str | None, typer.Option(help=help_text("help.generate.generate.size"))] = None,
    n: Annotated[int, typer.Option("--n", "-n", help=help_text("help.generate.generate.n"))] = 1,
    batch_size: Annotated[
        int, typer.Option(help=help_text("help.generate.generate.batch_size"))
    ] = 1,
    scheduler: Annotated[
        str | None,
        typer.Option(help=help_text("help.generate.generate.scheduler")),
    ] = None,
    device: Annotated[str, typer.Option(help=help_text("help.generate.generate.device"))] = "auto",
    dtype: Annotated[
        str | None, typer.Option(help=help_text("help.generate.generate.dtype"))
    ] = None,
    private_prompt: Annotated[
        bool,
        typer.Option(help=help_text("help.generate.generate.private_prompt")),
    ] = False,
    title: Annotated[
        str | None, typer.Option(help=help_text("help.generate.generate.title"))
    ] = None,
    training_mining: Annotated[
        str | None,
        typer.Option(help=help_text("help.generate.generate.training_mining")),
    ] = None,
    training_constraint: Annotated[
        str | None,
        typer.Option(help=help_text("help.generate.generate.training_constraint")),
    ] = None,
    declaration: Annotated[
        Path | None,
        typer.Option(help=help_text("help.generate.generate.declaration")),
    ] = None,
    init_image: Annotated[
        Path | None, typer.Option(help=help_text("help.generate.generate.init_image"))
    ] = None,
    strength: Annotated[
        float | None, typer.Option(help=help_text("help.generate.generate.strength"))
    ] = None,
    mask: Annotated[
        Path | None, typer.Option(help=help_text("help.generate.generate.mask"))
    ] = None,
    control: Annotated[
        str | None, typer.Option(help=help_text("help.generate.generate.control"))
    ] = None,
    controlnet: Annotated[
        Path | None, typer.Option(help=help_text("help.generate.generate.controlnet"))
    ] = None,
    show_steps: Annotated[
        int, typer.Option(min=0, help=help_text("help.generate.generate.show_steps"))
    ] = 0,
    lora: Annotated[
        list[str] | None, typer.Option(help=help_text("help.generate.generate.lora"))
    ] = None,
    embedding: Annotated[
        list[str] | None, typer.Option(help=help_text("help.generate.generate.embedding"))
    ] = None,
    artist: ArtistOption = None,
    passphrase: PassphraseOption = None,
    session: Annotated[
        str | None,
        typer.Option(
            help=help_text("help.generate.generate.session"),
            envvar="ARTCHARTER_SESSION",
        ),
    ] = None,
    output: Annotated[
        Path, typer.Option("-o", "--output", help=help_text("help.generate.generate.output"))
    ] = Path("generated"),
    resume: Annotated[
        str | None, typer.Option(help=help_text("help.generate.generate.resume"))
    ] = None,
    cluster: Annotated[
        str | None, typer.Option(help=help_text("help.generate.generate.cluster"))
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help=help_text("help.generate.generate.workers"))
    ] = None,
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.generate.generate.json"))
    ] = False,
) -> None:
    from dataclasses import replace

    from artcharter.base.errors import BadInput
    from artcharter.base.numbers import (
        fmt_decimal,
        fmt_device,
        fmt_duration,
        fmt_energy,
        fmt_mass_co2,
    )
    from artcharter.charter.declaration import load_declaration, merge_choices
    from artcharter.cli.messages import MESSAGES
    from artcharter.provenance import adapters
    from artcharter.provenance import generate as gen

    project = project_of(ctx)
    lang = project.lang
    # Everything that can be wrong in the set-up is checked before the model loads.
    project.identity(artist, passphrase)
    if resume is not None:
        # Everything comes from the series row: another prompt or setting is refused.
        if prompt is not None:
            raise BadInput(MESSAGES("generate.resume_alone", param="resume"))
        request, model = project.series_request(resume)
        request = replace(request, batch_size=batch_size, device=device, dtype=dtype)
    else:
        if prompt is None:
            raise BadInput(MESSAGES("generate.needs_prompt", param="resume"))
        declared = load_declaration(declaration) if declaration else None
        # The command's title and training/mining choice, else the declaration's; a
        # contradiction between them is refused.
        # No choice from the option nor the declaration: the protective default, said so.
        title, training_mining, training_constraint = merge_choices(
            declared, title, training_mining, default="", training_constraint=training_constraint
        )
        request = project.request(
            gen.GenerateRequest(
                prompt,
                output_dir=output,
                negative=negative,
                seed=seed,
                steps=steps,
                guidance=guidance,
                size=size,
                n=n,
                batch_size=batch_size,
                scheduler=scheduler,
                private_prompt=private_prompt,
                training_mining=training_mining or "notAllowed",
                training_mining_default=not training_mining,
                training_constraint=training_constraint,
                title=title,
                declaration=declared,
                session_id=session or gen.new_session_id(),
                device=device,
                dtype=dtype,
                init_image=init_image,
                strength=strength,
                mask=mask,
                control=_control(control, controlnet),
                show_steps=show_steps,
                adapters=tuple(
                    [adapters.parse_lora(v) for v in lora or []]
                    + [adapters.parse_embedding(v) for v in embedding or []]
                ),
            )
        )
    n = request.n
    say = _stderr(json)
    made = _Made(listed=n <= LISTED_AT_MOST)
    show_bar = n > 1 and not json and sys.stderr.isatty()
    # The bar shows once the model is loaded, after the loading messages.
    bars: list[Any] = []
    # --json streams a JSON array, item by item: a long series is never held whole.
    stream = JsonListWriter() if json else None

    def on_loaded(loaded: gen.LoadedModel) -> None:
        say(
            text(
                "generate.loaded",
                lang,
                model=loaded.label,
                device=fmt_device(loaded.device_name, lang),
                dtype=loaded.dtype,
                duration=fmt_duration(loaded.load_ms / 1000, lang),
            )
        )
        if loaded.info.is_demo:
            say(text("generate.demo", lang))
        settings = loaded.settings(request.steps, request.guidance, request.size)
        if request.negative_text and settings.guidance <= 1:
            guidance = fmt_decimal(settings.guidance, lang)
            say(text("generate.negative_ignored", lang, guidance=guidance))

    def on_series(series: Series) -> None:
        key = "generate.series_resumed" if series.resumed else "generate.series"
        say(text(key, lang, id=series.series_id, n=series.n, done=len(series.done)))
        bar = typer.progressbar(
            length=len(series.missing),
            label=text("generate.bar", lang),
            file=sys.stderr if show_bar else NullFile(),
        )
        bars.append(stack.enter_context(bar))

    def on_image(signed: Signed) -> None:
        if not bars:  # a single image, or a cluster run: no series was opened
            on_series_less()
        made.add(signed)
        bars[0].update(1)
        if stream is not None:
            stream.add(
                {
                    "path": str(signed.path),
                    "sha256": signed.sha256,
                    "record": signed.record.to_dict(),
                }
            )
        elif not show_bar:
            _echo_made(signed, lang)

    def on_series_less() -> None:
        bar = typer.progressbar(
            length=n, label=text("generate.bar", lang), file=sys.stderr if show_bar else NullFile()
        )
        bars.append(stack.enter_context(bar))

    with ExitStack() as stack:
        try:
            project.generate(
                request,
                model=model,  # None: the project's, else the default
                artist=artist,
                passphrase=passphrase,
                on_image=on_image,
                on_loading=lambda name: say(text("generate.loading", lang, model=name)),
                on_loaded=on_loaded,
                on_series=on_series,
                cluster=cluster,
                workers=workers,
                collect=False,
            )
        except KeyboardInterrupt:
            if stream is not None:
                stream.close()
            if bars:  # interrupted while making images, not while loading the model
                if show_bar:
                    for signed in made.shown:
                        _echo_made(signed, lang)
                say(MESSAGES.count("generate.interrupted", made.count, lang))
                if n > 1:
                    say(text("generate.resume_with", lang, id=request.session_id))
            raise
    if made.unstamped is not None or made.first is not None:
        # One warning for the batch: they share the authority.
        warn_if_not_time_stamped(made.unstamped or made.first, project)
    if stream is not None:
        stream.close()
        return
    if show_bar:
        for signed in made.shown:
            _echo_made(signed, lang)
    energy, co2 = fmt_energy(made.kwh, lang), fmt_mass_co2(made.kg, lang)
    typer.echo(
        MESSAGES.count(
            "generate.summary",
            made.count,
            lang,
            session=request.session_id,
            energy=energy,
            co2=co2,
        )
    )
    typer.echo(text("generate.next", lang))


# Past this many images, the images are counted, not each listed again after the bar.
LISTED_AT_MOST = 100


class _Made:
    """What a generation made, in constant memory: counts and sums, the first images (to
    list them after the bar) and one image without a time-stamp (for the warning)."""

    def __init__(self, listed: bool) -> None:
        self.count = 0
        self.measured = 0
        self.kwh_sum = 0.0
        self.kg_sum = 0.0
        self.first: Signed | None = None
        self.unstamped: Signed | None = None
        self.shown: list[Signed] = []
        self._listed = listed

    def add(self, signed: Signed) -> None:
        self.count += 1
        self.first = self.first or signed
        if not signed.time_stamped and self.unstamped is None:
            self.unstamped = signed
        if self._listed:
            self.shown.append(signed)
        energy = signed.record.energy
        if energy and energy.status == "measured":
            self.measured += 1
            self.kwh_sum += energy.kwh_total or 0
            self.kg_sum += energy.kg_co2eq or 0

    @property
    def kwh(self) -> float | None:
        return self.kwh_sum if self.measured else None

    @property
    def kg(self) -> float | None:
        return self.kg_sum if self.measured else None


def _echo_made(signed: Signed, lang: str) -> None:
    seed = signed.record.generation.seed if signed.record.generation else "?"
    typer.echo(
        text("generate.made", lang, path=signed.path, seed=seed, energy=_image_energy(signed, lang))
    )


def _stderr(quiet: bool) -> Any:
    def say(message: str) -> None:
        if not quiet:
            typer.echo(message, err=True)

    return say


# --- keep / discard -----------------------------------------------------------------------


def _mark(ctx: typer.Context, images: list[str], status: str, json: bool) -> None:
    from artcharter.base.errors import SetupError
    from artcharter.provenance.curation import mark

    project = project_of(ctx)
    lang = lang_of(ctx, project)
    if not project.ledger_path.exists():
        raise SetupError(PROVENANCE("ledger.missing", path=project.ledger_path))
    with open_ledger(project) as ledger:
        marked = mark(ledger, images, status)
    if json:
        echo_json([m.__dict__ for m in marked])
        return
    word = text(f"generate.statuses.{status}", lang)
    for item in marked:
        typer.echo(text("generate.marked", lang, status=word, path=item.path))


ImagesArgument = Annotated[
    list[str],
    typer.Argument(help=help_text("help.generate.ImagesArgument")),
]


@app.command(help=help_text("help.generate.keep"))
def keep(
    ctx: typer.Context,
    images: ImagesArgument,
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.generate.keep.json"))
    ] = False,
) -> None:
    _mark(ctx, images, "kept", json)


@app.command(help=help_text("help.generate.discard"))
def discard(
    ctx: typer.Context,
    images: ImagesArgument,
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.generate.discard.json"))
    ] = False,
) -> None:
    _mark(ctx, images, "discarded", json)


# --- energy -------------------------------------------------------------------------------


@app.command(help=help_text("help.generate.energy"))
def energy(
    ctx: typer.Context,
    session: Annotated[
        str | None, typer.Option(help=help_text("help.generate.energy.session"))
    ] = None,
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.generate.energy.json"))
    ] = False,
) -> None:
    from artcharter.base.errors import SetupError
    from artcharter.provenance.energy_summary import energy_summary

    project = project_of(ctx)
    lang = lang_of(ctx, project)
    if not project.ledger_path.exists():
        raise SetupError(PROVENANCE("ledger.missing", path=project.ledger_path))
    with open_ledger(project) as ledger:
        summary = energy_summary(ledger, session)
        if session and summary.total.runs == 0:
            raise _unknown_session(session, energy_summary(ledger).sessions, lang)
    if json:
        echo_json(summary.to_dict())
        return
    _print_summary(summary, lang)


FEW_SESSIONS = 5


def _unknown_session(session: str, sessions: dict[str, Any], lang: str) -> Exception:
    """One line naming the session asked for, with the ledger's sessions when they are few."""
    from artcharter.base.errors import BadInput
    from artcharter.base.typography import punct

    names = [name for name in sessions if name != "-"]
    if not names:
        hint = text("generate.no_sessions", lang)
    elif len(names) <= FEW_SESSIONS:
        hint = text("generate.sessions_are", lang, sessions=", ".join(names))
    else:
        hint = text("generate.sessions_elsewhere", lang, n=len(names))
    return BadInput(text("generate.no_session", lang, session=session) + punct(";", lang) + hint)


def _print_summary(summary: EnergySummary, lang: str) -> None:
    from artcharter.base.numbers import fmt_energy, fmt_energy_method, fmt_mass_co2, fmt_number
    from artcharter.base.typography import punct
    from artcharter.reports.energy_equivalents import equivalents

    if summary.total.runs == 0:
        typer.echo(text("generate.empty", lang))
        return
    scope = (
        text("generate.session", lang, session=summary.session_id)
        if summary.session_id
        else text("generate.all", lang)
    )
    typer.echo(text("generate.energy_title", lang, scope=scope))
    total = summary.total
    energy, co2 = fmt_energy(total.kwh, lang), fmt_mass_co2(total.kg_co2eq, lang)
    unknown = MESSAGES.count("generate.unknown_runs", total.unknown, lang) if total.unknown else ""
    typer.echo(
        "  "
        + MESSAGES.count(
            "generate.total",
            total.runs - total.unknown,
            lang,
            energy=energy,
            co2=co2,
            unknown=unknown,
        )
    )
    for status, part in sorted(summary.by_status.items()):
        typer.echo(
            "  "
            + text(
                "generate.images",
                lang,
                status=text(f"generate.status.{status}", lang) if status in STATUSES else status,
                n=part.images,
                energy=fmt_energy(part.kwh, lang),
            )
        )
    order = list(PHASES)
    phases = sorted(
        summary.by_phase.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99
    )
    for phase, part in phases:
        name = text(f"generate.phase.{phase}", lang) if phase in PHASES else phase
        typer.echo(
            "  "
            + MESSAGES.count(
                "generate.phase_line",
                part.runs,
                lang,
                phase=name,
                energy=fmt_energy(part.kwh, lang),
            )
        )
    if total.kwh:
        parts = [("CPU", total.kwh_cpu), ("GPU", total.kwh_gpu), ("RAM", total.kwh_ram)]
        split = " · ".join(f"{name} {fmt_energy(kwh, lang)}" for name, kwh in parts if kwh)
        typer.echo("  " + text("generate.split", lang, split=split))
        if total.kwh_ram / total.kwh > 0.5:
            share = f"{fmt_number(100 * total.kwh_ram / total.kwh, lang, 3)} %"
            typer.echo("  " + text("generate.ram_dominates", lang, share=share))
    if summary.methods:
        typer.echo(
            "  "
            + text(
                "generate.methods",
                lang,
                methods=", ".join(fmt_energy_method(m, lang) for m in summary.methods),
                countries=", ".join(summary.countries) or "–",
            )
        )
    if summary.co2_incomplete:
        typer.echo("  " + text("generate.co2_incomplete", lang))
    if summary.unknown_reasons:
        typer.echo(
            "  "
            + text("generate.reasons", lang, reasons=punct(";", lang).join(summary.unknown_reasons))
        )
    for item in equivalents(total.kwh, total.kg_co2eq, lang):
        typer.echo(
            "  " + text("generate.equivalent", lang, text=item["text"], factor=item["factor"])
        )
    if not summary.session_id and len(summary.sessions) > 1:
        typer.echo("  " + text("generate.sessions", lang, n=len(summary.sessions)))
