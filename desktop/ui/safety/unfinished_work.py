"""At start, the imports and restores a kill cut short (store/under_way.py), said once."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.store.under_way import IMPORT, RESTORE, left_unfinished
from desktop.ui.widgets import dialogs

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

_TITLES = {IMPORT: "Import did not finish", RESTORE: "Restore did not finish"}


def tell_unfinished_work(window: MainWindow) -> None:
    """Runs once the window is up: this start holds the data folder, so a note nobody holds
    was left by a process that died (a command-line import holds its own while it runs)."""
    found = left_unfinished(window.context.profile.folder.data_dir)
    if found:
        kinds = {each.kind for each in found}
        title = _TITLES[found[0].kind] if len(kinds) == 1 else "Did not finish"
        dialogs.tell(window, title, "\n\n".join(each.sentence() for each in found))
