"""Messages shown before the main window exists: damaged database, app already running."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop.store.health import DatabaseProblem


def ask_about_database_problem(problem: DatabaseProblem) -> bool:
    """True if the user wants a fresh profile beside the damaged file."""
    box = QMessageBox(QMessageBox.Icon.Critical, "Loopwise cannot open your data", "")
    box.setText(str(problem))
    box.setInformativeText(
        "The file has not been changed. You can start a fresh profile: the current file is "
        "renamed and kept in the same folder, so nothing is lost and you can still recover it."
    )
    fresh = box.addButton("Start a fresh profile", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is fresh


def tell_already_running(message: str) -> None:
    QMessageBox.warning(None, "Loopwise is already running", message)


def tell_cannot_start(message: str) -> None:
    QMessageBox.critical(None, "Loopwise cannot start", message)


def report_unexpected_errors() -> None:
    """A bug should not vanish silently or take the window down: say so, keep running."""
    import sys
    import traceback
    from types import TracebackType

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        traceback.print_exception(kind, error, trace)
        QMessageBox.critical(
            None,
            "Something went wrong",
            f"Loopwise ran into an unexpected problem: {error}\n\n"
            "Everything you saved is safe. The details were printed to the terminal.",
        )

    sys.excepthook = hook
