"""Starting a campaign from what a person asked for: one value for the command line and the
Python API, checked before any model loads, then the prompt set, the probe's classes, the
signing identity, the CLIP probe and the image model, each loaded once and in that order.

Nothing here prints: what a person should see (a model loading, the campaign opened or
resumed, the warning about perceived ethnicity, progress) reaches the caller through
callbacks, and the door decides how to show it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artcharter.base.errors import BadInput
from artcharter.provenance.campaign.progress import Progress, no_progress
from artcharter.provenance.campaign.settings import CampaignSettings
from artcharter.provenance.messages import MESSAGES

if TYPE_CHECKING:
    from artcharter.audits.bias.probe_classes import ProbeClasses
    from artcharter.audits.bias.reference import Reference
    from artcharter.provenance.campaign.results import CampaignResult
    from artcharter.provenance.campaign.settings import ImageMaker
    from artcharter.provenance.ledger import Ledger
    from artcharter.provenance.signing import SigningIdentity

# What is loading, for ``on_loading``: the CLIP probe, then (generating) the image model.
LOADING_PROBE = "probe"
LOADING_MODEL = "model"


@dataclass(frozen=True)
class CampaignRequest:
    """What a campaign asks for. ``images`` classifies a folder of existing images (one
    sub-folder per prompt) instead of generating them; ``model`` then names the tool that
    made them. ``resume`` (a campaign id or its first characters) takes everything else
    from the campaign as it was started, except ``probe_batch_size`` and ``reference``.
    ``None`` settings take the model's own; ``clip=None`` is the default CLIP probe.
    """

    model: str | None = None
    prompt_set: str = "occupations"
    subjects: tuple[str, ...] | None = None  # only these subjects of the prompt set
    prompt_langs: tuple[str, ...] = ("en",)
    per_prompt: int = 50
    seed_base: int = 0
    clip: str | None = None
    images: Path | None = None
    ethnicity: bool = False
    steps: int | None = None
    size: int | None = None
    guidance: float | None = None
    batch_size: int = 1  # images generated together
    probe_batch_size: int = 32  # images the probe reads together
    thresholds: Mapping[str, float] = field(default_factory=dict, hash=False)
    gate_threshold: float | None = None
    probe_classes: Path | None = None
    reference: Path | None = None
    resume: str | None = None
    new: bool = False
    device: str = "auto"
    dtype: str | None = None
    output_dir: Path | None = None
    # Render on a Ray cluster ("auto": a local one; else its address), signing here.
    cluster: str | None = None
    workers: int | None = None  # cluster workers (default: one per GPU, else per CPU)

    def check(self) -> None:
        """Raise ``BadInput`` for a request that cannot start, before anything is read or
        loaded (the settings' own ranges are checked once the prompt set is read)."""
        # Each batch size named as the request names it (the settings call the probe's
        # ``batch_size``).
        for name in ("probe_batch_size", "batch_size"):
            if getattr(self, name) < 1:
                raise BadInput(MESSAGES("settings.batch_size", param=name))
        if self.cluster is not None:
            from artcharter.provenance.cluster.connect import check_workers

            check_workers(self.workers)
            if self.images is not None:
                raise BadInput(
                    MESSAGES("start.cluster_images", param="cluster", param_images="images")
                )
        if self.resume:
            return  # everything else comes from the campaign as it was started
        if self.images is not None and not self.model:
            raise BadInput(
                MESSAGES("start.images_need_model", param="model", param_images="images")
            )
        if self.images is None and self.size is not None:
            from artcharter.provenance.generate import parse_size

            parse_size(self.size)


@dataclass(frozen=True)
class CampaignOpened:
    """The campaign a run works on, as ``on_open`` reports it before any image is made."""

    campaign_id: str
    resumed: bool
    images_done: int  # images already listed when resuming (0 for a new campaign)
    prompts: int
    per_prompt: int | None  # None: a folder of images, as many as each prompt's folder holds
    output_dir: Path


def start_campaign(
    request: CampaignRequest,
    *,
    ledger: Ledger,
    default_model: str,
    default_output: Callable[[str], Path],
    load_identity: Callable[[], SigningIdentity | None],
    country: str,
    artist: str | None = None,
    progress: Progress = no_progress,
    on_loading: Callable[[str, str], None] | None = None,
    on_open: Callable[[CampaignOpened], None] | None = None,
    on_ethnicity: Callable[[], None] | None = None,
) -> CampaignResult:
    """Open (or resume) the campaign ``request`` asks for and run it to its results.

    ``default_model`` generates when the request names no model; ``default_output(id)``
    is the campaign's folder unless ``output_dir`` is given. ``load_identity`` (None: the
    images are not signed) is called
    (generating only) before any model loads, so that set-up errors show first.
    ``on_loading(what, name)`` is called before the CLIP probe (``LOADING_PROBE``) and the
    image model (``LOADING_MODEL``) load; ``on_ethnicity()`` when the campaign reads
    perceived ethnicity. An interruption leaves the campaign resumable.
    """
    from artcharter.audits.energy import check_country
    from artcharter.provenance.campaign.run import run_campaign
    from artcharter.provenance.campaign.settings import WrapperMaker
    from artcharter.provenance.campaign.store import count_campaign_images

    check_country(country)
    request.check()
    plan = _plan(request, ledger, default_model)
    plan.settings.check()
    if plan.ethnicity and on_ethnicity is not None:
        on_ethnicity()
    identity = None if plan.images_mode else load_identity()
    probe = _load_probe(plan.clip, plan.classes, request.device, on_loading)
    clusters: list[Any] = []  # the cluster run, once its workers are started

    def maker_factory() -> ImageMaker:
        from artcharter.provenance.generate import load_model

        if on_loading is not None:
            on_loading(LOADING_MODEL, plan.model_spec)
        if request.cluster is not None:
            return _cluster_maker(request, plan, identity, ledger, country, clusters)
        loaded = load_model(
            plan.model_spec, device=request.device, dtype=request.dtype, country=country
        )
        return WrapperMaker(
            loaded,
            identity,
            ledger,
            steps=plan.settings.steps,
            size=plan.settings.size,
            guidance=plan.settings.guidance,
            batch_size=request.batch_size,
            country=country,
        )

    def opened(row: Mapping[str, Any], resumed: bool) -> None:
        if on_open is None:
            return
        campaign_id = row["campaign_id"]
        on_open(
            CampaignOpened(
                campaign_id=campaign_id,
                resumed=resumed,
                images_done=count_campaign_images(ledger, campaign_id) if resumed else 0,
                prompts=len(plan.settings.prompt_set.prompts),
                per_prompt=None if plan.images_mode else plan.settings.per_prompt,
                output_dir=Path(row["output_dir"]),
            )
        )

    try:
        return run_campaign(
            ledger,
            plan.settings,
            probe,
            model_spec=plan.model_spec,
            maker_factory=None if plan.images_mode else maker_factory,
            model_id=plan.model_id if plan.images_mode else None,
            default_output=default_output,
            output_dir=plan.output_dir,
            resume=plan.resume,
            new=request.new,
            artist=artist,
            country=country,
            progress=progress,
            on_open=opened,
        )
    finally:
        for run in clusters:
            run.close()


def _cluster_maker(
    request: CampaignRequest,
    plan: _Plan,
    identity: SigningIdentity | None,
    ledger: Ledger,
    country: str,
    clusters: list[Any],
) -> ImageMaker:
    """The campaign's images rendered on the cluster, signed and recorded here."""
    from artcharter.provenance.cluster.run import ClusterMaker, ClusterRun
    from artcharter.provenance.generate import GenerateRequest
    from artcharter.provenance.ledger import PROBE_KIND

    assert request.cluster is not None
    run = ClusterRun.open(
        request.cluster,
        model=plan.model_spec,
        identity=identity,
        ledger=ledger,
        workers=request.workers,
        device=request.device,
        dtype=request.dtype,
        country=country,
    )
    clusters.append(run)
    template = GenerateRequest(
        "-",
        output_dir=Path("."),
        steps=plan.settings.steps,
        size=plan.settings.size,
        guidance=plan.settings.guidance,
        country=country,
        device=request.device,
        dtype=request.dtype,
        kind=PROBE_KIND,  # as WrapperMaker's: a campaign's images are kept apart
    )
    return ClusterMaker(run, template, batch_size=request.batch_size)


@dataclass(frozen=True)
class _Plan:
    """A request made concrete: read from the ledger when resuming, else from its files."""

    settings: CampaignSettings
    classes: ProbeClasses
    clip: str | None
    model_spec: str
    model_id: str | None  # images: the tool that made them
    images_mode: bool
    ethnicity: bool
    resume: str | None
    output_dir: Path | None


def _plan(request: CampaignRequest, ledger: Ledger, default_model: str) -> _Plan:
    from artcharter.audits.bias.probe_classes import load_probe_classes
    from artcharter.audits.bias.prompt_sets import load_prompt_set
    from artcharter.provenance.campaign.images import folder_prompt_set
    from artcharter.provenance.campaign.resume import resumed_campaign

    r = request
    if r.resume:
        resumed = resumed_campaign(
            ledger, r.resume, batch_size=r.probe_batch_size, reference=_reference(r.reference)
        )
        return _Plan(
            settings=resumed.settings,
            classes=resumed.classes,
            clip=resumed.clip_spec,
            model_spec=resumed.model_spec,
            model_id=resumed.model_id,
            images_mode=resumed.images_mode,
            ethnicity=resumed.ethnicity,
            resume=resumed.campaign_id,
            output_dir=resumed.output_dir,
        )
    classes = load_probe_classes(r.probe_classes).select(ethnicity=r.ethnicity)
    classes = classes.with_thresholds(gate=r.gate_threshold, attributes=dict(r.thresholds))
    if r.images is not None:
        assert r.model  # request.check()
        prompt_set = folder_prompt_set(r.images)
        model_spec = r.model
    else:
        prompt_set = load_prompt_set(r.prompt_set, langs=list(r.prompt_langs), only=r.subjects)
        model_spec = r.model or default_model
    settings = CampaignSettings(
        prompt_set=prompt_set,
        per_prompt=r.per_prompt,
        seed_base=r.seed_base,
        steps=r.steps,
        size=r.size,
        guidance=r.guidance,
        images_dir=r.images.resolve() if r.images else None,
        reference=_reference(r.reference),
        batch_size=r.probe_batch_size,
    )
    return _Plan(
        settings=settings,
        classes=classes,
        clip=r.clip,
        model_spec=model_spec,
        model_id=model_spec if r.images is not None else None,
        images_mode=r.images is not None,
        ethnicity=r.ethnicity,
        resume=None,
        output_dir=r.output_dir,
    )


def _reference(path: Path | None) -> Reference | None:
    from artcharter.audits.bias.reference import load_reference

    return load_reference(path) if path else None


def _load_probe(
    clip: str | None,
    classes: ProbeClasses,
    device: str,
    on_loading: Callable[[str, str], None] | None,
) -> Any:
    from artcharter.audits.bias.clip_probe import Probe, load_clip, parse_clip_spec

    spec = parse_clip_spec(clip)
    if on_loading is not None:
        on_loading(LOADING_PROBE, spec.display)
    return Probe(load_clip(spec, device=device), classes)
