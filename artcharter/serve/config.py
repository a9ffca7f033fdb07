"""How a jury desk is set up: trust, charter, ledger, what happens to uploads, limits.

Plain data, built by the ``serve`` command (or a test) and handed to ``create_app``.
"""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass, field
from pathlib import Path

MIB = 1024 * 1024
DEFAULT_MAX_UPLOAD_MB = 50
# A request may carry many files, but not more than this many files' worth of bytes: the
# page sends one file per request, and a script can always send a folder in parts.
REQUEST_FILES_WORTH = 10
MAX_FILES_PER_REQUEST = 100
# Uploads that are not kept are held in memory only, for the table's thumbnails and
# reports; these bounds keep the server's memory flat however many files a jury drops.
HOLD_COUNT = 500
HOLD_BYTES = 256 * MIB
HOLD_SECONDS = 60 * 60
# Request bodies being received, all together: more waits for room (see serve.guard).
INFLIGHT_FILES_WORTH = 1
# Files larger than this are verified one at a time: c2pa-rs holds two copies of a file it
# reads and Pillow decodes its pixels, so two 20 MB uploads verified side by side added
# some 120 MB on top of their bodies (benchmarks/desk_flood_bench.py). Smaller files are
# verified in parallel, on every core.
VERIFY_ALONE_BYTES = 8 * MIB
# A body must keep coming at MIN_BODY_RATE on average once BODY_GRACE_S have passed (a
# sender trickling a byte every few seconds is cut off); a request waits at most
# ADMISSION_WAIT_S for room among the bytes in flight (then 503).
BODY_GRACE_S = 10.0
MIN_BODY_RATE = 16 * 1024
ADMISSION_WAIT_S = 300.0
LOOPBACK_NAMES = ("localhost",)


@dataclass(frozen=True)
class DeskConfig:
    anchors: tuple[str, ...] = ()
    # Who each trust anchor is, for the page ("ESAD Exemple"): not used to verify.
    anchor_names: tuple[str, ...] = ()
    charter_path: Path | None = None
    # None: verifications are not recorded (no project).
    ledger_path: Path | None = None
    # None: uploads are discarded (held in memory only); else they are kept in this folder.
    uploads_dir: Path | None = None
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_MB * MIB
    # Another limit for a kind of work ("video", "sound", "document"): a film is larger
    # than a still. A kind not named here has ``max_upload_bytes``.
    max_bytes_by_kind: dict[str, int] = field(default_factory=dict)
    # The desk's language, the project's: pages start in it whatever the browser's, and
    # the switch on the page is remembered. "": none chosen, pages follow the browser.
    lang: str = ""
    project_name: str = ""
    # Host headers accepted; empty = any. A loopback desk accepts only loopback names, so
    # that a web page cannot reach it through DNS rebinding.
    allowed_hosts: tuple[str, ...] = field(default_factory=tuple)
    hold_count: int = HOLD_COUNT
    hold_bytes: int = HOLD_BYTES
    hold_seconds: int = HOLD_SECONDS
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    body_grace: float = BODY_GRACE_S
    min_body_rate: int = MIN_BODY_RATE
    admission_wait: float = ADMISSION_WAIT_S
    max_inflight_bytes: int | None = None  # None: INFLIGHT_FILES_WORTH files' worth
    verify_alone_bytes: int = VERIFY_ALONE_BYTES
    # The school's secret for uploading a workstation's ledger (serve --merge-token-file);
    # None: the desk merges no ledger. Never shown (repr=False keeps it out of logs).
    merge_token: str | None = field(default=None, repr=False)

    @property
    def merges_ledgers(self) -> bool:
        return self.merge_token is not None and self.ledger_path is not None

    @property
    def inflight_bytes(self) -> int:
        if self.max_inflight_bytes is not None:
            return self.max_inflight_bytes
        return self.max_upload_bytes * INFLIGHT_FILES_WORTH + 64 * 1024

    @property
    def keep_uploads(self) -> bool:
        return self.uploads_dir is not None

    def limit_for(self, kind: str) -> int:
        """The largest file of this kind the desk accepts, in bytes."""
        return self.max_bytes_by_kind.get(kind, self.max_upload_bytes)

    @property
    def largest_upload_bytes(self) -> int:
        """The largest file of any kind: what a request is read up to before its type is
        known."""
        return max([self.max_upload_bytes, *self.max_bytes_by_kind.values()])

    @property
    def max_request_bytes(self) -> int:
        # Multipart headers and boundaries add a little to every file.
        return self.largest_upload_bytes * REQUEST_FILES_WORTH + 64 * 1024


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def loopback_hosts(host: str, port: int) -> tuple[str, ...]:
    """Host header values a loopback desk answers to (with and without the port)."""
    names = {"127.0.0.1", "localhost", "[::1]", host if ":" not in host else f"[{host}]"}
    return tuple(sorted(names | {f"{name}:{port}" for name in names}))
