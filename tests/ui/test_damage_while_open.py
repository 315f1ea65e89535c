"""Damage to the database file while the app has it open is noticed by the hourly check, not
only at the next start."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.safety.periodic import back_up_when_due
from desktop.ui.widgets.waiting import wait_until
from tests.helpers.told import problems_told


def test_an_overwritten_header_is_reported_once_and_no_backup_is_made(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = problems_told(monkeypatch)
    window = build_main_window(context)
    qtbot.addWidget(window)
    database = context.profile.folder.database
    with database.open("r+b") as handle:  # another program, or a failing disk
        handle.write(b"\x00" * 100)

    for _hour in range(2):
        future = back_up_when_due(window)
        assert wait_until(future.done)
        QApplication.processEvents()

    assert len(told) == 1
    assert f"the start of your database file ({database}) was overwritten" in told[0]
    assert "Export your data" in told[0]
    backups = context.profile.folder.backups_dir
    assert not backups.exists() or list(backups.iterdir()) == []
