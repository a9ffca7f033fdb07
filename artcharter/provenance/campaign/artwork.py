"""`probe artwork`: one artwork read by the probe, its prompt audited, and the latest
campaign of the model that made it."""

from __future__ import annotations

import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.audits.bias import sentences
from artcharter.audits.bias.clip_probe import ImageReading, Probe
from artcharter.audits.bias.probe_classes import ProbeClasses
from artcharter.audits.bias.prompt_audit import PromptAudit, audit_prompt
from artcharter.base.hashing import sha256_hex
from artcharter.provenance.campaign.store import (
    add_artwork_probe,
    dumps,
    latest_campaign,
    prompt_result_sentences,
)
from artcharter.provenance.ledger import Ledger, path_text
from artcharter.provenance.record import ArtworkRecord, now_iso

LANGS = ("fr", "en")


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
    artwork_id: str | None
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
            "artwork_id": self.artwork_id,
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


def record_artwork_probe(ledger: Ledger, result: ArtworkProbe) -> str:
    """Keep the reading in the ledger so that the artwork's report shows it; its id.

    Only what the probe perceived is kept, in both languages with the probe's caveats: the
    prompt audit belongs to the charter check, which reads the prompt on record itself."""
    probe_id = uuid.uuid4().hex
    row = {
        "probe_id": probe_id,
        "sha256": result.sha256,
        "artwork_id": result.artwork_id,
        "path": path_text(Path(result.path)),
        "probed_at": now_iso(),
        "probe": result.probe_name,
        "probe_is_demo": int(result.is_demo_probe),
        "classes_sha256": result.classes.sha256,
        "reading": dumps(result.reading.to_dict()),
        "sentences": dumps(
            {
                lang: [sentences.reading_sentence(result.reading, result.classes, lang)]
                for lang in LANGS
            }
        ),
        "notices": dumps({lang: result.notices(lang) for lang in LANGS}),
        "campaign_id": result.campaign["campaign_id"] if result.campaign else None,
    }
    add_artwork_probe(ledger, row)
    return probe_id


def read_artwork_record(
    data: bytes, name: str, ledger: Ledger | None
) -> tuple[ArtworkRecord | None, str | None, dict[str, Any] | None]:
    """The artwork's record: from the ledger when the file is known there (it keeps a
    private prompt), else from the file's Content Credentials."""
    digest = sha256_hex(data)
    row = ledger.find_artwork(digest) if ledger is not None else None
    if row is not None:
        return ledger.record_of(row), "ledger", row  # type: ignore[union-attr]
    from artcharter.provenance.verify import verify_bytes

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

    from artcharter.provenance import image_files

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
            for r in prompt_result_sentences(ledger, campaign["campaign_id"]):  # type: ignore[arg-type]
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
        artwork_id=record.artwork_id if record is not None else None,
        model_id=model_id,
        prompt=prompt,
        prompt_private=prompt_private,
        audit=audit,
        campaign=campaign,
        related=related,
    )
