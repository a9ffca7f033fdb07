"""`artcharter demo`: the whole path at once, offline, on the demo model.

Creates (or reuses) a project with a school certificate authority and an artist, generates
two small images with the demo model (labelled "demo model, random weights"), signs and
measures them, verifies them against the school's root, and says what to try next.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Any

import typer

from artcharter.cli import app
from artcharter.cli.context import echo_json, options
from artcharter.cli.messages import help_text

DEMO_IMAGES = 2
DEMO_SEED = 42

TEXTS = {
    "en": {
        "school": "Demo school (artcharter)",
        "artist": "Demo Artist",
        "prompt": "a lighthouse in the rain, woodcut",
        "title": "Lighthouse (demo)",
        "project": "project:   {path}",
        "made_project": "project:   {path} (created)",
        "keys": "school CA: {path}",
        "artist_line": "artist:    {name} ({path})",
        "model": "model:     demo model, random weights — its images are noise: the point is the path, not the picture",
        "generating": "generating {n} images of {size}x{size} px ({steps} steps), signing and measuring them…",
        "image": "  {path}\n    {verdict}, seed {seed}, {energy}",
        "energy": "energy:    {kwh} for {n} images ({method}, {country}), plus {load} to load the model",
        "next": "next:",
        "commands": [
            ("verify the files as a jury would", "artcharter --project {p} verify {images}"),
            ("what the ledger recorded", "artcharter --project {p} ledger list"),
            ("energy of every generation", "artcharter --project {p} energy"),
            (
                "keep one, discard the other",
                "artcharter --project {p} keep {first}\nartcharter --project {p} discard {second}",
            ),
            ("check an image against the charter", "artcharter --project {p} check {first}"),
            (
                "more images",
                'artcharter --project {p} generate "your prompt" --model demo --n 4 -o {out}',
            ),
            (
                "a real model (GPU advised; fetch it once on a connected machine)",
                'hf download stabilityai/sd-turbo && artcharter --project {p} generate "your prompt"',
            ),
        ],
    },
    "fr": {
        "school": "École de démonstration (artcharter)",
        "artist": "Artiste Démo",
        "prompt": "un phare sous la pluie, gravure sur bois",
        "title": "Phare (démo)",
        "project": "projet :      {path}",
        "made_project": "projet :      {path} (créé)",
        "keys": "AC d'école :  {path}",
        "artist_line": "artiste :     {name} ({path})",
        "model": "modèle :      modèle de démonstration, poids aléatoires — ses images sont du bruit : c'est le parcours qui compte, pas l'image",
        "generating": "génération de {n} images de {size}x{size} px ({steps} étapes), signature et mesure…",
        "image": "  {path}\n    {verdict}, graine {seed}, {energy}",
        "energy": "énergie :     {kwh} pour {n} images ({method}, {country}), plus {load} pour charger le modèle",
        "next": "ensuite :",
        "commands": [
            ("vérifier les fichiers comme un jury", "artcharter --project {p} verify {images}"),
            ("ce que le registre a enregistré", "artcharter --project {p} ledger list"),
            ("l'énergie de chaque génération", "artcharter --project {p} energy"),
            (
                "garder l'une, écarter l'autre",
                "artcharter --project {p} keep {first}\nartcharter --project {p} discard {second}",
            ),
            ("confronter une image à la charte", "artcharter --project {p} check {first}"),
            (
                "d'autres images",
                'artcharter --project {p} generate "votre prompt" --model demo --n 4 -o {out}',
            ),
            (
                "un vrai modèle (GPU conseillé ; à récupérer une fois sur une machine connectée)",
                'hf download stabilityai/sd-turbo && artcharter --project {p} generate "votre prompt"',
            ),
        ],
    },
}


@app.command(help=help_text("help.demo.demo"))
def demo(
    ctx: typer.Context,
    folder: Annotated[Path, typer.Argument(help=help_text("help.demo.demo.folder"))] = Path(
        "demo-project"
    ),
    json: Annotated[bool, typer.Option("--json", help=help_text("help.demo.demo.json"))] = False,
) -> None:
    from artcharter.base.messages import locale_lang
    from artcharter.provenance import demo_model, keys
    from artcharter.provenance.config import (
        CONFIG_NAME,
        init_project,
        load_config,
        set_config_value,
    )
    from artcharter.provenance.generate import (
        GenerateRequest,
        generate,
        load_model,
        new_session_id,
    )
    from artcharter.provenance.ledger import Ledger
    from artcharter.provenance.signing import load_artist_identity
    from artcharter.provenance.verify import ledger_row, read_anchors, verify_files

    asked = options(ctx).lang
    created = not (folder / CONFIG_NAME).is_file()
    if created:
        init_project(folder, "artcharter demo", lang=asked or locale_lang())
    project = load_config(folder)
    lang = asked or project.lang
    texts = TEXTS[lang]
    Ledger(project.ledger_path).close()
    if not project.school_root.exists():
        keys.init_school(project.keys_dir, texts["school"])
    artist = project.artist or texts["artist"]
    identity_files = keys.artist_identity(project.keys_dir, keys.slugify(artist))
    if not identity_files.chain_path.exists():
        keys.issue_artist(project.keys_dir, artist, None)
    if not project.artist:
        set_config_value(project.root, "artist", "name", artist)
    identity = load_artist_identity(
        project.keys_dir, artist, os.environ.get("ARTCHARTER_PASSPHRASE")
    )

    say = (lambda _: None) if json else typer.echo
    say(texts["made_project" if created else "project"].format(path=project.root))
    say(texts["keys"].format(path=project.school_root))
    say(texts["artist_line"].format(name=artist, path=identity_files.chain_path))
    say(texts["model"])
    say(texts["generating"].format(n=DEMO_IMAGES, size=demo_model.SIZE, steps=demo_model.STEPS))

    loaded = load_model("demo", device="cpu", country=project.country)
    output = project.root / "generated"
    with Ledger(project.ledger_path) as ledger:
        request = GenerateRequest(
            texts["prompt"],
            output_dir=output,
            seed=DEMO_SEED,
            n=DEMO_IMAGES,
            title=texts["title"],
            country=project.country,
            session_id=f"demo-{new_session_id()}",
        )
        made = generate(loaded, request, identity=identity, ledger=ledger)
        anchors = read_anchors([project.school_root])
        checks = verify_files([s.path for s in made], anchors)
        ledger.add_verifications([ledger_row(c) for c in checks])
    if json:
        echo_json(_as_json(project.root, made, checks, loaded, lang))
    else:
        _print(project.root, made, checks, loaded, texts, lang)
    if any(c.verdict != "trusted" for c in checks):
        raise typer.Exit(1)


def _print(
    root: Path, made: list[Any], checks: list[Any], loaded: Any, texts: dict[str, Any], lang: str
) -> None:
    from artcharter.base.numbers import fmt_energy, fmt_energy_method, fmt_mass_co2
    from artcharter.provenance import verdicts

    for signed, check in zip(made, checks, strict=True):
        energy = signed.record.energy
        kwh = (
            (fmt_energy(energy.kwh_total, lang), fmt_mass_co2(energy.kg_co2eq, lang))
            if energy
            else ("–", "–")
        )
        typer.echo(
            texts["image"].format(
                path=_shown(signed.path),
                verdict=verdicts.title(check.verdict, lang),
                seed=signed.record.generation.seed,
                energy=", ".join(kwh),
            )
        )
    measured = [
        s.record.energy for s in made if s.record.energy and s.record.energy.status == "measured"
    ]
    if measured:
        total = sum(e.kwh_total or 0 for e in measured)
        typer.echo(
            texts["energy"].format(
                kwh=fmt_energy(total, lang),
                n=len(made),
                method=fmt_energy_method(measured[0].method, lang),
                country=measured[0].country_iso,
                load=fmt_energy(loaded.load_energy.kwh_total, lang),
            )
        )
    typer.echo(texts["next"])
    p = _quote(_shown(root))
    images = " ".join(_quote(_shown(s.path)) for s in made)
    values = {
        "p": p,
        "images": images,
        "first": _quote(_shown(made[0].path)),
        "second": _quote(_shown(made[-1].path)),
        "out": _quote(_shown(root / "generated")),
    }
    for what, commands in texts["commands"]:
        typer.echo(f"  # {what}")
        for command in commands.format(**values).splitlines():  # one whole command a line
            typer.echo(f"  {command}")


def _shown(path: Path) -> str:
    """A path relative to the current folder when it lies below it: shorter to copy."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def _as_json(
    root: Path, made: list[Any], checks: list[Any], loaded: Any, lang: str
) -> dict[str, Any]:
    return {
        "project": str(root),
        "model": {"id": loaded.info.id, "is_demo": loaded.info.is_demo, "label": loaded.label},
        "load_energy": loaded.load_energy.__dict__,
        "images": [
            {
                "path": str(s.path),
                "sha256": s.sha256,
                "artwork_id": s.record.artwork_id,
                "seed": s.record.generation.seed,
                "verdict": c.verdict,
                "energy": s.record.energy.__dict__ if s.record.energy else None,
            }
            for s, c in zip(made, checks, strict=True)
        ],
    }
