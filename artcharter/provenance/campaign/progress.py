"""How a campaign reports its progress: (stage, done, total), stage being one of
``generate``, ``collect`` or ``classify``."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]


def no_progress(stage: str, done: int, total: int) -> None:
    return None
