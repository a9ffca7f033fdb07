"""The app factory: ``create_app(config)`` builds the jury desk's ASGI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from artcharter.provenance.version import VERSION
from artcharter.serve import api, pages, resolution
from artcharter.serve.config import DeskConfig
from artcharter.serve.desk import Desk
from artcharter.serve.guard import DeskGuard

DESCRIPTION = (
    "The artcharter jury desk: drop images, read who signed them, whether they changed "
    "since, how much was made by AI, their energy and their charter result. Every text a "
    "person reads comes in French and English. Runs offline; verifications are recorded in "
    "the project's ledger when the desk has one."
)


def create_app(config: DeskConfig) -> FastAPI:
    desk = Desk(config)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        desk.start()
        try:
            yield
        finally:
            # Discarded uploads leave with the process: memory cleared, scratch folder gone.
            desk.stop()

    app = FastAPI(
        title="artcharter jury desk",
        version=VERSION,
        description=DESCRIPTION,
        # FastAPI's /docs and /redoc load their scripts from a CDN: the desk serves its own
        # offline /docs page instead (pages.api_docs).
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.desk = desk
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(resolution.router)
    app.mount("/static", StaticFiles(packages=[("artcharter.serve", "static")]), name="static")
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _server_error)
    app.add_middleware(
        DeskGuard,
        allowed_hosts=config.allowed_hosts,
        max_body=config.max_request_bytes,
        lang=config.lang,
        max_inflight=config.inflight_bytes,
        body_grace=config.body_grace,
        min_body_rate=config.min_body_rate,
        admission_wait=config.admission_wait,
    )
    return app


async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    """One readable line instead of pydantic's list, which stays under ``errors``."""
    parts = []
    for error in exc.errors():
        where = " ".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {error.get('msg', 'invalid')}" if where else error.get("msg", ""))
    return JSONResponse(
        {"detail": "; ".join(parts) or "invalid request", "errors": _plain(exc.errors())},
        status_code=422,
    )


async def _server_error(_: Request, exc: Exception) -> JSONResponse:
    """A bug answers in one line too (the traceback goes to the desk's log)."""
    first = (str(exc).strip().splitlines() or [""])[0][:200]
    detail = f"internal error: {type(exc).__name__}" + (f": {first}" if first else "")
    return JSONResponse({"detail": detail}, status_code=500)


def _plain(errors: object) -> object:
    import json

    return json.loads(json.dumps(errors, default=str))
