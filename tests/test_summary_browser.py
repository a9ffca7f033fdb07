"""The class summary in a real browser (Debian's headless Chromium driven by Playwright,
as tests/test_serve_browser.py does): each count badge has the colour of its meaning, and
every number sits under its own header, at a desktop's width and at a phone's.

Skipped, with the reason, when Chromium or Playwright's Python package is missing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from report_samples import Exhibition

from artcharter.provenance.ledger import Ledger
from artcharter.provenance.verify import read_anchors
from artcharter.reports.summary import make_summary

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
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def rgb(hex_colour: str) -> str:
    """``#1e6b3a`` as the browser's computed style writes it."""
    red, green, blue = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


# report.css: --ok / --ok-bg, --bad / --bad-bg, --na / --na-bg.
GREEN, GREEN_BG = rgb("#1e6b3a"), rgb("#e3f1e7")
RED, RED_BG = rgb("#9b1c1c"), rgb("#fbe3e1")
NEUTRAL, NEUTRAL_BG = rgb("#555555"), rgb("#ecebe8")

BADGES = """() => [...document.querySelectorAll('header .status')].map((el) => {
  const style = getComputedStyle(el);
  return {text: el.textContent, color: style.color, background: style.backgroundColor};
})"""

# For each table of counts: every number cell's centre and its column header's centre,
# and whether a header's text runs out of its cell.
COLUMNS = """() => [...document.querySelectorAll('table.counts')].filter((t) => t.tHead).map((table) => {
  const heads = [...table.tHead.rows[0].cells];
  // The centre of the text itself (a cell's box is always under its header's).
  const centre = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = range.getBoundingClientRect();
    return r.left + r.width / 2;
  };
  const cells = [];
  for (const row of table.tBodies[0].rows) {
    [...row.cells].forEach((cell, i) => {
      if (cell.classList.contains('n')) cells.push({col: i, x: centre(cell), head: centre(heads[i])});
    });
  }
  const overflowing = heads.filter((h) => h.scrollWidth > h.clientWidth + 1).map((h) => h.textContent);
  const rights = heads.map((h) => h.getBoundingClientRect().right);
  return {table: table.closest('section').id, cells, overflowing, rights};
})"""


# How many lines each energy figure of the artworks' table takes ("11,8 mWh": one).
ENERGY_LINES = """() => [...document.querySelectorAll('#artworks td.energy')]
  .filter((td) => td.textContent.trim() !== '–').map((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    return range.getClientRects().length;
  })"""


@pytest.fixture(scope="module")
def expo(tmp_path_factory: pytest.TempPathFactory) -> Exhibition:
    return Exhibition(tmp_path_factory.mktemp("expo-browser"))


def _summary(expo: Exhibition, files: list[Path], out: Path) -> tuple[Path, dict]:
    with Ledger(expo.root / "artcharter.db") as ledger:
        made = make_summary(
            files, out, lang="fr", anchors=read_anchors([expo.school_root]), ledger=ledger
        )
    return made.html, made.summary


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.mark.parametrize("width", [1200, 420])
def test_badges_say_their_meaning_and_numbers_sit_under_their_headers(
    browser, expo: Exhibition, tmp_path: Path, width: int
) -> None:
    works = sorted(expo.folder.glob("*.png"))
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        for name, files in (("all", works), ("one", works[:1])):
            html, summary = _summary(expo, files, tmp_path / name)
            page.goto(html.as_uri())
            passed, failed = page.evaluate(BADGES)
            assert passed["text"] == summary["charter"]["passed_text"]
            # "0 œuvre sur 5 respecte la charte" is not good news: neutral, never green.
            if summary["charter"]["passed"]:
                assert (passed["color"], passed["background"]) == (GREEN, GREEN_BG)
            else:
                assert (passed["color"], passed["background"]) == (NEUTRAL, NEUTRAL_BG)
            if summary["charter"]["failed"]:
                assert (failed["color"], failed["background"]) == (RED, RED_BG)
            else:
                assert (failed["color"], failed["background"]) == (NEUTRAL, NEUTRAL_BG)

            tables = page.evaluate(COLUMNS)
            assert {t["table"] for t in tables} == {"rules", "ai-use"}
            for table in tables:
                assert table["cells"], table["table"]
                for cell in table["cells"]:
                    assert abs(cell["x"] - cell["head"]) <= 2, (width, table["table"], cell)
                assert table["overflowing"] == [], (width, table["table"])
                assert table["rights"] == sorted(table["rights"])  # columns in order
            # The first column is the artworks' titles: no column of missing images.
            heads = page.locator("#artworks thead th").all_inner_texts()
            assert heads[0].casefold() == "œuvre" and "image" not in [h.casefold() for h in heads]
            lines = page.evaluate(ENERGY_LINES)
            assert lines and set(lines) == {1}, (width, lines)
            assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert any(  # at least one case of each colour was seen
            _summary(expo, files, tmp_path / f"check-{i}")[1]["charter"]["passed"] == 0
            for i, files in enumerate((works, works[:1]))
        )
    finally:
        page.close()


@pytest.mark.parametrize("width", [1200, 420])
def test_a_report_page_never_scrolls_sideways(
    browser, expo: Exhibition, tmp_path: Path, width: int
) -> None:
    """A long text drawn as a badge (the energy figure that is mostly a constant estimate,
    "3 règles n'ont pas pu être vérifiées ici, dont…") wraps: they ran up to 536 px past a
    1200 px window."""
    import dataclasses

    from report_samples import generated_record, image_bytes

    from artcharter.provenance.label import sign_record
    from artcharter.reports.report import make_report

    # A CPU run whose RAM figure, codecarbon's constant power model, is most of the total.
    record = generated_record(expo.identity, kwh=0.0001)
    assert record.energy is not None
    energy = dataclasses.replace(
        record.energy, kwh_cpu=0.00003, kwh_gpu=None, kwh_ram=0.00007,
        methods={"cpu": "TDP", "ram": "RAM power model"},
    )  # fmt: skip
    work = tmp_path / "ram.png"
    sign_record(
        image_bytes((96, 64), (40, 90, 160)),
        dataclasses.replace(record, energy=energy),
        work,
        expo.identity,
        [],
        ledger=None,
        status="signed",
    )
    files = make_report(work, tmp_path, lang="fr", anchors=read_anchors([expo.school_root]))
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(files.html.as_uri())
    assert page.locator("#energy-dominated").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()
