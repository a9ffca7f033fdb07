"""The CLIP probe: perceived attributes of the people in images, zero-shot with open_clip.

Loading never downloads. ``--clip`` takes:

- ``ViT-B-32:laion2b_s34b_b79k`` (the default): an open_clip architecture and pretrained
  tag, whose weights must already be in the local Hugging Face cache (or open_clip's
  ``~/.cache/clip`` for URL-hosted tags); the cached file is handed to
  ``open_clip.create_model_and_transforms(name, pretrained=path)`` with the tag's
  preprocessing;
- ``ARCH:PATH`` or ``PATH``: a checkpoint file (architecture ViT-B-32 when not named), or
  a folder with ``open_clip_config.json`` and weights (a Hugging Face snapshot folder);
- ``demo``: a tiny open_clip model with random weights, built offline once into the user
  cache folder. It exercises the whole pipeline; its numbers mean nothing.

Classification: the text embedding of each class is the normalised mean of the normalised
embeddings of its phrases in every template (prompt ensemble). Each image goes through the
gate (person or not: abstain) and then, per attribute, a softmax over the classes at the
model's logit scale; a top probability under the attribute's threshold is "uncertain".
Images stream through in batches under ``torch.inference_mode``: memory depends on the
batch size, not on the number of images.

torch and open_clip are imported inside the functions that need them.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artcharter.audits.bias.probe_classes import NO_PERSON, ProbeClasses, load_probe_classes
from artcharter.audits.messages import MESSAGES
from artcharter.base.devices import resolve_device
from artcharter.base.errors import BadInput, SetupError
from artcharter.base.files import ensure_folder
from artcharter.base.hashing import weights_file_sha256

DEFAULT_ARCH = "ViT-B-32"
DEFAULT_TAG = "laion2b_s34b_b79k"
DEFAULT_CLIP = f"{DEFAULT_ARCH}:{DEFAULT_TAG}"
DEMO = "demo"
DEMO_VERSION = 1
DEMO_SEED = 1234
DEFAULT_BATCH_SIZE = 32
TEXT_BATCH = 256  # sentences per text-encoder call when building the class embeddings
# Same limit as artcharter.provenance.image_files: larger files are refused as possible pixel bombs.
MAX_PIXELS = 64_000_000

# A tiny CLIP: same code paths as ViT-B-32 (ViT image tower, transformer text tower, the
# open_clip BPE tokenizer), about 3.5M parameters, 32-pixel input.
DEMO_CONFIG: dict[str, Any] = {
    "model_cfg": {
        "embed_dim": 64,
        "vision_cfg": {
            "image_size": 32,
            "layers": 2,
            "width": 64,
            "patch_size": 8,
            "head_width": 32,
        },
        "text_cfg": {
            "context_length": 77,
            "vocab_size": 49408,
            "width": 64,
            "heads": 2,
            "layers": 2,
        },
    },
    "preprocess_cfg": {
        "mean": [0.48145466, 0.4578275, 0.40821073],
        "std": [0.26862954, 0.26130258, 0.27577711],
        "interpolation": "bicubic",
        "resize_mode": "shortest",
    },
    # Read by artcharter, ignored by open_clip: a folder copied elsewhere stays a demo.
    "artcharter_demo": True,
    "artcharter_demo_version": DEMO_VERSION,
}


@dataclass(frozen=True)
class ClipSpec:
    """What --clip asked for, before anything is loaded."""

    text: str
    arch: str | None = None
    tag: str | None = None
    path: str | None = None
    is_demo: bool = False

    @property
    def display(self) -> str:
        if self.is_demo:
            return "demo (random weights)"
        if self.tag:
            return f"{self.arch} / {self.tag}"
        return f"{self.arch or 'open_clip'} / {self.path}"


def parse_clip_spec(text: str | None) -> ClipSpec:
    """``demo``, ``ARCH:TAG``, ``ARCH:PATH``, ``ARCH`` (ViT-B-32 only) or ``PATH``."""
    text = (text or DEFAULT_CLIP).strip()
    if not text:
        raise BadInput(MESSAGES("clip_probe.empty", param="clip"))
    if text == DEMO:
        return ClipSpec(text, is_demo=True)
    if Path(text).expanduser().exists():
        path = Path(text).expanduser().resolve()
        return ClipSpec(text, None if path.is_dir() else DEFAULT_ARCH, path=str(path))
    arch, sep, rest = text.partition(":")
    if not sep:
        if arch == DEFAULT_ARCH:
            return ClipSpec(text, arch, DEFAULT_TAG)
        if "/" in text or text.endswith((".pt", ".bin", ".safetensors", ".pth")):
            raise BadInput(MESSAGES("clip_probe.no_such_path", text=text, param="clip"))
        raise BadInput(MESSAGES("clip_probe.tag_missing", text=text, arch=arch, param="clip"))
    if not arch or not rest:
        raise BadInput(MESSAGES("clip_probe.bad_spec", text=text, param="clip"))
    candidate = Path(rest).expanduser()
    if candidate.exists():
        return ClipSpec(text, arch, path=str(candidate.resolve()))
    if "/" in rest or rest.endswith((".pt", ".bin", ".safetensors", ".pth")):
        raise BadInput(
            MESSAGES("clip_probe.no_such_file_in_spec", text=text, rest=rest, param="clip")
        )
    return ClipSpec(text, arch, tag=rest)


# --- where weights live ------------------------------------------------------------------


def hf_hub_cache() -> Path:
    """Hugging Face's cache folder, read from the environment at call time."""
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"]).expanduser()
    if os.environ.get("HF_HOME"):
        return Path(os.environ["HF_HOME"]).expanduser() / "hub"
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "huggingface" / "hub"


def openai_clip_cache() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).expanduser() / "clip"


def resolve_pretrained(arch: str, tag: str) -> tuple[Path, dict[str, Any]]:
    """The local file of an open_clip pretrained tag, and the tag's config. Never downloads."""
    import open_clip

    if arch not in open_clip.list_models():
        raise BadInput(
            MESSAGES("clip_probe.unknown_architecture_example", arch=arch, example=DEFAULT_ARCH)
        )
    cfg = open_clip.get_pretrained_cfg(arch, tag)
    if not cfg:
        tags = ", ".join(open_clip.list_pretrained_tags_by_model(arch)) or "none"
        raise BadInput(MESSAGES("clip_probe.unknown_weights", arch=arch, tag=tag, tags=tags))
    if cfg.get("file"):
        return Path(cfg["file"]), cfg
    hub = cfg.get("hf_hub", "")
    url = cfg.get("url", "")
    where = ""
    if hub:
        from huggingface_hub import try_to_load_from_cache

        # "org/repo/" names the repo's default file; "org/repo/file.bin" a given one.
        repo_id, filename = (hub.rstrip("/"), "") if hub.endswith("/") else os.path.split(hub)
        names = [filename] if filename else []
        names += ["open_clip_model.safetensors", "open_clip_pytorch_model.bin"]
        if filename.endswith((".bin", ".pth")):
            names.insert(0, filename[:-4] + ".safetensors")
        cache = hf_hub_cache()
        for name in dict.fromkeys(names):
            found = try_to_load_from_cache(repo_id, name, cache_dir=str(cache))
            if isinstance(found, str) and Path(found).is_file():
                return Path(found), cfg
        where = f"{cache}/models--{repo_id.replace('/', '--')}"
    if url:
        local = openai_clip_cache() / os.path.basename(url)
        if local.is_file():
            return local, cfg
        where = where or str(local)
    raise SetupError(
        MESSAGES("clip_probe.not_cached", arch=arch, tag=tag, where=where, param="clip")
    )


def _checkpoint_in(folder: Path) -> Path | None:
    for name in (
        "open_clip_model.safetensors",
        "open_clip_pytorch_model.safetensors",
        "open_clip_pytorch_model.bin",
        "open_clip_pytorch_model.pth",
        "model.safetensors",
        "pytorch_model.bin",
    ):
        if (folder / name).is_file():
            return folder / name
    return None


# --- the demo model ----------------------------------------------------------------------


def default_cache_dir() -> Path:
    """artcharter's cache folder (the same as the demo diffusion model's): XDG_CACHE_HOME..."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("artcharter"))


def ensure_demo_clip(cache_dir: Path | None = None) -> Path:
    """The folder of the tiny random-weight demo model, built on first use (about a second).

    The weights come from a fixed torch seed, so every machine builds the same demo. The
    folder is built beside its final name and renamed whole, so an interrupted build leaves
    nothing half-made.
    """
    folder = (cache_dir or default_cache_dir()) / "models" / f"open_clip-demo-v{DEMO_VERSION}"
    return ensure_folder(folder, _build_demo_clip, complete=_demo_clip_complete)


def _demo_clip_complete(folder: Path) -> bool:
    return (folder / "open_clip_config.json").is_file() and _checkpoint_in(folder) is not None


def _build_demo_clip(folder: Path) -> None:
    import open_clip
    import torch
    from safetensors.torch import save_file

    (folder / "open_clip_config.json").write_text(json.dumps(DEMO_CONFIG, indent=2))
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(DEMO_SEED)
        with _quiet_open_clip():
            model = open_clip.create_model(f"local-dir:{folder}", load_weights=False)
        # A trained CLIP's logit scale (100) rather than the untrained 1/0.07: readings
        # of random weights then spread over classes instead of all being uncertain.
        model.logit_scale.data.fill_(math.log(100.0))
    state = {k: v.contiguous() for k, v in model.state_dict().items()}
    save_file(state, str(folder / "open_clip_model.safetensors"))


# --- loading -----------------------------------------------------------------------------


@dataclass
class ProbeModel:
    """A loaded open_clip model with its preprocessing and tokenizer."""

    spec: ClipSpec
    model: Any
    preprocess: Callable[[Any], Any]
    tokenizer: Callable[[list[str]], Any]
    device: str
    arch: str
    tag: str | None
    weights_path: str | None
    weights_sha256: str | None
    is_demo: bool
    _text_cache: dict[tuple[tuple[str, ...], tuple[str, ...]], Any] = field(
        default_factory=dict, repr=False
    )

    @property
    def name(self) -> str:
        """What the probe model is, for records and sentences."""
        if self.is_demo:
            return f"open_clip demo v{DEMO_VERSION} (random weights)"
        return f"{self.arch} / {self.tag}" if self.tag else f"{self.arch} / {self.weights_path}"

    def info(self) -> dict[str, Any]:
        import open_clip
        import torch

        return {
            "spec": self.spec.text,
            "name": self.name,
            "arch": self.arch,
            "pretrained": self.tag,
            "weights_path": self.weights_path,
            "weights_sha256": self.weights_sha256,
            "is_demo": self.is_demo,
            "open_clip": open_clip.__version__,
            "torch": torch.__version__,
            "logit_scale": float(self.model.logit_scale.exp().item()),
        }


def load_clip(
    spec: str | ClipSpec | None = None, *, device: str = "auto", cache_dir: Path | None = None
) -> ProbeModel:
    """Load the probe model named by ``--clip`` from local files only."""
    import open_clip

    clip = spec if isinstance(spec, ClipSpec) else parse_clip_spec(spec)
    device = resolve_device(device)
    tag = None
    kwargs: dict[str, Any] = {}
    if clip.is_demo:
        folder = ensure_demo_clip(cache_dir)
        name, weights, arch = f"local-dir:{folder}", _checkpoint_in(folder), "demo"
    elif clip.path and Path(clip.path).is_dir():
        folder = Path(clip.path)
        if not (folder / "open_clip_config.json").is_file():
            raise BadInput(MESSAGES("clip_probe.not_a_model_folder", folder=folder))
        weights = _checkpoint_in(folder)
        if weights is None:
            raise BadInput(MESSAGES("clip_probe.no_weights_file", folder=folder))
        name, arch = f"local-dir:{folder}", folder.name
    elif clip.path:
        name = arch = clip.arch or DEFAULT_ARCH
        weights = Path(clip.path)
        if arch not in open_clip.list_models():
            raise BadInput(MESSAGES("clip_probe.unknown_architecture", arch=arch))
    else:
        name = arch = clip.arch or DEFAULT_ARCH
        tag = clip.tag
        weights, cfg = resolve_pretrained(arch, tag or DEFAULT_TAG)
        kwargs = {
            "image_mean": cfg.get("mean"),
            "image_std": cfg.get("std"),
            "image_interpolation": cfg.get("interpolation"),
            "image_resize_mode": cfg.get("resize_mode"),
            "force_quick_gelu": bool(cfg.get("quick_gelu", False)),
        }
    is_demo = clip.is_demo or _folder_is_demo(weights)
    try:
        with _quiet_open_clip():
            if name.startswith("local-dir:"):
                model, _, preprocess = open_clip.create_model_and_transforms(name, device=device)
            else:
                model, _, preprocess = open_clip.create_model_and_transforms(
                    name, pretrained=str(weights), device=device, **kwargs
                )
            tokenizer = open_clip.get_tokenizer(name)
    except Exception as exc:  # any failure to read a checkpoint is a bad checkpoint
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BadInput(
            MESSAGES("clip_probe.cannot_load", display=clip.display, value=first[:300])
        ) from None
    model.eval()
    return ProbeModel(
        spec=clip,
        model=model,
        preprocess=preprocess,
        tokenizer=tokenizer,
        device=device,
        arch=arch,
        tag=tag,
        weights_path=str(weights) if weights else None,
        weights_sha256=weights_file_sha256(weights) if weights else None,
        is_demo=is_demo,
    )


@contextlib.contextmanager
def _quiet_open_clip() -> Iterator[None]:
    """open_clip logs its progress on the root logger; a command prints only its result."""
    previous = logging.root.manager.disable
    logging.disable(logging.WARNING)
    try:
        yield
    finally:
        logging.disable(previous)


def _folder_is_demo(weights: Path | None) -> bool:
    if weights is None:
        return False
    config = weights.parent / "open_clip_config.json"
    try:
        return bool(json.loads(config.read_text()).get("artcharter_demo"))
    except (OSError, ValueError, AttributeError):
        return False


# --- classification ----------------------------------------------------------------------


@dataclass(frozen=True)
class AttributeReading:
    attribute: str
    label: str | None  # the class read, or None when uncertain
    top: str  # the most probable class, even when uncertain
    confidence: float  # its probability
    status: str  # "valid" or "uncertain"
    probabilities: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        return {
            "attribute": self.attribute,
            "label": self.label,
            "top": self.top,
            "confidence": self.confidence,
            "status": self.status,
            "probabilities": self.probabilities,
        }


@dataclass(frozen=True)
class ImageReading:
    """What the probe perceived in one image."""

    status: str  # "person", "no-person" (abstain) or "unreadable"
    person_probability: float | None = None
    gate_top: str | None = None  # the most probable gate class
    several_people: bool = False
    attributes: dict[str, AttributeReading] = field(default_factory=dict)
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "person_probability": self.person_probability,
            "gate_top": self.gate_top,
            "several_people": self.several_people,
            "attributes": {k: v.to_dict() for k, v in self.attributes.items()},
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImageReading:
        return cls(
            status=data["status"],
            person_probability=data.get("person_probability"),
            gate_top=data.get("gate_top"),
            several_people=bool(data.get("several_people")),
            attributes={
                k: AttributeReading(**v) for k, v in (data.get("attributes") or {}).items()
            },
            error=data.get("error"),
        )


def open_image(path: Path) -> Any:
    """The image as RGB pixels; BadInput with a one-line reason when it cannot be read."""
    from PIL import Image

    try:
        with Image.open(path) as img:
            width, height = img.size
            if width * height > MAX_PIXELS:
                raise BadInput(
                    MESSAGES(
                        "clip_probe.over_pixel_limit",
                        path=path,
                        width=width,
                        height=height,
                        max_pixels=MAX_PIXELS,
                    )
                )
            img.draft("RGB", (1024, 1024))  # JPEG: decode at reduced size, the probe needs 224
            return img.convert("RGB")
    except FileNotFoundError:
        raise BadInput(MESSAGES("clip_probe.no_such_image", path=path)) from None
    except Image.DecompressionBombError:
        raise BadInput(MESSAGES("clip_probe.too_many_pixels", path=path)) from None
    except (OSError, ValueError, SyntaxError) as exc:
        raise BadInput(MESSAGES("clip_probe.unreadable_image", path=path, error=str(exc))) from None


class Probe:
    """A probe model with its questions, ready to classify batches of images."""

    def __init__(self, model: ProbeModel, classes: ProbeClasses | None = None) -> None:
        self.model = model
        self.classes = classes or load_probe_classes().select()
        self._groups: list[tuple[str, tuple[str, ...]]] = [
            ("gate", tuple(c.id for c in self.classes.gate.classes))
        ] + [(a.id, a.class_ids) for a in self.classes.attributes]
        self._text = self._text_matrix()
        self._scale = float(model.model.logit_scale.exp().item())

    def _text_matrix(self) -> Any:
        """Prompt-ensemble embeddings of every class of every group, stacked [C, D].

        Each class embedding is cached on the model by its phrases and templates, so probes
        that differ only in thresholds or in the attributes asked share the work; the
        sentences still missing are encoded together in a few large batches.
        """
        import torch

        templates = self.classes.templates
        specs = list(self.classes.gate.classes) + [
            c for a in self.classes.attributes for c in a.classes
        ]
        cache = self.model._text_cache
        missing = [
            s for s in dict.fromkeys(s.describe for s in specs) if (templates, s) not in cache
        ]
        if missing:
            sentences = [t.format(d) for describe in missing for d in describe for t in templates]
            with torch.inference_mode():
                chunks = []
                for start in range(0, len(sentences), TEXT_BATCH):
                    tokens = self.model.tokenizer(sentences[start : start + TEXT_BATCH])
                    emb = self.model.model.encode_text(tokens.to(self.model.device)).float()
                    chunks.append(emb / emb.norm(dim=-1, keepdim=True))
                embeddings = torch.cat(chunks)
                start = 0
                for describe in missing:
                    count = len(describe) * len(templates)
                    mean = embeddings[start : start + count].mean(dim=0)
                    cache[(templates, describe)] = mean / mean.norm()
                    start += count
        return torch.stack([cache[(templates, s.describe)] for s in specs])

    def preprocess(self, image: Any) -> Any:
        return self.model.preprocess(image)

    def classify_tensor(self, batch: Any) -> list[ImageReading]:
        """Readings for a batch of preprocessed images [B, 3, H, W]."""
        import torch

        with torch.inference_mode():
            feats = self.model.model.encode_image(batch.to(self.model.device)).float()
            feats = feats / feats.norm(dim=-1, keepdim=True)
            logits = self._scale * feats @ self._text.T
            probs = []
            start = 0
            for _, ids in self._groups:
                probs.append(logits[:, start : start + len(ids)].softmax(dim=-1))
                start += len(ids)
            # One transfer to the CPU per batch, then plain Python.
            table = torch.cat(probs, dim=1).cpu().tolist()
        return [self._reading(row) for row in table]

    def _reading(self, row: list[float]) -> ImageReading:
        start = 0
        values: dict[str, dict[str, float]] = {}
        for group, ids in self._groups:
            values[group] = dict(zip(ids, row[start : start + len(ids)], strict=True))
            start += len(ids)
        gate = values["gate"]
        person_ids = self.classes.gate.person_classes
        person = sum(gate[c] for c in person_ids)
        gate_top = max(gate, key=gate.__getitem__)
        several = len(person_ids) > 1 and max(person_ids, key=gate.__getitem__) != person_ids[0]
        if person < self.classes.gate.threshold:
            return ImageReading(NO_PERSON, person, gate_top)
        readings = {}
        for attribute in self.classes.attributes:
            p = values[attribute.id]
            top = max(p, key=p.__getitem__)
            valid = p[top] >= attribute.threshold
            readings[attribute.id] = AttributeReading(
                attribute.id,
                top if valid else None,
                top,
                p[top],
                "valid" if valid else "uncertain",
                p,
            )
        return ImageReading("person", person, gate_top, several, readings)

    def classify(
        self,
        items: Iterable[Any],
        *,
        load: Callable[[Any], Any] = open_image,
        batch_size: int = DEFAULT_BATCH_SIZE,
    ) -> Iterator[tuple[Any, ImageReading]]:
        """(item, reading) for each item, in order, streaming in batches.

        ``load`` turns an item (a path by default) into a PIL image; an item it cannot
        load gets an "unreadable" reading with the reason, and the others go on.
        """
        import torch

        if batch_size < 1:
            raise BadInput(MESSAGES("clip_probe.batch_size"))
        pending: list[tuple[Any, Any]] = []  # (item, tensor or error text)

        def flush() -> Iterator[tuple[Any, ImageReading]]:
            tensors = [t for _, t in pending if not isinstance(t, str)]
            readings = iter(self.classify_tensor(torch.stack(tensors)) if tensors else [])
            for item, t in pending:
                if isinstance(t, str):
                    yield item, ImageReading("unreadable", error=t)
                else:
                    yield item, next(readings)
            pending.clear()

        for item in items:
            try:
                pending.append((item, self.preprocess(load(item))))
            except BadInput as exc:
                pending.append((item, str(exc)))
            if len(pending) >= batch_size:
                yield from flush()
        if pending:
            yield from flush()

    def config(self) -> dict[str, Any]:
        """Everything that decides a reading, for the campaign's record."""
        return {
            "model": self.model.info(),
            "classes": self.classes.to_dict(),
            "classes_sha256": self.classes.sha256,
            "gate_threshold": self.classes.gate.threshold,
            "thresholds": {a.id: a.threshold for a in self.classes.attributes},
        }
