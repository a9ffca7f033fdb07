"""`artcharter keys ...`: the school's certificate authority and artists' certificates."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from artcharter.cli import app
from artcharter.cli.context import echo_json, lang_of, project_of
from artcharter.cli.messages import MESSAGES, help_text, text

if TYPE_CHECKING:
    from artcharter.project import Project

DEFAULT_TSA_URL = "http://127.0.0.1:3161/"  # `artcharter tsa serve`'s default

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
AskPassphrase = Annotated[bool, typer.Option(help=help_text("help.keys.ask_passphrase"))]


def new_passphrase(given: str | None, ask: bool, lang: str) -> str | None:
    """``given``, or one typed twice at a hidden prompt (``ask``): never on the command
    line, where `ps` and the shell history would keep it."""
    if not ask:
        return given
    import getpass

    from artcharter.base.errors import BadInput
    from artcharter.provenance.messages import MESSAGES as PROVENANCE

    first = getpass.getpass(text("passphrase.new", lang))
    if first != getpass.getpass(text("passphrase.again", lang)):
        raise BadInput(PROVENANCE("keys.passphrases_differ"))
    return first or None


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
    ask_passphrase: AskPassphrase = False,
    force: Annotated[bool, typer.Option(help=help_text("help.keys.init_school.force"))] = False,
    yes: Annotated[
        bool, typer.Option("--yes", help=help_text("help.keys.init_school.yes"))
    ] = False,
) -> None:
    from artcharter.provenance import keys

    project = project_of(ctx)
    lang = lang_of(ctx, project)
    replacing = force and (project.keys_dir / keys.ROOT_CERT).exists()
    if replacing and not yes:
        folder = project.keys_dir / keys.PREVIOUS_ROOTS_DIR
        if not typer.confirm(text("keys.replace_root", lang, folder=folder), default=False):
            typer.echo(text("keys.not_replaced", lang), err=True)
            raise typer.Exit(1)
    label = f"{name} (personal)" if personal and "personal" not in name.lower() else name
    passphrase = new_passphrase(passphrase, ask_passphrase, lang)
    path = keys.init_school(
        project.keys_dir,
        label,
        country=country.upper(),
        alg=alg,
        valid_days=365 * years,
        passphrase=passphrase,
        force=force,
    )
    if replacing:
        typer.echo(text("keys.root_kept", lang, path=keys.previous_roots(project.keys_dir)[-1]))
    if project.has_config and not project.config.tsa_url:
        from artcharter.provenance.config import set_config_value

        # Signing asks the school's authority (`artcharter tsa serve`) for a time-stamp,
        # and signs without one, saying so, while it does not answer.
        set_config_value(project.root, "signing", "tsa_url", DEFAULT_TSA_URL)
        typer.echo(text("keys.tsa_url_set", lang, url=DEFAULT_TSA_URL))
    typer.echo(text("keys.root_cert", lang, path=path))
    typer.echo(text("keys.root_key", lang, path=path.with_suffix(".key")))
    typer.echo(text("keys.tsa_cert", lang, path=project.keys_dir / keys.TSA_CERT))


@keys_app.command("init-tsa", help=help_text("help.keys.init_tsa"))
def init_tsa(
    ctx: typer.Context,
    root_passphrase: Annotated[
        str | None,
        typer.Option(
            help=help_text("help.keys.issue.root_passphrase"), envvar="ARTCHARTER_ROOT_PASSPHRASE"
        ),
    ] = None,
    force: Annotated[bool, typer.Option(help=help_text("help.keys.init_tsa.force"))] = False,
) -> None:
    from artcharter.provenance import keys

    project = project_of(ctx)
    path = keys.init_tsa(project.keys_dir, root_passphrase=root_passphrase, force=force)
    typer.echo(text("keys.tsa_cert", lang_of(ctx, project), path=path))


@keys_app.command("issue", help=help_text("help.keys.issue"))
def issue(
    ctx: typer.Context,
    artist: Annotated[str, typer.Option(help=help_text("help.keys.issue.artist"))],
    email: Annotated[str | None, typer.Option(help=help_text("help.keys.issue.email"))] = None,
    alg: Annotated[str, typer.Option(help=help_text("help.keys.issue.alg"))] = "es256",
    days: Annotated[int, typer.Option(help=help_text("help.keys.issue.days"))] = 730,
    passphrase: Passphrase = None,
    ask_passphrase: AskPassphrase = False,
    root_passphrase: Annotated[
        str | None,
        typer.Option(
            help=help_text("help.keys.issue.root_passphrase"), envvar="ARTCHARTER_ROOT_PASSPHRASE"
        ),
    ] = None,
    default: Annotated[bool, typer.Option(help=help_text("help.keys.issue.default"))] = False,
    force: Annotated[bool, typer.Option(help=help_text("help.keys.issue.force"))] = False,
) -> None:
    from artcharter.provenance import keys
    from artcharter.provenance.config import set_config_value

    project = project_of(ctx)
    if not (project.keys_dir / keys.ROOT_CERT).exists():
        _no_school_root(project)
    identity = keys.issue_artist(
        project.keys_dir,
        artist,
        email,
        alg=alg,
        valid_days=days,
        root_passphrase=root_passphrase,
        passphrase=new_passphrase(passphrase, ask_passphrase, lang_of(ctx, project)),
        force=force,
    )
    # The first artist of a project signs by default: with one artist, nobody has to
    # remember --default or pass --artist to every command.
    first = not project.artist
    if (default or first) and project.has_config:
        set_config_value(project.root, "artist", "name", artist)
    lang = lang_of(ctx, project)
    typer.echo(text("keys.chain", lang, path=identity.chain_path))
    typer.echo(text("keys.artist_key", lang, path=identity.key_path, artist=artist))
    if first and not default and project.has_config:
        typer.echo(text("keys.first_default", lang, artist=artist))


def _role(role: str, lang: str) -> str:
    return text(f"keys.role.{role}", lang) if f"keys.role.{role}" in MESSAGES else role


def _reason(reason: str | None, lang: str) -> str:
    from artcharter.provenance.messages import MESSAGES as PROVENANCE

    return PROVENANCE(f"revocation.reason.{reason or 'unspecified'}").render(lang)


def _when(stamp: str, lang: str) -> str:
    """An ISO time as a person reads it: '4 December 2028 at 11:26 UTC', '4 décembre 2028
    à 11:26 UTC'."""
    from datetime import UTC, datetime

    from artcharter.base.numbers import fmt_date

    try:
        moment = datetime.fromisoformat(stamp).astimezone(UTC)
    except ValueError:
        return stamp
    return text(
        "keys.date", lang, date=fmt_date(moment.isoformat(), lang), time=moment.strftime("%H:%M")
    )


def _day(stamp: str, lang: str) -> str:
    """The day of an ISO time, in words: '4 December 2028'."""
    from artcharter.base.numbers import fmt_date

    return fmt_date(stamp, lang)


def _validity(expired: bool, not_after: str, lang: str) -> str:
    return (
        text("keys.expired", lang)
        if expired
        else text("keys.until", lang, date=_day(not_after, lang))
    )


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
        typer.echo(text("keys.none", lang))
    for cert in found:
        status = _validity(cert.expired, cert.not_after, lang)
        if cert.revoked_at:
            reason = _reason(cert.revoked_reason, lang)
            status = text("keys.revoked", lang, date=_day(cert.revoked_at, lang), reason=reason)
        role = _role(cert.role, lang)
        typer.echo(f"{role:7} {cert.subject_name:30} {cert.organisation:24} {status}  {cert.path}")


@keys_app.command("revoke", help=help_text("help.keys.revoke"))
def revoke(
    ctx: typer.Context,
    artist: Annotated[str, typer.Argument(help=help_text("help.keys.revoke.artist"))],
    reason: Annotated[str, typer.Option(help=help_text("help.keys.revoke.reason"))] = "unspecified",
    root_passphrase: Annotated[
        str | None,
        typer.Option(
            help=help_text("help.keys.issue.root_passphrase"), envvar="ARTCHARTER_ROOT_PASSPHRASE"
        ),
    ] = None,
) -> None:
    from artcharter.provenance import keys
    from artcharter.provenance.revocation import revoke as revoke_artist

    project = project_of(ctx)
    done = revoke_artist(project.keys_dir, artist, reason=reason, root_passphrase=root_passphrase)
    lang = lang_of(ctx, project)
    typer.echo(
        text(
            "keys.revoked_done",
            lang,
            artist=artist,
            date=_day(done.revoked_at, lang),
            reason=_reason(done.reason, lang),
            path=project.keys_dir / keys.CRL_FILE,
        )
    )


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
        if value is None:
            continue  # nothing to say (no e-mail, never revoked)
        if field == "role":
            value = _role(value, lang)
        elif isinstance(value, bool):
            value = text(f"keys.{str(value).lower()}", lang)
        elif field in ("not_before", "not_after", "revoked_at") and isinstance(value, str):
            value = _when(value, lang)
        if f"keys.field.{field}" in MESSAGES:
            field = text(f"keys.field.{field}", lang)
        typer.echo(f"{field:20} {value}")


def _no_school_root(project: Project) -> NoReturn:
    """Stop `keys issue` where no school root signs artists, with the commands to run."""
    from artcharter.base.errors import SetupError
    from artcharter.provenance.keys import ROOT_CERT

    where = project.keys_dir / ROOT_CERT
    if project.has_config:
        raise SetupError(MESSAGES("keys.no_root_in_project", path=where))
    raise SetupError(MESSAGES("keys.no_project", folder=Path.cwd()))
