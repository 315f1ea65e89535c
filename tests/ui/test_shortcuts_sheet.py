"""Help > Keyboard shortcuts lists the keys of the practice-session and rehearsal windows as
those windows bind them, and the README's keyboard table names the same keys."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut

from desktop.domain.practice import AttemptSubject
from desktop.domain.stories import StoryDraft
from desktop.store import stories as stories_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.practice.session_window import PracticeSessionWindow
from desktop.ui.shortcuts_sheet import ShortcutsSheet, shortcut_groups
from desktop.ui.stories.rehearsal_dialog import RehearsalDialog
from desktop.ui.window_keys import FINISH_SESSION, WINDOWS

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


def test_the_sheet_lists_the_practice_session_keys_it_really_has(qtbot, context) -> None:
    listed = _sheet(qtbot, context)
    window = PracticeSessionWindow(context, SUBJECT)
    qtbot.addWidget(window)
    session = dict(listed["In a practice session"])
    assert session["Pause or resume the timer"] == ", ".join(_keys(window.pause_button))
    assert session["Finish and log the session"] == ", ".join(_keys(window.finish_button))
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
    assert listed["Pause or resume the timer"] == ", ".join(_keys(dialog.pause_button))
    assert listed["Stop the timer and rate the rehearsal"] == ", ".join(_keys(dialog.done_button))


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
                assert sequence.toString(NATIVE) in keys, sequence.toString(NATIVE)
    assert "Ctrl+S" in keys
    assert FINISH_SESSION.keys == ("Ctrl+Return", "Ctrl+Enter")
