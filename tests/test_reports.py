"""The per-artwork report: energy equivalents, explanations, the report dict (pure), the
HTML page (escaping, self-contained) and its JSON twin, and `artcharter report`."""

from __future__ import annotations

import json
import re
from html import escape, unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from report_samples import DECLARATION, HOSTILE_PROMPT, Exhibition, generated_record

from artcharter.base.numbers import (
    ENERGY_METHODS,
    fmt_energy,
    fmt_energy_method,
    fmt_number,
    fmt_size,
)
from artcharter.base.typography import de, punct
from artcharter.charter.check import check_verification
from artcharter.cli import run
from artcharter.provenance import verdicts
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.record import ArtworkRecord
from artcharter.provenance.verify import Verification, read_anchors, verify_file
from artcharter.reports import energy_equivalents, explanations
from artcharter.reports.artwork_report import ReportFacts, build_report, declaration_section
from artcharter.reports.facts import gather_facts
from artcharter.reports.i18n import t
from artcharter.reports.report import make_report
from artcharter.reports.report import render_facts as render_page


@pytest.fixture(scope="session")
def expo(tmp_path_factory: pytest.TempPathFactory) -> Exhibition:
    return Exhibition(tmp_path_factory.mktemp("expo-reports"))


@pytest.fixture(scope="session")
def anchors(expo: Exhibition) -> tuple[str, ...]:
    return read_anchors([expo.school_root])


class Elements(HTMLParser):
    """The tags of a page and its text, as a browser's parser sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def render_facts(facts: ReportFacts, lang: str) -> tuple[dict, str]:
    report, page = render_page(facts, lang)
    return report, page.decode("utf-8")


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    return parser


# --- energy equivalents and numbers ----------------------------------------------------------


def test_equivalents_follow_their_factors() -> None:
    items = {e["key"]: e for e in energy_equivalents.equivalents(0.093, 0.1068, "en")}
    assert items["litres_boiled"]["amount"] == pytest.approx(1.0)
    assert items["phone_charges"]["amount"] == pytest.approx(0.093 / 0.022)
    assert items["car_km"]["amount"] == pytest.approx(1.0)  # 106.8 g at 106.8 g/km
    for item in items.values():
        assert item["source"] and item["url"].startswith("https://") and item["factor"]
        assert item["where"] and item["scope"]


def test_co2_from_grid_intensity_when_not_measured() -> None:
    items = {
        e["key"]: e
        for e in energy_equivalents.equivalents(2.0, None, "fr", intensity_g_per_kwh=53.5)
    }
    assert items["car_km"]["amount"] == pytest.approx(2.0 * 53.5 / 106.8)
    assert "km" in items["car_km"]["text"] and "," in items["car_km"]["text"]
    assert [e["key"] for e in energy_equivalents.equivalents(2.0, None, "en")] == [
        "phone_charges",
        "litres_boiled",
    ]
    assert energy_equivalents.equivalents(None, None, "en") == []


def test_published_reference_points() -> None:
    refs = {r["key"]: r for r in energy_equivalents.references(0.00135, "en")}
    median = refs["image_generation_median"]
    assert median["kwh_per_image"] == pytest.approx(1.35 / 1000)
    assert median["ratio"] == pytest.approx(1.0)
    assert "Luccioni" in median["source"] and "median" in median["text"]
    assert "Stable Diffusion" not in median["text"]
    worst = refs["image_generation_least_efficient"]
    assert worst["kwh_per_1000_images"] == pytest.approx(11.49)
    assert "11.49" in worst["text"] and "least efficient" in worst["text"]
    french = energy_equivalents.references(None, "fr")[1]["text"]
    assert "11,49" in french


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        (1234.5, "fr", "1\u202f234"),
        (1234.5, "en", "1,234"),
        (0.000123, "fr", "0,00012"),
        (0.5, "en", "0.50"),
    ],
)
def test_numbers_in_each_language(value: float, lang: str, expected: str) -> None:
    assert fmt_number(value, lang) == expected


def test_device_and_settings_in_each_language() -> None:
    from artcharter.base.numbers import fmt_decimal, fmt_device

    assert fmt_device("AMD EPYC 7R13 (2 threads)", "fr") == "AMD EPYC 7R13 (2 fils d'exécution)"
    assert fmt_device("AMD EPYC 7R13 (1 threads)", "fr") == "AMD EPYC 7R13 (1 fil d'exécution)"
    assert fmt_device("AMD EPYC 7R13 (2 threads)", "en") == "AMD EPYC 7R13 (2 threads)"
    assert fmt_device("NVIDIA H100 80GB HBM3", "fr") == "NVIDIA H100 80GB HBM3"
    assert fmt_device(None, "fr") == ""
    assert (fmt_decimal(7.5, "fr"), fmt_decimal(7.5, "en")) == ("7,5", "7.5")
    assert (fmt_decimal(5.0, "fr"), fmt_decimal(0.0, "en")) == ("5", "0")


def test_energy_units_stay_readable() -> None:
    assert fmt_energy(2.5, "en") == "2.50 kWh"
    assert fmt_energy(0.0021, "fr") == "2,10 Wh"
    assert fmt_energy(0.00004, "en") == "40.0 mWh"


@pytest.mark.parametrize(
    ("size", "fr", "en"),
    [
        (0, "0 o", "0 B"),
        (512, "512 o", "512 B"),
        (2048, "2 ko", "2 KB"),
        (99_392, "97,1 ko", "97.1 KB"),
        (25 * 1024**2, "25 Mo", "25 MB"),
        (3 * 1024**3 // 2, "1,5 Go", "1.5 GB"),
    ],
)
def test_file_sizes_in_each_language(size: int, fr: str, en: str) -> None:
    assert (fmt_size(size, "fr"), fmt_size(size, "en")) == (fr, en)


def test_french_punctuation_and_elision() -> None:
    assert punct(":", "fr") == "\u00a0: " and punct(";", "fr") == "\u00a0; "
    assert punct(":", "en") == ": " and punct(";", "en") == "; "
    assert de("Artiste Démo") == "d'Artiste Démo" and de("Élise") == "d'Élise"
    assert de("Hélène") == "d'Hélène" and de("Yves") == "d'Yves"
    assert de("Marie") == "de Marie" and de("ESAD") == "d'ESAD" and de("?") == "de ?"


def test_energy_methods_in_words() -> None:
    assert ENERGY_METHODS["fr"].keys() == ENERGY_METHODS["en"].keys()
    assert fmt_energy_method("TDP estimate", "fr").startswith("estimation")
    assert fmt_energy_method("RAPL", "en") == "CPU energy counters (RAPL)"
    assert fmt_energy_method("Future meter", "fr") == "Future meter"  # unknown ids as they are
    assert fmt_energy_method(None, "en") == ""


# --- explanations ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "family", "kind"),
    [
        ("runwayml/stable-diffusion-v1-5", "sd1", "open-weights"),
        ("CompVis/stable-diffusion-v1-4", "sd1", "open-weights"),
        ("stabilityai/stable-diffusion-2-1", "sd2", "open-weights"),
        ("stabilityai/sd-turbo", "sd-turbo", "open-weights"),
        ("stabilityai/sdxl-turbo", "sd-turbo", "open-weights"),
        ("stabilityai/stable-diffusion-xl-base-1.0", "sdxl", "open-weights"),
        ("stabilityai/stable-diffusion-3.5-medium", "sd3", "open-weights"),
        ("black-forest-labs/FLUX.1-schnell", "flux", "open-weights"),
        ("Midjourney v6.1", "midjourney", "proprietary"),
        ("Adobe Firefly Image 3", "firefly", "proprietary"),
        ("DALL-E 3", "dalle", "proprietary"),
        ("someone/my-finetune", "unknown", "unknown"),
    ],
)
def test_model_families(name: str, family: str, kind: str) -> None:
    found = explanations.family_of(name)
    assert (found.key, found.kind) == (family, kind)
    for lang in ("fr", "en"):
        text = explanations.explain(lang, model_id=name)
        assert text["training"] and text["licence"] and len(text["how"]) >= 3
    assert (
        explanations.explain("fr", model_id=name)["training"]
        != (explanations.explain("en", model_id=name)["training"])
    )


def test_licences_named_for_open_models() -> None:
    assert (
        "OpenRAIL-M"
        in explanations.explain("en", model_id="runwayml/stable-diffusion-v1-5")["licence"]
    )
    assert (
        "LAION-5B"
        in explanations.explain("fr", model_id="stabilityai/stable-diffusion-2-1")["training"]
    )
    assert (
        "Apache 2.0"
        in explanations.explain("en", model_id="black-forest-labs/FLUX.1-schnell")["licence"]
    )


def test_demo_flag_wins_and_says_it_means_nothing() -> None:
    text = explanations.explain("en", model_id="stabilityai/sd-turbo", is_demo=True)
    assert text["family"] == "demo" and "random weights" in text["training"]
    assert "poids aléatoires" in explanations.model_in_words("fr", model_id="x", is_demo=True)


def test_proprietary_and_flow_models_say_so() -> None:
    how = explanations.explain("en", tool="Midjourney v6")["how"]
    assert any("has not published" in p for p in how)
    assert any("flow matching" in p for p in explanations.explain("en", model_id="flux-dev")["how"])


def test_no_ai_needs_no_model_explanation() -> None:
    text = explanations.explain("fr", uses_ai=False)
    assert "aucun modèle génératif" in text["training"] and text["licence"] is None


# --- the report dict (pure) ------------------------------------------------------------------


def crafted_facts(record: ArtworkRecord, verdict: str = verdicts.TRUSTED) -> ReportFacts:
    """Facts of a file that never existed: the pure builder needs none."""
    verification = Verification(
        path="/nowhere/art.png",
        verdict=verdict,
        sha256="ab" * 32,
        validation_state="Trusted",
        signer={"name": "Alice Martin", "organisation": "ESAD Exemple"},
        disclosure={
            "source_types": [record.source_type],
            "software_agents": ["x"],
            "actions": ["c2pa.created"],
        },
        record=record.to_dict(),
    )
    check = check_verification(verification, lang="en")
    return ReportFacts(
        path=verification.path,
        verification=verification,
        record=check.record,
        origin=check.evidence.origin,
        check=check,
        session={
            "source": "ledger",
            "session_id": "s1",
            "generations": [
                {"artwork_id": "a", "status": "signed", "energy_status": "measured", "kwh": 0.002},
                {
                    "artwork_id": "b",
                    "status": "discarded",
                    "energy_status": "measured",
                    "kwh": 0.003,
                },
            ],
            "loading_kwh": 0.001,
            "measured_kwh": 0.005,
        },
    )


def test_report_dict_from_crafted_facts(alice) -> None:
    record = generated_record(alice, declaration=DECLARATION, kwh=0.093)
    facts = crafted_facts(record)
    report = build_report(facts, "fr", generated_at="2026-11-22T10:00:00+00:00", version="9")
    assert report["artwork"]["title"] == "Marée basse"
    assert report["artwork"]["ai_share"] == "generated"
    assert report["verification"]["title"] == verdicts.title("trusted", "fr")
    assert report["explanation"]["family"] == "sd-turbo"
    energy = report["energy"]
    assert energy["kwh"] == 0.093
    assert {e["key"]: e["amount"] for e in energy["equivalents"]}["litres_boiled"] == (
        pytest.approx(1.0)
    )
    assert energy["session"]["images"] == 2 and energy["session"]["discarded"] == 1
    assert energy["session"]["kwh"] == pytest.approx(0.006)  # loading included
    generation = {row["key"]: row["value"] for row in report["generation"]["rows"]}
    assert generation["seed"] == 1234 and generation["steps"] == 4
    # Every rule the check evaluated is in the report, with its status and words.
    statuses = {v.rule_id: v.status for v in facts.check.verdicts}
    assert {r["rule_id"]: r["status"] for r in report["charter"]["verdicts"]} == statuses
    assert report["charter"]["passed"] == facts.check.passed
    assert sum(report["charter"]["counts"].values()) == len(statuses)
    assert report["declaration"]["techniques"][0]["name"] == "gouache"
    stages = {s["stage"]: s["level_words"] for s in report["declaration"]["stages"]}
    assert stages["post-production"] == "aucune"
    json.dumps(report)  # the JSON twin is plain data


def test_private_prompt_is_never_in_the_report(alice) -> None:
    record = generated_record(alice, prompt="a secret idea", private_prompt=True)
    report = build_report(
        crafted_facts(record), "en", generated_at="2026-11-22T10:00:00+00:00", version="9"
    )
    assert report["prompt"]["text"] is None and report["prompt"]["private"]
    assert report["prompt"]["sha256"] is None  # a plain hash would let anyone test a guess
    assert report["prompt"]["hmac"] == record.prompt_hmac
    assert "a secret idea" not in json.dumps(report)


@pytest.mark.parametrize("scope", ["generation", "model-load", "generation-aborted", "probe"])
def test_generation_and_energy_facts_in_the_page_language(alice, scope: str) -> None:
    from dataclasses import replace

    record = generated_record(alice)
    record = replace(
        record,
        generation=replace(record.generation, guidance=7.5, device_name="AMD EPYC (2 threads)"),
        energy=replace(record.energy, scope=scope),
    )
    pages = {lang: render_facts(crafted_facts(record), lang) for lang in ("fr", "en")}
    rows = {
        lang: {row["key"]: row["value"] for row in report["generation"]["rows"]}
        for lang, (report, _) in pages.items()
    }
    assert rows["fr"]["guidance"] == "7,5" and rows["en"]["guidance"] == "7.5"
    assert rows["fr"]["device"] == "cpu AMD EPYC (2 fils d'exécution)"
    assert rows["en"]["device"] == "cpu AMD EPYC (2 threads)"
    for lang, (report, html) in pages.items():
        assert report["energy"]["scope"] == scope  # data in the twin, words in the page
        words = t(f"scope_{scope}", lang)
        assert f"<dd>{words}</dd>" in unescape(html) and f"<dd>{scope}</dd>" not in html
    assert "threads" not in pages["fr"][1]


def test_unknown_energy_and_no_charter(alice) -> None:
    record = generated_record(alice, kwh=None)
    facts = crafted_facts(record)
    facts.check = None
    facts.check_error = "charter file missing"
    report = build_report(facts, "en", generated_at="2026-11-22T10:00:00+00:00", version="9")
    assert report["energy"]["status"] == "unknown"
    assert report["energy"]["reason"] == "codecarbon is not installed"
    assert report["charter"]["available"] is False
    _, html = render_facts(facts, "en")
    assert "Energy not measured" in html and "charter file missing" in html


@pytest.mark.parametrize(("lang", "expected"), [("fr", "2,90 Wh"), ("en", "2.90 Wh")])
def test_one_energy_reads_the_same_in_the_charter_reasons_and_the_energy_section(
    alice, lang: str, expected: str
) -> None:
    """One formatter for both: the charter once wrote "0.0029 kWh" where the energy section
    of the same page wrote "2.90 Wh"."""
    record = generated_record(alice, kwh=0.0029)
    report, html = render_facts(crafted_facts(record), lang)
    shown = report["energy"]["kwh_text"]
    assert shown == expected
    budget = next(v for v in report["charter"]["verdicts"] if v["rule_id"] == "energy-budget")
    assert budget["evidence"]["total_kwh"] == record.energy.kwh_total  # the same value
    assert budget["reason"].startswith(f"{shown} ")
    page = unescape(html)
    assert budget["reason"] in page
    assert f'<p class="big" id="energy-total">{shown} · ' in page


def test_declaration_section_reads_the_declaration_schema() -> None:
    section = declaration_section(
        Declaration.from_dict(
            {
                **DECLARATION,
                "tools": [
                    {
                        "name": "Midjourney",
                        "version": "6.1",
                        "date": "2026-03-14",
                        "prompts": ["a <b>bold</b> fox"],
                        "energy_kwh": 0.01,
                        "stage": "rendering",
                    }
                ],
                "human_inputs": [{"file": "sketch.jpg", "role": "sketch"}],
            }
        ),
        "en",
    )
    assert section["tools"][0]["prompts"] == ["a <b>bold</b> fox"]
    assert section["tools"][0]["stage_words"] == "rendering"
    assert section["human_inputs"][0]["file"] == "sketch.jpg"
    assert declaration_section(None, "en") == {"present": False}


# --- files: the page, its twin, and the command --------------------------------------------


def test_report_of_a_signed_artwork(expo: Exhibition, anchors, tmp_path: Path) -> None:
    with Ledger(expo.root / "artcharter.db") as ledger:
        files = make_report(
            expo.generated.path, tmp_path, lang="en", anchors=anchors, ledger=ledger
        )
    html = files.html.read_text(encoding="utf-8")
    twin = json.loads(files.json.read_text(encoding="utf-8"))
    assert twin == json.loads(json.dumps(files.report))
    assert twin["verification"]["verdict"] == "trusted"
    assert twin["artwork"]["sha256"] == expo.generated.sha256
    assert f"({fmt_size(expo.generated.path.stat().st_size, 'en')})" in html  # "(97.1 KB)"
    # The whole session, the discarded image included, comes from the ledger.
    assert twin["energy"]["session"]["images"] == 2
    assert twin["energy"]["session"]["discarded"] == 1
    # Self-contained: the image and the thumbnail are inlined, nothing is fetched.
    assert html.count("data:image/png;base64,") >= 1 and "data:image/jpeg;base64," in html
    assert not re.search(
        r"""(src|href)=["']?(https?:)?//[^"']*\.(css|js|png|jpe?g|svg|woff2?)""", html
    )
    assert "<link" not in html and "@import" not in html and "url(http" not in html
    assert "@page" in html and "A4" in html
    assert not list(tmp_path.glob(".*.tmp"))  # written atomically, nothing left behind


def test_hostile_prompt_and_title_are_text(expo: Exhibition, anchors, tmp_path: Path) -> None:
    facts = gather_facts(expo.composite.path, anchors=anchors)
    report, html = render_facts(facts, "en")
    page = parse(html)
    assert page.tags.count("script") == 0  # the prompt's <script> is not an element
    assert "i" not in page.tags  # the title's <i> is not an element either
    text = "".join(page.text)
    assert HOSTILE_PROMPT in text  # ...but both read exactly as written
    assert "Croquis <i>repris</i>" in text
    assert "&lt;script&gt;" in html and "&#34;portrait&#34;" in html
    # A labelled copy of a generated image shows the generation behind it.
    assert report["generation"]["recorded"] and report["artwork"]["model_id"]
    assert report["provenance"]["ingredients"][0]["role"] == "sketch"


def test_demo_model_is_labelled(expo: Exhibition, anchors) -> None:
    report, html = render_facts(gather_facts(expo.demo.path, anchors=anchors), "fr")
    assert report["artwork"]["is_demo"] and report["explanation"]["family"] == "demo"
    assert 'id="demo-banner"' in html and "poids aléatoires" in html


def test_tampered_file_is_said_unreliable(expo: Exhibition, anchors, tmp_path: Path) -> None:
    data = bytearray(expo.generated.path.read_bytes())
    data[-30] ^= 0xFF  # inside the image data, after the manifest
    bad = tmp_path / "bad.png"
    bad.write_bytes(bytes(data))
    verdict = verify_file(bad, anchors).verdict
    report, html = render_facts(gather_facts(bad, anchors=anchors), "en")
    assert report["verification"]["verdict"] == verdict != "trusted"
    assert not report["verification"]["intact"]
    assert "cannot be relied on" in html
    # The thumbnail signed in the credentials shows what the file looked like when signed.
    assert report["artwork"]["thumbnail_source"] == "credentials"
    assert "What was signed" in html


def test_unsigned_image_gets_a_plain_report(expo: Exhibition, anchors) -> None:
    report, html = render_facts(gather_facts(expo.unsigned, anchors=anchors), "en")
    assert report["verification"]["verdict"] == "no-credential"
    assert report["artwork"]["ai_share"] == "unknown"
    assert report["artwork"]["thumbnail_source"] == "pixels"  # made from the image itself
    assert report["charter"]["passed"] is False
    assert "No Content Credentials" in html


def test_report_command(expo: Exhibition, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    code = run(
        [
            "--project",
            str(expo.root),
            "report",
            str(expo.generated.path),
            "-o",
            str(out),
            "--lang",
            "fr",
        ]
    )
    assert code == 0
    assert "rapport" in capsys.readouterr().out
    html = (out / "maree.report.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in html and "Vérification" in html and "Énergie" in html
    # The file's size in octets, as French writes it.
    size = fmt_size(expo.generated.path.stat().st_size, "fr")
    assert re.search(r"\d ko$", size) and f"({size})" in html and " B)" not in html
    twin = json.loads((out / "maree.report.json").read_text(encoding="utf-8"))
    assert twin["lang"] == "fr" and twin["verification"]["verdict"] == "trusted"
    # The method is data in the twin and words in the page, in the page's language.
    method = twin["energy"]["method"]
    assert method in ENERGY_METHODS["fr"]
    assert escape(fmt_energy_method(method, "fr")) in html
    assert escape(fmt_energy_method(method, "en")) not in html


def test_report_command_json_in_english(expo: Exhibition, tmp_path: Path, capsys) -> None:
    code = run(
        [
            "--project",
            str(expo.root),
            "--lang",
            "en",
            "report",
            str(expo.demo.path),
            "-o",
            str(tmp_path),
            "--json",
            "--no-ledger",
        ]
    )
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["lang"] == "en" and printed["artwork"]["is_demo"]
    assert printed["energy"]["session"] is None  # --no-ledger: the file alone


@pytest.mark.parametrize("bad", ["missing.png", "notes.txt", "folder"])
def test_report_command_bad_input(expo: Exhibition, tmp_path: Path, capsys, bad: str) -> None:
    (tmp_path / "notes.txt").write_text("not an image")
    (tmp_path / "folder").mkdir()
    code = run(
        ["--project", str(expo.root), "report", str(tmp_path / bad), "-o", str(tmp_path / "o")]
    )
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_model_campaign_is_named(expo: Exhibition, anchors, tmp_path: Path) -> None:
    from artcharter.provenance.campaign import STATUS_COMPLETE, ensure_tables

    with Ledger(expo.root / "artcharter.db") as ledger:
        before, _ = render_facts(
            gather_facts(expo.generated.path, anchors=anchors, ledger=ledger), "en"
        )
        assert before["probe"]["campaign"] is None
        ensure_tables(ledger)
        with ledger.transaction():
            ledger.db["probe_campaigns"].insert(
                {
                    "campaign_id": "c-test-1",
                    "model_id": "stabilityai/sd-turbo",
                    "clip_model": "ViT-B-32 laion2b_s34b_b79k",
                    "created_at": "2026-10-01T09:00:00+00:00",
                    "updated_at": "2026-10-01T09:00:00+00:00",
                    "status": STATUS_COMPLETE,
                }
            )
        try:
            report, html = render_facts(
                gather_facts(expo.generated.path, anchors=anchors, ledger=ledger), "fr"
            )
        finally:
            with ledger.transaction():
                ledger.db["probe_campaigns"].delete("c-test-1")
    campaign = report["probe"]["campaign"]
    assert campaign["campaign_id"] == "c-test-1" and campaign["sentences"] == []
    assert "c-test-1" in html and "1er octobre 2026" in html and 'id="no-campaign"' not in html


def test_texts_with_values_escape_the_values(alice) -> None:
    declaration = {
        **DECLARATION,
        "tools": [
            {"name": "<b>Evil</b> & co", "prompts": ['<img src=x onerror="1">'], "energy_kwh": 0.02}
        ],
    }
    record = generated_record(alice, declaration=declaration)
    _, html = render_facts(crafted_facts(record), "en")
    page = parse(html)
    assert "b" not in page.tags and page.tags.count("img") == 0  # no picture in crafted facts
    text = "".join(page.text)
    assert "<b>Evil</b> & co" in text and '<img src=x onerror="1">' in text
    assert "Energy declared by the artist for external tools (<b>Evil</b> & co): 20.0 Wh." in text


def test_report_shows_the_models_campaign_with_its_chart(tmp_path: Path) -> None:
    """A real, complete probe campaign (demo CLIP probe on a folder of images, recorded
    for the artwork's model): the report gives its sentences and inlines its chart."""
    from report_samples import image_bytes

    from artcharter.audits.bias.clip_probe import Probe, load_clip
    from artcharter.audits.bias.probe_classes import load_probe_classes
    from artcharter.provenance import campaign as camp

    expo = Exhibition(tmp_path / "project")
    folder = tmp_path / "probe-images" / "a nurse"
    folder.mkdir(parents=True)
    for i in range(3):
        (folder / f"{i}.png").write_bytes(image_bytes((64, 64), (40 * i, 90, 160)))
    probe = Probe(
        load_clip("demo", device="cpu", cache_dir=tmp_path / "cache"),
        load_probe_classes().select(),
    )
    with Ledger(expo.root / "artcharter.db") as ledger:
        settings = camp.CampaignSettings(
            camp.folder_prompt_set(folder.parent), images_dir=folder.parent, resamples=20
        )
        result = camp.run_campaign(
            ledger,
            settings,
            probe,
            model_spec="stabilityai/sd-turbo",
            model_id="stabilityai/sd-turbo",  # the model of the exhibition's generations
            default_output=lambda cid: tmp_path / cid,
        )
        facts = gather_facts(
            expo.generated.path, anchors=read_anchors([expo.school_root]), ledger=ledger, lang="fr"
        )
    report, html = render_facts(facts, "fr")
    campaign = report["probe"]["campaign"]
    assert campaign["campaign_id"] == result.campaign_id and campaign["has_chart"]
    assert campaign["sentences"] and all("a nurse" in s for s in campaign["sentences"])
    assert any("perçu" in s for s in campaign["sentences"])  # in the report's language
    assert any("aléatoires" in n for n in campaign["notices"])  # the demo probe says so
    assert "data:image/svg+xml;base64," in html  # the chart, as a picture (never markup)
    assert "<svg" not in html.split('id="probe"')[1].split("</section>")[0]
    _, english = render_facts(facts, "en")
    assert "perceived" in english


def test_report_batches_stop_at_their_count_and_their_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker holds the bytes of its batch's images until their pages are written: a
    batch stops at BATCH files or BATCH_BYTES of files, and a larger file goes alone."""
    from artcharter.reports import report

    monkeypatch.setattr(report, "BATCH_BYTES", 100)
    sizes = [10, 10, 10, 60, 30, 150, 5, 5, 5]
    items = []
    for i, size in enumerate(sizes):
        path = tmp_path / f"f{i}.png"
        path.write_bytes(b"x" * size)
        items.append((path, path.stem))
    items.append((tmp_path / "missing.png", "missing"))
    batches = report._batches(items, 3)
    assert [[name for _, name in b] for b in batches] == [
        ["f0", "f1", "f2"],
        ["f3", "f4"],
        ["f5"],
        ["f6", "f7", "f8"],
        ["missing"],
    ]


def test_only_the_page_s_own_placeholders_are_replaced_by_pictures() -> None:
    from artcharter.reports.render import Inliner

    inliner = Inliner()
    mine = inliner.add(b"\x89PNG", "image/png")
    other = f"inline-{'0' * 32}-0"  # what a title could hold to imitate one
    chunks = inliner.chunks(f'<img src="{mine}"><p>{other} {mine}x</p>')
    assert b"".join(chunks) == (
        b'<img src="data:image/png;base64,iVBORw=="><p>'
        + other.encode()
        + b" data:image/png;base64,iVBORw==x</p>"
    )


def test_pages_count_in_each_language_s_forms() -> None:
    from artcharter.reports.render import _counter

    fr, en = _counter("fr"), _counter("en")
    assert [fr("sessions_count", n) for n in (0, 1, 2)] == ["0 séance", "1 séance", "2 séances"]
    assert [en("discarded_count", n) for n in (0, 1, 2)] == [
        "0 discarded images",
        "1 discarded image",
        "2 discarded images",
    ]
    assert str(fr("private_terms", 1)).startswith("(et 1 terme du prompt privé, nommé")


def test_templates_read_a_dict_as_jinja_does() -> None:
    """The environment looks a plain dict's item up first (fast): a dict's own methods
    still win over an item of the same name, and a missing item still stops the render."""
    import jinja2

    from artcharter.reports.render import environment

    env = environment()
    page = env.from_string("{{ d.title }}|{{ d.items is callable }}|{{ d.get('x') }}|{{ o.real }}")
    assert page.render(d={"title": "<b>", "items": "no", "x": 1}, o=3) == "&lt;b&gt;|True|1|3"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ d.missing }}").render(d={})
