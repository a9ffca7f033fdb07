"""Finish work on threads while the caller goes back to the device: a bounded, ordered queue.

Generation hands each image to ``Finishing.submit``: PNG encoding, metadata, signing and
the ledger write run on worker threads while the main thread starts the next batch. The
heavy parts release the GIL (zlib inside Pillow's encoder, c2pa's native code, sqlite and
the file's fsync), so on a GPU machine the device does not wait for them; on a CPU-only
one they share the cores with the model.

- Bounded: at most ``limit`` items wait or run, so memory stays flat and a slow disk
  slows the producer instead of filling memory.
- Ordered: results reach ``on_done`` in the order they were submitted, on the caller's
  thread (a CLI prints from it), as soon as the oldest is finished.
- Safe to stop: when the block ends with an exception (Ctrl-C, an error in the caller or
  in an item), the items already handed over are finished first, whole, and reported
  (unless ``on_done`` itself raised): they stand for images already made, whose energy
  was spent. A worker thread never gets
  a KeyboardInterrupt, so each item's own atomic publish (file and ledger rows together)
  is never cut in half; a SIGKILL leaves each item published whole or not at all.

Probe campaigns, series and cluster drivers can use the same unit for their own items.
"""

from __future__ import annotations

import collections
import contextlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from types import TracebackType
from typing import Any, Generic, TypeVar

T = TypeVar("T")


class Finishing(Generic[T]):
    """Use as a context manager; ``submit`` work, read ``done`` after the block."""

    def __init__(
        self,
        on_done: Callable[[T], None] | None = None,
        *,
        workers: int = 2,
        limit: int = 4,
        name: str = "artcharter-finish",
        keep: bool = True,
    ) -> None:
        """``keep=False``: results go to ``on_done`` only, ``done`` stays empty (a long
        series: memory stays flat)."""
        self._on_done = on_done
        self._limit = max(1, limit)
        self._pool = ThreadPoolExecutor(max(1, workers), thread_name_prefix=name)
        self._pending: collections.deque[Future[T]] = collections.deque()
        self.done: list[T] = []
        self._caller_stopped = False
        self._keep = keep

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> None:
        """Queue ``fn(*args, **kwargs)``; waits first while ``limit`` items are in flight.
        An item that failed raises its error here (or in ``finish``), in order."""
        while self._pending and self._pending[0].done():
            self._deliver(self._pending.popleft())
        while len(self._pending) >= self._limit:
            self._deliver(self._pending.popleft())
        self._pending.append(self._pool.submit(fn, *args, **kwargs))

    def finish(self) -> list[T]:
        """Wait for every item, delivering each in order; return all results."""
        while self._pending:
            self._deliver(self._pending.popleft())
        return self.done

    def _deliver(self, future: Future[T]) -> None:
        result = future.result()
        if self._keep:
            self.done.append(result)
        if self._on_done is not None and not self._caller_stopped:
            try:
                self._on_done(result)
            except BaseException:
                self._caller_stopped = True
                raise

    def _settle(self) -> None:
        """After an exception: let every queued item finish, report those that succeeded
        (unless the report itself raised: the caller asked to stop hearing of them).
        Their own errors, and the callback's, give way to the exception under way."""
        wait(self._pending)
        while self._pending:
            future = self._pending.popleft()
            if future.exception() is None:
                with contextlib.suppress(Exception):
                    self._deliver(future)

    def __enter__(self) -> Finishing[T]:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            if kind is None:
                self.finish()
            else:
                self._settle()
        except BaseException:
            self._settle()
            raise
        finally:
            self._pool.shutdown(wait=True)
