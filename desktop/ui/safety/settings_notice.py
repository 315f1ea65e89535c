"""At start, a settings file that could not be used, said where the user will see it.

Without this the app simply opened in the default theme and week start, and nothing said
why until the user happened to open Preferences."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from desktop.store.settings import load_settings

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

NOTICE = (
    "Your preferences in settings.toml could not be read, so the defaults apply. "
    "Edit > Preferences… says what is wrong."
)


def tell_settings_problem(window: MainWindow) -> None:
    """On the terminal (the whole reason, with the file's path) and in the status bar, where
    it stays until another message takes its place."""
    loaded = load_settings(window.context.profile.folder.settings_file)
    if loaded.problem is None:
        return
    print(loaded.problem, file=sys.stderr)
    status = window.statusBar()
    status.showMessage(NOTICE)

    def saved() -> None:
        # A choice saved a new settings file: the notice would now be untrue.
        if status.currentMessage() == NOTICE:
            status.clearMessage()

    window.context.preferences.changed.connect(saved)
