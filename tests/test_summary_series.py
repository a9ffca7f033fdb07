"""A series in the summary: a labelled folder of works is one row (count, first and last
works, verdicts across the series, links to its first and last reports), counted in every
total; a work outside the series keeps its own row; a file that claims the series but is
not vouched for by the school stays on its own row. The page in a real browser (headless
Chromium), in French and English."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from artcharter.cli import run
from artcharter.project import open_project
from artcharter.provenance.label_folder import folder_series_id
from tests.conftest import make_atelier, make_image

CHROMIUM = next(
    (
        p
        for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
        if p and Path(p).exists()
    ),
    None,
)
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
N = 6


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory, school_dir: Path) -> Path:
    root = make_atelier(tmp_path_factory.mktemp("studio"), school_dir)
    folder = root / "sketches"
    folder.mkdir()
    for i in range(N):
        make_image(folder / f"s{i}.png", size=(24, 16), color=(i * 30, 60, 90))
    with open_project(root) as project:
        project.label_folder(
            folder, root / "series", source_type="trainedAlgorithmicMedia", tool="Krea"
        )
        project.label(
            make_image(root / "alone.png"),
            root / "alone-signed.png",
            source_type="compositeWithTrainedAlgorithmicMedia",
            title="Seule",
        )
    return root


def summary_of(studio: Path, lang: str, out: Path) -> dict:
    argv = ["--lang", lang, "summary", "--ledger", "-o", str(out)]
    assert run(["--project", str(studio), *argv]) == 0
    return json.loads((out / "summary.json").read_text(encoding="utf-8"))


def test_a_series_is_one_row_counted_in_every_total(studio: Path, tmp_path: Path) -> None:
    summary = summary_of(studio, "en", tmp_path / "en")
    sid = folder_series_id(studio / "sketches", studio / "series")
    assert summary["artworks"] == N + 1
    assert [row["title"] for row in summary["rows"]] == ["Seule"]
    (series,) = summary["series"]
    assert series["series_id"] == sid and series["title"] == f"Series {sid}"
    assert (series["count"], series["size"], series["artist"]) == (N, N, "Alice Martin")
    assert (series["first"]["index"], series["last"]["index"]) == (1, N)
    assert series["verdicts"] == [{"verdict": "trusted", "title": "Trusted", "count": N}]
    assert sum(v["count"] for v in summary["verifications"]) == N + 1
    assert summary["series_text"] == f"of which {N} in 1 series, on one row"
    assert (tmp_path / "en" / series["first"]["report"]).is_file()


def test_a_file_not_vouched_for_stays_on_its_own_row(studio: Path, tmp_path: Path) -> None:
    """An outsider's copy of a series file, tampered: its record still names the series,
    but the school does not vouch for it; it must not hide inside the series' row."""
    signed = sorted((studio / "series").glob("*.png"))[0]
    data = bytearray(signed.read_bytes())
    data[-200] ^= 0xFF
    folder = tmp_path / "expo"
    folder.mkdir()
    for path in sorted((studio / "series").glob("*.png")):
        shutil.copy(path, folder / path.name)
    (folder / "altered.png").write_bytes(bytes(data))
    out = tmp_path / "out"
    argv = ["--project", str(studio), "summary", str(folder), "-o", str(out)]
    assert run(argv) == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    (series,) = summary["series"]
    assert series["count"] == N
    assert [row["file"] for row in summary["rows"]] == ["altered.png"]
    assert summary["rows"][0]["verdict"] != "trusted"


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not found (apt-get install chromium)")
@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_page_shows_the_series_as_one_row(studio: Path, tmp_path: Path, lang: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright not installed")
    summary = summary_of(studio, lang, tmp_path / lang)
    sid = summary["series"][0]["series_id"]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto((tmp_path / lang / "summary.html").as_uri())
        body = page.locator("#artworks tbody tr")
        assert body.count() == 2  # the lone work and the series: not N + 1 rows
        row = page.locator(f"tr.series-row#series-{sid}")
        assert row.is_visible()
        words = row.inner_text()
        expected = {
            "fr": (f"Série {sid}", f"{N} œuvres sur {N} dans cette synthèse", "De confiance"),
            "en": (f"Series {sid}", f"{N} of its {N} works in this summary", "Trusted"),
        }[lang]
        for text in expected:
            assert text in words, (text, words)
        assert f"{N}" in row.locator("td").nth(1).inner_text()
        # The first work's report opens from the series' row.
        row.locator("a").first.click()
        assert page.url.endswith(summary["series"][0]["first"]["report"])
        page.go_back()
        page.screenshot(path=str(tmp_path / f"summary-{lang}.png"), full_page=True)
        counted = page.locator("#series-count").inner_text()
        assert counted.startswith(f"{N + 1} ")
        browser.close()


def test_another_student_claiming_the_series_is_not_counted_in_it(
    studio: Path, tmp_path: Path
) -> None:
    """A student with a valid key of the same school writes Alice's series id into his own
    record: his work is trusted, but the series row is Alice's, by the artist her
    certificate names, and his work is never counted in it nor shown under her name."""
    from artcharter.provenance import keys
    from artcharter.provenance.label import label
    from artcharter.provenance.record import SeriesPlace
    from artcharter.provenance.signing import load_artist_identity

    keys_dir = tmp_path / "keys"
    shutil.copytree(studio / "keys", keys_dir)
    keys.issue_artist(keys_dir, "Bob Durand", "bob@example.org")
    bob = load_artist_identity(keys_dir, "Bob Durand")
    folder = tmp_path / "expo"
    shutil.copytree(studio / "series", folder)
    series_id = folder_series_id(studio / "sketches", studio / "series")
    label(
        make_image(tmp_path / "bob.png", color=(10, 200, 10)),
        folder / "bob-signed.png",
        identity=bob,
        source_type="trainedAlgorithmicMedia",
        series=SeriesPlace(series_id, 1, N),
    )
    out = tmp_path / "out"
    assert run(["--project", str(studio), "summary", str(folder), "-o", str(out)]) == 0
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    alice = [s for s in summary["series"] if s["artist"] == "Alice Martin"]
    assert [(s["series_id"], s["count"]) for s in alice] == [(series_id, N)]
    assert all(s["first"]["file"] != "bob-signed.png" for s in alice)
    # Bob's claim names Alice's series, but only under his own, certified name.
    others = [s for s in summary["series"] if s["artist"] != "Alice Martin"]
    assert [(s["artist"], s["count"]) for s in others] == [("Bob Durand", 1)]
