"""Hand memory freed by a long read back to the system, where the C library allows it."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from functools import cache

YOUNG_GENERATIONS = 1  # gc.collect(1): generations 0 and 1, never the oldest


@cache
def _trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None elsewhere (macOS and Windows give pages back themselves,
    and musl has no such call)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here, not at start: about 1.5 MiB that only leaving a long period needs
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def give_freed_memory_back() -> None:
    """After a long read's objects are let go: collect what is left of them, then let the C
    library return its free pages. Python keeps its own small-object arenas while anything
    in them lives, but the large blocks (the read's maps and lists, Qt's chart data) are the
    C library's, which keeps freed pages for reuse unless asked (about 3 MiB after Trends'
    "Everything" on ten years of practice).

    Only the young generations are collected: the read's records go by reference counting,
    and a full collection walks every object the app holds (90 to 140 ms on the UI thread
    with ten years of data, for the same memory given back)."""
    gc.collect(YOUNG_GENERATIONS)
    trim = _trim()
    if trim is not None:
        trim(0)
