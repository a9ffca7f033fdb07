"""Label every file of a folder as one series (``label FOLDER -o OUTDIR``).

Thousands of files stream through in constant memory: the folder's names are read once
and sorted (a file's place in the series is its place by name), each file is signed on its own (its own credentials, its own ledger rows)
and nothing is kept per file. One series row ties them together and each file's signed
record names its series and its place (``ArtworkRecord.series``).

Resuming: the series' id is a hash of the folder and the output folder, so the same command
again finds its series and signs only the files without a row (a row never exists without
its file: ``signing.publish``). The rows are committed in batches (``Ledger.batch``), not
one transaction per file, each batch's files renamed into place just before its commit: a
file in OUTDIR without a row is one a run killed between those renames and the commit
left, and the resumed run signs it again over it (OUTDIR belongs to the series).

A file that cannot be signed (unreadable, unsupported, already in OUTDIR) is one line for
the caller (``on_error``) and the run goes on; the caller says at the end how many failed
(the command then exits with 2). A missing set-up (key, passphrase) stops at once.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex
from artcharter.base.interrupts import interrupts_deferred
from artcharter.provenance import series as series_rows
from artcharter.provenance.label import Signed, label
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.messages import MESSAGES
from artcharter.provenance.record import SeriesPlace


@dataclass(frozen=True)
class FolderSeries:
    """A folder being labelled: its series id, how many files it has, how many of them a
    earlier run already signed."""

    series_id: str
    n: int
    done: int
    resumed: bool


@dataclass(frozen=True)
class FolderLabelled:
    """What one run did: files signed now, already signed before, and failed."""

    series_id: str
    n: int
    signed: int
    already: int
    failed: int


def files_of(folder: Path) -> list[str]:
    """The names of the files directly in ``folder``, sorted: a file's place in the series
    is its place by name, the same on every machine and after a resume (the file system's
    own order is neither). Hidden files (``.DS_Store``, a signing run's ``.partial``
    leftovers) and subfolders are left. Only names are kept: a few MB for 25,000 files."""
    with os.scandir(folder) as entries:
        return sorted(e.name for e in entries if not e.name.startswith(".") and e.is_file())


def folder_series_id(folder: Path, output_dir: Path) -> str:
    """The id of the series that labels ``folder`` into ``output_dir``: the same two
    folders give the same id, so the same command again resumes it."""
    key = f"{folder.resolve()}\0{output_dir.resolve()}"
    return f"label-{sha256_hex(key)[:12]}"


def label_folder(
    folder: Path,
    output_dir: Path,
    *,
    ledger: Ledger,
    asked: dict[str, Any],
    on_series: Callable[[FolderSeries], None] | None = None,
    on_file: Callable[[Signed], None] | None = None,
    on_error: Callable[[Path, BadInput], None] | None = None,
    force: bool = False,
    **options: Any,
) -> FolderLabelled:
    """Sign every file of ``folder`` into ``output_dir`` under the same name, as one
    series. ``asked``: the request as JSON values (the series row keeps it: a second run
    with another request under the same folders is refused); ``options``: the keyword
    arguments of ``label.label`` (identity, source_type, tool, ...)."""
    if not folder.is_dir():
        raise BadInput(MESSAGES("label.not_a_folder", path=folder))
    if output_dir.exists() and not output_dir.is_dir():
        raise BadInput(MESSAGES("label.output_not_folder", path=output_dir))
    if output_dir.resolve() == folder.resolve():
        raise BadInput(MESSAGES("label.same_folder"))
    names = files_of(folder)
    n = len(names)
    series_id = folder_series_id(folder, output_dir)
    for row in ledger.series(series_id):
        if row["series_id"] == series_id and int(row["n"]) != n:
            raise BadInput(MESSAGES("label.folder_changed", folder=folder, was=row["n"], now=n))
    opened = series_rows.open_or_resume(
        ledger,
        series_id,
        session_id=series_id,
        asked=asked,
        model=str(asked.get("tool") or ""),
        model_id=None,  # type: ignore[arg-type]
        weights_sha256=None,
        base_seed=0,
        n=n,
        output_dir=str(output_dir),
    )
    done = ledger.series_made(series_id) if opened.resumed else 0
    if on_series is not None:
        on_series(FolderSeries(series_id, n, done, opened.resumed))
    output_dir.mkdir(parents=True, exist_ok=True)
    signed = already = failed = 0
    state = series_rows.INTERRUPTED
    try:
        with ledger.batch():
            for index, name in enumerate(names, 1):
                source, output = folder / name, output_dir / name
                if opened.resumed and ledger.series_has_file(series_id, output):
                    already += 1
                    continue
                place = SeriesPlace(series_id, index, n)
                # Ctrl-C stops the run between two files, never inside c2pa (which would
                # swallow it) nor between a file and its rows.
                with interrupts_deferred():
                    try:
                        made = label(
                            source,
                            output,
                            ledger=ledger,
                            series=place,
                            # Resumed: a file without a row is an interrupted run's.
                            force=force or opened.resumed,
                            **options,
                        )
                    except BadInput as error:
                        failed += 1
                        if on_error is not None:
                            on_error(source, error)
                        continue
                    signed += 1
                    if on_file is not None:
                        on_file(made)
        state = series_rows.COMPLETE
    finally:
        ledger.set_series_state(series_id, state)
    return FolderLabelled(series_id, n, signed, already, failed)
