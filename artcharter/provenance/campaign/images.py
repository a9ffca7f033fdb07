"""A campaign's images: generated through the wrapper (only those still missing), or
collected from a folder of existing images, one sub-folder per prompt."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from artcharter.audits.bias.prompt_sets import ProbePrompt, PromptSet
from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_file
from artcharter.provenance.campaign.progress import Progress, no_progress
from artcharter.provenance.campaign.settings import CampaignSettings, Failure, ImageMaker
from artcharter.provenance.campaign.store import (
    IMAGE_PENDING,
    campaign_image_ids,
    insert_campaign_image,
    record_failure,
)
from artcharter.provenance.image_files import is_image_name
from artcharter.provenance.ledger import Ledger, path_text
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import now_iso


def _existing_image_ids(ledger: Ledger, campaign_id: str) -> set[str]:
    return campaign_image_ids(ledger, campaign_id)


def _signed_in_session(ledger: Ledger, campaign_id: str) -> dict[tuple[str, int], list[Any]]:
    """The images already signed for this campaign, by (prompt, seed): one query, bounded
    by the campaign's size (the ledger's other artworks are not read)."""
    found: dict[tuple[str, int], list[Any]] = {}
    for row in ledger.session_artwork_seeds(campaign_id):
        if row["seed"] is not None:
            found.setdefault((row["prompt"], int(row["seed"])), []).append(row)
    return found


def _adopt(candidates: list[Any]) -> tuple[str, Path, str] | None:
    """A signed image of this campaign, prompt and seed that was recorded but not listed
    (the run stopped between the two): take it rather than generating it again, if its
    file is still the one that was signed."""
    for row in candidates:
        path = Path(row["path"] or "")  # None: a path that was not one (ledger.py)
        try:
            if sha256_file(path) == row["sha256"]:
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
    progress: Progress = no_progress,
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
    if maker is not None:
        _record_failures(ledger, campaign_id, settings, maker.finish())
    return made[0]


def _record_failures(
    ledger: Ledger, campaign_id: str, settings: CampaignSettings, failures: list[Failure]
) -> None:
    """Each image given up, with why and after how many tries (the report counts them)."""
    by_text = {p.text: p for p in settings.prompt_set.prompts}
    for text, seed, reason, tries in failures:
        prompt = by_text[text]
        index = seed - settings.seed_base
        record_failure(
            ledger,
            {
                "failure_id": f"{campaign_id}:{prompt.key}:{index}",
                "campaign_id": campaign_id,
                "prompt_key": prompt.key,
                "prompt": prompt.text,
                "image_index": index,
                "seed": seed,
                "tries": tries,
                "reason": reason,
                "failed_at": now_iso(),
            },
        )


def _check_same_model(campaign: Mapping[str, Any], maker: ImageMaker) -> None:
    """A resumed campaign must get its missing images from the very same weights."""
    recorded = campaign.get("model_weights_sha256")
    if maker.model_id != campaign["model_id"] or (
        recorded and maker.weights_sha256 and maker.weights_sha256 != recorded
    ):
        raise BadInput(
            MESSAGES(
                "images.other_weights",
                campaign_id=campaign["campaign_id"],
                model_id=campaign["model_id"],
                value=str(recorded)[:12],
            )
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
    # A second process resuming the same campaign at the same time may list the same image
    # first; its own copy then stays an ordinary recorded generation.
    insert_campaign_image(ledger, row)


def folder_prompt_set(images_dir: Path) -> PromptSet:
    """Prompts of an image folder: one per sub-folder (its ``prompt.txt``, or its name);
    images directly in the folder form one prompt named after the folder."""
    if not images_dir.is_dir():
        raise BadInput(MESSAGES("images.no_such_folder", images_dir=images_dir))
    groups: list[tuple[str, Path]] = []
    if any(_images_in(images_dir)):
        groups.append((images_dir.name or "images", images_dir))
    for sub in sorted(p for p in images_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        if any(_images_in(sub)):
            groups.append((sub.name, sub))
    if not groups:
        raise BadInput(MESSAGES("images.no_images", images_dir=images_dir))
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
    progress: Progress = no_progress,
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
                digest = sha256_file(path)
            except OSError as exc:
                raise BadInput(
                    MESSAGES("images.cannot_read", path=path, reason=exc.strerror)
                ) from None
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
