"""Restore from a file the user picks on disk: a backup copied to a USB stick or another
computer, or a database kept somewhere else. The command line took any path; the window
offered only the backups in its own folder.

The file is read whole on a worker (a ten-year database takes seconds) before the question
is asked, so the user is told what it holds, or why it cannot be used, first."""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.store.backup_check import Verdict, judge_backup
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.remembered_folder import RememberedFolder

if TYPE_CHECKING:
    from desktop.ui.safety.backups_dialog import BackupsDialog

FILE_KINDS = "Loopwise data or backups (*.sqlite3 *.db);;All files (*)"


def restore_from_file(dialog: BackupsDialog) -> Future[Any] | None:
    """Ask for the file, check it, then ask before restoring it (None if none was picked)."""
    source = dialogs.choose_file_to_open(
        dialog,
        "Restore from a file",
        FILE_KINDS,
        RememberedFolder(dialog.window_.context.preferences, "data"),
    )
    if source is None:
        return None
    path = Path(source)
    return dialog.window_.context.workers.run(
        lambda: judge_backup(path),
        lambda verdict: _checked(dialog, path, verdict),
        owner=dialog,
    )


def _checked(dialog: BackupsDialog, path: Path, verdict: Verdict) -> None:
    if verdict.contents is None:
        dialogs.tell_problem(
            dialog,
            "Not restored",
            f"Nothing was restored. The file {path} cannot be restored: {verdict.problem}.",
        )
        return
    if not dialogs.confirm(
        dialog,
        "Restore from this file?",
        f"Your data will be replaced by {path.name} ({verdict.contents.describe()}), from "
        f"{path.parent}. Your data as it is now is backed up first, so you can come back "
        "to it from the list of backups. The file you chose is only read.",
        "Restore",
    ):
        return
    dialog.restore_path(path, f"Your data is back as it was in {path.name}.")
