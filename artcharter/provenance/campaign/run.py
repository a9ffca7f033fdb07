"""Running a campaign: open a new one or resume an unfinished one, then make or collect
its images, classify them and compute the results."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from artcharter.audits.bias.clip_probe import Probe
from artcharter.base.errors import BadInput
from artcharter.provenance.campaign.classify import classify_pending
from artcharter.provenance.campaign.images import collect_images, generate_missing
from artcharter.provenance.campaign.progress import Progress, no_progress
from artcharter.provenance.campaign.results import CampaignResult, compute_results
from artcharter.provenance.campaign.settings import (
    CampaignSettings,
    ImageMaker,
    campaign_fingerprint,
)
from artcharter.provenance.campaign.store import (
    MODE_GENERATE,
    MODE_IMAGES,
    STATUS_RUNNING,
    dumps,
    ensure_tables,
    get_campaign,
    insert_campaign,
    latest_unfinished_campaign,
    mark_interrupted,
    update_campaign,
)
from artcharter.provenance.ledger import Ledger, path_text
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import now_iso
from artcharter.provenance.version import VERSION


def _new_id() -> str:
    return "pc-" + uuid.uuid4().hex[:12]


def find_campaign(
    ledger: Ledger, fp: str, *, resume: str | None = None, new: bool = False
) -> dict[str, Any] | None:
    """The campaign to resume: the one named, else the latest unfinished one with the
    same fingerprint (unless ``new``)."""
    ensure_tables(ledger)
    if resume:
        row = get_campaign(ledger, resume)
        if row["fingerprint"] != fp:
            raise BadInput(MESSAGES("run.other_settings", campaign_id=row["campaign_id"]))
        return row
    if new:
        return None
    return latest_unfinished_campaign(ledger, fp)


def _restart_columns(settings: CampaignSettings) -> dict[str, Any]:
    """What may change when a campaign resumes: the metrics' settings, not the images'."""
    return {
        "updated_at": now_iso(),
        "status": STATUS_RUNNING,
        "reference": dumps(settings.reference.to_dict()) if settings.reference else None,
        "smoothing": settings.smoothing,
        "bootstrap": dumps(
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
    update_campaign(ledger, row["campaign_id"], columns)
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
        "prompts": dumps([p.to_dict() for p in settings.prompt_set.prompts]),
        "per_prompt": settings.per_prompt if settings.mode == MODE_GENERATE else 0,
        "seed_base": settings.seed_base,
        "seeds": (
            f"seed_base + image index: {settings.seed_base}.."
            f"{settings.seed_base + settings.per_prompt - 1}, the same for every prompt"
            if settings.mode == MODE_GENERATE
            else None
        ),
        "generation": dumps(
            {"steps": settings.steps, "size": settings.size, "guidance": settings.guidance}
        ),
        "clip_spec": probe.model.spec.text,
        "clip": dumps(probe.model.info()),
        "clip_is_demo": int(probe.model.is_demo),
        "classes": dumps(classes.to_dict()),
        "classes_sha256": classes.sha256,
        "gate_threshold": classes.gate.threshold,
        "thresholds": dumps({a.id: a.threshold for a in classes.attributes}),
        "ethnicity": int("ethnicity" in classes.attribute_ids),
        "images_dir": path_text(settings.images_dir) if settings.images_dir else None,
        "output_dir": str(out),
        "fingerprint": fp,
        "artist": artist,
        "images_total": 0,
        "images_classified": 0,
        "software": dumps(_software()),
        **_restart_columns(settings),
    }
    insert_campaign(ledger, row)
    return row


def _software() -> dict[str, str]:
    from importlib import metadata

    versions = {"artcharter": VERSION}
    for dist in ("open_clip_torch", "torch", "diffusers", "numpy"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[dist] = metadata.version(dist)
    return versions


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
    progress: Progress = no_progress,
    on_open: Callable[[Mapping[str, Any], bool], None] | None = None,
) -> CampaignResult:
    """Open (or resume) a campaign, make or collect its images, classify, and compute.

    In generate mode ``maker_factory`` loads the model; it is called for a new campaign
    (the model's id goes into the campaign row) and for a resumed one only if images are
    missing. In images mode ``model_id`` names the tool that made the images.
    """
    settings.check()
    if settings.mode == MODE_GENERATE and maker_factory is None:
        raise BadInput(MESSAGES("run.no_model"))
    if settings.mode == MODE_IMAGES and not model_id:
        raise BadInput(MESSAGES("run.name_the_tool", param="model"))
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
