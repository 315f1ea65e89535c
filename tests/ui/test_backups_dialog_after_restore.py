"""File > Backups after a restore: the list stays on the backup restored, and says what the
restore added; what each backup holds fits in its row on a small screen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.store.backup import backup_database
from desktop.ui.context import AppContext
from desktop.ui.safety.backups_dialog import BackupsDialog
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.waiting import wait_until
from tests.backup_files import add_rows
from tests.clocks import clock_start
from tests.helpers.backups_window import checked_backups_dialog
from tests.store.transfer_data import stories_and_plans


def _backups(context: AppContext, count: int) -> list[Path]:
    folder = context.profile.folder
    return [
        backup_database(
            folder.database,
            folder.backups_dir,
            "periodic",
            now=clock_start() - timedelta(hours=12 * (count - n)),
        )
        for n in range(count)
    ]


def _chosen(dialog: BackupsDialog) -> Path | None:
    chosen = dialog.selected()
    return chosen.path if chosen else None


def test_the_list_opens_on_the_newest_backup(qtbot: Any, context: AppContext) -> None:
    made = _backups(context, 3)
    dialog = checked_backups_dialog(qtbot, context)

    assert _chosen(dialog) == made[-1]


def test_after_a_restore_the_list_stays_on_the_backup_restored_and_says_what_came(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _backups(context, 3)
    dialog = checked_backups_dialog(qtbot, context)
    told: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    monkeypatch.setattr(dialogs, "tell", lambda _p, _t, message: told.append(message))
    dialog.table.selectRow(2)  # the oldest
    assert _chosen(dialog) == made[0]

    dialog.restore_selected()

    assert dialog.table.rowCount() == 5
    assert _chosen(dialog) == made[0]
    assert dialog.details.text().startswith(dialog.times[made[0]])
    (said,) = told
    assert said.endswith(
        "Your data as it was just before is kept in this list as the backup “Before a restore”."
    )


def test_after_deleting_a_backup_the_list_goes_on_to_the_next_one(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _backups(context, 3)
    dialog = checked_backups_dialog(qtbot, context)
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    dialog.table.selectRow(1)

    dialog.delete_selected()

    assert _chosen(dialog) == made[0]


def test_what_a_backup_holds_takes_at_most_two_lines_on_a_small_screen(
    qtbot: Any, context: AppContext
) -> None:
    """The offscreen screen is 800 wide: about a 760x520 window's room. Backups made in the
    same minute show their seconds, the widest dates the list has; every kind of row is
    counted, in thousands, as years of use have them."""
    folder = context.profile.folder
    stories_and_plans(context.profile)
    add_rows(folder.database, entries=3650, sessions=20_000)
    for seconds in (5, 40):
        when = clock_start().replace(second=seconds) - timedelta(hours=1)
        backup_database(folder.database, folder.backups_dir, "periodic", now=when)
    dialog = checked_backups_dialog(qtbot, context)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert wait_until(lambda: "Checking" not in dialog.table.item(0, 2).text())

    line = dialog.table.fontMetrics().lineSpacing()
    screen = dialog.screen().availableGeometry()
    assert dialog.frameGeometry().width() <= screen.width()
    for row in range(dialog.table.rowCount()):
        holds = dialog.table.item(row, 2).text()
        assert holds.startswith("3,652 journal entries, 20,001 sessions, 1 story")
        assert dialog.table.rowHeight(row) < 3 * line, holds


def test_the_backup_restored_stays_in_view_in_a_short_list(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two rows come in above it, rows grow as what they hold is known, and the details
    below wrap: through all of it the chosen backup stays where it can be seen."""
    stories_and_plans(context.profile)
    add_rows(context.profile.folder.database, entries=3650, sessions=20_000)
    made = _backups(context, 4)
    dialog = checked_backups_dialog(qtbot, context)
    dialog.resize(520, 360)  # the list has room for about two rows
    dialog.show()
    qtbot.waitExposed(dialog)
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    monkeypatch.setattr(dialogs, "tell", lambda *_args: None)
    dialog.table.selectRow(3)

    dialog.restore_selected()
    assert wait_until(lambda: dialog.damaged is not None)
    qtbot.wait(50)  # the layout settles

    assert _chosen(dialog) == made[0]
    (chosen,) = dialog.table.selectionModel().selectedRows()
    shown = dialog.table.visualRect(chosen)
    assert dialog.table.viewport().rect().contains(shown), (shown, dialog.table.viewport().rect())
