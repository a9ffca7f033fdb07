"""The generation wrapper on the demo model: images born labelled, signed, measured, recorded."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest
from PIL import Image

from artcharter.audits import energy as energy_audit
from artcharter.base.errors import BadInput, SetupError
from artcharter.base.hashing import sha256_hex
from artcharter.provenance import demo_model, softbinding, verdicts
from artcharter.provenance.a1111 import parse_parameters
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.generate import GenerateRequest, LoadedModel, generate, load_model
from artcharter.provenance.image_files import read_png_text, read_xmp
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.prompt_key import keyed_hash, matches, project_secret
from artcharter.provenance.signing import PARTIAL_SUFFIX
from artcharter.provenance.verify import read_anchors, verify_file


def as_cli_option(name: str) -> str:
    """How the command line shows a parameter: its option."""
    return "--" + name.replace("_", "-")


# Small and quick: the pipeline code is the same at any size.
FAST = {"steps": 2, "size": 64}


@pytest.fixture(scope="session")
def demo_xdg(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An XDG cache home holding the demo model, built once for the whole session."""
    return tmp_path_factory.mktemp("xdg")


@pytest.fixture(scope="session")
def demo_cache(demo_xdg: Path) -> Path:
    return demo_xdg / "artcharter"  # what platformdirs gives for XDG_CACHE_HOME=demo_xdg


@pytest.fixture(scope="session")
def loaded(demo_cache: Path) -> LoadedModel:
    return load_model("demo", device="cpu", cache_dir=demo_cache)


@pytest.fixture
def ledger(tmp_path: Path):
    with Ledger(tmp_path / "ledger.db") as opened:
        yield opened


def make(
    loaded: LoadedModel,
    tmp_path: Path,
    identity,
    ledger,
    prompt="a lighthouse at night, woodcut",
    **kwargs,
):
    on_image = kwargs.pop("on_image", None)
    options = {**FAST, **kwargs}
    request = GenerateRequest(prompt, output_dir=tmp_path / "out", **options)
    return generate(loaded, request, identity=identity, ledger=ledger, on_image=on_image)


def expected_cpu_method() -> str:
    from codecarbon.core.cpu import is_rapl_available

    return energy_audit.METHOD_RAPL if is_rapl_available() else energy_audit.METHOD_TDP


def manifest_of(path: Path) -> dict:
    import c2pa

    with c2pa.Reader(str(path)) as reader:
        return reader.get_active_manifest()


def pixels(path: Path) -> bytes:
    with Image.open(path) as image:
        return image.convert("RGB").tobytes()


# --- generate -> verify, and everything recorded ------------------------------------------


def test_generated_images_verify_and_carry_every_recorded_field(
    loaded, tmp_path, alice, school_root, ledger
) -> None:
    made = make(
        loaded,
        tmp_path,
        alice,
        ledger,
        negative="blurry, text",
        seed=11,
        n=2,
        title="Nocturne",
        declaration=Declaration(statement="first try"),
        training_mining="constrained",
        session_id="session-1",
    )
    assert [s.record.generation.seed for s in made] == [11, 12]
    anchors = read_anchors([school_root])
    marker = demo_model.info(demo_model.model_dir(loaded.folder.parent.parent))
    for signed in made:
        result = verify_file(signed.path, anchors)
        assert result.verdict == verdicts.TRUSTED, result
        assert verify_file(signed.path).verdict == verdicts.VALID_UNTRUSTED
        record = signed.record
        # The signed file carries the whole record, exactly.
        assert result.record == record.to_dict()
        assert result.sha256 == signed.sha256 == sha256_hex(signed.path.read_bytes())

        assert record.kind == "generated" and record.source_type == "trainedAlgorithmicMedia"
        assert record.author.name == alice.name and record.title == "Nocturne"
        assert record.declaration == Declaration(statement="first try")
        assert record.model.id == demo_model.MODEL_ID and record.model.is_demo
        assert record.model.revision == f"recipe-{demo_model.RECIPE}"
        assert record.model.weights_sha256 == marker["weights_sha256"]
        assert record.model.pipeline_class == "StableDiffusionPipeline"
        assert record.model.scheduler_class == "EulerDiscreteScheduler"
        assert record.model.library_version == version("diffusers")
        generation = record.generation
        assert (generation.steps, generation.guidance) == (2, demo_model.GUIDANCE)
        assert (generation.width, generation.height) == (64, 64)
        assert generation.negative_prompt == "blurry, text"
        assert generation.generator_device == "cpu" and generation.device == "cpu"
        assert generation.device_name and generation.dtype == "float32"
        for name in ("torch", "diffusers", "transformers", "codecarbon", "c2pa-python"):
            assert generation.libraries[name] == version(name)
        assert {"model_load", "pipeline", "png_encode"} <= set(generation.timings_ms)

        manifest = manifest_of(signed.path)
        by_label = {a["label"]: a["data"] for a in manifest["assertions"]}
        action = by_label["c2pa.actions.v2"]["actions"][0]
        assert action["action"] == "c2pa.created"
        assert action["digitalSourceType"].endswith("/trainedAlgorithmicMedia")
        assert demo_model.MODEL_ID in action["softwareAgent"]["name"]
        assert demo_model.LABEL in action["softwareAgent"]["name"]
        # The agent's own version (the model's revision), not the library's (issue 12).
        assert action["softwareAgent"]["version"] == record.model.revision
        assert by_label["fr.artcharter.generation"]["seed"] == generation.seed
        assert by_label["fr.artcharter.energy"]["method"] == record.energy.method
        entries = by_label["cawg.training-mining"]["entries"]
        assert {e["use"] for e in entries.values()} == {"constrained"}
        # The soft binding, made from the pixels in memory, is the decoded file's, and the
        # ledger's (the PNG is not decoded again to make it).
        code = softbinding.from_manifest(manifest)
        assert code is not None and code == softbinding.fingerprint(signed.path.read_bytes())
        assert ledger.signature_of(record.artwork_id)["iscc"] == code

        xmp = read_xmp(signed.path.read_bytes())
        assert "trainedAlgorithmicMedia" in xmp and demo_model.LABEL in xmp
        assert "a lighthouse at night, woodcut" in xmp

        row = ledger.find_artwork(record.artwork_id)
        assert row["status"] == "kept" and row["session_id"] == "session-1"
        assert row["sha256"] == signed.sha256 and row["path"] == str(signed.path.resolve())
        assert row["model_id"] == demo_model.MODEL_ID and row["is_demo"] == 1
        assert row["prompt"] == "a lighthouse at night, woodcut"
        assert ledger.record_of(row) == record
    runs = list(ledger.db.query("SELECT * FROM energy_runs ORDER BY id"))
    assert [r["phase"] for r in runs] == ["model-load", "generation", "generation"]
    for run, signed in zip(runs[1:], made, strict=True):
        assert run["artwork_id"] == signed.record.artwork_id
        assert run["kwh_total"] == signed.record.energy.kwh_total
        assert run["session_id"] == "session-1"
    # Loading is recorded once per ledger, however many generations follow.
    make(loaded, tmp_path, alice, ledger, seed=1)
    assert (
        ledger.db.execute("SELECT count(*) FROM energy_runs WHERE phase='model-load'").fetchone()[0]
        == 1
    )


def test_parameters_chunk_parses_back(loaded, tmp_path, alice, ledger) -> None:
    (signed,) = make(loaded, tmp_path, alice, ledger, negative="blurry", seed=21)
    text = read_png_text(signed.path.read_bytes())["parameters"]
    parsed = parse_parameters(text)
    record = signed.record
    assert parsed.prompt == record.prompt
    assert parsed.negative_prompt == "blurry"
    assert parsed.params["Seed"] == "21"
    assert parsed.params["Steps"] == "2"
    assert parsed.params["Size"] == "64x64"
    assert float(parsed.params["CFG scale"]) == record.generation.guidance
    assert parsed.params["Sampler"] == "Euler"
    assert parsed.params["Model hash"] == record.model.weights_sha256[:10]
    assert parsed.params["Model"].endswith("(demo model with random weights)")  # no comma
    # Written before signing: the chunk is covered by the signature.
    assert verify_file(signed.path).verdict == verdicts.VALID_UNTRUSTED


def test_claim_thumbnail_is_made_from_the_pixels_in_memory(loaded, tmp_path, alice) -> None:
    """Generate hands c2pa its own thumbnail (no decoding of the PNG it just encoded): a
    signed JPEG no larger than the image, showing the same picture."""
    (signed,) = make(loaded, tmp_path, alice, None, seed=31, n=1)
    result = verify_file(signed.path, thumbnail=True)
    assert result.verdict == verdicts.VALID_UNTRUSTED and result.thumbnail is not None
    mime, data = result.thumbnail
    with Image.open(io.BytesIO(data)) as thumb, Image.open(signed.path) as full:
        assert mime == "image/jpeg" and thumb.format == "JPEG" and thumb.size == full.size
        a, b = thumb.convert("RGB").getdata(), full.convert("RGB").getdata()
        error = sum(
            abs(x - y) for p, q in zip(a, b, strict=True) for x, y in zip(p, q, strict=True)
        ) / len(a)
        # The demo model makes noise, which JPEG renders poorly (about 57 summed over the
        # three channels here); two unrelated noise images differ by about 255.
        assert error < 100


def test_same_seed_gives_the_same_pixels(loaded, tmp_path, alice) -> None:
    first = make(loaded, tmp_path, alice, None, seed=5)[0]
    again = make(loaded, tmp_path, alice, None, seed=5)[0]
    other = make(loaded, tmp_path, alice, None, seed=6)[0]
    assert first.path != again.path
    assert pixels(first.path) == pixels(again.path)
    assert pixels(first.path) != pixels(other.path)


def test_a_constrained_choice_carries_its_constraint(loaded, tmp_path, alice, ledger) -> None:
    words = "recherche non commerciale seulement"
    (signed,) = make(
        loaded, tmp_path, alice, ledger, training_mining="constrained", training_constraint=words
    )
    manifest = manifest_of(signed.path)
    entries = next(a for a in manifest["assertions"] if a["label"] == "cawg.training-mining")
    for entry in entries["data"]["entries"].values():
        assert entry == {"use": "constrained", "constraint_info": words}
    assert signed.record.training_constraint == words


def test_private_prompt_never_appears_in_the_file(loaded, tmp_path, alice, ledger) -> None:
    prompt, negative = "portrait de Zoé au fusain, lumière rasante", "sourire forcé"
    (signed,) = make(
        loaded, tmp_path, alice, ledger, prompt=prompt, negative=negative, private_prompt=True
    )
    data = signed.path.read_bytes()
    for secret in (prompt, negative, "Zoé", "fusain", "sourire"):
        for encoding in ("utf-8", "utf-16-le", "latin-1"):
            with contextlib.suppress(UnicodeEncodeError):
                assert secret.encode(encoding) not in data, (secret, encoding)
    assert signed.record.prompt_sha256 is None  # never a plain hash anyone can test
    assert signed.record.prompt_hmac.encode() in data
    key = project_secret(ledger.path)
    assert matches(prompt, signed.record.prompt_hmac, key)  # the project can check it
    assert not matches(prompt, signed.record.prompt_hmac, b"x" * 32)
    assert "zo" not in signed.path.name and "portrait" not in signed.path.name
    record = verify_file(signed.path).record
    assert record["prompt"] is None and record["prompt_private"] is True
    assert record["generation"]["negative_prompt"] is None
    assert record["generation"]["negative_prompt_sha256"] is None
    assert (
        record["generation"]["negative_prompt_hmac"]
        == signed.record.generation.negative_prompt_hmac
        == keyed_hash(negative, key)
    )
    row = ledger.find_artwork(signed.record.artwork_id)
    assert row["prompt"] == prompt and row["prompt_private"] == 1  # the ledger keeps it
    assert ledger.record_of(row).generation.negative_prompt == negative


def test_energy_is_measured_per_image(loaded, tmp_path, alice, ledger) -> None:
    made = make(loaded, tmp_path, alice, ledger, n=2, batch_size=2, seed=30)
    first, second = (s.record.energy for s in made)
    for record in (first, second):
        assert record.status == "measured"
        assert record.method == expected_cpu_method()
        assert record.kwh_total > 0 and record.kwh_cpu is not None and record.kwh_ram is not None
        assert record.country_iso == "FRA" and record.country_name == "France"
        assert record.carbon_intensity_g_per_kwh == energy_audit.carbon_intensity("FRA").g_per_kwh
        assert record.kg_co2eq == pytest.approx(
            record.kwh_total * record.carbon_intensity_g_per_kwh / 1000, rel=1e-5
        )
        assert record.codecarbon_version == version("codecarbon")
        assert record.images_in_run == 2 and record.scope == "generation"
    assert first.kwh_total == second.kwh_total  # one run, shared by the two images of the batch
    assert [s.record.generation.batch_index for s in made] == [0, 1]
    assert {s.record.generation.batch_size for s in made} == {2}


@pytest.mark.parametrize("failure", ["raises-in-start", "not-installed"])
def test_failing_tracker_still_yields_a_signed_image(
    failure, loaded, tmp_path, alice, school_root, ledger, monkeypatch
) -> None:
    if failure == "raises-in-start":
        from codecarbon import OfflineEmissionsTracker

        def start(self: object) -> None:
            raise OSError("energy counter not readable")

        monkeypatch.setattr(OfflineEmissionsTracker, "start", start)
    else:
        monkeypatch.setitem(sys.modules, "codecarbon", None)  # `import codecarbon` fails
    (signed,) = make(loaded, tmp_path, alice, ledger, seed=3)
    assert verify_file(signed.path, read_anchors([school_root])).verdict == verdicts.TRUSTED
    record = signed.record.energy
    assert record.status == "unknown" and record.kwh_total is None
    assert (
        "energy counter not readable" if failure == "raises-in-start" else "codecarbon"
    ) in record.reason
    (run,) = ledger.db.query("SELECT * FROM energy_runs WHERE phase='generation'")
    assert run["status"] == "unknown" and run["artwork_id"] == signed.record.artwork_id


# --- interruptions ------------------------------------------------------------------------


def consistent(folder: Path, ledger: Ledger) -> list[Path]:
    """Every image file has its row and every row its file; nothing half-written."""
    files = sorted(folder.glob("*.png"))
    assert not list(folder.glob(f"*{PARTIAL_SUFFIX}"))
    rows = {r["path"] for r in ledger.db.query("SELECT path FROM artworks")}
    assert rows == {str(f.resolve()) for f in files}
    for row in ledger.db.query("SELECT artwork_id FROM energy_runs WHERE artwork_id IS NOT NULL"):
        assert ledger.find_artwork(row["artwork_id"]) is not None
    return files


def test_ctrl_c_during_generation_keeps_finished_images_only(
    loaded, tmp_path, alice, ledger
) -> None:
    published, calls = [], []

    def interrupt_second_image(*_: object) -> None:
        calls.append(1)
        if len(calls) == FAST["steps"] + 1:  # a real Ctrl-C, in the middle of image 2
            os.kill(os.getpid(), signal.SIGINT)

    hook = loaded.pipeline.unet.register_forward_hook(interrupt_second_image)
    try:
        with pytest.raises(KeyboardInterrupt):
            make(loaded, tmp_path, alice, ledger, n=3, seed=40, on_image=published.append)
    finally:
        hook.remove()
    files = consistent(tmp_path / "out", ledger)
    # Image 1 was still being finished on its thread when image 2 was cut: it is finished
    # whole, with its rows, and reported before the interruption goes on.
    assert len(files) == 1 and [s.path for s in published] == files
    phases = [r["phase"] for r in ledger.db.query("SELECT phase FROM energy_runs ORDER BY id")]
    # The interrupted generation's energy is recorded too (it was spent).
    assert phases == ["model-load", "generation", "generation-aborted"]


def test_ctrl_c_right_after_the_file_appears_keeps_its_row(
    loaded, tmp_path, alice, ledger, monkeypatch
) -> None:
    real_replace = os.replace

    def replace_then_interrupt(src, dst, *args, **kwargs):
        real_replace(src, dst, *args, **kwargs)
        if str(dst).endswith(".png"):
            # The worst moment: the image is in place, its ledger rows not yet committed.
            os.kill(os.getpid(), signal.SIGINT)

    monkeypatch.setattr(os, "replace", replace_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        make(loaded, tmp_path, alice, ledger, n=2, seed=50)
    monkeypatch.undo()
    # The interruption reaches the main thread while image 2 is made or, if it was made
    # already, while both are being finished: either way every file has its rows.
    assert len(consistent(tmp_path / "out", ledger)) in (1, 2)


# --- settings, schedulers, errors ---------------------------------------------------------


def test_scheduler_by_name_then_restored(loaded, tmp_path, alice) -> None:
    original = type(loaded.pipeline.scheduler)
    (signed,) = make(loaded, tmp_path, alice, None, scheduler="euler-a", seed=2)
    assert signed.record.model.scheduler_class == "EulerAncestralDiscreteScheduler"
    params = parse_parameters(read_png_text(signed.path.read_bytes())["parameters"]).params
    assert params["Sampler"] == "Euler a"
    assert type(loaded.pipeline.scheduler) is original
    with pytest.raises(BadInput, match="unknown scheduler"):
        make(loaded, tmp_path, alice, None, scheduler="warp-drive")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"prompt": "  "}, "prompt is empty"),
        ({"size": 65}, "multiple of 8"),
        ({"size": "64x4096"}, "multiple of 8"),
        ({"steps": 0}, "steps"),
        ({"n": 0}, "at least 1"),
        ({"seed": -1}, "seed"),
        ({"training_mining": "maybe"}, "training/mining"),
        ({"country": "XYZ"}, "carbon intensity"),
        ({"training_mining": "allowed", "training_constraint": "research"}, "constrained"),
    ],
)
def test_bad_inputs_make_nothing(kwargs, message, loaded, tmp_path, alice, ledger) -> None:
    with pytest.raises(Exception, match=message) as caught:
        make(loaded, tmp_path, alice, ledger, **kwargs)
    assert caught.value.exit_code == 2
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True
    assert ledger.counts()["artworks"] == 0 and ledger.counts()["energy_runs"] == 0


def test_model_not_on_this_machine(monkeypatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(SetupError, match="hf download nobody/no-such-model") as caught:
        load_model("nobody/no-such-model", device="cpu")
    assert caught.value.exit_code == 3
    monkeypatch.delenv("HF_HUB_OFFLINE")
    # Online mode on a machine without network (the suite blocks it): the same advice.
    with pytest.raises(SetupError, match="hf download nobody/no-such-model"):
        load_model("nobody/no-such-model", device="cpu")


def test_bad_model_names(tmp_path) -> None:
    with pytest.raises(BadInput, match="not found"):
        load_model(str(tmp_path / "missing"), device="cpu")
    (tmp_path / "empty").mkdir()
    with pytest.raises(BadInput, match=r"model_index\.json"):
        load_model(str(tmp_path / "empty"), device="cpu")
    with pytest.raises(BadInput, match="neither"):
        load_model("not a model id!", device="cpu")


def test_cuda_asked_without_a_gpu() -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has a CUDA GPU")
    # The library names its parameter; the command line shows it as its option.
    with pytest.raises(SetupError, match="use device cpu") as raised:
        load_model("demo", device="cuda")
    assert "--device cpu" in raised.value.render("en", param=as_cli_option)


def test_a_local_folder_is_named_by_its_weights(loaded, tmp_path) -> None:
    copy = tmp_path / "my-model"
    shutil.copytree(loaded.folder, copy)
    (copy / demo_model.MARKER).unlink()  # now just a diffusers folder
    local = load_model(str(copy), device="cpu", cache_dir=tmp_path / "cache")
    assert local.info.id == "my-model" and not local.info.is_demo
    assert local.info.weights_sha256 == loaded.info.weights_sha256  # same weights, same hash
    assert local.load_energy.scope == "model-load"


# --- the demo model -----------------------------------------------------------------------


def test_demo_model_is_the_same_everywhere_and_built_atomically(
    loaded, tmp_path, monkeypatch
) -> None:
    real_build = demo_model.build

    def build_then_interrupt(folder: Path) -> None:
        real_build(folder)
        raise KeyboardInterrupt  # stopped after the files are written, before the rename

    monkeypatch.setattr(demo_model, "build", build_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        demo_model.ensure(tmp_path)
    models = tmp_path / "models"
    assert list(models.iterdir()) == []  # neither a half-built model nor a temporary folder
    monkeypatch.undo()
    # A folder that this code did not complete (no marker) is rebuilt, not trusted.
    demo_model.model_dir(tmp_path).mkdir(parents=True)
    (demo_model.model_dir(tmp_path) / "model_index.json").write_text("{}")
    folder = demo_model.ensure(tmp_path)
    assert demo_model.info(folder)["weights_sha256"] == loaded.info.weights_sha256


def test_demo_tokenizer_is_clips(loaded) -> None:
    tokenizer = loaded.pipeline.tokenizer
    assert len(tokenizer) == 49408
    # CLIP's own ids for these words (openai/clip-vit-large-patch14).
    assert tokenizer("a photo of a cat").input_ids == [49406, 320, 1125, 539, 320, 2368, 49407]


def test_importing_the_commands_stays_light() -> None:
    code = (
        "import sys, artcharter.cli, artcharter.provenance.generate\n"
        "heavy = [m for m in ('torch', 'diffusers', 'transformers', 'codecarbon', 'open_clip') if m in sys.modules]\n"
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- the command line ---------------------------------------------------------------------


@pytest.fixture
def project(tmp_path, school_dir, demo_xdg, monkeypatch) -> Path:
    """A project whose keys are the session school's, and whose cache holds the demo model."""
    from artcharter.cli import run
    from artcharter.provenance.config import set_config_value

    root = tmp_path / "atelier"
    assert run(["init", str(root), "--lang", "en"]) == 0
    shutil.copytree(school_dir, root / "keys", dirs_exist_ok=True)
    set_config_value(root, "artist", "name", "Alice Martin")
    monkeypatch.setenv("XDG_CACHE_HOME", str(demo_xdg))
    return root


def cli(*args: str) -> int:
    from artcharter.cli import run

    return run(list(args))


def test_cli_generate_keep_discard_energy(project, capsys) -> None:
    out = project / "images"
    code = cli(
        "--project",
        str(project),
        "generate",
        "a cat, watercolour",
        "--model",
        "demo",
        "--n",
        "3",
        "--size",
        "64x64",
        "--steps",
        "2",
        "--seed",
        "3",
        "-o",
        str(out),
        "--session",
        "atelier-1",
        "--json",
    )
    assert code == 0
    made = json.loads(capsys.readouterr().out)
    assert [m["record"]["generation"]["seed"] for m in made] == [3, 4, 5]
    first, second, third = made
    assert cli("--project", str(project), "keep", first["path"]) == 0
    assert (
        cli(
            "--project",
            str(project),
            "discard",
            second["record"]["artwork_id"][:8],
            third["sha256"],
        )
        == 0
    )
    assert "discarded" in capsys.readouterr().out
    with Ledger(project / "artcharter.db") as ledger:
        statuses = {r["artwork_id"]: r["status"] for r in ledger.artworks()}
        rows = list(ledger.db.query("SELECT * FROM energy_runs"))
    assert statuses[first["record"]["artwork_id"]] == "kept"
    assert (
        statuses[second["record"]["artwork_id"]]
        == statuses[third["record"]["artwork_id"]]
        == "discarded"
    )

    # One unknown name: nothing changes.
    assert cli("--project", str(project), "keep", second["path"], "no-such-image") == 2
    assert "no-such-image" in capsys.readouterr().err
    with Ledger(project / "artcharter.db") as ledger:
        assert ledger.find_artwork(second["record"]["artwork_id"])["status"] == "discarded"

    assert cli("--project", str(project), "energy", "--session", "atelier-1", "--json") == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["total"]["runs"] == len(rows) == 4  # the load and three generations
    assert summary["total"]["kwh"] == pytest.approx(sum(r["kwh_total"] for r in rows), rel=1e-9)
    assert summary["by_status"]["discarded"]["images"] == 2  # discarded images still count
    assert summary["by_status"]["kept"]["images"] == 1
    assert summary["by_phase"]["model-load"]["runs"] == 1
    assert cli("--project", str(project), "--lang", "fr", "energy") == 0
    text = capsys.readouterr().out
    assert "images écartées\u00a0: 2" in text and "de smartphone" in text

    # An unknown session is an error naming it, with the few sessions there are.
    assert cli("--project", str(project), "--lang", "en", "energy", "--session", "atelier-9") == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line == 'artcharter: error: no session "atelier-9" in the ledger; sessions: atelier-1'
    assert cli("--project", str(project), "--lang", "fr", "energy", "--session", "atelier-9") == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert (
        "aucune session «\u00a0atelier-9\u00a0» dans le registre\u00a0; sessions\u00a0: atelier-1"
        in line
    )


def test_unknown_session_points_to_the_list_when_there_are_many() -> None:
    from artcharter.cli.generate import _unknown_session

    many = {f"s{i}": None for i in range(9)}
    assert str(_unknown_session("x", many, "en")) == (
        'no session "x" in the ledger; `artcharter energy --json` lists its 9 sessions'
    )
    assert "`artcharter energy --json` en liste les 9 sessions" in str(
        _unknown_session("x", many, "fr")
    )
    error = _unknown_session("x", {}, "en")
    assert isinstance(error, BadInput) and error.exit_code == 2
    assert str(error) == 'no session "x" in the ledger; no energy recorded yet'


def test_energy_of_an_empty_ledger_is_not_an_error(project, capsys) -> None:
    assert cli("--project", str(project), "--lang", "fr", "energy") == 0
    assert "aucune énergie enregistrée\u00a0: générez des images" in capsys.readouterr().out
    assert cli("--project", str(project), "--lang", "fr", "energy", "--session", "s1") == 2
    assert "aucune session «\u00a0s1\u00a0»" in capsys.readouterr().err


def test_cli_generate_prints_what_it_made(project, capsys) -> None:
    from artcharter.charter.declaration import load_declaration

    declaration = project / "declaration.toml"
    declaration.write_text(
        'title = "Chien"\nartist = "Alice Martin"\nstatement = "Un essai."\n'
        'training_mining = "constrained"\n',
        encoding="utf-8",
    )
    code = cli(
        "--project",
        str(project),
        "generate",
        "a dog",
        "--model",
        "demo",
        "--size",
        "64",
        "--steps",
        "2",
        "--declaration",
        str(declaration),
        "-o",
        str(project / "out"),
    )
    assert code == 0
    captured = capsys.readouterr()
    assert "demo model, random weights" in captured.err
    (image,) = (project / "out").glob("*.png")
    assert str(image) in captured.out and "1 image signed and recorded" in captured.out
    record = verify_file(image).record
    assert record["declaration"] == load_declaration(declaration).to_dict()
    # The declaration's title and training/mining choice apply when the command gives none.
    assert record["title"] == "Chien" and record["training_mining"] == "constrained"
    assert image.name.startswith("chien-")


def test_cli_generate_loading_line_in_french(project, capsys, monkeypatch) -> None:
    from artcharter.provenance import generate as gen

    real = gen.load_model

    def slow_load(*args, **kwargs):
        loaded = real(*args, **kwargs)
        loaded.load_ms = 4800.0  # a load time with a decimal part
        return loaded

    monkeypatch.setattr(gen, "load_model", slow_load)
    args = ("generate", "un chien", "--model", "demo", "--size", "64", "--steps", "2")
    out = ("-o", str(project / "out"))
    assert cli("--project", str(project), "--lang", "fr", *args, *out) == 0
    (line,) = [x for x in capsys.readouterr().err.splitlines() if "chargé en" in x]
    assert line.endswith("chargé en 4,8 s") and "threads" not in line
    if f"sur {gen.cpu_model()} (" in line:  # a CPU's name says how many threads, in French
        assert re.search(r"\(1 fil d'exécution\)|\(\d+ fils d'exécution\)", line)
    assert cli("--project", str(project), "--lang", "en", *args, *out) == 0
    (line,) = [x for x in capsys.readouterr().err.splitlines() if "loaded in" in x]
    assert line.endswith("loaded in 4.8 s")


def test_generate_reports_the_model_loading_through_callbacks(project, loaded, capsys) -> None:
    """``Project.generate`` with a model's name says when it loads and what it loaded,
    before any image; the command prints these from the same callbacks, in that order."""
    from artcharter import GenerateRequest, open_project

    events: list[tuple[str, object]] = []
    request = GenerateRequest("a dog", output_dir=project / "py", n=2, **FAST)
    with open_project(project) as opened:
        made = opened.generate(
            request,
            model="demo",
            on_loading=lambda name: events.append(("loading", name)),
            on_loaded=lambda loaded: events.append(("loaded", loaded)),
            on_image=lambda signed: events.append(("image", signed.path)),
        )
    assert capsys.readouterr() == ("", "")  # the library prints nothing
    assert [kind for kind, _ in events] == ["loading", "loaded", "image", "image"]
    assert events[0][1] == "demo" and isinstance(events[1][1], LoadedModel)
    assert [value for kind, value in events if kind == "image"] == [s.path for s in made]
    # A model already loaded is not loaded again: neither callback is called.
    events.clear()
    with open_project(project) as opened:
        opened.generate(
            GenerateRequest("a dog", output_dir=project / "again", **FAST),
            model=loaded,
            on_loading=lambda name: events.append(("loading", name)),
            on_loaded=lambda loaded: events.append(("loaded", loaded)),
        )
    assert events == []
    args = ("generate", "a dog", "--model", "demo", "--n", "2", "--size", "64", "--steps", "2")
    assert cli("--project", str(project), *args, "-o", str(project / "cli")) == 0
    err = capsys.readouterr().err.splitlines()
    loading_line = next(i for i, line in enumerate(err) if line.startswith("loading"))
    loaded_line = next(i for i, line in enumerate(err) if "loaded in" in line)
    assert loading_line < loaded_line and "random weights" in err[loaded_line + 1]


def test_cli_generate_ctrl_c(project, capsys, monkeypatch) -> None:
    """Ctrl-C while images are made says how many were finished; Ctrl-C while the model
    loads says only that the command stopped."""
    from artcharter.base.errors import EXIT_INTERRUPTED
    from artcharter.provenance import generate as gen

    real = gen.load_model

    def interrupt_second_image(*args, **kwargs):
        loaded = real(*args, **kwargs)
        calls = []

        def hook(*_: object) -> None:
            calls.append(1)
            if len(calls) == 2:  # one denoising step per image: in the middle of image 2
                os.kill(os.getpid(), signal.SIGINT)

        loaded.pipeline.unet.register_forward_hook(hook)
        return loaded

    monkeypatch.setattr(gen, "load_model", interrupt_second_image)
    args = ("generate", "a dog", "--model", "demo", "--n", "3", "--size", "64", "--steps", "1")
    out = project / "out"
    assert cli("--project", str(project), *args, "-o", str(out)) == EXIT_INTERRUPTED
    captured = capsys.readouterr()
    assert "interrupted: 1 image was finished and recorded before the stop" in captured.err
    assert len(list(out.glob("*.png"))) == 1 and str(next(out.glob("*.png"))) in captured.out

    def interrupt_loading(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)
        return real(*args, **kwargs)

    monkeypatch.setattr(gen, "load_model", interrupt_loading)
    assert cli("--project", str(project), *args, "-o", str(project / "none")) == EXIT_INTERRUPTED
    err = capsys.readouterr().err
    assert "loading demo" in err and "were finished" not in err and "was finished" not in err
    assert not (project / "none").exists()


def test_cli_errors_are_one_line_and_early(project, capsys, monkeypatch) -> None:
    base = ("--project", str(project), "generate", "a cat", "--model", "demo")
    assert cli(*base, "--size", "65x64") == 2
    assert "multiple of 8" in capsys.readouterr().err
    assert cli(*base, "--artist", "Nobody Here") == 3
    assert "keys issue" in capsys.readouterr().err
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert (
        cli("--project", str(project), "generate", "a cat", "--model", "nobody/no-such-model") == 3
    )
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if line.startswith("artcharter: error:")]
    assert len(errors) == 1 and "hf download nobody/no-such-model" in errors[0]
    assert "Traceback" not in err
    assert not (project / "generated").exists()


def test_demo_command_runs_the_whole_path(tmp_path, demo_xdg, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(demo_xdg))
    # The suite already refuses the network; also catch attempts a library would swallow.
    attempts = []
    for owner, name in (
        (socket, "getaddrinfo"),
        (socket, "create_connection"),
        (socket.socket, "connect"),
    ):
        refusing = getattr(owner, name)

        def record(*args, _refusing=refusing, _name=name, **kwargs):
            if _name != "connect" or not isinstance(args[1], str | bytes):
                attempts.append((_name, args[-1] if _name == "connect" else args[0]))
            return _refusing(*args, **kwargs)

        monkeypatch.setattr(owner, name, record)
    folder = tmp_path / "demo-project"
    assert cli("--lang", "en", "demo", str(folder), "--json") == 0
    report = json.loads(capsys.readouterr().out)
    assert [i["verdict"] for i in report["images"]] == [verdicts.TRUSTED] * 2
    assert report["model"]["is_demo"] and "random weights" in report["model"]["label"]
    assert cli("--lang", "en", "demo", str(folder)) == 0  # a second run reuses the project
    text = capsys.readouterr().out
    assert "artcharter --project" in text and "Trusted" in text
    # Every hint line is one whole command that works when copied: keep and discard included.
    hints = [line.strip() for line in text.splitlines() if line.startswith("  artcharter ")]
    assert all(" / " not in line for line in hints)
    marks = [shlex.split(line) for line in hints if shlex.split(line)[3] in ("keep", "discard")]
    assert [m[3] for m in marks] == ["keep", "discard"]
    for mark in marks:
        assert cli(*mark[1:]) == 0
    with Ledger(folder / "artcharter.db") as ledger:
        statuses = {(Path(r["path"]).name, r["status"]) for r in ledger.artworks()}
    assert (Path(marks[0][4]).name, "kept") in statuses
    assert (Path(marks[1][4]).name, "discarded") in statuses
    with Ledger(folder / "artcharter.db") as ledger:
        assert ledger.counts()["artworks"] == 4
    assert attempts == []
    with Image.open(io.BytesIO(Path(report["images"][0]["path"]).read_bytes())) as image:
        assert image.size == (demo_model.SIZE, demo_model.SIZE)


def test_a_generation_imported_into_another_ledger_keeps_its_energy(
    loaded, tmp_path, alice, ledger, school_root
) -> None:
    from artcharter.provenance.ledger_import import import_verified

    (signed,) = make(loaded, tmp_path, alice, ledger, seed=31)
    with Ledger(tmp_path / "school.db") as school:
        result = verify_file(signed.path, read_anchors([school_root]))
        assert import_verified(school, result).outcome == "imported"
        (row,) = school.db.query("SELECT * FROM energy_runs")
        assert row["artwork_id"] == signed.record.artwork_id and row["phase"] == "generation"
        assert row["kwh_total"] == pytest.approx(signed.record.energy.kwh_total)
        (artwork,) = school.artworks()
        assert artwork["model_id"] == loaded.info.id and artwork["status"] == "signed"
        assert import_verified(school, result).outcome == "already"
        assert len(list(school.db.query("SELECT * FROM energy_runs"))) == 1
