"""Messages shown before the main window exists: damaged database, app already running."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum

from PySide6.QtWidgets import QMessageBox

from desktop.store.backup import Backup
from desktop.store.health import DatabaseProblem
from desktop.ui.widgets.plain_text import message_box


class Recovery(Enum):
    RESTORE_BACKUP = "restore-backup"
    START_FRESH = "start-fresh"
    QUIT = "quit"


def ask_about_database_problem(problem: DatabaseProblem, backup: Backup | None) -> Recovery:
    """What the user wants done about a damaged database (its file is kept either way)."""
    kept = "the current file is renamed and kept in the same folder, so nothing is lost"
    when = backup_time_text(backup.taken_at) if backup is not None else ""
    if backup is not None:
        informative = (
            f"The file has not been changed. Your newest good backup is from {when}: you can "
            f"go back to it, or start a fresh profile. Either way {kept}."
        )
    else:
        informative = (
            f"The file has not been changed. You can start a fresh profile: {kept} and you "
            "can still recover it."
        )
    box = message_box(
        QMessageBox.Icon.Critical,
        "Loopwise cannot open your data",
        str(problem),
        informative=informative,
    )
    restore = None
    if backup is not None:
        restore = box.addButton(
            f"Restore the backup from {when}", QMessageBox.ButtonRole.AcceptRole
        )
    fresh = box.addButton("Start a fresh profile", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or fresh)
    box.exec()
    if restore is not None and box.clickedButton() is restore:
        return Recovery.RESTORE_BACKUP
    return Recovery.START_FRESH if box.clickedButton() is fresh else Recovery.QUIT


def backup_time_text(taken_at: datetime) -> str:
    """A backup's time (stored in UTC) in the user's local time."""
    return taken_at.replace(tzinfo=UTC).astimezone().strftime("%d %b %Y, %H:%M")


def tell_already_running(message: str) -> None:
    _show(QMessageBox.Icon.Warning, "Loopwise is already running", message)


def tell_cannot_start(message: str) -> None:
    _show(QMessageBox.Icon.Critical, "Loopwise cannot start", message)


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
