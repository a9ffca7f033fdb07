"""The HTML pages: the desk, a file's report, the visitor's page, the offline API page."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from artcharter.base.messages import render_text
from artcharter.base.numbers import (
    decimal_mark,
    fmt_date,
    fmt_energy,
    fmt_energy_method,
    fmt_mass_co2,
    fmt_size,
)
from artcharter.base.typography import typeset_html
from artcharter.provenance import verdicts
from artcharter.provenance.media_files import KINDS, mime_of
from artcharter.reports.i18n import maybe
from artcharter.serve.api import artwork_json, desk_of, result_json, session_of
from artcharter.serve.config import MAX_FILES_PER_REQUEST
from artcharter.serve.summary import VERDICT_TONES, ai_share_of_record
from artcharter.serve.texts import LANGS, TEXTS, field_label, text, words

router = APIRouter(include_in_schema=False)
log = logging.getLogger("artcharter.serve")

# The desk's page never runs a script it did not serve; a report (from the reports room)
# runs none at all and may only use its own inlined styles and images.
REPORT_CSP = (
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; font-src data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
LANG_COOKIE_AGE = 365 * 24 * 3600
# Texts the page's script needs (everything else is rendered on the server).
SCRIPT_TEXTS = (
    "verifying",
    "waiting",
    "rejected",
    "network_error",
    "open_report",
    "untitled",
    "none",
    "summary.one",
    "summary.other",
    "forget_one",
    "err_too_large",
    "err_not_image",
    "err_looks_like",
    "kind_text",
    "signed_by",
    "claimed",
    "claimed_author",
    "trusted_by",
    "expired",
    "col_title",
    "col_artist",
    "col_verdict",
    "col_ai",
    "col_energy",
    "col_charter",
    "col_report",
    "f_file",
    "f_organisation",
    "f_sha256",
    "csv_verdict_code",
    "csv_kwh",
    "csv_co2",
    "csv_artwork_id",
)


def _energy(energy: dict[str, Any] | None, lang: str) -> str:
    if not energy:
        return text("energy_not_recorded", lang)
    if energy.get("status") != "measured" or energy.get("kwh_total") is None:
        return text("energy_not_measured", lang)
    co2 = energy.get("kg_co2eq")
    return fmt_energy(energy["kwh_total"], lang) + (
        f" · {fmt_mass_co2(co2, lang)}" if co2 is not None else ""
    )


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def _field_value(value: Any, key: object, lang: str) -> Any:
    """A value of a record's nested table (under ``key``) in words when it is one of
    artcharter's codes: an input's role, a stage, a stage's share of AI, the training
    choice. A decimal number gets the reader's decimal mark; anything else is as it is."""
    if isinstance(value, float) and lang == "fr":
        return decimal_mark(repr(value), lang)
    if not isinstance(value, str):
        return value
    name = str(key)
    if name == "role":
        return maybe(f"role_{value}", lang) or value
    if name == "stage":
        return maybe(f"stage_{value}", lang) or value
    if maybe(f"stage_{name}", lang) is not None:  # a stage of the declared AI share
        return maybe(f"level_{value}", lang) or value
    if name == "training_mining" and f"training_{value}" in TEXTS:
        return text(f"training_{value}", lang)
    return value


def _ingredient_role(ingredient: dict[str, Any], lang: str) -> str:
    """An ingredient's role in words, as the artwork's report names it."""
    role = ingredient.get("role") or "other"
    key = "parentOf" if ingredient.get("relationship") == "parentOf" else role
    return maybe(f"role_{key}", lang) or str(role)


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("artcharter.serve", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        date=lambda iso, lang: fmt_date(iso, lang),
        energy=_energy,
        filesize=fmt_size,
        field_label=field_label,
        field_value=_field_value,
        ingredient_role=_ingredient_role,
        energy_method=fmt_energy_method,
        compact=_compact,
        ai_share=ai_share_of_record,
    )
    return env


TEMPLATES = _environment()


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = request.state.lang
    other = "en" if lang == "fr" else "fr"
    html = TEMPLATES.get_template(template).render(
        lang=lang,
        other_lang=other,
        t=words(lang),
        switch_url=f"{request.url.path}?lang={other}",
        **context,
    )
    response = HTMLResponse(typeset_html(html, lang), status_code=status)
    asked = request.query_params.get("lang")
    if asked in LANGS:
        response.set_cookie("lang", asked, max_age=LANG_COOKIE_AGE, samesite="lax", httponly=True)
    return response


def not_found(request: Request, key: str, **values: object) -> HTMLResponse:
    lang = request.state.lang
    return page(
        request,
        "error.html",
        404,
        heading=text("not_found", lang),
        detail=text(key, lang, **values),
    )


@router.get("/", response_class=HTMLResponse)
async def desk_page(request: Request) -> HTMLResponse:
    desk = desk_of(request)
    config = desk.config
    lang = request.state.lang
    return page(
        request,
        "desk.html",
        project_name=config.project_name if config.ledger_path else "",
        trust=list(config.anchor_names),
        ledger=str(config.ledger_path) if config.ledger_path else None,
        uploads_dir=str(config.uploads_dir) if config.uploads_dir else None,
        hold_minutes=config.hold_seconds // 60,
        charter_name=desk.charter.title(lang),
        charter_available=desk.charter.available,
        limits={kind: fmt_size(config.limit_for(kind), lang) for kind in KINDS},
        merges=config.merges_ledgers,
        page_data={
            "lang": lang,
            "maxBytes": config.largest_upload_bytes,
            "maxLabel": fmt_size(config.max_upload_bytes, lang),
            "maxFiles": MAX_FILES_PER_REQUEST,
            "texts": {key: TEXTS[key][lang] for key in SCRIPT_TEXTS},
        },
    )


@router.get("/ledger", response_class=HTMLResponse)
async def ledger_page(request: Request) -> HTMLResponse:
    """The school's page for merging a workstation's ledger (POST /api/ledger)."""
    if not desk_of(request).config.merges_ledgers:
        return not_found(request, "err_merge_off")
    lang = request.state.lang
    return page(
        request,
        "ledger.html",
        page_data={
            "lang": lang,
            "sending": text("merge_sending", lang),
            "network_error": text("network_error", lang),
        },
    )


@router.get("/r/{token}", response_class=HTMLResponse)
async def report(request: Request, token: str) -> HTMLResponse:
    desk = desk_of(request)
    held = desk.held.get(token, session_of(request))
    lang = request.state.lang
    if held is None:
        return page(
            request,
            "error.html",
            404,
            heading=text("not_found", lang),
            detail=text("expired", lang),
        )
    try:
        html = await desk.report_html(held, lang)
    except Exception:
        # A report that fails to render must not cost the jury the verdict: show the
        # verification in detail instead, and leave the traceback in the desk's log.
        log.exception("report of %s failed; showing the verification instead", held.name)
        html = None
    if html is not None:
        response = HTMLResponse(html)
        response.headers["content-security-policy"] = REPORT_CSP
        return response
    v = held.verification
    return page(
        request,
        "details.html",
        held=held,
        row=result_json(held, None),
        v=v,
        error=render_text(v.error, lang),
    )


def _image(data: bytes, mime: str, cache: str = "private, max-age=3600") -> Response:
    return Response(data, media_type=mime, headers={"cache-control": cache})


# Shown for a file whose pixels cannot be decoded (damaged, or changed after signing).
NO_PREVIEW = (
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72">'
    b'<rect width="72" height="72" fill="#eceef3"/>'
    b'<path d="M22 50 50 22M22 22l28 28" stroke="#9aa3b8" stroke-width="4"/></svg>'
)


@router.get("/u/{token}/thumb")
async def upload_thumbnail(request: Request, token: str) -> Response:
    desk = desk_of(request)
    held = desk.held.get(token, session_of(request))
    if held is None:
        return Response(status_code=404)
    made = await desk.thumbnail_of(held)
    if made is None:
        return Response(NO_PREVIEW, media_type="image/svg+xml", headers={"x-preview": "none"})
    return _image(*made)


@router.get("/u/{token}/file")
async def upload_file(request: Request, token: str) -> Response:
    desk = desk_of(request)
    held = desk.held.get(token, session_of(request))
    data = await desk.run(held.read) if held is not None else None
    if held is None or data is None:
        return Response(status_code=404)
    return _image(data, mime_of(held.format), "private, no-store")


@router.get("/a", response_class=HTMLResponse)
async def visitor_from_cartel(
    request: Request, id: str | None = None, sha256: str | None = None
) -> Response:
    """Where a cartel's QR code leads (`artcharter cartel --verify-url URL/a` makes
    links ``URL/a?id=...&sha256=...``): the artwork's page, found by id or by file hash."""
    desk = desk_of(request)
    if desk.config.ledger_path is None:
        return not_found(request, "err_no_ledger")
    key = id or sha256 or ""
    entry = await desk.run(desk.artwork, key) if key else None
    if entry is None and sha256 and id:
        entry = await desk.run(desk.artwork, sha256)
    if entry is None:
        return not_found(request, "err_unknown_artwork", id=key[:80])
    target = f"/a/{quote(entry.row['artwork_id'])}"
    if sha256:
        target += "?" + urlencode({"sha256": sha256})
    return RedirectResponse(target, status_code=303)


@router.get("/a/{artwork_id}", response_class=HTMLResponse)
async def visitor_page(
    request: Request, artwork_id: str, sha256: str | None = None
) -> HTMLResponse:
    desk = desk_of(request)
    if desk.config.ledger_path is None:
        return not_found(request, "err_no_ledger")
    entry = await desk.run(desk.artwork, artwork_id)
    if entry is None:
        return not_found(request, "err_unknown_artwork", id=artwork_id[:80])
    has_image = await desk.run(desk.artwork_file, entry) is not None
    data = artwork_json(entry, None, has_image)
    lang = request.state.lang
    return page(
        request,
        "visitor.html",
        record=data["record"],
        artwork_status=data["status"],
        sha256=data["sha256"],
        image_url=data["image_url"],
        verifications=data["verifications"],
        tones=VERDICT_TONES,
        verdict_titles={v: verdicts.title(v, lang) for v in verdicts.VERDICTS},
        # The QR code names a file: say so if it is not the one the ledger recorded.
        hash_mismatch=bool(sha256) and sha256 != data["sha256"],
    )


@router.get("/a/{artwork_id}/image")
async def visitor_image(request: Request, artwork_id: str) -> Response:
    desk = desk_of(request)
    entry = await desk.run(desk.artwork, artwork_id)
    found = await desk.run(desk.artwork_file, entry) if entry is not None else None
    if found is None:
        return Response(status_code=404)
    return _image(*found, "public, max-age=300")


@router.get("/docs", response_class=HTMLResponse)
async def api_docs(request: Request) -> HTMLResponse:
    """FastAPI's own docs page loads its scripts from a CDN; this one works offline."""
    return page(request, "docs.html", operations=operations(request.app.openapi()))


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            responses = []
            for code, r in op.get("responses", {}).items():
                content = (r.get("content") or {}).get("application/json") or {}
                ref = (content.get("schema") or {}).get("$ref", "")
                responses.append(
                    (
                        code,
                        {"description": r.get("description", ""), "schema": ref.rsplit("/", 1)[-1]},
                    )
                )
            found.append(
                {
                    "id": op.get("operationId", f"{method}-{path}"),
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": op.get("parameters", []),
                    "body": [
                        (kind, list((body.get("schema") or {}).get("properties", {}).items()))
                        for kind, body in (op.get("requestBody") or {}).get("content", {}).items()
                    ],
                    "responses": responses,
                }
            )
    return found


@router.get("/favicon.ico")
async def favicon() -> Response:
    icon = Path(__file__).with_name("static") / "icon.svg"
    return Response(icon.read_bytes(), media_type="image/svg+xml")
