"""Adapters on the demo model: a tiny LoRA (peft's LoraConfig on the demo UNet, saved with
diffusers' ``save_lora_weights``) and a tiny textual inversion embedding (a safetensors file
with one vector of the text encoder's width), both built by the test, loaded through
diffusers' own adapter API, and signed in: name, hash, scale or token, declared training
data, in the record, the manifest's ingredients, verify's lines and the report, in French
and English. Bad adapter files are one-line refusals that leave nothing behind.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
import pty
import re
import select
import struct
import sys
import time
from pathlib import Path

import pytest

from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex
from artcharter.cli import run
from artcharter.provenance import verdicts
from artcharter.provenance.adapters import AdapterSpec, parse_embedding, parse_lora
from artcharter.provenance.generate import GenerateRequest, LoadedModel, generate, load_model
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.record import ArtworkRecord
from artcharter.provenance.verify import read_anchors, verify_file
from artcharter.reports.report import make_report

FAST = {"steps": 2, "size": 64, "seed": 11}
PROMPT = "a fox in <ink-style>"


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> LoadedModel:
    return load_model("demo", device="cpu", cache_dir=tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def lora(loaded: LoadedModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch
    from diffusers import StableDiffusionPipeline
    from diffusers.utils import convert_state_dict_to_diffusers
    from peft import LoraConfig, get_peft_model_state_dict

    unet = copy.deepcopy(loaded.pipeline.unet)
    torch.manual_seed(3)
    # init_lora_weights=False: random B as well as A, so that the adapter changes the image.
    config = LoraConfig(
        r=4, lora_alpha=4, target_modules=["to_q", "to_k", "to_v"], init_lora_weights=False
    )
    unet.add_adapter(config)
    layers = convert_state_dict_to_diffusers(get_peft_model_state_dict(unet))
    folder = tmp_path_factory.mktemp("lora")
    StableDiffusionPipeline.save_lora_weights(
        folder, unet_lora_layers=layers, weight_name="ink.safetensors"
    )
    (folder / "ink.safetensors.toml").write_text(
        'name = "Ink style"\ntraining_data = "40 of my own ink drawings, 2024"\n',
        encoding="utf-8",
    )
    return folder / "ink.safetensors"


def embedding_file(folder: Path, width: int, name: str = "ink-style.safetensors") -> Path:
    import torch
    from safetensors.torch import save_file

    path = folder / name
    save_file(
        {"emb_params": torch.randn(1, width, generator=torch.Generator().manual_seed(5))}, path
    )
    return path


@pytest.fixture(scope="module")
def embedding(loaded: LoadedModel, tmp_path_factory: pytest.TempPathFactory) -> Path:
    width = loaded.pipeline.text_encoder.config.hidden_size
    return embedding_file(tmp_path_factory.mktemp("embedding"), width)


@pytest.fixture(scope="module")
def anchors(school_root: Path) -> tuple[str, ...]:
    return read_anchors([school_root])


def make(loaded, folder, identity, *adapters: AdapterSpec, ledger=None, prompt=PROMPT):
    request = GenerateRequest(prompt, output_dir=folder, adapters=tuple(adapters), **FAST)
    return generate(loaded, request, identity=identity, ledger=ledger)


def test_parsing_paths_scales_and_words() -> None:
    assert parse_lora("ink.safetensors") == AdapterSpec("lora", Path("ink.safetensors"))
    assert parse_lora("a/ink.safetensors:0.7") == AdapterSpec(
        "lora", Path("a/ink.safetensors"), scale=0.7
    )
    assert parse_lora("C:/x/ink.safetensors").path == Path("C:/x/ink.safetensors")
    assert parse_embedding("ink.safetensors:<ink>").token == "<ink>"
    assert parse_embedding("ink.safetensors").token is None


def test_lora_and_embedding_are_loaded_signed_and_taken_out_again(
    loaded, lora, embedding, tmp_path, alice, anchors
) -> None:
    (plain,) = make(loaded, tmp_path / "plain", alice)
    with Ledger(tmp_path / "ledger.db") as ledger:
        (signed,) = make(
            loaded,
            tmp_path / "out",
            alice,
            AdapterSpec("lora", lora, scale=0.8),
            AdapterSpec("textual-inversion", embedding),
            ledger=ledger,
        )
        row = ledger.db.execute(
            "SELECT record FROM artworks WHERE artwork_id = ?", [signed.record.artwork_id]
        ).fetchone()
    # The adapters changed the pixels, and were taken out: the same request again without
    # them gives the plain image back, bit for bit.
    assert signed.path.read_bytes() != plain.path.read_bytes()
    (again,) = make(loaded, tmp_path / "again", alice)
    from PIL import Image

    assert Image.open(again.path).tobytes() == Image.open(plain.path).tobytes()
    assert loaded.pipeline.get_active_adapters() == []

    result = verify_file(signed.path, anchors)
    assert result.verdict == verdicts.TRUSTED
    assert result.ingredients == [
        {
            "title": "ink.safetensors",
            "relationship": "inputTo",
            "format": "application/octet-stream",
            "description": "lora",
        },
        {
            "title": "ink-style.safetensors",
            "relationship": "inputTo",
            "format": "application/octet-stream",
            "description": "textual-inversion",
        },
    ]
    record = ArtworkRecord.from_dict(result.record or {})
    assert record.model is not None
    first, second = record.model.adapters
    assert (first.kind, first.name, first.scale, first.sha256) == (
        "lora",
        "Ink style",
        0.8,
        sha256_hex(lora.read_bytes()),
    )
    assert first.training_data == "40 of my own ink drawings, 2024" and first.by_artist is True
    assert (second.kind, second.token, second.sha256) == (
        "textual-inversion",
        "<ink-style>",
        sha256_hex(embedding.read_bytes()),
    )
    assert [i.sha256 for i in record.ingredients] == [first.sha256, second.sha256]
    # The ledger keeps the same record.
    stored = json.loads(row[0])
    assert [a["sha256"] for a in stored["model"]["adapters"]] == [first.sha256, second.sha256]

    for lang, words in (
        ("en", "Fine-tuned by the artist on: 40 of my own ink drawings, 2024"),
        ("fr", "Affiné par l'artiste sur\u00a0: 40 of my own ink drawings, 2024"),
    ):
        report = make_report(signed.path, tmp_path / f"report-{lang}", anchors=anchors, lang=lang)
        shown = report.report["generation"]["adapters"]
        assert [a["sha256"] for a in shown] == [first.sha256, second.sha256]
        assert shown[0]["training_words"] == words
        html = report.html.read_text(encoding="utf-8")
        assert "Ink style" in html and first.sha256 in html
        assert words.replace("'", "&#39;") in html


def test_verify_names_the_adapters_in_each_language(
    loaded, lora, tmp_path, alice, school_root, capsys
) -> None:
    (signed,) = make(loaded, tmp_path / "out", alice, AdapterSpec("lora", lora, scale=0.5))
    digest = sha256_hex(lora.read_bytes())
    for lang, scale_word in (("en", "LoRA, scale 0.5"), ("fr", "LoRA, échelle 0,5")):
        code = run(["--lang", lang, "verify", str(signed.path), "--trust", str(school_root)])
        out = capsys.readouterr().out
        assert code == 0, out
        assert f"Ink style (ink.safetensors, {scale_word}, SHA-256 {digest[:16]}" in out


@pytest.mark.parametrize(
    ("kind", "make_file", "message"),
    [
        ("lora", lambda p: p / "missing.safetensors", "missing.safetensors"),
        ("lora", lambda p: _write(p / "x.safetensors", b"not a safetensors file"), "safetensors"),
        ("lora", lambda p: _write(p / "x.safetensors", struct.pack("<Q", 10**12) + b"{}"), "safe"),
        ("textual-inversion", lambda p: p / "ink-style.safetensors", "ink-style"),
    ],
)
def test_bad_files_are_refused_before_the_model_loads(kind, make_file, message, tmp_path) -> None:
    path = make_file(tmp_path)
    request = GenerateRequest(
        "a fox", output_dir=tmp_path / "out", adapters=(AdapterSpec(kind, path),)
    )
    with pytest.raises(BadInput, match=message):
        request.check()


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_an_adapter_that_does_not_fit_the_model_is_one_line_and_leaves_nothing(
    loaded, lora, tmp_path, alice
) -> None:
    wrong = embedding_file(tmp_path, loaded.pipeline.text_encoder.config.hidden_size + 3)
    out = tmp_path / "out"
    with Ledger(tmp_path / "ledger.db") as ledger:
        with pytest.raises(BadInput, match="does not fit this model"):
            make(loaded, out, alice, AdapterSpec("textual-inversion", wrong), ledger=ledger)
        assert ledger.db.execute("SELECT count(*) FROM artworks").fetchone()[0] == 0
    assert not out.exists() or not any(out.iterdir())
    # A LoRA file with an embedding's tensors has no LoRA layer for this model.
    with pytest.raises(BadInput, match="does not fit this model"):
        make(loaded, out, alice, AdapterSpec("lora", wrong))
    assert loaded.pipeline.get_active_adapters() == []
    (after,) = make(loaded, out, alice, AdapterSpec("lora", lora))
    assert after.path.exists()


def test_cli_lora_and_embedding(tmp_path, monkeypatch, capsys, lora, embedding) -> None:
    root = tmp_path / "atelier"
    assert run(["init", str(root), "--name", "ESAD Exemple", "--lang", "en"]) == 0
    monkeypatch.chdir(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert run(["keys", "init-school", "--name", "ESAD Exemple"]) == 0
    assert run(["keys", "issue", "--artist", "Alice Martin", "--default"]) == 0
    capsys.readouterr()
    args = ["generate", PROMPT, "--model", "demo", "--steps", "2", "--size", "64", "--json"]
    code = run([*args, "--lora", f"{lora}:0.6", "--embedding", f"{embedding}:<ink-style>"])
    out = capsys.readouterr().out
    assert code == 0, out
    (made,) = json.loads(out)
    adapters = made["record"]["model"]["adapters"]
    assert [(a["kind"], a["scale"], a["token"]) for a in adapters] == [
        ("lora", 0.6, None),
        ("textual-inversion", None, "<ink-style>"),
    ]
    code = run([*args, "--lora", str(tmp_path / "nowhere.safetensors")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1 and "nowhere.safetensors" in err


@pytest.fixture
def atelier(tmp_path, monkeypatch, capsys, embedding) -> tuple[Path, Path]:
    """A project and an image made with an embedding whose training no TOML declared."""
    root = tmp_path / "atelier"
    assert run(["init", str(root), "--name", "ESAD Exemple", "--lang", "en"]) == 0
    monkeypatch.chdir(root)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert run(["keys", "init-school", "--name", "ESAD Exemple"]) == 0
    assert run(["keys", "issue", "--artist", "Alice Martin", "--default"]) == 0
    args = ["generate", PROMPT, "--model", "demo", "--steps", "2", "--size", "64", "--json"]
    capsys.readouterr()
    assert run([*args, "--embedding", f"{embedding}:<ink-style>"]) == 0
    (made,) = json.loads(capsys.readouterr().out)
    (adapter,) = made["record"]["model"]["adapters"]
    assert adapter["training_data"] is None
    return root, Path(made["path"])


def test_declare_asks_the_training_of_an_undeclared_adapter_and_the_report_says_it(
    atelier, capsys, embedding
) -> None:
    root, image = atelier
    # Not a terminal: the template's [[adapters]] table is left to complete, and said so.
    assert run(["declare", str(image), "-o", "decl.toml"]) == 0
    out = capsys.readouterr().out
    assert "say what ink-style.safetensors was trained on" in out
    template = (root / "decl.toml").read_text(encoding="utf-8")
    digest = sha256_hex(embedding.read_bytes())
    assert f'[[adapters]]\nfile = "ink-style.safetensors"\nsha256 = "{digest}"' in template
    assert 'training_data = ""' in template
    filled = template.replace('training_data = ""', 'training_data = "my 30 gouaches of foxes"')
    (root / "decl.toml").write_text(filled, encoding="utf-8")
    assert run(["sign-declaration", str(image), "decl.toml", "-o", "declared.png"]) == 0

    result = verify_file(root / "declared.png", read_anchors([root / "keys" / "school-root.pem"]))
    assert result.verdict == verdicts.TRUSTED
    (adapter,) = result.record["model"]["adapters"]
    assert (adapter["training_data"], adapter["by_artist"]) == ("my 30 gouaches of foxes", True)
    (told,) = result.record["declaration"]["adapters"]
    assert told == {
        "file": "ink-style.safetensors",
        "sha256": digest,
        "training_data": "my 30 gouaches of foxes",
        "by_artist": True,
    }
    with Ledger(root / "artcharter.db") as ledger:
        for lang, words in (
            ("en", "Fine-tuned by the artist on: my 30 gouaches of foxes"),
            ("fr", "Affiné par l'artiste sur\u00a0: my 30 gouaches of foxes"),
        ):
            report = make_report(
                root / "declared.png",
                root / f"report-{lang}",
                lang=lang,
                ledger=ledger,
                anchors=read_anchors([root / "keys" / "school-root.pem"]),
            )
            html = report.html.read_text(encoding="utf-8")
            assert words in html.replace("&#39;", "'"), lang
    # Declared: the next template asks nothing more.
    capsys.readouterr()
    assert run(["declare", "declared.png", "-o", "again.toml"]) == 0
    assert "was trained on" not in capsys.readouterr().out


def test_a_declaration_about_an_adapter_the_work_did_not_use_is_refused(atelier, capsys) -> None:
    root, image = atelier
    assert run(["declare", str(image), "-o", "decl.toml"]) == 0
    template = (root / "decl.toml").read_text(encoding="utf-8")
    other = "ab" * 32
    wrong = re.sub(r'sha256 = "[0-9a-f]{64}"', f'sha256 = "{other}"', template)
    (root / "decl.toml").write_text(wrong.replace('training_data = ""', 'training_data = "x"'))
    capsys.readouterr()
    assert run(["sign-declaration", str(image), "decl.toml", "-o", "declared.png"]) == 2
    err = capsys.readouterr().err
    assert "which the work did not use" in err and len(err.strip().splitlines()) == 1
    assert not (root / "declared.png").exists()


def test_declare_asks_on_a_terminal(atelier, tmp_path) -> None:
    """The real command on a pseudo-terminal: the question is asked, the answers land in
    the template."""
    root, image = atelier
    env = {k: v for k, v in os.environ.items() if not k.startswith("ARTCHARTER_")}
    env |= {"ARTCHARTER_PROJECT": str(root), "ARTCHARTER_LANG": "fr", "COLUMNS": "200"}
    argv = [str(Path(sys.executable).with_name("artcharter")), "declare", str(image), "-o", "asked.toml"]  # fmt: skip
    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, on the terminal
        os.chdir(root)
        os.execve(argv[0], argv, env)
    said = b""

    def read_until(word: bytes) -> None:
        nonlocal said
        deadline = time.monotonic() + 120
        while word not in said and time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1)
            if ready:
                said += os.read(fd, 4096)
        assert word in said, said.decode(errors="replace")

    read_until("entraîné\u00a0?".encode())
    os.write(fd, b"mes 30 gouaches de renards\r")
    read_until("vous-même".encode())
    os.write(fd, b"n\r")
    _, status = os.waitpid(pid, 0)
    with contextlib.suppress(OSError):
        said += os.read(fd, 4096)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, said.decode(errors="replace")
    template = (root / "asked.toml").read_text(encoding="utf-8")
    assert 'training_data = "mes 30 gouaches de renards"\nby_artist = false' in template
