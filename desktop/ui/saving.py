"""One user action written, or the user told why it could not be: the shape every page's
buttons share (delete, undo, create), so none of them handles WriteFailed on its own."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget
from sqlmodel import Session

from desktop.store.errors import WriteFailed
from desktop.ui.context import AppContext
from desktop.ui.widgets import dialogs

_NOT_SAVED = object()


def saved_or_told(
    context: AppContext, parent: QWidget | None, subject: str, change: Callable[[Session], object]
) -> bool:
    """Write `change` in one session. True once committed; otherwise the user is told that
    `subject` (such as "Deleting the story") could not be saved, and why."""
    return _write(context, parent, subject, change) is not _NOT_SAVED


def created_or_told(
    context: AppContext, parent: QWidget | None, subject: str, create: Callable[[Session], int]
) -> int | None:
    """Write `create` in one session and return the new record's id, or None after telling the
    user that `subject` (such as "The new entry") could not be saved, and why."""
    created = _write(context, parent, subject, create)
    return created if isinstance(created, int) else None


def _write(
    context: AppContext, parent: QWidget | None, subject: str, change: Callable[[Session], object]
) -> object:
    try:
        return context.perform(change, subject.lower())
    except WriteFailed as failure:
        dialogs.tell_not_saved(parent, subject, failure.reason)
        return _NOT_SAVED
