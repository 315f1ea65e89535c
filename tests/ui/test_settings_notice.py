"""A settings file the app could not use is told at start, not only inside Preferences."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.app import show_main_window
from desktop.store.settings import AppearanceSettings
from desktop.ui.context import AppContext


def test_an_unreadable_settings_file_is_told_at_start(
    qtbot: Any, context: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    settings_file = context.profile.folder.settings_file
    settings_file.write_text('[appearance]\ntheme = "dark\n', encoding="utf-8")
    window = show_main_window(context, offer_recovery=False)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(window.statusBar().currentMessage()))
    message = window.statusBar().currentMessage()
    assert "settings.toml could not be read" in message and "Preferences" in message
    said = capsys.readouterr().err
    assert str(settings_file) in said and "line 2" in said and "defaults apply" in said

    # A choice saved in Preferences writes a good file: the notice goes.
    context.preferences.update(appearance=AppearanceSettings(theme="dark"))
    assert window.statusBar().currentMessage() == ""


def test_a_good_settings_file_is_not_mentioned(
    qtbot: Any, context: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    context.profile.folder.settings_file.write_text(
        '[appearance]\ntheme = "dark"\n', encoding="utf-8"
    )
    window = show_main_window(context, offer_recovery=False)
    qtbot.addWidget(window)
    qtbot.wait(20)
    assert "settings" not in window.statusBar().currentMessage()
    assert "settings" not in capsys.readouterr().err
