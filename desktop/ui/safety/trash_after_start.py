"""Emptying the trash kept for Undo (store/trash_emptying.py) once the window is up, on a
worker thread a while after start, so start-up and the UI thread pay nothing for it."""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from desktop.store.trash_emptying import KEPT_FOR_UNDO, Emptied, empty_old_trash

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def empty_trash(window: MainWindow) -> Future[Any]:
    """Remove what was deleted more than KEPT_FOR_UNDO ago. A failure (the file locked, the disk
    full) is left for the next start: nothing the user asked for is waiting on it."""
    context = window.context
    now = context.now()

    def done(emptied: Emptied) -> None:
        removed = emptied.entries + emptied.stories
        if removed:
            window.statusBar().showMessage(_said(emptied), 8000)

    return context.perform_on_worker(
        lambda session: empty_old_trash(session=session, now=now),
        "emptying the trash",
        owner=window,
        then=done,
        failed=lambda _error: None,
    )


def _said(emptied: Emptied) -> str:
    parts = [
        f"{count} {one if count == 1 else many}"
        for count, one, many in (
            (emptied.entries, "journal entry", "journal entries"),
            (emptied.stories, "story", "stories"),
        )
        if count
    ]
    days = KEPT_FOR_UNDO.days
    return f"Removed for good: {' and '.join(parts)} deleted more than {days} days ago."
