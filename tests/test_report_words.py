"""What a jury reads in a report: evidence in words, French typography, a neutral badge
for an informational rule, no model section for a work made without AI, and a
training/mining choice the artist never made said as "not chosen"."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from artcharter.base.typography import typeset, typeset_html
from artcharter.cli import run
from artcharter.reports.evidence_words import evidence_line

from conftest import make_image


@pytest.fixture
def project(tmp_path: Path, school_dir: Path) -> Path:
    root = tmp_path / "atelier"
    root.mkdir()
    shutil.copytree(school_dir, root / "keys")
    (root / "artcharter.toml").write_text(
        '[project]\nname = "Atelier"\nlang = "fr"\n\n[artist]\nname = "Alice Martin"\n',
        encoding="utf-8",
    )
    return root


def _report(project: Path, image: Path, lang: str = "fr") -> tuple[dict, str]:
    out = project / f"report-{image.stem}-{lang}"
    args = ["--project", str(project), "--lang", lang, "report", str(image), "-o", str(out)]
    assert run(args) == 0
    (page,) = out.glob("*.report.html")
    (twin,) = out.glob("*.report.json")
    return json.loads(twin.read_text(encoding="utf-8")), page.read_text(encoding="utf-8")


def _label(project: Path, name: str, source_type: str, *extra: str) -> Path:
    source = make_image(project / f"{name}-source.jpg", size=(120, 90))
    out = project / f"{name}.jpg"
    args = ["--project", str(project), "label", str(source), "-o", str(out)]
    assert run([*args, "--source-type", source_type, "--title", "Le « port »", *extra]) == 0
    return out


def _text(page: str) -> str:
    """The words of a page, as a reader sees them (no tags, scripts or styles)."""
    body = re.sub(r"<(script|style)\b.*?</\1>", "", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def test_a_photo_without_ai_has_no_model_section_and_training_not_chosen(project: Path) -> None:
    photo = _label(project, "photo", "digitalCapture")
    report, page = _report(project, photo)
    assert 'id="explanation"' not in page and 'id="generation"' not in page
    assert "Comment ce modèle fonctionne" not in page
    words = _text(page)
    assert "logiciel ou modèle" not in words and "logiciel qui a signé" in words
    assert report["provenance"]["training_mining_default"] is True
    assert "non choisi par l'artiste" in words and "refusés\u00a0»" in words

    # A choice the artist made reads as that choice, and a work made with AI is explained.
    chosen = _label(project, "chosen", "compositeWithTrainedAlgorithmicMedia",
                    "--training-mining", "notAllowed", "--tool", "Outil X")  # fmt: skip
    report, page = _report(project, chosen)
    assert report["provenance"]["training_mining_default"] is False
    assert report["provenance"]["training_mining_words"] == "refusés"
    assert 'id="explanation"' in page


def test_evidence_badges_and_typography_of_a_french_report(project: Path) -> None:
    work = _label(project, "collage", "compositeWithTrainedAlgorithmicMedia", "--tool", "Outil")
    report, page = _report(project, work)
    rows = report["charter"]["verdicts"]
    words = _text(page)
    # Evidence in words: no Python values, no machine keys.
    for raw in ("verdict: trusted", "audit_available", "True", "source_type:", "in_file:"):
        assert raw not in words, raw
    assert "verdict\u00a0: De confiance" in words
    # An informational rule has a neutral badge, whatever its result; never a red failure.
    for row in rows:
        if row["severity"] == "informational":
            assert row["badge"] == "info" and row["status_words"] != "non respectée"
    assert 's-info"' in page
    assert "Es256" not in words and "ECDSA P-256, SHA-256 (ES256)" in words
    # French spacing: a no-break space before : ; ! ? and inside « », even in the title.
    assert not re.search(r"[^\s\u00a0][ ][:;!?»]|« ", words)
    assert "Le «\u00a0port\u00a0»" in words


def test_evidence_line_in_both_languages() -> None:
    evidence = {
        "verdict": "trusted",
        "signer": "Alice Martin",
        "audit_available": True,
        "budget_kwh": 0.1,
        "images_kept": 2,
        "session": {"nested": "stays in the JSON"},
        "field": "statement",
    }
    assert evidence_line(evidence, "en") == (
        "verdict: Trusted; signer: Alice Martin; audit available: yes; budget: 100 Wh; images kept: 2"
    )
    french = evidence_line(evidence, "fr")
    assert french.startswith("verdict\u00a0: De confiance\u00a0; signataire\u00a0: Alice Martin")
    assert "statement" not in french and "nested" not in french


def test_typeset_is_french_only_and_leaves_code_alone() -> None:
    assert typeset("Titre : « Phare » ; vu ? oui !", "fr") == (
        "Titre\u00a0: «\u00a0Phare\u00a0»\u00a0; vu\u00a0? oui\u00a0!"
    )
    assert typeset("«Phare»", "fr") == "«\u00a0Phare\u00a0»"
    assert typeset("https://a.example/a?id=1", "fr") == "https://a.example/a?id=1"
    assert typeset("Title : x", "en") == "Title : x"
    page = '<p title="a : b">x : y</p><script>a ? b : c</script>'
    assert typeset_html(page, "fr") == '<p title="a : b">x\u00a0: y</p><script>a ? b : c</script>'


# Pieces of a page as the templates write it: tags (a mark in an attribute stays as it
# is), escaped texts (never a bare "<" or ">"), and code that is not French.
_TAGS = ["<p>", "</p>", '<p title="a : b «c»">', '<a href="x?y=1;z">', "<br>", "<!-- a : b -->"]
_CODE = ["<script>a ? b : c « d</script>", "<style>p { a : b; }</style>", "<SCRIPT>x ;</SCRIPT>"]
_TEXT = st.text(alphabet="ab :;!?«»\u202f\u00a0&#39", max_size=12)


def _typeset_html_by_parts(page: str) -> str:
    """The plain reading of the rule: the page cut into tags, code and texts, each text
    typeset alone (typeset_html finds the few texts that change without cutting)."""
    parts = re.split(
        r"(<script\b.*?</script>|<style\b.*?</style>|<[^>]*>)", page, flags=re.S | re.I
    )
    parts[::2] = [typeset(part, "fr") for part in parts[::2]]
    return "".join(parts)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_TAGS + _CODE), _TEXT), max_size=14))
def test_a_page_is_typeset_text_by_text(pieces: list[str]) -> None:
    page = "".join(pieces)
    assert typeset_html(page, "fr") == _typeset_html_by_parts(page)


def test_a_report_page_is_typeset_as_its_texts_are() -> None:
    page = '<h1>Œuvre d&#39;Alice</h1><p>titre : « Phare»</p><p class="a">ok</p>vu ?'
    assert typeset_html(page, "fr") == (
        "<h1>Œuvre d&#39;Alice</h1><p>titre\u00a0: «\u00a0Phare\u00a0»</p>"
        '<p class="a">ok</p>vu\u00a0?'
    )
    assert typeset_html("début : <b>x</b>", "fr") == "début\u00a0: <b>x</b>"


def test_energy_equivalents_read_in_units_that_suit_them() -> None:
    from artcharter.reports.energy_equivalents import readable

    assert (
        readable("car_km", 0.000044, "fr") == "4,4\u00a0cm en voiture neuve (CO₂ à l'échappement)"
    )
    assert readable("car_km", 0.3, "en") == "300\u00a0m in a new car (tailpipe CO₂)"
    assert readable("car_km", 12.0, "en").startswith("12\u00a0km")
    assert readable("phone_charges", 0.0041, "en") == "0.41\u00a0% of a smartphone charge"
    assert readable("phone_charges", 3.0, "fr") == "3,0\u00a0recharges de smartphone"
    assert readable("litres_boiled", 0.00098, "fr").startswith("0,98\u00a0ml d'eau")


def test_keys_show_and_list_say_dates_in_words(project: Path, capsys) -> None:
    assert run(["--project", str(project), "keys", "show", "Alice Martin"]) == 0
    shown = capsys.readouterr().out
    assert re.search(r"valide jusqu'au +\d{1,2}(er)? \w+ \d{4} à \d\d:\d\d UTC", shown), shown
    assert not re.search(r"\d{4}-\d\d-\d\d", shown)
    assert run(["--project", str(project), "--lang", "en", "keys", "list"]) == 0
    listed = capsys.readouterr().out
    assert re.search(r"until \d{1,2} [A-Z][a-z]+ \d{4}", listed) and "T00:" not in listed
