"""How the window tells of a backup whose copy failed its check. The automatic backup and
File > Backups… > Back up now say it in the same words (store.backup.not_made_text, which
`loopwise backup` prints too), under the same title and with the same way on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.ui.widgets import dialogs

if TYPE_CHECKING:  # the store's backup module loads when a backup is made, not at start-up
    from desktop.store.backup import DamagedCopy

TITLE = "Backup not made"
WHAT_NOW = (
    "Export your data now to keep what you have (File > Export all data…). "
    "File > Backups… lists your earlier backups and can restore one."
)


def tell_backup_not_made(parent: QWidget | None, error: DamagedCopy, *, automatic: bool) -> None:
    from desktop.store.backup import not_made_text

    said = not_made_text(error, automatic=automatic)
    dialogs.tell_problem(parent, TITLE, f"{said}\n\n{WHAT_NOW}")
