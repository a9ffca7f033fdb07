"""Give the memory of large uploads back to the system once they are forgotten.

glibc's malloc serves blocks of 128 KiB and more with their own mappings, returned to the
system when freed; but after the first such block is freed it raises that threshold to the
block's size (up to 32 MiB), so that later 20 MB uploads come from the heap, which it
keeps. Measured with benchmarks/desk_flood_bench.py: the desk stayed 42 % above its idle
memory after a flood had been forgotten, and 3 % above with the threshold fixed. Fixing it
(``mallopt(M_MMAP_THRESHOLD)``, as the ``MALLOC_MMAP_THRESHOLD_`` variable would) keeps
every upload buffer in its own mapping. Other C libraries: nothing to do.
"""

from __future__ import annotations

import ctypes
import ctypes.util

M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>
M_ARENA_MAX = -8
THRESHOLD = 256 * 1024
# Each thread that mallocs may get its own arena (up to 8 per core), and arenas keep what
# they once held: the desk's verification threads share two.
ARENAS = 2


def return_large_buffers() -> bool:
    """Fix glibc's mmap threshold for this process; False where there is no glibc."""
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        libc = ctypes.CDLL(name)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt(M_ARENA_MAX, ARENAS)
    return bool(mallopt(M_MMAP_THRESHOLD, THRESHOLD))


def trim() -> None:
    """Hand the heap's free pages back to the system (glibc ``malloc_trim``), once the
    jury has forgotten its files; elsewhere nothing."""
    name = ctypes.util.find_library("c")
    if name is None:
        return
    try:
        ctypes.CDLL(name).malloc_trim(0)
    except (OSError, AttributeError):
        return
