"""A backup whose copy fails its check is told in the same plain words wherever it was made:
the hourly automatic backup, File > Backups… > Back up now, and `loopwise backup`; each names
the backups folder, where the earlier backups are."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from desktop.cli import main
from desktop.store import backup as backup_module
from desktop.store.backup_check import Verdict
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.safety.backups_dialog import BackupsDialog
from desktop.ui.safety.periodic import back_up_when_due
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.waiting import wait_until

DAMAGED = Verdict(problem="it is damaged (the file is cut short: not a whole number of pages)")


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every copy fails its check; the boxes the user would see are listed (title, text)."""
    boxes: list[tuple[str, str]] = []
    monkeypatch.setattr(backup_module, "judge_backup", lambda _path: DAMAGED)
    monkeypatch.setattr(
        dialogs, "tell_problem", lambda _parent, title, text: boxes.append((title, text))
    )
    return boxes


def test_the_automatic_and_the_manual_backup_say_the_same(
    qtbot: Any, context: AppContext, told: list[tuple[str, str]]
) -> None:
    folder = context.profile.folder
    shutil.rmtree(folder.backups_dir, ignore_errors=True)  # so the automatic one is due
    window = build_main_window(context)
    qtbot.addWidget(window)
    assert wait_until(back_up_when_due(window).done)
    qtbot.waitUntil(lambda: len(told) == 1)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    assert wait_until(dialog.back_up_now().done)
    qtbot.waitUntil(lambda: len(told) == 2)

    (automatic_title, automatic), (manual_title, manual) = told
    assert automatic_title == manual_title == "Backup not made"
    assert automatic.startswith("The automatic backup was not made: ")
    assert manual.startswith("The backup was not made: ")
    # Word for word the same after the opening, naming the folder of the earlier backups.
    assert automatic.removeprefix("The automatic backup") == manual.removeprefix("The backup")
    assert f"Your earlier backups in {folder.backups_dir} were kept as they are." in manual
    assert "integrity check" not in manual  # plain words
    assert "File > Export all data…" in manual and "File > Backups…" in manual
    # The status bar says what the box opens with.
    assert window.statusBar().currentMessage() in automatic


def test_the_command_line_backup_says_it_in_the_same_words(
    context: AppContext, told: list[tuple[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    folder = context.profile.folder
    assert main(["backup", "--data-dir", str(folder.data_dir)]) == 1
    said = capsys.readouterr().err
    assert said.startswith("The backup was not made: the copy of your data came out damaged")
    assert f"Your earlier backups in {folder.backups_dir} were kept as they are." in said
    left = [p.name for p in folder.backups_dir.iterdir()]
    assert not any(name.endswith(backup_module.PARTIAL_SUFFIX) for name in left)
