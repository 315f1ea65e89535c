"""Logging, correcting and deleting mock interviews from the Plan page.

The dialog writes through the callbacks here, so a failed save leaves it open with
everything the user typed (see MockInterviewDialog)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.domain.mocks import MockInterview
from desktop.store import mocks as mocks_store
from desktop.ui.context import AppContext
from desktop.ui.plan import mock_dialog
from desktop.ui.saving import saved_or_told
from desktop.ui.widgets import dialogs


def log_mock(context: AppContext, parent: QWidget | None) -> bool:
    """Ask for a new mock interview and log it; True once it is saved."""
    label = context.profile.taxonomy.label

    def save(mock: MockInterview, with_entry: bool) -> None:
        with context.writing() as session:
            mocks_store.log_mock(
                session=session, mock=mock, now=context.now(), label=label if with_entry else None
            )

    taxonomy = context.profile.taxonomy
    return mock_dialog.ask_for_mock(taxonomy, context.now(), parent, save) is not None


def edit_mock(context: AppContext, parent: QWidget | None, existing: MockInterview) -> bool:
    """Show a logged mock interview to read or correct; True if a correction was saved."""

    def save(mock: MockInterview, _with_entry: bool) -> None:
        with context.writing() as session:
            mocks_store.update_mock(session=session, mock=mock, now=context.now())

    taxonomy = context.profile.taxonomy
    return mock_dialog.ask_for_mock(taxonomy, context.now(), parent, save, existing) is not None


def delete_mock(context: AppContext, parent: QWidget | None, mock: MockInterview) -> bool:
    """Delete a mock interview once the user confirms; True if it was deleted."""
    held = mock.held_at.astimezone()
    if not dialogs.confirm(
        parent,
        "Delete mock interview?",
        f"Delete the {mock.title.lower()} of {held.day} {held:%B}? Its journal entry, "
        "if it has one, stays in the journal.",
        "Delete",
    ):
        return False
    mock_id = mock.id
    return saved_or_told(
        context,
        parent,
        "Deleting the mock interview",
        lambda session: mocks_store.delete_mock(session=session, mock_id=mock_id),
    )
