"""`probe validate`: run the probe on a school's labelled images, score it, keep the result.

The scoring is pure (artcharter.audits.bias.validation); this module reads the labels file
and the images, runs the probe, and records the result in the ledger's
``probe_validations`` table, where a campaign finds the validation of its probe (same
weights and classes, or linked by ``--campaign``) so that its report shows how accurate the
probe was.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artcharter.audits.bias.validation import Validation, read_labels, score
from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex
from artcharter.provenance.campaign import store
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import now_iso

if TYPE_CHECKING:
    from artcharter.audits.bias.clip_probe import Probe
    from artcharter.provenance.ledger import Ledger

LOADING_PROBE = "probe"


@dataclass
class ValidationResult:
    validation_id: str
    created_at: str
    probe: str
    probe_is_demo: bool
    labels_file: str
    images_dir: str
    campaign_id: str | None
    validation: Validation
    thresholds: dict[str, float]

    def to_dict(self) -> dict[str, Any]:
        return {
            "validation_id": self.validation_id,
            "created_at": self.created_at,
            "probe": self.probe,
            "probe_is_demo": self.probe_is_demo,
            "labels_file": self.labels_file,
            "images_dir": self.images_dir,
            "campaign_id": self.campaign_id,
            "thresholds": self.thresholds,
            **self.validation.to_dict(),
        }

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> ValidationResult:
        return cls(
            validation_id=row["validation_id"],
            created_at=row["created_at"],
            probe=row["clip_model"],
            probe_is_demo=bool(row["clip_is_demo"]),
            labels_file=row["labels_file"],
            images_dir=row["images_dir"],
            campaign_id=row["campaign_id"],
            validation=Validation.from_dict(store.loads(row["results"])),
            thresholds=store.loads(row["thresholds"]) or {},
        )


def _inside(folder: Path, name: str) -> Path | None:
    """The image ``name`` inside ``folder``; None for a name that leaves the folder."""
    path = (folder / name).resolve()
    return path if path.is_relative_to(folder.resolve()) else None


def validate_probe(
    images_dir: Path,
    labels_file: Path,
    *,
    ledger: Ledger | None,
    clip: str | None = None,
    device: str = "auto",
    campaign_id: str | None = None,
    batch_size: int = 32,
    on_loading: Callable[[str, str], None] | None = None,
    probe: Probe | None = None,
) -> ValidationResult:
    """Score the probe (``clip``, default ViT-B-32) on the images of ``images_dir`` that
    ``labels_file`` labels, and record the result in ``ledger`` when one is given."""
    from artcharter.audits.bias.clip_probe import Probe, load_clip, parse_clip_spec
    from artcharter.audits.bias.probe_classes import load_probe_classes

    if not images_dir.is_dir():
        raise BadInput(MESSAGES("validate.no_folder", folder=images_dir))
    try:
        text = labels_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BadInput(
            MESSAGES("validate.unreadable_labels", path=labels_file, error=str(exc))
        ) from None
    every = load_probe_classes()
    labels = read_labels(text, every, labels_file.name)
    wants_ethnicity = any("ethnicity" in label.classes for label in labels)
    classes = every.select(ethnicity=wants_ethnicity)
    if campaign_id is not None and ledger is not None:
        campaign_id = store.get_campaign(ledger, campaign_id)["campaign_id"]
    if probe is None:
        spec = parse_clip_spec(clip)
        if on_loading is not None:
            on_loading(LOADING_PROBE, spec.display)
        probe = Probe(load_clip(spec, device=device), classes)
    else:
        probe = Probe(probe.model, classes)
    located = {label.file: _inside(images_dir, label.file) for label in labels}
    present = [(name, path) for name, path in located.items() if path and path.is_file()]
    readings = {
        name: reading
        for (name, _), reading in probe.classify(
            present, load=lambda item: _open(item[1]), batch_size=batch_size
        )
    }
    validation = score(labels, readings, classes)
    info = probe.model.info()
    result = ValidationResult(
        validation_id=uuid.uuid4().hex,
        created_at=now_iso(),
        probe=probe.model.name,
        probe_is_demo=probe.model.is_demo,
        labels_file=str(labels_file),
        images_dir=str(images_dir),
        campaign_id=campaign_id,
        validation=validation,
        thresholds={a.id: a.threshold for a in classes.attributes},
    )
    if ledger is not None:
        store.insert_validation(
            ledger,
            {
                "validation_id": result.validation_id,
                "created_at": result.created_at,
                "campaign_id": campaign_id,
                "clip_model": result.probe,
                "clip_spec": info.get("spec"),
                "clip_weights_sha256": info.get("weights_sha256"),
                "clip_is_demo": int(result.probe_is_demo),
                "classes_sha256": classes.sha256,
                "thresholds": store.dumps(result.thresholds),
                "labels_file": result.labels_file,
                "labels_sha256": sha256_hex(text),
                "images_dir": result.images_dir,
                "images": validation.images,
                "results": store.dumps(validation.to_dict()),
            },
        )
    return result


def _open(path: Path) -> Any:
    from artcharter.audits.bias.clip_probe import open_image

    return open_image(path)


def latest_validation(ledger: Ledger, campaign: dict[str, Any]) -> ValidationResult | None:
    """The validation of the probe a campaign used (see ``store.validation_for``)."""
    row = store.validation_for(ledger, campaign)
    return ValidationResult.from_row(row) if row else None
