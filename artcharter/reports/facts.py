"""Gathering what a report shows (the I/O half of a report; ``artwork_report`` is the pure one).

The file is verified and checked once (``artcharter.charter.check``): its evidence already holds the
record, the generation behind a labelled copy, the whole session's energy and the model's
latest bias campaign. This module adds what only a report needs: the inlined pictures, the
charter's titles, and the campaign's chart and sentences when the probe tables exist.
"""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artcharter.base.errors import BadInput
from artcharter.provenance import image_files, media_files
from artcharter.reports.artwork_report import ReportFacts
from artcharter.reports.images import InlineImages, inline_images, media_images
from artcharter.reports.messages import MESSAGES

if TYPE_CHECKING:
    from artcharter.charter.check import ArtworkCheck
    from artcharter.charter.model import Charter
    from artcharter.provenance.ledger import Ledger
    from artcharter.provenance.record import ArtworkRecord
    from artcharter.provenance.verify import Verification


def read_image_bytes(path: Path) -> bytes:
    """The file's bytes, or a one-line BadInput a person can act on."""
    data = image_files.read_file(path)
    if media_files.detect_work(data) is None:
        raise BadInput(MESSAGES("facts.not_an_image", path=path))
    return data


def pictures(source: Path | bytes, verification: Verification) -> InlineImages | None:
    """The pictures of a work: an image's own pixels, or a video's, sound's or document's
    picture (signed in its credentials, or made from the file)."""
    if verification.kind != media_files.IMAGE and verification.format:
        return media_images(source, verification.format, verification.thumbnail)
    data = source if isinstance(source, bytes) else image_files.read_file(source)
    images = inline_images(data, verification.thumbnail)
    if images is not None and verification.steps_strip is not None:
        mime, strip = verification.steps_strip
        images = dataclasses.replace(images, steps=strip, steps_mime=mime)
    return images


def charter_info(charter: Charter) -> dict[str, Any]:
    return {
        "id": charter.id,
        "version": charter.version,
        "title": dict(charter.title),
        "points": {
            p.id: {"label": p.label, "title": dict(p.title)} for p in charter.points.values()
        },
    }


def facts_from_check(
    check: ArtworkCheck,
    data: bytes | None,
    *,
    charter: Charter,
    ledger: Ledger | None = None,
    lang: str = "en",
) -> ReportFacts:
    """The facts of a report, from a check already made and the file's bytes.

    Everything that reads the ledger happens here, in the caller's thread; with
    ``data=None`` the pictures are left for ``add_images`` (which needs no ledger and can
    run on another core)."""
    evidence = check.evidence
    record = check.record
    origin = evidence.origin if evidence is not None else None
    campaign = evidence.campaign if evidence is not None else None
    if campaign is not None:
        campaign = {**campaign, **campaign_extras(campaign, ledger, lang)}
    return ReportFacts(
        path=check.path,
        verification=check.verification,
        record=record,
        origin=origin,
        record_source="file" if record is not None else None,
        check=check,
        charter=charter_info(charter),
        session=evidence.session.to_dict() if evidence and evidence.session else None,
        campaign=campaign,
        prompt_audit=evidence.prompt_audit.to_dict() if evidence else None,
        artwork_probe=artwork_probe(ledger, check.verification.sha256),
        series=series_facts(ledger, origin or record),
        image=pictures(data, check.verification) if data is not None else None,
        file_size=len(data) if data is not None else None,
    )


def series_facts(ledger: Ledger | None, record: ArtworkRecord | None) -> dict[str, Any] | None:
    """The series a generated image or a labelled file belongs to, counted by the ledger
    (SQL counts, never one read per work): id, size, state, works by status, measured
    energy, and the work's own place."""
    place = record.series_place if record else None
    if ledger is None or place is None:
        return None
    series_id = place.series_id
    rows = [r for r in ledger.series(series_id) if r["series_id"] == series_id]
    if not rows:
        return None
    totals = ledger.series_totals(series_id)
    return {
        "series_id": series_id,
        "n": rows[0]["n"],
        "state": rows[0]["state"],
        "index": place.index,
        "labelled": record is not None and record.series is not None,
        **totals,
    }


def add_images(facts: ReportFacts, source: bytes | Path) -> ReportFacts:
    """The pictures, from the bytes, or from the file of a video, sound or document."""
    facts.image = pictures(source, facts.verification)
    facts.file_size = len(source) if isinstance(source, bytes) else source.stat().st_size
    return facts


def gather_facts(
    path: Path,
    *,
    charter: Charter | None = None,
    anchors: tuple[str, ...] = (),
    ledger: Ledger | None = None,
    lang: str = "en",
    protected_names: tuple[str, ...] = (),
) -> ReportFacts:
    """Verify, check and read everything a report of ``path`` shows."""
    from artcharter.charter.check import check_verification
    from artcharter.charter.model import load_charter
    from artcharter.provenance.verify import verify_bytes, verify_file

    fmt = media_files.detect_media(media_files.read_head(path))
    charter = charter or load_charter(None)
    if fmt is not None:
        # A film is verified and pictured from the disk, never read whole.
        verification = verify_file(path, anchors, thumbnail=True)
        check = check_verification(
            verification, charter=charter, ledger=ledger, lang=lang, protected_names=protected_names
        )
        facts = facts_from_check(check, None, charter=charter, ledger=ledger, lang=lang)
        return add_images(facts, path)
    data = read_image_bytes(path)
    verification = verify_bytes(data, str(path), anchors, thumbnail=True)
    if verification.fingerprint and ledger is not None:
        from artcharter.provenance.recovery import probable_matches

        # A stripped copy: its probable signed originals, shown apart from the verdict.
        found, _ = probable_matches(verification.fingerprint, ledger, ())
        verification.probable_matches = [m.to_dict() for m in found]
    check = check_verification(
        verification, charter=charter, ledger=ledger, lang=lang, protected_names=protected_names
    )
    return facts_from_check(check, data, charter=charter, ledger=ledger, lang=lang)


def artwork_probe(ledger: Ledger | None, sha256: str | None) -> dict[str, Any] | None:
    """The latest `probe artwork` reading of the file, when the ledger keeps one."""
    if ledger is None or not sha256:
        return None
    from artcharter.provenance.campaign.store import latest_artwork_probe

    return latest_artwork_probe(ledger, sha256)


def campaign_extras(campaign: dict[str, Any], ledger: Ledger | None, lang: str) -> dict[str, Any]:
    """The campaign's plain sentences (per prompt, with the probe's notices) and its chart.

    Both belong to the bias probes (``artcharter.provenance.campaign``, ``artcharter.reports.probe_chart``); a
    report shows them when the campaign's results are in the ledger, and the campaign's
    bare facts otherwise.
    """
    if ledger is None or not campaign.get("campaign_id"):
        return {}
    try:
        from artcharter.provenance.campaign import load_result
    except ImportError:
        return {}
    try:
        result = load_result(ledger, campaign["campaign_id"])
    except (BadInput, KeyError, LookupError, ValueError, TypeError):
        return {}  # an unfinished or unreadable campaign: its facts alone are shown
    extras: dict[str, Any] = {
        # Both languages: the report may be written in either; the chart is in ``lang``.
        "notices": {code: list(result.notices(code)) for code in ("fr", "en")},
        "sentences": {
            code: [p.sentence[code] for p in result.prompts if p.sentence.get(code)]
            for code in ("fr", "en")
        },
        "images_total": result.campaign.get("images_total"),
        "prompt_set": result.campaign.get("prompt_set"),
    }
    chart = _campaign_chart(result, lang)
    if chart:
        extras["chart_svg"] = chart
    return extras


def _campaign_chart(result: Any, lang: str) -> str | None:
    """The campaign chart as SVG text, from artcharter.reports.probe_chart when it is installed."""
    try:
        module = importlib.import_module("artcharter.reports.probe_chart")
    except ImportError:
        return None
    for name in ("chart_svg", "campaign_chart_svg", "campaign_chart"):
        function = getattr(module, name, None)
        if function is not None:
            chart = function(result, lang=lang)
            return chart.decode("utf-8") if isinstance(chart, bytes) else chart
    return None
