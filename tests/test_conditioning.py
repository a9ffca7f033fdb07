"""Generating from the artist's own material on the demo model: image-to-image from a sketch
(`--init-image`, `--strength`), inpainting (`--mask`), and a ControlNet conditioning
(`--control scribble:sketch.png`) read by a tiny ControlNet the test builds from the demo
model's UNet (diffusers' ``ControlNetModel.from_unet``), saved and loaded back as a user's
local ControlNet is.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from artcharter.base.errors import BadInput, SetupError
from artcharter.base.hashing import sha256_hex
from artcharter.cli import run
from artcharter.provenance import verdicts
from artcharter.provenance.conditioning import Control, parse_control
from artcharter.provenance.generate import GenerateRequest, LoadedModel, generate, load_model
from artcharter.provenance.label import label
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.record import ArtworkRecord
from artcharter.provenance.verify import read_anchors, verify_file
from artcharter.reports.report import make_report

FAST = {"steps": 2, "size": 64, "seed": 7}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> LoadedModel:
    return load_model("demo", device="cpu", cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def sketch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("inputs") / "sketch.png"
    image = Image.new("RGB", (96, 96), "white")
    ImageDraw.Draw(image).ellipse([20, 20, 76, 76], outline="black", width=4)
    image.save(path)
    return path


@pytest.fixture(scope="module")
def mask(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("masks") / "mask.png"
    image = Image.new("L", (96, 96), 0)
    ImageDraw.Draw(image).rectangle([24, 24, 72, 72], fill=255)
    image.save(path)
    return path


@pytest.fixture(scope="module")
def anchors(school_root: Path) -> tuple[str, ...]:
    return read_anchors([school_root])


def make(loaded: LoadedModel, folder: Path, identity, ledger=None, **options):
    request = GenerateRequest("a fox, ink drawing", output_dir=folder, **{**FAST, **options})
    return generate(loaded, request, identity=identity, ledger=ledger)


def test_image_to_image_records_the_sketch_as_an_input_ingredient(
    loaded, sketch, tmp_path, alice, anchors
) -> None:
    with Ledger(tmp_path / "ledger.db") as ledger:
        (signed,) = make(loaded, tmp_path / "out", alice, ledger, init_image=sketch, strength=0.6)
    result = verify_file(signed.path, anchors)
    assert result.verdict == verdicts.TRUSTED
    assert result.disclosure["source_types"] == ["compositeWithTrainedAlgorithmicMedia"]
    assert result.ingredients == [
        {
            "title": "sketch.png",
            "relationship": "inputTo",
            "format": "image/png",
            "description": "init-image",
        }
    ]
    record = ArtworkRecord.from_dict(result.record or {})
    (ingredient,) = record.ingredients
    assert (ingredient.role, ingredient.relationship) == ("init-image", "inputTo")
    assert ingredient.sha256 == sha256_hex(sketch.read_bytes())
    assert record.generation is not None
    assert (record.generation.mode, record.generation.strength) == ("image-to-image", 0.6)
    assert record.energy is not None and record.energy.status == "measured"
    report = make_report(signed.path, tmp_path / "report", anchors=anchors)
    (shown,) = report.report["provenance"]["ingredients"]
    assert shown["sha256"] == ingredient.sha256 and shown["in_file"]


def test_the_strength_changes_the_image(loaded, sketch, tmp_path, alice) -> None:
    (weak,) = make(loaded, tmp_path / "a", alice, init_image=sketch, strength=0.5)
    (strong,) = make(loaded, tmp_path / "b", alice, init_image=sketch, strength=1.0)
    assert weak.path.read_bytes() != strong.path.read_bytes()


def test_inpainting_records_the_start_and_the_mask(loaded, sketch, mask, tmp_path, alice) -> None:
    (signed,) = make(loaded, tmp_path / "out", alice, init_image=sketch, mask=mask)
    result = verify_file(signed.path)
    assert [(i["title"], i["description"]) for i in result.ingredients] == [
        ("sketch.png", "init-image"),
        ("mask.png", "mask"),
    ]
    record = ArtworkRecord.from_dict(result.record or {})
    assert record.generation is not None and record.generation.mode == "inpaint"
    # The masked-out part of the start survives: inpainting only repaints the white part.
    with Image.open(signed.path) as made:
        assert made.size == (64, 64)


def test_an_input_with_its_own_credentials_keeps_them(
    loaded, sketch, tmp_path, alice, anchors
) -> None:
    signed_sketch = tmp_path / "signed-sketch.png"
    label(sketch, signed_sketch, identity=alice, source_type="digitalCreation", title="Croquis")
    (signed,) = make(loaded, tmp_path / "out", alice, init_image=signed_sketch)
    import c2pa

    with c2pa.Reader(str(signed.path)) as reader:
        store = json.loads(reader.json())
    active = store["manifests"][store["active_manifest"]]
    (ingredient,) = active["ingredients"]
    # The sketch's own manifest travels with it into the new file's store.
    assert ingredient["relationship"] == "inputTo"
    assert ingredient.get("active_manifest") in store["manifests"]
    assert verify_file(signed.path, anchors).verdict == verdicts.TRUSTED


def test_controlnet_scribble_from_a_local_model(loaded, sketch, tmp_path, alice) -> None:
    from diffusers import ControlNetModel

    folder = tmp_path / "controlnet-scribble"
    # One downsampling step in the conditioning embedding: the demo VAE halves the size.
    ControlNetModel.from_unet(
        loaded.pipeline.unet, conditioning_embedding_out_channels=(16, 32)
    ).save_pretrained(folder)
    kind, image = parse_control(f"scribble:{sketch}")
    (signed,) = make(loaded, tmp_path / "out", alice, control=Control(kind, image, folder))
    result = verify_file(signed.path)
    assert [(i["title"], i["relationship"], i["description"]) for i in result.ingredients] == [
        ("sketch.png", "inputTo", "scribble")
    ]
    record = ArtworkRecord.from_dict(result.record or {})
    assert record.generation is not None and record.generation.mode == "controlnet"
    control = record.generation.control or {}
    assert control["kind"] == "scribble" and control["model"] == "controlnet-scribble"
    weights = next(folder.glob("*.safetensors"))
    assert control["weights_sha256"] == sha256_hex(weights.read_bytes())


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"strength": 0.5}, "strength needs a starting image"),
        ({"strength": 1.5, "init_image": Path("x.png")}, "out of range"),
        ({"mask": Path("m.png")}, "mask needs a starting image"),
    ],
)
def test_impossible_combinations_are_refused_before_loading(options, message, tmp_path) -> None:
    request = GenerateRequest("a fox", output_dir=tmp_path, **options)
    with pytest.raises(BadInput, match=message):
        request.check()


def test_a_missing_controlnet_and_a_bad_control_are_one_line(loaded, sketch, tmp_path, alice):
    with pytest.raises(SetupError, match="no ControlNet model here"):
        make(loaded, tmp_path, alice, control=Control("scribble", sketch, tmp_path / "none"))
    with pytest.raises(BadInput, match="write KIND:IMAGE"):
        parse_control("doodle:sketch.png")
    assert not list(tmp_path.glob("*.png"))


def test_cli_init_image_and_mask(tmp_path, monkeypatch, capsys, sketch, mask) -> None:
    root = tmp_path / "atelier"
    assert run(["init", str(root), "--name", "ESAD Exemple", "--lang", "en"]) == 0
    monkeypatch.chdir(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert run(["keys", "init-school", "--name", "ESAD Exemple"]) == 0
    assert run(["keys", "issue", "--artist", "Alice Martin", "--default"]) == 0
    capsys.readouterr()
    args = ["generate", "a fox", "--model", "demo", "--steps", "2", "--size", "64", "--json"]
    assert run([*args, "--init-image", str(sketch), "--mask", str(mask), "--strength", "0.7"]) == 0
    (made,) = json.loads(capsys.readouterr().out)
    record = made["record"]
    assert record["source_type"] == "compositeWithTrainedAlgorithmicMedia"
    assert [i["role"] for i in record["ingredients"]] == ["init-image", "mask"]
    assert run([*args, "--control", f"scribble:{sketch}"]) == 2
    assert "--control and --controlnet go together" in capsys.readouterr().err


def test_show_steps_signs_a_strip_the_report_shows(loaded, tmp_path, alice, anchors) -> None:
    from artcharter.reports.browser import dump_dom, find_chromium

    with Ledger(tmp_path / "ledger.db") as ledger:
        (signed,) = make(loaded, tmp_path / "out", alice, ledger, steps=4, show_steps=3)
    result = verify_file(signed.path, anchors, thumbnail=True)
    assert result.verdict == verdicts.TRUSTED
    assert result.ingredients == [
        {
            "title": "denoising-steps.png",
            "relationship": "componentOf",
            "format": "image/png",
            "description": "denoising-steps",
        }
    ]
    # Not the artist's input: the work stays generated, not a composite.
    assert result.disclosure["source_types"] == ["trainedAlgorithmicMedia"]
    record = ArtworkRecord.from_dict(result.record or {})
    assert record.generation is not None and record.generation.steps_shown == "1, 2, 4"
    assert result.steps_strip is not None
    with Image.open(io.BytesIO(result.steps_strip[1])) as strip:
        # Three previews side by side, with the record's hash of the strip.
        assert strip.width > 2 * strip.height
    assert record.ingredients[0].sha256 == sha256_hex(result.steps_strip[1])
    report = make_report(signed.path, tmp_path / "report", anchors=anchors)
    caption = report.report["explanation"]["steps_caption"]
    assert caption.startswith("The denoising steps of this image (steps 1, 2, 4 of 4)")
    html = report.html.read_text(encoding="utf-8")
    assert 'id="denoising-steps"' in html
    if find_chromium() is not None:
        assert "The denoising steps of this image" in dump_dom(report.html)


def test_pick_steps_spreads_them_and_ends_on_the_last() -> None:
    from artcharter.provenance.steps import pick_steps

    assert pick_steps(10, 3) == [1, 6, 10]
    assert pick_steps(4, 10) == [1, 2, 3, 4]
    assert pick_steps(20, 1) == [20]
    assert pick_steps(5, 0) == []
