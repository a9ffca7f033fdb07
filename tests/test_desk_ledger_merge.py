"""The desk's upload of a workstation's ledger: the school's `ledger merge` over HTTP, for
the school only, with the signed files found among the desk's kept uploads by hash and no
path of the uploaded ledger ever opened on the server."""

from __future__ import annotations

import glob
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from html import unescape
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_ledger_import import label, rows, school
from test_ledger_merge import workstation

from artcharter.base.hashing import sha256_file
from artcharter.cli import run
from artcharter.project import Project
from artcharter.provenance.config import load_config
from artcharter.serve import create_app
from artcharter.serve.config import DeskConfig, loopback_hosts

from conftest import make_image

BASE = "http://127.0.0.1:8000"
TOKEN = "d2b1c0ffee" * 4
AUTH = {"Authorization": f"Bearer {TOKEN}"}
OPENED: list[str] = []  # files Python opened while OPENED_ON is set


def _audit(event: str, args: tuple) -> None:
    if event == "open" and OPENED and OPENED[0] == "on" and isinstance(args[0], (str, bytes)):
        OPENED.append(str(args[0]))


sys.addaudithook(_audit)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A school with one artwork of its own and a workstation whose ledger was edited."""
    tmp = tmp_path_factory.mktemp("desk-merge")
    esad = school(tmp / "esad", "ESAD Exemple", "Alice Martin")
    ours = label(esad, make_image(tmp / "o.png"), tmp / "ours.png", "--title", "Ours")
    poste = workstation(esad, tmp / "poste")
    out = tmp / "poste-out"
    out.mkdir()
    files = {"ours": ours}
    for i, name in enumerate(("w1", "w2", "w3", "w5")):
        src = make_image(tmp / f"{name}-src.png", color=(10 * i, 80, 160 - 9 * i))
        files[name] = label(poste, src, out / f"{name}.png")
    (ours_row,) = rows(esad)
    with edit(poste / "artcharter.db") as db:
        # Rows edited by hand: another artist, an id taken from the school's, and the
        # school's own artwork claimed with another title and a discarded status.
        db.execute(
            "UPDATE artworks SET artist = 'Mallory', title = 'Forged' WHERE path LIKE '%w2.png'"
        )
        db.execute("UPDATE artworks SET artwork_id = ? WHERE path LIKE '%w5.png'",
                   [ours_row["artwork_id"]])  # fmt: skip
        claimed = dict(ours_row) | {"artwork_id": "f0", "title": "Forged", "status": "discarded"}
        columns = ", ".join(claimed)
        db.execute(f"INSERT INTO artworks ({columns}) VALUES ({', '.join('?' * len(claimed))})",
                   list(claimed.values()))  # fmt: skip
    return {"esad": esad, "poste_db": poste / "artcharter.db", **files}


@pytest.fixture
def esad(built: dict[str, Path], tmp_path: Path) -> Path:
    """A fresh copy of the school for each test."""
    root = tmp_path / "esad"
    shutil.copytree(built["esad"], root)
    return root


def desk(root: Path, token: str | None = TOKEN, **extra: object) -> TestClient:
    config = DeskConfig(
        anchors=Project(load_config(root)).anchors,
        anchor_names=("ESAD Exemple",),
        ledger_path=root / "artcharter.db",
        uploads_dir=root / "uploads",
        lang="en",
        allowed_hosts=loopback_hosts("127.0.0.1", 8000),
        merge_token=token,
        **extra,  # type: ignore[arg-type]
    )
    return TestClient(create_app(config), base_url=BASE)


@pytest.fixture
def client(esad: Path) -> Iterator[TestClient]:
    with desk(esad) as c:
        yield c


def drop(client: TestClient, *paths: Path) -> None:
    for path in paths:
        answer = client.post("/api/verify", files=[("file", (path.name, path.read_bytes()))])
        assert answer.status_code == 200, answer.text
        assert answer.json()["results"][0]["verdict"] == "trusted"


def send(client: TestClient, data: bytes, name: str = "poste.db", **kw: object):
    return client.post("/api/ledger", files=[("file", (name, data))], **kw)  # type: ignore[arg-type]


@contextmanager
def edit(path: Path) -> Iterator[sqlite3.Connection]:
    """Edit a ledger by hand and leave everything in its main file (closing the last
    connection checkpoints the WAL): the file alone is what a school sends."""
    db = sqlite3.connect(path)
    try:
        with db:
            yield db
    finally:
        db.close()


def table(root: Path, name: str) -> list[dict]:
    try:
        return [dict(r) for r in rows(root, name)]
    except sqlite3.OperationalError:  # no such table
        return []


def test_the_school_merges_a_workstation_ledger_as_the_command_does(
    built: dict[str, Path], esad: Path, client: TestClient, tmp_path: Path, capsys
) -> None:
    (ours_row,) = table(esad, "artworks")
    drop(client, built["w1"], built["w2"], built["w5"], built["ours"])  # w3 is not dropped
    data = built["poste_db"].read_bytes()
    answer = send(client, data, headers=AUTH)
    assert answer.status_code == 200, answer.text
    report = answer.json()
    # w3's file exists at the path its row names, on this very machine: the desk does not
    # look there. The school's own artwork, claimed with another title, stays as it was.
    assert report["artworks"] == {"imported": 3, "already": 1, "file-not-here": 1}
    assert report["summary"][0] == "poste.db: 3 artworks imported (signed files found and trusted)"
    assert "1 already there" in report["summary"]
    assert any("signed file not among the desk's kept files" in s for s in report["summary"])
    after = {r["artwork_id"]: r for r in table(esad, "artworks")}
    assert after[ours_row["artwork_id"]] == ours_row
    assert len(after) == 4
    joined = [r for r in after.values() if r["artwork_id"] != ours_row["artwork_id"]]
    assert {r["artist"] for r in joined} == {"Alice Martin"}  # the files' record, not "Mallory"
    # Stored relative to the desk's ledger folder, where the kept uploads lie.
    assert all(Path(r["path"]).parent == Path("uploads") for r in joined)
    apart = table(esad, "merged_rows")
    assert {r["source"] for r in apart} == {"poste.db"} and report["kept_apart"] == len(apart)

    # The same rows as `artcharter ledger merge` makes, once w3 is out of the command's reach.
    cli_school = tmp_path / "cli-school"
    shutil.copytree(built["esad"], cli_school)
    poste = tmp_path / "poste-copy.db"
    poste.write_bytes(data)
    with edit(poste) as db:
        db.execute("UPDATE artworks SET path = '/nowhere/w3.png' WHERE path LIKE '%w3.png'")
    capsys.readouterr()
    assert run(["--project", str(cli_school), "ledger", "merge", str(poste), "--json"]) == 0
    by_command = json.loads(capsys.readouterr().out)
    assert by_command["artworks"] == report["artworks"]
    keep = ("artwork_id", "sha256", "artist", "title", "status", "kind", "record")
    assert sorted(tuple(r[k] for k in keep) for r in table(cli_school, "artworks")) == sorted(
        tuple(r[k] for k in keep) for r in after.values()
    )

    # Twice: nothing changes; the summary comes in the page's language.
    again = send(client, data, headers=AUTH, params={"lang": "fr"})
    assert again.status_code == 200, again.text
    assert again.json()["artworks"] == {"already": 4, "file-not-here": 1}
    assert again.json()["kept_apart"] == 0
    assert again.json()["summary"][1] == "4 déjà présentes"
    assert {r["artwork_id"]: r for r in table(esad, "artworks")} == after
    assert table(esad, "merged_rows") == apart

    # The file dropped later joins at the next upload.
    drop(client, built["w3"])
    third = send(client, data, headers=AUTH).json()
    assert third["artworks"] == {"already": 4, "imported": 1}


def test_no_token_no_merge(built: dict[str, Path], esad: Path) -> None:
    data = built["poste_db"].read_bytes()
    before = table(esad, "artworks")
    with desk(esad, token=None) as off:
        assert send(off, data).status_code == 404
        assert send(off, data, headers=AUTH).status_code == 404
        assert off.get("/ledger").status_code == 404
        assert "/ledger" not in off.get("/").text
    with desk(esad) as on:
        for headers in ({}, {"Authorization": "Bearer " + TOKEN[:-1] + "x"},
                        {"Authorization": f"Basic {TOKEN}"}, {"Authorization": "Bearer"}):  # fmt: skip
            answer = send(on, data, headers=headers)
            assert answer.status_code == 403 and answer.headers["www-authenticate"] == "Bearer"
            assert answer.json()["detail"].startswith("Missing or wrong merge token")
        # Another site's page cannot make a school's browser send it either.
        cross = send(on, data, headers=AUTH | {"Origin": "https://evil.example"})
        assert cross.status_code == 403
        page = on.get("/ledger", params={"lang": "fr"})
        assert page.status_code == 200 and "Fusionner le registre d'un poste" in unescape(page.text)
        assert TOKEN not in page.text and '/ledger?lang=en"' in on.get("/?lang=en").text
    assert table(esad, "artworks") == before and table(esad, "merged_rows") == []


def test_a_ledger_naming_server_files_opens_none_of_them(
    built: dict[str, Path], esad: Path, client: TestClient, tmp_path: Path
) -> None:
    """Rows pointing at the school's private key, its own artwork and a system file, with
    those files' hashes: a desk that opened a row's path would find and read them."""
    secrets = [p for p in (esad / "keys").rglob("*") if p.is_file()]
    targets = [*secrets, built["ours"], Path("/etc/hostname")]
    targets = [t for t in targets if t.is_file()]
    forged = tmp_path / "forged.db"
    forged.write_bytes(built["poste_db"].read_bytes())
    with edit(forged) as db:
        db.row_factory = sqlite3.Row
        template = dict(db.execute("SELECT * FROM artworks LIMIT 1").fetchone())
        db.execute("DELETE FROM artworks")
        for i, target in enumerate(targets):
            row = template | {"artwork_id": f"forged-{i}", "path": str(target),
                              "sha256": sha256_file(target)}  # fmt: skip
            db.execute(f"INSERT INTO artworks ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                       list(row.values()))  # fmt: skip
    data = forged.read_bytes()
    OPENED[:] = ["on"]
    try:
        answer = send(client, data, headers=AUTH)
    finally:
        opened = OPENED[1:]
        OPENED[:] = []
    assert answer.status_code == 200, answer.text
    assert answer.json()["artworks"] == {"file-not-here": len(targets)}
    assert any("artcharter-ledger-" in path for path in opened)  # the hook sees the desk
    named = {str(t) for t in targets} | {str(t.resolve()) for t in targets}
    assert not named & set(opened), named & set(opened)
    assert not any("/keys/" in path for path in opened)
    assert len(table(esad, "artworks")) == 1


def _ledger_variant(built: dict[str, Path], tmp_path: Path, sql: str) -> bytes:
    path = tmp_path / f"variant-{abs(hash(sql))}.db"
    path.write_bytes(built["poste_db"].read_bytes())
    with edit(path) as db:
        db.execute(sql)
    return path.read_bytes()


def test_what_is_not_a_ledger_is_refused_in_one_line_and_nothing_is_written(
    built: dict[str, Path], esad: Path, tmp_path: Path
) -> None:
    data = built["poste_db"].read_bytes()
    notes = tmp_path / "notes.db"
    with sqlite3.connect(notes) as db:
        db.execute("CREATE TABLE notes (x)")
    cases = {
        "text": (b"just some notes\n" * 100, 415, "not an artcharter ledger (not an SQLite"),
        "other program": (notes.read_bytes(), 422, "not an artcharter ledger"),
        "future schema": (
            _ledger_variant(
                built, tmp_path, "UPDATE meta SET value = '99' WHERE key = 'schema_version'"
            ),
            422,
            "schema 99",
        ),
        "half written": (data[: len(data) // 2], 422, "poste.db"),
        "empty": (b"", 422, "is empty"),
    }
    before = table(esad, "artworks")
    scratch = set(glob.glob(str(Path(tempfile.gettempdir()) / "artcharter-ledger-*")))
    with desk(esad) as client:
        for case, (body, status, words) in cases.items():
            answer = send(client, body, headers=AUTH)
            detail = answer.json()["detail"]
            assert answer.status_code == status, (case, answer.text)
            assert words in detail and "\n" not in detail, (case, detail)
            assert "upload.db" not in detail and "Traceback" not in detail
        two = client.post("/api/ledger", headers=AUTH,
                          files=[("file", ("a.db", data)), ("file", ("b.db", data))])  # fmt: skip
        assert two.status_code == 413
    with desk(esad, max_upload_bytes=len(data) - 1) as small:
        answer = send(small, data, headers=AUTH)
        assert answer.status_code == 413 and "\n" not in answer.json()["detail"]
    assert table(esad, "artworks") == before and table(esad, "merged_rows") == []
    assert set(glob.glob(str(Path(tempfile.gettempdir()) / "artcharter-ledger-*"))) == scratch


def test_serve_refuses_a_weak_or_missing_token_file(esad: Path, tmp_path: Path, capsys) -> None:
    weak = tmp_path / "token"
    weak.write_text("short\n")
    weak.chmod(0o600)
    shared = tmp_path / "shared"
    shared.write_text(TOKEN)
    shared.chmod(0o644)
    cases = ((weak, "at least 32 characters"), (shared, "chmod 600"),
             (tmp_path / "absent", "cannot read"))  # fmt: skip
    for path, words in cases:
        capsys.readouterr()
        argv = ["--project", str(esad), "serve", "--port", "0", "--merge-token-file", str(path)]
        assert run(argv) == 2
        err = capsys.readouterr().err
        assert words in err and err.count("\n") == 1 and TOKEN not in err


def test_the_school_merges_from_the_page_in_a_real_browser(
    built: dict[str, Path], esad: Path, tmp_path: Path
) -> None:
    """`artcharter serve --keep-uploads --merge-token-file`, the /ledger page in Chromium."""
    from test_serve_browser import CHROMIUM, CHROMIUM_ARGS, wait_until

    sync_api = pytest.importorskip("playwright.sync_api")
    token_file = tmp_path / "merge.token"
    token_file.write_text(TOKEN + "\n")
    token_file.chmod(0o600)
    command = [
        str(Path(sys.executable).with_name("artcharter")), "--project", str(esad),
        "serve", "--port", "0", "--keep-uploads", "--merge-token-file", str(token_file),
    ]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = server.stdout.readline().split()[3]  # type: ignore[union-attr]
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            for name in ("w1", "w2", "w5", "ours"):  # the signed files first, kept by the desk
                path = built[name]
                part = {"name": path.name, "mimeType": "image/png", "buffer": path.read_bytes()}
                answer = page.request.post(url + "api/verify", multipart={"file": part})
                assert answer.status == 200, answer.text()
            page.goto(url + "?lang=fr")
            page.click("text=École\u00a0: fusionner le registre d'un poste")
            page.fill("#merge-token", TOKEN[:-1] + "x")
            page.set_input_files("#merge-file", str(built["poste_db"]))
            page.click("#merge-submit")
            wait_until(
                page, "document.querySelector('#merge-result li.warn, #merge-result.warn li')"
            )
            assert "Jeton de fusion absent ou faux" in page.inner_text("#merge-result")
            page.fill("#merge-token", TOKEN)
            page.click("#merge-submit")
            wait_until(page, "document.querySelector('#merge-result:not(.warn) li + li')")
            shown = page.inner_text("#merge-result")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=15)
    assert "artcharter.db\u00a0: 3 œuvres ajoutées" in shown and "1 déjà présente\n" in shown
    assert "fichier signé absent des fichiers gardés par le bureau" in shown
    assert len(table(esad, "artworks")) == 4
