"""Preferences: the theme, weekly budget, rest days and backup keeping, in one store, applied
at once and still there when the profile is opened again."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store.settings import AppearanceSettings, load_settings
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import build_main_window
from desktop.ui.plan.page import PlanPage
from desktop.ui.preferences_dialog import PreferencesDialog
from desktop.ui.theme import Scheme, apply_theme, current_scheme
from desktop.ui.trends.page import TrendsPage
from tests.clocks import StepClock


@pytest.fixture
def following_system(themed_app: QApplication) -> Iterator[QApplication]:
    """As a user's app starts: no theme given on the command line."""
    apply_theme(themed_app, None)
    yield themed_app
    apply_theme(themed_app, Scheme.LIGHT)


def _reopened(folder: ProfileFolder, clock: StepClock) -> AppContext:
    """The same profile opened again, as after quitting and starting the app."""
    profile = open_profile(folder, clock=clock)
    settings = QSettings(str(folder.ui_state_file), QSettings.Format.IniFormat)
    return AppContext(profile, settings)


def _window(qtbot, context: AppContext) -> MainWindow:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window


def _dialog(qtbot, window: MainWindow) -> PreferencesDialog:
    dialog = PreferencesDialog(window.context, window)
    qtbot.addWidget(dialog)
    return dialog


def test_preferences_is_in_the_edit_menu_with_ctrl_comma(qtbot, context) -> None:
    window = _window(qtbot, context)
    assert window.preferences_action in window.edit_menu.actions()
    assert window.preferences_action.shortcut().toString() == "Ctrl+,"


def test_a_chosen_theme_applies_at_once_and_after_a_restart(
    qtbot, context, following_system, folder, clock
) -> None:
    window = _window(qtbot, context)
    dialog = _dialog(qtbot, window)
    assert not dialog.system_note.isHidden()  # the offscreen desktop reports no scheme
    dialog.show()
    with_note = dialog.height()
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert dialog.system_note.isHidden()  # about following the system only
    assert dialog.height() < with_note  # and the dialog closes up the room it took
    assert current_scheme() is Scheme.DARK
    assert window.palette().window().color().lightness() < 80
    assert load_settings(folder.settings_file).settings.appearance.theme == "dark"
    dialog.close()
    window.close()

    apply_theme(following_system, None)  # a new run starts out following the system
    assert current_scheme() is Scheme.LIGHT  # the offscreen desktop reports no scheme
    again = _reopened(folder, clock)
    again_window = _window(qtbot, again)
    assert current_scheme() is Scheme.DARK

    reopened_dialog = _dialog(qtbot, again_window)
    assert reopened_dialog.theme.currentData() == "dark"
    reopened_dialog.theme.setCurrentIndex(reopened_dialog.theme.findData("system"))
    assert current_scheme() is Scheme.LIGHT
    assert again_window.palette().window().color().lightness() > 180
    again.profile.close()


def test_a_theme_given_on_the_command_line_wins(qtbot, context, themed_app) -> None:
    context.preferences.update(appearance=AppearanceSettings(theme="dark"))
    _window(qtbot, context)  # themed_app stands for `--theme light`
    assert current_scheme() is Scheme.LIGHT


def test_budget_and_rest_days_reach_their_pages_and_last(qtbot, context, folder, clock) -> None:
    window = _window(qtbot, context)
    plan = window.open_page("plan", PlanPage)
    trends = window.open_page("trends", TrendsPage)
    dialog = _dialog(qtbot, window)
    dialog.budget.setValue(12)
    dialog.budget.editingFinished.emit()
    dialog.rest_days.setValue(3)
    assert trends.rest_days.value() == 3  # the page follows the store
    window.show_page("plan")
    assert plan.budget.value() == 12
    dialog.close()

    trends.rest_days.setValue(2)  # set on the page: Preferences reads the same store
    shown_again = _dialog(qtbot, window)
    assert shown_again.rest_days.value() == 2 and shown_again.budget.value() == 12
    window.close()

    again = _reopened(folder, clock)
    reopened = _dialog(qtbot, _window(qtbot, again))
    assert (reopened.budget.value(), reopened.rest_days.value()) == (12, 2)
    again.profile.close()


def test_backup_keeping_is_the_one_the_backups_dialog_and_command_line_use(
    qtbot, context, folder
) -> None:
    window = _window(qtbot, context)
    dialog = _dialog(qtbot, window)
    dialog.keep_all_days.setValue(9)
    dialog.daily_days.setValue(40)
    policy = load_settings(folder.settings_file).settings.backups.policy
    assert (policy.keep_all_days, policy.daily_days) == (9, 40)


def test_rest_days_kept_by_an_earlier_version_are_moved_not_lost(qtbot, context) -> None:
    context.settings.setValue("trends/rest_days", 4)
    window = _window(qtbot, context)
    assert context.preferences.read().streaks.rest_days == 4
    assert context.settings.value("trends/rest_days") is None
    trends = window.open_page("trends", TrendsPage)
    assert trends.rest_days.value() == 4


def test_a_preference_that_cannot_be_saved_is_said(qtbot, context, folder, monkeypatch) -> None:
    window = _window(qtbot, context)
    dialog = _dialog(qtbot, window)

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.store.settings.save_settings", full)
    dialog.rest_days.setValue(5)
    assert dialog.problem.isVisibleTo(dialog)
    assert "no space left on device" in dialog.problem.text()


def test_a_settings_file_it_cannot_use_is_told_as_a_data_file_problem(
    qtbot, context, folder
) -> None:
    folder.settings_file.write_text("[streaks]\nrest_days = 9\n\n[backups]\ndialy_days = 30\n")
    window = _window(qtbot, context)
    dialog = _dialog(qtbot, window)
    dialog.show()

    note = dialog.file_problems
    assert note is not None and note.isVisible()
    # The file by its name once (its path in the tooltip), then each problem on its own.
    assert note.problem_list.file_label.text() == "settings.toml has 2 problems:"
    assert str(folder.settings_file) in note.problem_list.file_label.toolTip()
    assert [(place.text(), what.text()) for place, what in note.problem_list.items] == [
        ("Line 2 · streaks.rest_days", "Must be 6 or less."),
        ("Line 5 · backups.dialy_days", "This field is not known; did you mean 'daily_days'?"),
    ]
    texts = "\n".join(label.text() for label in dialog.findChildren(QLabel) if label.isVisible())
    assert str(folder.data_dir) not in texts and texts.count("settings.toml") == 1
    assert not dialog.problem.isVisible()  # the line kept for a choice that cannot be saved
    note.copy_button.click()
    assert QGuiApplication.clipboard().text().splitlines() == [
        str(folder.settings_file),
        "Line 2 · streaks.rest_days: Must be 6 or less.",
        "Line 5 · backups.dialy_days: This field is not known; did you mean 'daily_days'?",
    ]
    assert str(folder.data_dir) in note.folder_button.toolTip()

    dialog.rest_days.setValue(2)  # saving writes a whole new file: its problems are gone
    assert not note.isVisible()
    assert load_settings(folder.settings_file).error is None
