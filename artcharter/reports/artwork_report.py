"""The per-artwork report as data: a plain dict (the JSON twin of the HTML page).

Two steps, kept apart so the second is tested without any file:

- ``gather_facts`` (I/O) verifies the file, runs the charter check, reads the ledger (the
  session's energy including discarded generations, the model's latest probe campaign)
  and prepares the inlined pictures;
- ``build_report`` (pure) turns those facts into the report dict in one language.

``artcharter.reports.render`` turns the dict into the self-contained HTML page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.base.messages import render_text
from artcharter.base.numbers import (
    fmt_decimal,
    fmt_device,
    fmt_duration,
    fmt_energy,
    fmt_energy_method,
    fmt_mass_co2,
    fmt_number,
)
from artcharter.charter.evaluate import unchecked_summary
from artcharter.provenance import verdicts
from artcharter.provenance.declaration import Declaration
from artcharter.provenance.record import (
    DEFAULT_MODEL_KIND,
    SOURCE_TYPES,
    Adapter,
    ArtworkRecord,
    EnergyRecord,
)
from artcharter.provenance.verify import (
    Verification,
    claim_lines,
    ingredient_notes,
    match_lines,
    signal_lines,
    signature_notes,
    trusted_by_text,
    unvouched_heading,
)
from artcharter.reports import energy_equivalents, energy_split, explanations
from artcharter.reports.evidence_words import evidence_line
from artcharter.reports.i18n import maybe, share_words, source_type_words, t
from artcharter.reports.images import InlineImages
from artcharter.reports.messages import MESSAGES

SCHEMA = "artcharter.report/1"
STATUSES = ("pass", "fail", "needs-declaration", "not-applicable", "cannot-check")
STAGES = ("ideation", "composition", "rendering", "post-production")


@dataclass
class ReportFacts:
    """Everything a report shows, as read from the file, the charter check and the ledger."""

    path: str
    verification: Verification
    record: ArtworkRecord | None = None
    # The artcharter generation behind the artwork: the record itself for a generated
    # image, the parent manifest's for a labelled copy of one.
    origin: ArtworkRecord | None = None
    record_source: str | None = None  # "file" or "ledger"
    check: Any = None  # artcharter.charter.check.ArtworkCheck, or None when no check could run
    check_error: str | None = None
    charter: dict[str, Any] | None = None  # {"id", "version", "title", "points"}
    session: dict[str, Any] | None = None  # artcharter.charter.evidence.SessionEnergy.to_dict()
    campaign: dict[str, Any] | None = None  # the model's latest bias campaign
    prompt_audit: dict[str, Any] | None = None
    artwork_probe: dict[str, Any] | None = None  # the latest `probe artwork` of these bytes
    # The series the generation belongs to, as the ledger counts it (``series_facts``).
    series: dict[str, Any] | None = None
    image: InlineImages | None = None
    file_size: int | None = None

    @property
    def generation_record(self) -> ArtworkRecord | None:
        return self.origin or self.record


# --- sections --------------------------------------------------------------------------------


def _verification(v: Verification, lang: str) -> dict[str, Any]:
    return {
        "verdict": v.verdict,
        "title": verdicts.title(v.verdict, lang),
        "explanation": verdicts.explanation(v.verdict, lang),
        "ok": v.verdict == verdicts.TRUSTED,
        "intact": v.verdict in verdicts.VOUCHED,
        "validation_state": v.validation_state,
        "signer": {
            **{k: v.signer.get(k) for k in ("name", "organisation", "algorithm", "time")},
            "algorithm_words": algorithm_words(v.signer.get("algorithm"), lang),
        },
        # Set apart under this heading when no valid signature vouches for the signer and
        # record the file names (as verify and the desk do); None otherwise.
        "unvouched": heading.render(lang) if (heading := unvouched_heading(v)) else None,
        "unattributed": list(v.unattributed),
        "codes": {k: list(v.codes.get(k, [])) for k in ("failure", "informational")},
        "error": render_text(v.error, lang),
        # The signature's time (time-stamped, or valid only with its certificate), and,
        # apart from the verification, what the file claims unverified and its probable
        # signed originals: each a heading line, then its items.
        "notes": [note.render(lang) for note in signature_notes(v)],
        # Which tier trusts the signer, and the ingredients' own credentials' problems.
        "trusted_by": trusted_by_text(v.trusted_by, lang) if v.trusted_by else None,
        "ingredient_notes": [note.render(lang) for note in ingredient_notes(v)],
        # The C2PA signals rubric's class, beside artcharter's words (signal_lines).
        "signal": [line.render(lang) for line in signal_lines(v)],
        "claims": [line.render(lang) for line in claim_lines(v)],
        "matches": [line.render(lang) for line in match_lines(v)],
    }


def _artwork(facts: ReportFacts, lang: str) -> dict[str, Any]:
    record, v = facts.record, facts.verification
    source_type = record.source_type if record else _last(v.disclosure.get("source_types"))
    ai_share = SOURCE_TYPES.get(source_type or "", "unknown")
    origin = facts.generation_record
    model = origin.model if origin else None
    declaration = record.declaration if record else None
    title = (record.title if record else None) or (declaration and declaration.title) or v.title
    if record and title == record.artwork_id:
        title = None  # the manifest title falls back to the id: not a title
    return {
        "id": record.artwork_id if record else None,
        "title": title,
        "display_title": title or t("untitled", lang),
        # Who made it is the signing certificate's subject; a different name in the record
        # is shown beside it as a claim the signature does not vouch for.
        "artist": v.artist["name"],
        "organisation": v.artist["organisation"],
        "claimed_author": (v.claimed_author or {}).get("name"),
        "created_at": record.created_at if record else v.signer.get("time"),
        "kind": record.kind if record else None,
        "source_type": source_type,
        "source_type_words": source_type_words(source_type, lang),
        "ai_share": ai_share,
        "ai_share_words": share_words(ai_share, v.kind, lang),
        "tool": (record.tool if record else None) or (origin.tool if origin else None),
        "model_id": model.id if model else None,
        "is_demo": bool(model and model.is_demo),
        # A file name may be any bytes: an undecodable one is written \xNN (UTF-8 text).
        "file": os.fsencode(Path(facts.path).name).decode("utf-8", "backslashreplace"),
        "sha256": v.sha256,
        "bytes": facts.file_size,
        "format": facts.image.format if facts.image else None,
        "width": facts.image.width if facts.image else None,
        "height": facts.image.height if facts.image else None,
        "image_reduced": bool(facts.image and facts.image.reduced),
        "thumbnail_source": facts.image.thumbnail_source if facts.image else None,
        "record_source": facts.record_source,
        # Its place in a series (``generate --n``, ``label FOLDER``), as the record says.
        "series": _place(record),
        **_work(facts, record, lang),
    }


def _place(record: ArtworkRecord | None) -> dict[str, Any] | None:
    place = record.series_place if record else None
    if place is None:
        return None
    return {"id": place.series_id, "index": place.index, "size": place.size}


def _work(facts: ReportFacts, record: ArtworkRecord | None, lang: str) -> dict[str, Any]:
    """What kind of work the file is (read from its bytes) and, for a video, a sound or a
    document, its duration or pages (from the signed record, else from nothing)."""
    kind = facts.verification.kind
    media = record.media if record and record.media and record.media.kind == kind else None
    # Another tool's file says no model kind: the kind of model that makes such works.
    model_kind = record.model_kind if record else None
    if record is None and kind != "image":
        model_kind = DEFAULT_MODEL_KIND.get(kind)
    return {
        "work_kind": kind,
        "work_kind_words": t(f"work_kind_{kind}", lang),
        "picture_caption": maybe(f"picture_{kind}", lang),
        "duration_s": media.duration_s if media else None,
        "duration_text": (
            fmt_duration(media.duration_s, lang) if media and media.duration_s else None
        ),
        "pages": media.pages if media else None,
        "pages_label": t("chapters" if media and media.format == "epub" else "pages", lang),
        "model_kind": model_kind,
        "model_kind_words": maybe(f"model_kind_{model_kind}", lang) if model_kind else None,
    }


def _steps(origin: ArtworkRecord | None, lang: str) -> dict[str, Any]:
    """The denoising steps the generation kept (``--show-steps``), in words."""
    gen = origin.generation if origin else None
    shown = gen.steps_shown if gen else None
    caption = t("steps_caption", lang, shown=shown, steps=gen.steps) if gen and shown else None
    return {"steps_shown": shown, "steps_caption": caption}


def _last(items: list[str] | None) -> str | None:
    return items[-1] if items else None


def _provenance(facts: ReportFacts, lang: str) -> dict[str, Any]:
    record, v = facts.record, facts.verification
    by_title = {i.get("title"): i for i in v.ingredients}
    ingredients = []
    for ing in record.ingredients if record else []:
        embedded = by_title.get(ing.title, {})
        ingredients.append(
            {
                "title": ing.title,
                "role": ing.role,
                "relationship": embedded.get("relationship") or ing.relationship,
                "format": ing.format,
                "sha256": ing.sha256,
                "in_file": bool(embedded),
            }
        )
    listed = {i["title"] for i in ingredients}
    for ing in v.ingredients:  # ingredients another tool wrote, or a parent manifest
        if ing.get("title") not in listed:
            ingredients.append(
                {
                    "title": ing.get("title"),
                    "role": ing.get("description"),
                    "relationship": ing.get("relationship"),
                    "format": ing.get("format"),
                    "sha256": None,
                    "in_file": True,
                }
            )
    for item in ingredients:
        key = "parentOf" if item["relationship"] == "parentOf" else item["role"]
        item["role_words"] = maybe(f"role_{key}", lang) if key else None
    training = record.training_mining if record else None
    return {
        "actions": list(v.disclosure.get("actions", [])),
        "source_types": [
            {"code": s, "words": source_type_words(s, lang)}
            for s in v.disclosure.get("source_types", [])
        ],
        "software_agents": list(v.disclosure.get("software_agents", [])),
        "ingredients": ingredients,
        "training_mining": training,
        # The protective default nobody chose is "not chosen", not the artist's refusal.
        "training_mining_default": bool(record and record.training_mining_default),
        "training_mining_words": (
            t("tm_not_chosen", lang)
            if record and record.training_mining_default
            else maybe(f"tm_{training}", lang)
            if training
            else None
        ),
        "training_constraint": record.training_constraint if record else None,
    }


def _prompt(record: ArtworkRecord | None, origin: ArtworkRecord | None) -> dict[str, Any]:
    # The labelled copy's own prompt when it has one, else the generation's.
    source = (
        record
        if record and (record.prompt or record.prompt_sha256 or record.prompt_private)
        else origin
    )
    if source is None:
        return {"text": None, "private": False, "sha256": None, "hmac": None, "negative": None}
    # A report is shared with juries: a private prompt shows as its hash, even when the
    # ledger that gathered the facts knows it.
    gen = origin.public().generation if origin else None
    return {
        "text": source.public().prompt,
        "private": source.prompt_private,
        "sha256": source.public().prompt_sha256,
        "hmac": source.prompt_hmac if source.prompt_private else None,
        "negative": gen.negative_prompt if gen else None,
    }


def _generation(record: ArtworkRecord | None, lang: str) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []

    def add(key: str, value: Any) -> None:
        if value not in (None, "", {}, []):
            rows.append({"key": key, "label": t(key, lang), "value": value})

    model, gen = (record.model, record.generation) if record else (None, None)
    if model:
        add("model", model.id + (" (demo)" if model.is_demo else ""))
        add("revision", model.revision)
        add("weights_sha256", model.weights_sha256)
        add("pipeline", model.pipeline_class)
        add("scheduler", (gen.scheduler if gen else None) or model.scheduler_class)
    elif record and record.tool:
        add("tool", record.tool)
    if gen:
        add("seed", gen.seed)
        add("steps", gen.steps)
        add("guidance", fmt_decimal(gen.guidance, lang) if gen.guidance is not None else None)
        if gen.width and gen.height:
            add("dimensions", f"{gen.width} × {gen.height}")
        # The record keeps the device name as data ("… (2 threads)"): words at display.
        add("device", " ".join(x for x in (gen.device, fmt_device(gen.device_name, lang)) if x))
        add("dtype", gen.dtype)
        if gen.batch_size > 1:
            add("batch", f"{gen.batch_index + 1} / {gen.batch_size}")
        if gen.series_id and gen.series_index and gen.series_size:
            add(
                "series",
                t(
                    "series_place",
                    lang,
                    id=gen.series_id,
                    index=fmt_number(gen.series_index, lang, 1),
                    n=fmt_number(gen.series_size, lang, 1),
                ),
            )
        libs = dict(gen.libraries)
        if model and model.library and model.library not in libs:
            libs[model.library] = model.library_version or ""
        add("libraries", ", ".join(f"{k} {v}".strip() for k, v in sorted(libs.items())))
    return {
        "recorded": gen is not None,
        "rows": rows,
        "adapters": [_adapter(a, lang) for a in (model.adapters if model else [])],
    }


def _adapter(adapter: Adapter, lang: str) -> dict[str, Any]:
    """A LoRA or an embedding the model was given, in words: what it is, how strongly it
    was applied, and what the artist declared it was trained on."""
    if adapter.scale is not None:
        how = t("adapter_scale", lang, scale=fmt_decimal(adapter.scale, lang))
    else:
        how = t("adapter_token", lang, token=adapter.token or "")
    training = None
    if adapter.training_data:
        key = "adapter_trained_by_artist" if adapter.by_artist else "adapter_trained"
        training = t(key, lang, data=adapter.training_data)
    return {
        "kind": adapter.kind,
        "kind_words": t(f"adapter_{adapter.kind}", lang),
        "name": adapter.name,
        "file": adapter.file,
        "sha256": adapter.sha256,
        "how": how,
        "training_words": training,
    }


def _energy_measure(energy: EnergyRecord, lang: str) -> dict[str, Any]:
    grams = energy_equivalents.co2_grams(
        energy.kwh_total, energy.kg_co2eq, energy.carbon_intensity_g_per_kwh
    )
    intensity = energy.carbon_intensity_g_per_kwh
    return {
        "kwh": energy.kwh_total,
        "kwh_text": fmt_energy(energy.kwh_total, lang),
        "kg_co2": grams / 1000 if grams is not None else None,
        "co2_text": fmt_mass_co2(grams / 1000, lang) if grams is not None else None,
        "duration_s": energy.duration_s,
        "duration_text": fmt_duration(energy.duration_s, lang),
        "country": energy.country_iso,
        "intensity": intensity,
        "intensity_text": (
            f"{fmt_number(intensity, lang, 3)} g CO₂e/kWh" if intensity is not None else None
        ),
        "method": energy.method,
        "method_text": fmt_energy_method(energy.method, lang),
        "scope": energy.scope,
        "scope_text": energy.scope and (maybe(f"scope_{energy.scope}", lang) or energy.scope),
        "codecarbon": energy.codecarbon_version,
        "images_in_run": energy.images_in_run,
        "per_image_note": (
            t("per_image_note", lang, n=energy.images_in_run) if energy.images_in_run > 1 else None
        ),
        "split": [
            {"part": part, "kwh": value, "text": fmt_energy(value, lang)}
            for part, value in (
                ("CPU", energy.kwh_cpu),
                ("GPU", energy.kwh_gpu),
                ("RAM", energy.kwh_ram),
            )
            if value
        ],
        "components": energy_split.split(energy, lang),
        "equivalents": energy_equivalents.equivalents(
            energy.kwh_total, energy.kg_co2eq, lang, intensity_g_per_kwh=intensity
        ),
    }


def _series(series: dict[str, Any] | None, lang: str) -> dict[str, Any] | None:
    """The whole series in one line: how many of its images exist, its state, its energy."""
    if not series:
        return None
    made = sum(series["statuses"].values())
    if series.get("labelled"):  # a labelled folder: no energy was measured
        text = t(
            "series_text_labelled",
            lang,
            id=series["series_id"],
            index=fmt_number(series["index"], lang, 1),
            made=fmt_number(made, lang, 1),
            n=fmt_number(series["n"], lang, 1),
            state=t(f"series_state_{series['state']}", lang),
        )
        return {**series, "made": made, "text": text}
    return {
        **series,
        "made": made,
        "text": t(
            "series_text",
            lang,
            id=series["series_id"],
            made=fmt_number(made, lang, 1),
            n=fmt_number(series["n"], lang, 1),
            state=t(f"series_state_{series['state']}", lang),
            kwh=fmt_energy(series["kwh"], lang),
        ),
    }


def _session(session: dict[str, Any] | None, lang: str) -> dict[str, Any] | None:
    """The whole generation session from the ledger, discarded images and loading included."""
    if not session or session.get("source") != "ledger":
        return None
    generations = session.get("generations") or []
    kwh = (session.get("measured_kwh") or 0.0) + (session.get("loading_kwh") or 0.0)
    discarded = sum(1 for g in generations if g.get("status") == "discarded")
    unmeasured = sum(1 for g in generations if g.get("energy_status") != "measured")
    return {
        "session_id": session.get("session_id"),
        "images": len(generations),
        "discarded": discarded,
        "unmeasured": unmeasured,
        "kwh": kwh,
        "loading_kwh": session.get("loading_kwh"),
        "text": MESSAGES.count(
            "session_text",
            len(generations),
            lang,
            discarded=MESSAGES.count("of_which_discarded", discarded, lang),
            kwh=fmt_energy(kwh, lang),
        ),
    }


def _energy(facts: ReportFacts, lang: str) -> dict[str, Any]:
    origin, record = facts.generation_record, facts.record
    energy = origin.energy if origin else None
    out: dict[str, Any] = {
        # The generation measured: a labelled copy shares its parent's (summaries count it once).
        "generation_id": origin.artwork_id if origin and energy else None,
        "status": energy.status if energy else "none",
        "reason": energy.reason if energy and energy.status != "measured" else None,
        "kwh": None,
    }
    if energy is not None and energy.status == "measured":
        out.update(_energy_measure(energy, lang))
    # The published figures and the online estimate measure image generation: they are
    # given for an image only, and a video, a sound or a text says why it has none.
    kind = facts.verification.kind
    per_image = kind == "image"
    kind_words = maybe(f"work_kind_{kind}", lang) or kind
    out["references"] = energy_equivalents.references(out["kwh"], lang) if per_image else []
    out["references_note"] = (
        None if per_image else t("references_image_only", lang, kind=kind_words)
    )
    declared = [
        tool
        for tool in (record.declaration.tools if record and record.declaration else ())
        if isinstance(tool.energy_kwh, int | float) and not isinstance(tool.energy_kwh, bool)
    ]
    out["declared_external"] = None
    if declared:
        kwh = sum(float(tool.energy_kwh) for tool in declared)  # type: ignore[arg-type]
        out["declared_external"] = {
            "kwh": kwh,
            "text": fmt_energy(kwh, lang),
            "tools": [str(tool.name) for tool in declared],
        }
    estimated = [
        tool
        for tool in (record.declaration.tools if record and record.declaration else ())
        if tool.energy_kwh is None and isinstance(tool.generations, int) and tool.generations > 0
    ]
    out["online"] = out["online_not_estimated"] = None
    if estimated and per_image:
        online = energy_equivalents.online_estimate(
            sum(int(tool.generations) for tool in estimated),
            lang,  # type: ignore[arg-type]
        )
        online["tools"] = [str(tool.name) for tool in estimated]
        out["online"] = online
    elif estimated:
        tools = ", ".join(str(tool.name) for tool in estimated)
        out["online_not_estimated"] = t("online_not_estimated", lang, tools=tools, kind=kind_words)
    out["water"] = energy_equivalents.water_here(lang) if out["status"] == "measured" else None
    out["session"] = _session(facts.session, lang)
    out["series"] = _series(facts.series, lang)
    return out


def _probe(facts: ReportFacts, lang: str) -> dict[str, Any]:
    origin = facts.generation_record
    audit = facts.prompt_audit
    campaign = dict(facts.campaign) if facts.campaign else None
    if campaign is not None:
        for key in ("campaign_id", "created_at", "clip_model"):
            campaign.setdefault(key, None)
        for key in ("sentences", "notices"):
            value = campaign.get(key) or []
            campaign[key] = value.get(lang, []) if isinstance(value, dict) else list(value)
        campaign["has_chart"] = bool(campaign.pop("chart_svg", None))  # inlined by the renderer
    artwork = origin.probe if origin and isinstance(origin.probe, dict) else None
    if facts.artwork_probe:
        artwork = _ledger_probe(facts.artwork_probe, lang)
    return {
        "artwork": artwork,
        "artwork_sentences": _probe_sentences(artwork, lang),
        "audit": audit,
        "campaign": campaign,
    }


def _ledger_probe(row: dict[str, Any], lang: str) -> dict[str, Any]:
    """A `probe artwork` row as the page shows it: who read it, when, and in ``lang``."""

    def in_lang(value: Any) -> list[str]:
        items = value.get(lang) if isinstance(value, dict) else None
        return [item for item in items or [] if isinstance(item, str) and item]

    return {
        "probe": row.get("probe"),
        "probe_is_demo": bool(row.get("probe_is_demo")),
        "probed_at": row.get("probed_at"),
        "reading": row.get("reading"),
        "sentences": in_lang(row.get("sentences")),
        "notices": in_lang(row.get("notices")),
    }


def _probe_sentences(probe: dict[str, Any] | None, lang: str) -> list[str]:
    """The plain sentences an artwork-level probe summary carries, in ``lang``."""
    out: list[str] = []
    for key in ("reading_sentence", "prompt_audit_sentence", "sentence", "sentences"):
        value = (probe or {}).get(key)
        if isinstance(value, dict):
            value = value.get(lang) or value.get("en")
        if isinstance(value, str) and value:
            out.append(value)
        elif isinstance(value, list):
            out += [item for item in value if isinstance(item, str) and item]
    return out


# The signature algorithms C2PA allows (c2pa-rs names them Es256, Ed25519...), in words.
ALGORITHMS = {
    "es256": "ECDSA P-256, SHA-256",
    "es384": "ECDSA P-384, SHA-384",
    "es512": "ECDSA P-521, SHA-512",
    "ps256": "RSA-PSS, SHA-256",
    "ps384": "RSA-PSS, SHA-384",
    "ps512": "RSA-PSS, SHA-512",
    "ed25519": "Ed25519",
}


def algorithm_words(algorithm: str | None, lang: str) -> str | None:
    """``Es256`` as "ECDSA P-256, SHA-256 (ES256)": the curve and hash a cryptographer
    would name, with the standard's short name."""
    if not algorithm:
        return None
    named = ALGORITHMS.get(algorithm.lower())
    if named is None or algorithm.lower() == "ed25519":
        return named or algorithm
    return f"{named} ({algorithm.upper()})"


def status_words(status: str, severity: str, lang: str) -> str:
    """A rule's result in words; an informational rule that is not met is "not the case"
    (for information), never a failure."""
    if severity == "informational" and status == "fail":
        return t("st_info_fail", lang)
    return maybe(f"st_{status}", lang) or status


def _charter(facts: ReportFacts, lang: str) -> dict[str, Any]:
    check = facts.check
    if check is None:
        return {
            "available": False,
            "error": facts.check_error,
            "id": None,
            "version": None,
            "title": None,
            "passed": None,
            "summary": t("charter_none", lang),
            "counts": {},
            "unchecked": None,
            "verdicts": [],
        }
    charter = facts.charter or {}
    points = charter.get("points") or {}
    rows = []
    for verdict in check.verdicts:
        point = points.get(verdict.point, {})
        rows.append(
            {
                "rule_id": verdict.rule_id,
                "title": _lang_text(verdict.title, lang) or verdict.rule_id,
                "point": verdict.point,
                "point_label": point.get("label") or verdict.point,
                "point_title": _lang_text(point.get("title"), lang),
                "severity": verdict.severity,
                "severity_words": maybe(f"sev_{verdict.severity}", lang) or verdict.severity,
                "status": verdict.status,
                "status_words": status_words(verdict.status, verdict.severity, lang),
                # An informational rule informs: a neutral badge, never a red "fail".
                "badge": "info" if verdict.severity == "informational" else verdict.status,
                "reason": verdict.message.render(lang),
                "evidence": verdict.evidence,
                "evidence_text": evidence_line(verdict.evidence or {}, lang),
            }
        )
    counts = {status: sum(1 for r in rows if r["status"] == status) for status in STATUSES}
    unchecked = unchecked_summary(check.verdicts)
    return {
        "available": True,
        "error": None,
        "id": charter.get("id") or getattr(check, "charter_id", None),
        "version": charter.get("version") or getattr(check, "charter_version", None),
        "title": _lang_text(charter.get("title"), lang),
        "passed": bool(check.passed),
        "summary": t("charter_passed" if check.passed else "charter_failed", lang),
        "counts": counts,
        "unchecked": unchecked.render(lang) if unchecked else None,
        "verdicts": rows,
    }


def _lang_text(value: Any, lang: str) -> str | None:
    if isinstance(value, dict):
        return value.get(lang) or value.get("en") or next(iter(value.values()), None)
    return value


def declaration_section(declaration: Declaration | None, lang: str) -> dict[str, Any]:
    """The artist's own words (schema ``artcharter.declaration/1``), as a report shows them."""
    if not declaration:
        return {"present": False}
    d = declaration
    shares = d.ai_share
    stages = [
        {
            "stage": stage,
            "stage_words": maybe(f"stage_{stage}", lang) or stage,
            "level": shares[stage],
            "level_words": maybe(f"level_{shares[stage]}", lang) or str(shares[stage]),
        }
        for stage in (*STAGES, *(s for s in shares if s not in STAGES))
        if shares.get(stage)
    ]
    tools = []
    for declared in d.tools:
        tool = {k: v for k, v in declared.to_dict().items() if k != "notes"}
        tool["prompts"] = [str(p) for p in declared.prompts]
        tool["date"] = str(tool["date"]) if tool["date"] is not None else None
        tool["stage_words"] = maybe(f"stage_{tool['stage']}", lang) if tool["stage"] else None
        tool["energy_text"] = (
            fmt_energy(tool["energy_kwh"], lang) if tool["energy_kwh"] is not None else None
        )
        tools.append(tool)
    return {
        "present": True,
        "title": d.title or None,
        "artist": d.artist or None,
        "statement": d.statement or None,
        "explanation": d.explanation or None,
        "techniques": [t.to_dict() for t in d.techniques],
        "stages": stages,
        "tools": tools,
        "bias_reflection": d.bias_reflection or None,
        "training_mining": d.training_mining or None,
        "human_inputs": [i.to_dict() for i in d.human_inputs],
        "process_images": [p.to_dict() for p in d.process_images],
    }


# --- the report ----------------------------------------------------------------------------


def build_report(
    facts: ReportFacts, lang: str, *, generated_at: str, version: str
) -> dict[str, Any]:
    """The report dict in ``lang``: machine codes plus the words a person reads."""
    record, origin = facts.record, facts.generation_record
    artwork = _artwork(facts, lang)
    uses_ai = artwork["ai_share"] != "none"
    model = origin.model if origin else None
    return {
        "schema": SCHEMA,
        "lang": lang,
        "generated_at": generated_at,
        "software": {"artcharter": version},
        "artwork": artwork,
        "verification": _verification(facts.verification, lang),
        "provenance": _provenance(facts, lang),
        "prompt": _prompt(record, facts.origin),
        "generation": _generation(origin, lang),
        "explanation": explanations.explain(
            lang,
            model_id=model.id if model else None,
            tool=artwork["tool"],
            is_demo=bool(model and model.is_demo),
            agents=list(facts.verification.disclosure.get("software_agents", [])),
            uses_ai=uses_ai,
            model_kind=artwork["model_kind"],
        )
        | _steps(origin, lang),
        "energy": _energy(facts, lang),
        "probe": _probe(facts, lang),
        "charter": _charter(facts, lang),
        "declaration": declaration_section(record.declaration if record else None, lang),
    }
