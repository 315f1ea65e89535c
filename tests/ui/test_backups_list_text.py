"""File > Backups: two backups made in the same minute can be told apart, and a damaged
backup's reason can be read whole (wrapped in its row, in its tooltip and below the list)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.store.backup import backup_database
from desktop.store.backup_check import Verdict, judge_backup
from desktop.ui.context import AppContext
from desktop.ui.formatting import local_time
from desktop.ui.safety.backups_dialog import BackupsDialog
from tests.backup_files import unusable_backup
from tests.clocks import clock_start
from tests.helpers.backups_window import checked_backups_dialog


def _backup(context: AppContext, when: datetime) -> Path:
    folder = context.profile.folder
    return backup_database(folder.database, folder.backups_dir, "manual", now=when)


def _shown_times(dialog: BackupsDialog) -> list[str]:
    return [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]


def test_backups_made_in_the_same_minute_show_their_seconds(qtbot, context) -> None:
    minute = clock_start().replace(second=0, microsecond=0) - timedelta(hours=2)
    _backup(context, minute + timedelta(seconds=5))
    _backup(context, minute + timedelta(seconds=40))
    _backup(context, minute - timedelta(hours=3))
    dialog = checked_backups_dialog(qtbot, context)

    newer, older, alone = _shown_times(dialog)

    assert newer != older
    assert newer.endswith(f"{local_time(minute):%H:%M}:40")
    assert older.endswith(f"{local_time(minute):%H:%M}:05")
    # A backup alone in its minute reads as every other time in the app does.
    assert alone.endswith(f"{local_time(minute - timedelta(hours=3)):%H:%M}")
    assert alone.count(":") == 1


def test_the_question_before_deleting_names_the_time_to_the_second(
    qtbot, context, monkeypatch
) -> None:
    minute = clock_start().replace(second=0, microsecond=0) - timedelta(hours=2)
    _backup(context, minute + timedelta(seconds=5))
    _backup(context, minute + timedelta(seconds=40))
    dialog = checked_backups_dialog(qtbot, context)
    asked: list[str] = []
    monkeypatch.setattr(
        "desktop.ui.widgets.dialogs.confirm", lambda _p, _t, question, _a: asked.append(question)
    )
    dialog.delete_selected()
    assert f"{local_time(minute):%H:%M}:40" in asked[0]


def test_a_damaged_backups_reason_is_shown_whole(qtbot, context) -> None:
    good = _backup(context, clock_start() - timedelta(hours=3))
    damaged = unusable_backup("truncated", good, hours_ago=1)
    dialog = checked_backups_dialog(qtbot, context)
    dialog.resize(620, 420)
    dialog.show()
    qtbot.waitExposed(dialog)
    # The longest reason the check gives: a copy emptied since it was made.
    reason = "it holds 0 journal entries and 0 sessions, but held 1,204 and 9,310 when it was made"
    dialog._show_verdicts({good: judge_backup(good), damaged: Verdict(problem=reason)})
    row = [b.path for b in dialog.backups].index(damaged)

    holds = dialog.table.item(row, 2)
    assert holds.text() == f"Cannot be restored: {reason}"
    assert reason in holds.toolTip()
    # Wrapped in a row tall enough for it, not cut off.
    assert dialog.table.textElideMode() == Qt.TextElideMode.ElideNone
    width = dialog.table.columnWidth(2)
    lines = dialog.table.fontMetrics().boundingRect(
        0, 0, width - 8, 10_000, Qt.TextFlag.TextWordWrap, holds.text()
    )
    assert lines.height() > 2 * dialog.table.fontMetrics().height()
    assert dialog.table.rowHeight(row) >= lines.height()

    dialog.table.selectRow(row)
    assert dialog.details.isVisible()
    assert f"cannot be restored: {reason}." in dialog.details.text()
    assert dialog.details.wordWrap()
