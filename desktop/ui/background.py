"""Slow work off the UI thread, with its result handed back on the UI thread."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal


class _Bridge(QObject):
    # A signal emitted from a worker thread is delivered on the thread the bridge lives on
    # (the UI thread), so the callbacks may touch widgets.
    finished = Signal(object)


class Workers:
    """The app's worker threads (previews, searches, long reads, backups, imports): never more
    than two at once. Owned by the AppContext, so each window (and each test) has its own."""

    def __init__(self, max_workers: int = 2) -> None:
        self._pool = ThreadPoolExecutor(max_workers, thread_name_prefix="loopwise-background")
        # Work submitted and not finished yet: a restore waits for it before closing the database.
        self._in_flight: set[Future[Any]] = set()
        self._lock = threading.Lock()
        self._closed = False

    def run(
        self,
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
        if self._closed:  # the window is closing: a late timer's work is not wanted now
            dropped: Future[Any] = Future()
            dropped.cancel()
            return dropped
        bridge = _Bridge(owner)

        def deliver(future: object) -> None:
            assert isinstance(future, Future)
            if future.cancelled():  # dropped when the window closed: nobody waits for it
                bridge.deleteLater()
                return
            error = future.exception()
            if error is None:
                on_success(future.result())
            elif on_failure is not None:
                on_failure(error)
            bridge.deleteLater()

        # Queued even when the work is done before `run` returns (the done-callback then runs
        # here, on the UI thread): the result always arrives through the event loop, after
        # the caller has finished what it does next.
        bridge.finished.connect(deliver, Qt.ConnectionType.QueuedConnection)
        future = self._pool.submit(work)
        with self._lock:
            self._in_flight.add(future)
        future.add_done_callback(self._forget)
        future.add_done_callback(lambda done: _emit_if_alive(bridge, done))
        return future

    def wait_until_idle(self, timeout_seconds: float) -> bool:
        """Block until the work started so far has finished; False if some is still running.

        Called on the UI thread before the database is swapped, so no worker still reads it.
        The results are still handed back later, through the event loop, as usual.
        """
        with self._lock:
            running = list(self._in_flight)
        return not wait(running, timeout=timeout_seconds).not_done

    def shut_down(self) -> None:
        """Let the threads end once their work is done (the window is closing)."""
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _forget(self, done: Future[Any]) -> None:
        with self._lock:
            self._in_flight.discard(done)


def _emit_if_alive(bridge: _Bridge, done: Future[Any]) -> None:
    # If the owner was closed it took the bridge with it: nobody is waiting for the result.
    with contextlib.suppress(RuntimeError):
        bridge.finished.emit(done)
