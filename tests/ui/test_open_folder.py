"""File pickers for opening (restore, imports) start in the home folder the first time, then
where the user last picked a file, remembered with the window state: never the folder
Loopwise was started from."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.ui.context import AppContext
from desktop.ui.widgets import dialogs


def test_the_open_picker_starts_at_home_then_where_a_file_was_last_picked(
    context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    started = tmp_path / "started-here"
    started.mkdir()
    monkeypatch.chdir(started)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    offered: list[str] = []

    def picker(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        offered.append(start)
        return str(downloads / "export.json"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(picker))
    settings = context.settings
    assert dialogs.choose_file_to_open(None, "Import data", "*.json", settings) == str(
        downloads / "export.json"
    )
    assert offered == [str(home)]
    dialogs.choose_file_to_open(None, "Import data", "*.json", settings)
    assert offered[1] == str(downloads)
    # Kept with the window state: a new start offers it too.
    settings.sync()
    again = AppContext.for_profile(context.profile)
    dialogs.choose_file_to_open(None, "Import data", "*.json", again.settings)
    assert offered[2] == str(downloads)


def test_a_folder_picker_for_notes_starts_at_home_then_beside_the_last_one(
    context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    vault = tmp_path / "vaults" / "daily"
    vault.mkdir(parents=True)
    offered: list[str] = []

    def picker(_parent, _title, start):  # type: ignore[no-untyped-def]
        offered.append(start)
        return str(vault)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(picker))
    assert dialogs.choose_folder_to_open(None, "Import notes", context.settings) == str(vault)
    dialogs.choose_folder_to_open(None, "Import notes", context.settings)
    assert offered == [str(home), str(vault.parent)]
