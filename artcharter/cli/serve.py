"""`artcharter serve`: the jury desk, a local web page to drop files and read verdicts."""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from artcharter.base.errors import BadInput
from artcharter.cli import app
from artcharter.cli.context import TrustOption, project_of
from artcharter.cli.messages import MESSAGES, help_text, text

if TYPE_CHECKING:
    from artcharter.project import Project


@app.command(help=help_text("help.serve.serve"))
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help=help_text("help.serve.serve.host"))] = ("127.0.0.1"),
    port: Annotated[
        int, typer.Option(min=0, max=65535, help=help_text("help.serve.serve.port"))
    ] = 8000,
    trust: TrustOption = None,
    charter: Annotated[
        Path | None,
        typer.Option(help=help_text("help.serve.serve.charter")),
    ] = None,
    keep_uploads: Annotated[
        bool,
        typer.Option(
            "--keep-uploads/--discard-uploads",
            help=help_text("help.serve.serve.keep_uploads"),
        ),
    ] = False,
    max_upload_mb: Annotated[
        int, typer.Option(min=1, max=2048, help=help_text("help.serve.serve.max_upload_mb"))
    ] = 50,
    max_video_mb: Annotated[
        int | None,
        typer.Option(min=1, max=8192, help=help_text("help.serve.serve.max_video_mb")),
    ] = None,
    max_sound_mb: Annotated[
        int | None,
        typer.Option(min=1, max=8192, help=help_text("help.serve.serve.max_sound_mb")),
    ] = None,
    max_document_mb: Annotated[
        int | None,
        typer.Option(min=1, max=8192, help=help_text("help.serve.serve.max_document_mb")),
    ] = None,
    allow_non_loopback: Annotated[
        bool,
        typer.Option(
            "--allow-non-loopback",
            help=help_text("help.serve.serve.allow_non_loopback"),
        ),
    ] = False,
    merge_token_file: Annotated[
        Path | None,
        typer.Option(help=help_text("help.serve.serve.merge_token_file")),
    ] = None,
) -> None:
    from artcharter.serve.config import MIB, DeskConfig, is_loopback, loopback_hosts

    project = project_of(ctx, trust=trust)
    lang = project.lang
    loopback = is_loopback(host)
    if not loopback and not allow_non_loopback:
        raise BadInput(MESSAGES("serve.non_loopback", host=host))
    from artcharter.provenance import trust_list

    _fetch_trust_lists(project)
    anchors = project.anchors
    ledger_path = project.ledger_path if project.has_ledger else None
    uploads_dir = None
    if keep_uploads:
        uploads_dir = (ledger_path.parent if ledger_path else project.root) / "uploads"
    charter_path = charter or _project_charter(project.root)
    if charter_path is not None and not charter_path.is_file():
        raise BadInput(MESSAGES("serve.no_charter", path=charter_path))
    merge_token = _merge_token(merge_token_file, ledger_path) if merge_token_file else None

    sock = _bind(host, port)
    try:
        bound_port = sock.getsockname()[1]
        config = DeskConfig(
            anchors=anchors,
            anchor_names=tuple(_anchor_name(pem) for pem in anchors),
            charter_path=charter_path,
            ledger_path=ledger_path,
            uploads_dir=uploads_dir,
            max_upload_bytes=max_upload_mb * MIB,
            max_bytes_by_kind={
                kind: mb * MIB
                for kind, mb in (
                    ("video", max_video_mb),
                    ("sound", max_sound_mb),
                    ("document", max_document_mb),
                )
                if mb is not None
            },
            lang=lang if project.has_config or _lang_chosen(ctx) else "",
            project_name=project.name,
            allowed_hosts=loopback_hosts(host, bound_port) if loopback else (),
            merge_token=merge_token,
        )
        from artcharter.serve import create_app

        desk = create_app(config)  # loads the charter: a broken file stops here
        shown = f"[{host}]" if ":" in host else host
        if not loopback:
            typer.echo(text("serve.warning", lang, host=host), err=True)
        typer.echo(text("serve.listening", lang, url=f"http://{shown}:{bound_port}/"))
        typer.echo(
            text("serve.trust", lang, names=", ".join(config.anchor_names))
            if trust_list.split(anchors)[0]
            else text("serve.no_trust", lang)
        )
        typer.echo(
            text("serve.ledger", lang, path=ledger_path)
            if ledger_path
            else text("serve.no_ledger", lang)
        )
        if merge_token is not None:
            typer.echo(text("serve.merges", lang, url=f"http://{shown}:{bound_port}/ledger"))
        typer.echo(
            text("serve.kept", lang, path=uploads_dir)
            if uploads_dir
            else text("serve.discarded", lang)
        )
        _run(desk, sock)
    finally:
        sock.close()
    typer.echo(text("serve.stopped", lang), err=True)


def _merge_token(path: Path, ledger_path: Path | None) -> str:
    """The school's merge token, read from a file (an option's value would show in the
    process list); long enough that it cannot be guessed."""
    from artcharter.serve.ledger_upload import MIN_TOKEN_LENGTH

    if ledger_path is None:
        raise BadInput(MESSAGES("serve.merge_no_ledger"))
    try:
        mode = path.stat().st_mode & 0o777
        token = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(MESSAGES("serve.merge_token_unreadable", path=path, reason=exc)) from None
    if mode & 0o077:  # a secret others can read, as for private keys
        raise BadInput(MESSAGES("serve.merge_token_open", path=path, mode=f"{mode:o}"))
    if len(token) < MIN_TOKEN_LENGTH or any(ch.isspace() for ch in token):
        raise BadInput(MESSAGES("serve.merge_token_short", path=path, n=MIN_TOKEN_LENGTH))
    return token


def _project_charter(root: Path) -> Path | None:
    try:
        from artcharter.charter.model import project_charter_path
    except ImportError:
        return None
    return project_charter_path(root)


def _bind(host: str, port: int) -> socket.socket:
    """Bind before starting the server: a taken port is one clear line, and --port 0 gets
    a free port that can be printed."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named explicitly: asyncio sets TCP_NODELAY on accepted connections only
    # when the listening socket says TCP; without it every keep-alive response waits for
    # a delayed ACK (40 ms on Linux).
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno in (98, 48, 10048):  # EADDRINUSE on Linux, macOS, Windows
            raise BadInput(MESSAGES("serve.port_in_use", port=port, host=host)) from None
        raise BadInput(
            MESSAGES("serve.cannot_listen", host=host, port=port, reason=exc.strerror or exc)
        ) from None
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _run(asgi_app: object, sock: socket.socket) -> None:
    import uvicorn

    class DeskServer(uvicorn.Server):
        @contextlib.contextmanager
        def capture_signals(self) -> Iterator[None]:
            """Ctrl+C or SIGTERM stops the desk cleanly (uploads in memory are dropped,
            the worker threads finish) and the command ends normally. uvicorn's own handler
            re-raises the signal after shutting down, which asyncio reports as a traceback."""

            def stop(signum: int, frame: object) -> None:
                if self.should_exit:  # a second Ctrl+C: do not wait for open requests
                    self.force_exit = True
                self.should_exit = True

            previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
            try:
                yield
            finally:
                for sig, handler in previous.items():
                    signal.signal(sig, handler)

    config = uvicorn.Config(
        asgi_app,  # type: ignore[arg-type]
        log_level="warning",
        access_log=False,
        server_header=False,
        proxy_headers=False,
        lifespan="on",
    )
    DeskServer(config).run(sockets=[sock])


def _fetch_trust_lists(project: Project) -> None:
    """Fetch the C2PA trust lists where the project's ``[trust]`` names a URL (never
    otherwise); a failure is said in one line and the installed list stays in use."""
    from artcharter.provenance import trust_list

    for kind, url in (
        (trust_list.C2PA, project.config.trust_list_url),
        (trust_list.TSA, project.config.tsa_list_url),
    ):
        if not url:
            continue
        try:
            fetched = trust_list.fetch(project.root, url, kind)
        except BadInput as exc:
            typer.echo(
                text("serve.trust_list_failed", project.lang, error=exc.render(project.lang)),
                err=True,
            )
            continue
        project.__dict__.pop("anchors", None)
        typer.echo(
            text(
                f"trust.updated.{kind}",
                project.lang,
                count=fetched.to_dict()["certificates"],
                date=fetched.date,
                folder=project.root / trust_list.PROJECT_DIR,
            )
        )


def _anchor_name(pem: str) -> str:
    """Who a trust anchor is, in words: its organisation, else its common name; a C2PA
    trust list by its name and date (the program's name, the same in every language)."""
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    from artcharter.provenance import trust_list

    if pem.startswith(trust_list.TIER_LINE):
        listed = trust_list.split((pem,))[1]
        return " ".join(f"{trust_list.NAMES[kind]} {item.date}" for kind, item in listed.items())

    try:
        cert = x509.load_pem_x509_certificates(pem.encode("ascii"))[0]
    except (ValueError, IndexError):
        return "?"
    for oid in (NameOID.ORGANIZATION_NAME, NameOID.COMMON_NAME):
        found = cert.subject.get_attributes_for_oid(oid)
        if found:
            return str(found[0].value)
    return cert.subject.rfc4514_string()


def _lang_chosen(ctx: typer.Context) -> bool:
    """Whether the reader chose a language (--lang, ARTCHARTER_LANG) rather than the
    locale: a desk without a project then speaks it too, else it follows each browser."""
    import os

    from artcharter.cli.context import options

    return bool(options(ctx).lang or os.environ.get("ARTCHARTER_LANG"))
