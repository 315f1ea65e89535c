"""Cancelling an import: the user's Cancel (or Ctrl+C) is honoured at the next progress report,
by raising ImportCancelled there. Every report of a write comes before its commit, so the
transaction rolls back and nothing from the file is added; once the last report has gone by,
the import finishes as if Cancel had come too late."""

from __future__ import annotations

import threading

from desktop.store.transfer.progress_report import Progress

CANCELLED = "Import cancelled; nothing was added."


class ImportCancelled(Exception):
    """The user cancelled the import before it was committed: nothing was added."""

    def __init__(self) -> None:
        super().__init__(CANCELLED)


class CancelSwitch:
    """Set from the UI thread (or a signal handler), read on the worker thread."""

    def __init__(self) -> None:
        self._set = threading.Event()

    def cancel(self) -> None:
        self._set.set()

    @property
    def cancelled(self) -> bool:
        return self._set.is_set()

    def watching(self, progress: Progress) -> Progress:
        """`progress`, raising ImportCancelled at its first report after cancel()."""

        def report(step: str, done: int, total: int) -> None:
            if self._set.is_set():
                raise ImportCancelled
            progress(step, done, total)

        return report
