"""Probe campaigns end to end on the demo models (tiny random-weight Stable Diffusion and
open_clip, built offline): ledger rows, reproducibility from seeds, resuming, folders of
external images, one artwork, the chart, the command line, and the CLIP loading rules.

The demo models are real diffusers / open_clip models, only tiny and untrained: the
numbers mean nothing, the code paths are the ones real models take."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from artcharter.audits.bias import metrics as M
from artcharter.audits.bias.clip_probe import (
    Probe,
    ensure_demo_clip,
    load_clip,
    parse_clip_spec,
    resolve_pretrained,
)
from artcharter.audits.bias.probe_classes import load_probe_classes
from artcharter.audits.bias.prompt_sets import load_prompt_set
from artcharter.base.errors import BadInput, SetupError
from artcharter.base.hashing import sha256_hex
from artcharter.provenance import campaign as camp
from artcharter.provenance.ledger import Ledger
from artcharter.reports.probe_chart import chart_svg, render_chart, write_campaign_chart

from conftest import make_image

SIZE, STEPS = 64, 1


# --- shared, slow-to-build things: built once for the module -----------------------------


@pytest.fixture(scope="module")
def xdg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("xdg")


@pytest.fixture(scope="module")
def cache(xdg: Path) -> Path:
    """artcharter's cache folder inside the module's XDG cache (where the CLI looks)."""
    return xdg / "artcharter"


@pytest.fixture(scope="module")
def sd(cache: Path) -> Any:
    from artcharter.provenance.generate import load_model

    return load_model("demo", device="cpu", cache_dir=cache)


@pytest.fixture(scope="module")
def probe(cache: Path) -> Probe:
    return Probe(load_clip("demo", device="cpu", cache_dir=cache), load_probe_classes().select())


class Maker(camp.WrapperMaker):
    """The real generation wrapper, counting what it makes; optionally stopped (as by
    Ctrl-C) when an image is signed and recorded but not yet listed in the campaign."""

    made: int = 0
    stop_at: int | None = None

    def make(self, prompt, first_seed, n, output_dir, session_id, on_image) -> None:
        def listed(seed: int, *rest: Any) -> None:
            self.made += 1
            if self.stop_at is not None and self.made == self.stop_at:
                raise KeyboardInterrupt
            on_image(seed, *rest)

        super().make(prompt, first_seed, n, output_dir, session_id, listed)


def settings(seed_base: int = 100, only: tuple[str, ...] = ("nurse", "ceo"), per_prompt: int = 4):
    return camp.CampaignSettings(
        load_prompt_set("occupations", only=list(only)),
        per_prompt=per_prompt,
        seed_base=seed_base,
        steps=STEPS,
        size=SIZE,
        resamples=300,
    )


def run(ledger: Ledger, probe: Probe, sd: Any, alice: Any, out: Path, s=None, **kw: Any):
    makers: list[Maker] = []
    stop_at = kw.pop("stop_at", None)

    def factory() -> Maker:
        maker = Maker(sd, alice, ledger, steps=STEPS, size=SIZE, batch_size=4)
        maker.stop_at = stop_at
        makers.append(maker)
        return maker

    result = camp.run_campaign(
        ledger,
        s or settings(),
        probe,
        model_spec="demo",
        maker_factory=factory,
        default_output=lambda cid: out / cid,
        **kw,
    )
    return result, sum(m.made for m in makers)


@pytest.fixture(scope="module")
def first(tmp_path_factory, sd, probe, school_dir) -> dict[str, Any]:
    """One campaign (2 prompts x 4 images) whose rows several tests read."""
    from artcharter.provenance.signing import load_artist_identity

    alice = load_artist_identity(school_dir, "Alice Martin")
    root = tmp_path_factory.mktemp("campaign")
    with Ledger(root / "artcharter.db") as ledger:
        result, made = run(ledger, probe, sd, alice, root / "probes", country="FRA")
    return {"root": root, "ledger": root / "artcharter.db", "result": result, "made": made}


def images_of(ledger: Ledger, campaign_id: str) -> list[dict[str, Any]]:
    return list(camp.iter_campaign_images(ledger, campaign_id))


# --- one campaign -------------------------------------------------------------------------


def test_campaign_rows_in_the_ledger(first, sd) -> None:
    result = first["result"]
    assert first["made"] == 8
    with Ledger(first["ledger"]) as ledger:
        row = camp.get_campaign(ledger, result.campaign_id)
        images = images_of(ledger, result.campaign_id)
        artworks = {
            r["artwork_id"]: r
            for r in ledger.db.query(
                "SELECT * FROM artworks WHERE session_id = ?", [result.campaign_id]
            )
        }
        energy = list(ledger.db.query("SELECT * FROM energy_runs"))
    assert row["status"] == camp.STATUS_COMPLETE
    assert row["model_id"] == sd.info.id and row["is_demo_model"] == 1
    assert row["model_weights_sha256"] == sd.info.weights_sha256
    assert row["clip_is_demo"] == 1 and "demo" in row["clip_model"]
    clip = json.loads(row["clip"])
    assert clip["weights_sha256"] and clip["arch"] == "demo"
    classes = json.loads(row["classes"])
    assert classes["templates"] and classes["gate"]["threshold"] == row["gate_threshold"]
    assert json.loads(row["thresholds"]) == {"gender": 0.6, "age": 0.4, "skin_tone": 0.45}
    assert row["ethnicity"] == 0 and row["per_prompt"] == 4 and row["seed_base"] == 100
    assert json.loads(row["bootstrap"])["seed"] == M.DEFAULT_BOOTSTRAP_SEED
    assert row["images_total"] == row["images_classified"] == 8
    # every image: its seed, its signed artwork with the same seed, its reading
    assert sorted((r["prompt_key"], r["image_index"], r["seed"]) for r in images) == sorted(
        (key, i, 100 + i) for key in ("nurse", "ceo") for i in range(4)
    )
    for image in images:
        artwork = artworks[image["artwork_id"]]
        record = json.loads(artwork["record"])
        assert record["generation"]["seed"] == image["seed"]
        assert artwork["prompt"] == image["prompt"] and artwork["model_id"] == sd.info.id
        assert sha256_hex(Path(image["path"]).read_bytes()) == image["sha256"]
        assert image["status"] in ("person", "no-person")
        assert image["pixels_sha256"] and json.loads(image["reading"])["status"] == image["status"]
    # energy: each image's generation, and the probe's own run for the campaign
    generation = [e for e in energy if e["artwork_id"] in artworks and e["phase"] == "generation"]
    assert len(generation) == 8
    probe_runs = [e for e in energy if e["phase"] == "probe"]
    assert len(probe_runs) == 1 and probe_runs[0]["batch_id"] == result.campaign_id
    assert probe_runs[0]["images"] == 8
    assert set(result.energy) == {"generation", "probe"}


def test_results_match_the_readings(first) -> None:
    """probe_results are the metrics of the counts in probe_images, recomputed here."""
    result = first["result"]
    classes = result.classes
    with Ledger(first["ledger"]) as ledger:
        images = images_of(ledger, result.campaign_id)
        rows = list(
            ledger.db.query(
                "SELECT * FROM probe_results WHERE campaign_id = ?", [result.campaign_id]
            )
        )
    prompt_rows = {(r["prompt_key"], r["attribute"]): r for r in rows if r["scope"] == "prompt"}
    campaign_rows = {r["attribute"]: r for r in rows if r["scope"] == "campaign"}
    assert len(prompt_rows) == 2 * 3 and set(campaign_rows) == {"gender", "age", "skin_tone"}
    for key in ("nurse", "ceo"):
        mine = [json.loads(i["reading"]) for i in images if i["prompt_key"] == key]
        for attribute in classes.attributes:
            counts = Counter(
                r["attributes"][attribute.id]["label"]
                for r in mine
                if r["status"] == "person" and r["attributes"][attribute.id]["status"] == "valid"
            )
            uncertain = sum(
                r["status"] == "person" and r["attributes"][attribute.id]["status"] != "valid"
                for r in mine
            )
            abstain = sum(r["status"] == "no-person" for r in mine)
            row = prompt_rows[(key, attribute.id)]
            assert json.loads(row["counts"]) == {c: counts[c] for c in attribute.class_ids}
            assert (row["n_valid"], row["n_uncertain"], row["n_abstain"]) == (
                sum(counts.values()),
                uncertain,
                abstain,
            )
            expected = M.attribute_metrics(
                attribute.id,
                attribute.class_ids,
                dict(counts),
                uncertain=uncertain,
                abstain=abstain,
            )
            assert json.loads(row["metrics"]) == json.loads(json.dumps(expected.to_dict()))
            assert row["parity_gap"] == expected.parity_gap
    for p in result.prompts:
        assert "perceived" in p.sentence["en"] and "perçu" in p.sentence["fr"]
        assert f"In 4 images of “{p.label}”" in p.sentence["en"]
    # the stored result reads back the same
    with Ledger(first["ledger"]) as ledger:
        again = camp.load_result(ledger, result.campaign_id[:8])
    assert [p.metrics for p in again.prompts] == [p.metrics for p in result.prompts]
    assert again.aggregates == result.aggregates
    assert any("meaningless" in n for n in again.notices("en"))
    assert any("CLIP" in n and "biais" in n for n in again.notices("fr"))


def test_chart_files(first, tmp_path: Path) -> None:
    result = first["result"]
    svg, png = write_campaign_chart(result, tmp_path / "chart", "en")
    assert (svg.name, png.name) == ("chart.svg", "chart.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = svg.read_text(encoding="utf-8")
    ET.fromstring(text)  # well-formed
    for words in ("parity (1/2)", "Perceived gender", "DEMO", "meaningless", "a nurse"):
        assert words in text
    assert "parité (1/3)" in chart_svg(result, lang="fr")
    # a chart of some prompts only (a report shows the prompts an artwork's prompt names)
    assert "a CEO" not in chart_svg(result, "en", prompt_keys=["nurse"])
    # deterministic: the same campaign gives the same SVG
    assert render_chart(result, "svg", "en") == svg.read_bytes()
    assert not list((tmp_path / "chart").glob("*.partial"))


# --- reproducibility, resuming -------------------------------------------------------------


def test_reproducible_from_seeds(first, sd, probe, alice) -> None:
    result = first["result"]
    with Ledger(first["ledger"]) as ledger:
        again, made = run(ledger, probe, sd, alice, first["root"] / "probes", new=True)
        assert made == 8 and again.campaign_id != result.campaign_id
        before = {
            (r["prompt_key"], r["image_index"]): r for r in images_of(ledger, result.campaign_id)
        }
        after = {
            (r["prompt_key"], r["image_index"]): r for r in images_of(ledger, again.campaign_id)
        }
        assert before.keys() == after.keys()
        for key, row in before.items():
            # other signature and timestamps, same pixels and same reading
            assert row["sha256"] != after[key]["sha256"]
            assert row["pixels_sha256"] == after[key]["pixels_sha256"]
            assert json.loads(row["reading"]) == json.loads(after[key]["reading"])
        assert [p.metrics for p in again.prompts] == [p.metrics for p in result.prompts]
        assert again.aggregates == result.aggregates
        # other seeds, other images
        other, _ = run(
            ledger,
            probe,
            sd,
            alice,
            first["root"] / "probes",
            s=settings(seed_base=500, only=("nurse",), per_prompt=2),
        )
        pixels = {r["pixels_sha256"] for r in images_of(ledger, other.campaign_id)}
        assert pixels.isdisjoint({r["pixels_sha256"] for r in before.values()})


def test_resume_after_interruption(tmp_path: Path, sd, probe, alice) -> None:
    out = tmp_path / "probes"
    with Ledger(tmp_path / "artcharter.db") as ledger:
        # Stop when the 3rd image is signed and recorded but not yet in the campaign. The
        # 4th, made in the same batch, is finished too (signed and recorded, its energy was
        # spent) but not reported: the caller asked to stop.
        with pytest.raises(KeyboardInterrupt):
            run(ledger, probe, sd, alice, out, stop_at=3)
        (row,) = camp.campaigns(ledger)
        campaign_id = row["campaign_id"]
        assert row["status"] == camp.STATUS_INTERRUPTED
        assert len(images_of(ledger, campaign_id)) == 2
        signed = "SELECT count(*) FROM artworks WHERE session_id = ?"
        assert ledger.db.execute(signed, [campaign_id]).fetchone()[0] == 4
        # The same command again: same campaign, nothing generated twice.
        result, made = run(ledger, probe, sd, alice, out)
        assert result.campaign_id == campaign_id
        assert made == 4  # 8 - the 4 already signed (the 3rd and 4th found by prompt and seed)
        assert ledger.db.execute(signed, [campaign_id]).fetchone()[0] == 8
        images = images_of(ledger, campaign_id)
        assert len(images) == 8 and all(i["status"] != "pending" for i in images)
        assert len({i["artwork_id"] for i in images}) == 8
        assert camp.get_campaign(ledger, campaign_id)["status"] == camp.STATUS_COMPLETE

        # Resuming a complete campaign by id recomputes without loading the model.
        def no_model() -> Any:
            raise AssertionError("the model must not be loaded")

        again = camp.run_campaign(
            ledger,
            settings(),
            probe,
            model_spec="demo",
            maker_factory=no_model,
            default_output=lambda cid: out / cid,
            resume=campaign_id[:7],
        )
        assert again.campaign_id == campaign_id
        assert [p.metrics for p in again.prompts] == [p.metrics for p in result.prompts]
        # ...but not with other settings
        with pytest.raises(BadInput, match="another model"):
            camp.run_campaign(
                ledger,
                settings(seed_base=1),
                probe,
                model_spec="demo",
                maker_factory=no_model,
                default_output=lambda cid: out / cid,
                resume=campaign_id,
            )


# --- a folder of external images -----------------------------------------------------------


def test_images_folder(first, probe, tmp_path: Path) -> None:
    folder = tmp_path / "midjourney"
    with Ledger(first["ledger"]) as ledger:
        known = images_of(ledger, first["result"].campaign_id)
    (folder / "a nurse").mkdir(parents=True)
    (folder / "ceo").mkdir()
    (folder / "ceo" / "prompt.txt").write_text("a photo of the face of a CEO\n")
    for row in known:
        target = folder / ("a nurse" if row["prompt_key"] == "nurse" else "ceo")
        shutil.copy(row["path"], target / Path(row["path"]).name)
    (folder / "ceo" / "broken.png").write_bytes(b"not an image")
    make_image(folder / "ceo" / "external.jpg")
    with Ledger(first["ledger"]) as ledger:
        s = camp.CampaignSettings(camp.folder_prompt_set(folder), images_dir=folder, resamples=50)
        result = camp.run_campaign(
            ledger,
            s,
            probe,
            model_spec="Midjourney v6",
            model_id="Midjourney v6",
            default_output=lambda cid: tmp_path / cid,
        )
        images = images_of(ledger, result.campaign_id)
        assert [p.text for p in result.prompts] == ["a nurse", "a photo of the face of a CEO"]
        ceo = next(p for p in result.prompts if p.subject == "ceo")
        assert (ceo.n_images, ceo.n_unreadable) == (6, 1)
        assert "unreadable" in ceo.sentence["en"]
        broken = next(i for i in images if i["path"].endswith("broken.png"))
        assert broken["status"] == "unreadable" and broken["error"]
        # images already in the ledger are linked to their artwork; the others are not
        linked = {i["artwork_id"] for i in images if i["artwork_id"]}
        assert linked == {r["artwork_id"] for r in known}
        assert all(i["seed"] is None for i in images)
        row = camp.get_campaign(ledger, result.campaign_id)
        assert row["mode"] == "images" and row["per_prompt"] == 0
        assert row["model_id"] == "Midjourney v6"
        # a new image in the folder: resuming lists and reads only that one
        make_image(folder / "a nurse" / "late.png", color=(20, 30, 200))
        again = camp.run_campaign(
            ledger,
            s,
            probe,
            model_spec="Midjourney v6",
            model_id="Midjourney v6",
            default_output=lambda cid: tmp_path / cid,
            resume=result.campaign_id,
        )
        assert len(images_of(ledger, again.campaign_id)) == len(images) + 1
        (tmp_path / "empty").mkdir()
        with pytest.raises(BadInput, match="no PNG"):
            camp.folder_prompt_set(tmp_path / "empty")
        with pytest.raises(BadInput, match="no such folder"):
            camp.folder_prompt_set(tmp_path / "nowhere")


# --- one artwork ---------------------------------------------------------------------------


def test_probe_artwork(first, probe, tmp_path: Path) -> None:
    result = first["result"]
    with Ledger(first["ledger"]) as ledger:
        image = next(i for i in images_of(ledger, result.campaign_id) if i["prompt_key"] == "nurse")
        found = camp.probe_artwork(Path(image["path"]), probe, ledger=ledger)
        assert found.record_source == "ledger" and found.prompt == image["prompt"]
        assert found.reading.status == image["status"]
        assert found.audit is not None and found.audit.occupations == ("nurse",)
        assert found.campaign is not None
        latest = camp.latest_campaign(ledger, found.model_id)
        assert found.campaign["campaign_id"] == latest["campaign_id"]
        assert [r["subject"] for r in found.related] == ["nurse"]
        data = found.to_dict("fr")
        assert "perçoit" in data["reading_sentence"] and data["related"][0]["sentence"]
        assert any("aucun sens" in n for n in data["notices"])
        # a file the ledger does not know, without Content Credentials
        plain = make_image(tmp_path / "plain.png")
        alone = camp.probe_artwork(
            plain, probe, ledger=ledger, prompt="a nurse", protected_names=["Ada Lovelace"]
        )
        assert alone.record_source is None and alone.model_id is None and alone.campaign is None
        assert alone.audit is not None and alone.audit.names_checked == 1
        with pytest.raises(BadInput, match="no such file"):
            camp.probe_artwork(tmp_path / "nope.png", probe, ledger=ledger)
        (tmp_path / "fake.png").write_bytes(b"\x89PNG\r\n\x1a\nbroken")
        with pytest.raises(BadInput):
            camp.probe_artwork(tmp_path / "fake.png", probe, ledger=ledger)


def test_probe_artwork_reads_the_record_in_the_file(first, probe, tmp_path: Path) -> None:
    """Without the ledger, the prompt and model come from the file's Content Credentials."""
    with Ledger(first["ledger"]) as ledger:
        image = images_of(ledger, first["result"].campaign_id)[0]
    found = camp.probe_artwork(Path(image["path"]), probe, ledger=None)
    assert found.record_source == "file"
    assert found.prompt == image["prompt"] and found.model_id == "artcharter/demo-random-weights"


# --- the probe itself ----------------------------------------------------------------------


def test_classify_streams_in_order_with_unreadable_items(probe, tmp_path: Path) -> None:
    paths = [make_image(tmp_path / f"{i}.png", color=(i * 30, 90, 200 - i * 20)) for i in range(7)]
    paths.insert(3, tmp_path / "missing.png")
    consumed = []

    def items():
        for p in paths:
            consumed.append(p)
            yield p

    stream = probe.classify(items(), batch_size=3)
    first_item, _first_reading = next(stream)
    assert first_item == paths[0] and len(consumed) == 3  # one batch read, not the whole list
    rest = list(stream)
    assert [i for i, _ in rest] == paths[1:]
    missing = dict(rest)[tmp_path / "missing.png"]
    assert missing.status == "unreadable" and "no such file" in missing.error
    # the same image reads the same in any batch
    alone = dict(probe.classify([paths[5]], batch_size=1))[paths[5]]
    together = dict(rest)[paths[5]]
    assert alone.status == together.status
    assert alone.person_probability == pytest.approx(together.person_probability, abs=1e-4)


def test_gate_and_thresholds(probe, tmp_path: Path) -> None:
    path = make_image(tmp_path / "x.png")
    classes = load_probe_classes().select(ethnicity=True)
    everything = Probe(probe.model, classes.with_thresholds(gate=0.0, attributes={}))
    ((_, reading),) = everything.classify([path])
    assert reading.status == "person" and set(reading.attributes) == {
        "gender", "age", "skin_tone", "ethnicity"
    }  # fmt: skip
    probs = reading.attributes["gender"].probabilities
    assert sum(probs.values()) == pytest.approx(1.0)
    strict = Probe(
        probe.model,
        classes.with_thresholds(
            gate=0.0, attributes={a: 0.999 for a in ("gender", "age", "skin_tone", "ethnicity")}
        ),
    )
    ((_, reading),) = strict.classify([path])
    assert all(r.status == "uncertain" and r.label is None for r in reading.attributes.values())
    nobody = Probe(probe.model, classes.with_thresholds(gate=0.9999))
    ((_, reading),) = nobody.classify([path])
    assert reading.status == "no-person" and reading.attributes == {}
    with pytest.raises(BadInput):
        classes.with_thresholds(attributes={"gender": 1.5})
    with pytest.raises(BadInput):
        classes.with_thresholds(attributes={"shoe size": 0.5})


def test_clip_spec_and_loading_rules(cache: Path, tmp_path: Path, monkeypatch) -> None:
    assert parse_clip_spec(None).text == "ViT-B-32:laion2b_s34b_b79k"
    spec = parse_clip_spec("ViT-B-32")
    assert (spec.arch, spec.tag) == ("ViT-B-32", "laion2b_s34b_b79k")
    assert parse_clip_spec("demo").is_demo
    with pytest.raises(BadInput, match="pretrained tag"):
        parse_clip_spec("RN50")
    with pytest.raises(BadInput, match="no such file"):
        parse_clip_spec("ViT-B-32:/nowhere/model.safetensors")
    # The real default, absent from an empty cache: a set-up error that says what to do.
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "hub"))
    with pytest.raises(SetupError, match="never downloads") as error:
        load_clip("ViT-B-32:laion2b_s34b_b79k", device="cpu")
    assert error.value.exit_code == 3 and "\n" not in str(error.value)
    with pytest.raises(BadInput, match="no weights ViT-B-32:nonsense"):
        resolve_pretrained("ViT-B-32", "nonsense")
    # Found in the Hugging Face cache layout (refs/main -> snapshots/<commit>/file).
    repo = tmp_path / "hub" / "models--laion--CLIP-ViT-B-32-laion2B-s34B-b79K"
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text("0123abcd")
    snapshot = repo / "snapshots" / "0123abcd"
    snapshot.mkdir(parents=True)
    (snapshot / "open_clip_model.safetensors").write_bytes(b"not really weights")
    path, cfg = resolve_pretrained("ViT-B-32", "laion2b_s34b_b79k")
    assert path == snapshot / "open_clip_model.safetensors" and cfg["hf_hub"]
    # ...and a damaged checkpoint is a one-line bad input, not a traceback
    with pytest.raises(BadInput, match="cannot load the CLIP probe") as error:
        load_clip("ViT-B-32:laion2b_s34b_b79k", device="cpu")
    assert error.value.exit_code == 2
    # A copy of the demo folder given as a path is still known as a demo.
    copy = tmp_path / "my-clip"
    shutil.copytree(ensure_demo_clip(cache), copy)
    model = load_clip(str(copy), device="cpu")
    assert (
        model.is_demo and model.weights_sha256 == load_clip("demo", cache_dir=cache).weights_sha256
    )


# --- the command line ----------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, school_dir: Path, xdg: Path, monkeypatch) -> Path:
    from artcharter.provenance.config import init_project, set_config_value

    root = tmp_path / "school"
    init_project(root, "ESAD", lang="en")
    shutil.copytree(school_dir, root / "keys")
    set_config_value(root, "artist", "name", "Alice Martin")
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))  # the demo models built above
    return root


def test_cli_campaign_list_show_and_artwork(project: Path, capsys) -> None:
    from artcharter.cli import run as cli

    base = ["--project", str(project)]
    argv = ["probe", "campaign", "--model", "demo", "--clip", "demo", "--subjects", "nurse",
            "--per-prompt", "2", "--steps", "1", "--size", "64", "--json"]  # fmt: skip
    assert cli(base + argv) == 0
    data = json.loads(capsys.readouterr().out)
    campaign_id = data["campaign"]["campaign_id"]
    assert data["campaign"]["status"] == "complete" and len(data["prompts"]) == 1
    assert all(Path(p).is_file() for p in data["chart"])
    assert Path(data["summary"]).parent == project / "probes" / campaign_id
    assert any("meaningless" in n for n in data["notices"]["en"])
    assert cli([*base, "probe", "list", "--json"]) == 0
    assert [r["campaign_id"] for r in json.loads(capsys.readouterr().out)] == [campaign_id]
    assert cli([*base, "--lang", "fr", "probe", "show", campaign_id[:6]]) == 0
    out = capsys.readouterr().out
    assert "Sur 2 images de «\u00a0a nurse\u00a0»" in out and "perçu" in out
    assert "Justesse de la sonde\u00a0: non mesurée" in out
    # The probe measured on a labelled set: the campaign made with it shows how accurate it was.
    from test_probe_validate import build_labelled_set

    labels = build_labelled_set(project.parent / "labelled")
    validate = ["probe", "validate", "--images", str(labels.parent / "images"),
                "--labels", str(labels), "--clip", "demo", "--json"]  # fmt: skip
    assert cli(base + validate) == 0
    validation = json.loads(capsys.readouterr().out)
    assert cli([*base, "probe", "show", campaign_id, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)["probe_validation"]
    assert shown["validation_id"] == validation["validation_id"]
    assert shown["attributes"]["gender"] == validation["attributes"]["gender"]
    assert cli([*base, "probe", "show", campaign_id]) == 0
    out = capsys.readouterr().out
    assert "Accuracy of the probe open_clip demo" in out and "calibration error (ECE)" in out
    image = next((project / "probes" / campaign_id / "images" / "nurse").glob("*.png"))
    assert cli([*base, "probe", "artwork", str(image), "--clip", "demo", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["campaign"]["campaign_id"] == campaign_id
    assert found["prompt_audit"]["occupations"] == ["nurse"]
    assert found["recorded"] and found["artwork_id"]
    assert cli([*base, "probe", "artwork", str(image), "--clip", "demo"]) == 0
    text = capsys.readouterr().out
    assert "perceives" in text and "Latest campaign for artcharter/demo-random-weights" in text
    assert "Kept in the ledger" in text


def test_cli_campaign_ctrl_c_prints_how_to_resume(project: Path, capsys, monkeypatch) -> None:
    import os
    import signal

    from artcharter.base.errors import EXIT_INTERRUPTED
    from artcharter.cli import run as cli
    from artcharter.provenance.campaign import run as run_module

    real = run_module.classify_pending

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C once the images are made
        return real(*args, **kwargs)

    monkeypatch.setattr(run_module, "classify_pending", interrupted)
    argv = ["--project", str(project), "probe", "campaign", "--model", "demo", "--clip", "demo",
            "--subjects", "nurse", "--per-prompt", "2", "--steps", "1", "--size", "64"]  # fmt: skip
    assert cli(argv) == EXIT_INTERRUPTED
    err = capsys.readouterr().err
    (hint,) = [line for line in err.splitlines() if "keeps what is done" in line]
    campaign_id = hint.split()[2]
    assert f"`artcharter probe campaign --resume {campaign_id}`" in hint
    monkeypatch.setattr(run_module, "classify_pending", real)
    assert cli(argv) == 0  # the same command goes on
    err = capsys.readouterr().err
    assert f"resuming campaign {campaign_id} (2 images already there)" in err
    assert "loading demo" not in err  # nothing left to generate: the model never loads


def test_python_campaign_matches_the_cli(project: Path, capsys) -> None:
    """``Project.probe_campaign`` is the command's one call: the same seeds give the same
    images, readings and figures; what the CLI prints comes from callbacks, and the
    library itself prints nothing."""
    from artcharter import CampaignRequest, open_project
    from artcharter.cli import run as cli

    argv = ["--project", str(project), "probe", "campaign", "--model", "demo", "--clip", "demo",
            "--subjects", "nurse", "--per-prompt", "2", "--steps", "1", "--size", "64",
            "--json"]  # fmt: skip
    assert cli(argv) == 0
    from_cli = json.loads(capsys.readouterr().out)
    events: list[Any] = []
    request = CampaignRequest(
        model="demo", clip="demo", subjects=("nurse",), per_prompt=2, steps=1, size=64, new=True
    )
    with open_project(project) as opened:
        result = opened.probe_campaign(
            request,
            progress=lambda stage, done, total: events.append(("progress", stage, done, total)),
            on_loading=lambda what, name: events.append(("loading", what, name)),
            on_open=lambda campaign: events.append(("open", campaign)),
            on_ethnicity=lambda: events.append(("ethnicity",)),
        )
        images = {
            cid: [(i["prompt_key"], i["seed"], i["pixels_sha256"], i["status"], i["reading"])
                  for i in camp.iter_campaign_images(opened.ledger, cid)]
            for cid in (result.campaign_id, from_cli["campaign"]["campaign_id"])
        }  # fmt: skip
    assert capsys.readouterr() == ("", "")
    from_python = result.to_dict("en")
    assert result.campaign_id != from_cli["campaign"]["campaign_id"]  # new=True: made again
    (made_here, made_by_cli) = images.values()
    assert made_here == made_by_cli and len(made_here) == 2
    for key in ("prompts", "aggregates", "notices"):
        assert from_python[key] == from_cli[key], key
    for key in ("fingerprint", "model_id", "seed_base", "per_prompt", "clip", "classes"):
        assert from_python["campaign"][key] == from_cli["campaign"][key], key
    assert from_python["campaign"]["status"] == "complete"
    # The callbacks, in order: the probe loads, then the model, then the campaign opens.
    loading = [e for e in events if e[0] == "loading"]
    assert [e[1] for e in loading] == ["probe", "model"] and loading[1][2] == "demo"
    (opened_event,) = [e[1] for e in events if e[0] == "open"]
    assert events.index(("open", opened_event)) > events.index(loading[1])
    assert opened_event == camp.CampaignOpened(
        campaign_id=result.campaign_id,
        resumed=False,
        images_done=0,
        prompts=1,
        per_prompt=2,
        output_dir=project / "probes" / result.campaign_id,
    )
    stages = [e[1] for e in events if e[0] == "progress"]
    assert "generate" in stages and "classify" in stages and ("ethnicity",) not in events
    # Resuming by the first characters of the id: nothing to make, so no model loads.
    events.clear()
    with open_project(project) as opened:
        again = opened.probe_campaign(
            CampaignRequest(resume=result.campaign_id[:8]),
            on_loading=lambda what, name: events.append(("loading", what, name)),
            on_open=lambda campaign: events.append(("open", campaign)),
        )
    assert again.campaign_id == result.campaign_id
    assert [e[1] for e in events if e[0] == "loading"] == ["probe"]
    (resumed,) = [e[1] for e in events if e[0] == "open"]
    assert resumed.resumed and resumed.images_done == 2
    assert again.to_dict("en")["prompts"] == from_python["prompts"]


def test_python_campaign_interrupted_then_resumed(project: Path, tmp_path: Path, capsys) -> None:
    """Ctrl-C in the middle leaves a resumable campaign; the function of the same name
    resumes it; a request that cannot start is refused before any model loads, naming
    the Python parameter."""
    import artcharter
    from artcharter import CampaignRequest

    request = CampaignRequest(
        model="demo", clip="demo", subjects=("nurse",), per_prompt=2, steps=1, size=64,
        seed_base=7, ethnicity=True,
    )  # fmt: skip
    opened: list[Any] = []
    warned: list[bool] = []

    def stop_after_one(stage: str, done: int, total: int) -> None:
        if stage == "generate" and done == 1:
            raise KeyboardInterrupt

    project_ = artcharter.open_project(project)
    with project_, pytest.raises(KeyboardInterrupt):
        project_.probe_campaign(
            request,
            progress=stop_after_one,
            on_open=opened.append,
            on_ethnicity=lambda: warned.append(True),
        )
    assert warned == [True]
    campaign_id = opened[0].campaign_id
    with Ledger(project / "artcharter.db") as ledger:
        assert camp.get_campaign(ledger, campaign_id)["status"] == camp.STATUS_INTERRUPTED
    resumed: list[Any] = []
    with artcharter.open_project(project) as again:
        result = artcharter.probe_campaign(
            CampaignRequest(resume=campaign_id), on_open=resumed.append, project=again
        )
    assert result.campaign_id == campaign_id and result.campaign["status"] == "complete"
    assert resumed[0].resumed and resumed[0].images_done == 1
    assert result.campaign["images_total"] == 2 and result.ethnicity
    # Refused before anything loads: a folder of images needs the tool's name.
    folder = tmp_path / "external"
    folder.mkdir()
    loading: list[Any] = []
    with artcharter.open_project(project) as bare, pytest.raises(BadInput) as error:
        bare.probe_campaign(
            CampaignRequest(images=folder, clip="demo"),
            on_loading=lambda *what: loading.append(what),
        )
    assert str(error.value) == "with images, name the tool that made them: model 'Midjourney v6'"
    assert loading == []
    with artcharter.open_project(project) as bare, pytest.raises(BadInput, match="size"):
        bare.probe_campaign(CampaignRequest(size=13, clip="demo"), on_loading=loading.append)
    for name in ("probe_batch_size", "batch_size"):  # each named as the request names it
        with artcharter.open_project(project) as bare, pytest.raises(BadInput) as error:
            bare.probe_campaign(
                CampaignRequest(clip="demo", resume=campaign_id, **{name: 0}),
                on_loading=loading.append,
            )
        assert str(error.value) == f"{name} must be at least 1"
    assert loading == []
    from artcharter.cli import run as cli

    argv = ["--project", str(project), "probe", "campaign", "--clip", "demo"]
    assert cli([*argv, "--probe-batch-size", "0"]) == 2
    assert "--probe-batch-size must be at least 1" in capsys.readouterr().err


def test_artwork_reading_reaches_the_report(project: Path, tmp_path: Path, capsys) -> None:
    """`probe artwork` keeps its reading of these bytes; the report of the file shows it, in
    the report's language with the probe's caveats, and no other file's report does."""
    from artcharter.cli import run as cli

    base = ["--project", str(project)]
    out = tmp_path / "out"
    argv = ["generate", "a nurse", "--model", "demo", "--steps", "1", "--size", "64",
            "--n", "2", "-o", str(out), "--json"]  # fmt: skip
    assert cli(base + argv) == 0
    probed, other = sorted(out.glob("*.png"))
    capsys.readouterr()
    assert cli([*base, "probe", "artwork", str(probed), "--clip", "demo", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    reports = tmp_path / "reports"
    for image in (probed, other):
        assert cli([*base, "--lang", "fr", "report", str(image), "-o", str(reports)]) == 0
    capsys.readouterr()
    page = (reports / f"{probed.stem}.report.html").read_text(encoding="utf-8")
    twin = json.loads((reports / f"{probed.stem}.report.json").read_text(encoding="utf-8"))
    artwork = twin["probe"]["artwork"]
    assert artwork["probe"] == found["probe"] and artwork["reading"] == found["reading"]
    assert twin["probe"]["artwork_sentences"] and "perçu" in " ".join(artwork["sentences"])
    assert "Dans cette image" in page and 'id="artwork-probe"' in page
    assert any("dénuée de sens" in n or "aléatoires" in n for n in artwork["notices"])
    assert "In this image" not in page
    untouched = json.loads((reports / f"{other.stem}.report.json").read_text(encoding="utf-8"))
    assert untouched["probe"]["artwork"] is None


def test_cli_errors_are_one_line(project: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    from artcharter.cli import run as cli

    base = ["--project", str(project)]
    folder = tmp_path / "external"
    folder.mkdir()
    make_image(folder / "a.png")
    # --images needs the name of the tool
    assert cli([*base, "probe", "campaign", "--images", str(folder), "--clip", "demo"]) == 2
    assert "--model" in capsys.readouterr().err
    # the real probe model is not in this machine's cache: exit 3, how to get it
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-hub"))
    code = cli([*base, "probe", "campaign", "--images", str(folder), "--model", "Firefly"])
    err = capsys.readouterr().err
    (error,) = [line for line in err.splitlines() if line.startswith("artcharter: error:")]
    assert code == 3 and "never downloads" in error and "Traceback" not in err
    # an unknown subject, a bad threshold
    assert cli([*base, "probe", "campaign", "--subjects", "astronaut", "--clip", "demo"]) == 2
    assert "no subject 'astronaut'" in capsys.readouterr().err
    assert cli([*base, "probe", "campaign", "--threshold", "gender", "--clip", "demo"]) == 2
    assert "ATTRIBUTE=VALUE" in capsys.readouterr().err
    assert cli([*base, "probe", "show", "pc-nothing"]) == 2
