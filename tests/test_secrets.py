"""Secrets and network.

Private keys are created with mode 0600 (whatever the umask) and refused, in one line,
when other users can read them. A full run of every command (with passphrase-protected
keys) leaves no trace of a private key or a passphrase in what it prints, logs, writes
(images, manifests, reports) or records in the ledger: each output is searched for the
PEM body, the base64 DER, the raw private scalar (hex and bytes) and the passphrases.

The suite blocks the network at the socket level (tests/conftest.py); here a recorder
also notes every attempt, even one that a library would catch and hide, and commands run
under it must make none. c2pa's native code does not go through Python's sockets: a
loopback server counts the requests it gets while a file that points at it is verified.
"""

from __future__ import annotations

import base64
import contextlib
import http.server
import logging
import os
import re
import socket
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import forgery
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from artcharter.base.errors import BadInput
from artcharter.cli import run
from artcharter.provenance import keys, verdicts
from artcharter.provenance.messages import MESSAGES as PROVENANCE
from artcharter.provenance.signing import load_artist_identity

from conftest import make_image

ROOT_PASSPHRASE = "racine-Tr3s-S3cr3te-phrase"
ARTIST_PASSPHRASE = "alice-passe-S3cr3te-42"
LOCAL_HOSTS = {None, "localhost", "127.0.0.1", "::1", ""}


# --- a network recorder that also refuses ---------------------------------------------------


def _is_local(address: object) -> bool:
    if isinstance(address, str | bytes):  # a Unix socket path
        return True
    return isinstance(address, tuple) and str(address[0]) in LOCAL_HOSTS - {None}


# The real functions, taken before any test patches them (conftest refuses even loopback
# name lookups, which the loopback server below needs).
_REAL_CONNECT, _REAL_CONNECT_EX = socket.socket.connect, socket.socket.connect_ex
_REAL_SENDTO, _REAL_GETADDRINFO = socket.socket.sendto, socket.getaddrinfo
_REAL_CREATE_CONNECTION = socket.create_connection


@contextmanager
def recorded_network() -> Iterator[list[str]]:
    """Refuse and record every attempt to reach another machine (connect, send, DNS)."""
    attempts: list[str] = []
    real_connect, real_connect_ex = _REAL_CONNECT, _REAL_CONNECT_EX
    real_sendto, real_getaddrinfo = _REAL_SENDTO, _REAL_GETADDRINFO

    def connect(self: socket.socket, address: object) -> None:
        if _is_local(address):
            return real_connect(self, address)
        attempts.append(f"connect {address}")
        raise OSError("network access is blocked in the test suite")

    def connect_ex(self: socket.socket, address: object) -> int:
        if _is_local(address):
            return real_connect_ex(self, address)
        attempts.append(f"connect_ex {address}")
        return 101  # ENETUNREACH

    def sendto(self: socket.socket, data: bytes, *args: object) -> int:
        address = args[-1]
        if _is_local(address):
            return real_sendto(self, data, *args)
        attempts.append(f"sendto {address}")
        raise OSError("network access is blocked in the test suite")

    def getaddrinfo(host: object, *args: object, **kwargs: object) -> object:
        if host in LOCAL_HOSTS:
            return real_getaddrinfo(host, *args, **kwargs)
        attempts.append(f"dns {host}")
        raise socket.gaierror("network access is blocked in the test suite")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", connect)
        patch.setattr(socket.socket, "connect_ex", connect_ex)
        patch.setattr(socket.socket, "sendto", sendto)
        patch.setattr(socket, "getaddrinfo", getaddrinfo)
        # The real create_connection, which resolves through the patched getaddrinfo.
        patch.setattr(socket, "create_connection", _REAL_CREATE_CONNECTION)
        yield attempts


class CountingServer:
    """A loopback HTTP server that counts the requests it gets and serves ``body``."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.body = b""
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.paths.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "application/c2pa")
                self.send_header("Content-Length", str(len(server.body)))
                self.end_headers()
                self.wfile.write(server.body)

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/manifest.c2pa"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --- the network block itself ---------------------------------------------------------------


def test_the_suite_blocks_the_network() -> None:
    with pytest.raises(OSError, match="blocked"):
        socket.create_connection(("203.0.113.7", 80), timeout=2)
    with socket.socket() as sock, pytest.raises(OSError, match="blocked"):
        sock.connect(("198.51.100.1", 443))
    with pytest.raises(OSError, match="blocked"):
        socket.getaddrinfo("example.org", 443)


def test_the_recorder_sees_attempts_a_library_would_hide() -> None:
    with recorded_network() as attempts:
        with contextlib.suppress(OSError):  # what a library with a fallback does
            socket.create_connection(("example.org", 80), timeout=2)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp, pytest.raises(OSError):
            udp.sendto(b"\x00", ("192.0.2.53", 53))
    assert attempts == ["dns example.org", "sendto ('192.0.2.53', 53)"]


# --- private keys on disk -------------------------------------------------------------------


def test_private_keys_are_created_0600_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        folder = tmp_path / "keys"
        keys.init_school(folder, "ESAD Exemple", passphrase=ROOT_PASSPHRASE)
        artist = keys.issue_artist(
            folder,
            "Alice Martin",
            None,
            root_passphrase=ROOT_PASSPHRASE,
            passphrase=ARTIST_PASSPHRASE,
        )
    finally:
        os.umask(old)
    for key in (folder / keys.ROOT_KEY, artist.key_path):
        assert stat.S_IMODE(key.stat().st_mode) == 0o600, key
        assert b"ENCRYPTED PRIVATE KEY" in key.read_bytes()
    assert not list(folder.rglob("*.tmp*"))  # no temporary copy left beside them


@pytest.mark.parametrize("mode", [0o640, 0o604, 0o644, 0o660, 0o620, 0o606])
def test_keys_readable_by_others_are_refused_in_one_line(
    tmp_path: Path, mode: int, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "atelier"
    assert run(["init", str(root), "--name", "ESAD Exemple", "--lang", "en"]) == 0
    monkeypatch.chdir(root)
    assert run(["keys", "init-school", "--name", "ESAD Exemple"]) == 0
    assert run(["keys", "issue", "--artist", "Alice Martin", "--default"]) == 0
    artist = keys.artist_identity(root / "keys", "alice-martin")
    artist.key_path.chmod(mode)
    with pytest.raises(BadInput, match="readable by other users") as refused:
        load_artist_identity(root / "keys", "Alice Martin")
    assert "\n" not in str(refused.value) and "chmod 600" in str(refused.value)
    src = make_image(root / "work.png")
    capsys.readouterr()
    code = run(["label", str(src), "-o", "signed.png", "--source-type", "humanEdits"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "chmod 600" in err
    assert not (root / "signed.png").exists()
    (root / "keys" / keys.ROOT_KEY).chmod(mode)  # the school's key too
    code = run(["keys", "issue", "--artist", "Bob Leroy"])
    assert code == 2 and "readable by other users" in capsys.readouterr().err


# --- a full run, then every output searched ------------------------------------------------


@dataclass
class Secrets:
    """Every form of the private keys and passphrases that must never leave keys/."""

    text: dict[str, str] = field(default_factory=dict)
    raw: dict[str, bytes] = field(default_factory=dict)

    def add_key(self, name: str, key: ec.EllipticCurvePrivateKey) -> None:
        for form, fmt in (("pkcs8", serialization.PrivateFormat.PKCS8),
                          ("sec1", serialization.PrivateFormat.TraditionalOpenSSL)):  # fmt: skip
            pem = key.private_bytes(serialization.Encoding.PEM, fmt, serialization.NoEncryption())
            body = "".join(pem.decode().splitlines()[1:-1])
            der = key.private_bytes(serialization.Encoding.DER, fmt, serialization.NoEncryption())
            self.text[f"{name} {form} PEM body"] = body
            self.text[f"{name} {form} PEM first line"] = pem.decode().splitlines()[1]
            self.text[f"{name} {form} base64 DER"] = base64.b64encode(der).decode()
            self.raw[f"{name} {form} DER"] = der
        scalar = key.private_numbers().private_value.to_bytes(32, "big")
        self.text[f"{name} scalar hex"] = scalar.hex()
        self.text[f"{name} scalar HEX"] = scalar.hex().upper()
        self.raw[f"{name} scalar"] = scalar

    def found_in(self, data: bytes) -> list[str]:
        hits = [name for name, value in self.raw.items() if value in data]
        for name, value in self.text.items():
            for encoding in ("utf-8", "utf-16-le"):
                if value.encode(encoding) in data:
                    hits.append(f"{name} ({encoding})")
        return hits


@dataclass
class FullRun:
    root: Path
    secrets: Secrets
    printed: list[tuple[list[str], int, str, str]]  # argv, exit code, stdout, stderr
    logged: str
    attempts: list[str]
    server_hits: list[str]
    remote_file: Path


@pytest.fixture(scope="module")
def full_run(tmp_path_factory: pytest.TempPathFactory) -> FullRun:
    """Every command that exists, as a school and an artist would run them, with
    passphrase-protected keys, under the network recorder."""
    base = tmp_path_factory.mktemp("secrets")
    root = base / "atelier"
    printed: list[tuple[list[str], int, str, str]] = []
    log_stream = _LogCapture()
    server = CountingServer()
    with (
        pytest.MonkeyPatch.context() as patch,
        recorded_network() as attempts,
        log_stream.attached(),
    ):
        for var in ("ARTCHARTER_PROJECT", "ARTCHARTER_LEDGER", "ARTCHARTER_PASSPHRASE"):
            patch.delenv(var, raising=False)
        patch.setenv("ARTCHARTER_LANG", "en")
        patch.setenv("XDG_CACHE_HOME", str(base / "cache"))

        def cli(*argv: str, expect: int | None = 0) -> None:
            with _captured() as (out, err):
                code = run(list(argv))
            printed.append((list(argv), code, out.getvalue(), err.getvalue()))
            if expect is not None:
                assert code == expect, (argv, err.getvalue())

        cli("init", str(root), "--name", "ESAD Exemple", "--lang", "en")
        patch.chdir(root)
        cli("keys", "init-school", "--name", "ESAD Exemple", "--passphrase", ROOT_PASSPHRASE)
        cli("keys", "issue", "--artist", "Alice Martin", "--email", "alice@example.org", "--default",
            "--passphrase", ARTIST_PASSPHRASE, "--root-passphrase", ROOT_PASSPHRASE)  # fmt: skip
        cli("keys", "list", "--json")
        cli("keys", "show", "Alice Martin")
        patch.setenv("ARTCHARTER_PASSPHRASE", ARTIST_PASSPHRASE)
        sources = [make_image(root / f"oeuvre{s}") for s in (".png", ".jpg", ".webp")]
        for src in sources:
            cli("label", str(src), "-o", str(root / "signed" / src.name), "--source-type",
                "compositeWithTrainedAlgorithmicMedia", "--tool", "Firefly 3", "--prompt", "un renard",
                "--title", "Renard", "--json")  # fmt: skip
        cli("generate", "un renard au fusain", "--model", "demo", "--size", "64x64", "--steps", "1",
            "-o", str(root / "generated"), "--private-prompt")  # fmt: skip
        # A wrong passphrase: the error must quote neither it nor the right one.
        patch.setenv("ARTCHARTER_PASSPHRASE", "not-" + ARTIST_PASSPHRASE)
        cli(
            "label",
            str(sources[0]),
            "-o",
            str(root / "refused.png"),
            "--source-type",
            "humanEdits",
            expect=2,
        )
        patch.delenv("ARTCHARTER_PASSPHRASE")

        signed = sorted((root / "signed").iterdir()) + sorted((root / "generated").glob("*.png"))
        identity = load_artist_identity(root / "keys", "Alice Martin", ARTIST_PASSPHRASE)
        remote_file = root / "remote.png"
        remote_file.write_bytes(remote_signed(sources[0], identity, server.url)[0])
        cli(
            "verify",
            "--json",
            "--report-dir",
            str(root / "verifications"),
            *map(str, signed),
            expect=None,
        )
        cli("verify", str(remote_file), expect=1)
        cli("check", "--json", *map(str, signed), expect=None)
        cli("check", str(remote_file), expect=None)
        for image in signed[:1] + signed[-1:]:
            cli("report", str(image), "-o", str(root / "reports" / image.stem))
        cli("cartel", str(signed[0]), "-o", str(root / "cartels"), "--offline")
        cli("summary", "--ledger", "-o", str(root / "summary"))
        cli("ledger", "list", "--json")
        cli("ledger", "show", str(signed[0]))
        cli("demo", str(base / "demo"))

    server.close()
    secrets = Secrets()
    secrets.add_key("root", keys.read_private_key(root / "keys" / keys.ROOT_KEY, ROOT_PASSPHRASE))
    artist = keys.artist_identity(root / "keys", "alice-martin")
    secrets.add_key("artist", keys.read_private_key(artist.key_path, ARTIST_PASSPHRASE))
    for name, passphrase in (
        ("root passphrase", ROOT_PASSPHRASE),
        ("artist passphrase", ARTIST_PASSPHRASE),
    ):
        secrets.text[name] = passphrase
    return FullRun(
        root, secrets, printed, log_stream.text(), attempts, list(server.paths), remote_file
    )


class _LogCapture(logging.Handler):
    """Everything any library logs during the run, at every level."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(self.format(record))

    def text(self) -> str:
        return "\n".join(self.records)

    @contextmanager
    def attached(self) -> Iterator[None]:
        logger = logging.getLogger()
        old = logger.level
        logger.addHandler(self)
        logger.setLevel(logging.DEBUG)
        try:
            yield
        finally:
            logger.removeHandler(self)
            logger.setLevel(old)


@contextmanager
def _captured() -> Iterator[tuple[object, object]]:
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        yield out, err


def test_the_full_run_did_what_it_says(full_run: FullRun) -> None:
    """The search below is only worth something if the run produced outputs to search."""
    root = full_run.root
    assert len(list((root / "signed").iterdir())) == 3
    assert list((root / "generated").glob("*.png"))
    assert list((root / "verifications").glob("*.verify.json"))
    assert list((root / "reports").rglob("*.html")) and list((root / "reports").rglob("*.json"))
    assert list((root / "cartels").iterdir()) and list((root / "summary").rglob("*.html"))
    refused = next(p for p in full_run.printed if str(root / "refused.png") in p[0])
    assert refused[1] == 2 and "passphrase" in refused[3]
    assert all("Traceback" not in out + err for _, _, out, err in full_run.printed)


def test_no_key_or_passphrase_in_what_is_printed_or_logged(full_run: FullRun) -> None:
    for argv, _, out, err in full_run.printed:
        assert full_run.secrets.found_in((out + err).encode("utf-8", "replace")) == [], argv
    assert full_run.secrets.found_in(full_run.logged.encode("utf-8", "replace")) == []


def test_no_key_or_passphrase_in_any_file_written(full_run: FullRun) -> None:
    """Images (and their manifests), reports, verification JSON, the ledger and its WAL,
    the project file, the certificates, the encrypted key files themselves."""
    searched = 0
    for path in sorted(full_run.root.rglob("*")):
        if path.is_file():
            assert full_run.secrets.found_in(path.read_bytes()) == [], path
            searched += 1
    assert searched >= 15
    # The ledger as SQLite sees it, not only its pages on disk.
    import sqlite3

    with sqlite3.connect(full_run.root / "artcharter.db") as conn:
        dump = "\n".join(conn.iterdump()).encode()
    assert full_run.secrets.found_in(dump) == []


def test_signed_files_carry_certificates_only(full_run: FullRun) -> None:
    """What a manifest does carry: the public certificate chain, never a key."""
    for path in sorted((full_run.root / "signed").iterdir()):
        store = forgery.read_store(path.read_bytes())
        assert b"PRIVATE KEY" not in store
        assert re.search(rb"ESAD Exemple", store)


def test_commands_made_no_network_call(full_run: FullRun) -> None:
    """init, keys, label, generate, verify, check, report, cartel, summary, ledger and demo,
    all in process: not one connection, datagram or DNS lookup outside this machine."""
    assert full_run.attempts == []


def test_native_code_fetches_nothing_unless_asked(
    full_run: FullRun, capsys: pytest.CaptureFixture[str]
) -> None:
    """c2pa-rs does its own networking. The file points at a loopback server that counts
    requests: verify and check (above) made none; --allow-remote makes one (the control)."""
    assert full_run.server_hits == []
    verdict = next(p for p in full_run.printed if p[0][:2] == ["verify", str(full_run.remote_file)])
    # verify prints the verdict in words (its code is behind --json).
    title = PROVENANCE.text(f"verdict.{verdicts.REMOTE_NOT_FETCHED}.title", "en")
    assert title in verdict[2]
    identity = load_artist_identity(full_run.root / "keys", "Alice Martin", ARTIST_PASSPHRASE)
    server = CountingServer()
    try:
        target = full_run.root.parent / "remote-served.png"
        data, server.body = remote_signed(full_run.root / "oeuvre.png", identity, server.url)
        target.write_bytes(data)  # this time the server holds the file's real manifest
        assert run(["verify", "--no-ledger", str(target)]) == 1
        assert server.paths == []
        capsys.readouterr()
        assert run(["verify", "--no-ledger", "--allow-remote", "--json", str(target)]) == 1
        assert '"valid-untrusted"' in capsys.readouterr().out  # fetched and read; no --trust
        assert server.paths == ["/manifest.c2pa"]
    finally:
        server.close()


def remote_signed(source: Path, identity: object, url: str) -> tuple[bytes, bytes]:
    from artcharter.provenance.manifest import build_manifest
    from artcharter.provenance.record import ArtworkRecord, new_artwork_id

    record = ArtworkRecord(artwork_id=new_artwork_id(), kind="labelled", source_type="humanEdits")
    manifest = build_manifest(record, has_parent=False, version="test")
    return forgery.remote_reference(source.read_bytes(), "png", manifest, identity, url)


def test_the_search_finds_a_planted_secret(full_run: FullRun) -> None:
    """The search is not vacuous: each form of the key, planted in a real output, is found."""
    artist = keys.artist_identity(full_run.root / "keys", "alice-martin")
    key = keys.read_private_key(artist.key_path, ARTIST_PASSPHRASE)
    image = next((full_run.root / "signed").iterdir()).read_bytes()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    scalar = key.private_numbers().private_value.to_bytes(32, "big")
    for planted in (pem, scalar, scalar.hex().encode(), ARTIST_PASSPHRASE.encode("utf-16-le")):
        assert full_run.secrets.found_in(image[:500] + planted + image[500:]) != []
    assert full_run.secrets.found_in(image) == []
