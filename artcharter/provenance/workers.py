"""Forked worker processes for work over many files (check, reports): each worker opens
its own ledger connection (a connection never crosses a fork; WAL readers do not block
each other) and receives what every item of the batch shares once, at its start, rather
than with each item.

Processes, not threads: c2pa-python reads through Python callbacks that hold the GIL, and
gathering evidence, evaluating rules and rendering pages are Python too, so threads would
use one core.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

# Set in each worker by _start: the ledger connection and the shared values.
_STATE: dict[str, Any] = {}


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def fork_pool(
    workers: int, *, ledger_path: Path | None = None, shared: dict[str, Any] | None = None
) -> ProcessPoolExecutor:
    """A pool of ``workers`` forked processes (check ``can_fork()`` first)."""
    return ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start,
        initargs=(ledger_path, dict(shared or {})),
    )


def _start(ledger_path: Path | None, shared: dict[str, Any]) -> None:
    from artcharter.provenance.ledger import Ledger

    _STATE.clear()
    _STATE.update(shared)
    _STATE["ledger"] = Ledger(ledger_path) if ledger_path else None


def shared(name: str) -> Any:
    """A value given to ``fork_pool`` (``"ledger"``: this worker's own connection)."""
    return _STATE[name]
