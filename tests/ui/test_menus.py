"""The menu bar: the same menus on every page, standard Edit actions that follow the focus,
unique access keys, a shortcuts sheet read from the actions, and Help's data folder."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.store import practice as practice_store
from desktop.ui.main_window import MainWindow
from desktop.ui.mnemonics import mnemonic
from desktop.ui.shortcuts_sheet import ShortcutsSheet, menu_label, shortcut_groups

STANDARD_EDIT = ["Undo", "Redo", "Cut", "Copy", "Paste", "Select all", "Find"]


def _all_menus(menu: QMenu) -> list[QMenu]:
    found = [menu]
    for action in menu.actions():
        if isinstance(action.menu(), QMenu):
            found += _all_menus(action.menu())  # type: ignore[arg-type]
    return found


def _layout(window: MainWindow) -> list[tuple[str, list[tuple[str, bool]]]]:
    """Every menu and entry, and whether each is shown in the menu bar."""
    return [
        (
            menu_label(top.title()),
            [(menu_label(a.text()), a.isVisible()) for a in menu.actions() if a.text()],
        )
        for top in window.top_menus()
        for menu in _all_menus(top)
    ]


def _action(menu: QMenu, label: str) -> QAction:
    return next(a for a in menu.actions() if menu_label(a.text()) == label)


def test_every_page_has_the_same_menus_with_the_standard_actions(
    qtbot, context, open_window
) -> None:
    window = open_window(active=True)
    seen = []
    for page in window.pages:
        window.show_page(page.page_key)
        seen.append(_layout(window))
    assert all(layout == seen[0] for layout in seen)
    menus = dict(seen[0])
    assert [title for title, _ in seen[0][:3]] == ["File", "Edit", "View"]
    assert all(shown for entries in menus.values() for _label, shown in entries)
    assert [label for label, _ in menus["Edit"]][: len(STANDARD_EDIT)] == STANDARD_EDIT
    file_labels = {label for label, _ in menus["File"]}
    assert {"Import path file", "Import quiz file", "New journal entry", "Quit"} <= file_labels
    assert {"Keyboard shortcuts", "Open data folder", "About Loopwise"} <= {
        label for label, _ in menus["Help"]
    }


def test_item_commands_are_off_away_from_the_learning_path(qtbot, context, open_window) -> None:
    window = open_window(active=True)
    path = window.current_page()
    assert path.select_item("3sum")  # type: ignore[attr-defined]
    actions = path.item_actions  # type: ignore[attr-defined]
    assert actions.add.isEnabled() and all(a.isEnabled() for a in actions.status.values())
    window.show_page("journal")
    assert not actions.add.isEnabled()
    assert not any(a.isEnabled() for a in actions.status.values())
    assert actions.import_path.isEnabled() and actions.import_quiz.isEnabled()
    window.show_page("path")
    assert actions.add.isEnabled() and actions.status[next(iter(actions.status))].isEnabled()


def test_access_keys_are_unique_in_every_menu(qtbot, context, open_window) -> None:
    window = open_window(active=True)
    for top in window.top_menus():
        for menu in _all_menus(top):
            menu.aboutToShow.emit()  # menus filled when opened (routines) too
            keys = [mnemonic(a.text()) for a in menu.actions() if a.text()]
            given = [key for key in keys if key is not None]
            assert len(given) == len(set(given)), (menu.title(), keys)
            assert None not in keys, (menu.title(), [a.text() for a in menu.actions()])
    titles = [mnemonic(menu.title()) for menu in window.top_menus()]
    assert len(titles) == len(set(titles))


def test_edit_actions_follow_the_focused_text_box(qtbot, context, open_window) -> None:
    window = open_window(active=True)
    edit = window.edit_actions
    box = window.current_page().search  # type: ignore[attr-defined]
    window.navigation.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is window.navigation)
    assert not edit.copy.isEnabled() and not edit.select_all.isEnabled()

    box.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is box)
    assert not edit.copy.isEnabled() and not edit.undo.isEnabled()
    box.insert("two sum")  # as typed: setText would not be undoable
    assert edit.undo.isEnabled() and edit.select_all.isEnabled()
    edit.select_all.trigger()
    assert box.selectedText() == "two sum"
    assert edit.copy.isEnabled() and edit.cut.isEnabled()
    edit.cut.trigger()
    assert box.text() == "" and QGuiApplication.clipboard().text() == "two sum"
    assert edit.paste.isEnabled() and not edit.copy.isEnabled()
    edit.paste.trigger()
    edit.paste.trigger()
    assert box.text() == "two sumtwo sum"
    edit.undo.trigger()
    assert box.text() == "two sum"
    assert edit.redo.isEnabled()
    edit.redo.trigger()
    assert box.text() == "two sumtwo sum"


def test_edit_undo_outside_a_text_box_is_the_pages_undo(qtbot, context, open_window) -> None:
    window = open_window(active=True)
    window.show_page("practice")
    log = window.page("practice")
    with context.writing() as session:
        practice_store.log_attempt(
            session=session,
            attempt=Attempt(
                subject=AttemptSubject(title="Two Sum", target_minutes=15),
                started_at=datetime(2026, 11, 2, 8, 0, tzinfo=UTC),
                active_seconds=900,
                outcome=Outcome.SOLVED,
                confidence=4,
            ),
            now=context.now(),
        )
    context.events.sessions_changed.emit()
    log.table.selectRow(0)  # type: ignore[attr-defined]
    log.delete_selected()  # type: ignore[attr-defined]
    window.navigation.setFocus()
    qtbot.waitUntil(lambda: window.focusWidget() is window.navigation)
    assert window.edit_actions.undo.isEnabled()
    window.edit_actions.undo.trigger()
    assert log.table.model().rowCount() == 1  # type: ignore[attr-defined]
    window.show_page("trends")  # a page with no undo of its own
    window.navigation.setFocus()
    window.edit_actions.refresh()
    assert not window.edit_actions.undo.isEnabled()


def test_shortcuts_sheet_lists_every_shortcut_the_window_has(qtbot, context, open_window) -> None:
    window = open_window(active=True)
    groups = shortcut_groups(window)
    sheet = ShortcutsSheet(groups, window)
    qtbot.addWidget(sheet)
    listed = sheet.rows()
    pairs = {pair for rows in listed.values() for pair in rows}
    # Every action with keys, in a menu or only on a page (all pages are built by now).
    for action in window.findChildren(QAction):
        if action.shortcuts():
            assert any(text == menu_label(action.text()) for text, _keys in pairs), action.text()
    assert ("Quit", "Ctrl+Q") in listed["File"]
    assert ("Undo", "Ctrl+Z") in listed["Edit"]
    assert ("Move a day earlier", "Alt+Left") in listed["On the Plan page"]
    assert ("New story", "Ctrl+Shift+N") in listed["File"]


def test_help_opens_the_data_folder(qtbot, context, open_window, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(
        "desktop.ui.main_window.QDesktopServices.openUrl", lambda url: opened.append(url) or True
    )
    window = open_window(active=True)
    _action(window.help_menu, "Open data folder").trigger()
    assert [url.toLocalFile() for url in opened] == [str(context.profile.folder.data_dir)]


def test_importing_a_path_from_another_page_shows_it(
    qtbot, context, open_window, monkeypatch
) -> None:
    from pathlib import Path

    from desktop.ui.widgets import dialogs

    tiny = Path(__file__).parents[1] / "data" / "tiny-path.toml"
    monkeypatch.setattr(dialogs, "choose_file_to_open", lambda *_args: str(tiny))
    monkeypatch.setattr(dialogs, "tell", lambda *_args: None)
    window = open_window(active=True)
    window.show_page("stories")
    _action(window.file_menu, "Import path file").trigger()
    assert window.current_page().page_key == "path"
    assert window.current_page().current_path_id() == "tiny-path"  # type: ignore[attr-defined]


def test_set_status_is_off_where_none_of_its_statuses_can_be_set(qtbot) -> None:
    """On another page, or with no item chosen, each status is off: the submenu holding them
    was left on, opening onto four greyed-out entries."""
    from PySide6.QtWidgets import QWidget

    from desktop.ui.path.item_actions import ItemActions

    owner = QWidget()
    qtbot.addWidget(owner)
    actions = ItemActions(owner, active=False)
    set_status = _action(actions.menu, "Set status")
    actions.menu.aboutToShow.emit()
    assert not set_status.isEnabled()
    for status in actions.status.values():  # an item chosen on the Learning path
        status.setEnabled(True)
    actions.menu.aboutToShow.emit()
    assert set_status.isEnabled()


def _stories_in_store(context) -> int:  # type: ignore[no-untyped-def]
    from desktop.store import stories as story_store
    from desktop.store.database import session_scope

    with session_scope(context.profile.engine) as session:
        return len(story_store.all_stories(session=session))


def test_file_new_story_starts_a_story_from_any_page_with_its_keys_shown(
    qtbot, context, open_window
) -> None:
    from PySide6.QtCore import Qt

    window = open_window(active=True)
    new_story = _action(window.file_menu, "New story")
    window.show_page("journal")
    assert new_story.isEnabled() and new_story.shortcut().toString() == "Ctrl+Shift+N"
    new_story.trigger()  # as the Stories page's New story button does
    stories = window.current_page()
    assert stories.page_key == "stories" and _stories_in_store(context) == 1
    assert stories.editor.story_id is not None  # type: ignore[attr-defined]
    assert stories.editor.title.hasFocus()  # type: ignore[attr-defined]

    # The keys from another page: one story more, not two (no second action answers them).
    window.show_page("plan")
    window.navigation.setFocus()
    qtbot.keyClick(
        window.navigation,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.current_page().page_key == "stories" and _stories_in_store(context) == 2


def test_on_the_learning_path_new_story_keeps_its_keys_and_add_item_has_its_own(
    qtbot, context, open_window
) -> None:
    window = open_window(active=True)
    new_story = _action(window.file_menu, "New story")
    window.show_page("path")
    path = window.current_page()
    assert new_story.isEnabled() and new_story.shortcut().toString() == "Ctrl+Shift+N"
    add = path.item_actions.add  # type: ignore[attr-defined]
    assert add.shortcut().toString() == "Ctrl+Shift+A"
    assert "Ctrl+Shift+A" in path.add_button.toolTip()  # type: ignore[attr-defined]
    sheet = ShortcutsSheet(shortcut_groups(window), window)
    qtbot.addWidget(sheet)
    assert ("New story", "Ctrl+Shift+N") in sheet.rows()["File"]
    assert ("Add item", "Ctrl+Shift+A") in sheet.rows()["Item"]
