"""Slow work off the UI thread, with its result handed back on the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Bridge(QObject):
    # Signals cross threads safely: the slots run on the thread the bridge lives on (the UI).
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self._work = work
        self._bridge = bridge

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as error:  # handed to on_failure, never lost in the pool
            self._bridge.failed.emit(error)
        else:
            self._bridge.succeeded.emit(result)


def run_in_background(
    work: Callable[[], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    owner: QObject,
) -> None:
    """Run `work` on the shared thread pool; call back on the UI thread with its result.

    `work` must not touch widgets. `owner` keeps the callbacks alive and drops them if it
    is destroyed first (a closed page never receives a late result).
    """
    bridge = _Bridge(owner)
    bridge.succeeded.connect(on_success)
    bridge.succeeded.connect(bridge.deleteLater)
    if on_failure is not None:
        bridge.failed.connect(on_failure)
    bridge.failed.connect(bridge.deleteLater)
    QThreadPool.globalInstance().start(_Job(work, bridge))
