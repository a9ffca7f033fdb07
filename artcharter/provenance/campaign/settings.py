"""What a campaign is: the person's settings, what it needs from the generation wrapper,
and the fingerprint that tells whether two runs are the same campaign."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from artcharter.audits.bias import metrics as M
from artcharter.audits.bias.clip_probe import DEFAULT_BATCH_SIZE, Probe
from artcharter.audits.bias.prompt_sets import ProbePrompt, PromptSet
from artcharter.audits.bias.reference import Reference, parse_reference
from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex
from artcharter.provenance.campaign.store import MODE_GENERATE, MODE_IMAGES, dumps, loads
from artcharter.provenance.ledger import Ledger, path_text
from artcharter.provenance.messages import MESSAGES


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
            raise BadInput(
                MESSAGES(
                    "settings.per_prompt_range", per_prompt=self.per_prompt, param="per_prompt"
                )
            )
        if self.seed_base < 0 or self.seed_base + self.per_prompt > 2**63 - 1:
            raise BadInput(MESSAGES("settings.seed_base", param="seed_base"))
        if not self.prompt_set.prompts:
            raise BadInput(MESSAGES("settings.no_prompt"))
        if self.batch_size < 1:
            raise BadInput(MESSAGES("settings.batch_size", param="batch_size"))


OnImage = Callable[[int, str, Path, str], None]  # seed, artwork id, path, sha256
Failure = tuple[str, int, str, int]  # prompt, seed, reason, tries


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
        calling ``on_image`` as each one's file and ledger rows exist. A maker that works
        ahead (a cluster) may return before they do."""
        ...

    def finish(self) -> list[Failure]:
        """Return once every image asked for is made or given up: those given up."""
        ...


@dataclass
class WrapperMaker:
    """Images made through ``artcharter.provenance.generate``: signed, recorded and measured."""

    loaded: Any  # artcharter.provenance.generate.LoadedModel
    identity: Any  # artcharter.provenance.signing.SigningIdentity, or None: unsigned
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
        from artcharter.provenance.generate import GenerateRequest, generate
        from artcharter.provenance.ledger import PROBE_KIND

        request = GenerateRequest(
            prompt,
            output_dir=output_dir,
            seed=first_seed,
            n=n,
            batch_size=min(self.batch_size, n),
            steps=self.steps,
            size=self.size,
            guidance=self.guidance,
            country=self.country,
            session_id=session_id,
            kind=PROBE_KIND,
        )
        generate(
            self.loaded,
            request,
            identity=self.identity,
            ledger=self.ledger,
            on_image=lambda signed: on_image(
                signed.record.generation.seed, signed.record.artwork_id, signed.path, signed.sha256
            ),
        )

    def finish(self) -> list[Failure]:
        """Nothing is left: ``make`` returns with its images made, or raises."""
        return []


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
    return sha256_hex(dumps(payload))


def settings_from_row(row: Mapping[str, Any]) -> CampaignSettings:
    """The settings a campaign was started with, to resume it from its id alone."""
    prompts = tuple(ProbePrompt.from_dict(p) for p in loads(row["prompts"]))
    generation = loads(row["generation"]) or {}
    bootstrap = loads(row["bootstrap"]) or {}
    reference_data = loads(row["reference"])
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


def replace_settings(settings: CampaignSettings, **changes: Any) -> CampaignSettings:
    return dataclasses.replace(settings, **changes)
