"""The JSON API: the same data as the page, for scripts and other tools."""

from __future__ import annotations

import logging
from typing import Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from starlette.requests import ClientDisconnect

from artcharter.base.errors import BadInput
from artcharter.provenance.version import VERSION
from artcharter.serve.config import MAX_FILES_PER_REQUEST
from artcharter.serve.desk import ArtworkEntry, Desk
from artcharter.serve.held import Held
from artcharter.serve.ledger_upload import authorised, check_ledger, summary
from artcharter.serve.memory import trim
from artcharter.serve.multipart import FIELD, read_files
from artcharter.serve.schemas import (
    Artwork,
    DeskInfo,
    Error,
    FileResult,
    Forgotten,
    LedgerMerge,
    VerifyResponse,
)
from artcharter.serve.summary import ai_share_of_record, energy_summary, summarize
from artcharter.serve.texts import LANGS, both, text
from artcharter.serve.uploads import Rejected, message

router = APIRouter(prefix="/api", tags=["api"])

Lang = Literal["fr", "en"]
LANG_QUERY = Query(None, description="Language of the texts (fr or en); both if omitted.")
ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Error, "description": why}
    for code, why in (
        (400, "Broken multipart body, or a Host header this desk does not answer to."),
        (403, "A write sent by another site's page."),
        (413, "A file over the per-file limit, or too many files or bytes in one request."),
        (415, "Not a work the desk reads (its type is read from its bytes), or not multipart."),
        (422, "No file, an empty file, or a bad parameter."),
    )
}


log = logging.getLogger("artcharter.serve")


def session_of(request: Request) -> str:
    """The browser session of the request (set by artcharter.serve.guard)."""
    return str(request.state.session)


def _peer(request: Request) -> str:
    return f"{request.client.host}:{request.client.port}" if request.client else "?"


def desk_of(request: Request) -> Desk:
    return request.app.state.desk


def ui_lang(request: Request) -> str:
    return request.state.lang if hasattr(request.state, "lang") else "en"


def refuse(request: Request, status: int, key: str, **values: object) -> JSONResponse:
    return JSONResponse({"detail": text(key, ui_lang(request), **values)}, status_code=status)


def result_json(held: Held, lang: str | None) -> dict[str, Any]:
    """One file's result: the desk's row, its links, and the full verification."""
    summary = summarize(held.verification, held.check, lang, held.check_error)
    suffix = f"?lang={lang}" if lang else ""
    return {
        "token": held.token,
        "name": held.name,
        "size": held.size,
        "format": held.format,
        "sha256": held.sha256,
        **summary,
        "kept": held.path is not None,
        "report_url": f"/r/{held.token}{suffix}",
        "thumbnail_url": f"/u/{held.token}/thumb",
        "visitor_url": (f"/a/{held.ledger_artwork_id}{suffix}" if held.ledger_artwork_id else None),
        "verification": held.verification.to_dict(lang),
        "check": held.check,
    }


def artwork_json(entry: ArtworkEntry, lang: str | None, has_image: bool) -> dict[str, Any]:
    langs = (lang,) if lang else LANGS
    row, record = entry.row, entry.record
    share = ai_share_of_record(record)
    artwork_id = row["artwork_id"]
    return {
        "artwork_id": artwork_id,
        "status": row.get("status"),
        "title": record.get("title"),
        "artist": (record.get("author") or {}).get("name"),
        "organisation": (record.get("author") or {}).get("organisation"),
        "ai_share": share,
        "ai_share_label": both(f"ai_{share}", langs),
        "created_at": record.get("created_at"),
        "sha256": row.get("sha256"),
        "energy": energy_summary(record, langs),
        "record": record,
        "verifications": entry.verifications,
        "visitor_url": f"/a/{artwork_id}",
        "image_url": f"/a/{artwork_id}/image" if has_image else None,
    }


@router.post(
    "/verify",
    summary="Verify one or many images",
    description=(
        "Send the images as multipart/form-data, each in a part named 'file' "
        f"(at most {MAX_FILES_PER_REQUEST} per request). The type of each file is read from "
        "its bytes: PNG, JPEG and WebP images, MP4 and MOV videos, WAV, MP3, FLAC and M4A "
        "sounds, PDF and EPUB documents are accepted, each within its kind's size limit. "
        "One refused file refuses the whole "
        "request, with a message naming it. Each file gets a verdict (trusted, "
        "trusted-c2pa-list, valid-untrusted, tampered, invalid, no-credential, unreadable, remote-not-fetched), "
        "its disclosure of AI use, energy and charter result. Verifications are recorded in "
        "the project's ledger when the desk has one."
    ),
    response_model=VerifyResponse,
    responses=ERRORS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": [FIELD],
                        "properties": {
                            FIELD: {
                                "type": "array",
                                "items": {"type": "string", "format": "binary"},
                                "description": "One or more images (repeat the part).",
                            }
                        },
                    }
                }
            },
        }
    },
)
async def verify(request: Request, lang: Lang | None = LANG_QUERY) -> JSONResponse:
    desk = desk_of(request)
    try:
        files = await read_files(
            request.headers.get("content-type"),
            request.stream(),
            max_file_bytes=desk.config.largest_upload_bytes,
            max_files=MAX_FILES_PER_REQUEST,
        )
        held = await desk.verify_uploads(files, session_of(request))
    except ClientDisconnect:
        # The sender went away mid-upload: one line in the log, nothing to answer.
        log.info("upload cut off: the client disconnected (%s)", _peer(request))
        return JSONResponse({"detail": "client disconnected"}, status_code=400)
    except Rejected as exc:
        return JSONResponse({"detail": message(exc, ui_lang(request))}, status_code=exc.status)
    return JSONResponse({"results": [result_json(h, lang) for h in held]})


@router.post(
    "/ledger",
    summary="Merge a workstation's ledger (the school only)",
    description=(
        "Send one artcharter ledger (.db) as multipart/form-data in a part named 'file', "
        "with the header 'Authorization: Bearer <merge token>' (the file given to `serve "
        "--merge-token-file`; without it this endpoint answers 404). The ledger is merged "
        "into the desk's as `artcharter ledger merge` does: an artwork joins only through "
        "its signed file, found among the desk's kept uploads by its SHA-256 (never at a "
        "path the ledger names) and verified trusted; a row never replaces one of the "
        "school's; every other row is kept apart in merged_rows with its reason. Sending "
        "the same ledger again changes nothing. The answer counts what happened per "
        "outcome and says it in words ('summary', in the page's language)."
    ),
    response_model=LedgerMerge,
    responses={
        **ERRORS,
        403: {"model": Error, "description": "No merge token, or a wrong one."},
        404: {"model": Error, "description": "This desk merges no ledger (no merge token)."},
        415: {"model": Error, "description": "Not an SQLite file (read from its bytes)."},
        422: {"model": Error, "description": "Not an artcharter ledger of a known schema."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "required": [FIELD],
                        "properties": {FIELD: {"type": "string", "format": "binary"}},
                    }
                }
            },
        }
    },
)
async def merge_ledger(request: Request) -> JSONResponse:
    desk = desk_of(request)
    config = desk.config
    lang = ui_lang(request)
    if not config.merges_ledgers:
        return refuse(request, 404, "err_merge_off")
    if not authorised(request.headers.get("authorization"), config.merge_token):
        response = refuse(request, 403, "err_merge_token")
        response.headers["www-authenticate"] = "Bearer"
        return response
    try:
        files = await read_files(
            request.headers.get("content-type"),
            request.stream(),
            max_file_bytes=config.max_upload_bytes,
            max_files=1,
        )
        name, data = files[0]
        check_ledger(name, data, config.max_upload_bytes)
        report = await desk.run(desk.merge_ledger, name, data)
    except ClientDisconnect:
        log.info("ledger upload cut off: the client disconnected (%s)", _peer(request))
        return JSONResponse({"detail": "client disconnected"}, status_code=400)
    except Rejected as exc:
        return JSONResponse({"detail": message(exc, lang)}, status_code=exc.status)
    except BadInput as exc:
        detail = exc.render(lang, lambda _: text("merge_field", lang))
        return JSONResponse({"detail": detail}, status_code=422)
    log.info("ledger %s merged (%s): %s", report.source, _peer(request), report.artworks)
    return JSONResponse({**report.to_dict(), "summary": summary(report, lang)})


@router.get(
    "/uploads/{token}",
    summary="A file dropped earlier",
    description="The result of an upload the desk still holds (the page uses it to redraw "
    "its table in another language).",
    response_model=FileResult,
    responses={404: {"model": Error}},
)
async def upload(request: Request, token: str, lang: Lang | None = LANG_QUERY) -> JSONResponse:
    held = desk_of(request).held.get(token, session_of(request))
    if held is None:
        return refuse(request, 404, "err_unknown_upload", token=token[:40])
    return JSONResponse(result_json(held, lang))


@router.delete(
    "/uploads/{token}",
    summary="Forget a dropped file",
    description="The desk drops the file from memory. A kept file stays on disk.",
    response_model=Forgotten,
)
async def forget(request: Request, token: str) -> JSONResponse:
    return JSONResponse(
        {"forgotten": int(desk_of(request).held.forget(token, session_of(request)))}
    )


@router.delete(
    "/uploads",
    summary="Forget every file this browser dropped",
    description="The desk drops from memory every file this browser session dropped (other "
    "jury members' files stay). Kept files stay on disk.",
    response_model=Forgotten,
)
async def forget_all(request: Request) -> JSONResponse:
    forgotten = desk_of(request).held.forget_session(session_of(request))
    trim()  # the forgotten files' memory goes back to the system
    return JSONResponse({"forgotten": forgotten})


@router.get(
    "/artworks/{artwork_id}",
    summary="An artwork's record from the ledger",
    description="What the ledger holds about a signed artwork (the visitor's page in JSON). "
    "A private prompt is left out; a discarded generation is not found.",
    response_model=Artwork,
    responses={404: {"model": Error}},
)
async def artwork(
    request: Request, artwork_id: str, lang: Lang | None = LANG_QUERY
) -> JSONResponse:
    desk = desk_of(request)
    if desk.config.ledger_path is None:
        return refuse(request, 404, "err_no_ledger")
    entry = await desk.run(desk.artwork, artwork_id)
    if entry is None:
        return refuse(request, 404, "err_unknown_artwork", id=artwork_id[:80])
    has_image = await desk.run(desk.artwork_file, entry) is not None
    return JSONResponse(artwork_json(entry, lang, has_image))


@router.get(
    "/desk",
    summary="How this desk is set up",
    response_model=DeskInfo,
)
async def desk_info(request: Request) -> JSONResponse:
    desk = desk_of(request)
    config = desk.config
    return JSONResponse(
        {
            "trust": list(config.anchor_names),
            "ledger": str(config.ledger_path) if config.ledger_path else None,
            "keep_uploads": config.keep_uploads,
            "uploads_dir": str(config.uploads_dir) if config.uploads_dir else None,
            "max_upload_bytes": config.max_upload_bytes,
            "max_files_per_request": MAX_FILES_PER_REQUEST,
            "hold_seconds": config.hold_seconds,
            "charter": desk.charter.title(ui_lang(request)),
            "reports": desk.reports.available,
            "version": VERSION,
        }
    )
