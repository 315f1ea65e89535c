"""At start-up: a practice session left running when Loopwise last stopped (a crash, a power
cut) is offered for logging, with the time it had reached, or can be discarded."""

from __future__ import annotations

import contextlib
from enum import Enum

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.domain.practice import Attempt
from desktop.domain.stories import duration_text
from desktop.store.running_sessions import (
    RunningSession,
    forget_running_session,
    running_sessions,
)
from desktop.ui.context import AppContext
from desktop.ui.formatting import date_and_time
from desktop.ui.practice.finish_dialog import FinishSessionDialog
from desktop.ui.practice.practised import item_patterns
from desktop.ui.practice.recording import record_attempt
from desktop.ui.widgets.plain_text import message_box


class Choice(Enum):
    LOG = "log"
    DISCARD = "discard"
    LATER = "later"


def offer_unfinished_sessions(context: AppContext, parent: QWidget | None) -> list[int]:
    """Offer each session left running; return the journal entries of those logged."""
    file = context.profile.folder.running_sessions_file
    logged = []
    for running in running_sessions(file):
        choice = ask_about(running, parent)
        if choice is Choice.LATER:
            continue
        if choice is Choice.LOG:
            attempt = ask_outcome(context, running, parent)
            if attempt is None:
                continue  # changed their mind: offered again next time
            entry = record_attempt(context, attempt, parent)
            if entry is None:
                continue  # not saved (the user was told why): keep the record to try again
            logged.append(entry)
        with contextlib.suppress(OSError):  # left behind, it is only offered again
            forget_running_session(file, running.key)
    return logged


def _how_long(running: RunningSession) -> str:
    # "had run for 0 s" read like a fault: a session stopped at once had just started.
    if running.elapsed_seconds < 1:
        return "had only just started"
    return f"had run for {duration_text(running.elapsed_seconds)}"


def ask_about(running: RunningSession, parent: QWidget | None) -> Choice:
    box = message_box(
        QMessageBox.Icon.Question,
        "A session was not finished",
        f"Your practice session on “{running.subject.title}” was still running when Loopwise "
        "last stopped.",
        parent,
        informative=(
            f"It started on {date_and_time(running.started_at)} and {_how_long(running)} "
            "when it was last saved. You can log it now (you can change the minutes), or "
            "discard it."
        ),
    )
    log = box.addButton("Log it…", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.addButton("Ask me later", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(log)
    box.exec()
    if box.clickedButton() is log:
        return Choice.LOG
    return Choice.DISCARD if box.clickedButton() is discard else Choice.LATER


def ask_outcome(
    context: AppContext, running: RunningSession, parent: QWidget | None
) -> Attempt | None:
    dialog = FinishSessionDialog(
        running.subject,
        running.started_at,
        running.elapsed_seconds,
        context.profile.taxonomy,
        parent,
        practised=item_patterns(context, running.subject),
    )
    dialog.exec()
    dialog.deleteLater()
    return dialog.result_attempt
