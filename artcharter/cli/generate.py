"""`artcharter generate`, `keep`, `discard` and `energy`: make images that leave the model
already labelled, signed and measured; choose among them; see what they cost."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from artcharter.cli import app
from artcharter.cli.context import (
    ArtistOption,
    PassphraseOption,
    echo_json,
    lang_of,
    open_ledger,
    project_of,
)
from artcharter.cli.messages import help_text
from artcharter.provenance.messages import MESSAGES as PROVENANCE

if TYPE_CHECKING:
    from artcharter.provenance.energy_summary import EnergySummary
    from artcharter.provenance.label import Signed

WORDS = {
    "en": {
        "loading": "loading {model}…",
        "loaded": "model: {model} on {device} ({dtype}), loaded in {duration}",
        "demo": "demo model, random weights: its images are noise, made to try the whole path",
        "settings": "{n} image(s), {steps} step(s), guidance {guidance}, {w}x{h}, seeds {first}–{last}",
        "negative_ignored": "note: with guidance {guidance} (≤ 1) this model ignores the negative prompt; it is recorded anyway",
        "bar": "generating",
        "made": "{path}  seed {seed}  {energy}",
        "unknown": "energy unknown: {reason}",
        "summary": "{n} image(s) signed and recorded (session {session}): {energy}, {co2}",
        "interrupted": "interrupted: {n} image(s) were finished and recorded before the stop",
        "next": "keep or discard them: artcharter keep IMAGE… / artcharter discard IMAGE…",
        "marked": "{status}: {path}",
        "statuses": {"kept": "kept", "discarded": "discarded"},
        "energy_title": "Energy{scope}",
        "session": " of session {session}",
        "all": " of the whole project",
        "total": "total: {energy}, {co2} ({runs} measured run(s){unknown})",
        "unknown_runs": ", {n} unknown",
        "images": "images {status}: {n}, {energy}",
        "phase": {
            "generation": "generations",
            "model-load": "model loading",
            "generation-aborted": "interrupted generations",
        },
        "phase_line": "{phase}: {runs} run(s), {energy}",
        "methods": "measured with: {methods} (codecarbon, offline; electricity mix: {countries})",
        "co2_incomplete": "some runs had no carbon intensity for their country: CO2 is a lower bound",
        "reasons": "why some energy is unknown: {reasons}",
        "equivalent": "≈ {text} ({factor})",
        "sessions": "sessions: {n} (details: artcharter energy --session ID)",
        "empty": "no energy recorded yet: generate images with `artcharter generate`",
        "no_session": 'no session "{session}" in the ledger',
        "sessions_are": "sessions{colon}{sessions}",
        "sessions_elsewhere": "`artcharter energy --json` lists its {n} sessions",
        "no_sessions": "no energy recorded yet",
    },
    "fr": {
        "loading": "chargement {de_model}…",  # d'openjourney, de stabilityai
        "loaded": "modèle : {model} sur {device} ({dtype}), chargé en {duration}",
        "demo": "modèle de démonstration, poids aléatoires : ses images sont du bruit, pour essayer tout le parcours",
        "settings": "{n} image(s), {steps} étape(s), guidage {guidance}, {w}x{h}, graines {first}–{last}",
        "negative_ignored": "remarque : avec un guidage de {guidance} (≤ 1) ce modèle ignore le prompt négatif ; il est tout de même enregistré",
        "bar": "génération",
        "made": "{path}  graine {seed}  {energy}",
        "unknown": "énergie inconnue : {reason}",
        "summary": "{n} image(s) signée(s) et enregistrée(s) (session {session}) : {energy}, {co2}",
        "interrupted": "interrompu : {n} image(s) terminée(s) et enregistrée(s) avant l'arrêt",
        "next": "garder ou écarter : artcharter keep IMAGE… / artcharter discard IMAGE…",
        "marked": "{status} : {path}",
        "statuses": {"kept": "gardée", "discarded": "écartée"},
        "energy_title": "Énergie{scope}",
        "session": " de la session {session}",
        "all": " de tout le projet",
        "total": "total : {energy}, {co2} ({runs} mesure(s){unknown})",
        "unknown_runs": ", {n} inconnue(s)",
        "images": "images {status} : {n}, {energy}",
        "phase": {
            "generation": "générations",
            "model-load": "chargements de modèle",
            "generation-aborted": "générations interrompues",
        },
        "phase_line": "{phase} : {runs} mesure(s), {energy}",
        "methods": "mesuré par : {methods} (codecarbon, hors ligne ; mix électrique : {countries})",
        "co2_incomplete": "certaines mesures n'avaient pas d'intensité carbone pour leur pays : le CO2 est un minimum",
        "reasons": "pourquoi une part de l'énergie est inconnue : {reasons}",
        "equivalent": "≈ {text} ({factor})",
        "sessions": "sessions : {n} (détail : artcharter energy --session ID)",
        "empty": "aucune énergie enregistrée : générez des images avec `artcharter generate`",
        "no_session": "aucune session « {session} » dans le registre",
        "sessions_are": "sessions{colon}{sessions}",
        "sessions_elsewhere": "`artcharter energy --json` en liste les {n} sessions",
        "no_sessions": "aucune énergie enregistrée pour l'instant",
    },
}
STATUS_WORDS = {
    "en": {
        "kept": "kept",
        "discarded": "discarded",
        "signed": "signed",
        "replaced": "replaced by a newer file",
        "missing": "not in the ledger",
    },
    "fr": {
        "kept": "gardées",
        "discarded": "écartées",
        "signed": "signées",
        "replaced": "remplacées par un fichier plus récent",
        "missing": "absentes du registre",
    },
}


def _image_energy(signed: Signed, lang: str) -> str:
    energy = signed.record.energy
    if energy is None or energy.status != "measured":
        reason = energy.reason if energy else "not measured"
        return WORDS[lang]["unknown"].format(reason=reason)
    from artcharter.base.numbers import fmt_energy, fmt_energy_method, fmt_mass_co2

    kwh, co2 = fmt_energy(energy.kwh_total, lang), fmt_mass_co2(energy.kg_co2eq, lang)
    return f"{kwh}, {co2}, {fmt_energy_method(energy.method, lang)}"


@app.command(help=help_text("help.generate.generate"))
def generate(
    ctx: typer.Context,
    prompt: Annotated[str, typer.Argument(help=help_text("help.generate.generate.prompt"))],
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
    declaration: Annotated[
        Path | None,
        typer.Option(help=help_text("help.generate.generate.declaration")),
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
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.generate.generate.json"))
    ] = False,
) -> None:
    from artcharter.base.numbers import (
        fmt_decimal,
        fmt_device,
        fmt_duration,
        fmt_energy,
        fmt_mass_co2,
    )
    from artcharter.base.typography import de
    from artcharter.charter.declaration import load_declaration, merge_choices
    from artcharter.provenance import generate as gen

    project = project_of(ctx)
    lang = project.lang
    words = WORDS[lang]
    # Everything that can be wrong in the set-up is checked before the model loads.
    project.identity(artist, passphrase)
    declared = load_declaration(declaration) if declaration else None
    # The command's title and training/mining choice, else the declaration's; a
    # contradiction between them is refused.
    title, training_mining = merge_choices(declared, title, training_mining)
    model_name = model or project.model or gen.DEFAULT_MODEL
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
            training_mining=training_mining,
            title=title,
            declaration=declared,
            session_id=session or gen.new_session_id(),
            device=device,
            dtype=dtype,
        )
    )
    say = _stderr(json)
    say(words["loading"].format(model=model_name, de_model=de(model_name)))
    loaded = gen.load_model(model_name, device=device, dtype=dtype, country=request.grid)
    say(
        words["loaded"].format(
            model=loaded.label,
            device=fmt_device(loaded.device_name, lang),
            dtype=loaded.dtype,
            duration=fmt_duration(loaded.load_ms / 1000, lang),
        )
    )
    if loaded.info.is_demo:
        say(words["demo"])
    settings = loaded.settings(request.steps, request.guidance, request.size)
    if negative and settings.guidance <= 1:
        say(words["negative_ignored"].format(guidance=fmt_decimal(settings.guidance, lang)))
    made: list[Signed] = []
    show_bar = n > 1 and not json and sys.stderr.isatty()
    with typer.progressbar(
        length=n, label=words["bar"], file=sys.stderr if show_bar else _Null()
    ) as bar:

        def on_image(signed: Signed) -> None:
            made.append(signed)
            bar.update(1)
            if not show_bar and not json:
                _echo_made(signed, lang)

        try:
            project.generate(
                request, model=loaded, artist=artist, passphrase=passphrase, on_image=on_image
            )
        except KeyboardInterrupt:
            if show_bar:
                for signed in made:
                    _echo_made(signed, lang)
            say(words["interrupted"].format(n=len(made)))
            raise
    if json:
        echo_json(
            [{"path": str(s.path), "sha256": s.sha256, "record": s.record.to_dict()} for s in made]
        )
        return
    if show_bar:
        for signed in made:
            _echo_made(signed, lang)
    measured = [
        s.record.energy for s in made if s.record.energy and s.record.energy.status == "measured"
    ]
    kwh = sum(e.kwh_total or 0 for e in measured) if measured else None
    kg = sum(e.kg_co2eq or 0 for e in measured) if measured else None
    energy, co2 = fmt_energy(kwh, lang), fmt_mass_co2(kg, lang)
    typer.echo(
        words["summary"].format(n=len(made), session=request.session_id, energy=energy, co2=co2)
    )
    typer.echo(words["next"])


def _echo_made(signed: Signed, lang: str) -> None:
    seed = signed.record.generation.seed if signed.record.generation else "?"
    typer.echo(
        WORDS[lang]["made"].format(path=signed.path, seed=seed, energy=_image_energy(signed, lang))
    )


def _stderr(quiet: bool) -> Any:
    def say(message: str) -> None:
        if not quiet:
            typer.echo(message, err=True)

    return say


class _Null:
    """A file that swallows the progress bar when it should not show."""

    def write(self, _: str) -> int:
        return 0

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


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
    word = WORDS[lang]["statuses"][status]
    for item in marked:
        typer.echo(WORDS[lang]["marked"].format(status=word, path=item.path))


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

    words = WORDS[lang]
    names = [name for name in sessions if name != "-"]
    if not names:
        hint = words["no_sessions"]
    elif len(names) <= FEW_SESSIONS:
        hint = words["sessions_are"].format(colon=punct(":", lang), sessions=", ".join(names))
    else:
        hint = words["sessions_elsewhere"].format(n=len(names))
    return BadInput(words["no_session"].format(session=session) + punct(";", lang) + hint)


def _print_summary(summary: EnergySummary, lang: str) -> None:
    from artcharter.base.numbers import fmt_energy, fmt_energy_method, fmt_mass_co2
    from artcharter.base.typography import punct
    from artcharter.reports.energy_equivalents import equivalents

    words = WORDS[lang]
    if summary.total.runs == 0:
        typer.echo(words["empty"])
        return
    scope = (
        words["session"].format(session=summary.session_id) if summary.session_id else words["all"]
    )
    typer.echo(words["energy_title"].format(scope=scope))
    total = summary.total
    energy, co2 = fmt_energy(total.kwh, lang), fmt_mass_co2(total.kg_co2eq, lang)
    unknown = words["unknown_runs"].format(n=total.unknown) if total.unknown else ""
    typer.echo(
        "  "
        + words["total"].format(
            energy=energy, co2=co2, runs=total.runs - total.unknown, unknown=unknown
        )
    )
    for status, part in sorted(summary.by_status.items()):
        typer.echo(
            "  "
            + words["images"].format(
                status=STATUS_WORDS[lang].get(status, status),
                n=part.images,
                energy=fmt_energy(part.kwh, lang),
            )
        )
    order = list(words["phase"])
    phases = sorted(
        summary.by_phase.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99
    )
    for phase, part in phases:
        name = words["phase"].get(phase, phase)
        typer.echo(
            "  "
            + words["phase_line"].format(
                phase=name, runs=part.runs, energy=fmt_energy(part.kwh, lang)
            )
        )
    if summary.methods:
        typer.echo(
            "  "
            + words["methods"].format(
                methods=", ".join(fmt_energy_method(m, lang) for m in summary.methods),
                countries=", ".join(summary.countries) or "–",
            )
        )
    if summary.co2_incomplete:
        typer.echo("  " + words["co2_incomplete"])
    if summary.unknown_reasons:
        typer.echo(
            "  " + words["reasons"].format(reasons=punct(";", lang).join(summary.unknown_reasons))
        )
    for item in equivalents(total.kwh, total.kg_co2eq, lang):
        typer.echo("  " + words["equivalent"].format(text=item["text"], factor=item["factor"]))
    if not summary.session_id and len(summary.sessions) > 1:
        typer.echo("  " + words["sessions"].format(n=len(summary.sessions)))
