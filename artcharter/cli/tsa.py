"""`artcharter tsa serve`: the school's RFC 3161 time-stamp authority, on loopback."""

from __future__ import annotations

from typing import Annotated

import typer

from artcharter.base.errors import BadInput
from artcharter.cli import app
from artcharter.cli.context import project_of
from artcharter.cli.messages import MESSAGES, help_text, text

tsa_app = typer.Typer(help=help_text("help.tsa.tsa_app"), no_args_is_help=True)
app.add_typer(tsa_app, name="tsa")

DEFAULT_PORT = 3161


@tsa_app.command("serve", help=help_text("help.tsa.serve"))
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help=help_text("help.tsa.serve.host"))] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=0, max=65535, help=help_text("help.tsa.serve.port"))
    ] = DEFAULT_PORT,
    allow_non_loopback: Annotated[
        bool,
        typer.Option("--allow-non-loopback", help=help_text("help.tsa.serve.allow_non_loopback")),
    ] = False,
) -> None:
    from artcharter.provenance.tsa import TimeStampAuthority
    from artcharter.serve.config import is_loopback
    from artcharter.serve.tsa_http import make_server

    project = project_of(ctx)
    lang = project.lang
    if not is_loopback(host) and not allow_non_loopback:
        raise BadInput(MESSAGES("serve.non_loopback", host=host))
    authority = TimeStampAuthority(project.keys_dir)
    try:
        server = make_server(authority, host, port, project.config.revocation_list)
    except OSError as exc:
        if exc.errno in (98, 48, 10048):
            raise BadInput(MESSAGES("serve.port_in_use", port=port, host=host)) from None
        raise BadInput(
            MESSAGES("serve.cannot_listen", host=host, port=port, reason=exc.strerror or exc)
        ) from None
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{server.server_address[1]}/"
    typer.echo(text("tsa.listening", lang, url=url, cert=authority.cert))
    if project.config.tsa_url != url:
        typer.echo(text("tsa.config_hint", lang, url=url))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    typer.echo(text("tsa.stopped", lang), err=True)
