"""Check artworks against a charter: verify each file, gather its evidence, evaluate each rule.

``check_file`` and ``check_paths`` are the Python API behind `artcharter check`; reports
use the same ``ArtworkCheck``. Many files are checked on all cores, in forked workers that
each verify, gather the evidence with their own ledger connection and evaluate.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from artcharter.base.errors import BadInput
from artcharter.charter.evaluate import STATUSES, RuleVerdict, evaluate, passed
from artcharter.charter.evidence import Evidence, gather_many, preload_prompt_audit
from artcharter.charter.messages import MESSAGES
from artcharter.charter.model import Charter, load_charter
from artcharter.provenance.image_files import image_paths
from artcharter.provenance.record import ArtworkRecord

if TYPE_CHECKING:
    from artcharter.provenance.ledger import Ledger
    from artcharter.provenance.verify import Verification


@dataclass
class ArtworkCheck:
    """One artwork checked against a charter."""

    path: str
    verification: Verification
    record: ArtworkRecord | None
    verdicts: list[RuleVerdict]
    passed: bool  # every required rule passed or did not apply
    evidence: Evidence | None = None
    charter_id: str = ""
    charter_version: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.counts:
            self.counts = {s: sum(1 for v in self.verdicts if v.status == s) for s in STATUSES}

    @property
    def blocking(self) -> list[RuleVerdict]:
        """The required rules that did not pass: why the artwork fails the charter."""
        return [v for v in self.verdicts if v.severity == "required" and not v.ok]

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "path": self.path,
            "passed": self.passed,
            "charter": {"id": self.charter_id, "version": self.charter_version},
            "verdict": self.verification.verdict,
            "artwork_id": self.record.artwork_id if self.record else None,
            "title": self.record.title if self.record else self.verification.title,
            "counts": dict(self.counts),
            "rules": [v.to_dict(lang) for v in self.verdicts],
            "verification": self.verification.to_dict(lang),
        }


@lru_cache(maxsize=1)
def _default_charter() -> Charter:
    return load_charter(None)


def check_verification(
    verification: Verification,
    *,
    charter: Charter | None = None,
    ledger: Ledger | None = None,
    lang: str = "en",
    protected_names: tuple[str, ...] = (),
) -> ArtworkCheck:
    """Check a file already verified (reports verify once and reuse the result)."""
    (check,) = check_verifications(
        [verification], charter=charter, ledger=ledger, lang=lang, protected_names=protected_names
    )
    return check


def check_verifications(
    verifications: Sequence[Verification],
    *,
    charter: Charter | None = None,
    ledger: Ledger | None = None,
    lang: str = "en",
    protected_names: tuple[str, ...] = (),
) -> list[ArtworkCheck]:
    """``check_verification`` for a batch of files (a worker's few): their prompts are
    parsed together for the audit."""
    charter = charter or _default_charter()
    checks = []
    for verification, evidence in zip(
        verifications,
        gather_many(verifications, ledger=ledger, lang=lang, protected_names=protected_names),
        strict=True,
    ):
        rule_verdicts = evaluate(charter, evidence)
        checks.append(
            ArtworkCheck(
                path=verification.path,
                verification=verification,
                record=evidence.record,
                verdicts=rule_verdicts,
                passed=passed(rule_verdicts),
                evidence=evidence,
                charter_id=charter.id,
                charter_version=charter.version,
            )
        )
    return checks


def check_file(
    path: Path,
    *,
    charter: Charter | None = None,
    anchors: tuple[str, ...] = (),
    ledger: Ledger | None = None,
    lang: str = "en",
    allow_remote: bool = False,
    protected_names: tuple[str, ...] = (),
) -> ArtworkCheck:
    """Verify one image and evaluate every rule of ``charter`` (default: the default charter).

    ``anchors`` are the PEM trust anchors (the school's root); ``ledger``, when given, adds
    the whole generation session, the bias campaigns and private prompts to the evidence;
    ``protected_names`` (the school's list) extends the prompt audit.
    """
    from artcharter.provenance.verify import verify_file

    verification = verify_file(Path(path), anchors, allow_remote)
    return check_verification(
        verification, charter=charter, ledger=ledger, lang=lang, protected_names=protected_names
    )


def check_paths(
    paths: Sequence[Path],
    *,
    charter: Charter | None = None,
    anchors: tuple[str, ...] = (),
    ledger: Ledger | None = None,
    lang: str = "en",
    allow_remote: bool = False,
    workers: int | None = None,
    on_done: Callable[[ArtworkCheck], None] | None = None,
    protected_names: tuple[str, ...] = (),
) -> list[ArtworkCheck]:
    """Check images and folders of images; results come back in file order.

    ``iter_check`` gives the same results one at a time, in constant memory.
    """
    results = []
    for result in iter_check(
        paths,
        charter=charter,
        anchors=anchors,
        ledger=ledger,
        lang=lang,
        allow_remote=allow_remote,
        workers=workers,
        protected_names=protected_names,
    ):
        if on_done:
            on_done(result)
        results.append(result)
    return results


def iter_check(
    paths: Sequence[Path],
    *,
    charter: Charter | None = None,
    anchors: tuple[str, ...] = (),
    ledger: Ledger | None = None,
    lang: str = "en",
    allow_remote: bool = False,
    workers: int | None = None,
    protected_names: tuple[str, ...] = (),
) -> Iterator[ArtworkCheck]:
    """Check images and folders of images, yielding results in file order.

    Many files are checked in forked worker processes, each verifying, gathering the
    evidence (with its own ledger connection) and evaluating the rules of a few files at
    a time; only a few chunks are in flight, so memory stays flat over thousands.
    """
    from artcharter.provenance import workers as forked
    from artcharter.provenance.verify import bounded_map

    files = image_paths(paths)
    if not files:
        raise BadInput(MESSAGES("check.no_image"))
    charter = charter or _default_charter()
    count = workers or min(len(files), os.cpu_count() or 1)
    if count <= 1 or len(files) < 8 or not forked.can_fork():
        for path in files:
            yield check_file(
                path,
                charter=charter,
                anchors=anchors,
                ledger=ledger,
                lang=lang,
                allow_remote=allow_remote,
                protected_names=protected_names,
            )
        return
    settings = {
        "charter": charter,
        "anchors": anchors,
        "lang": lang,
        "allow_remote": allow_remote,
        "protected_names": protected_names,
    }
    size = max(1, min(16, len(files) // (count * 4)))
    chunks = (files[i : i + size] for i in range(0, len(files), size))
    preload_prompt_audit()  # shared by the forked workers
    pool = forked.fork_pool(
        count, ledger_path=ledger.path if ledger is not None else None, shared=settings
    )
    with pool:
        for done in bounded_map(pool, _check_chunk, chunks, ahead=count * 4):
            yield from done


def _check_chunk(paths: list[Path]) -> list[ArtworkCheck]:
    # In a worker: module level, so that it can be sent there.
    from artcharter.provenance.verify import verify_file
    from artcharter.provenance.workers import shared

    anchors, allow_remote = shared("anchors"), shared("allow_remote")
    return check_verifications(
        [verify_file(Path(path), anchors, allow_remote) for path in paths],
        charter=shared("charter"),
        ledger=shared("ledger"),
        lang=shared("lang"),
        protected_names=shared("protected_names"),
    )
