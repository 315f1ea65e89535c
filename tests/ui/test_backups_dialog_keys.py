"""File > Backups: Enter never writes. Only Close answers to it; Back up now, Restore and
Delete are clicked or chosen by their access keys."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from desktop.store.backup import list_backups
from desktop.ui.context import AppContext
from tests.helpers.backups_window import checked_backups_dialog
from tests.ui.test_backups_dialog_delete import _backup


def test_only_close_is_the_default_button(qtbot: Any, context: AppContext) -> None:
    dialog = checked_backups_dialog(qtbot, context)
    for button in (dialog.back_up_button, dialog.restore_button, dialog.delete_button):
        assert not button.isDefault() and not button.autoDefault(), button.text()
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    assert close.isDefault()


def test_enter_on_the_list_backs_nothing_up(qtbot: Any, context: AppContext) -> None:
    _backup(context, 1)
    backups = context.profile.folder.backups_dir
    before = list_backups(backups)
    dialog = checked_backups_dialog(qtbot, context)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(0)
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()
    assert list_backups(backups) == before


def test_back_up_now_gives_the_keys_back_to_the_list(qtbot: Any, context: AppContext) -> None:
    """It turns itself off while it works: Qt gave the keys to Restore, where a second
    Space started a restore."""
    _backup(context, 1)
    dialog = checked_backups_dialog(qtbot, context)
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    dialog.table.selectRow(0)
    assert dialog.restore_button.isEnabled()
    dialog.back_up_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(dialog.back_up_button.hasFocus)
    qtbot.keyClick(dialog.back_up_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is dialog.table
    qtbot.waitUntil(dialog.back_up_button.isEnabled)  # the backup made: nothing left running
