"""Bias probe campaigns: generate, classify, measure, and keep it all in the ledger.

A campaign asks a text-to-image model for N images per prompt of a prompt set (the HEIM /
Fair Diffusion occupations, the HEIM / DALL-Eval descriptors, or a school's own list), with
fixed seeds ``seed_base + index`` so that the same campaign can be made again image for
image. Every image goes through the generation wrapper (``artcharter.provenance.generate``), so it is
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

The package's modules: ``store`` (the tables and campaign rows), ``settings`` (what a
campaign is and its fingerprint), ``images`` (generated or collected), ``classify``,
``results``, ``run`` (open or resume, then all of the above), ``start`` (a campaign as a
person asks for it: checked, its models loaded, then run), ``artwork`` (one artwork)
and ``progress`` (the callback that reports how far a run is).
"""

from __future__ import annotations

from artcharter.provenance.campaign.artwork import ArtworkProbe, probe_artwork, read_artwork_record
from artcharter.provenance.campaign.classify import classify_pending, pixels_sha256
from artcharter.provenance.campaign.images import (
    collect_images,
    folder_prompt_set,
    generate_missing,
    prompt_folder,
)
from artcharter.provenance.campaign.progress import Progress
from artcharter.provenance.campaign.results import (
    CampaignResult,
    PromptResult,
    campaign_energy,
    compute_results,
    load_result,
)
from artcharter.provenance.campaign.run import (
    create_campaign,
    find_campaign,
    restart_campaign,
    run_campaign,
)
from artcharter.provenance.campaign.settings import (
    CampaignSettings,
    ImageMaker,
    OnImage,
    WrapperMaker,
    campaign_fingerprint,
    fingerprint,
    replace_settings,
    settings_from_row,
)
from artcharter.provenance.campaign.start import (
    CampaignOpened,
    CampaignRequest,
    start_campaign,
)
from artcharter.provenance.campaign.store import (
    ALL_PROMPTS,
    CAMPAIGN_SCOPE,
    IMAGE_PENDING,
    IMAGE_PERSON,
    IMAGE_UNREADABLE,
    INDEXES,
    MODE_GENERATE,
    MODE_IMAGES,
    PROMPT_SCOPE,
    STATUS_COMPLETE,
    STATUS_INTERRUPTED,
    STATUS_RUNNING,
    TABLES,
    campaigns,
    ensure_tables,
    get_campaign,
    iter_campaign_images,
    latest_campaign,
    mark_interrupted,
)

__all__ = [
    "ALL_PROMPTS",
    "CAMPAIGN_SCOPE",
    "IMAGE_PENDING",
    "IMAGE_PERSON",
    "IMAGE_UNREADABLE",
    "INDEXES",
    "MODE_GENERATE",
    "MODE_IMAGES",
    "PROMPT_SCOPE",
    "STATUS_COMPLETE",
    "STATUS_INTERRUPTED",
    "STATUS_RUNNING",
    "TABLES",
    "ArtworkProbe",
    "CampaignOpened",
    "CampaignRequest",
    "CampaignResult",
    "CampaignSettings",
    "ImageMaker",
    "OnImage",
    "Progress",
    "PromptResult",
    "WrapperMaker",
    "campaign_energy",
    "campaign_fingerprint",
    "campaigns",
    "classify_pending",
    "collect_images",
    "compute_results",
    "create_campaign",
    "ensure_tables",
    "find_campaign",
    "fingerprint",
    "folder_prompt_set",
    "generate_missing",
    "get_campaign",
    "iter_campaign_images",
    "latest_campaign",
    "load_result",
    "mark_interrupted",
    "pixels_sha256",
    "probe_artwork",
    "prompt_folder",
    "read_artwork_record",
    "replace_settings",
    "restart_campaign",
    "run_campaign",
    "settings_from_row",
    "start_campaign",
]
