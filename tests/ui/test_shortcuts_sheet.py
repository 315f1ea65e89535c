"""Help > Keyboard shortcuts lists the keys of the practice-session and rehearsal windows as
those windows bind them, and the README's keyboard table names the same keys."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest

from desktop.domain.practice import AttemptSubject
from desktop.domain.stories import StoryDraft
from desktop.store import stories as stories_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.page_keys import noted_keys
from desktop.ui.pages import build_main_window
from desktop.ui.plan.week_grid import DAY_KEYS as PLAN_DAYS
from desktop.ui.plan.week_grid import DayList
from desktop.ui.practice.session_window import PracticeSessionWindow
from desktop.ui.safety.backups_dialog import BackupsDialog
from desktop.ui.shortcuts_sheet import ShortcutsSheet, shortcut_groups
from desktop.ui.stories.rehearsal_dialog import RehearsalDialog
from desktop.ui.trends.calendar import DAY_KEYS as CALENDAR_DAYS
from desktop.ui.trends.calendar import PICK_KEYS as CALENDAR_PICK
from desktop.ui.trends.calendar import WEEK_KEYS as CALENDAR_WEEKS
from desktop.ui.trends.charts import PICK_KEYS as CHART_PICK
from desktop.ui.trends.charts import STEP_KEYS as CHART_STEPS
from desktop.ui.window_keys import DELETE_BACKUP, FINISH_SESSION, WINDOWS, key_name

README = Path(__file__).parents[2] / "README.md"
NATIVE = QKeySequence.SequenceFormat.NativeText
SUBJECT = AttemptSubject("Two Sum", kind="code", target_minutes=15)


def _sheet(qtbot, context: AppContext) -> dict[str, list[tuple[str, str]]]:
    window = build_main_window(context)
    qtbot.addWidget(window)
    sheet = ShortcutsSheet(shortcut_groups(window), window)
    qtbot.addWidget(sheet)
    return sheet.rows()


def _keys(button) -> list[str]:  # type: ignore[no-untyped-def]
    """A button's own keys, then those of the shortcuts that click it."""
    extra = [s.key().toString(NATIVE) for s in button.findChildren(QShortcut)]
    return [button.shortcut().toString(NATIVE), *extra]


def _named(keys: list[str]) -> str:
    """Keys as the sheet names them: "Enter" once for both Enter keys."""
    return ", ".join(dict.fromkeys(key_name(QKeySequence(key)) for key in keys))


def test_the_sheet_lists_the_practice_session_keys_it_really_has(qtbot, context) -> None:
    listed = _sheet(qtbot, context)
    window = PracticeSessionWindow(context, SUBJECT)
    qtbot.addWidget(window)
    session = dict(listed["In a practice session"])
    assert session["Pause or resume the timer"] == _named(_keys(window.pause_button))
    assert session["Finish and log the session"] == _named(_keys(window.finish_button))
    assert _keys(window.pause_button) == ["Ctrl+P"]
    assert _keys(window.finish_button) == ["Ctrl+Return", "Ctrl+Enter"]
    window.discard_without_asking()


def test_the_sheet_lists_the_rehearsal_keys_it_really_has(qtbot, context) -> None:
    with context.writing() as session:
        story_id = stories_store.create_story(
            session=session, draft=StoryDraft(title="The outage"), now=context.now()
        )
    with session_scope(context.profile.engine) as session:
        story = stories_store.get_story(session=session, story_id=story_id)
    assert story is not None
    listed = dict(_sheet(qtbot, context)["While rehearsing a story"])
    dialog = RehearsalDialog(context, story)
    qtbot.addWidget(dialog)
    assert listed["Pause or resume the timer"] == _named(_keys(dialog.pause_button))
    assert listed["Stop the timer and rate the rehearsal"] == _named(_keys(dialog.done_button))


def test_the_keypad_enter_finishes_a_session_too(qtbot, context, monkeypatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(PracticeSessionWindow, "ask_outcome", lambda _self: asked.append(True))
    window = PracticeSessionWindow(context, SUBJECT)
    qtbot.addWidget(window)
    window.show()
    (keypad,) = window.finish_button.findChildren(QShortcut)
    assert keypad.key() == QKeySequence("Ctrl+Enter")
    keypad.activated.emit()
    qtbot.waitUntil(lambda: asked == [True])
    window.discard_without_asking()


def test_the_sheet_lists_the_journal_save_shortcut(qtbot, context) -> None:
    assert ("Save the entry now", "Ctrl+S") in _sheet(qtbot, context)["On the Journal page"]


def test_the_readme_names_the_same_keys_as_the_sheet(qtbot, context) -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## Keyboard") :].split("\n## ", 1)[0]
    named = set(re.findall(r"^\| ([^|]+?) \|", table, flags=re.MULTILINE))
    keys = {key for row in named for key in row.split(" / ")}
    for _heading, bindings in WINDOWS:
        for binding in bindings:
            for sequence in binding.sequences():
                assert key_name(sequence) in keys, key_name(sequence)
    assert "Ctrl+S" in keys
    assert FINISH_SESSION.keys == ("Ctrl+Return", "Ctrl+Enter")


def _page_keys(qtbot, context: AppContext, page_key: str):  # type: ignore[no-untyped-def]
    window = build_main_window(context)
    qtbot.addWidget(window)
    page = window.page(page_key)
    sheet = ShortcutsSheet(shortcut_groups(window), window)
    qtbot.addWidget(sheet)
    return page, dict(sheet.rows()[f"On the {page.title} page"])


def test_the_sheet_lists_the_keys_pages_handle_themselves(qtbot, context) -> None:
    _page, trends = _page_keys(qtbot, context, "trends")
    assert trends[CALENDAR_WEEKS.what] == "Left, Right"
    assert trends[CALENDAR_DAYS.what] == "Up, Down"
    assert trends[CALENDAR_PICK.what] == "Enter, Space"
    assert trends[CHART_STEPS.what] == "Left, Right"
    assert trends[CHART_PICK.what] == "Enter"
    _page, plan = _page_keys(qtbot, context, "plan")
    assert plan[PLAN_DAYS.what] == "Left, Right"
    assert plan["Start a practice session on the planned item"] == "Enter"
    _page, path = _page_keys(qtbot, context, "path")
    assert path["Start a practice session on the item"] == "Enter"
    listed = _sheet(qtbot, context)
    assert ("Delete the selected backup", "Delete") in listed["In the Backups window"]
    assert ("Open the chosen hit", "Enter") in listed["In Search everything"]


def test_the_calendar_answers_to_the_keys_the_sheet_lists(qtbot, context) -> None:
    page, _trends = _page_keys(qtbot, context, "trends")
    calendar = page.calendar
    today = calendar.current
    QTest.keyClick(calendar, Qt.Key.Key_Left)
    assert calendar.current == today - timedelta(days=7)
    QTest.keyClick(calendar, Qt.Key.Key_Down)
    assert calendar.current == today - timedelta(days=6)
    with qtbot.waitSignal(calendar.day_picked) as picked:
        QTest.keyClick(calendar, Qt.Key.Key_Space)
    assert picked.args == [today - timedelta(days=6)]


def test_the_plan_days_answer_to_the_keys_the_sheet_lists(qtbot, context) -> None:
    day = DayList(date(2026, 12, 7))
    qtbot.addWidget(day)
    with qtbot.waitSignal(day.step) as stepped:
        QTest.keyClick(day, Qt.Key.Key_Right)
    assert stepped.args == [1]
    with qtbot.waitSignal(day.step) as stepped:
        QTest.keyClick(day, Qt.Key.Key_Left, Qt.KeyboardModifier.KeypadModifier)
    assert stepped.args == [-1]
    with qtbot.assertNotEmitted(day.step):
        QTest.keyClick(day, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)


def test_the_backups_delete_key_is_the_one_the_sheet_lists(qtbot, context) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    dialog = BackupsDialog(window)
    qtbot.addWidget(dialog)
    keys = [s.key() for s in dialog.table.findChildren(QShortcut)]
    assert keys == DELETE_BACKUP.sequences()


def test_the_readme_names_the_keys_pages_handle_themselves(qtbot, context) -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## Keyboard") :].split("\n## ", 1)[0]
    named = set(re.findall(r"^\| ([^|]+?) \|", table, flags=re.MULTILINE))
    keys = {key for row in named for key in row.split(" / ")}
    window = build_main_window(context)
    qtbot.addWidget(window)
    noted = [keys for page in window.pages for keys in noted_keys(window.page(page.page_key))]
    assert PLAN_DAYS in noted and CALENDAR_WEEKS in noted
    for listed in [*noted, *(keys for _heading, bindings in WINDOWS for keys in bindings)]:
        assert set(listed.text().split(", ")) <= keys, listed


def test_both_enter_keys_are_named_once(qtbot, context) -> None:
    listed = _sheet(qtbot, context)
    rows = [keys for group in listed.values() for _what, keys in group]
    assert "Ctrl+Enter" in rows
    assert not [keys for keys in rows if len(keys.split(", ")) != len(set(keys.split(", ")))]


def test_the_sheet_says_enter_presses_the_focused_button(qtbot, context) -> None:
    listed = _sheet(qtbot, context)
    assert listed["Anywhere in the window"] == [("Press the focused button", "Enter, Space")]
