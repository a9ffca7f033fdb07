"""A campaign's results: metrics per prompt and for the whole campaign, written to
``probe_results``, read back from there, and the campaign's energy."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from artcharter.audits.bias import metrics as M
from artcharter.audits.bias import sentences
from artcharter.audits.bias.clip_probe import ImageReading
from artcharter.audits.bias.probe_classes import NO_PERSON, ProbeClasses
from artcharter.audits.bias.prompt_sets import ProbePrompt
from artcharter.base.errors import BadInput
from artcharter.provenance.campaign.settings import CampaignSettings
from artcharter.provenance.campaign.store import (
    ALL_PROMPTS,
    CAMPAIGN_SCOPE,
    IMAGE_PENDING,
    IMAGE_UNREADABLE,
    MODE_GENERATE,
    PROMPT_SCOPE,
    STATUS_COMPLETE,
    STATUS_INCOMPLETE,
    campaign_energy_totals,
    dumps,
    get_campaign,
    iter_campaign_results,
    iter_image_readings,
    loads,
    missing_failures,
    replace_results,
)
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import now_iso


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
    # Images given up after three tries and still missing: prompt, seed, tries, reason.
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def campaign_id(self) -> str:
        return self.campaign["campaign_id"]

    @property
    def missing(self) -> int:
        """Images the campaign asked for that it does not have (its figures leave them out)."""
        return int(self.campaign.get("images_missing") or 0)

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
            row[key] = loads(row.get(key)) if isinstance(row.get(key), str) else row.get(key)
        langs = [lang] if lang else ["en", "fr"]
        return {
            "campaign": row,
            "notices": {code: self.notices(code) for code in langs},
            "prompts": [p.to_dict(lang) for p in self.prompts],
            "aggregates": {
                attr: [a.to_dict() for a in items] for attr, items in self.aggregates.items()
            },
            "energy": self.energy,
            "missing": {"images": self.missing, "failures": self.failures},
        }


def _tally(ledger: Ledger, campaign_id: str, classes: ProbeClasses) -> dict[str, dict[str, Any]]:
    """Per prompt key: images, abstentions, unreadable, and per attribute the valid counts
    and the uncertain count. One pass over the rows, without keeping them."""
    tally: dict[str, dict[str, Any]] = {}
    for row in iter_image_readings(ledger, campaign_id):
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
        raise BadInput(MESSAGES("results.unclassified", campaign_id=campaign_id, pending=pending))
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
                    "counts": dumps(m.counts),
                    "shares": dumps(m.shares),
                    "intervals": dumps(m.to_dict()["intervals"]),
                    "parity_gap": m.parity_gap,
                    "mad": m.mad,
                    "max_skew": m.max_skew,
                    "max_skew_class": m.max_skew_class,
                    "kl": m.kl,
                    "entropy": m.entropy,
                    "reference": m.reference,
                    "metrics": dumps(m.to_dict()),
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
                "shares": dumps({c: by_name[f"share:{c}"].estimate for c in attribute.class_ids}),
                "intervals": dumps({a.metric: [a.low, a.high] for a in items if a.low is not None}),
                "parity_gap": by_name["parity_gap"].estimate,
                "mad": by_name["mad"].estimate,
                "max_skew": by_name["max_skew"].estimate,
                "max_skew_class": None,
                "kl": by_name["kl"].estimate,
                "entropy": by_name["entropy"].estimate,
                "reference": reference.source if reference else "uniform",
                "metrics": dumps([a.to_dict() for a in items]),
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
    images_total = sum(t["images"] for t in tally.values())
    expected = len(settings.prompt_set.prompts) * settings.per_prompt
    missing = max(0, expected - images_total) if settings.mode == MODE_GENERATE else 0
    update = {
        "status": STATUS_INCOMPLETE if missing else STATUS_COMPLETE,
        "updated_at": now,
        "images_total": images_total,
        "images_missing": missing,
        "images_classified": classified,
        "summary": dumps(summary),
        "energy": dumps(energy),
    }
    replace_results(ledger, campaign_id, rows, update)
    return CampaignResult(
        {**campaign, **update},
        classes,
        prompts,
        aggregates,
        energy,
        missing_failures(ledger, campaign_id) if missing else [],
    )


def campaign_energy(ledger: Ledger, campaign_id: str) -> dict[str, Any]:
    """kWh and CO2 of the campaign: its images' generation runs and its probe runs."""
    return campaign_energy_totals(ledger, campaign_id)


def load_result(ledger: Ledger, campaign_id: str) -> CampaignResult:
    """A finished campaign's results as stored in the ledger."""
    campaign = get_campaign(ledger, campaign_id)
    if campaign["status"] not in (STATUS_COMPLETE, STATUS_INCOMPLETE):
        raise BadInput(
            MESSAGES(
                "results.unfinished",
                campaign_id=campaign["campaign_id"],
                status=campaign["status"],
            )
        )
    classes = ProbeClasses.from_dict(json.loads(campaign["classes"]))
    prompt_list = [ProbePrompt.from_dict(p) for p in json.loads(campaign["prompts"])]
    by_key = {p.key: p for p in prompt_list}
    prompts: dict[str, PromptResult] = {}
    aggregates: dict[str, list[M.Aggregate]] = {}
    for row in iter_campaign_results(ledger, campaign["campaign_id"]):
        if row["scope"] == CAMPAIGN_SCOPE:
            aggregates[row["attribute"]] = [
                M.Aggregate(**{k: v for k, v in a.items() if k != "degenerate"})
                for a in json.loads(row["metrics"])
            ]
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
        campaign,
        classes,
        ordered,
        aggregates,
        loads(campaign.get("energy")) or {},
        missing_failures(ledger, campaign["campaign_id"]),
    )
