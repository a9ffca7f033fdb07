"""Long series (``generate --n 25000``): one ledger row ties the images together, and an
interrupted series (Ctrl-C, SIGKILL, a power cut) is resumed without duplicates.

A generation of more than one image into a ledger is a series; its id is the session id
(``--session``, or a new one) with a short hash of the request (a session may group several
series). The series row keeps what was asked (the request as JSON, the model and its
weights hash, the base seed), so ``generate --resume ID`` (or the same command in the same
session) makes exactly
the images that are missing: image ``i`` has the seed ``base_seed + i``, and a seed whose
artwork row exists is done (a row never exists without its file: see
``signing.publish``). A series image's file name is fixed by its seed and the series, so a
kill between the rename of a finished file and its ledger commit leaves a file that the
resumed run overwrites, not a second copy. Each image's signed record names its series and
its place in it (``generation.series_id``, ``series_index``, ``series_size``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from artcharter.base.errors import BadInput
from artcharter.base.hashing import sha256_hex
from artcharter.provenance.ledger import Ledger
from artcharter.provenance.messages import MESSAGES

RUNNING, COMPLETE, INTERRUPTED = "running", "complete", "interrupted"
# What may change when a series is resumed: how the work is split and where it runs (and
# the seed, when it was drawn at random: the stored one is used).
MAY_CHANGE = frozenset(
    {"batch_size", "device", "dtype", "session_id", "series_id", "cache_dir", "seed"}
)


def series_id_for(session_id: str, asked: dict[str, Any], model: str) -> str:
    """The id of the series a request makes in a session: the session's id and a short
    hash of what was asked, so that the same command in the same session finds its series
    again while another request in that session (a session groups several) is another
    series."""
    kept = {k: v for k, v in asked.items() if k not in MAY_CHANGE}
    if asked.get("seed") is not None:
        kept["seed"] = asked["seed"]
    fingerprint = json.dumps([kept, model], sort_keys=True, ensure_ascii=False, default=str)
    return f"{session_id}-{sha256_hex(fingerprint)[:6]}"


@dataclass(frozen=True)
class Series:
    """A series being made: its id, size, base seed, and the seeds already made."""

    series_id: str
    n: int
    base_seed: int
    done: frozenset[int]
    resumed: bool

    def index_of(self, seed: int) -> int:
        """The image's place in the series, from 1."""
        return seed - self.base_seed + 1

    @property
    def missing(self) -> list[int]:
        return [s for s in range(self.base_seed, self.base_seed + self.n) if s not in self.done]


def file_tag(series_id: str) -> str:
    """The part of a series image's file name that names its series (8 hex characters)."""
    return sha256_hex(series_id)[:8]


def find(ledger: Ledger, key: str) -> dict[str, Any]:
    """The series row ``key`` names (its id or first characters), or a one-line BadInput."""
    rows = ledger.series(key.strip())
    if not rows:
        raise BadInput(MESSAGES("series.unknown", key=key))
    if len(rows) > 1:
        raise BadInput(
            MESSAGES("series.ambiguous", key=key, ids=", ".join(r["series_id"] for r in rows[:5]))
        )
    return rows[0]


def open_or_resume(
    ledger: Ledger,
    series_id: str,
    *,
    session_id: str,
    asked: dict[str, Any],
    model: str,
    model_id: str,
    weights_sha256: str | None,
    base_seed: int,
    n: int,
    output_dir: str,
) -> Series:
    """The series ``series_id``: a new row, or the existing one when this is the same
    request again (then its base seed and the seeds already made come from the ledger).
    A different request under the same id is refused: one id, one series."""
    rows = ledger.series(series_id)
    row = next((r for r in rows if r["series_id"] == series_id), None)
    if row is None:
        ledger.open_series(
            {
                "series_id": series_id,
                "session_id": session_id,
                "model": model,
                "model_id": model_id,
                "weights_sha256": weights_sha256,
                "prompt": asked.get("prompt"),
                "n": n,
                "base_seed": base_seed,
                "request": json.dumps(asked, ensure_ascii=False, sort_keys=True),
                "output_dir": output_dir,
                "state": RUNNING,
            }
        )
        return Series(series_id, n, base_seed, frozenset(), resumed=False)
    stored = json.loads(row["request"])
    changed = sorted(
        key
        for key in set(stored) | set(asked)
        if key not in MAY_CHANGE and stored.get(key) != asked.get(key)
    )
    if asked.get("seed") is not None and asked["seed"] != row["base_seed"]:
        changed.append("seed")
    if row["weights_sha256"] and weights_sha256 and row["weights_sha256"] != weights_sha256:
        changed.append("model")
    if changed:
        raise BadInput(MESSAGES("series.differs", id=series_id, fields=", ".join(changed)))
    ledger.set_series_state(series_id, RUNNING)
    return Series(
        series_id,
        int(row["n"]),
        int(row["base_seed"]),
        frozenset(ledger.series_seeds(series_id)),
        resumed=True,
    )
