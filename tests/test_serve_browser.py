"""The jury desk in a real browser: Debian's headless Chromium driven by Playwright, against
a real `artcharter serve` on 127.0.0.1. Three files (trusted, tampered, unsigned) are
dropped on the page; their verdicts must show, in English then in French.

Skipped, with the reason, when Chromium or Playwright's Python package is missing. Never
run `playwright install`: it downloads a browser of its own; this test uses the system's.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from artcharter.provenance.config import init_project
from artcharter.provenance.ledger import Ledger
from tests.serve_files import signed, tampered, unsigned

CHROMIUM = next(
    (
        p
        for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
        if p and Path(p).exists()
    ),
    None,
)
if CHROMIUM is None:
    pytest.skip("Chromium not found (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="Playwright for Python not installed (pip install playwright)"
)

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The screenshot in the docs is refreshed only on request, so that a test run leaves the
# working tree as it was: ARTCHARTER_UPDATE_SCREENSHOTS=1 pytest tests/test_serve_browser.py
DOC_SCREENSHOT = Path(__file__).resolve().parents[1] / "docs" / "img" / "jury-desk.png"
TIMEOUT_S = 30.0


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, alice) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("browser") / "festival"
    init_project(root, "Festival 2026", lang="fr")
    works = root / "submissions"
    with Ledger(root / "artcharter.db") as ledger:
        good = signed(
            works, alice, "nocturne.png", title="Nocturne au port", ledger=ledger, size=(240, 160)
        )
    return {
        "root": root,
        "trusted": good,
        "tampered": tampered(good, works / "retouched.png"),
        "unsigned": unsigned(works, "screenshot.png"),
    }


@pytest.fixture(scope="module")
def desk_url(project: dict[str, Path], school_root: Path) -> Iterator[str]:
    command = [
        str(Path(sys.executable).with_name("artcharter")),
        "--project", str(project["root"]), "--lang", "en",
        "serve", "--port", "0", "--trust", str(school_root),
    ]  # fmt: skip
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        assert "http://127.0.0.1:" in line, line + server.stderr.read()
        yield line.split()[3]
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


DROP = """(files) => {
  const transfer = new DataTransfer();
  for (const f of files) {
    const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
    transfer.items.add(new File([bytes], f.name, { type: f.type }));
  }
  const zone = document.getElementById("drop");
  for (const type of ["dragenter", "dragover", "drop"]) {
    zone.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }
}"""


def wait_until(page: object, expression: str, timeout_s: float = TIMEOUT_S) -> None:
    """Poll a JavaScript condition. (Playwright's wait_for_function evaluates strings with
    eval, which the desk's Content-Security-Policy forbids, rightly: the page is tested
    under its real policy, and evaluate() goes through the DevTools protocol instead.)"""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(f"() => Boolean({expression})"):  # type: ignore[attr-defined]
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout_s} s: {expression}")
        time.sleep(0.05)


def verdicts_shown(page: object) -> dict[str, str]:
    """File name -> verdict text of each finished row."""
    return page.evaluate(  # type: ignore[attr-defined]
        """() => Object.fromEntries([...document.querySelectorAll('#rows tr.row.done')].map(
            (tr) => [tr.querySelector('.name').textContent, tr.querySelector('.verdict .badge').textContent]))"""
    )


def test_jury_drops_three_files_and_reads_their_verdicts(
    browser, desk_url, project, tmp_path
) -> None:
    context = browser.new_context(viewport={"width": 1180, "height": 620}, locale="en-GB")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(desk_url + "?lang=en")
    assert page.title().startswith("Jury desk")

    files = [
        {
            "name": path.name,
            "type": "image/png",
            "b64": base64.b64encode(path.read_bytes()).decode(),
        }
        for path in (project["trusted"], project["tampered"], project["unsigned"])
    ]
    page.evaluate(DROP, files)
    wait_until(page, "document.querySelectorAll('#rows tr.row.done').length === 3")
    assert verdicts_shown(page) == {
        "nocturne.png": "Trusted",
        "retouched.png": "Tampered",
        "screenshot.png": "No Content Credentials",
    }
    trusted_row = page.locator("tr.row.done", has_text="nocturne.png")
    assert "Nocturne au port" in trusted_row.inner_text()
    assert "Alice Martin" in trusted_row.inner_text()
    assert "AI-generated" in trusted_row.inner_text()
    # Beside artcharter's words, the class any C2PA validator shows (the signals rubric);
    # none for the tampered file, whose signature vouches for nothing.
    assert "Contains Fully GenAI Media" in trusted_row.inner_text()
    tampered_row = page.locator("tr.row.done", has_text="retouched.png")
    assert "C2PA signal" not in tampered_row.inner_text()
    assert "GenAI" not in tampered_row.inner_text()
    # Colours follow the verdict.
    tones = page.evaluate(
        "() => [...document.querySelectorAll('#rows tr.row.done .verdict .badge')].map((b) => b.className)"
    )
    assert [t.split()[1] for t in tones] == ["tone-good", "tone-bad", "tone-neutral"]
    wait_until(
        page,
        "[...document.querySelectorAll('#rows img.thumb')].every((img) => img.complete && img.naturalWidth > 0)",
    )
    assert "3 files" in page.inner_text("#counts")

    update = os.environ.get("ARTCHARTER_UPDATE_SCREENSHOTS") == "1"
    shot_path = DOC_SCREENSHOT if update else tmp_path / "jury-desk.png"
    page.screenshot(path=str(shot_path), full_page=True)
    with Image.open(shot_path) as shot:  # 256 colours: a small file for the docs
        small = shot.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE)
    small.save(shot_path, optimize=True)

    # Each row opens the artwork's report.
    with context.expect_page() as opened:
        trusted_row.get_by_role("link").click()
    report = opened.value
    report.wait_for_load_state()
    assert "Nocturne au port" in report.content()
    report.close()

    # Switching language keeps the table and speaks French.
    page.click("#lang-switch")
    wait_until(page, "document.documentElement.lang === 'fr'")
    wait_until(page, "document.querySelectorAll('#rows tr.row.done').length === 3")
    assert verdicts_shown(page) == {
        "nocturne.png": "De confiance",
        "retouched.png": "Modifié après signature",
        "screenshot.png": "Sans Content Credentials",
    }
    assert "Contient un média entièrement généré par IA" in trusted_row.inner_text()
    # The CSV speaks the page's language, its header as much as its cells.
    with page.expect_download() as download:
        page.click("#export-csv")
    lines = Path(download.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == (
        '"Fichier","Titre","Artiste","École ou organisation","Code du verdict","Verdict",'
        '"Part de l\'IA","Énergie (kWh)","Émissions (kg CO2e)","Charte","Empreinte SHA-256",'
        '"Identifiant de l\'œuvre"'
    )
    assert any(line.startswith('"nocturne.png","Nocturne au port",') for line in lines[1:])
    assert any('"no-credential","Sans Content Credentials"' in line for line in lines[1:])
    assert errors == []
    context.close()


def test_file_picker_and_refused_files(browser, desk_url, project, tmp_path) -> None:
    page = browser.new_page()
    page.goto(desk_url + "?lang=en")
    notes = tmp_path / "notes.txt"
    notes.write_text("not an image")
    page.set_input_files("#file-input", [str(project["unsigned"]), str(notes)])
    wait_until(page, "document.querySelectorAll('#rows tr.row:not(.pending)').length === 2")
    rejected = page.locator("tr.row.rejected")
    assert "notes.txt is not a PNG, JPEG or WebP image, an MP4" in rejected.inner_text()
    assert verdicts_shown(page) == {"screenshot.png": "No Content Credentials"}
    page.click("#forget-all")
    wait_until(page, "document.querySelectorAll('#rows tr.row').length === 0")
    page.close()


def test_visitor_page_from_a_cartel(browser, desk_url, project) -> None:
    with Ledger(project["root"] / "artcharter.db") as ledger:
        artwork_id = ledger.find_artwork(str(project["trusted"]))["artwork_id"]
    page = browser.new_page(viewport={"width": 390, "height": 800})  # a phone
    page.goto(f"{desk_url}a/{artwork_id}?lang=fr")
    assert page.inner_text("h1") == "Nocturne au port"
    text = page.inner_text("main")
    assert "Alice Martin" in text and "Générée par IA" in text
    assert page.evaluate("document.querySelector('figure.artwork img').naturalWidth") == 240
    page.close()
