"""`artcharter report` as a Python function: one artwork -> an HTML page and its JSON twin."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artcharter.base.errors import BadInput
from artcharter.base.files import write_atomic
from artcharter.base.inert import json_text
from artcharter.provenance.record import now_iso
from artcharter.provenance.version import VERSION
from artcharter.reports.artwork_report import ReportFacts, build_report
from artcharter.reports.render import render_report_chunks

if TYPE_CHECKING:
    from artcharter.charter.model import Charter
    from artcharter.provenance.ledger import Ledger


@dataclass(frozen=True)
class ReportFiles:
    html: Path
    json: Path
    report: dict[str, Any]


def report_paths(image: Path, out_dir: Path, name: str | None = None) -> tuple[Path, Path]:
    stem = name or image.stem
    return out_dir / f"{stem}.report.html", out_dir / f"{stem}.report.json"


def _build(facts: ReportFacts, lang: str) -> tuple[dict[str, Any], list[bytes]]:
    report = build_report(facts, lang, generated_at=now_iso(), version=VERSION)
    chart = (facts.campaign or {}).get("chart_svg")
    return report, render_report_chunks(report, facts.image, chart)


def render_facts(facts: ReportFacts, lang: str) -> tuple[dict[str, Any], bytes]:
    """The report dict and its HTML page (UTF-8 bytes)."""
    report, chunks = _build(facts, lang)
    return report, b"".join(chunks)


def to_json(report: dict[str, Any]) -> str:
    # Compact: the C encoder is several times faster than an indented dump, and the
    # twin is for programs (`jq .` shows it indented).
    # json_text: an undecodable byte of a file name is written as the text \xNN (UTF-8).
    text = json.dumps(report, ensure_ascii=False, separators=(",", ":"), default=str)
    return json_text(text) + "\n"


def write_report(
    facts: ReportFacts, out_dir: Path, lang: str, *, name: str | None = None
) -> ReportFiles:
    report, chunks = _build(facts, lang)
    html_path, json_path = report_paths(Path(facts.path), out_dir, name)
    out_dir.mkdir(parents=True, exist_ok=True)
    # Made again from the signed file at any time: no fsync (write_atomic says why).
    write_atomic(json_path, to_json(report), durable=False)
    write_atomic(html_path, chunks, durable=False)
    return ReportFiles(html_path, json_path, report)


def make_report(
    image: Path,
    out_dir: Path,
    *,
    lang: str = "en",
    charter: Charter | None = None,
    anchors: tuple[str, ...] = (),
    ledger: Ledger | None = None,
) -> ReportFiles:
    """Verify and check ``image``, then write its report page and JSON twin into ``out_dir``."""
    from artcharter.reports.facts import gather_facts

    facts = gather_facts(image, charter=charter, anchors=anchors, ledger=ledger, lang=lang)
    return write_report(facts, out_dir, lang)


def _report_one(
    path: Path,
    name: str,
    out_dir: Path,
    lang: str,
    charter: Charter,
    anchors: tuple[str, ...],
    ledger: Ledger | None,
    protected_names: tuple[str, ...] = (),
) -> ReportFiles:
    """Verify, check and write the report of one file (in a worker or in this process)."""
    from artcharter.charter.check import check_verification
    from artcharter.provenance.media_files import detect_media, read_head
    from artcharter.provenance.verify import verify_bytes, verify_file
    from artcharter.reports.facts import add_images, facts_from_check

    source: bytes | Path | None
    try:
        # A video, sound or document is verified and pictured from the disk.
        source = path if detect_media(read_head(path)) else path.read_bytes()
    except (OSError, BadInput):
        source = None  # the verification says why (unreadable); the page has no picture
    if isinstance(source, bytes):
        verification = verify_bytes(source, str(path), anchors, thumbnail=True)
    else:
        verification = verify_file(path, anchors, thumbnail=source is not None)
    check = check_verification(
        verification, charter=charter, ledger=ledger, lang=lang, protected_names=protected_names
    )
    facts = facts_from_check(check, None, charter=charter, ledger=ledger, lang=lang)
    if source is not None:
        add_images(facts, source)
    return write_report(facts, out_dir, lang, name=name)


def _report_in_worker(
    path: Path,
    name: str,
    out_dir: Path,
    lang: str,
    charter: Charter,
    anchors: tuple[str, ...],
    protected_names: tuple[str, ...] = (),
) -> ReportFiles:
    from artcharter.provenance.workers import shared

    ledger = shared("ledger")
    return _report_one(path, name, out_dir, lang, charter, anchors, ledger, protected_names)


def write_reports(
    paths: list[Path],
    out_dir: Path,
    *,
    lang: str = "en",
    charter: Charter | None = None,
    anchors: tuple[str, ...] = (),
    ledger: Ledger | None = None,
    names: list[str] | None = None,
    workers: int | None = None,
    protected_names: tuple[str, ...] = (),
) -> list[ReportFiles]:
    """A report for each image, in file order, on all cores.

    Each file is verified, checked and rendered in one forked worker process (like
    ``verify_files``): encoding a picture in base64 and rendering a template hold Python's
    GIL, so threads would use one core. Each worker opens the ledger itself. Without fork,
    or for a handful of files, everything runs here.
    """
    from artcharter.charter.model import load_charter
    from artcharter.provenance import workers as forked

    charter = charter or load_charter(None)
    names = names or [p.stem for p in paths]
    workers = workers or max(1, min(len(paths), os.cpu_count() or 1))
    if workers <= 1 or len(paths) < 8 or not forked.can_fork():
        return [
            _report_one(path, name, out_dir, lang, charter, anchors, ledger, protected_names)
            for path, name in zip(paths, names, strict=True)
        ]
    # Compile the template and load the prompt audit before forking: the workers inherit
    # them.
    from artcharter.charter.evidence import preload_prompt_audit
    from artcharter.reports.render import environment

    environment().get_template("report.html.j2")
    preload_prompt_audit()
    out_dir.mkdir(parents=True, exist_ok=True)
    pool = forked.fork_pool(workers, ledger_path=ledger.path if ledger is not None else None)
    count = len(paths)
    with pool:
        return list(
            pool.map(
                _report_in_worker,
                paths,
                names,
                [out_dir] * count,
                [lang] * count,
                [charter] * count,
                [anchors] * count,
                [protected_names] * count,
                chunksize=max(1, min(16, count // (workers * 4))),
            )
        )
