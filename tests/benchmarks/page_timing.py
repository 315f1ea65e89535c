"""Shared pieces of the page benchmarks: a themed QApplication, waiting for a worker while
timing how long the window stays unresponsive, memory in use, and medians."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

PAGE_SIZE = (1090, 780)  # a page's share of a 1280x800 window
STATM = Path("/proc/self/statm")


def application() -> Any:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.theme import Scheme, apply_theme

    app = QApplication.instance() or QApplication([])
    apply_theme(app, Scheme.LIGHT)  # type: ignore[arg-type]
    return app


def painted_after(widget: Any, began: float) -> float:
    """Show `widget` at a page's size, paint it as the app's pages are painted (on the next
    turn of the event loop), and give the seconds since `began`; then let it go."""
    from PySide6.QtWidgets import QApplication

    widget.resize(*PAGE_SIZE)
    widget.show()
    QApplication.processEvents()
    widget.grab()
    elapsed = time.perf_counter() - began
    widget.close()
    widget.deleteLater()
    return elapsed


def drain(app: Any) -> None:
    """Run what is posted (deferred deletes, late results) before the next run."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def wait_responsive(app: Any, done: Callable[[], bool], timeout_seconds: float = 30.0) -> float:
    """Turn the event loop until `done()`, as an idle window would; return the longest time
    one turn took (how long the window would have been unresponsive meanwhile), in seconds."""
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout_seconds
    longest = 0.0
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError("the page never finished its background read")
        began = time.perf_counter()
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        longest = max(longest, time.perf_counter() - began)
        time.sleep(0.001)  # an idle loop sleeps too; the worker needs the interpreter
    return longest


def rss_mib() -> float:
    """Memory the process holds now (resident set), in MiB; NaN where it cannot be read."""
    gc.collect()
    try:
        resident_pages = int(STATM.read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    import resource

    return resident_pages * resource.getpagesize() / 2**20


def median_ms(values: Sequence[float]) -> float:
    return statistics.median(values) * 1000


def verdict(median: float, target: float) -> str:
    return "met" if median <= target else "NOT met"
