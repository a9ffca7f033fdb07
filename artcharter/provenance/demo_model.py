"""The demo model: a tiny Stable Diffusion pipeline with random weights, built offline.

It lets anyone run the whole path (generate, sign, measure, verify, report) on a laptop
with no download: the pipeline is the real diffusers ``StableDiffusionPipeline``, only
tiny (a 2-block UNet, a 2-layer CLIP text encoder, a 2-block VAE) and never trained, so
its images are coloured noise. It is labelled "demo model, random weights" wherever it
shows (``ModelInfo.is_demo``).

Built on first use from a fixed seed, so every machine with the same library versions
gets the same weights, then saved with ``save_pretrained`` into the user's cache folder
(``platformdirs``; honours XDG_CACHE_HOME) and loaded back like any local model. The
tokenizer is CLIP's: its vocabulary is rebuilt from the BPE merges file that open_clip
ships. The build happens in a temporary folder renamed into place when complete, so an
interrupted build never leaves a broken model behind.
"""

from __future__ import annotations

import contextlib
import gzip
import importlib.util
import json
import tempfile
from pathlib import Path
from typing import Any

from artcharter.base.errors import SetupError
from artcharter.base.files import ensure_folder
from artcharter.provenance.messages import MESSAGES

ALIAS = "demo"
MODEL_ID = "artcharter/demo-random-weights"
LABEL = "demo model, random weights"
# Bump when the recipe below changes: a new folder is built, old ones stay valid.
RECIPE = 1
SEED = 20241122
MARKER = "artcharter-demo.json"
# Generation defaults: small images and few steps, seconds on two CPU cores.
SIZE = 128
STEPS = 4
GUIDANCE = 5.0
SCHEDULER = "EulerDiscreteScheduler"

# CLIP's vocabulary: 49,408 tokens = 256 byte symbols, their end-of-word forms, the
# 48,894 merges of the BPE file, then the two special tokens.
_BPE_FILE = "bpe_simple_vocab_16e6.txt.gz"
_N_MERGES = 49152 - 256 - 2
BOS, EOS = "<|startoftext|>", "<|endoftext|>"
MAX_TOKENS = 77


def cache_root(cache_dir: Path | None = None) -> Path:
    """artcharter's cache folder: ``cache_dir`` or the user's cache (XDG_CACHE_HOME...)."""
    if cache_dir is not None:
        return Path(cache_dir)
    import platformdirs

    return Path(platformdirs.user_cache_dir("artcharter"))


def model_dir(cache_dir: Path | None = None) -> Path:
    return cache_root(cache_dir) / "models" / f"demo-sd-recipe{RECIPE}"


def ensure(cache_dir: Path | None = None) -> Path:
    """The demo model's folder, built first if it is not there yet."""
    target = model_dir(cache_dir)
    # Complete means marked: a build renames a whole folder, marker last, into place.
    try:
        return ensure_folder(target, build, complete=lambda folder: (folder / MARKER).is_file())
    except OSError as exc:
        raise SetupError(
            MESSAGES("demo_model.cannot_build", parent=target.parent, error=str(exc))
        ) from None


def build(folder: Path) -> None:
    """Build the demo pipeline and save it into ``folder`` (which must be empty)."""
    import torch

    from artcharter.provenance.model_files import weights_sha256
    from artcharter.provenance.quiet import quiet_libraries

    with tempfile.TemporaryDirectory() as tokenizer_source, quiet_libraries():
        pipeline = _pipeline(Path(tokenizer_source))
        pipeline.save_pretrained(folder, safe_serialization=True)

    marker = {
        "model_id": MODEL_ID,
        "label": LABEL,
        "recipe": RECIPE,
        "seed": SEED,
        "weights_sha256": weights_sha256(folder),
        "torch": torch.__version__,
        "diffusers": _version("diffusers"),
        "transformers": _version("transformers"),
    }
    (folder / MARKER).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")


def info(folder: Path) -> dict[str, Any]:
    """What the marker of a built demo model says."""
    return json.loads((folder / MARKER).read_text(encoding="utf-8"))


def _version(name: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return None


def _pipeline(tokenizer_source: Path) -> Any:
    import torch
    from diffusers import (
        AutoencoderKL,
        EulerDiscreteScheduler,
        StableDiffusionPipeline,
        UNet2DConditionModel,
    )
    from transformers import CLIPTextConfig, CLIPTextModel

    tokenizer = clip_tokenizer(tokenizer_source)
    # fork_rng: the fixed seed must not change the caller's random state.
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(SEED)
        unet = UNet2DConditionModel(
            block_out_channels=(32, 64),
            layers_per_block=2,
            sample_size=SIZE // 2,
            in_channels=4,
            out_channels=4,
            down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
            up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
            cross_attention_dim=32,
        )
        vae = AutoencoderKL(
            block_out_channels=(32, 64),
            in_channels=3,
            out_channels=3,
            down_block_types=("DownEncoderBlock2D", "DownEncoderBlock2D"),
            up_block_types=("UpDecoderBlock2D", "UpDecoderBlock2D"),
            latent_channels=4,
            sample_size=SIZE,
        )
        text_encoder = CLIPTextModel(
            CLIPTextConfig(
                vocab_size=len(tokenizer),
                hidden_size=32,
                intermediate_size=37,
                num_hidden_layers=2,
                num_attention_heads=4,
                max_position_embeddings=MAX_TOKENS,
                projection_dim=32,
                bos_token_id=tokenizer.bos_token_id,
                eos_token_id=tokenizer.eos_token_id,
                pad_token_id=tokenizer.pad_token_id,
            )
        )
    scheduler = EulerDiscreteScheduler(
        beta_start=0.00085,
        beta_end=0.012,
        beta_schedule="scaled_linear",
        steps_offset=1,
        timestep_spacing="trailing",
    )
    return StableDiffusionPipeline(
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        unet=unet,
        scheduler=scheduler,
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )


def clip_tokenizer(folder: Path) -> Any:
    """CLIP's tokenizer, built offline from open_clip's BPE merges file."""
    from transformers import CLIPTokenizer

    vocab_path, merges_path = write_clip_vocabulary(folder)
    # Positional: transformers 4 names them vocab_file/merges_file, transformers 5 vocab/merges.
    return CLIPTokenizer(
        str(vocab_path),
        str(merges_path),
        bos_token=BOS,
        eos_token=EOS,
        unk_token=EOS,
        pad_token=EOS,
        model_max_length=MAX_TOKENS,
    )


def write_clip_vocabulary(folder: Path) -> tuple[Path, Path]:
    """Write CLIP's ``vocab.json`` and ``merges.txt`` into ``folder``."""
    merges = _bpe_merges()
    symbols = list(_bytes_to_unicode().values())
    vocab = symbols + [s + "</w>" for s in symbols]
    vocab += ["".join(merge.split()) for merge in merges]
    vocab += [BOS, EOS]
    folder.mkdir(parents=True, exist_ok=True)
    vocab_path, merges_path = folder / "vocab.json", folder / "merges.txt"
    vocab_path.write_text(
        json.dumps({token: i for i, token in enumerate(vocab)}, ensure_ascii=False),
        encoding="utf-8",
    )
    merges_path.write_text("#version: 0.2\n" + "\n".join(merges) + "\n", encoding="utf-8")
    return vocab_path, merges_path


def _bpe_merges() -> list[str]:
    spec = importlib.util.find_spec("open_clip")
    # Found without importing open_clip (which would import torch and timm).
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        path = Path(location) / _BPE_FILE
        if path.is_file():
            with gzip.open(path, "rt", encoding="utf-8") as handle:
                lines = handle.read().split("\n")
            # The first line is a version header; CLIP uses the next 48,894 merges.
            return lines[1 : _N_MERGES + 1]
    raise SetupError(MESSAGES("demo_model.no_vocabulary"))


def _bytes_to_unicode() -> dict[int, str]:
    """GPT-2/CLIP's reversible map from bytes to printable characters."""
    printable = (
        list(range(ord("!"), ord("~") + 1))
        + list(range(ord("¡"), ord("¬") + 1))
        + list(range(ord("®"), ord("ÿ") + 1))
    )
    codes = printable[:]
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            codes.append(256 + extra)
            extra += 1
    return dict(zip(printable, (chr(c) for c in codes), strict=True))


def is_demo_folder(folder: Path) -> bool:
    with contextlib.suppress(OSError, ValueError):
        return info(folder).get("model_id") == MODEL_ID
    return False
