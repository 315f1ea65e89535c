"""Python's cyclic garbage collector paused while an import, an export or a long read (the
Trends page's) handles its records.

An import makes hundreds of thousands of objects (the parsed file, a record per row) and
keeps them all, so the collector ran again and again over the growing heap and found
nothing to free: it was half of an import's time. The records hold no reference cycles, so
nothing waits for the collector meanwhile; it runs again as soon as the work is done (the
last of two overlapping pieces of work turns it back on).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0  # pieces of work running with the collector paused
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()
