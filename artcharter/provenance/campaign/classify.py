"""Classification: the CLIP probe reads every pending image of a campaign, a batch at a
time, and the energy it took is recorded with the campaign."""

from __future__ import annotations

import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from artcharter.audits.bias.clip_probe import DEFAULT_BATCH_SIZE, ImageReading, Probe
from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_chunks, sha256_hex
from artcharter.provenance.campaign.progress import Progress, no_progress
from artcharter.provenance.campaign.store import (
    IMAGE_PENDING,
    count_campaign_images,
    dumps,
    pending_images_page,
    update_images,
)
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import now_iso


def pixels_sha256(image: Any) -> str:
    """Hash of the decoded pixels: equal for the same image whatever its metadata or
    signature, which is how reproducibility from seeds is checked."""
    header = f"{image.mode}:{image.size[0]}x{image.size[1]}:".encode()
    return sha256_chunks((header, image.tobytes()))


def classify_pending(
    ledger: Ledger,
    campaign: Mapping[str, Any],
    probe: Probe,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    country: str | None = None,
    progress: Progress = no_progress,
) -> int:
    """Read every image still pending, one batch at a time; return how many were read.

    Each batch's readings are written in one transaction, so an interruption keeps what
    is done. Rows are fetched page by page: memory does not grow with the campaign.
    When ``country`` is given, the classification's energy is measured (codecarbon) and
    recorded as an energy run of phase ``probe`` for the campaign.
    """
    campaign_id = campaign["campaign_id"]
    total_pending = count_campaign_images(ledger, campaign_id, IMAGE_PENDING)
    if not total_pending:
        return 0
    done = [0]
    measurement: Any = None
    try:
        if country:
            from artcharter.audits.energy import gpu_ids_for, measure

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
        path = Path(row["path"] or "")  # None: a path that was not one (ledger.py)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise BadInput(
                MESSAGES("classify.cannot_read", name=path.name, reason=exc.strerror)
            ) from None
        if row["sha256"] and sha256_hex(data) != row["sha256"]:
            raise BadInput(MESSAGES("classify.changed", name=path.name))
        try:
            with Image.open(io.BytesIO(data)) as img:
                rgb = img.convert("RGB")
        except (OSError, ValueError, SyntaxError) as exc:
            raise BadInput(
                MESSAGES("classify.unreadable_image", name=path.name, error=str(exc))
            ) from None
        hashes[row["image_id"]] = pixels_sha256(rgb)
        return rgb

    progress("classify", 0, total)
    while True:
        rows = pending_images_page(
            ledger, campaign_id, IMAGE_PENDING, after_rowid=last, limit=batch_size
        )
        if not rows:
            return
        last = rows[-1]["rowid"]
        hashes.clear()
        readings = list(probe.classify(rows, load=load, batch_size=len(rows)))
        update_images(
            ledger,
            [
                (row["image_id"], _reading_columns(reading, hashes.get(row["image_id"])))
                for row, reading in readings
            ],
        )
        done[0] += len(readings)
        progress("classify", done[0], total)


def _reading_columns(reading: ImageReading, pixels: str | None) -> dict[str, Any]:
    columns: dict[str, Any] = {
        "status": reading.status,
        "person_probability": reading.person_probability,
        "several_people": int(reading.several_people),
        "reading": dumps(reading.to_dict()),
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
