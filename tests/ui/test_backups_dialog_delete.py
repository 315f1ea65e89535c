"""File > Backups > Delete…: the question names the backup, warns before the only usable one
goes, and the file is gone from the disk and the list (real backups in the test profile)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.store.backup import backup_database, list_backups
from desktop.ui.context import AppContext
from desktop.ui.safety.backups_dialog import BackupsDialog
from desktop.ui.widgets import dialogs
from tests.backup_files import unusable_backup
from tests.clocks import clock_start
from tests.helpers.backups_window import checked_backups_dialog
from tests.helpers.told import problems_told


def _questions(monkeypatch: pytest.MonkeyPatch, answer: bool) -> list[str]:
    asked: list[str] = []

    def confirm(_parent: Any, _title: str, question: str, _action: str) -> bool:
        asked.append(question)
        return answer

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return asked


def _backup(context: AppContext, hours_ago: float) -> Path:
    folder = context.profile.folder
    when = clock_start() - timedelta(hours=hours_ago)
    return backup_database(folder.database, folder.backups_dir, "manual", now=when)


def _select(dialog: BackupsDialog, path: Path) -> None:
    dialog.table.selectRow([b.path for b in dialog.backups].index(path))


def test_deleting_a_backup_asks_naming_it_then_removes_it(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    older, newer = _backup(context, 5), _backup(context, 1)
    dialog = checked_backups_dialog(qtbot, context)
    asked = _questions(monkeypatch, answer=True)
    _select(dialog, older)
    assert dialog.delete_button.isEnabled()

    dialog.delete_button.click()

    assert len(asked) == 1 and older.name in asked[0]
    assert "only backup" not in asked[0]
    assert [b.path for b in list_backups(context.profile.folder.backups_dir)] == [newer]
    assert [b.path for b in dialog.backups] == [newer]


def test_saying_no_keeps_the_backup(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = _backup(context, 1)
    dialog = checked_backups_dialog(qtbot, context)
    _questions(monkeypatch, answer=False)

    dialog.delete_selected()

    assert kept.exists() and dialog.table.rowCount() == 1


def test_the_only_usable_backup_is_deleted_only_after_a_clear_warning(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _backup(context, 3)
    empty = unusable_backup("zero-byte", good, hours_ago=1)  # newer, but cannot be restored
    dialog = checked_backups_dialog(qtbot, context)
    asked = _questions(monkeypatch, answer=False)

    _select(dialog, good)
    dialog.delete_selected()
    _select(dialog, empty)
    dialog.delete_selected()

    assert "It is the only backup that can be restored" in asked[0]
    assert "It cannot be restored (the file is empty (0 bytes))." in asked[1]
    assert "only backup" not in asked[1]
    assert good.exists() and empty.exists()


def test_an_unusable_backup_can_be_deleted_though_it_cannot_be_restored(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _backup(context, 3)
    truncated = unusable_backup("truncated", good, hours_ago=1)
    dialog = checked_backups_dialog(qtbot, context)
    _questions(monkeypatch, answer=True)
    _select(dialog, truncated)
    assert not dialog.restore_button.isEnabled() and dialog.delete_button.isEnabled()

    dialog.delete_selected()

    assert not truncated.exists() and good.exists()
    assert [b.path for b in dialog.backups] == [good]


def test_a_failed_delete_is_told_and_changes_nothing(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = _backup(context, 3)
    dialog = checked_backups_dialog(qtbot, context)
    _questions(monkeypatch, answer=True)
    told = problems_told(monkeypatch)

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "unlink", refuse)
    dialog.delete_selected()
    monkeypatch.undo()

    assert told and told[0].startswith("The backup was not deleted:")
    assert good.exists() and dialog.table.rowCount() == 1


def test_the_delete_key_on_the_list_asks_too(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = _backup(context, 1)
    dialog = checked_backups_dialog(qtbot, context)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # a shortcut works in the active window only
    asked = _questions(monkeypatch, answer=False)
    dialog.table.setFocus()

    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)

    assert len(asked) == 1 and chosen.name in asked[0]
