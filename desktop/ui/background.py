"""Slow work off the UI thread, with its result handed back on the UI thread."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QObject, Signal

# One small pool for the whole app: previews and searches, never more than two at once.
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="loopwise-background")
# Work submitted and not finished yet: a restore waits for it before closing the database.
_IN_FLIGHT: set[Future[Any]] = set()
_IN_FLIGHT_LOCK = threading.Lock()


class _Bridge(QObject):
    # A signal emitted from a worker thread is delivered on the thread the bridge lives on
    # (the UI thread), so the callbacks may touch widgets.
    finished = Signal(object)


def run_in_background(
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject,
) -> Future[Any]:
    """Run `work` on a worker thread; call back on the UI thread with its result.

    `work` must not touch widgets. `owner` keeps the callbacks alive and drops them if it
    is destroyed first (a closed page never receives a late result).
    """
    bridge = _Bridge(owner)

    def deliver(future: object) -> None:
        assert isinstance(future, Future)
        error = future.exception()
        if error is None:
            on_success(future.result())
        elif on_failure is not None:
            on_failure(error)
        bridge.deleteLater()

    bridge.finished.connect(deliver)
    future = _POOL.submit(work)
    with _IN_FLIGHT_LOCK:
        _IN_FLIGHT.add(future)
    future.add_done_callback(_forget)
    future.add_done_callback(lambda done: _emit_if_alive(bridge, done))
    return future


def wait_for_background_work(timeout_seconds: float) -> bool:
    """Block until the work started so far has finished; False if some is still running.

    Called on the UI thread before the database is swapped, so no worker still reads it.
    The results are still handed back later, through the event loop, as usual.
    """
    with _IN_FLIGHT_LOCK:
        running = list(_IN_FLIGHT)
    return not wait(running, timeout=timeout_seconds).not_done


def _forget(done: Future[Any]) -> None:
    with _IN_FLIGHT_LOCK:
        _IN_FLIGHT.discard(done)


def _emit_if_alive(bridge: _Bridge, done: Future[Any]) -> None:
    # If the owner was closed it took the bridge with it: nobody is waiting for the result.
    with contextlib.suppress(RuntimeError):
        bridge.finished.emit(done)
