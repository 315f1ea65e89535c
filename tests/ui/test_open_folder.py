"""File pickers start where the user last went for that kind of file (an import right after
an export starts where the export went), kept in settings.toml across restarts; the home or
Documents folder the first time or once that folder is gone: never the folder Loopwise was
started from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from desktop.store.settings import load_settings
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.safety import transfer_actions
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.remembered_folder import RememberedFolder


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    started = tmp_path / "started-here"
    started.mkdir()
    monkeypatch.chdir(started)
    return home


def test_the_open_picker_starts_at_home_then_where_a_file_was_last_picked(
    context: AppContext, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    offered: list[str] = []

    def picker(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        offered.append(start)
        return str(downloads / "export.json"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(picker))
    place = RememberedFolder(context.preferences, "data")
    assert dialogs.choose_file_to_open(None, "Import data", "*.json", place) == str(
        downloads / "export.json"
    )
    assert offered == [str(home)]
    dialogs.choose_file_to_open(None, "Import data", "*.json", place)
    assert offered[1] == str(downloads)
    # Kept in settings.toml: a new start offers it too.
    assert load_settings(context.profile.folder.settings_file).settings.folders.data == str(
        downloads
    )
    again = AppContext.for_profile(context.profile)
    dialogs.choose_file_to_open(
        None, "Import data", "*.json", RememberedFolder(again.preferences, "data")
    )
    assert offered[2] == str(downloads)
    # Another kind of file keeps its own folder.
    dialogs.choose_file_to_open(
        None, "Import a quiz", "*.toml", RememberedFolder(again.preferences, "learning")
    )
    assert offered[3] == str(home)
    shutil.rmtree(downloads)  # gone since: back to the first folder
    dialogs.choose_file_to_open(None, "Import data", "*.json", place)
    assert offered[4] == str(home)


def test_import_starts_where_the_data_was_just_exported(
    qtbot, context: AppContext, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new user exported to another folder, then chose Import: it opened at home."""
    window = build_main_window(context)
    qtbot.addWidget(window)
    elsewhere = tmp_path / "usb-stick"
    elsewhere.mkdir()
    monkeypatch.setattr(
        dialogs, "choose_file_to_save", lambda *_args: str(elsewhere / "loopwise.json")
    )
    monkeypatch.setattr(transfer_actions, "_with_progress", lambda *_args: None)
    transfer_actions.export_json(window)
    offered: list[str] = []

    def picker(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        offered.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(picker))
    transfer_actions.import_json(window)
    assert offered == [str(elsewhere)]


def test_a_folder_picker_for_notes_starts_at_home_then_beside_the_last_one(
    context: AppContext, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = tmp_path / "vaults" / "daily"
    vault.mkdir(parents=True)
    offered: list[str] = []

    def picker(_parent, _title, start):  # type: ignore[no-untyped-def]
        offered.append(start)
        return str(vault)

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(picker))
    place = RememberedFolder(context.preferences, "data")
    assert dialogs.choose_folder_to_open(None, "Import notes", place) == str(vault)
    dialogs.choose_folder_to_open(None, "Import notes", place)
    assert offered == [str(home), str(vault.parent)]


def test_the_folders_kept_with_the_window_state_move_into_the_settings(
    context: AppContext, tmp_path: Path
) -> None:
    """An update keeps the export folder the user had, rather than starting at home again."""
    exports, opened = tmp_path / "exports", tmp_path / "downloads"
    context.settings.setValue("exports/folder", str(exports))
    context.settings.setValue("files/open_folder", str(opened))
    context.preferences.adopt_old_places(context.settings)
    folders = load_settings(context.profile.folder.settings_file).settings.folders
    assert (folders.data, folders.documents, folders.learning) == (
        str(exports),
        str(exports),
        str(opened),
    )
    assert context.settings.value("exports/folder") is None
