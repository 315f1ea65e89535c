"""Messages shown before the main window exists: damaged database, app already running."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.store.backup import Judged
from desktop.store.health import DatabaseProblem
from desktop.ui.formatting import date_and_time
from desktop.ui.widgets.plain_text import message_box


class Recovery(Enum):
    RESTORE_BACKUP = "restore-backup"
    START_FRESH = "start-fresh"
    QUIT = "quit"


def ask_about_database_problem(
    problem: DatabaseProblem,
    found: Judged | None,
    passed_over: list[Judged] | None = None,
    parent: QWidget | None = None,
) -> Recovery:
    """What the user wants done about a damaged database (its file is kept either way).

    Only a usable backup is offered, with what it holds, so the user knows what they would
    get back before choosing. Asked before the main window exists, or over it (`parent`)
    when the check after start-up finds the damage."""
    box = RecoveryBox(problem, found, passed_over or [], parent)
    box.exec()
    return box.choice


class RecoveryBox(QMessageBox):
    """The question, built and not yet shown (the screenshots and tests show it themselves)."""

    def __init__(
        self,
        problem: DatabaseProblem,
        found: Judged | None,
        passed_over: list[Judged],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QMessageBox.Icon.Critical, "Loopwise cannot open your data", "")
        if parent is not None:
            self.setParent(parent, Qt.WindowType.Dialog)
        self.choice = Recovery.QUIT
        _fill(self, problem, found, passed_over)


def _fill(
    box: RecoveryBox, problem: DatabaseProblem, found: Judged | None, passed_over: list[Judged]
) -> None:
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(str(problem))
    if problem.detail:  # what SQLite said, behind "Show Details…"
        box.setDetailedText(problem.detail)
    kept = "the current file is renamed and kept in the same folder, so nothing is lost"
    restore = None
    skipped = _passed_over_text(passed_over)
    if found is not None:
        when = backup_time_text(found.backup.taken_at)
        offer = (
            f"Your newest usable backup is from {when} and holds {found.describe()}. You can "
            "go back to it, or start a fresh profile."
        )
        box.setInformativeText(
            f"{offer}{skipped}"
            if problem.missing
            else f"The file has not been changed. {offer} Either way {kept}.{skipped}"
        )
        restore = box.addButton(
            f"Restore the backup from {when}", QMessageBox.ButtonRole.AcceptRole
        )
        restore.setObjectName("restore-backup")
    elif problem.missing:
        box.setInformativeText(
            f"None of your backups can be used. You can start a fresh, empty profile.{skipped}"
        )
    else:
        box.setInformativeText(
            f"The file has not been changed. You can start a fresh profile: {kept} and you "
            f"can still recover it.{skipped}"
        )
    fresh = box.addButton("Start a fresh profile", QMessageBox.ButtonRole.AcceptRole)
    fresh.setObjectName("start-fresh")
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole).setObjectName("quit")
    box.setDefaultButton(restore or fresh)

    def chosen() -> None:
        clicked = box.clickedButton()
        box.choice = Recovery.QUIT
        if restore is not None and clicked is restore:
            box.choice = Recovery.RESTORE_BACKUP
        elif clicked is fresh:
            box.choice = Recovery.START_FRESH

    box.buttonClicked.connect(lambda _button: chosen())


def _passed_over_text(passed_over: list[Judged]) -> str:
    if not passed_over:
        return ""
    if len(passed_over) == 1:
        heading = "A newer backup cannot be used and was passed over:"
    else:
        heading = f"{len(passed_over)} newer backups cannot be used and were passed over:"
    lines = [f"• {j.backup.path.name}: {j.describe()}." for j in passed_over[:3]]
    if len(passed_over) > 3:
        lines.append(f"• and {len(passed_over) - 3} more (see File > Backups…).")
    return "\n\n" + "\n".join([heading, *lines])


def backup_time_text(taken_at: datetime, *, seconds: bool = False) -> str:
    """A backup's time (stored in UTC) in the user's local time."""
    return date_and_time(taken_at.replace(tzinfo=UTC), seconds=seconds)


def waiting_notice(message: str) -> QMessageBox:
    """A note shown while start-up waits (for a locked database, say); the caller closes it
    when the wait is over, whichever way it ends."""
    box = message_box(QMessageBox.Icon.Information, "Loopwise is waiting", message)
    box.setStandardButtons(QMessageBox.StandardButton.NoButton)
    box.setModal(False)
    box.show()
    QApplication.processEvents()  # painted now: the wait that follows blocks the event loop
    return box


def tell_already_running(message: str) -> None:
    # Titles without the app's name: the window manager adds it ("Already running — Loopwise").
    _show(QMessageBox.Icon.Warning, "Already running", message)


def tell_cannot_start(message: str) -> None:
    _show(QMessageBox.Icon.Critical, "Cannot start", message)


def _show(icon: QMessageBox.Icon, title: str, message: str) -> None:
    """Messages name folders and files, which may look like HTML: shown as plain text."""
    box = message_box(icon, title, message)
    box.addButton(QMessageBox.StandardButton.Ok)
    box.exec()


def report_unexpected_errors() -> None:
    """A bug should not vanish silently or take the window down: say so, keep running."""
    import sys
    import traceback
    from types import TracebackType

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        traceback.print_exception(kind, error, trace)
        _show(
            QMessageBox.Icon.Critical,
            "Something went wrong",
            f"Loopwise ran into an unexpected problem: {error}\n\n"
            "Everything you saved is safe. The details were printed to the terminal.",
        )

    sys.excepthook = hook
