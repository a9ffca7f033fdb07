"""The jury desk's JSON API and pages, with real signed, tampered and unsigned files.

The app runs in-process (FastAPI's TestClient, or httpx's ASGI transport for the
concurrency test); the `serve` command itself is started as a real process and spoken to
over a loopback socket.
"""

from __future__ import annotations

import asyncio
import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from PIL import Image

from artcharter.cli import run
from artcharter.provenance import verdicts
from artcharter.provenance.config import init_project
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.verify import Verification, read_anchors
from artcharter.serve import DeskConfig, create_app
from artcharter.serve.config import MAX_FILES_PER_REQUEST, is_loopback, loopback_hosts
from artcharter.serve.held import Held, HeldFiles
from artcharter.serve.integrations import Reports
from artcharter.serve.schemas import Artwork, VerifyResponse
from artcharter.serve.summary import summarize
from artcharter.serve.texts import TEXTS, pick_lang
from artcharter.serve.uploads import display_name
from tests.serve_files import signed, tampered, unsigned

BASE = "http://127.0.0.1:8000"
EVIL_TITLE = '<script>alert("title")</script>'


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory, alice) -> dict[str, Path]:
    """A project whose ledger knows the signed files, and the files a jury would drop."""
    root = tmp_path_factory.mktemp("desk") / "project"
    init_project(root, "Diplômes 2026", lang="fr")
    works = root / "works"
    with Ledger(root / "artcharter.db") as ledger:
        good = signed(works, alice, "nocturne.png", ledger=ledger)
        private = signed(
            works,
            alice,
            "private.png",
            title="Secret garden",
            prompt="my private words",
            private_prompt=True,
            ledger=ledger,
            seed=2,
        )
        evil = signed(
            works, alice, "evil.png", title=EVIL_TITLE, prompt="<b>bold</b>", ledger=ledger, seed=3
        )
    return {
        "root": root,
        "signed": good,
        "private": private,
        "evil": evil,
        "tampered": tampered(good, works / "tampered.png"),
        "unsigned": unsigned(works),
    }


def desk_config(files: dict[str, Path], school_root: Path, **overrides: object) -> DeskConfig:
    settings: dict[str, object] = {
        "anchors": read_anchors([school_root]),
        "anchor_names": ("ESAD Exemple",),
        "ledger_path": files["root"] / "artcharter.db",
        "lang": "en",
        "allowed_hosts": loopback_hosts("127.0.0.1", 8000),
    }
    settings.update(overrides)
    return DeskConfig(**settings)  # type: ignore[arg-type]


@pytest.fixture
def client(files: dict[str, Path], school_root: Path) -> Iterator[TestClient]:
    with TestClient(create_app(desk_config(files, school_root)), base_url=BASE) as c:
        yield c


def upload(
    *paths: Path, names: list[str] | None = None
) -> list[tuple[str, tuple[str, bytes, str]]]:
    names = names or [p.name for p in paths]
    return [("file", (n, p.read_bytes(), "image/png")) for n, p in zip(names, paths, strict=True)]


def verifications(files: dict[str, Path]) -> list[dict]:
    with Ledger(files["root"] / "artcharter.db") as ledger:
        return list(ledger.db.query("SELECT * FROM verifications ORDER BY id"))


# --- verification ----------------------------------------------------------------------------


def test_trusted_tampered_and_unsigned_files_get_their_verdicts(client, files) -> None:
    before = len(verifications(files))
    response = client.post(
        "/api/verify", files=upload(files["signed"], files["tampered"], files["unsigned"])
    )
    assert response.status_code == 200, response.text
    body = VerifyResponse.model_validate(response.json())
    good, bad, bare = body.results
    assert [r.verdict for r in body.results] == ["trusted", "tampered", "no-credential"]
    assert [r.name for r in body.results] == ["nocturne.png", "tampered.png", "unsigned.png"]
    assert (good.title, good.artist, good.organisation) == (
        "Nocturne",
        "Alice Martin",
        "ESAD Exemple",
    )
    assert good.ai_share == "generated" and good.ai_share_label["fr"] == "Générée par IA"
    assert (good.tone, bad.tone, bare.tone) == ("good", "bad", "neutral")
    assert good.verdict_title == {v: verdicts.title("trusted", v) for v in ("fr", "en")}
    assert bad.explanation["en"] == verdicts.explanation("tampered", "en")
    assert good.visitor_url == f"/a/{good.artwork_id}" and bare.visitor_url is None
    assert not good.kept and good.report_url == f"/r/{good.token}"
    assert good.charter.checked and good.charter.label["en"]
    assert good.verification["signer"]["name"] == "Alice Martin"
    # Recorded in the ledger, with where the file came from (it was not kept on disk).
    rows = verifications(files)[before:]
    assert [(r["verdict"], r["path"]) for r in rows] == [
        ("trusted", "upload:nocturne.png"),
        ("tampered", "upload:tampered.png"),
        ("no-credential", "upload:unsigned.png"),
    ]
    assert rows[0]["artwork_id"] == good.artwork_id


def test_texts_come_in_the_language_asked(client, files) -> None:
    result = client.post("/api/verify?lang=fr", files=upload(files["signed"])).json()["results"][0]
    assert result["verdict_title"] == {"fr": "De confiance"}
    assert set(result["explanation"]) == {"fr"} and set(result["energy"]["label"]) == {"fr"}
    assert client.post("/api/verify?lang=de", files=upload(files["signed"])).status_code == 422


def test_damaged_image_is_verified_as_unreadable(client, files, tmp_path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(files["unsigned"].read_bytes()[:120])
    result = client.post("/api/verify", files=upload(broken)).json()["results"][0]
    assert result["verdict"] == "unreadable"


def test_jpeg_and_folder_names_are_kept_for_display(client, files, tmp_path) -> None:
    jpeg = tmp_path / "photo.jpg"
    Image.open(files["unsigned"]).save(jpeg, "JPEG")
    response = client.post(
        "/api/verify", files=[("file", ("jury/day 1/photo.jpg", jpeg.read_bytes(), "image/jpeg"))]
    )
    result = response.json()["results"][0]
    assert (result["name"], result["format"], result["verdict"]) == (
        "jury/day 1/photo.jpg",
        "jpeg",
        "no-credential",
    )


# --- refusals: a clear 4xx with a message ---------------------------------------------------


def test_oversized_file_is_refused_with_413(files, school_root) -> None:
    config = desk_config(files, school_root, max_upload_bytes=2048)
    with TestClient(create_app(config), base_url=BASE) as small:
        response = small.post("/api/verify", files=upload(files["signed"]))
        assert response.status_code == 413
        assert (
            response.json()["detail"]
            == "nocturne.png is over the 2 KB limit per file of its kind (the desk's "
            "--max-upload-mb, --max-video-mb, --max-sound-mb, --max-document-mb options)"
        )
        fr = small.post("/api/verify?lang=fr", files=upload(files["signed"]))
        assert "dépasse la limite de 2 ko par fichier" in fr.json()["detail"]


def test_request_over_the_limit_is_cut_off_even_without_a_length(files, school_root) -> None:
    config = desk_config(files, school_root, max_upload_bytes=1_000)
    boundary = "xyz"

    def chunked() -> Iterator[bytes]:
        yield f'--{boundary}\r\nContent-Disposition: form-data; name="other"\r\n\r\n'.encode()
        for _ in range(300):  # 300 kB in a field the desk ignores: over the request limit
            yield b"a" * 1024

    with TestClient(create_app(config), base_url=BASE) as small:
        announced = small.post(
            "/api/verify",
            content=b"x" * 200_000,
            headers={"content-type": f"multipart/form-data; boundary={boundary}"},
        )
        assert announced.status_code == 413 and "request is over" in announced.json()["detail"]
        french = small.post(
            "/api/verify?lang=fr",
            content=b"x" * 200_000,
            headers={"content-type": f"multipart/form-data; boundary={boundary}"},
        )
        assert re.search(r"^la requête dépasse \d+(,\d)? ko\u00a0:", french.json()["detail"])
        streamed = small.post(
            "/api/verify",
            content=chunked(),
            headers={"content-type": f"multipart/form-data; boundary={boundary}"},
        )
        assert streamed.status_code == 413 and "request is over" in streamed.json()["detail"]


NOT_A_WORK = (
    "notes.pdf is not a PNG, JPEG or WebP image, an MP4 or MOV video, a WAV, MP3, FLAC or M4A "
    "sound, or a PDF or EPUB document"
)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        # A PDF is a work the desk verifies; text that only starts like one is not.
        (b"%PDF\n1 0 obj", f"{NOT_A_WORK} (format found: PDF)"),
        (b"just some words\n", f"{NOT_A_WORK} (format found: text)"),
        (b"GIF89a\x01\x00\x01\x00", f"{NOT_A_WORK} (format found: GIF)"),
        (bytes([0, 159, 146, 150]) * 8, NOT_A_WORK),
    ],
)
def test_non_image_is_refused_with_415(client, content, expected) -> None:
    # The type comes from the bytes: the name and the declared type say "PNG" in vain.
    response = client.post("/api/verify", files=[("file", ("notes.pdf", content, "image/png"))])
    assert response.status_code == 415
    assert response.json() == {"detail": expected}


def test_one_refused_file_refuses_the_request_and_records_nothing(client, files) -> None:
    before = len(verifications(files))
    response = client.post(
        "/api/verify",
        files=[*upload(files["signed"]), ("file", ("readme.txt", b"hello", "text/plain"))],
    )
    assert response.status_code == 415 and "readme.txt" in response.json()["detail"]
    assert len(verifications(files)) == before


def test_missing_empty_and_misplaced_files_get_clear_messages(client) -> None:
    empty = client.post("/api/verify", files=[("file", ("empty.png", b"", "image/png"))])
    assert (empty.status_code, empty.json()["detail"]) == (422, "empty.png is empty")
    wrong_field = client.post("/api/verify", files=[("image", ("a.png", b"\x89PNG", "image/png"))])
    assert wrong_field.status_code == 422
    assert (
        wrong_field.json()["detail"]
        == "no file: send one or more images in the multipart field 'file'"
    )
    as_json = client.post("/api/verify", json={"file": "a.png"})
    assert as_json.status_code == 415 and "multipart/form-data" in as_json.json()["detail"]
    broken = client.post(
        "/api/verify", content=b"garbage", headers={"content-type": "multipart/form-data"}
    )
    assert broken.status_code == 400 and "multipart" in broken.json()["detail"]


def test_too_many_files_in_one_request(client) -> None:
    parts = [("file", (f"{i}.png", b"x", "image/png")) for i in range(MAX_FILES_PER_REQUEST + 1)]
    response = client.post("/api/verify", files=parts)
    assert response.status_code == 413
    assert f"{MAX_FILES_PER_REQUEST} at most" in response.json()["detail"]


# --- the ledger's artworks: API and visitor's page -----------------------------------------


def test_artwork_api_gives_the_public_record(client, files) -> None:
    result = client.post("/api/verify", files=upload(files["private"])).json()["results"][0]
    response = client.get(f"/api/artworks/{result['artwork_id']}?lang=en")
    assert response.status_code == 200
    artwork = Artwork.model_validate(response.json())
    assert (artwork.title, artwork.artist, artwork.status) == (
        "Secret garden",
        "Alice Martin",
        "signed",
    )
    assert artwork.ai_share_label == {"en": "AI-generated"}
    # The ledger keeps the private prompt; the public record gives only its hash.
    assert artwork.record["prompt"] is None and artwork.record["prompt_hmac"]
    assert artwork.record["prompt_sha256"] is None
    assert "my private words" not in response.text
    assert artwork.verifications[0]["verdict"] == "trusted"
    image = client.get(artwork.image_url)
    assert image.content == files["private"].read_bytes()
    assert image.headers["content-type"] == "image/png"


def test_unknown_artwork_and_desk_without_ledger(client, files, school_root) -> None:
    missing = client.get("/api/artworks/no-such-id")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "no artwork no-such-id in the ledger"}
    assert client.get("/a/no-such-id").status_code == 404
    with TestClient(
        create_app(desk_config(files, school_root, ledger_path=None)), base_url=BASE
    ) as bare:
        response = bare.get("/api/artworks/anything")
        assert response.status_code == 404 and "no ledger" in response.json()["detail"]
        # Without a ledger nothing is recorded, and the verdicts still come.
        result = bare.post("/api/verify", files=upload(files["signed"])).json()["results"][0]
        assert result["verdict"] == "trusted" and result["visitor_url"] is None


def test_visitor_page_shows_the_record_in_both_languages(client, files) -> None:
    result = client.post("/api/verify", files=upload(files["signed"])).json()["results"][0]
    english = client.get(result["visitor_url"] + "?lang=en").text
    assert "Nocturne" in english and "Alice Martin" in english and "AI-generated" in english
    assert "a harbour at night, oil painting" in english
    french = client.get(result["visitor_url"] + "?lang=fr").text
    assert "Générée par IA" in french and "De confiance" in french
    assert "<dt>Prompt</dt>" in french and "Invite" not in french
    assert "<dt>Entraînement et fouille de textes et de données</dt><dd>refusée</dd>" in french


def test_visitor_page_names_every_field_in_its_language() -> None:
    """The declaration's and the generation's keys, the roles, stages and energy method are
    words in the page's language; a key artcharter does not know stays readable."""
    from charter_helpers import full_declaration, generated_record
    from markupsafe import escape

    from artcharter.provenance.record import EnergyRecord, GenerationParams, Ingredient
    from artcharter.serve.pages import TEMPLATES
    from artcharter.serve.texts import words

    record = generated_record(
        declaration=full_declaration(),
        generation=GenerationParams(
            seed=7, steps=20, guidance=7.5, timings_ms={"pipeline": 1234.5, "future_step": 1.0}
        ),
        energy=EnergyRecord("measured", kwh_total=0.002, method="TDP estimate"),
        ingredients=[Ingredient("esquisse.png", "ab" * 32, "image/png", "sketch")],
    ).to_dict()
    fields = TEMPLATES.get_template("_macros.html").module.record_fields  # type: ignore[attr-defined]
    french = str(fields(record, words("fr"), "fr"))
    english = str(fields(record, words("en"), "en"))
    expected = {
        "fr": [
            "Note d'intention", "Réflexion sur les biais", "Part de l'IA par étape",
            "<dt>Rendu</dt><dd>générée</dd>", "<dt>Idéation</dt><dd>aucune</dd>",
            "<dt>Rôle</dt><dd>croquis</dd>", "<dt>Étape du travail</dt><dd>rendu</dd>",
            "<dt>Images générées</dt><dd>24</dd>", "Techniques sans IA",
            "<dt>Graine (seed)</dt><dd>7</dd>", "<dt>Échelle de guidage</dt><dd>7,5</dd>",
            "<dt>Durées (ms)</dt>", "<dt>Génération (par image)</dt><dd>1234,5</dd>",
            "<dt>Future step</dt>", "esquisse.png <span class=\"muted\">(croquis, ",
            "· estimation du processeur d'après sa charge (TDP ou valeur générique)",
            "<dt>Entraînement et fouille de textes et de données</dt><dd>refusée</dd>",
        ],
        "en": [
            "<dt>Statement</dt>", "<dt>Reflection on biases</dt>", "Share of AI per stage",
            "<dt>Rendering</dt><dd>generated</dd>", "<dt>Role</dt><dd>sketch</dd>",
            "<dt>Seed</dt><dd>7</dd>", "<dt>Guidance scale</dt><dd>7.5</dd>",
            "<dt>Timings (ms)</dt>", "<dt>Generation (per image)</dt><dd>1234.5</dd>",
            "esquisse.png <span class=\"muted\">(sketch, ",
            "· CPU estimate from its load (a TDP or a generic figure)",
        ],
    }  # fmt: skip
    for lang, html in (("fr", french), ("en", english)):
        for text in expected[lang]:
            assert (
                str(escape(text)).replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"')
                in html
            ), (lang, text)
    for raw in ("Timings ms", "Ai share", "Bias reflection", ">Seed<", "(sketch,", "TDP estimate"):
        assert raw not in french, raw


def test_a_cartel_qr_code_leads_to_the_visitor_page(client, files) -> None:
    from artcharter.reports.cartel import qr_payload

    result = client.post("/api/verify", files=upload(files["signed"])).json()["results"][0]
    link = qr_payload(result["artwork_id"], result["sha256"], verify_url=f"{BASE}/a")
    opened = client.get(link, follow_redirects=False)
    assert opened.status_code == 303
    assert opened.headers["location"] == f"/a/{result['artwork_id']}?sha256={result['sha256']}"
    page = client.get(link)
    assert page.status_code == 200 and "Nocturne" in page.text
    assert "does not match" not in page.text
    by_hash = client.get(f"/a?sha256={result['sha256']}")
    assert by_hash.status_code == 200 and "Nocturne" in by_hash.text
    # A label printed for another version of the file says so.
    other = client.get(f"/a?id={result['artwork_id']}&sha256={'0' * 64}")
    assert "does not match the file the school recorded" in other.text
    assert client.get(f"/a?id=nothing&sha256={'0' * 64}").status_code == 404


def test_every_user_controlled_string_is_escaped(client, files) -> None:
    evil_name = '<img src=x onerror="alert(1)">.png'
    result = client.post("/api/verify", files=upload(files["evil"], names=[evil_name])).json()[
        "results"
    ][0]
    assert result["title"] == EVIL_TITLE  # JSON carries the data as it is
    pages = {
        "visitor": client.get(result["visitor_url"]).text,
        "report": client.get(result["report_url"]).text,
    }
    desk = client.app.state.desk
    desk.reports = Reports(False)  # the desk's own verification page, used without reports
    pages["details"] = client.get(result["report_url"]).text
    for name, html in pages.items():
        assert "<script>alert" not in html, name
        assert "&lt;script&gt;alert(" in html, name
        assert "<b>bold</b>" not in html, name
    assert '<img src=x onerror="alert(1)">' not in pages["details"]
    assert "&lt;img src=x onerror=" in pages["details"]


# --- keeping and forgetting uploads -------------------------------------------------------------


def test_kept_uploads_go_to_the_ledger_folder(files, school_root) -> None:
    folder = files["root"] / "uploads"
    config = desk_config(files, school_root, uploads_dir=folder)
    with TestClient(create_app(config), base_url=BASE) as keeping:
        result = keeping.post("/api/verify", files=upload(files["signed"])).json()["results"][0]
    kept = folder / f"{result['sha256']}.png"
    assert result["kept"] is True
    assert kept.read_bytes() == files["signed"].read_bytes()
    assert kept.stat().st_mode & 0o077 == 0
    assert [p.name for p in folder.iterdir()] == [kept.name]
    assert verifications(files)[-1]["path"] == str(kept)


def test_discarded_uploads_never_touch_the_disk_and_can_be_forgotten(client, files) -> None:
    before = sorted(p for p in files["root"].rglob("*") if "artcharter.db" not in p.name)
    result = client.post("/api/verify", files=upload(files["unsigned"])).json()["results"][0]
    assert sorted(p for p in files["root"].rglob("*") if "artcharter.db" not in p.name) == before
    thumb = client.get(result["thumbnail_url"])
    assert thumb.status_code == 200 and thumb.headers["content-type"] == "image/jpeg"
    assert max(Image.open(io.BytesIO(thumb.content)).size) <= 160
    assert client.get(f"/api/uploads/{result['token']}").json()["verdict"] == "no-credential"
    assert client.delete(f"/api/uploads/{result['token']}").json() == {"forgotten": 1}
    assert client.get(result["thumbnail_url"]).status_code == 404
    gone = client.get(result["report_url"])
    assert gone.status_code == 404 and "drop it again" in gone.text
    assert client.get(f"/api/uploads/{result['token']}").status_code == 404


def test_forget_all(client, files) -> None:
    client.post("/api/verify", files=upload(files["signed"], files["unsigned"]))
    assert client.delete("/api/uploads").json()["forgotten"] >= 2
    assert len(client.app.state.desk.held) == 0


def test_held_files_stay_within_count_bytes_and_time() -> None:
    now = [0.0]
    held = HeldFiles(max_count=3, max_bytes=10**9, max_seconds=60, clock=lambda: now[0])

    def item(token: str, size: int = 10) -> Held:
        return Held(
            token,
            token,
            "0" * 64,
            "png",
            size,
            Verification(token, "no-credential"),
            data=b"x" * size,
        )

    for token in "abcd":
        held.add(item(token))
    assert held.get("a", "") is None and len(held) == 3  # the oldest went first
    held.get("b", "")  # seen again: now the most recent
    held.add(item("e"))
    assert held.get("c", "") is None and held.get("b", "") is not None
    now[0] = 61.0
    held.add(item("f"))
    assert len(held) == 1 and held.get("f", "") is not None  # the others were unseen too long
    by_bytes = HeldFiles(max_count=100, max_bytes=200_000, max_seconds=60, clock=lambda: 0.0)
    for token in "abc":
        by_bytes.add(item(token, 50_000))
    assert by_bytes.bytes <= 200_000 and by_bytes.get("a", "") is None


# --- the page, languages, headers, guard ----------------------------------------------------------


def test_desk_page_in_both_languages_and_remembered(client) -> None:
    english = client.get("/")
    assert (
        english.status_code == 200 and "Jury desk" in english.text and 'lang="en"' in english.text
    )
    assert "ESAD Exemple" in english.text and "Drop images or a folder here" in english.text
    assert 'aria-label="Desk settings"' in english.text
    french = client.get("/?lang=fr")
    assert "Bureau du jury" in french.text and french.cookies.get("lang") == "fr"
    assert 'aria-label="Réglages du bureau"' in french.text
    # The script's texts hold the CSV header, in the page's language like its cells.
    data = json.loads(french.text.split('id="desk-data">', 1)[1].split("</script>", 1)[0])
    assert data["maxLabel"].endswith(" Mo")
    header = ("f_file", "col_title", "csv_verdict_code", "csv_kwh", "f_sha256", "csv_artwork_id")
    assert [data["texts"][key] for key in header] == [
        "Fichier", "Titre", "Code du verdict", "Énergie (kWh)", "Empreinte SHA-256",
        "Identifiant de l'œuvre",
    ]  # fmt: skip
    assert "Bureau du jury" in client.get("/").text  # the cookie remembers the choice
    client.cookies.clear()
    # The desk's own language (the project's) first, whatever the browser's...
    browser_fr = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9,en;q=0.8"})
    assert 'lang="en"' in browser_fr.text
    # ...and the switch is kept over it.
    assert 'lang="fr"' in client.get("/?lang=fr", headers={"accept-language": "en"}).text
    assert 'lang="fr"' in client.get("/", headers={"accept-language": "en"}).text


def test_a_desk_without_a_language_follows_the_browser(files, school_root) -> None:
    config = desk_config(files, school_root, lang="")
    with TestClient(create_app(config), base_url=BASE) as client:
        page = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9,en;q=0.8"})
        assert 'lang="fr"' in page.text
        assert 'lang="en"' in client.get("/", headers={"accept-language": "de"}).text


def test_language_choice_order() -> None:
    assert pick_lang("fr", "en", "en-GB", "en") == "fr"
    assert pick_lang(None, "fr", "en-GB", "en") == "fr"
    assert pick_lang(None, None, "en-GB", "fr") == "fr"  # the project's before the browser's
    assert pick_lang("de", None, "de-DE,fr;q=0.5", "") == "fr"
    assert pick_lang(None, None, "de", "fr") == "fr"
    assert pick_lang(None, None, None, "xx") == "en"
    assert all(set(entry) == {"fr", "en"} for entry in TEXTS.values())


def test_security_headers(client) -> None:
    page = client.get("/")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["x-frame-options"] == "DENY"


def test_unknown_host_is_refused(client) -> None:
    response = client.get("/api/desk", headers={"host": "rebound.example:8000"})
    assert response.status_code == 400
    assert "rebound.example:8000" in response.json()["detail"]
    assert "127.0.0.1" in response.json()["detail"]


def test_cross_site_writes_are_refused(client, files) -> None:
    foreign = client.post(
        "/api/verify", files=upload(files["unsigned"]), headers={"origin": "http://evil.example"}
    )
    assert foreign.status_code == 403
    assert foreign.json()["detail"] == "request refused: it comes from a page other than the desk"
    wipe = client.delete("/api/uploads", headers={"sec-fetch-site": "cross-site"})
    assert wipe.status_code == 403
    own = client.post("/api/verify", files=upload(files["unsigned"]), headers={"origin": BASE})
    assert own.status_code == 200


def test_openapi_schema_and_offline_docs(client) -> None:
    schema = client.get("/openapi.json").json()
    verify_op = schema["paths"]["/api/verify"]["post"]
    assert "multipart/form-data" in verify_op["requestBody"]["content"]
    assert {"413", "415", "422"} <= set(verify_op["responses"])
    assert "/api/artworks/{artwork_id}" in schema["paths"]
    assert "FileResult" in schema["components"]["schemas"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/api/verify" in docs.text
    assert "cdn" not in docs.text.lower() and 'src="http' not in docs.text
    assert client.get("/redoc").status_code == 404
    page = client.get("/").text
    assert 'src="http' not in page and 'href="http' not in page


def test_report_page_is_the_reports_room_s_when_there_is_one(client, files) -> None:
    result = client.post("/api/verify", files=upload(files["signed"])).json()["results"][0]
    report = client.get(result["report_url"] + "?lang=fr")
    assert report.status_code == 200 and "Nocturne" in report.text
    assert "script-src" not in report.headers["content-security-policy"]
    assert "default-src 'none'" in report.headers["content-security-policy"]


# --- concurrency: verification runs on the pool, never on the event loop -------------------


def test_verification_does_not_block_the_event_loop(files, school_root) -> None:
    async def scenario() -> None:
        app = create_app(desk_config(files, school_root, workers=2))
        desk = app.state.desk
        transport = httpx.ASGITransport(app=app)
        gate = threading.Event()
        async with httpx.AsyncClient(transport=transport, base_url=BASE) as http:
            # Occupy every verification thread, then send a file.
            blockers = [asyncio.ensure_future(desk.run(gate.wait)) for _ in range(2)]
            posting = asyncio.ensure_future(http.post("/api/verify", files=upload(files["signed"])))
            await asyncio.sleep(0.05)
            # The loop still answers while the upload waits for a verification thread.
            status = await http.get("/api/desk")
            assert status.status_code == 200
            assert not posting.done()
            gate.set()
            response = await posting
            await asyncio.gather(*blockers)
        desk.stop()
        assert response.json()["results"][0]["verdict"] == "trusted"

    asyncio.run(scenario())


# --- pure helpers --------------------------------------------------------------------------------


def test_row_summary_for_files_of_other_tools_and_failed_checks() -> None:
    other_tool = Verification(
        "x.jpg",
        "valid-untrusted",
        disclosure={"source_types": ["digitalCapture", "compositeWithTrainedAlgorithmicMedia"]},
        signer={"name": "Camera Co", "organisation": "Camera Co CA"},
    )
    row = summarize(other_tool, None, "en", check_error="KeyError: 'energy'")
    assert row["ai_share"] == "partly-generated" and row["artist"] == "Camera Co"
    assert row["reliable"] is True and row["tone"] == "caution"
    assert row["charter"] == {
        "checked": False,
        "passed": None,
        "error": "KeyError: 'energy'",
        "label": {"en": "the check failed (KeyError: 'energy')"},
    }
    tampered_row = summarize(Verification("t.png", "tampered"), None, None)
    assert tampered_row["reliable"] is False and tampered_row["ai_share"] == "unknown"
    assert tampered_row["charter"]["label"] == {"fr": "non vérifiée", "en": "not checked"}


def test_display_names_are_made_safe() -> None:
    assert display_name("/etc/../passwd\x00\x1b[31m.png") == "etc/../passwd[31m.png"
    assert display_name("") == "upload"
    assert len(display_name("a" * 500 + ".png")) == 200
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")


# --- the `serve` command --------------------------------------------------------------------------


def test_serve_refuses_a_non_loopback_host_without_the_flag(capsys) -> None:
    assert run(["serve", "--host", "0.0.0.0", "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert "--allow-non-loopback" in err and "Traceback" not in err


def test_serve_refuses_a_port_in_use(capsys) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        assert run(["serve", "--port", str(port)]) == 2
    assert f"port {port} is already in use" in capsys.readouterr().err


def test_serve_refuses_a_broken_charter_before_listening(tmp_path) -> None:
    broken = tmp_path / "charter.toml"
    broken.write_text("not [toml", encoding="utf-8")
    done = subprocess.run(
        [
            str(Path(sys.executable).with_name("artcharter")),
            "serve",
            "--port",
            "0",
            "--charter",
            str(broken),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("artcharter: error: ") and "charter.toml" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_importing_the_cli_does_not_import_the_web_stack() -> None:
    code = "import sys, artcharter.cli; print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def http_get(port: int, path: str, host: str | None = None) -> tuple[int, str]:
    """A plain HTTP/1.1 GET over a loopback socket (the suite allows only loopback)."""
    with socket.socket() as sock:
        sock.settimeout(10)
        sock.connect(("127.0.0.1", port))
        request = f"GET {path} HTTP/1.1\r\nHost: {host or f'127.0.0.1:{port}'}\r\nConnection: close\r\n\r\n"
        sock.sendall(request.encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    return int(head.split()[1]), body.decode("utf-8", "replace")


def test_serve_command_starts_a_real_server(files, school_root) -> None:
    command = [
        str(Path(sys.executable).with_name("artcharter")),
        "--project",
        str(files["root"]),
        "--lang",
        "fr",
        "serve",
        "--port",
        "0",
        "--trust",
        str(school_root),
        "--max-upload-mb",
        "3",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    try:
        first = server.stdout.readline()
        assert first.startswith("bureau du jury artcharter\u00a0: http://127.0.0.1:"), first
        port = int(first.split("http://127.0.0.1:", 1)[1].split("/", 1)[0])
        settings = [server.stdout.readline() for _ in range(3)]
        assert "ESAD Exemple" in settings[0] and "artcharter.db" in settings[1]
        assert "jamais écrits sur disque" in settings[2]
        status, body = http_get(port, "/api/desk")
        assert status == 200
        info = json.loads(body)
        assert info["max_upload_bytes"] == 3 * 1024 * 1024 and info["keep_uploads"] is False
        assert http_get(port, "/api/desk", host="attacker.example")[0] == 400
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            raise
    # Ctrl+C is how a desk ends: a clean stop, said in one line.
    assert server.returncode == 0
    assert server.stderr.read().strip() == "bureau du jury arrêté"


def _get(port: int, path: str, headers: str) -> tuple[str, str]:
    """A GET as a browser sends it, on a plain socket (loopback only, as the suite allows)."""
    with socket.socket() as sock:
        sock.connect(("127.0.0.1", port))
        host = f"127.0.0.1:{port}"
        sock.sendall(
            f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{headers}Connection: close\r\n\r\n".encode()
        )
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.decode("utf-8", "replace").partition("\r\n\r\n")
    return head, body


def _desk_page_lang(command: list[str], cwd: Path) -> list[str]:
    """The page language a real `artcharter serve` gives an English browser: first visit,
    after the switch to English, and on the next visit (the cookie)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTCHARTER_")}
    env["LANG"] = "en_US.UTF-8"
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("artcharter")), *command, "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=cwd,
        env=env,
    )
    try:
        line = server.stdout.readline()  # type: ignore[union-attr]
        assert "http://127.0.0.1:" in line, line + server.stderr.read()  # type: ignore[union-attr]
        port = int(line.split("http://127.0.0.1:")[1].split("/")[0])
        seen, cookie = [], ""
        for path in ("/", "/?lang=en", "/"):
            head, page = _get(port, path, f"Accept-Language: en-US,en;q=0.9\r\n{cookie}")
            if "set-cookie: lang=" in head.lower():
                cookie = "Cookie: " + head.lower().split("set-cookie: ")[1].split(";")[0] + "\r\n"
            seen.append(re.search(r'<html lang="(\w+)"', page)[1])  # type: ignore[index]
        return seen
    finally:
        server.terminate()
        server.wait(timeout=15)


def test_the_desk_starts_in_the_project_s_language_and_keeps_the_switch(tmp_path: Path) -> None:
    init_project(tmp_path / "atelier", "Atelier", lang="fr")
    assert _desk_page_lang([], tmp_path / "atelier") == ["fr", "en", "en"]
    # Without a project nor --lang, the desk follows each browser.
    assert _desk_page_lang([], tmp_path) == ["en", "en", "en"]


@pytest.mark.parametrize(("alone_bytes", "most_at_once"), [(1, 1), (10**9, 3)])
def test_large_files_are_verified_one_at_a_time(
    files, school_root, monkeypatch, alone_bytes, most_at_once
) -> None:
    """Files above verify_alone_bytes never have their transient copies side by side;
    smaller files are verified in parallel."""
    import threading
    import time

    from artcharter.serve import desk as desk_module

    running, most, lock = 0, 0, threading.Lock()
    real = desk_module.verify_bytes

    def counted(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        time.sleep(0.3)  # long enough for the others to start, if they may
        try:
            return real(*args, **kwargs)
        finally:
            with lock:
                running -= 1

    monkeypatch.setattr(desk_module, "verify_bytes", counted)
    config = desk_config(
        files, school_root, ledger_path=None, workers=3, verify_alone_bytes=alone_bytes
    )
    paths = [files["signed"], files["unsigned"], files["evil"]]
    with TestClient(create_app(config), base_url=BASE) as desk:
        answer = desk.post("/api/verify", files=upload(*paths))
    assert answer.status_code == 200
    assert [r["verdict"] for r in answer.json()["results"]] == [
        "trusted",
        "no-credential",
        "trusted",
    ]
    assert most == most_at_once
