"""The desk as a C2PA soft-binding resolution service (``/sbr/v1``), for `verify --lookup`.

The shape of the C2PA Soft Binding Resolution API (OpenAPI 1.1.0): ``GET`` and ``POST
/matches/byBinding`` (a base64 binding value), ``POST /matches/byContent`` (the picture
itself), ``GET /manifests/{manifestId}`` and ``GET /services/supportedAlgorithms``. One
algorithm, ``io.iscc.v0``, the fingerprint every artcharter signature records.

Two choices to know: a ``manifestId`` is the artwork id of the school's ledger, and
``/manifests/{manifestId}`` answers with the signed original file (its C2PA manifest store
is embedded; any C2PA reader verifies it), since the ledger keeps files, not detached
stores. Each match also carries an ``artcharter`` object (title, artist, organisation,
Hamming distance) for people; the API's schema allows extra properties. Loopback by
default, like the rest of the desk.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from artcharter.base.errors import BadInput
from artcharter.provenance import softbinding
from artcharter.provenance.recovery import LIMIT, search_ledger
from artcharter.serve.desk import Desk

router = APIRouter(prefix="/sbr/v1", tags=["soft-binding resolution"])
MAX_RESULTS = 50


def _desk(request: Request) -> Desk:
    return request.app.state.desk


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


def _matches(desk: Desk, code: str, limit: int) -> dict[str, Any]:
    ledger = (
        desk._ledger() if desk.config.ledger_path and desk.config.ledger_path.exists() else None
    )
    found = search_ledger(ledger, code, limit=limit) if ledger is not None else []
    return {
        "matches": [
            {
                "manifestId": match.artwork_id,
                "similarityScore": match.similarity,
                "artcharter": {
                    "title": match.title,
                    "artist": match.artist,
                    "organisation": match.organisation,
                    "distance": match.distance,
                },
            }
            for match in found
        ]
    }


async def _by_binding(request: Request, alg: str, value: str, limit: int) -> JSONResponse:
    if alg != softbinding.ALG:
        return _error(400, f"unsupported algorithm {alg!r}: this service knows {softbinding.ALG}")
    try:
        code = softbinding.code_from_value(value)
    except BadInput as exc:
        return _error(400, str(exc))
    desk = _desk(request)
    return JSONResponse(await desk.run(_matches, desk, code, min(limit, MAX_RESULTS)))


@router.get("/services/supportedAlgorithms")
async def supported_algorithms() -> dict[str, Any]:
    return {"watermarks": [], "fingerprints": [{"alg": softbinding.ALG}]}


@router.get("/matches/byBinding")
async def matches_by_binding(
    request: Request,
    alg: str = Query(..., description="Soft binding algorithm: io.iscc.v0."),
    value: str = Query(..., description="Base64 of the ISCC unit (IEP-0020)."),
    maxResults: int = Query(LIMIT, ge=1),  # the API names it so
) -> JSONResponse:
    return await _by_binding(request, alg, value, maxResults)


@router.post("/matches/byBinding")
async def matches_by_large_binding(
    request: Request,
    maxResults: int = Query(LIMIT, ge=1),  # the API names it so
) -> JSONResponse:
    try:
        body = await request.json()
    except ValueError:
        return _error(400, 'the body must be JSON: {"alg": ..., "value": ...}')
    if not isinstance(body, dict) or not all(
        isinstance(body.get(k), str) for k in ("alg", "value")
    ):
        return _error(400, 'the body must be JSON: {"alg": ..., "value": ...}')
    return await _by_binding(request, body["alg"], body["value"], maxResults)


@router.post("/matches/byContent")
async def matches_by_content(
    request: Request,
    alg: str = Query(softbinding.ALG),
    maxResults: int = Query(LIMIT, ge=1),  # the API names it so
) -> JSONResponse:
    if alg != softbinding.ALG:
        return _error(400, f"unsupported algorithm {alg!r}: this service knows {softbinding.ALG}")
    desk = _desk(request)
    data = await request.body()
    if len(data) > desk.config.max_upload_bytes:
        return _error(413, "asset too large")
    try:
        code = await desk.run(softbinding.fingerprint, data)
    except BadInput:
        return _error(415, "not an image this service can fingerprint")
    return JSONResponse(await desk.run(_matches, desk, code, min(maxResults, MAX_RESULTS)))


@router.get("/manifests/{manifestId}")
async def manifest(request: Request, manifestId: str) -> Response:
    desk = _desk(request)
    entry = await desk.run(desk.artwork, manifestId)
    if entry is None or entry.row.get("artwork_id") != manifestId:
        return _error(404, "no such manifest")
    found = await desk.run(desk.artwork_file, entry)
    if found is None:
        return _error(404, "the signed original is no longer on this machine")
    data, mime = found
    return Response(data, media_type=mime)
