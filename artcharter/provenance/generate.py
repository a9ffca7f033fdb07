"""Generate images with a diffusion model: every image is born labelled, signed and measured.

Two steps, so that a caller who makes many images (a bias probe campaign) loads once:

- ``load_model(model)`` finds the model (the demo model, a local diffusers folder, or a
  Hugging Face id in the local cache, downloaded when the machine may and can), loads it
  with diffusers' ``AutoPipelineForText2Image`` and measures the loading on its own;
- ``generate(loaded, prompt, ...)`` runs the pipeline batch by batch, one codecarbon run
  around each batch's denoising and decoding, and writes each image through
  ``artcharter.provenance.label.sign_record``: IPTC XMP and an AUTOMATIC1111 ``parameters`` chunk
  first, then the C2PA manifest and signature, then the file and its ledger rows together.

Everything needed to reproduce and judge an image goes into its record: model id,
revision and weights hash, pipeline and scheduler, steps, guidance, size, seed and the
device of the random generator (always the CPU, so a seed gives the same starting noise on
any machine), negative prompt, library versions, device, timings and energy. A private
prompt reaches the file only as its SHA-256; the ledger keeps the text.
"""

from __future__ import annotations

import contextlib
import dataclasses
import inspect
import io
import os
import platform
import secrets
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from artcharter.audits import energy as energy_audit
from artcharter.base.devices import resolve_device
from artcharter.base.errors import BadInput, SetupError
from artcharter.base.hashing import sha256_hex
from artcharter.base.interrupts import interrupts_deferred
from artcharter.provenance import adapters as adapter_files
from artcharter.provenance import conditioning, demo_model, schedulers
from artcharter.provenance import series as series_rows
from artcharter.provenance import steps as steps_shown
from artcharter.provenance.a1111 import PNG_KEY, parameters_for
from artcharter.provenance.config import DEFAULT_COUNTRY
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.finishing import Finishing
from artcharter.provenance.keys import slugify
from artcharter.provenance.label import (
    Signed,
    check_choices,
    check_constraint,
    check_text,
    sign_record,
)
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.model_files import revision_of, weights_sha256
from artcharter.provenance.prompt_key import keyed_record, project_secret
from artcharter.provenance.quiet import quiet_libraries
from artcharter.provenance.record import (
    STEPS_ROLE,
    Adapter,
    ArtworkRecord,
    EnergyRecord,
    GenerationParams,
    Ingredient,
    ModelInfo,
    Person,
    new_artwork_id,
    prompt_hash,
)
from artcharter.provenance.signing import IngredientInput, SigningIdentity, claim_thumbnail
from artcharter.provenance.version import VERSION

# The real model schools get by default: small, fast, openly licensed for research and
# non-commercial use. Its recommended settings are in RECOMMENDED below.
DEFAULT_MODEL = "stabilityai/sd-turbo"
SOURCE_TYPE = "trainedAlgorithmicMedia"
GENERATOR_DEVICE = "cpu"
MAX_SEED = 2**32 - 1  # AUTOMATIC1111 and most tools use 32-bit seeds
MIN_SIDE, MAX_SIDE, SIDE_STEP = 64, 2048, 8
MAX_STEPS = 500
DTYPES = {"fp16": "float16", "bf16": "bfloat16", "fp32": "float32"}
STATUSES = ("kept", "discarded", "signed")
# zlib level 1: measured on 512 px images, 2.4-4.5x faster to encode than Pillow's default
# (6) for files 15-30 % larger; benchmarks/generate_bench.py prints the comparison.
PNG_COMPRESS_LEVEL = 1
# Threads that finish images (encode, sign, publish) while the device makes the next batch:
# the heavy parts release the GIL, so more cores take more images per second.
FINISHING_THREADS = max(2, min(4, os.cpu_count() or 1))


@dataclass(frozen=True)
class Settings:
    """Steps, guidance and size of a generation."""

    steps: int
    guidance: float
    width: int
    height: int


# Settings recommended by the authors of a model; others get GENERIC at their native size.
RECOMMENDED: dict[str, Settings] = {
    DEFAULT_MODEL: Settings(steps=1, guidance=0.0, width=512, height=512),
    "stabilityai/sdxl-turbo": Settings(steps=1, guidance=0.0, width=512, height=512),
    demo_model.MODEL_ID: Settings(
        steps=demo_model.STEPS,
        guidance=demo_model.GUIDANCE,
        width=demo_model.SIZE,
        height=demo_model.SIZE,
    ),
}
GENERIC_STEPS = 30
GENERIC_GUIDANCE = 7.5


@dataclass
class LoadedModel:
    """A pipeline on its device, with what the records need to say about it."""

    pipeline: Any = field(repr=False)
    info: ModelInfo
    folder: Path
    device: str
    device_name: str
    dtype: str
    defaults: Settings
    load_energy: EnergyRecord
    load_ms: float
    load_id: str
    libraries: dict[str, str]
    # Ledgers (by path) that already hold this loading's energy row.
    recorded_in: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        suffix = f" ({demo_model.LABEL})" if self.info.is_demo else ""
        return f"{self.info.id}{suffix}"

    def settings(
        self,
        steps: int | None = None,
        guidance: float | None = None,
        size: tuple[int, int] | int | None = None,
    ) -> Settings:
        """The settings a generation will use: the given ones, else the model's."""
        width, height = (
            (self.defaults.width, self.defaults.height) if size is None else parse_size(size)
        )
        chosen = Settings(
            steps=self.defaults.steps if steps is None else steps,
            guidance=self.defaults.guidance if guidance is None else float(guidance),
            width=width,
            height=height,
        )
        if not 1 <= chosen.steps <= MAX_STEPS:
            raise BadInput(
                MESSAGES("generate.steps_range", max_steps=MAX_STEPS, steps=chosen.steps)
            )
        if not 0 <= chosen.guidance <= 50:
            raise BadInput(MESSAGES("generate.guidance_range", guidance=chosen.guidance))
        return chosen


def parse_size(size: tuple[int, int] | int | str) -> tuple[int, int]:
    """``512``, ``(768, 512)`` or ``"768x512"`` -> (width, height), checked."""
    if isinstance(size, str):
        text = size.lower().replace("×", "x").strip()
        parts = text.split("x") if "x" in text else [text, text]
        try:
            width, height = (int(p) for p in parts)
        except ValueError:
            raise BadInput(MESSAGES("generate.bad_size", size=size)) from None
    elif isinstance(size, int):
        width = height = size
    else:
        width, height = size
    for side in (width, height):
        if not MIN_SIDE <= side <= MAX_SIDE or side % SIDE_STEP:
            raise BadInput(
                MESSAGES(
                    "generate.side_range",
                    width=width,
                    height=height,
                    step=SIDE_STEP,
                    min_side=MIN_SIDE,
                    max_side=MAX_SIDE,
                )
            )
    return width, height


# --- loading ------------------------------------------------------------------------------


def load_model(
    model: str,
    *,
    device: str = "auto",
    dtype: str | None = None,
    cache_dir: Path | None = None,
    country: str = "FRA",
    revision: str | None = None,
    hf_cache_dir: Path | None = None,
) -> LoadedModel:
    """Find, load and place a text-to-image pipeline; the loading is measured on its own.

    ``model`` is ``"demo"`` (built in ``cache_dir``, by default the user's cache), a local
    diffusers folder, or a Hugging Face id looked up in the local cache first (honouring
    HF_HUB_OFFLINE and ``hf_cache_dir``) and downloaded only when that is allowed.
    """
    torch = _torch()
    device = resolve_device(device, torch)
    torch_dtype_name = resolve_dtype(dtype, device)
    variant = "fp16" if torch_dtype_name == "float16" else None
    source = _locate(
        model, revision=revision, variant=variant, cache_dir=cache_dir, hf_cache_dir=hf_cache_dir
    )
    with energy_audit.measure(
        country_iso=country, scope="model-load", gpu_ids=energy_audit.gpu_ids_for(device)
    ) as measured:
        started = time.perf_counter()
        pipeline = _from_pretrained(source, torch, torch_dtype_name, variant)
        try:
            pipeline.to(device)
        except RuntimeError as exc:  # out of memory, unsupported dtype on this device...
            raise SetupError(
                MESSAGES(
                    "generate.cannot_place",
                    model_id=source.model_id,
                    device=device,
                    value=_line(exc),
                )
            ) from None
        load_ms = (time.perf_counter() - started) * 1000
    pipeline.set_progress_bar_config(disable=True)
    _check_text_to_image(pipeline, source.model_id)
    used_variant = variant if _has_variant(source.folder, variant) else None
    info = ModelInfo(
        id=source.model_id,
        revision=source.revision,
        weights_sha256=source.weights_sha256
        or weights_sha256(
            source.folder,
            used_variant,
            memo=demo_model.cache_root(cache_dir) / "weights-sha256.json",
        ),
        pipeline_class=type(pipeline).__name__,
        scheduler_class=type(pipeline.scheduler).__name__,
        library="diffusers",
        library_version=_version("diffusers"),
        is_demo=source.is_demo,
    )
    assert measured.record is not None
    return LoadedModel(
        pipeline=pipeline,
        info=info,
        folder=source.folder,
        device=device,
        device_name=device_name(device, torch),
        dtype=torch_dtype_name,
        defaults=RECOMMENDED.get(source.model_id) or _native_settings(pipeline),
        load_energy=measured.record,
        load_ms=load_ms,
        load_id=str(uuid.uuid4()),
        libraries=library_versions(),
    )


def _torch() -> Any:
    try:
        import torch
    except ImportError as exc:
        from artcharter.base.extras import missing_extra

        raise (missing_extra(exc) or exc) from None
    return torch


def resolve_dtype(dtype: str | None, device: str) -> str:
    """fp16 on CUDA, fp32 elsewhere, unless asked otherwise."""
    if dtype is None:
        return "float16" if device.startswith("cuda") else "float32"
    key = dtype.strip().lower()
    if key not in DTYPES:
        raise BadInput(MESSAGES("generate.unknown_dtype", dtype=dtype))
    if key == "fp16" and device == "cpu":
        raise BadInput(MESSAGES("generate.fp16_on_cpu", param="dtype"))
    return DTYPES[key]


def device_name(device: str, torch: Any) -> str:
    if device.startswith("cuda"):
        return str(torch.cuda.get_device_name(torch.device(device)))
    if device == "mps":
        return "Apple GPU (Metal)"
    return f"{cpu_model()} ({os.cpu_count()} threads)"


def cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in (
            Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines()
        ):
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine() or "CPU"


def library_versions() -> dict[str, str]:
    names = (
        "torch",
        "diffusers",
        "transformers",
        "accelerate",
        "safetensors",
        "codecarbon",
        "c2pa-python",
    )
    found = {"python": platform.python_version(), "artcharter": VERSION}
    for name in names:
        value = _version(name)
        if value:
            found[name] = value
    return found


def _version(name: str) -> str | None:
    try:
        return version(name)
    except PackageNotFoundError:
        return None


@dataclass(frozen=True)
class _Source:
    folder: Path
    model_id: str
    revision: str | None
    is_demo: bool
    weights_sha256: str | None = None


def _locate(
    model: str,
    *,
    revision: str | None,
    variant: str | None,
    cache_dir: Path | None,
    hf_cache_dir: Path | None,
) -> _Source:
    name = model.strip()
    if not name:
        raise BadInput(MESSAGES("generate.empty_model", param="model"))
    if name == demo_model.ALIAS:
        folder = demo_model.ensure(cache_dir)
        marker = demo_model.info(folder)
        return _Source(
            folder,
            demo_model.MODEL_ID,
            f"recipe-{demo_model.RECIPE}",
            True,
            marker.get("weights_sha256"),
        )
    path = Path(name).expanduser()
    if path.is_dir():
        return _local_source(path)
    if path.is_file():
        raise BadInput(MESSAGES("generate.single_file", name=name))
    if name.startswith(("/", ".", "~")) or "\\" in name:
        raise BadInput(MESSAGES("generate.no_model_folder", name=name))
    return _hub_source(name, revision=revision, variant=variant, hf_cache_dir=hf_cache_dir)


def _local_source(folder: Path) -> _Source:
    if not (folder / "model_index.json").is_file():
        raise BadInput(MESSAGES("generate.not_a_pipeline_folder", folder=folder))
    if demo_model.is_demo_folder(folder):
        return _Source(folder, demo_model.MODEL_ID, f"recipe-{demo_model.RECIPE}", True)
    commit = revision_of(folder)
    resolved = folder.resolve()
    # A Hugging Face cache snapshot: .../models--org--name/snapshots/<commit>
    repo = resolved.parent.parent.name
    if commit and repo.startswith("models--"):
        return _Source(folder, repo[len("models--") :].replace("--", "/"), commit, False)
    # The folder's name, not its path: a path can name the user (/home/alice/...).
    return _Source(folder, resolved.name, None, False)


def hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def _hub_source(
    repo_id: str, *, revision: str | None, variant: str | None, hf_cache_dir: Path | None
) -> _Source:
    from diffusers import DiffusionPipeline
    from huggingface_hub.utils import HFValidationError, validate_repo_id

    try:
        validate_repo_id(repo_id)
    except HFValidationError:
        raise BadInput(
            MESSAGES("generate.bad_model_name", repo_id=repo_id, example=DEFAULT_MODEL)
        ) from None
    variants = [variant, None] if variant else [None]
    attempts = [True] if hub_offline() else [True, False]
    last: BaseException | None = None
    for local_only in attempts:
        for wanted in variants:
            try:
                with quiet_libraries(progress=not local_only):
                    folder = DiffusionPipeline.download(
                        repo_id,
                        revision=revision,
                        variant=wanted,
                        cache_dir=str(hf_cache_dir) if hf_cache_dir else None,
                        local_files_only=local_only,
                    )
            except Exception as exc:  # diffusers and the hub raise many kinds; all mean "not here"
                last = exc
                if type(exc).__name__ in (
                    "GatedRepoError",
                    "RepositoryNotFoundError",
                    "RevisionNotFoundError",
                ):
                    break
                continue
            folder = Path(folder)
            return _Source(folder, repo_id, revision_of(folder) or revision, False)
    kind = type(last).__name__ if last else ""
    if kind == "GatedRepoError":
        raise SetupError(MESSAGES("generate.gated", repo_id=repo_id))
    if kind in ("RepositoryNotFoundError", "RevisionNotFoundError"):
        raise SetupError(
            MESSAGES(
                "generate.not_on_hub",
                repo_id=repo_id,
                value="@" + revision if revision else "",
            )
        )
    where = "(HF_HUB_OFFLINE is set)" if hub_offline() else "and cannot be downloaded from here"
    raise SetupError(MESSAGES("generate.not_cached", repo_id=repo_id, where=where, param="model"))


def _has_variant(folder: Path, variant: str | None) -> bool:
    return bool(variant) and any(folder.glob(f"*/*.{variant}.*"))


def _from_pretrained(source: _Source, torch: Any, dtype_name: str, variant: str | None) -> Any:
    from diffusers import AutoPipelineForText2Image, DiffusionPipeline

    kwargs: dict[str, Any] = {
        "torch_dtype": getattr(torch, dtype_name),
        "local_files_only": True,
    }
    if _has_variant(source.folder, variant):
        kwargs["variant"] = variant
    with quiet_libraries(progress=False):
        try:
            return AutoPipelineForText2Image.from_pretrained(str(source.folder), **kwargs)
        except ValueError:
            # Not a pipeline family AutoPipeline knows: load it as what it says it is, and
            # check below that it takes a prompt.
            pass
        except (OSError, RuntimeError) as exc:
            raise _cannot_load(source, exc) from None
        try:
            return DiffusionPipeline.from_pretrained(str(source.folder), **kwargs)
        except (OSError, RuntimeError, ValueError) as exc:
            raise _cannot_load(source, exc) from None


def _cannot_load(source: _Source, exc: BaseException) -> SetupError:
    """The error for a model folder that neither pipeline loader could read."""
    return SetupError(
        MESSAGES(
            "generate.cannot_load", model_id=source.model_id, folder=source.folder, value=_line(exc)
        )
    )


def _check_text_to_image(pipeline: Any, model_id: str) -> None:
    parameters = inspect.signature(pipeline.__call__).parameters
    if "prompt" not in parameters:
        raise BadInput(
            MESSAGES("generate.not_text_to_image", model_id=model_id, kind=type(pipeline).__name__)
        )


def _native_settings(pipeline: Any) -> Settings:
    """GENERIC steps and guidance at the size the model was trained for."""
    side = 512
    unet = getattr(pipeline, "unet", None) or getattr(pipeline, "transformer", None)
    sample = getattr(getattr(unet, "config", None), "sample_size", None)
    scale = getattr(pipeline, "vae_scale_factor", None)
    if isinstance(sample, int) and isinstance(scale, int):
        side = sample * scale
    side = max(MIN_SIDE, min(MAX_SIDE, side - side % SIDE_STEP))
    return Settings(GENERIC_STEPS, GENERIC_GUIDANCE, side, side)


def _line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


# --- generating ---------------------------------------------------------------------------


def new_session_id() -> str:
    """Readable and sortable: when the session began, and a few random characters."""
    return time.strftime("%Y%m%d-%H%M%S") + "-" + secrets.token_hex(2)


@dataclass(frozen=True)
class GenerateRequest:
    """What to make: the prompt, the settings and where the images go. One value for the
    command line, the Python API and the bias campaigns; ``check()`` refuses a bad request
    before any work (model loading included). ``None`` settings take the model's own.
    """

    prompt: str
    output_dir: Path
    negative: str | None = None
    seed: int | None = None
    steps: int | None = None
    guidance: float | None = None
    size: tuple[int, int] | int | str | None = None
    n: int = 1
    batch_size: int = 1
    scheduler: str | None = None
    private_prompt: bool = False
    training_mining: str = "notAllowed"
    # The constraint, in words, of a "constrained" training/mining choice (CAWG constraint_info).
    training_constraint: str | None = None
    # True when nobody chose: training_mining is the protective default (see ArtworkRecord).
    training_mining_default: bool = False
    title: str | None = None
    declaration: Declaration | None = field(default=None, hash=False, compare=False)
    # ISO 3166 alpha-3 code of the electricity mix; None: the project's, else France.
    country: str | None = None
    session_id: str | None = None
    status: str = "kept"
    # "generated" for an artwork; "probe" for a bias campaign's image, kept apart.
    kind: str = "generated"
    device: str = "auto"
    dtype: str | None = None
    cache_dir: Path | None = None
    # The artist's own material (artcharter.provenance.conditioning): a starting image and
    # how much of it is noised away, a mask to inpaint, a ControlNet conditioning.
    init_image: Path | None = None
    strength: float | None = None
    mask: Path | None = None
    control: conditioning.Control | None = None
    # Keep this many decoded previews of the denoising steps, signed in as a strip.
    show_steps: int = 0
    # The series to resume (artcharter.provenance.series); None: the session's own.
    series_id: str | None = None
    # LoRA weights and textual inversion embeddings added to the model for this request.
    adapters: tuple[adapter_files.AdapterSpec, ...] = ()

    @property
    def grid(self) -> str:
        """The country whose electricity mix converts the measured kWh to CO2."""
        return self.country or DEFAULT_COUNTRY

    @property
    def text(self) -> str:
        """The prompt as it is recorded: without surrounding spaces."""
        return self.prompt.strip()

    @property
    def negative_text(self) -> str | None:
        return self.negative.strip() if self.negative and self.negative.strip() else None

    def check(self) -> None:
        """Raise ``BadInput`` for the first value that cannot be used."""
        if not self.text:
            raise BadInput(MESSAGES("generate.prompt_empty"))
        if self.n < 1 or self.batch_size < 1:
            raise BadInput(
                MESSAGES("generate.count_range", param="n", param_batch_size="batch_size")
            )
        if self.status not in STATUSES:
            raise BadInput(
                MESSAGES("curation.unknown_status", status=self.status, choices=", ".join(STATUSES))
            )
        check_choices(SOURCE_TYPE, self.training_mining)
        check_text(prompt=self.prompt, training_constraint=self.training_constraint)
        check_constraint(self.training_mining, self.training_constraint)
        if self.seed is not None and not 0 <= self.seed <= MAX_SEED - (self.n - 1):
            raise BadInput(MESSAGES("generate.seed_range", value=MAX_SEED - (self.n - 1), n=self.n))
        if self.size is not None:
            parse_size(self.size)
        energy_audit.check_country(self.grid)  # a typo in the config is caught early
        conditioning.check(self.init_image, self.strength, self.mask, self.control)
        adapter_files.check(self.adapters, self.text, self.negative_text)
        if not 0 <= self.show_steps <= MAX_STEPS:
            raise BadInput(
                MESSAGES("generate.show_steps_range", param="show_steps", maximum=MAX_STEPS)
            )

    def to_dict(self) -> dict[str, Any]:
        """The request as JSON values: what a series row keeps to resume it."""
        data: dict[str, Any] = {}
        for item in dataclasses.fields(self):
            value = getattr(self, item.name)
            if isinstance(value, Path):
                value = str(value)
            elif item.name == "size" and value is not None:
                value = "{}x{}".format(*parse_size(value))
            elif item.name == "declaration" and value is not None:
                value = value.to_dict()
            elif item.name == "control" and value is not None:
                value = {"kind": value.kind, "image": str(value.image), "model": str(value.model)}
            elif item.name == "adapters":
                value = [
                    {"kind": a.kind, "path": str(a.path), "scale": a.scale, "token": a.token}
                    for a in value
                ]
            data[item.name] = value
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> GenerateRequest:
        """The request a series row kept (``to_dict``)."""
        values = dict(data)
        for name in ("output_dir", "init_image", "mask", "cache_dir"):
            if values.get(name) is not None:
                values[name] = Path(values[name])
        if values.get("declaration") is not None:
            values["declaration"] = Declaration.from_dict(values["declaration"])
        if values.get("control") is not None:
            control = values["control"]
            values["control"] = conditioning.Control(
                control["kind"], Path(control["image"]), Path(control["model"])
            )
        values["adapters"] = tuple(
            adapter_files.AdapterSpec(a["kind"], Path(a["path"]), a["scale"], a["token"])
            for a in values.get("adapters") or []
        )
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})


def generate(
    model: LoadedModel | str,
    request: GenerateRequest,
    *,
    identity: SigningIdentity | None,
    ledger: Ledger | None,
    on_image: Callable[[Signed], None] | None = None,
    on_loading: Callable[[str], None] | None = None,
    on_loaded: Callable[[LoadedModel], None] | None = None,
    on_series: Callable[[series_rows.Series], None] | None = None,
    collect: bool = True,
) -> list[Signed]:
    """Make ``request.n`` images of its prompt, each signed, recorded in the ledger and
    measured. Without an ``identity`` (a probe campaign that names no artist) the images
    carry their IPTC and AUTOMATIC1111 metadata but no signature.

    Image ``i`` gets the seed ``seed + i`` (``seed`` is drawn at random when not given),
    so any image can be made again alone. ``batch_size`` images go through the pipeline
    together; their measured energy is shared equally. ``on_image`` is called with each
    image once its file and ledger rows exist. When ``model`` is a name, ``on_loading`` is
    called with it before the model loads and ``on_loaded`` with the loaded model. An
    interruption (Ctrl-C) leaves the images already made, each with its rows, and nothing
    half-written.

    More than one image into a ledger is a series (artcharter.provenance.series): one
    ledger row ties them together, ``on_series`` hears of it before the first image, and
    the same request under the same session id again makes only the missing images.
    ``collect=False`` streams: the images reach ``on_image`` and are not returned, so that
    memory stays flat however many are made.
    """
    request.check()
    r = request
    n = r.n
    base_seed = secrets.randbelow(MAX_SEED + 1 - n) if r.seed is None else r.seed
    if isinstance(model, LoadedModel):
        loaded = model
    else:
        if on_loading is not None:
            on_loading(model)
        loaded = load_model(
            model, device=r.device, dtype=r.dtype, cache_dir=r.cache_dir, country=r.grid
        )
        if on_loaded is not None:
            on_loaded(loaded)
    text, negative_text, batch_size, output_dir = (
        r.text,
        r.negative_text,
        r.batch_size,
        r.output_dir,
    )
    country, status = r.grid, r.status
    settings = loaded.settings(r.steps, r.guidance, r.size)
    session = r.session_id or new_session_id()
    output_dir.mkdir(parents=True, exist_ok=True)
    inputs = conditioning.read_inputs(
        init_image=r.init_image,
        strength=r.strength,
        mask=r.mask,
        control=r.control,
        size=(settings.width, settings.height),
        device=loaded.device,
        dtype=getattr(loaded.pipeline, "dtype", None),
    )
    added = [adapter_files.describe(spec) for spec in r.adapters]
    series = None
    # A probe campaign's images are its own series (artcharter.provenance.campaign).
    if ledger is not None and n > 1 and r.kind == "generated":
        asked = r.to_dict()
        spec = model if isinstance(model, str) else loaded.info.id
        series = series_rows.open_or_resume(
            ledger,
            r.series_id or series_rows.series_id_for(session, asked, spec),
            session_id=session,
            asked=asked,
            model=spec,
            model_id=loaded.info.id,
            weights_sha256=loaded.info.weights_sha256,
            base_seed=base_seed,
            n=n,
            output_dir=str(output_dir),
        )
        base_seed = series.base_seed
        if on_series is not None:
            on_series(series)
    wanted = series.missing if series else [base_seed + i for i in range(n)]
    # Each image is finished (encoded, signed, published with its rows) on a worker thread
    # while the device makes the next batch; at most two batches wait or run.
    finishing: Finishing[Signed] = Finishing(
        on_image,
        workers=FINISHING_THREADS,
        limit=max(2 * batch_size, FINISHING_THREADS),
        keep=collect,
    )
    with (
        _series_state(ledger, series),
        adapter_files.applied(loaded.pipeline, r.adapters, added),
        _scheduler(loaded.pipeline, r.scheduler) as sampler,
        finishing,
    ):
        # Inside the block: an image-to-image sibling shares the scheduler chosen here.
        pipeline = conditioning.pipeline_for(loaded.pipeline, inputs)
        for start in range(0, len(wanted), batch_size):
            seeds = wanted[start : start + batch_size]
            batch = _Batch(str(uuid.uuid4()), seeds, settings, sampler)
            images, run = _run_pipeline(
                loaded,
                text,
                negative_text,
                batch,
                country=country,
                ledger=ledger,
                session=session,
                pipeline=pipeline,
                extra=conditioning.pipeline_kwargs(inputs),
                show_steps=r.show_steps,
                finishing=finishing,
            )
            for index, image in enumerate(images):
                finishing.submit(
                    _encode_and_finish,
                    loaded,
                    image,
                    batch,
                    index,
                    run,
                    prompt=text,
                    negative=negative_text,
                    private_prompt=r.private_prompt,
                    training_mining=r.training_mining,
                    training_mining_default=r.training_mining_default,
                    training_constraint=r.training_constraint,
                    title=r.title,
                    declaration=r.declaration,
                    identity=identity,
                    output_dir=output_dir,
                    ledger=ledger,
                    session=session,
                    status=status,
                    kind=r.kind,
                    inputs=inputs,
                    added=added,
                    series=series,
                )
    return finishing.done


@contextlib.contextmanager
def _series_state(ledger: Ledger | None, series: series_rows.Series | None) -> Iterator[None]:
    """Mark the series complete when the block ends well, interrupted otherwise (a SIGKILL
    leaves it ``running``: ``--resume`` goes on the same way). Each image is committed
    with its rows as it is finished, not in batches (``Ledger.batch``): an artist sees it
    appear at once, however long the next one takes."""
    if ledger is None or series is None:
        yield
        return
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):
            ledger.set_series_state(series.series_id, series_rows.INTERRUPTED)
        raise
    ledger.set_series_state(series.series_id, series_rows.COMPLETE)


@dataclass(frozen=True)
class _Batch:
    batch_id: str
    seeds: list[int]
    settings: Settings
    sampler: _Sampler


@dataclass(frozen=True)
class _Sampler:
    class_name: str
    name: str | None  # as AUTOMATIC1111 calls it


@dataclass(frozen=True)
class _Run:
    energy: EnergyRecord  # the whole batch
    pipeline_ms: float
    steps: steps_shown.Recorder | None = None  # the denoising steps kept (--show-steps)


@contextlib.contextmanager
def _scheduler(pipeline: Any, name: str | None) -> Iterator[_Sampler]:
    """Use the scheduler called ``name`` for the block, then give the pipeline its own back."""
    original = pipeline.scheduler
    if not name:
        yield _Sampler(
            type(original).__name__,
            schedulers.a1111_sampler(type(original).__name__, dict(original.config)),
        )
        return
    choice = schedulers.resolve(name)
    import diffusers

    cls = getattr(diffusers, choice.class_name, None)
    if cls is None or not hasattr(cls, "from_config"):
        raise BadInput(
            MESSAGES(
                "generate.no_scheduler_class",
                value=_version("diffusers"),
                class_name=choice.class_name,
            )
        )
    try:
        replacement = cls.from_config(original.config, **choice.overrides)
    except (ImportError, ValueError, TypeError) as exc:
        raise BadInput(MESSAGES("generate.scheduler_unfit", name=name, value=_line(exc))) from None
    pipeline.scheduler = replacement
    try:
        yield _Sampler(
            choice.class_name, schedulers.a1111_sampler(choice.class_name, dict(replacement.config))
        )
    finally:
        pipeline.scheduler = original


def _run_pipeline(
    loaded: LoadedModel,
    prompt: str,
    negative: str | None,
    batch: _Batch,
    *,
    country: str,
    ledger: Ledger | None,
    session: str,
    pipeline: Any = None,
    extra: dict[str, Any] | None = None,
    show_steps: int = 0,
    finishing: Finishing[Signed] | None = None,
) -> tuple[list[Any], _Run]:
    """One pipeline call for the batch, inside one codecarbon run. ``pipeline`` and
    ``extra`` are an image-to-image or inpainting sibling and its inputs."""
    torch = _torch()
    pipeline = pipeline or loaded.pipeline
    accepted = inspect.signature(pipeline.__call__).parameters
    kwargs: dict[str, Any] = {
        "prompt": prompt,
        "num_inference_steps": batch.settings.steps,
        "guidance_scale": batch.settings.guidance,
        "height": batch.settings.height,
        "width": batch.settings.width,
        "num_images_per_prompt": len(batch.seeds),
        # One CPU generator per image: image i depends only on its own seed.
        "generator": [torch.Generator(GENERATOR_DEVICE).manual_seed(s) for s in batch.seeds],
        "output_type": "pil",
        **(extra or {}),
    }
    recorder = None
    if show_steps and "callback_on_step_end" in accepted:
        recorder = steps_shown.Recorder(
            pipeline, steps_shown.pick_steps(batch.settings.steps, show_steps)
        )
        kwargs["callback_on_step_end"] = recorder
        kwargs["callback_on_step_end_tensor_inputs"] = ["latents"]
    if negative is not None:
        if "negative_prompt" not in accepted:
            raise BadInput(MESSAGES("generate.no_negative_prompt", id=loaded.info.id))
        kwargs["negative_prompt"] = negative
    kwargs = {k: v for k, v in kwargs.items() if k in accepted}
    gpu_ids = energy_audit.gpu_ids_for(loaded.device)
    measured: energy_audit.Measurement | None = None
    started = time.perf_counter()
    try:
        with (
            energy_audit.measure(
                country_iso=country, scope="generation", gpu_ids=gpu_ids
            ) as measured,
            torch.inference_mode(),
        ):
            images = list(pipeline(**kwargs).images)
    except BaseException as exc:
        # The energy was spent even if no image came out of it: record it, after the images
        # already made are finished (their rows come first), then let the interruption or
        # the error go on.
        if finishing is not None:
            with contextlib.suppress(Exception):
                finishing.finish()
        _record_aborted_run(loaded, measured.record if measured else None, batch, ledger, session)
        if _is_out_of_memory(exc, torch):
            raise BadInput(
                MESSAGES(
                    "generate.out_of_memory",
                    count=len(batch.seeds),
                    width=batch.settings.width,
                    height=batch.settings.height,
                    device=loaded.device,
                    param="size",
                    param_batch_size="batch_size",
                )
            ) from None
        raise
    pipeline_ms = (time.perf_counter() - started) * 1000
    assert measured.record is not None
    if len(images) != len(batch.seeds):
        raise SetupError(
            MESSAGES(
                "generate.image_count",
                id=loaded.info.id,
                count=len(images),
                expected=len(batch.seeds),
            )
        )
    return images, _Run(measured.record, pipeline_ms, recorder)


def _is_out_of_memory(exc: BaseException, torch: Any) -> bool:
    oom = getattr(torch, "OutOfMemoryError", None)
    return (oom is not None and isinstance(exc, oom)) or "out of memory" in str(exc).lower()


def _record_aborted_run(
    loaded: LoadedModel,
    run: EnergyRecord | None,
    batch: _Batch,
    ledger: Ledger | None,
    session: str,
) -> None:
    if ledger is None or run is None:
        return
    with contextlib.suppress(Exception), interrupts_deferred(), ledger.transaction():
        _record_load_rows(ledger, loaded, session)
        ledger.add_energy_run(
            run, phase="generation-aborted", batch_id=batch.batch_id, session_id=session
        )


def record_load(ledger: Ledger, loaded: LoadedModel, session_id: str | None = None) -> None:
    """Write the energy of loading ``loaded`` into ``ledger`` (once per ledger)."""
    with ledger.transaction():
        _record_load_rows(ledger, loaded, session_id)


def _record_load_rows(ledger: Ledger, loaded: LoadedModel, session_id: str | None) -> None:
    # Called inside the ledger's transaction, which holds its lock: images finished on
    # several threads write the loading's row once (marked before the commit; a failed
    # commit stops the whole generation).
    if str(ledger.path) in loaded.recorded_in:
        return
    ledger.add_energy_run(
        loaded.load_energy, phase="model-load", batch_id=loaded.load_id, session_id=session_id
    )
    loaded.recorded_in.add(str(ledger.path))


def encode_png(image: Any) -> tuple[bytes, float]:
    """The image as PNG bytes, and how long encoding took in milliseconds."""
    started = time.perf_counter()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=PNG_COMPRESS_LEVEL)
    return buffer.getvalue(), (time.perf_counter() - started) * 1000


def _encode_and_finish(loaded: LoadedModel, image: Any, *args: Any, **kwargs: Any) -> Signed:
    """``finish_image`` of a decoded image: encoded, and its claim thumbnail made from the
    pixels in memory, here on the finishing thread."""
    facts = pixel_facts(image) if kwargs.get("identity") is not None else (None, None)
    return finish_image(
        loaded, *encode_png(image), *args, thumbnail=facts[0], iscc=facts[1], **kwargs
    )


def pixel_facts(image: Any) -> tuple[tuple[str, bytes], str]:
    """What signing needs of the pixels, made from the image in memory (the PNG is not
    decoded again): its claim thumbnail and its soft binding (ISCC)."""
    from artcharter.provenance.softbinding import fingerprint_image

    return claim_thumbnail(image), fingerprint_image(image)


def finish_image(
    loaded: LoadedModel,
    data: bytes,
    encode_ms: float,
    batch: _Batch,
    index: int,
    run: _Run,
    *,
    prompt: str,
    negative: str | None,
    private_prompt: bool,
    training_mining: str,
    training_mining_default: bool,
    training_constraint: str | None,
    title: str | None,
    declaration: Declaration | None,
    identity: SigningIdentity | None,
    output_dir: Path,
    ledger: Ledger | None,
    session: str,
    status: str,
    kind: str = "generated",
    thumbnail: tuple[str, bytes] | None = None,
    iscc: str | None = None,
    inputs: conditioning.Inputs | None = None,
    added: list[Adapter] | None = None,
    series: series_rows.Series | None = None,
) -> Signed:
    """Label, sign and publish one encoded image with its ledger rows (on a worker thread:
    see ``Finishing``; the publish is atomic, so nothing can interrupt it half-way).
    ``thumbnail``, ``iscc``: the claim thumbnail and soft binding made from the pixels
    (else the PNG is decoded again for each);
    ``inputs``: the artist's own images it was made from; ``added``: the adapters (LoRA,
    embeddings) loaded into the model for it; ``series``: the series it belongs to."""
    inputs = inputs or conditioning.Inputs()
    count = len(batch.seeds)
    strip = run.steps.strip(index) if run.steps is not None else None
    process: list[tuple[Ingredient, IngredientInput]] = []
    if strip is not None:
        picture = strip[0]
        definition = {
            "title": "denoising-steps.png",
            "relationship": "componentOf",
            "description": STEPS_ROLE,
        }
        process.append(
            (
                Ingredient("denoising-steps.png", sha256_hex(picture), "image/png", STEPS_ROLE),
                IngredientInput(definition, "image/png", picture, thumbnail=picture),
            )
        )
    energy = run.energy.per_image(count)
    settings = batch.settings
    record = ArtworkRecord(
        artwork_id=new_artwork_id(),
        kind=kind,
        # Made from the artist's own image: a composite of their work and the model's.
        source_type=conditioning.COMPOSITE if inputs.any else SOURCE_TYPE,
        title=title,
        author=Person(identity.name, identity.email, identity.organisation) if identity else None,
        tool=f"{loaded.label} with diffusers {loaded.info.library_version or ''}".strip(),
        prompt=prompt,
        prompt_sha256=prompt_hash(prompt),
        prompt_private=private_prompt,
        model=dataclasses.replace(
            loaded.info, scheduler_class=batch.sampler.class_name, adapters=list(added or [])
        ),
        generation=GenerationParams(
            negative_prompt=negative,
            negative_prompt_sha256=prompt_hash(negative) if negative else None,
            seed=batch.seeds[index],
            steps=settings.steps,
            guidance=settings.guidance,
            width=settings.width,
            height=settings.height,
            scheduler=batch.sampler.name,
            generator_device=GENERATOR_DEVICE,
            device=loaded.device,
            device_name=loaded.device_name,
            dtype=loaded.dtype,
            batch_index=index,
            batch_size=count,
            libraries=dict(loaded.libraries),
            mode=inputs.mode if inputs.any else None,
            steps_shown=", ".join(map(str, strip[1])) if strip is not None else None,
            series_id=series.series_id if series else None,
            series_index=series.index_of(batch.seeds[index]) if series else None,
            series_size=series.n if series else None,
            strength=inputs.strength,
            control=(
                {
                    "kind": inputs.control_kind,
                    "model": inputs.controlnet_id,
                    "weights_sha256": inputs.controlnet_sha256,
                }
                if inputs.control is not None
                else None
            ),
            timings_ms={
                "model_load": round(loaded.load_ms, 1),
                "pipeline": round(run.pipeline_ms / count, 1),
                "pipeline_batch": round(run.pipeline_ms, 1),
                "png_encode": round(encode_ms, 1),
            },
        ),
        energy=energy,
        ingredients=[i.ingredient for i in inputs.ingredients]
        + [adapter_files.ingredient(a) for a in added or []]
        + [p[0] for p in process],
        training_mining=training_mining,
        training_mining_default=training_mining_default,
        training_constraint=training_constraint or None,
        declaration=declaration,
        software={"artcharter": VERSION},
    )
    # Keyed before the A1111 parameters are written from it: a private prompt's hash is
    # never a plain SHA-256 (artcharter.provenance.prompt_key).
    record = keyed_record(record, project_secret(ledger.path) if ledger else None)
    path = output_dir / _file_name(record, title, prompt, private_prompt, series)

    def rows(ledger: Ledger) -> None:
        _record_load_rows(ledger, loaded, session)
        ledger.add_energy_run(
            energy,
            phase="generation",
            artwork_id=record.artwork_id,
            batch_id=batch.batch_id,
            session_id=session,
        )

    # The file and its rows appear together (publish); a Ctrl-C, should this run on the
    # main thread, waits for them to be written.
    with interrupts_deferred():
        signed = sign_record(
            data,
            record,
            path,
            identity,
            [i.signing for i in inputs.ingredients] + [p[1] for p in process],
            ledger=ledger,
            status=status,
            png_text={PNG_KEY: parameters_for(record, VERSION)},
            session_id=session,
            extra_rows=rows,
            thumbnail=thumbnail if identity is not None else None,
            iscc=iscc if identity is not None else None,
            fresh=True,
        )
    return signed


def _file_name(
    record: ArtworkRecord,
    title: str | None,
    prompt: str,
    private: bool,
    series: series_rows.Series | None = None,
) -> str:
    """'a-lighthouse-at-night-42-1a2b3c4d.png': readable, unique, never a private prompt.
    The last part is the artwork id's start, or in a series the series' tag: a seed of a
    series always gets the same name, so a resumed series never makes a second copy."""
    if title:
        stem = slugify(title)
    elif private:
        stem = "image"
    else:
        stem = slugify(" ".join(prompt.split()[:6]))
    stem = stem[:48].strip("-") or "image"
    seed = record.generation.seed if record.generation else 0
    tag = series_rows.file_tag(series.series_id) if series else record.artwork_id[:8]
    return f"{stem}-{seed}-{tag}.png"


# --- rendering on one machine, signing on another -------------------------------------------
# A cluster worker renders a batch (pixels, timings, energy measured on its device) and the
# signing host publishes it: the private key and the ledger stay with the signing host.


@dataclass(frozen=True)
class RenderedBatch:
    """A batch rendered by a worker, as PNG: everything its records need but the signature."""

    batch: _Batch
    images: tuple[bytes, ...]
    encode_ms: tuple[float, ...]
    run: _Run
    thumbnails: tuple[tuple[str, bytes], ...] = ()  # claim thumbnails, made from the pixels
    isccs: tuple[str, ...] = ()  # soft bindings, made from the pixels


def described(loaded: LoadedModel) -> LoadedModel:
    """What the signing host needs to know of a model loaded elsewhere: all but the pipeline."""
    return dataclasses.replace(loaded, pipeline=None, recorded_in=set())


def render_batch(loaded: LoadedModel, request: GenerateRequest, seeds: list[int]) -> RenderedBatch:
    """Render the images of ``seeds`` as ``generate`` would, without signing or recording
    them: the same pipeline call, the same generators, the same PNG bytes."""
    settings = loaded.settings(request.steps, request.guidance, request.size)
    with _scheduler(loaded.pipeline, request.scheduler) as sampler:
        batch = _Batch(str(uuid.uuid4()), list(seeds), settings, sampler)
        images, run = _run_pipeline(
            loaded,
            request.text,
            request.negative_text,
            batch,
            country=request.grid,
            ledger=None,
            session="",
        )
    encoded = [encode_png(image) for image in images]
    facts = [pixel_facts(image) for image in images]
    return RenderedBatch(
        batch,
        tuple(data for data, _ in encoded),
        tuple(ms for _, ms in encoded),
        run,
        tuple(thumbnail for thumbnail, _ in facts),
        tuple(iscc for _, iscc in facts),
    )


def publish_rendered(
    loaded: LoadedModel,
    rendered: RenderedBatch,
    request: GenerateRequest,
    *,
    identity: SigningIdentity | None,
    ledger: Ledger | None,
    session: str,
) -> list[Signed]:
    """Sign and record a batch another process rendered with ``loaded`` (its description)."""
    request.output_dir.mkdir(parents=True, exist_ok=True)
    thumbnails, isccs = rendered.thumbnails, rendered.isccs
    return [
        finish_image(
            loaded,
            data,
            encode_ms,
            rendered.batch,
            index,
            rendered.run,
            prompt=request.text,
            negative=request.negative_text,
            private_prompt=request.private_prompt,
            training_mining=request.training_mining,
            training_mining_default=request.training_mining_default,
            training_constraint=request.training_constraint,
            title=request.title,
            declaration=request.declaration,
            identity=identity,
            output_dir=request.output_dir,
            ledger=ledger,
            session=session,
            status=request.status,
            kind=request.kind,
            thumbnail=thumbnails[index] if thumbnails else None,
            iscc=isccs[index] if isccs else None,
        )
        for index, (data, encode_ms) in enumerate(
            zip(rendered.images, rendered.encode_ms, strict=True)
        )
    ]
