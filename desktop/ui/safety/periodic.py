"""The 12-hourly backup, made on a worker thread once the window is up (start-up stays quick)."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.ui.background import run_in_background

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def back_up_when_due(window: MainWindow) -> Future[Any]:
    from desktop.store.backup import backup_if_due
    from desktop.store.settings import load_settings

    paths = window.context.profile.paths

    def told(error: BaseException) -> None:
        window.statusBar().showMessage(
            f"The automatic backup could not be made: {error}. Your data itself is fine."
        )

    def done(made: Path | None) -> None:
        if made is not None:
            window.statusBar().showMessage("Your data was backed up.", 5000)

    return run_in_background(
        lambda: backup_if_due(
            paths.database,
            paths.backups_dir,
            policy=load_settings(paths.settings_file).settings.backups.policy,
        ),
        done,
        told,
        owner=window,
    )
