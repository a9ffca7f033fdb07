"""`artcharter keys ...`: the school's certificate authority and artists' certificates."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated

import typer

from artcharter.cli import app
from artcharter.cli.context import echo_json, lang_of, project_of
from artcharter.cli.messages import help_text

keys_app = typer.Typer(help=help_text("help.keys.keys_app"), no_args_is_help=True)
app.add_typer(keys_app, name="keys")

Passphrase = Annotated[
    str | None,
    typer.Option(
        help=help_text("help.keys.Passphrase"),
        envvar="ARTCHARTER_PASSPHRASE",
        show_envvar=False,
    ),
]


@keys_app.command("init-school", help=help_text("help.keys.init_school"))
def init_school(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Option(help=help_text("help.keys.init_school.name")),
    ],
    personal: Annotated[
        bool, typer.Option(help=help_text("help.keys.init_school.personal"))
    ] = False,
    country: Annotated[str, typer.Option(help=help_text("help.keys.init_school.country"))] = "FR",
    alg: Annotated[str, typer.Option(help=help_text("help.keys.init_school.alg"))] = "es256",
    years: Annotated[int, typer.Option(help=help_text("help.keys.init_school.years"))] = 10,
    passphrase: Passphrase = None,
    force: Annotated[bool, typer.Option(help=help_text("help.keys.init_school.force"))] = False,
) -> None:
    from artcharter.base.typography import punct
    from artcharter.provenance import keys

    project = project_of(ctx)
    label = f"{name} (personal)" if personal and "personal" not in name.lower() else name
    path = keys.init_school(
        project.keys_dir,
        label,
        country=country.upper(),
        alg=alg,
        valid_days=365 * years,
        passphrase=passphrase,
        force=force,
    )
    lang = lang_of(ctx, project)
    fr, colon = lang == "fr", punct(":", lang)
    typer.echo(f"{'certificat racine' if fr else 'root certificate'}{colon}{path}")
    keep = "à garder sur cette machine" if fr else "keep it on this machine"
    typer.echo(
        f"{'clé privée' if fr else 'private key'}{colon}{path.with_suffix('.key')} "
        f"(mode 0600{colon}{keep})"
    )


@keys_app.command("issue", help=help_text("help.keys.issue"))
def issue(
    ctx: typer.Context,
    artist: Annotated[str, typer.Option(help=help_text("help.keys.issue.artist"))],
    email: Annotated[str | None, typer.Option(help=help_text("help.keys.issue.email"))] = None,
    alg: Annotated[str, typer.Option(help=help_text("help.keys.issue.alg"))] = "es256",
    days: Annotated[int, typer.Option(help=help_text("help.keys.issue.days"))] = 730,
    passphrase: Passphrase = None,
    root_passphrase: Annotated[
        str | None,
        typer.Option(
            help=help_text("help.keys.issue.root_passphrase"), envvar="ARTCHARTER_ROOT_PASSPHRASE"
        ),
    ] = None,
    default: Annotated[bool, typer.Option(help=help_text("help.keys.issue.default"))] = False,
    force: Annotated[bool, typer.Option(help=help_text("help.keys.issue.force"))] = False,
) -> None:
    from artcharter.base.typography import punct
    from artcharter.provenance import keys
    from artcharter.provenance.config import set_config_value

    project = project_of(ctx)
    identity = keys.issue_artist(
        project.keys_dir,
        artist,
        email,
        alg=alg,
        valid_days=days,
        root_passphrase=root_passphrase,
        passphrase=passphrase,
        force=force,
    )
    if default and project.has_config:
        set_config_value(project.root, "artist", "name", artist)
    lang = lang_of(ctx, project)
    fr, colon = lang == "fr", punct(":", lang)
    typer.echo(
        f"{'chaîne de certificats' if fr else 'certificate chain'}{colon}{identity.chain_path}"
    )
    only = f"à ne remettre qu'à {artist}" if fr else f"give it only to {artist}"
    typer.echo(
        f"{'clé privée' if fr else 'private key'}{colon}{identity.key_path} (mode 0600{colon}{only})"
    )


# French words for what `keys list` and `keys show` print; English keeps the field names.
ROLES_FR = {"root": "racine", "artist": "artiste"}
FIELDS_FR = {
    "path": "fichier",
    "role": "rôle",
    "subject_name": "nom",
    "organisation": "organisation",
    "email": "e-mail",
    "issuer": "émis par",
    "algorithm": "algorithme",
    "not_before": "valide à partir du",
    "not_after": "valide jusqu'au",
    "expired": "expiré",
    "fingerprint_sha256": "empreinte SHA-256",
}


def _validity(expired: bool, not_after: str, lang: str) -> str:
    if lang == "fr":
        return "EXPIRÉ" if expired else f"jusqu'au {not_after[:10]}"
    return "EXPIRED" if expired else f"until {not_after[:10]}"


@keys_app.command("list", help=help_text("help.keys.list_keys"))
def list_keys(
    ctx: typer.Context,
    json: Annotated[
        bool, typer.Option("--json", help=help_text("help.keys.list_keys.json"))
    ] = False,
) -> None:
    from artcharter.provenance import keys

    project = project_of(ctx)
    found = keys.list_certificates(project.keys_dir)
    if json:
        echo_json([asdict(c) for c in found])
        return
    lang = lang_of(ctx, project)
    if not found:
        typer.echo(
            "aucun certificat : lancez `artcharter keys init-school --name ...`"
            if lang == "fr"
            else "no certificates yet: run `artcharter keys init-school --name ...`"
        )
    for cert in found:
        status = _validity(cert.expired, cert.not_after, lang)
        role = ROLES_FR.get(cert.role, cert.role) if lang == "fr" else cert.role
        typer.echo(f"{role:7} {cert.subject_name:30} {cert.organisation:24} {status}  {cert.path}")


@keys_app.command("show", help=help_text("help.keys.show"))
def show(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(help=help_text("help.keys.show.who"))],
    json: Annotated[bool, typer.Option("--json", help=help_text("help.keys.show.json"))] = False,
) -> None:
    from artcharter.provenance import keys

    project = project_of(ctx)
    cert = keys.show_certificate(project.keys_dir, who)
    if json:
        echo_json(asdict(cert))
        return
    lang = lang_of(ctx, project)
    for field, value in asdict(cert).items():
        if lang == "fr":
            if field == "role":
                value = ROLES_FR.get(value, value)
            elif isinstance(value, bool):
                value = "oui" if value else "non"
            field = FIELDS_FR.get(field, field)
        typer.echo(f"{field:20} {value}")
