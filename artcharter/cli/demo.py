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
from artcharter.cli.messages import help_text, text

DEMO_IMAGES = 2
DEMO_SEED = 42
# What to try next, in order: demo.next.<name> says it, demo.run.<name> types it.
NEXT = ("verify", "ledger", "energy", "keep", "check", "more", "real")


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
    Ledger(project.ledger_path).close()
    if not project.school_root.exists():
        keys.init_school(project.keys_dir, text("demo.school", lang))
    artist = project.artist or text("demo.artist", lang)
    identity_files = keys.artist_identity(project.keys_dir, keys.slugify(artist))
    if not identity_files.chain_path.exists():
        keys.issue_artist(project.keys_dir, artist, None)
    if not project.artist:
        set_config_value(project.root, "artist", "name", artist)
    identity = load_artist_identity(
        project.keys_dir, artist, os.environ.get("ARTCHARTER_PASSPHRASE")
    )

    say = (lambda _: None) if json else typer.echo
    say(text("demo.made_project" if created else "demo.project", lang, path=project.root))
    say(text("demo.keys", lang, path=project.school_root))
    say(text("demo.artist_line", lang, name=artist, path=identity_files.chain_path))
    say(text("demo.model", lang))
    say(text("demo.generating", lang, n=DEMO_IMAGES, size=demo_model.SIZE, steps=demo_model.STEPS))

    loaded = load_model("demo", device="cpu", country=project.country)
    output = project.root / "generated"
    with Ledger(project.ledger_path) as ledger:
        request = GenerateRequest(
            text("demo.prompt", lang),
            output_dir=output,
            seed=DEMO_SEED,
            n=DEMO_IMAGES,
            title=text("demo.title", lang),
            country=project.country,
            session_id=f"demo-{new_session_id()}",
            # Nobody chose for the demo's images: the protective default, said as such.
            training_mining_default=True,
        )
        made = generate(loaded, request, identity=identity, ledger=ledger)
        anchors = read_anchors([project.school_root])
        checks = verify_files([s.path for s in made], anchors)
        ledger.add_verifications([ledger_row(c) for c in checks])
    if json:
        echo_json(_as_json(project.root, made, checks, loaded, lang))
    else:
        _print(project.root, made, checks, loaded, lang)
    if any(c.verdict != "trusted" for c in checks):
        raise typer.Exit(1)


def _print(root: Path, made: list[Any], checks: list[Any], loaded: Any, lang: str) -> None:
    from artcharter.base.numbers import fmt_energy, fmt_energy_method, fmt_mass_co2
    from artcharter.provenance import verdicts
    from artcharter.reports.energy_split import short, split

    for signed, check in zip(made, checks, strict=True):
        energy = signed.record.energy
        kwh = (
            (fmt_energy(energy.kwh_total, lang), fmt_mass_co2(energy.kg_co2eq, lang))
            if energy
            else ("–", "–")
        )
        if parts := short(energy, lang):
            kwh = (*kwh, parts)
        typer.echo(
            text(
                "demo.image",
                lang,
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
            text(
                "demo.energy",
                lang,
                kwh=fmt_energy(total, lang),
                n=len(made),
                method=fmt_energy_method(measured[0].method, lang),
                country=measured[0].country_iso,
                load=fmt_energy(loaded.load_energy.kwh_total, lang),
            )
        )
        found = split(measured[0], lang)
        if found and found["warning"]:
            typer.echo("           " + found["warning"])
    typer.echo(text("demo.next", lang))
    p = _quote(_shown(root))
    images = " ".join(_quote(_shown(s.path)) for s in made)
    values = {
        "p": p,
        "images": images,
        "first": _quote(_shown(made[0].path)),
        "second": _quote(_shown(made[-1].path)),
        "out": _quote(_shown(root / "generated")),
    }
    for name in NEXT:
        typer.echo(f"  # {text(f'demo.next.{name}', lang)}")
        for command in text(f"demo.run.{name}", lang, **values).splitlines():  # one a line
            typer.echo(f"  {command}")


def _shown(path: Path) -> str:
    """A path relative to the current folder when it lies below it: shorter to copy."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _quote(word: str) -> str:
    import shlex

    return shlex.quote(word)


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
