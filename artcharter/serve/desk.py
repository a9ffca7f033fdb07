"""The desk's work, without HTTP: verify dropped files on worker threads, check them against
the charter, hold them while the jury looks, record the verifications in the ledger.

Verification is CPU work in c2pa's native code (which releases the GIL), so it runs on a
pool of one thread per core: the event loop only moves bytes, and many uploads verify in
parallel without starting processes.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from artcharter.base.hashing import sha256_hex
from artcharter.provenance.image_files import MIME_TYPES, detect_format
from artcharter.provenance.ledger import UPLOAD_NOTE, Ledger
from artcharter.provenance.ledger_merge import MergeReport
from artcharter.provenance.media_files import FORMATS
from artcharter.provenance.recovery import probable_matches
from artcharter.provenance.verify import ledger_row, verify_bytes
from artcharter.serve import integrations
from artcharter.serve.config import DeskConfig
from artcharter.serve.held import Held, HeldFiles, new_token
from artcharter.serve.ledger_upload import merge_upload
from artcharter.serve.memory import return_large_buffers
from artcharter.serve.thumbnails import thumbnail
from artcharter.serve.uploads import Accepted, check_upload, keep

log = logging.getLogger("artcharter.serve")


@dataclass(frozen=True)
class ArtworkEntry:
    """An artwork as the ledger knows it, for the visitor's page and the API."""

    row: dict[str, Any]
    record: dict[str, Any]  # the public record: a private prompt is left out
    verifications: list[dict[str, Any]]


class Desk:
    def __init__(self, config: DeskConfig) -> None:
        self.config = config
        self.held = HeldFiles(
            config.hold_count,
            max(config.hold_bytes, 2 * config.largest_upload_bytes),
            config.hold_seconds,
        )
        self.charter = integrations.Charter.load(config.charter_path)
        self.reports = integrations.Reports.load()
        self._pool: ThreadPoolExecutor | None = None
        # One large file verified at a time (config.VERIFY_ALONE_BYTES), per event loop:
        # a test may serve the same desk from several loops.
        self._one_large: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore]
        self._one_large = weakref.WeakKeyDictionary()
        # One ledger connection per worker thread: SQLite connections stay in the thread
        # that opened them, and opening one per upload would cost more than the write.
        self._local = threading.local()
        self._merging = threading.Lock()  # one workstation's ledger merged at a time

    # --- life cycle ----------------------------------------------------------------------

    def start(self) -> None:
        if self._pool is None:
            return_large_buffers()  # forgotten uploads give their memory back
            self._pool = ThreadPoolExecutor(
                max_workers=max(1, self.config.workers), thread_name_prefix="desk-verify"
            )

    def stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self.held.clear()

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run blocking work on the desk's pool, off the event loop."""
        self.start()
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def _ledger(self) -> Ledger | None:
        """This thread's connection to the ledger, or None when the desk has none."""
        if self.config.ledger_path is None:
            return None
        ledger = getattr(self._local, "ledger", None)
        if ledger is None:
            ledger = self._local.ledger = Ledger(self.config.ledger_path)
            # A desk commits one small transaction per upload; with the default FULL, each
            # waits for an fsync. In WAL mode NORMAL keeps the ledger consistent; a power
            # cut may lose the last verifications recorded, never corrupt the file.
            ledger.commit_without_waiting_for_disk()
        return ledger

    # --- uploads -------------------------------------------------------------------------

    def accept(self, name: str, data: bytes) -> Accepted:
        return check_upload(name, data, len(data), self.config.limit_for)

    async def verify_uploads(self, files: list[tuple[str, bytes]], session: str) -> list[Held]:
        """Check every file first (one refused file refuses the request: nothing is half
        done), then verify them in parallel, then record them in one ledger transaction."""
        accepted = [(self.accept(name, data), data) for name, data in files]
        held = await asyncio.gather(*(self._verify(a, d) for a, d in accepted))
        if self.config.ledger_path is not None:
            await self.run(self._record, list(held))
        for item in held:
            item.session = session
            self.held.add(item)
        return list(held)

    async def _verify(self, accepted: Accepted, data: bytes) -> Held:
        if len(data) <= self.config.verify_alone_bytes:
            return await self.run(self._verify_one, accepted, data)
        loop = asyncio.get_running_loop()
        async with self._one_large.setdefault(loop, asyncio.Semaphore(1)):
            return await self.run(self._verify_one, accepted, data)

    def _verify_one(self, accepted: Accepted, data: bytes) -> Held:
        digest = sha256_hex(data)
        path = None
        if self.config.uploads_dir is not None:
            path = keep(data, digest, accepted.format, self.config.uploads_dir)
        verification = verify_bytes(data, accepted.name, self.config.anchors)
        ledger = self._ledger()
        if verification.fingerprint and ledger is not None:
            # Probable originals of a stripped file, kept apart from its verdict. The
            # uploader is told where the desk serves the signed original, never the path
            # of the file on this server.
            found, _ = probable_matches(verification.fingerprint, ledger, ())
            verification.probable_matches = [
                {**m.to_dict(), "original": f"/sbr/v1/manifests/{m.artwork_id}"} for m in found
            ]
        check, check_error = None, None
        try:
            check = self.charter.check(verification, self._ledger(), self.config.lang or "en")
        except Exception as exc:
            # The verdict matters most: a charter check that breaks on one file must not
            # cost the jury its verdict. The row says so; the log keeps the traceback.
            log.exception("charter check of %s failed", accepted.name)
            check_error = f"{type(exc).__name__}: {exc}".splitlines()[0][:200]
        return Held(
            token=new_token(),
            name=accepted.name,
            sha256=digest,
            format=accepted.format,
            size=len(data),
            verification=verification,
            artwork_check=check,
            check=integrations.check_summary(check) if check is not None else None,
            check_error=check_error,
            data=None if path is not None else data,
            path=path,
        )

    def _record(self, held: list[Held]) -> None:
        rows = []
        for item in held:
            row = ledger_row(item.verification)
            # A discarded upload has no path: say where it came from instead of a made-up one.
            row["path"] = str(item.path) if item.path is not None else f"{UPLOAD_NOTE}{item.name}"
            rows.append(row)
        ledger = self._ledger()
        assert ledger is not None
        ledger.add_verifications(rows)
        for item in held:
            v = item.verification
            signer = v.signer.get("name") if v.artwork_id else None  # trusted only
            row = ledger.vouched_artwork(v.artwork_id, v.sha256, signer)
            if row is not None and row.get("status") != "discarded":
                item.ledger_artwork_id = row["artwork_id"]

    def merge_ledger(self, name: str, data: bytes) -> MergeReport:
        """A workstation's ledger into the desk's, as ``ledger merge`` does; its signed files
        are looked for among the kept uploads only (serve.ledger_upload)."""
        assert self.config.ledger_path is not None
        with self._merging:
            return merge_upload(
                self.config.ledger_path, data, name, self.config.anchors, self.config.uploads_dir
            )

    # --- what the pages ask for ----------------------------------------------------------

    async def thumbnail_of(self, held: Held) -> tuple[bytes, str] | None:
        if held.thumbnail is not None:
            return (held.thumbnail, _mime_of(held.thumbnail)) if held.thumbnail else None

        def make() -> tuple[bytes, str] | None:
            data = held.read()  # a kept file is read from disk: off the event loop too
            if data is not None and held.format in FORMATS:
                # A video, sound or document: its poster frame, waveform or first page.
                from artcharter.provenance.media_previews import preview

                data = preview(data, held.format)
            return thumbnail(data) if data is not None else None

        made = await self.run(make)
        # b"": the pixels cannot be decoded; remembered so that they are not tried again.
        self.held.set_thumbnail(held, made[0] if made is not None else b"")
        return made

    async def report_html(self, held: Held, lang: str) -> str | None:
        """The artwork's full report from the reports room, or None if it has none."""
        if not self.reports.available or held.artwork_check is None:
            return None

        def render() -> str | None:
            data = held.read()
            if data is None:
                return None
            return self.reports.render(
                held.artwork_check, data, self.charter.charter, self._ledger(), lang
            )

        return await self.run(render)

    def artwork(self, artwork_id: str) -> ArtworkEntry | None:
        """A signed or kept artwork of the ledger, by id or by the hash of its signed file
        (a discarded generation is not shown)."""
        if self.config.ledger_path is None or not self.config.ledger_path.exists():
            return None
        ledger = self._ledger()
        assert ledger is not None
        data = ledger.shown_artwork(artwork_id)
        if data is None:
            return None
        record = ledger.record_of(data).public().to_dict()
        verifications = ledger.recent_verifications(data["artwork_id"], limit=5)
        return ArtworkEntry(data, record, verifications)

    def artwork_file(self, entry: ArtworkEntry) -> tuple[bytes, str] | None:
        """The artwork's signed file (bytes, MIME type), if it is still on this machine and
        unchanged since the ledger recorded it: a visitor can check it with any C2PA tool."""
        try:
            data = Path(entry.row["path"]).read_bytes()
        except (OSError, TypeError, KeyError):
            return None
        fmt = detect_format(data)
        if fmt is None or sha256_hex(data) != entry.row.get("sha256"):
            return None
        return data, MIME_TYPES[fmt]


def _mime_of(data: bytes) -> str:
    return "image/png" if data.startswith(b"\x89PNG") else "image/jpeg"
