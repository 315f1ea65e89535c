"""Ctrl+C on the command line while an import runs: cancel it at its next progress report.

Left to Python, Ctrl+C raises KeyboardInterrupt wherever the program is, even half-way through
a commit, after which no one could say truly whether the import went in. Here it only sets the
import's CancelSwitch; the import stops at its next report and rolls back (ImportCancelled), or,
if the last report has gone by, finishes and says so.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.store.transfer.cancelling import CancelSwitch

# The exit code of a command stopped by Ctrl+C (128 + SIGINT), as shells report it.
INTERRUPTED = 130


@contextmanager
def ctrl_c_cancels(switch: CancelSwitch) -> Iterator[None]:
    """For the block, Ctrl+C (SIGINT) cancels through `switch` instead of interrupting."""

    def cancel(_signal: int, _frame: object) -> None:
        if not switch.cancelled and sys.stderr.isatty():
            # On a line of its own: the progress line may be on show.
            sys.stderr.write("\nCancelling the import…\n")
            sys.stderr.flush()
        switch.cancel()

    with _handling(cancel):
        yield


@contextmanager
def ctrl_c_interrupts() -> Iterator[None]:
    """For the block (a question, when nothing is being written), Ctrl+C interrupts as
    usual: KeyboardInterrupt."""
    with _handling(signal.default_int_handler):
        yield


@contextmanager
def _handling(handler: Callable[[int, Any], Any]) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set a handler; the one there stays
        return
    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
