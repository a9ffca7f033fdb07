"""Bias probe campaigns: generate, classify, measure, and keep it all in the ledger.

A campaign asks a text-to-image model for N images per prompt of a prompt set (the HEIM /
Fair Diffusion occupations, the HEIM / DALL-Eval descriptors, or a school's own list), with
fixed seeds ``seed_base + index`` so that the same campaign can be made again image for
image. Every image goes through the generation wrapper (``provenance.generate``), so it is
signed, recorded in the ledger and its energy measured like any other generation. The CLIP
probe then reads perceived attributes of each image, and the metrics are computed per
prompt on the valid readings, with bootstrap intervals for campaign-level figures.

``--images DIR`` classifies a folder of existing images instead (outputs of tools a school
cannot run, such as Midjourney or Firefly): each sub-folder is one prompt.

Three ledger tables hold a campaign (they open in Datasette as they are):

- ``probe_campaigns``: one row per campaign with everything needed to make it again: the
  model, the prompts, the seeds, the probe model and its weights' hash, the probe's
  classes, templates and thresholds, the reference, the bootstrap seed;
- ``probe_images``: one row per image: prompt, seed, artwork, file and pixel hashes, and
  the probe's reading (status ``pending`` until it is classified);
- ``probe_results``: one row per prompt and attribute (scope ``prompt``) and per attribute
  for the whole campaign (scope ``campaign``), with the metrics and the plain sentences.

A campaign is resumable: an interrupted run leaves its rows, and running it again (or with
``resume=ID``) generates only the images that are missing. An image whose generation was
signed but not yet listed (interrupted in between) is found through its ledger row
(session = campaign id, same prompt and seed) instead of being made again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import re
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from audits.bias import metrics as M
from audits.bias import sentences
from audits.bias.clip_probe import DEFAULT_BATCH_SIZE, ImageReading, Probe
from audits.bias.probe_classes import NO_PERSON, ProbeClasses
from audits.bias.prompt_audit import PromptAudit, audit_prompt
from audits.bias.prompt_sets import ProbePrompt, PromptSet
from audits.bias.reference import Reference, parse_reference
from audits.errors import AuditError
from provenance.errors import BadInput
from provenance.image_files import is_image_name
from provenance.ledger import Ledger, path_text
from provenance.record import ArtworkRecord, now_iso, sha256_hex
from provenance.version import VERSION

MODE_GENERATE = "generate"
MODE_IMAGES = "images"
STATUS_RUNNING = "running"
STATUS_INTERRUPTED = "interrupted"
STATUS_COMPLETE = "complete"
IMAGE_PENDING = "pending"
IMAGE_PERSON = "person"
IMAGE_UNREADABLE = "unreadable"
CAMPAIGN_SCOPE = "campaign"
PROMPT_SCOPE = "prompt"
ALL_PROMPTS = "*"

TABLES: dict[str, tuple[dict[str, type], str]] = {
    "probe_campaigns": (
        {
            "campaign_id": str,
            "model_id": str,
            "clip_model": str,
            "created_at": str,
            "updated_at": str,
            "status": str,
            "mode": str,
            "model_spec": str,
            "model_weights_sha256": str,
            "is_demo_model": int,
            "prompt_set": str,
            "prompt_set_origin": str,
            "prompt_set_sha256": str,
            "prompts": str,
            "per_prompt": int,
            "seed_base": int,
            "seeds": str,
            "generation": str,
            "clip_spec": str,
            "clip": str,
            "clip_is_demo": int,
            "classes": str,
            "classes_sha256": str,
            "gate_threshold": float,
            "thresholds": str,
            "ethnicity": int,
            "smoothing": float,
            "reference": str,
            "bootstrap": str,
            "images_dir": str,
            "output_dir": str,
            "fingerprint": str,
            "artist": str,
            "images_total": int,
            "images_classified": int,
            "summary": str,
            "energy": str,
            "software": str,
        },
        "campaign_id",
    ),
    "probe_images": (
        {
            "image_id": str,
            "campaign_id": str,
            "prompt_key": str,
            "prompt_index": int,
            "prompt": str,
            "image_index": int,
            "seed": int,
            "artwork_id": str,
            "path": str,
            "sha256": str,
            "pixels_sha256": str,
            "status": str,
            "person_probability": float,
            "several_people": int,
            "reading": str,
            "error": str,
            "created_at": str,
            "classified_at": str,
        },
        "image_id",
    ),
    "probe_results": (
        {
            "result_id": str,
            "campaign_id": str,
            "scope": str,
            "prompt_key": str,
            "prompt_index": int,
            "prompt": str,
            "subject": str,
            "attribute": str,
            "n_total": int,
            "n_valid": int,
            "n_uncertain": int,
            "n_abstain": int,
            "n_unreadable": int,
            "counts": str,
            "shares": str,
            "intervals": str,
            "parity_gap": float,
            "mad": float,
            "max_skew": float,
            "max_skew_class": str,
            "kl": float,
            "entropy": float,
            "reference": str,
            "metrics": str,
            "sentence_en": str,
            "sentence_fr": str,
            "created_at": str,
        },
        "result_id",
    ),
}
INDEXES = (
    ("probe_campaigns", ["model_id", "status"]),
    ("probe_campaigns", ["fingerprint"]),
    ("probe_images", ["campaign_id", "status"]),
    ("probe_results", ["campaign_id", "scope"]),
)


def ensure_tables(ledger: Ledger) -> None:
    """Create the probe tables and their indexes in a ledger that lacks them."""
    if set(TABLES) <= set(ledger.db.table_names()):
        return
    for name, (columns, pk) in TABLES.items():
        ledger.ensure_table(name, columns, pk)
    with ledger.transaction():
        for table, columns in INDEXES:
            ledger.db[table].create_index(columns, if_not_exists=True)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _loads(text: str | None) -> Any:
    return json.loads(text) if text else None


# --- what a campaign is ------------------------------------------------------------------


@dataclass(frozen=True)
class CampaignSettings:
    """Everything the person chose. Recorded with the campaign, so it can be made again."""

    prompt_set: PromptSet
    per_prompt: int = 50
    seed_base: int = 0
    steps: int | None = None
    size: int | None = None
    guidance: float | None = None
    images_dir: Path | None = None
    reference: Reference | None = None
    smoothing: float = M.DEFAULT_SMOOTHING
    resamples: int = M.DEFAULT_RESAMPLES
    bootstrap_seed: int = M.DEFAULT_BOOTSTRAP_SEED
    batch_size: int = DEFAULT_BATCH_SIZE

    @property
    def mode(self) -> str:
        return MODE_IMAGES if self.images_dir is not None else MODE_GENERATE

    def check(self) -> None:
        if self.mode == MODE_GENERATE and not 1 <= self.per_prompt <= 100_000:
            raise BadInput(f"--per-prompt must be between 1 and 100000, not {self.per_prompt}")
        if self.seed_base < 0 or self.seed_base + self.per_prompt > 2**63 - 1:
            raise BadInput("--seed-base must be a whole number >= 0")
        if not self.prompt_set.prompts:
            raise BadInput("the prompt set has no prompt")
        if self.batch_size < 1:
            raise BadInput("--batch-size must be at least 1")


OnImage = Callable[[int, str, Path, str], None]  # seed, artwork id, path, sha256


class ImageMaker(Protocol):
    """What a campaign needs from the generation wrapper."""

    @property
    def model_id(self) -> str: ...

    @property
    def is_demo(self) -> bool: ...

    @property
    def weights_sha256(self) -> str | None: ...

    def make(
        self,
        prompt: str,
        first_seed: int,
        n: int,
        output_dir: Path,
        session_id: str,
        on_image: OnImage,
    ) -> None:
        """Generate, sign and record images with seeds first_seed .. first_seed + n - 1,
        calling ``on_image`` as each one's file and ledger rows exist."""
        ...


@dataclass
class WrapperMaker:
    """Images made through ``provenance.generate``: signed, recorded and measured."""

    loaded: Any  # provenance.generate.LoadedModel
    identity: Any  # provenance.signing.SigningIdentity
    ledger: Ledger
    steps: int | None = None
    size: int | None = None
    guidance: float | None = None
    batch_size: int = 1
    country: str = "FRA"

    @property
    def model_id(self) -> str:
        return str(self.loaded.info.id)

    @property
    def is_demo(self) -> bool:
        return bool(self.loaded.info.is_demo)

    @property
    def weights_sha256(self) -> str | None:
        return self.loaded.info.weights_sha256

    def make(
        self,
        prompt: str,
        first_seed: int,
        n: int,
        output_dir: Path,
        session_id: str,
        on_image: OnImage,
    ) -> None:
        from provenance.generate import generate

        generate(
            self.loaded,
            prompt,
            output_dir=output_dir,
            identity=self.identity,
            ledger=self.ledger,
            seed=first_seed,
            n=n,
            batch_size=min(self.batch_size, n),
            steps=self.steps,
            size=self.size,
            guidance=self.guidance,
            country=self.country,
            session_id=session_id,
            on_image=lambda signed: on_image(
                signed.record.generation.seed, signed.record.artwork_id, signed.path, signed.sha256
            ),
        )


def fingerprint(
    *,
    mode: str,
    model_spec: str,
    prompt_set: PromptSet,
    per_prompt: int,
    seed_base: int,
    steps: int | None,
    size: int | None,
    guidance: float | None,
    images_dir: Path | None,
    probe: Probe,
) -> str:
    """What decides the images and their readings: two runs with the same fingerprint are
    the same campaign (an unfinished one is resumed rather than started again)."""
    payload = {
        "mode": mode,
        "model": model_spec,
        "prompts": prompt_set.sha256,
        "per_prompt": per_prompt if mode == MODE_GENERATE else None,
        "seed_base": seed_base if mode == MODE_GENERATE else None,
        "steps": steps,
        "size": size,
        "guidance": guidance,
        "images_dir": path_text(images_dir) if images_dir else None,
        "clip_weights": probe.model.weights_sha256,
        "clip_arch": probe.model.arch,
        "classes": probe.classes.sha256,
    }
    return hashlib.sha256(_dumps(payload).encode()).hexdigest()


def settings_from_row(row: Mapping[str, Any]) -> CampaignSettings:
    """The settings a campaign was started with, to resume it from its id alone."""
    prompts = tuple(ProbePrompt.from_dict(p) for p in _loads(row["prompts"]))
    generation = _loads(row["generation"]) or {}
    bootstrap = _loads(row["bootstrap"]) or {}
    reference_data = _loads(row["reference"])
    return CampaignSettings(
        prompt_set=PromptSet(row["prompt_set"], row["prompt_set_origin"], prompts),
        per_prompt=int(row["per_prompt"]),
        seed_base=int(row["seed_base"]),
        steps=generation.get("steps"),
        size=generation.get("size"),
        guidance=generation.get("guidance"),
        images_dir=Path(row["images_dir"]) if row["images_dir"] else None,
        reference=parse_reference(reference_data, reference_data.get("path") or "reference")
        if reference_data
        else None,
        smoothing=float(row["smoothing"]),
        resamples=int(bootstrap.get("resamples", M.DEFAULT_RESAMPLES)),
        bootstrap_seed=int(bootstrap.get("seed", M.DEFAULT_BOOTSTRAP_SEED)),
        batch_size=int(bootstrap.get("batch_size", DEFAULT_BATCH_SIZE)),
    )


def get_campaign(ledger: Ledger, campaign_id: str) -> dict[str, Any]:
    """A campaign row by id or unique id prefix; BadInput when there is none."""
    ensure_tables(ledger)
    rows = list(
        ledger.db.query(
            "SELECT * FROM probe_campaigns WHERE campaign_id = ? OR campaign_id LIKE ? "
            "ORDER BY campaign_id = ? DESC LIMIT 2",
            [campaign_id, campaign_id + "%", campaign_id],
        )
    )
    if not rows or (len(rows) > 1 and rows[0]["campaign_id"] != campaign_id):
        raise BadInput(
            f"no campaign {campaign_id!r} in the ledger"
            if not rows
            else f"{campaign_id!r} names several campaigns: give more characters"
        )
    return rows[0]


def latest_campaign(ledger: Ledger, model_id: str) -> dict[str, Any] | None:
    """The most recent complete campaign for a model id (as artwork records name it)."""
    if "probe_campaigns" not in ledger.db.table_names():
        return None
    rows = list(
        ledger.db.query(
            "SELECT * FROM probe_campaigns WHERE model_id = ? AND status = ? "
            "ORDER BY updated_at DESC, rowid DESC LIMIT 1",
            [model_id, STATUS_COMPLETE],
        )
    )
    return rows[0] if rows else None


def campaigns(ledger: Ledger, *, limit: int = 50) -> list[dict[str, Any]]:
    if "probe_campaigns" not in ledger.db.table_names():
        return []
    return list(
        ledger.db.query(
            "SELECT campaign_id, model_id, clip_model, status, mode, prompt_set, per_prompt, "
            "images_total, images_classified, created_at, updated_at FROM probe_campaigns "
            "ORDER BY created_at DESC, rowid DESC LIMIT ?",
            [limit],
        )
    )


# --- opening, resuming -------------------------------------------------------------------


def _new_id() -> str:
    return "pc-" + uuid.uuid4().hex[:12]


def campaign_fingerprint(settings: CampaignSettings, probe: Probe, model_spec: str) -> str:
    return fingerprint(
        mode=settings.mode,
        model_spec=model_spec,
        prompt_set=settings.prompt_set,
        per_prompt=settings.per_prompt,
        seed_base=settings.seed_base,
        steps=settings.steps,
        size=settings.size,
        guidance=settings.guidance,
        images_dir=settings.images_dir,
        probe=probe,
    )


def find_campaign(
    ledger: Ledger, fp: str, *, resume: str | None = None, new: bool = False
) -> dict[str, Any] | None:
    """The campaign to resume: the one named, else the latest unfinished one with the
    same fingerprint (unless ``new``)."""
    ensure_tables(ledger)
    if resume:
        row = get_campaign(ledger, resume)
        if row["fingerprint"] != fp:
            raise BadInput(
                f"campaign {row['campaign_id']} was made with another model, prompt set, "
                "seeds or probe: resume it with the same settings, or start a new campaign"
            )
        return row
    if new:
        return None
    found = list(
        ledger.db.query(
            "SELECT * FROM probe_campaigns WHERE fingerprint = ? AND status != ? "
            "ORDER BY updated_at DESC, rowid DESC LIMIT 1",
            [fp, STATUS_COMPLETE],
        )
    )
    return found[0] if found else None


def _restart_columns(settings: CampaignSettings) -> dict[str, Any]:
    """What may change when a campaign resumes: the metrics' settings, not the images'."""
    return {
        "updated_at": now_iso(),
        "status": STATUS_RUNNING,
        "reference": _dumps(settings.reference.to_dict()) if settings.reference else None,
        "smoothing": settings.smoothing,
        "bootstrap": _dumps(
            {
                "resamples": settings.resamples,
                "seed": settings.bootstrap_seed,
                "level": 0.95,
                "batch_size": settings.batch_size,
            }
        ),
    }


def restart_campaign(
    ledger: Ledger, row: Mapping[str, Any], settings: CampaignSettings
) -> dict[str, Any]:
    columns = _restart_columns(settings)
    with ledger.transaction():
        ledger.db["probe_campaigns"].update(row["campaign_id"], columns)
    return {**row, **columns}


def create_campaign(
    ledger: Ledger,
    settings: CampaignSettings,
    probe: Probe,
    *,
    fp: str,
    model_spec: str,
    model_id: str,
    is_demo_model: bool,
    output_dir: Path | None,
    default_output: Callable[[str], Path],
    artist: str | None = None,
    model_weights_sha256: str | None = None,
) -> dict[str, Any]:
    """A new campaign row with everything needed to make the campaign again."""
    ensure_tables(ledger)
    campaign_id = _new_id()
    out = (output_dir or default_output(campaign_id)).resolve()
    classes = probe.classes
    row = {
        "campaign_id": campaign_id,
        "model_id": model_id,
        "clip_model": probe.model.name,
        "created_at": now_iso(),
        "mode": settings.mode,
        "model_spec": model_spec,
        "model_weights_sha256": model_weights_sha256,
        "is_demo_model": int(is_demo_model),
        "prompt_set": settings.prompt_set.name,
        "prompt_set_origin": settings.prompt_set.origin,
        "prompt_set_sha256": settings.prompt_set.sha256,
        "prompts": _dumps([p.to_dict() for p in settings.prompt_set.prompts]),
        "per_prompt": settings.per_prompt if settings.mode == MODE_GENERATE else 0,
        "seed_base": settings.seed_base,
        "seeds": (
            f"seed_base + image index: {settings.seed_base}.."
            f"{settings.seed_base + settings.per_prompt - 1}, the same for every prompt"
            if settings.mode == MODE_GENERATE
            else None
        ),
        "generation": _dumps(
            {"steps": settings.steps, "size": settings.size, "guidance": settings.guidance}
        ),
        "clip_spec": probe.model.spec.text,
        "clip": _dumps(probe.model.info()),
        "clip_is_demo": int(probe.model.is_demo),
        "classes": _dumps(classes.to_dict()),
        "classes_sha256": classes.sha256,
        "gate_threshold": classes.gate.threshold,
        "thresholds": _dumps({a.id: a.threshold for a in classes.attributes}),
        "ethnicity": int("ethnicity" in classes.attribute_ids),
        "images_dir": path_text(settings.images_dir) if settings.images_dir else None,
        "output_dir": str(out),
        "fingerprint": fp,
        "artist": artist,
        "images_total": 0,
        "images_classified": 0,
        "software": _dumps(_software()),
        **_restart_columns(settings),
    }
    with ledger.transaction():
        ledger.db["probe_campaigns"].insert(row, pk="campaign_id", alter=True)
    return row


def _software() -> dict[str, str]:
    from importlib import metadata

    versions = {"artcharter": VERSION}
    for dist in ("open_clip_torch", "torch", "diffusers", "numpy"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[dist] = metadata.version(dist)
    return versions


# --- images: generated or collected ------------------------------------------------------


Progress = Callable[[str, int, int], None]


def _no_progress(stage: str, done: int, total: int) -> None:
    return None


def _existing_image_ids(ledger: Ledger, campaign_id: str) -> set[str]:
    return {
        r["image_id"]
        for r in ledger.db.query(
            "SELECT image_id FROM probe_images WHERE campaign_id = ?", [campaign_id]
        )
    }


def _signed_in_session(ledger: Ledger, campaign_id: str) -> dict[tuple[str, int], list[Any]]:
    """The images already signed for this campaign, by (prompt, seed): one query, bounded
    by the campaign's size (the ledger's other artworks are not read)."""
    found: dict[tuple[str, int], list[Any]] = {}
    for row in ledger.db.query(
        "SELECT artwork_id, path, sha256, prompt, json_extract(record, '$.generation.seed') "
        "AS seed FROM artworks WHERE session_id = ? ORDER BY created_at DESC",
        [campaign_id],
    ):
        if row["seed"] is not None:
            found.setdefault((row["prompt"], int(row["seed"])), []).append(row)
    return found


def _adopt(candidates: list[Any]) -> tuple[str, Path, str] | None:
    """A signed image of this campaign, prompt and seed that was recorded but not listed
    (the run stopped between the two): take it rather than generating it again, if its
    file is still the one that was signed."""
    for row in candidates:
        path = Path(row["path"])
        try:
            if sha256_hex(path.read_bytes()) == row["sha256"]:
                return row["artwork_id"], path, row["sha256"]
        except OSError:
            continue
    return None


def prompt_folder(output_dir: Path, prompt: ProbePrompt) -> Path:
    return output_dir / "images" / re.sub(r"[^\w.\-]+", "_", prompt.key)


def generate_missing(
    ledger: Ledger,
    campaign: Mapping[str, Any],
    settings: CampaignSettings,
    maker_factory: Callable[[], ImageMaker],
    progress: Progress = _no_progress,
) -> int:
    """Generate the images the campaign does not have yet; return how many were made.

    Missing images of a prompt are asked for in runs of consecutive seeds (the wrapper
    batches them on the GPU). ``maker_factory`` (which loads the model) is called only if
    something is missing.
    """
    campaign_id = campaign["campaign_id"]
    existing = _existing_image_ids(ledger, campaign_id)
    prompts = settings.prompt_set.prompts
    total = len(prompts) * settings.per_prompt
    output_dir = Path(campaign["output_dir"])
    signed = _signed_in_session(ledger, campaign_id) if len(existing) < total else {}
    maker: ImageMaker | None = None
    made = [0]
    done = [len(existing)]
    progress("generate", done[0], total)
    for prompt_index, prompt in enumerate(prompts):

        def listed(
            seed: int,
            artwork_id: str,
            path: Path,
            digest: str,
            prompt: ProbePrompt = prompt,
            prompt_index: int = prompt_index,
        ) -> None:
            index = seed - settings.seed_base
            _insert_image(
                ledger,
                {
                    "image_id": f"{campaign_id}:{prompt.key}:{index}",
                    "campaign_id": campaign_id,
                    "prompt_key": prompt.key,
                    "prompt_index": prompt_index,
                    "prompt": prompt.text,
                    "image_index": index,
                    "seed": seed,
                    "artwork_id": artwork_id,
                    "path": path_text(path),
                    "sha256": digest,
                },
            )
            done[0] += 1
            progress("generate", done[0], total)

        missing = []
        for index in range(settings.per_prompt):
            if f"{campaign_id}:{prompt.key}:{index}" in existing:
                continue
            seed = settings.seed_base + index
            found = _adopt(signed.get((prompt.text, seed), []))
            if found is not None:
                listed(seed, *found)
            else:
                missing.append(index)
        for first, count in _runs(missing):
            if maker is None:
                maker = maker_factory()
                _check_same_model(campaign, maker)
            maker.make(
                prompt.text,
                settings.seed_base + first,
                count,
                prompt_folder(output_dir, prompt),
                campaign_id,
                listed,
            )
            made[0] += count
    return made[0]


def _check_same_model(campaign: Mapping[str, Any], maker: ImageMaker) -> None:
    """A resumed campaign must get its missing images from the very same weights."""
    recorded = campaign.get("model_weights_sha256")
    if maker.model_id != campaign["model_id"] or (
        recorded and maker.weights_sha256 and maker.weights_sha256 != recorded
    ):
        raise BadInput(
            f"campaign {campaign['campaign_id']} was made with {campaign['model_id']} "
            f"(weights {str(recorded)[:12]}…), not these weights: start a new campaign"
        )


def _runs(indices: Sequence[int]) -> list[tuple[int, int]]:
    """[0, 1, 2, 5, 6] -> [(0, 3), (5, 2)]: runs of consecutive indices as (first, count)."""
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][0] + runs[-1][1] == i:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((i, 1))
    return runs


def _insert_image(ledger: Ledger, row: dict[str, Any]) -> None:
    row = {**row, "status": IMAGE_PENDING, "created_at": now_iso()}
    with ledger.transaction():
        # ignore: a second process resuming the same campaign at the same time may list
        # the same image first; its own copy then stays an ordinary recorded generation.
        ledger.db["probe_images"].insert(row, pk="image_id", alter=True, ignore=True)


def folder_prompt_set(images_dir: Path) -> PromptSet:
    """Prompts of an image folder: one per sub-folder (its ``prompt.txt``, or its name);
    images directly in the folder form one prompt named after the folder."""
    if not images_dir.is_dir():
        raise BadInput(f"{images_dir}: no such folder of images")
    groups: list[tuple[str, Path]] = []
    if any(_images_in(images_dir)):
        groups.append((images_dir.name or "images", images_dir))
    for sub in sorted(p for p in images_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if any(_images_in(sub)):
            groups.append((sub.name, sub))
    if not groups:
        raise BadInput(
            f"{images_dir}: no PNG, JPEG or WebP images in it or in its sub-folders "
            "(one sub-folder per prompt)"
        )
    prompts = []
    for name, folder in groups:
        text_file = folder / "prompt.txt"
        text = name
        if folder != images_dir and text_file.is_file():
            text = text_file.read_text(encoding="utf-8-sig").strip() or name
        key = "." if folder == images_dir else re.sub(r"[^\w.\-]+", "_", name)
        prompts.append(ProbePrompt(key, name, text, "any", text, None))
    return PromptSet(images_dir.name or "images", path_text(images_dir), tuple(prompts))


def _images_in(folder: Path) -> Iterator[Path]:
    return (p for p in sorted(folder.iterdir()) if is_image_name(p) and p.is_file())


def collect_images(
    ledger: Ledger,
    campaign: Mapping[str, Any],
    settings: CampaignSettings,
    progress: Progress = _no_progress,
) -> int:
    """List the folder's images in the campaign (new ones only); return how many."""
    assert settings.images_dir is not None
    campaign_id = campaign["campaign_id"]
    existing = _existing_image_ids(ledger, campaign_id)
    added = 0
    for prompt_index, prompt in enumerate(settings.prompt_set.prompts):
        folder = settings.images_dir if prompt.key == "." else settings.images_dir / prompt.subject
        for index, path in enumerate(_images_in(folder)):
            image_id = f"{campaign_id}:{prompt.key}:{path.name}"
            if image_id in existing:
                continue
            try:
                digest = sha256_hex(path.read_bytes())
            except OSError as exc:
                raise BadInput(f"{path}: cannot be read ({exc.strerror})") from None
            known = ledger.find_artwork(digest)
            _insert_image(
                ledger,
                {
                    "image_id": image_id,
                    "campaign_id": campaign_id,
                    "prompt_key": prompt.key,
                    "prompt_index": prompt_index,
                    "prompt": prompt.text,
                    "image_index": index,
                    "seed": None,
                    "artwork_id": known["artwork_id"] if known else None,
                    "path": path_text(path),
                    "sha256": digest,
                },
            )
            added += 1
    progress("collect", added, added)
    return added


# --- classification ----------------------------------------------------------------------


def pixels_sha256(image: Any) -> str:
    """Hash of the decoded pixels: equal for the same image whatever its metadata or
    signature, which is how reproducibility from seeds is checked."""
    digest = hashlib.sha256(f"{image.mode}:{image.size[0]}x{image.size[1]}:".encode())
    digest.update(image.tobytes())
    return digest.hexdigest()


def classify_pending(
    ledger: Ledger,
    campaign: Mapping[str, Any],
    probe: Probe,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    country: str | None = None,
    progress: Progress = _no_progress,
) -> int:
    """Read every image still pending, one batch at a time; return how many were read.

    Each batch's readings are written in one transaction, so an interruption keeps what
    is done. Rows are fetched page by page: memory does not grow with the campaign.
    When ``country`` is given, the classification's energy is measured (codecarbon) and
    recorded as an energy run of phase ``probe`` for the campaign.
    """
    campaign_id = campaign["campaign_id"]
    total_pending = ledger.db.execute(
        "SELECT count(*) FROM probe_images WHERE campaign_id = ? AND status = ?",
        [campaign_id, IMAGE_PENDING],
    ).fetchone()[0]
    if not total_pending:
        return 0
    done = [0]
    measurement: Any = None
    try:
        if country:
            from audits.energy import gpu_ids_for, measure

            with measure(
                country_iso=country,
                scope="probe classification",
                gpu_ids=gpu_ids_for(probe.model.device),
            ) as measurement:
                _classify_pages(
                    ledger, campaign_id, probe, batch_size, total_pending, done, progress
                )
        else:
            _classify_pages(ledger, campaign_id, probe, batch_size, total_pending, done, progress)
    finally:
        # The energy was spent even when the run was interrupted: record it either way.
        if measurement is not None:
            _record_probe_energy(ledger, campaign_id, measurement, done[0])
    return done[0]


def _classify_pages(
    ledger: Ledger,
    campaign_id: str,
    probe: Probe,
    batch_size: int,
    total: int,
    done: list[int],
    progress: Progress,
) -> None:
    from PIL import Image

    last = 0
    hashes: dict[str, str] = {}  # pixel hashes of the batch being read

    def load(row: Mapping[str, Any]) -> Any:
        path = Path(row["path"])
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise AuditError(f"{path.name}: cannot be read ({exc.strerror})") from None
        if row["sha256"] and sha256_hex(data) != row["sha256"]:
            raise AuditError(f"{path.name}: the file changed after it was recorded")
        try:
            with Image.open(io.BytesIO(data)) as img:
                rgb = img.convert("RGB")
        except (OSError, ValueError, SyntaxError) as exc:
            raise AuditError(f"{path.name}: not a readable image ({exc})") from None
        hashes[row["image_id"]] = pixels_sha256(rgb)
        return rgb

    progress("classify", 0, total)
    while True:
        rows = list(
            ledger.db.query(
                "SELECT rowid, image_id, path, sha256 FROM probe_images "
                "WHERE campaign_id = ? AND status = ? AND rowid > ? ORDER BY rowid LIMIT ?",
                [campaign_id, IMAGE_PENDING, last, batch_size],
            )
        )
        if not rows:
            return
        last = rows[-1]["rowid"]
        hashes.clear()
        readings = list(probe.classify(rows, load=load, batch_size=len(rows)))
        with ledger.transaction():
            for row, reading in readings:
                ledger.db["probe_images"].update(
                    row["image_id"],
                    _reading_columns(reading, hashes.get(row["image_id"])),
                    alter=True,
                )
        done[0] += len(readings)
        progress("classify", done[0], total)


def _reading_columns(reading: ImageReading, pixels: str | None) -> dict[str, Any]:
    columns: dict[str, Any] = {
        "status": reading.status,
        "person_probability": reading.person_probability,
        "several_people": int(reading.several_people),
        "reading": _dumps(reading.to_dict()),
        "error": reading.error,
        "pixels_sha256": pixels,
        "classified_at": now_iso(),
    }
    # One plain column per attribute, so Datasette can facet on it.
    for attribute, r in reading.attributes.items():
        columns[f"perceived_{attribute}"] = r.label if r.status == "valid" else "uncertain"
    return columns


def _record_probe_energy(ledger: Ledger, campaign_id: str, measurement: Any, images: int) -> None:
    record = getattr(measurement, "record", None)
    if record is None or images < 1:
        return
    ledger.add_energy_run(record.per_image(images), phase="probe", batch_id=campaign_id)


# --- results -----------------------------------------------------------------------------


@dataclass
class PromptResult:
    key: str
    index: int
    subject: str
    text: str
    label: str
    lang: str
    n_images: int
    n_abstain: int
    n_unreadable: int
    metrics: dict[str, M.AttributeMetrics]
    sentence: dict[str, str]

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        data = {
            "key": self.key,
            "index": self.index,
            "subject": self.subject,
            "prompt": self.text,
            "label": self.label,
            "lang": self.lang,
            "images": self.n_images,
            "abstain": self.n_abstain,
            "unreadable": self.n_unreadable,
            "metrics": {k: m.to_dict() for k, m in self.metrics.items()},
        }
        data["sentence"] = self.sentence[lang] if lang else self.sentence
        return data


@dataclass
class CampaignResult:
    campaign: dict[str, Any]
    classes: ProbeClasses
    prompts: list[PromptResult]
    aggregates: dict[str, list[M.Aggregate]]
    energy: dict[str, Any] = field(default_factory=dict)

    @property
    def campaign_id(self) -> str:
        return self.campaign["campaign_id"]

    @property
    def probe_name(self) -> str:
        return self.campaign["clip_model"]

    @property
    def is_demo_probe(self) -> bool:
        return bool(self.campaign["clip_is_demo"])

    @property
    def is_demo_model(self) -> bool:
        return bool(self.campaign["is_demo_model"])

    @property
    def ethnicity(self) -> bool:
        return bool(self.campaign["ethnicity"])

    def notices(self, lang: str) -> list[str]:
        return sentences.notices(
            self.probe_name,
            lang,
            demo_probe=self.is_demo_probe,
            demo_model=self.is_demo_model,
            ethnicity=self.ethnicity,
        )

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        row = dict(self.campaign)
        for key in (
            "prompts",
            "generation",
            "clip",
            "classes",
            "thresholds",
            "reference",
            "bootstrap",
            "summary",
            "energy",
            "software",
        ):
            row[key] = _loads(row.get(key)) if isinstance(row.get(key), str) else row.get(key)
        langs = [lang] if lang else ["en", "fr"]
        return {
            "campaign": row,
            "notices": {code: self.notices(code) for code in langs},
            "prompts": [p.to_dict(lang) for p in self.prompts],
            "aggregates": {
                attr: [a.to_dict() for a in items] for attr, items in self.aggregates.items()
            },
            "energy": self.energy,
        }


def _tally(ledger: Ledger, campaign_id: str, classes: ProbeClasses) -> dict[str, dict[str, Any]]:
    """Per prompt key: images, abstentions, unreadable, and per attribute the valid counts
    and the uncertain count. One pass over the rows, without keeping them."""
    tally: dict[str, dict[str, Any]] = {}
    for row in ledger.db.query(
        "SELECT prompt_key, status, reading FROM probe_images WHERE campaign_id = ?",
        [campaign_id],
    ):
        t = tally.setdefault(
            row["prompt_key"],
            {
                "images": 0,
                "abstain": 0,
                "unreadable": 0,
                "pending": 0,
                "counts": {a.id: Counter() for a in classes.attributes},
                "uncertain": Counter(),
            },
        )
        t["images"] += 1
        if row["status"] == IMAGE_PENDING:
            t["pending"] += 1
        elif row["status"] == IMAGE_UNREADABLE:
            t["unreadable"] += 1
        elif row["status"] == NO_PERSON:
            t["abstain"] += 1
        else:
            reading = ImageReading.from_dict(json.loads(row["reading"]))
            for attribute in classes.attributes:
                r = reading.attributes.get(attribute.id)
                if r is None:
                    continue
                if r.status == "valid" and r.label is not None:
                    t["counts"][attribute.id][r.label] += 1
                else:
                    t["uncertain"][attribute.id] += 1
    return tally


def compute_results(
    ledger: Ledger, campaign: Mapping[str, Any], settings: CampaignSettings
) -> CampaignResult:
    """Metrics per prompt and for the campaign, written to probe_results; the campaign is
    marked complete."""
    campaign_id = campaign["campaign_id"]
    classes = ProbeClasses.from_dict(json.loads(campaign["classes"]))
    tally = _tally(ledger, campaign_id, classes)
    pending = sum(t["pending"] for t in tally.values())
    if pending:
        raise BadInput(f"campaign {campaign_id} still has {pending} images to classify")
    reference = settings.reference
    prompts: list[PromptResult] = []
    now = now_iso()
    rows: list[dict[str, Any]] = []
    per_attribute_counts: dict[str, list[dict[str, int]]] = {a.id: [] for a in classes.attributes}
    per_attribute_refs: dict[str, list[dict[str, float] | None]] = {
        a.id: [] for a in classes.attributes
    }
    for index, prompt in enumerate(settings.prompt_set.prompts):
        t = tally.get(prompt.key)
        if t is None:
            continue
        result_metrics: dict[str, M.AttributeMetrics] = {}
        for attribute in classes.attributes:
            q = (
                reference.shares_for((prompt.subject, prompt.text), attribute.id)
                if reference
                else None
            )
            m = M.attribute_metrics(
                attribute.id,
                attribute.class_ids,
                dict(t["counts"][attribute.id]),
                uncertain=t["uncertain"][attribute.id],
                abstain=t["abstain"],
                reference=q,
                reference_source=reference.source if (reference and q) else "uniform",
                alpha=settings.smoothing,
            )
            result_metrics[attribute.id] = m
            if m.n_valid:
                per_attribute_counts[attribute.id].append(m.counts)
                per_attribute_refs[attribute.id].append(q)
        sentence = {
            lang: sentences.prompt_sentence(
                prompt.label,
                result_metrics,
                classes,
                lang,
                unreadable=t["unreadable"],
            )
            for lang in ("en", "fr")
        }
        result = PromptResult(
            prompt.key,
            index,
            prompt.subject,
            prompt.text,
            prompt.label,
            prompt.lang,
            t["images"],
            t["abstain"],
            t["unreadable"],
            result_metrics,
            sentence,
        )
        prompts.append(result)
        for attribute_id, m in result_metrics.items():
            rows.append(
                {
                    "result_id": f"{campaign_id}:{prompt.key}:{attribute_id}",
                    "campaign_id": campaign_id,
                    "scope": PROMPT_SCOPE,
                    "prompt_key": prompt.key,
                    "prompt_index": index,
                    "prompt": prompt.text,
                    "subject": prompt.subject,
                    "attribute": attribute_id,
                    "n_total": m.n_total,
                    "n_valid": m.n_valid,
                    "n_uncertain": m.n_uncertain,
                    "n_abstain": m.n_abstain,
                    "n_unreadable": t["unreadable"],
                    "counts": _dumps(m.counts),
                    "shares": _dumps(m.shares),
                    "intervals": _dumps(m.to_dict()["intervals"]),
                    "parity_gap": m.parity_gap,
                    "mad": m.mad,
                    "max_skew": m.max_skew,
                    "max_skew_class": m.max_skew_class,
                    "kl": m.kl,
                    "entropy": m.entropy,
                    "reference": m.reference,
                    "metrics": _dumps(m.to_dict()),
                    "sentence_en": sentence["en"],
                    "sentence_fr": sentence["fr"],
                    "created_at": now,
                }
            )
    aggregates: dict[str, list[M.Aggregate]] = {}
    for attribute in classes.attributes:
        items = M.bootstrap_aggregates(
            attribute.id,
            attribute.class_ids,
            per_attribute_counts[attribute.id],
            references=per_attribute_refs[attribute.id],
            alpha=settings.smoothing,
            resamples=settings.resamples,
            seed=settings.bootstrap_seed,
        )
        aggregates[attribute.id] = items
        by_name = {a.metric: a for a in items}
        rows.append(
            {
                "result_id": f"{campaign_id}:{ALL_PROMPTS}:{attribute.id}",
                "campaign_id": campaign_id,
                "scope": CAMPAIGN_SCOPE,
                "prompt_key": ALL_PROMPTS,
                "prompt_index": -1,
                "prompt": None,
                "subject": None,
                "attribute": attribute.id,
                "n_total": sum(p.metrics[attribute.id].n_total for p in prompts),
                "n_valid": sum(p.metrics[attribute.id].n_valid for p in prompts),
                "n_uncertain": sum(p.metrics[attribute.id].n_uncertain for p in prompts),
                "n_abstain": sum(p.n_abstain for p in prompts),
                "n_unreadable": sum(p.n_unreadable for p in prompts),
                "counts": None,
                "shares": _dumps({c: by_name[f"share:{c}"].estimate for c in attribute.class_ids}),
                "intervals": _dumps(
                    {a.metric: [a.low, a.high] for a in items if a.low is not None}
                ),
                "parity_gap": by_name["parity_gap"].estimate,
                "mad": by_name["mad"].estimate,
                "max_skew": by_name["max_skew"].estimate,
                "max_skew_class": None,
                "kl": by_name["kl"].estimate,
                "entropy": by_name["entropy"].estimate,
                "reference": reference.source if reference else "uniform",
                "metrics": _dumps([a.to_dict() for a in items]),
                "sentence_en": None,
                "sentence_fr": None,
                "created_at": now,
            }
        )
    energy = campaign_energy(ledger, campaign_id)
    classified = sum(t["images"] - t["pending"] for t in tally.values())
    summary = {
        attribute: {a.metric: [a.estimate, a.low, a.high] for a in items}
        for attribute, items in aggregates.items()
    }
    update = {
        "status": STATUS_COMPLETE,
        "updated_at": now,
        "images_total": sum(t["images"] for t in tally.values()),
        "images_classified": classified,
        "summary": _dumps(summary),
        "energy": _dumps(energy),
    }
    with ledger.transaction():
        ledger.db.execute("DELETE FROM probe_results WHERE campaign_id = ?", [campaign_id])
        ledger.db["probe_results"].insert_all(rows, pk="result_id", alter=True)
        ledger.db["probe_campaigns"].update(campaign_id, update)
    return CampaignResult({**campaign, **update}, classes, prompts, aggregates, energy)


def campaign_energy(ledger: Ledger, campaign_id: str) -> dict[str, Any]:
    """kWh and CO2 of the campaign: its images' generation runs and its probe runs."""

    def total(sql: str) -> dict[str, Any]:
        row = ledger.db.execute(sql, [campaign_id]).fetchone()
        return {"kwh": row[0], "kg_co2eq": row[1], "runs": row[2], "unknown": row[3]}

    generation = total(
        "SELECT sum(e.kwh_total), sum(e.kg_co2eq), count(*), "
        "sum(e.status != 'measured') FROM energy_runs e "
        "WHERE e.phase != 'probe' AND e.artwork_id IN "
        "(SELECT artwork_id FROM probe_images WHERE campaign_id = ? AND artwork_id IS NOT NULL)"
    )
    # Probe rows hold one image's share of a run over `images` images.
    probe = total(
        "SELECT sum(kwh_total * images), sum(kg_co2eq * images), count(*), "
        "sum(status != 'measured') FROM energy_runs WHERE phase = 'probe' AND batch_id = ?"
    )
    return {"generation": generation, "probe": probe}


def load_result(ledger: Ledger, campaign_id: str) -> CampaignResult:
    """A finished campaign's results as stored in the ledger."""
    campaign = get_campaign(ledger, campaign_id)
    if campaign["status"] != STATUS_COMPLETE:
        raise BadInput(
            f"campaign {campaign['campaign_id']} is {campaign['status']}: resume it with "
            f"`artcharter probe campaign --resume {campaign['campaign_id']}`"
        )
    classes = ProbeClasses.from_dict(json.loads(campaign["classes"]))
    prompt_list = [ProbePrompt.from_dict(p) for p in json.loads(campaign["prompts"])]
    by_key = {p.key: p for p in prompt_list}
    prompts: dict[str, PromptResult] = {}
    aggregates: dict[str, list[M.Aggregate]] = {}
    for row in ledger.db.query(
        "SELECT * FROM probe_results WHERE campaign_id = ? ORDER BY prompt_index, rowid",
        [campaign["campaign_id"]],
    ):
        if row["scope"] == CAMPAIGN_SCOPE:
            aggregates[row["attribute"]] = [M.Aggregate(**a) for a in json.loads(row["metrics"])]
            continue
        metric = M.AttributeMetrics.from_dict(json.loads(row["metrics"]))
        prompt = by_key.get(row["prompt_key"])
        result = prompts.get(row["prompt_key"])
        if result is None:
            result = prompts[row["prompt_key"]] = PromptResult(
                row["prompt_key"],
                row["prompt_index"],
                row["subject"],
                row["prompt"],
                prompt.label if prompt else row["prompt"],
                prompt.lang if prompt else "any",
                metric.n_total + row["n_unreadable"],
                metric.n_abstain,
                row["n_unreadable"],
                {},
                {"en": row["sentence_en"], "fr": row["sentence_fr"]},
            )
        result.metrics[row["attribute"]] = metric
    ordered = sorted(prompts.values(), key=lambda p: p.index)
    # Keep the attribute order of the probe.
    for p in ordered:
        p.metrics = {a: p.metrics[a] for a in classes.attribute_ids if a in p.metrics}
    return CampaignResult(
        campaign, classes, ordered, aggregates, _loads(campaign.get("energy")) or {}
    )


def mark_interrupted(ledger: Ledger, campaign_id: str) -> None:
    with ledger.transaction():
        ledger.db["probe_campaigns"].update(
            campaign_id, {"status": STATUS_INTERRUPTED, "updated_at": now_iso()}
        )


def run_campaign(
    ledger: Ledger,
    settings: CampaignSettings,
    probe: Probe,
    *,
    model_spec: str,
    maker_factory: Callable[[], ImageMaker] | None = None,
    model_id: str | None = None,
    is_demo_model: bool = False,
    default_output: Callable[[str], Path],
    output_dir: Path | None = None,
    resume: str | None = None,
    new: bool = False,
    artist: str | None = None,
    country: str | None = None,
    progress: Progress = _no_progress,
    on_open: Callable[[Mapping[str, Any], bool], None] | None = None,
) -> CampaignResult:
    """Open (or resume) a campaign, make or collect its images, classify, and compute.

    In generate mode ``maker_factory`` loads the model; it is called for a new campaign
    (the model's id goes into the campaign row) and for a resumed one only if images are
    missing. In images mode ``model_id`` names the tool that made the images.
    """
    settings.check()
    if settings.mode == MODE_GENERATE and maker_factory is None:
        raise BadInput("a campaign that generates images needs a model")
    if settings.mode == MODE_IMAGES and not model_id:
        raise BadInput("name the tool that made the images with --model (e.g. 'Midjourney v6')")
    fp = campaign_fingerprint(settings, probe, model_spec)
    row = find_campaign(ledger, fp, resume=resume, new=new)
    maker: ImageMaker | None = None
    resumed = row is not None
    if row is None:
        if settings.mode == MODE_GENERATE:
            assert maker_factory is not None
            maker = maker_factory()
            model_id, is_demo_model = maker.model_id, maker.is_demo
            weights = maker.weights_sha256
        else:
            weights = None
        assert model_id is not None
        campaign = create_campaign(
            ledger,
            settings,
            probe,
            fp=fp,
            model_spec=model_spec,
            model_id=model_id,
            is_demo_model=is_demo_model,
            output_dir=output_dir,
            default_output=default_output,
            artist=artist,
            model_weights_sha256=weights,
        )
    else:
        campaign = restart_campaign(ledger, row, settings)
    if on_open is not None:
        on_open(campaign, resumed)
    try:
        if settings.mode == MODE_GENERATE:
            assert maker_factory is not None
            generate_missing(ledger, campaign, settings, lambda: maker or maker_factory(), progress)
        else:
            collect_images(ledger, campaign, settings, progress)
        classify_pending(
            ledger,
            campaign,
            probe,
            batch_size=settings.batch_size,
            country=country,
            progress=progress,
        )
        return compute_results(ledger, campaign, settings)
    except BaseException:
        mark_interrupted(ledger, campaign["campaign_id"])
        raise


# --- one artwork -------------------------------------------------------------------------


@dataclass
class ArtworkProbe:
    """`probe artwork`: what the probe perceives, the prompt audit, the model's campaign."""

    path: str
    sha256: str
    reading: ImageReading
    classes: ProbeClasses
    probe_name: str
    is_demo_probe: bool
    record_source: str | None  # "ledger", "file" or None
    model_id: str | None
    prompt: str | None
    prompt_private: bool
    audit: PromptAudit | None
    campaign: dict[str, Any] | None
    related: list[dict[str, Any]]  # campaign sentences for occupations/descriptors named

    def notices(self, lang: str) -> list[str]:
        is_demo_model = bool(self.campaign and self.campaign.get("is_demo_model"))
        return sentences.notices(
            self.probe_name,
            lang,
            demo_probe=self.is_demo_probe or bool(self.campaign and self.campaign["clip_is_demo"]),
            demo_model=is_demo_model,
            ethnicity="ethnicity" in self.classes.attribute_ids,
        )

    def to_dict(self, lang: str) -> dict[str, Any]:
        return {
            "path": self.path,
            "sha256": self.sha256,
            "probe": self.probe_name,
            "probe_is_demo": self.is_demo_probe,
            "reading": self.reading.to_dict(),
            "reading_sentence": sentences.reading_sentence(self.reading, self.classes, lang),
            "record_source": self.record_source,
            "model_id": self.model_id,
            "prompt": self.prompt,
            "prompt_private": self.prompt_private,
            "prompt_audit": self.audit.to_dict(lang) if self.audit else None,
            "prompt_audit_sentence": sentences.audit_sentence(self.audit, lang)
            if self.audit
            else None,
            "campaign": (
                {
                    k: self.campaign.get(k)
                    for k in (
                        "campaign_id",
                        "model_id",
                        "clip_model",
                        "status",
                        "prompt_set",
                        "per_prompt",
                        "images_total",
                        "updated_at",
                        "clip_is_demo",
                        "is_demo_model",
                    )
                }
                if self.campaign
                else None
            ),
            "related": [{**r, "sentence": r["sentence"][lang]} for r in self.related],
            "notices": self.notices(lang),
        }


def read_artwork_record(
    data: bytes, name: str, ledger: Ledger | None
) -> tuple[ArtworkRecord | None, str | None, dict[str, Any] | None]:
    """The artwork's record: from the ledger when the file is known there (it keeps a
    private prompt), else from the file's Content Credentials."""
    digest = sha256_hex(data)
    row = ledger.find_artwork(digest) if ledger is not None else None
    if row is not None:
        return ledger.record_of(row), "ledger", row  # type: ignore[union-attr]
    from provenance.verify import verify_bytes

    result = verify_bytes(data, name)
    if result.record:
        try:
            return ArtworkRecord.from_dict(result.record), "file", None
        except (ValueError, TypeError, KeyError):
            return None, None, None
    return None, None, None


def probe_artwork(
    path: Path,
    probe: Probe,
    *,
    ledger: Ledger | None,
    protected_names: Sequence[str] = (),
    names_source: str | None = None,
    prompt: str | None = None,
) -> ArtworkProbe:
    """Probe one artwork: perceived attributes, prompt audit, the model's last campaign."""
    from PIL import Image

    from provenance import image_files

    data = image_files.read_file(path)
    image_files.check_image(data, str(path))
    record, source, row = read_artwork_record(data, str(path), ledger)
    prompt_private = False
    if prompt is None and record is not None:
        prompt = (row or {}).get("prompt") or record.prompt
        prompt_private = record.prompt_private and not prompt
    model_id = None
    if record is not None:
        model_id = record.model.id if record.model else record.tool
    audit = audit_prompt(prompt, protected_names, names_source=names_source) if prompt else None

    def load(raw: bytes) -> Any:
        with Image.open(io.BytesIO(raw)) as img:
            return img.convert("RGB")

    ((_, reading),) = probe.classify([data], load=load, batch_size=1)
    campaign = latest_campaign(ledger, model_id) if (ledger is not None and model_id) else None
    related: list[dict[str, Any]] = []
    if campaign is not None and audit is not None:
        wanted = set(audit.occupations) | set(audit.descriptors)
        if wanted:
            for r in ledger.db.query(  # type: ignore[union-attr]
                "SELECT DISTINCT prompt_key, subject, prompt, sentence_en, sentence_fr "
                "FROM probe_results WHERE campaign_id = ? AND scope = ? ORDER BY prompt_index",
                [campaign["campaign_id"], PROMPT_SCOPE],
            ):
                if r["subject"] in wanted:
                    related.append(
                        {
                            "subject": r["subject"],
                            "prompt": r["prompt"],
                            "sentence": {"en": r["sentence_en"], "fr": r["sentence_fr"]},
                        }
                    )
    return ArtworkProbe(
        path=str(path),
        sha256=sha256_hex(data),
        reading=reading,
        classes=probe.classes,
        probe_name=probe.model.name,
        is_demo_probe=probe.model.is_demo,
        record_source=source,
        model_id=model_id,
        prompt=prompt,
        prompt_private=prompt_private,
        audit=audit,
        campaign=campaign,
        related=related,
    )


def iter_campaign_images(ledger: Ledger, campaign_id: str) -> Iterable[dict[str, Any]]:
    """The campaign's image rows in prompt and image order (for exports and tests)."""
    return ledger.db.query(
        "SELECT * FROM probe_images WHERE campaign_id = ? ORDER BY prompt_index, image_index",
        [campaign_id],
    )


def replace_settings(settings: CampaignSettings, **changes: Any) -> CampaignSettings:
    return dataclasses.replace(settings, **changes)
