"""What a project's (or a session's) images cost in energy, from the ledger's energy runs.

Every run counts: images kept, images discarded, generations interrupted before an image
came out, and model loading. ``summarize`` is pure (rows in, totals out); ``energy_summary``
reads the rows from a ledger.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from artcharter.provenance.ledger import Ledger

# Phases written by artcharter.provenance.generate; other features may add their own.
PHASE_GENERATION = "generation"
PHASE_LOAD = "model-load"
PHASE_ABORTED = "generation-aborted"


@dataclass
class Total:
    runs: int = 0
    images: int = 0
    kwh: float = 0.0
    kg_co2eq: float = 0.0
    duration_s: float = 0.0
    unknown: int = 0  # runs whose energy could not be measured
    # The measured kWh by component (CPU, GPU, RAM), as codecarbon split them.
    kwh_cpu: float = 0.0
    kwh_gpu: float = 0.0
    kwh_ram: float = 0.0

    def add(self, row: dict[str, Any], images: int) -> None:
        self.runs += 1
        self.images += images
        if row.get("status") != "measured" or row.get("kwh_total") is None:
            self.unknown += 1
            return
        self.kwh += float(row["kwh_total"])
        self.kg_co2eq += float(row.get("kg_co2eq") or 0.0)
        self.duration_s += float(row.get("duration_s") or 0.0)
        self.kwh_cpu += float(row.get("kwh_cpu") or 0.0)
        self.kwh_gpu += float(row.get("kwh_gpu") or 0.0)
        self.kwh_ram += float(row.get("kwh_ram") or 0.0)


@dataclass
class EnergySummary:
    session_id: str | None
    total: Total = field(default_factory=Total)
    by_phase: dict[str, Total] = field(default_factory=dict)
    # Generated images by their status in the ledger now: kept, discarded, signed.
    by_status: dict[str, Total] = field(default_factory=dict)
    sessions: dict[str, Total] = field(default_factory=dict)
    methods: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    unknown_reasons: list[str] = field(default_factory=list)
    co2_incomplete: bool = False  # some measured runs had no carbon intensity

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def summarize(rows: list[dict[str, Any]], session_id: str | None = None) -> EnergySummary:
    """Totals of energy-run rows (each with the status of its artwork as ``artwork_status``)."""
    summary = EnergySummary(session_id)
    methods, countries, reasons = set(), set(), []
    for row in rows:
        phase = str(row.get("phase") or "unknown")
        images = 1 if phase == PHASE_GENERATION and row.get("artwork_id") else 0
        summary.total.add(row, images)
        summary.by_phase.setdefault(phase, Total()).add(row, images)
        if phase == PHASE_GENERATION:
            status = str(row.get("artwork_status") or "missing")
            summary.by_status.setdefault(status, Total()).add(row, images)
        summary.sessions.setdefault(str(row.get("session_id") or "-"), Total()).add(row, images)
        if row.get("status") == "measured":
            if row.get("method"):
                methods.add(str(row["method"]))
            if row.get("country_iso"):
                countries.add(str(row["country_iso"]))
            if row.get("kwh_total") is not None and row.get("kg_co2eq") is None:
                summary.co2_incomplete = True
        elif row.get("reason") and row["reason"] not in reasons:
            reasons.append(str(row["reason"]))
    summary.methods = sorted(methods)
    summary.countries = sorted(countries)
    summary.unknown_reasons = reasons
    return summary


def energy_summary(ledger: Ledger, session_id: str | None = None) -> EnergySummary:
    return summarize(ledger.energy_runs_with_artwork_status(session_id), session_id)
