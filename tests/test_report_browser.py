"""The report, the cartels and the summary as a browser shows and prints them: Debian's
Chromium, headless and offline, renders each page to PNG and PDF; the tests read the texts
back from the rendered DOM, look at the pixels, and decode the printed QR codes.

Skipped, with the reason, only where no Chromium can be found (scripts/test.sh installs
Debian's `chromium` when it runs as root).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from report_samples import HOSTILE_PROMPT, Exhibition

from artcharter.provenance.ledger import Ledger
from artcharter.provenance.verify import read_anchors
from artcharter.reports.browser import dump_dom, find_chromium, print_pdf, screenshot
from artcharter.reports.cartel import make_cartels
from artcharter.reports.report import make_report
from artcharter.reports.summary import make_summary

pytestmark = pytest.mark.skipif(
    find_chromium() is None,
    reason="Chromium not found: install Debian's chromium (apt-get install chromium; "
    "scripts/test.sh does it as root) or set ARTCHARTER_CHROMIUM",
)

KEY_TEXTS = {
    "fr": [
        "Rapport d'œuvre",
        "Vérification",
        "De confiance",
        "Provenance",
        "Comment ce modèle fonctionne",
        "Paramètres de génération",
        "Énergie",
        "de smartphone",
        "Biais et stéréotypes",
        "Charte",
        "Déclaration de l'artiste",
        "gouache",
    ],
    "en": [
        "Artwork report",
        "Verification",
        "Trusted",
        "Provenance",
        "How this model works",
        "Generation parameters",
        "Energy",
        "smartphone charge",
        "Bias and stereotypes",
        "Charter",
        "Artist's declaration",
        "gouache",
    ],
}


@pytest.fixture(scope="module")
def expo(tmp_path_factory: pytest.TempPathFactory) -> Exhibition:
    return Exhibition(tmp_path_factory.mktemp("expo-browser"))


class Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def rendered(html: Path) -> Dom:
    dom = Dom()
    dom.feed(dump_dom(html))
    return dom


def pixels(png: Path) -> np.ndarray:
    return np.asarray(Image.open(png).convert("RGB"), dtype=np.int16)


def ink_share(png: Path) -> float:
    """The share of pixels that differ from the page's background (top-left pixel)."""
    image = pixels(png)
    return float(np.any(image != image[0, 0], axis=2).mean())


def count_near(png: Path, target: tuple[int, int, int], tolerance: int = 12) -> int:
    return int(np.all(np.abs(pixels(png) - np.array(target)) <= tolerance, axis=2).sum())


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_report_renders_with_its_texts(expo: Exhibition, tmp_path: Path, lang: str) -> None:
    with Ledger(expo.root / "artcharter.db") as ledger:
        files = make_report(
            expo.generated.path,
            tmp_path,
            lang=lang,
            anchors=read_anchors([expo.school_root]),
            ledger=ledger,
        )
    dom = rendered(files.html)
    text = " ".join(dom.text)
    for expected in KEY_TEXTS[lang]:
        assert expected in text, expected
    # The prompt's <script> and quotes are text in the rendered page, never an element.
    assert HOSTILE_PROMPT in "".join(dom.text)
    assert "script" not in dom.tags and "b" not in dom.tags

    png = screenshot(files.html, tmp_path / f"report-{lang}.png", width=1000, height=1400)
    assert Image.open(png).size == (1000, 1400)
    assert ink_share(png) > 0.05  # text, badges and the image: not a blank page
    # The inlined artwork is drawn: its blue fills a visible area of the page.
    assert count_near(png, (40, 90, 160)) > 20_000


def test_report_prints_on_a4(expo: Exhibition, tmp_path: Path) -> None:
    files = make_report(
        expo.demo.path, tmp_path, lang="fr", anchors=read_anchors([expo.school_root])
    )
    pdf = print_pdf(files.html, tmp_path / "report.pdf")
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", data)
    assert boxes and all(
        abs(float(w) - 595.3) < 1.5 and abs(float(h) - 841.9) < 1.5 for w, h in boxes
    )
    assert len(boxes) >= 2  # a full report takes more than one A4 page
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")],
            check=True,
        )
        page = next(tmp_path.glob("p*.png"))
        assert ink_share(page) > 0.02


@pytest.fixture(scope="module")
def sheet(expo: Exhibition, tmp_path_factory: pytest.TempPathFactory):
    return make_cartels(
        sorted(expo.folder.glob("*.png")),
        tmp_path_factory.mktemp("sheet"),
        lang="fr",
        anchors=read_anchors([expo.school_root]),
        sheet=True,
        pdf=True,
    )


def test_cartel_sheet_renders(sheet, tmp_path: Path) -> None:
    dom = rendered(sheet.html)
    text = " ".join(dom.text)
    for expected in (
        "Marée basse",
        "Alice Martin",
        "Image générée avec SD-Turbo",
        "Vérifier ce fichier",
        "Image générée par IA",
    ):
        assert expected in text
    assert dom.tags.count("article") == len(sheet.cartels) == 4
    png = screenshot(sheet.html, tmp_path / "sheet.png", width=800, height=1000)
    assert ink_share(png) > 0.05
    assert sheet.pdf is not None and sheet.pdf.read_bytes().startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", sheet.pdf.read_bytes())
    assert len(boxes) == 1  # four labels fit on one A4 page


@pytest.mark.skipif(
    not (shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="decoding printed QR codes needs pdftoppm and zbarimg (poppler-utils, zbar-tools)",
)
def test_printed_qr_codes_decode(sheet, tmp_path: Path) -> None:
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", str(sheet.pdf), str(tmp_path / "sheet")], check=True
    )
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", *map(str, sorted(tmp_path.glob("sheet-*.png")))],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    for cartel in sheet.cartels:
        assert cartel["sha256"] in decoded
        if cartel["artwork_id"]:
            assert f"id={cartel['artwork_id']}" in decoded


def test_single_cartel_svg_renders(expo: Exhibition, tmp_path: Path) -> None:
    files = make_cartels([expo.composite.path], tmp_path, lang="en", anchors=())
    svg = files.svgs[0]
    png = screenshot(svg, tmp_path / "cartel.png", width=380, height=260)
    assert ink_share(png) > 0.03
    html_dom = rendered(files.html)
    assert "Croquis <i>repris</i>" in "".join(html_dom.text) and "i" not in html_dom.tags
    assert "reworked by hand" in " ".join(html_dom.text)


def test_summary_renders(expo: Exhibition, tmp_path: Path) -> None:
    files = make_summary(
        sorted(expo.folder.glob("*.png")),
        tmp_path,
        lang="en",
        anchors=read_anchors([expo.school_root]),
    )
    dom = rendered(files.html)
    text = " ".join(dom.text)
    for expected in (
        "Results per rule",
        "File verification",
        "Share of AI per stage",
        "Marée basse",
    ):
        assert expected in text
    assert dom.tags.count("a") >= 4  # a link to each report
