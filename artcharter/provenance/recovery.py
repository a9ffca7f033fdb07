"""Recovery: for a file with no credential, the signed originals it probably comes from.

The file's ISCC fingerprint is compared with those the ledger indexed at signing, and sent
to school desks (``verify --lookup URL`` or ``[recovery] lookup_url``) through the C2PA
soft-binding resolution API (``GET /matches/byBinding``). A match is a *probable* origin
and never a verification: it is reported apart, with its distance, and says where the
signed original can be had so that it can be verified itself.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from artcharter.provenance import softbinding
from artcharter.provenance.ledger import Ledger

LIMIT = 5
LOOKUP_TIMEOUT_S = 5.0
MAX_RESPONSE_BYTES = 256 * 1024


@dataclass(frozen=True)
class ProbableMatch:
    artwork_id: str
    title: str | None
    artist: str | None
    organisation: str | None
    distance: int | None  # Hamming distance of the 64-bit fingerprints
    similarity: int  # 0-100, as the resolution API's similarityScore
    source: str  # "ledger", or the desk's URL
    original: str  # where the signed original is: a path in the ledger, or a URL

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def similarity(distance: int) -> int:
    return round(100 * (1 - distance / softbinding.BITS))


def nearest(bits: Any, code: str, *, max_distance: int, limit: int) -> list[tuple[int, int]]:
    """(fingerprint, distance) of the closest distinct fingerprints within ``max_distance``,
    closest first: one XOR and popcount over the whole array (numpy)."""
    import numpy as np

    if len(bits) == 0:
        return []
    query = np.int64(softbinding.as_int(code))
    xor = np.bitwise_xor(bits, query)
    if hasattr(np, "bitwise_count"):  # numpy 2
        distances = np.bitwise_count(xor)
    else:
        distances = np.unpackbits(xor.view(np.uint8).reshape(-1, 8), axis=1).sum(axis=1)
    close = np.flatnonzero(distances <= max_distance)
    order = close[np.argsort(distances[close], kind="stable")]
    found: dict[int, int] = {}
    for i in order:
        found.setdefault(int(bits[i]), int(distances[i]))
        if len(found) >= limit:
            break
    return list(found.items())


def search_ledger(
    ledger: Ledger,
    code: str,
    *,
    max_distance: int = softbinding.MATCH_DISTANCE,
    limit: int = LIMIT,
) -> list[ProbableMatch]:
    # A few more fingerprints than asked: some may belong to discarded artworks.
    close = dict(
        nearest(ledger.fingerprint_bits(), code, max_distance=max_distance, limit=limit * 4)
    )
    rows = ledger.artworks_by_fingerprint(list(close))
    rows.sort(key=lambda row: (close[row["iscc_bits"]], row["artwork_id"]))
    return [
        ProbableMatch(
            artwork_id=row["artwork_id"],
            title=row["title"],
            artist=row["artist"],
            organisation=row["organisation"],
            distance=close[row["iscc_bits"]],
            similarity=similarity(close[row["iscc_bits"]]),
            source="ledger",
            original=row["path"],
        )
        for row in rows[:limit]
    ]


def query_url(base: str, code: str, limit: int = LIMIT) -> str:
    query = urllib.parse.urlencode(
        {"alg": softbinding.ALG, "value": softbinding.binding_value(code), "maxResults": limit}
    )
    return f"{base.rstrip('/')}/matches/byBinding?{query}"


def search_desk(
    base: str, code: str, *, limit: int = LIMIT, timeout: float = LOOKUP_TIMEOUT_S
) -> list[ProbableMatch]:
    """Ask a school desk's resolution API; raises OSError or ValueError when it cannot
    answer (the caller reports it, the verdict stays what it is)."""
    if not base.startswith(("http://", "https://")):
        raise ValueError(f"not an http(s) URL: {base}")
    request = urllib.request.Request(query_url(base, code, limit), method="GET")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = json.loads(response.read(MAX_RESPONSE_BYTES))
    matches = body.get("matches") if isinstance(body, dict) else None
    if not isinstance(matches, list):
        raise ValueError("the answer has no list of matches")
    found = []
    for match in matches[:limit]:
        if not isinstance(match, dict) or not isinstance(match.get("manifestId"), str):
            continue
        about = match.get("artcharter") if isinstance(match.get("artcharter"), dict) else {}
        endpoint = match.get("endpoint") if isinstance(match.get("endpoint"), str) else base
        score = match.get("similarityScore")
        distance = about.get("distance")
        found.append(
            ProbableMatch(
                artwork_id=match["manifestId"],
                title=_text(about.get("title")),
                artist=_text(about.get("artist")),
                organisation=_text(about.get("organisation")),
                distance=distance if isinstance(distance, int) else None,
                similarity=score if isinstance(score, int) and 0 <= score <= 100 else 0,
                source=base,
                original=(
                    f"{endpoint.rstrip('/')}/manifests/{urllib.parse.quote(match['manifestId'])}"
                ),
            )
        )
    return found


def _text(value: object) -> str | None:
    return " ".join(value.split())[:200] if isinstance(value, str) else None


def search_watermark(ledger: Ledger, path: str) -> list[ProbableMatch]:
    """The artwork whose id the file's invisible watermark carries, when the ledger holds
    watermarked artworks (reading one costs a decode: skipped otherwise)."""
    from artcharter.provenance import watermark

    if not ledger.has_watermarks() or not watermark.available():
        return []
    try:
        with open(path, "rb") as handle:
            prefix = watermark.read(handle.read())
    except OSError:
        return []
    if prefix is None:
        return []
    rows = ledger.artworks_with_signature(ledger.watermarked_artwork_ids(prefix))
    return [
        ProbableMatch(
            artwork_id=row["artwork_id"],
            title=row["title"],
            artist=row["artist"],
            organisation=row["organisation"],
            distance=None,
            similarity=100,
            source="watermark",
            original=row["path"],
        )
        for row in rows
    ]


def probable_matches(
    code: str, ledger: Ledger | None, lookup: Sequence[str], *, watermarked: str | None = None
) -> tuple[list[ProbableMatch], list[str]]:
    """Matches from the ledger (by fingerprint, and by the watermark of the file at
    ``watermarked``) and every desk, best first, one per artwork; and, per desk that could
    not answer, why (one line each)."""
    matches = search_ledger(ledger, code) if ledger is not None else []
    if ledger is not None and watermarked is not None:
        found = {m.artwork_id for m in matches}
        matches += [m for m in search_watermark(ledger, watermarked) if m.artwork_id not in found]
    errors = []
    for base in lookup:
        try:
            matches += search_desk(base, code)
        except (OSError, ValueError) as exc:
            errors.append(f"{base}: {' '.join(str(exc).split()) or type(exc).__name__}")
    matches.sort(key=lambda m: -m.similarity)
    return matches, errors
