"""The desk's links to the charter and reports rooms.

The desk works with verification alone; with the charter check (artcharter.charter.check) it fills
the charter column, and with the per-artwork report (artcharter.reports.facts / artcharter.reports.report)
each row opens the full report. Both work on the verification the desk already
made and on the bytes it holds: a file is verified once, and never needs a path on disk.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def _has_modules(*names: str) -> bool:
    try:
        return all(importlib.util.find_spec(name) is not None for name in names)
    except ModuleNotFoundError:
        return False


@dataclass
class Charter:
    """The charter the desk checks against (loaded once: a broken file stops the start)."""

    available: bool
    charter: Any = None  # artcharter.charter.model.Charter
    path: Path | None = None

    @classmethod
    def load(cls, path: Path | None) -> Charter:
        if not _has_modules("artcharter.charter.check", "artcharter.charter.model"):
            return cls(False, path=path)
        from artcharter.charter.model import load_charter

        return cls(True, load_charter(path), path)

    def title(self, lang: str) -> str | None:
        if not self.available:
            return None
        titles = getattr(self.charter, "title", {}) or {}
        name = titles.get(lang) or titles.get("en") or getattr(self.charter, "id", "")
        version = getattr(self.charter, "version", "")
        return f"{name} ({version})" if version else name

    def check(self, verification: Any, ledger: Any, lang: str) -> Any:
        """The artcharter.charter.check.ArtworkCheck of a verified file, or None without a charter."""
        if not self.available:
            return None
        from artcharter.charter.check import check_verification

        return check_verification(verification, charter=self.charter, ledger=ledger, lang=lang)


def check_summary(check: Any) -> dict[str, Any]:
    """The check as plain data for the API and the row: rule by rule, in both languages."""
    required = [v for v in check.verdicts if v.severity == "required" and not v.ok]
    return {
        "passed": bool(check.passed),
        "charter": {"id": check.charter_id, "version": check.charter_version},
        "counts": dict(check.counts),
        "required_failed": sum(1 for v in required if v.status == "fail"),
        "required_missing": sum(1 for v in required if v.status != "fail"),
        "open": sum(1 for v in check.verdicts if v.severity != "required" and not v.ok),
        "rules": [v.to_dict() for v in check.verdicts],
    }


@dataclass
class Reports:
    available: bool

    @classmethod
    def load(cls) -> Reports:
        return cls(_has_modules("artcharter.reports.facts", "artcharter.reports.report"))

    def render(self, check: Any, data: bytes, charter: Any, ledger: Any, lang: str) -> str | None:
        """The self-contained HTML report of a checked file, or None without the rooms."""
        if not self.available or check is None:
            return None
        from artcharter.reports.facts import facts_from_check
        from artcharter.reports.report import render_facts

        facts = facts_from_check(check, data, charter=charter, ledger=ledger, lang=lang)
        return render_facts(facts, lang)[1]
