"""The files a desk holds while the jury looks at them, bounded in count, bytes and time.

A dropped file is needed after its verification only to show its thumbnail and report.
When uploads are discarded, its bytes stay here, in memory, never on disk; the least
recently seen files are forgotten first once a bound is reached, and any file unseen for
``max_seconds`` is forgotten. When uploads are kept, an entry points at the kept file.
"""

from __future__ import annotations

import secrets
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from artcharter.provenance.verify import Verification

# What an entry costs besides its bytes (verification dict, record): a rough, safe figure.
ENTRY_OVERHEAD = 64 * 1024


@dataclass
class Held:
    token: str
    name: str
    sha256: str
    format: str
    size: int
    verification: Verification
    # The charter check: the room's object (for the report) and its plain summary.
    artwork_check: Any = None
    check: dict[str, Any] | None = None
    check_error: str | None = None
    data: bytes | None = None
    path: Path | None = None
    thumbnail: bytes | None = None
    # The artwork of the desk's ledger this file joins (by its hash, or a trusted signature
    # of the artist the row names): its visitor's page exists. Never a claimed id alone.
    ledger_artwork_id: str | None = None
    # The browser session that dropped it (artcharter.serve.guard): only it sees the file.
    session: str = ""
    seen_at: float = field(default_factory=time.monotonic)

    @property
    def cost(self) -> int:
        # The memory the buffers take (a received bytearray keeps some room to grow).
        data = sys.getsizeof(self.data) if self.data is not None else 0
        return ENTRY_OVERHEAD + data + len(self.thumbnail or b"")

    def read(self) -> bytes | None:
        """The file's bytes, or None if a kept file has gone from disk."""
        if self.data is not None:
            return self.data
        if self.path is not None:
            try:
                return self.path.read_bytes()
            except OSError:
                return None
        return None


def new_token() -> str:
    # Unguessable: a desk reachable from the network must not hand files to whoever counts.
    return secrets.token_urlsafe(12)


class HeldFiles:
    """Thread-safe: verification threads add, request handlers read and forget."""

    def __init__(
        self,
        max_count: int,
        max_bytes: int,
        max_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_count = max_count
        self.max_bytes = max_bytes
        self.max_seconds = max_seconds
        self._clock = clock
        self._items: OrderedDict[str, Held] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)

    @property
    def bytes(self) -> int:
        with self._lock:
            return self._bytes

    def add(self, held: Held) -> None:
        with self._lock:
            held.seen_at = self._clock()
            self._items[held.token] = held
            self._bytes += held.cost
            self._evict()

    def get(self, token: str, session: str) -> Held | None:
        """The file ``token`` names, if ``session`` dropped it (another jury browser
        holding the token learns nothing)."""
        with self._lock:
            self._evict()
            held = self._items.get(token)
            if held is not None and held.session != session:
                return None
            if held is not None:
                held.seen_at = self._clock()
                self._items.move_to_end(token)
            return held

    def set_thumbnail(self, held: Held, thumbnail: bytes) -> None:
        with self._lock:
            if self._items.get(held.token) is not held or held.thumbnail is not None:
                return
            held.thumbnail = thumbnail
            self._bytes += len(thumbnail)
            self._evict()

    def forget(self, token: str, session: str) -> bool:
        with self._lock:
            held = self._items.get(token)
            if held is None or held.session != session:
                return False
            del self._items[token]
            self._bytes -= held.cost
            return True

    def forget_session(self, session: str) -> int:
        """Forget every file ``session`` dropped; other browsers' files stay."""
        with self._lock:
            mine = [t for t, h in self._items.items() if h.session == session]
            for token in mine:
                self._bytes -= self._items.pop(token).cost
            return len(mine)

    def clear(self) -> int:
        with self._lock:
            count = len(self._items)
            self._items.clear()
            self._bytes = 0
            return count

    def _evict(self) -> None:
        """Forget what is too old, then the least recently seen until within bounds."""
        now = self._clock()
        while self._items:
            token, oldest = next(iter(self._items.items()))
            stale = now - oldest.seen_at > self.max_seconds
            if not (stale or len(self._items) > self.max_count or self._bytes > self.max_bytes):
                break
            del self._items[token]
            self._bytes -= oldest.cost
