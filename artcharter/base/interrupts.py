"""Ctrl-C held back while something must not be cut in half."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold back Ctrl-C during the block and deliver it right after.

    Used around work that a KeyboardInterrupt would cut in the wrong place: a file being
    signed (c2pa calls back into Python while it reads and writes, and an exception raised
    in a ctypes callback is printed and swallowed: the run would go on), a group of
    ledger rows. Signals only reach the main thread; elsewhere the block runs as is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def hold(signum: int, frame: object) -> None:
        received.append(signum)

    previous = signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if received:
            if callable(previous):
                previous(signal.SIGINT, None)
            elif previous != signal.SIG_IGN:
                raise KeyboardInterrupt
