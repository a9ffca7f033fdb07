"""A campaign to resume, read back from its ledger row: everything it was started with, so
that ``resume=ID`` alone makes it again image for image."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from artcharter.audits.bias.probe_classes import ProbeClasses
from artcharter.audits.bias.reference import Reference
from artcharter.provenance.campaign.settings import (
    CampaignSettings,
    replace_settings,
    settings_from_row,
)
from artcharter.provenance.campaign.store import MODE_IMAGES, get_campaign, loads
from artcharter.provenance.ledger import Ledger


@dataclass(frozen=True)
class ResumedCampaign:
    campaign_id: str
    settings: CampaignSettings
    classes: ProbeClasses
    clip_spec: str
    model_spec: str
    model_id: str | None
    images_mode: bool  # classifying a folder of images rather than generating
    ethnicity: bool
    output_dir: Path


def resumed_campaign(
    ledger: Ledger, key: str, *, batch_size: int, reference: Reference | None = None
) -> ResumedCampaign:
    """The campaign ``key`` (an id or its first characters) as it was started; only the
    probe's batch size and, when given, the reference shares may change on resuming."""
    row = get_campaign(ledger, key)
    settings = settings_from_row(row)
    settings = replace_settings(
        settings, batch_size=batch_size, reference=reference or settings.reference
    )
    return ResumedCampaign(
        campaign_id=row["campaign_id"],
        settings=settings,
        classes=ProbeClasses.from_dict(loads(row["classes"])),
        clip_spec=row["clip_spec"],
        model_spec=row["model_spec"],
        model_id=row["model_id"],
        images_mode=row["mode"] == MODE_IMAGES,
        ethnicity=bool(row["ethnicity"]),
        output_dir=Path(row["output_dir"]),
    )
