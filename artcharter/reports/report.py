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
    from artcharter.provenance.verify import Verification


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


def _report_batch(
    items: list[tuple[Path, str]],
    out_dir: Path,
    lang: str,
    charter: Charter,
    anchors: tuple[str, ...],
    ledger: Ledger | None,
    protected_names: tuple[str, ...] = (),
) -> list[ReportFiles]:
    """Verify, check and write the reports of a few files (in a worker or in this
    process): each file is verified, then the batch is checked (its prompts parsed
    together), then each page is written."""
    from artcharter.charter.check import check_verifications
    from artcharter.reports.facts import add_images, facts_from_check

    sources = [_source(path) for path, _ in items]
    checks = check_verifications(
        [
            _verified(path, source, anchors)
            for (path, _), source in zip(items, sources, strict=True)
        ],
        charter=charter,
        ledger=ledger,
        lang=lang,
        protected_names=protected_names,
    )
    done = []
    for (_, name), source, check in zip(items, sources, checks, strict=True):
        facts = facts_from_check(check, None, charter=charter, ledger=ledger, lang=lang)
        if source is not None:
            add_images(facts, source)
        done.append(write_report(facts, out_dir, lang, name=name))
    return done


def _source(path: Path) -> bytes | Path | None:
    """What a report verifies and pictures: an image's bytes, read once; a video, sound
    or document's path (read from the disk); None for a file that cannot be read."""
    from artcharter.provenance.image_files import open_regular
    from artcharter.provenance.media_files import detect_media, head_from

    try:
        # One descriptor, checked regular before a byte is read (a FIFO put in the file's
        # place would block a plain read): its head says whether it is read whole.
        with open_regular(path) as handle:
            if detect_media(head_from(handle)):
                return path
            handle.seek(0)
            return handle.read()
    except (OSError, BadInput):
        return None  # the verification says why (unreadable); the page has no picture


def _verified(path: Path, source: bytes | Path | None, anchors: tuple[str, ...]) -> Verification:
    from artcharter.provenance.verify import verify_bytes, verify_file

    if isinstance(source, bytes):
        return verify_bytes(source, str(path), anchors, thumbnail=True)
    return verify_file(path, anchors, thumbnail=source is not None)


def _report_in_worker(
    items: list[tuple[Path, str]],
    out_dir: Path,
    lang: str,
    charter: Charter,
    anchors: tuple[str, ...],
    protected_names: tuple[str, ...] = (),
) -> list[ReportFiles]:
    from artcharter.provenance.workers import shared

    ledger = shared("ledger")
    return _report_batch(items, out_dir, lang, charter, anchors, ledger, protected_names)


# Files per batch: their prompts are parsed together, and an image's bytes are held until
# its page is written, so a batch also stops at BATCH_BYTES of files (a larger file goes
# alone).
BATCH = 16
BATCH_BYTES = 64 << 20


def _batches(items: list[tuple[Path, str]], size: int) -> list[list[tuple[Path, str]]]:
    batches: list[list[tuple[Path, str]]] = []
    batch: list[tuple[Path, str]] = []
    total = 0
    for item in items:
        try:
            length = item[0].stat().st_size
        except OSError:
            length = 0  # its verification says why it cannot be read
        if batch and (len(batch) >= size or total + length > BATCH_BYTES):
            batches.append(batch)
            batch, total = [], 0
        batch.append(item)
        total += length
    return [*batches, batch] if batch else batches


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
    items = list(zip(paths, names or [p.stem for p in paths], strict=True))
    workers = workers or max(1, min(len(paths), os.cpu_count() or 1))
    if workers <= 1 or len(paths) < 8 or not forked.can_fork():
        return [
            report
            for batch in _batches(items, BATCH)
            for report in _report_batch(
                batch, out_dir, lang, charter, anchors, ledger, protected_names
            )
        ]
    # Compile the template and import the prompt audit's spaCy before forking: the workers
    # inherit them (each loads the language pipelines its prompts need).
    from artcharter.charter.evidence import preload_prompt_audit
    from artcharter.reports.render import environment

    environment().get_template("report.html.j2")
    preload_prompt_audit()
    out_dir.mkdir(parents=True, exist_ok=True)
    pool = forked.fork_pool(workers, ledger_path=ledger.path if ledger is not None else None)
    batches = _batches(items, max(1, min(BATCH, len(items) // (workers * 4))))
    count = len(batches)
    with pool:
        done = pool.map(
            _report_in_worker,
            batches,
            [out_dir] * count,
            [lang] * count,
            [charter] * count,
            [anchors] * count,
            [protected_names] * count,
        )
        return [report for batch in done for report in batch]
