"""Slow work off the UI thread, with its result handed back on the UI thread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal

# One small pool for the whole app: previews and searches, never more than two at once.
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="loopwise-background")


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
    future.add_done_callback(lambda done: _emit_if_alive(bridge, done))
    return future


def _emit_if_alive(bridge: _Bridge, done: Future[Any]) -> None:
    # If the owner was closed it took the bridge with it: nobody is waiting for the result.
    with contextlib.suppress(RuntimeError):
        bridge.finished.emit(done)
