"""How far an import or an export has got, told to whoever shows it (a bar in the window, a
line on the command line) without the store knowing which."""

from __future__ import annotations

from typing import Protocol

# The steps, as the user reads them next to the bar.
READING = "Reading the file"
CHECKING = "Checking the records"
COMPARING = "Comparing them with your data"
BACKING_UP = "Backing up your data"
WRITING = "Writing your data"
EXPORTING = "Exporting your data"

REPORT_EVERY = 2_000  # records between two reports: often enough for a smooth bar, cheap


class Progress(Protocol):
    """`done` of `total` units of `step` are done (`done == total` when it is finished)."""

    def __call__(self, step: str, done: int, total: int) -> None: ...


def quiet(step: str, done: int, total: int) -> None:
    """For callers that show no progress."""
