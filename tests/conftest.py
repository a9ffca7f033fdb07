"""Shared fixtures: a school CA and artist made in a temporary folder, sample images.

The whole suite runs with network access blocked at the socket level (see
``_no_network``): a test that reaches for the network fails loudly.
"""

from __future__ import annotations

import shutil
import signal
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from artcharter.base import errors, messages
from artcharter.provenance import keys
from artcharter.provenance.signing import SigningIdentity, load_artist_identity


@pytest.fixture(autouse=True, scope="session")
def _ctrl_c_reaches_python() -> Iterator[None]:
    """A run started in the background by a non-interactive shell inherits SIGINT ignored
    (POSIX), and Python then raises no KeyboardInterrupt: the tests that press Ctrl-C (in
    this process, or in a command they start) need the handler an interactive run has."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    signal.signal(signal.SIGINT, previous)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access is blocked in the test suite")

    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        # Unix sockets and loopback stay allowed (local servers in later tests).
        if isinstance(address, str | bytes) or (
            isinstance(address, tuple) and str(address[0]) in ("127.0.0.1", "::1", "localhost")
        ):
            return real_connect(self, address)
        refuse()

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse())
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse())


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for var in ("ARTCHARTER_PROJECT", "ARTCHARTER_LEDGER", "ARTCHARTER_PASSPHRASE"):
        monkeypatch.delenv(var, raising=False)
    # An English locale, and no ARTCHARTER_LANG: it would override every project's language.
    for var in ("ARTCHARTER_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


@pytest.fixture(autouse=True)
def _errors_render_in_every_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each error a test makes the library raise is rendered in every language, so a field a
    translation names but the raise site does not pass fails the test that reaches it."""
    made = errors.ArtcharterError.__init__

    def checked(
        self: errors.ArtcharterError, message: messages.Message | str, exit_code: int | None = None
    ) -> None:
        if isinstance(message, messages.Message):
            for lang in messages.LANGS:
                message.render(lang)
        made(self, message, exit_code)

    monkeypatch.setattr(errors.ArtcharterError, "__init__", checked)


@pytest.fixture(scope="session")
def school_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """keys/ of a school 'ESAD Exemple' with one artist, Alice Martin."""
    folder = tmp_path_factory.mktemp("school") / "keys"
    keys.init_school(folder, "ESAD Exemple")
    keys.issue_artist(folder, "Alice Martin", "alice@example.org")
    return folder


@pytest.fixture(scope="session")
def alice(school_dir: Path) -> SigningIdentity:
    return load_artist_identity(school_dir, "Alice Martin")


@pytest.fixture(scope="session")
def school_root(school_dir: Path) -> Path:
    return school_dir / keys.ROOT_CERT


def make_image(
    path: Path, size: tuple[int, int] = (96, 64), color: tuple[int, int, int] = (180, 60, 40)
) -> Path:
    img = Image.new("RGB", size, color)
    # A little structure so that re-encoding changes bytes.
    for x in range(0, size[0], 7):
        for y in range(0, size[1], 5):
            img.putpixel((x, y), (x * 2 % 256, y * 3 % 256, 90))
    fmt = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP"}[path.suffix.lower()]
    img.save(path, fmt, **({"quality": 92} if fmt != "PNG" else {}))
    return path


@pytest.fixture
def sample_png(tmp_path: Path) -> Path:
    return make_image(tmp_path / "work.png")


def make_atelier(root: Path, school_dir: Path) -> Path:
    """A project in ``root`` (made if missing): the school's keys, English, Alice Martin
    as its artist, the ledger ``artcharter.db``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "artcharter.toml").write_text(
        '[project]\nname = "ESAD Exemple"\nlang = "en"\ncountry = "FRA"\n'
        'ledger = "artcharter.db"\nkeys = "keys"\n[artist]\nname = "Alice Martin"\n',
        encoding="utf-8",
    )
    shutil.copytree(school_dir, root / "keys")
    return root
