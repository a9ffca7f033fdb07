"""`artcharter tsa serve`: the school's time-stamp authority over HTTP (RFC 3161 section 3.4).

A POST of an ``application/timestamp-query`` body gets an ``application/timestamp-reply``;
``GET /crl`` gives the school's revocation list (DER), so that the one small server a
school runs also publishes it. The standard library's threaded server is enough: a reply
is one OpenSSL call of a few milliseconds, and signing makes one request per file.
"""

from __future__ import annotations

import logging
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from artcharter.base.errors import ArtcharterError
from artcharter.provenance.tsa import (
    MAX_QUERY_BYTES,
    QUERY_TYPE,
    REPLY_TYPE,
    SYSTEM_FAILURE,
    Refused,
    TimeStampAuthority,
    rejection,
)

log = logging.getLogger("artcharter.tsa")


def make_server(
    authority: TimeStampAuthority, host: str, port: int, crl_path: Path | None = None
) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (0: any free port), not yet serving."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "artcharter-tsa"
        sys_version = ""

        def log_message(self, format: str, *args: object) -> None:
            log.info("%s " + format, self.address_string(), *args)

        def _send(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            if self.path.split("?")[0] == "/crl" and crl_path is not None and crl_path.exists():
                from cryptography import x509
                from cryptography.hazmat.primitives.serialization import Encoding

                crl = x509.load_pem_x509_crl(crl_path.read_bytes())
                self._send(200, crl.public_bytes(Encoding.DER), "application/pkix-crl")
                return
            self._send(
                405 if self.path.split("?")[0] == "/" else 404,
                b"POST an RFC 3161 time-stamp query (application/timestamp-query)\n",
                "text/plain; charset=utf-8",
            )

        def do_POST(self) -> None:
            content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            try:
                length = int(self.headers.get("Content-Length") or "-1")
            except ValueError:
                length = -1
            if length < 0 or length > MAX_QUERY_BYTES:
                body = rejection("time-stamp query refused: missing or too large body", b"")
                self._send(413 if length > 0 else 411, body, REPLY_TYPE)
                return
            query = self.rfile.read(length)
            if content_type != QUERY_TYPE:
                reason = f"time-stamp query refused: content type must be {QUERY_TYPE}"
                self._send(415, rejection(reason, b""), REPLY_TYPE)
                return
            try:
                reply = authority.reply(query)
            except Refused as exc:
                log.warning("refused: %s", exc.reason)
                self._send(400, rejection(exc.reason, exc.fail_info), REPLY_TYPE)
                return
            except ArtcharterError as exc:
                log.error("%s", exc)
                self._send(500, rejection(str(exc), SYSTEM_FAILURE), REPLY_TYPE)
                return
            self._send(200, reply, REPLY_TYPE)

    return ThreadingHTTPServer((host, port), Handler)
