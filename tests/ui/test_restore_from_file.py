"""Backups > Restore from a file…: a database or backup kept outside the backups folder."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from desktop.store.backup import backup_database, list_backups
from desktop.ui.context import AppContext
from desktop.ui.safety.backups_dialog import BackupsDialog
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.waiting import wait_until
from tests.backup_files import damage
from tests.clocks import clock_start
from tests.ui.test_data_safety import _answer, _journal_titles, _window, _write


def _pick(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def choose(_parent: Any, title: str, _kinds: str, _settings: Any) -> str:
        asked.append(title)
        return str(path)

    monkeypatch.setattr(dialogs, "choose_file_to_open", choose)
    return asked


def test_a_backup_copied_elsewhere_is_restored_from_the_backups_dialog(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = context.profile.folder
    _write(context, "On the stick")
    made = backup_database(folder.database, folder.backups_dir, "manual", now=clock_start())
    on_stick = tmp_path / "stick" / "my-loopwise.sqlite3"
    on_stick.parent.mkdir()
    shutil.copy(made, on_stick)
    made.unlink()  # only the copy elsewhere is left
    _write(context, "Written later")
    window = _window(qtbot, context)
    window.show_page("journal")
    told = _answer(monkeypatch)
    questions: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda _p, _t, text, _b: questions.append(text) or 1)
    asked = _pick(monkeypatch, on_stick)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)

    dialog.from_file_button.click()

    assert wait_until(lambda: bool(told))
    assert asked == ["Restore from a file"]
    assert "my-loopwise.sqlite3 (1 journal entry" in questions[0]
    assert str(on_stick.parent) in questions[0]
    assert told == [
        "Your data is back as it was in my-loopwise.sqlite3. Your data as it was just before "
        "is kept in this list as the backup “Before a restore”."
    ]
    assert _journal_titles(window) == ["On the stick"]
    assert on_stick.exists()  # only read
    reasons = [b.name.reason for b in list_backups(folder.backups_dir)]
    assert "before-restore" in reasons  # the data it replaced can be had back


def test_a_damaged_file_is_refused_by_name_and_nothing_changes(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    folder = context.profile.folder
    _write(context, "Mine")
    broken = tmp_path / "half.sqlite3"
    shutil.copy(folder.database, broken)
    damage(broken)
    window = _window(qtbot, context)
    window.show_page("journal")
    told = _answer(monkeypatch)
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: pytest.fail("asked to restore"))
    _pick(monkeypatch, broken)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)

    dialog.from_file_button.click()

    assert wait_until(lambda: bool(told))
    assert told[0].startswith(f"Nothing was restored. The file {broken} cannot be restored: ")
    assert _journal_titles(window) == ["Mine"]
