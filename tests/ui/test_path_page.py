from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop.domain.path_file import PathFileError
from desktop.domain.progress import ItemStatus
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.path.add_item_dialog import AddItemDialog
from desktop.ui.path.checklist_model import Column
from desktop.ui.path.page import PathPage
from desktop.ui.path.problems_banner import MOST_PROBLEMS_LISTED, PathProblemsBanner
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.file_problems import PROBLEMS_SHOWN
from tests.failures import SQLITE_FULL, SQLITE_READONLY, sqlite_failure
from tests.helpers.told import file_problems_told, problems_told
from tests.samples import SMALL_PATH, add_custom_item


@pytest.fixture
def page(open_page) -> PathPage:
    return open_page(PathPage)


def _statuses(context: AppContext, path_id: str = "backend-senior") -> dict[str, ItemStatus]:
    with session_scope(context.profile.engine) as session:
        saved = progress_store.saved_progress(session=session, path_id=path_id)
    return {item_id: progress.status for item_id, progress in saved.items()}


def test_shows_backend_path_first_with_its_stages(page: PathPage) -> None:
    assert page.current_path_id() == "backend-senior"
    stage_titles = [
        page.model.stage_at(page.model.index(row, 0)).title  # type: ignore[union-attr]
        for row in range(page.model.rowCount())
    ]
    assert stage_titles[0] == "Foundations: Algorithms and Data Structures"
    assert stage_titles[-1] == "Behavioral: Ownership evidence"
    assert page.overall_label.text().startswith("0 of ")
    picker_ids = [page.path_picker.itemData(i) for i in range(page.path_picker.count())]
    assert picker_ids == ["backend-senior", "ml-engineer", "sre-devops"]


def test_status_buttons_save_and_update_progress(page: PathPage, context: AppContext) -> None:
    assert page.select_item("3sum")
    done = next(b for b in page.panel.status_buttons.buttons() if b.property("status") == "done")
    done.click()
    assert _statuses(context)["3sum"] is ItemStatus.DONE
    index = page.model.index_of_item("3sum").siblingAtColumn(Column.STATUS)
    assert page.model.data(index) == "Done"
    assert page.overall_label.text().startswith("1 of ")
    assert "Done since" in page.panel.history.text()


def test_keyboard_shortcut_actions_change_status(page: PathPage, context: AppContext) -> None:
    page.select_item("group-anagrams")
    page.status_actions[ItemStatus.NEEDS_REVIEW].trigger()
    assert _statuses(context)["group-anagrams"] is ItemStatus.NEEDS_REVIEW
    assert "to review" in page.overall_label.text()


def test_notes_autosave_after_a_pause_and_on_switch(
    qtbot, page: PathPage, context: AppContext
) -> None:
    page.select_item("3sum")
    page.panel.notes_editor.setPlainText("Sort first, then **two pointers**.")
    qtbot.waitUntil(lambda: page.panel.save_state.text() == "Saved", timeout=3000)
    page.panel.notes_editor.setPlainText("Sort first.\n\n- dedupe")
    page.select_item("group-anagrams")  # switching saves at once, without waiting
    with session_scope(context.profile.engine) as session:
        saved = progress_store.saved_progress(session=session, path_id="backend-senior")
    assert saved["3sum"].notes == "Sort first.\n\n- dedupe"


def test_notes_preview_is_rendered_safely(page: PathPage) -> None:
    page.select_item("3sum")
    page.panel.notes_editor.setPlainText("# Plan\n\n<script>alert(1)</script>\n\n- [x] sorted")
    page.panel.notes_tabs.setCurrentIndex(1)
    html = page.panel.notes_preview.toHtml()
    text = page.panel.notes_preview.toPlainText()
    assert "Plan" in text and "\u2611" in text
    assert "alert(1)" not in html.replace("&lt;", "<") or "<script>" not in html


def test_filters_by_status_kind_and_text(page: PathPage) -> None:
    page.set_status("3sum", ItemStatus.DONE)
    page.status_filter.setCurrentIndex(page.status_filter.findData("done"))
    visible = [
        page.model.item_at(page.model.index(0, 0, page.model.index(r, 0)))
        for r in range(page.model.rowCount())
    ]
    assert [entry.id for entry in visible if entry] == ["3sum"]
    page.status_filter.setCurrentIndex(0)
    page.kind_filter.setCurrentIndex(page.kind_filter.findData("design"))
    kinds = {
        page.model.item_at(page.model.index(i, 0, page.model.index(r, 0))).item.kind.value  # type: ignore[union-attr]
        for r in range(page.model.rowCount())
        for i in range(page.model.rowCount(page.model.index(r, 0)))
    }
    assert kinds == {"design"}
    page.kind_filter.setCurrentIndex(0)
    page.search.setText("islands")
    assert page.model.rowCount() == 1


def test_the_filter_box_finds_items_by_the_kind_their_row_shows(page: PathPage) -> None:
    def shown_kinds() -> set[str]:
        return {
            page.model.item_at(page.model.index(i, 0, page.model.index(r, 0))).item.kind.value  # type: ignore[union-attr]
            for r in range(page.model.rowCount())
            for i in range(page.model.rowCount(page.model.index(r, 0)))
        }

    page.search.setText("quiz")
    assert "quiz" in shown_kinds()  # "System Design questions" has no "quiz" in its title
    page.search.setText("Design")
    assert "design" in shown_kinds()
    page.search.setText("behavioral")
    assert "behavioral" in shown_kinds()


def test_hide_difficulty_hides_column_and_label(page: PathPage) -> None:
    page.select_item("3sum")
    assert "Medium" in page.panel.facts.text()
    page.hide_difficulty.setChecked(True)
    assert page.tree.isColumnHidden(Column.DIFFICULTY)
    assert "Medium" not in page.panel.facts.text()


def test_add_and_remove_a_custom_item(page: PathPage, context: AppContext, monkeypatch) -> None:
    def answer(stages, preselected, save, parent=None, vocabulary=None):
        dialog = AddItemDialog(stages, preselected, save, parent, vocabulary)
        dialog.stage.setCurrentIndex(dialog.stage.findData(stages[2].id))
        dialog.title.setText("LRU Cache")
        dialog.topics.setText("Hash map, Linked lst")
        dialog._try_accept()
        assert dialog.added is None  # a topic Loopwise does not know is named, not saved
        assert dialog.problem.text().startswith(
            "The topic 'linked lst' is not a tag Loopwise knows"  # the name keeps its capital
        )
        assert "did you mean 'linked-list'?" in dialog.problem.text()
        dialog.topics.setText("Hash map, Linked list, hash map")
        dialog._try_accept()
        return dialog.added

    monkeypatch.setattr(AddItemDialog, "ask", staticmethod(answer))
    page.add_custom_item_from_dialog()
    entry = page.panel.entry
    assert entry is not None and entry.is_custom and entry.item.title == "LRU Cache"
    assert entry.item.topics == ("hash-map", "linked-list")  # stored as the tags' ids
    assert "Practises: Hash map, Linked list" in page.panel.facts.text()
    assert entry.stage_id == "coding-medium"
    assert page.panel.remove_button.isVisibleTo(page)
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    page.panel.remove_button.click()
    assert page.checklist is not None and page.checklist.find(entry.id) is None


def _never_saved(_stage_id: str, _item: object) -> None:
    raise AssertionError("an invalid item must not be saved")


def test_add_item_dialog_refuses_an_empty_or_invisible_title(qtbot, page: PathPage) -> None:
    assert page.checklist is not None
    dialog = AddItemDialog(page.checklist.stages, None, _never_saved)
    qtbot.addWidget(dialog)
    dialog.title.setText("\u200b  \u200b")
    dialog._try_accept()
    assert dialog.added is None
    assert dialog.problem.text() == "Give the item a title."
    dialog.title.setText("Fine title")
    dialog.link.setText("ftp://example.com")
    dialog._try_accept()
    assert dialog.added is None and "http://" in dialog.problem.text()


def test_add_item_dialog_stays_open_when_saving_fails(qtbot, page: PathPage) -> None:
    from desktop.store.errors import WriteFailed

    def disk_full(_stage_id: str, _item: object) -> None:
        raise WriteFailed("the disk is full. Free some space and try again")

    assert page.checklist is not None
    dialog = AddItemDialog(page.checklist.stages, None, disk_full)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Design a parking lot")
    dialog._try_accept()
    assert dialog.isVisible() and dialog.added is None
    assert "could not be saved: the disk is full" in dialog.problem.text()
    assert dialog.title.text() == "Design a parking lot"


def test_importing_a_malformed_path_file_changes_nothing(
    page: PathPage, tmp_path: Path, monkeypatch
) -> None:
    told = file_problems_told(monkeypatch)
    bad = tmp_path / "mine.toml"
    bad.write_text(SMALL_PATH.replace('kind = "reading"', 'kind = "puzzle"'))
    before = sorted(page.context.profile.folder.path_files_dir.iterdir())
    assert page.import_path(bad) is False
    ((place, _what),) = told[0].problem_list.items
    assert place.text() == "Line 13 · stages[1].items[1].kind"
    assert "Nothing was changed" in told[0].outcome.text()
    assert sorted(page.context.profile.folder.path_files_dir.iterdir()) == before
    assert page.path_picker.findData("mine") == -1


def _all_text(widget: QWidget) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_importing_a_file_with_several_mistakes_names_each_of_them(
    page: PathPage, tmp_path: Path, monkeypatch
) -> None:
    told = file_problems_told(monkeypatch)
    bad = tmp_path / "mine.toml"
    bad.write_text(
        SMALL_PATH.replace('kind = "reading"', 'kind = "readng"')
        .replace('difficulty = "easy"', 'difficulty = "hard-ish"')
        .replace('topics = ["hash-map"]', 'topics = ["hash-mapp"]')
    )
    assert page.import_path(bad) is False
    (dialog,) = told
    # The file once, by its name (the whole path in its tooltip), then one item a problem.
    assert dialog.problem_list.file_label.text() == "mine.toml has 3 problems:"
    assert str(bad) in dialog.problem_list.file_label.toolTip()
    assert _all_text(dialog).count("mine.toml") == 1
    assert str(tmp_path) not in _all_text(dialog)
    items = [(place.text(), what.text()) for place, what in dialog.problem_list.items]
    assert [place for place, _what in items] == [
        "Line 13 · stages[1].items[1].kind",
        "Line 14 · stages[1].items[1].difficulty",
        "Line 16 · stages[1].items[1].topics[1]",
    ]
    assert items[0][1].startswith("Must be one of ") and items[0][1].endswith("'reading'?")
    assert items[2][1] == (
        "The topic 'hash-mapp' is not a tag Loopwise knows; did you mean 'hash-map'?"
    )
    # A window's user is not sent to a terminal command.
    assert "loopwise tags" not in _all_text(dialog)
    assert not dialog.problem_list.more_label.isVisibleTo(dialog)


def test_a_file_with_many_mistakes_shows_the_first_and_counts_the_rest(
    page: PathPage, tmp_path: Path, monkeypatch
) -> None:
    told = file_problems_told(monkeypatch)
    topics = ", ".join(f'"not-a-tag-{n}"' for n in range(PROBLEMS_SHOWN + 3))
    bad = tmp_path / "mine.toml"
    bad.write_text(SMALL_PATH.replace('topics = ["hash-map"]', f"topics = [{topics}]"))
    assert page.import_path(bad) is False
    problem_list = told[0].problem_list
    assert problem_list.file_label.text() == f"mine.toml has {PROBLEMS_SHOWN + 3} problems:"
    assert len(problem_list.items) == PROBLEMS_SHOWN
    assert problem_list.more_label.isVisibleTo(told[0])
    assert problem_list.more_label.text() == "…and 3 more problems."


def test_the_banner_lists_every_mistake_of_a_broken_file(qtbot, context: AppContext) -> None:
    broken = SMALL_PATH.replace('kind = "reading"', 'kind = "readng"').replace(
        "target_minutes = 10", "target_minutes = 1"
    )
    (context.profile.folder.path_files_dir / "broken.toml").write_text(broken)
    context.profile.reload_library()
    widget = PathPage(context)
    qtbot.addWidget(widget)
    banner = widget.banner
    assert "One path or quiz file could not be loaded" in banner.heading.text()
    (listed,) = banner.file_lists
    assert listed.file_label.text() == "paths/broken.toml has 2 problems:"
    assert [place.text() for place, _what in listed.items] == ["Line 13 · stages[1].items[1].kind"]
    banner.details_button.click()
    (listed,) = banner.file_lists
    assert [place.text() for place, _what in listed.items] == [
        "Line 13 · stages[1].items[1].kind",
        "Line 15 · stages[1].items[1].target_minutes",
    ]
    assert listed.items[1][1].text().startswith("Must be 5 or more")


def _broken_files_banner(qtbot, context: AppContext, *unknown_topics: int):  # type: ignore[no-untyped-def]
    """The banner over path files that each name that many topics Loopwise does not know
    (one problem a topic)."""
    for number, count in enumerate(unknown_topics):
        topics = ", ".join(f'"made-up-topic-{n}"' for n in range(count))
        text = SMALL_PATH.replace('id = "mine"', f'id = "mine-{number}"', 1)
        (context.profile.folder.path_files_dir / f"broken-{number}.toml").write_text(
            text.replace('topics = ["hash-map"]', f"topics = [{topics}]")
        )
    context.profile.reload_library()
    widget = PathPage(context)
    qtbot.addWidget(widget)
    return widget.banner


def test_show_all_lists_every_problem_and_copy_problems_copies_them(
    qtbot, context: AppContext
) -> None:
    banner = _broken_files_banner(qtbot, context, PROBLEMS_SHOWN + 3, 2)
    assert [len(listed.items) for listed in banner.file_lists] == [1, 1]
    banner.details_button.click()
    assert [len(listed.items) for listed in banner.file_lists] == [PROBLEMS_SHOWN + 3, 2]
    assert not any(listed.more_label.isVisibleTo(banner) for listed in banner.file_lists)

    banner.copy_button.click()
    copied = QGuiApplication.clipboard().text().split("\n\n")
    folder = context.profile.folder.path_files_dir
    assert [part.splitlines()[0] for part in copied] == [
        str(folder / "broken-0.toml"),
        str(folder / "broken-1.toml"),
    ]
    assert [len(part.splitlines()) for part in copied] == [1 + PROBLEMS_SHOWN + 3, 1 + 2]
    assert "made-up-topic-8" in copied[0]


def _many_problems(file: str, count: int) -> PathFileError:
    first, *rest = (
        PathFileError(file, n + 1, "topics", f"problem number {n}") for n in range(count)
    )
    return PathFileError(first.file, first.line, first.field, first.problem, more=tuple(rest))


def test_show_all_stops_listing_at_a_bound_and_copies_the_rest(
    qtbot, context: AppContext, tmp_path: Path
) -> None:
    # A generated file can have thousands of problems: a label each would freeze the window.
    banner = PathProblemsBanner()
    qtbot.addWidget(banner)
    errors = [_many_problems("/p/a.toml", MOST_PROBLEMS_LISTED + 5), _many_problems("/p/b.toml", 3)]
    banner.show_errors(errors, tmp_path)
    banner.details_button.click()
    first, second = banner.file_lists
    assert len(first.items) == MOST_PROBLEMS_LISTED
    assert first.more_label.text() == "…and 5 more problems."
    assert len(second.items) == 1 and second.more_label.text() == "…and 2 more problems."
    banner.copy_button.click()
    copied = QGuiApplication.clipboard().text().splitlines()
    assert len(copied) == 2 + MOST_PROBLEMS_LISTED + 5 + 3 + 1  # a blank line between files
    assert "Line 65 · topics: Problem number 64." in copied


def test_importing_a_good_path_file_adds_and_selects_it(
    page: PathPage, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(dialogs, "tell", lambda *args: None)
    good = tmp_path / "mine.toml"
    good.write_text(SMALL_PATH)
    monkeypatch.setattr(dialogs, "choose_file_to_open", lambda *args: str(good))
    page.import_action.trigger()
    assert page.current_path_id() == "mine"
    assert page.select_item("a")


def test_bad_shipped_or_user_file_shows_a_banner(qtbot, context: AppContext) -> None:
    (context.profile.folder.path_files_dir / "broken.toml").write_text("id = [unclosed\n")
    context.profile.reload_library()
    widget = PathPage(context)
    qtbot.addWidget(widget)
    assert widget.banner.isVisibleTo(widget)
    assert "One path or quiz file could not be loaded" in widget.banner.heading.text()
    (listed,) = widget.banner.file_lists
    assert listed.file_label.text() == "paths/broken.toml has 1 problem:"
    assert listed.items[0][0].text() == "Line 1"
    assert widget.path_picker.count() == 3


def test_the_banner_names_the_folder_each_skipped_file_is_in(qtbot, context: AppContext) -> None:
    """A quiz file and a path file of the same name: each named with its folder, so the user
    knows where to look, collapsed and in Show all."""
    folder = context.profile.folder
    (folder.path_files_dir / "bad.toml").write_text("id = [unclosed\n")
    (folder.quiz_files_dir / "bad.toml").write_text("id = [unclosed\n")
    (folder.quiz_files_dir / "worse.toml").write_text("id = [unclosed\n")
    (folder.quiz_files_dir / "worst.toml").write_text("id = [unclosed\n")
    context.profile.reload_library()
    widget = PathPage(context)
    qtbot.addWidget(widget)
    banner = widget.banner
    names = [listed.file_label.text() for listed in banner.file_lists]
    assert names == [
        "paths/bad.toml has 1 problem:",
        "quizzes/bad.toml has 1 problem:",
        "quizzes/worse.toml has 1 problem:",
    ]
    banner.details_button.click()
    names = [listed.file_label.text() for listed in banner.file_lists]
    assert names[-1] == "quizzes/worst.toml has 1 problem:" and len(names) == 4


def test_many_bad_files_are_summarised_with_details_on_request(qtbot, context: AppContext) -> None:
    for number in range(5):
        (context.profile.folder.path_files_dir / f"broken-{number}.toml").write_text("x = [\n")
    context.profile.reload_library()
    widget = PathPage(context)
    qtbot.addWidget(widget)
    banner = widget.banner
    assert "5 path or quiz files could not be loaded" in banner.heading.text()
    assert len(banner.file_lists) == 3 and banner.more_files.text() == "…and 2 more files."
    banner.details_button.click()
    names = [listed.file_label.text() for listed in banner.file_lists]
    assert names == [f"paths/broken-{n}.toml has 1 problem:" for n in range(5)]
    assert not banner.more_files.isVisibleTo(banner)


def test_a_filter_matching_nothing_says_so_and_can_be_cleared(page: PathPage) -> None:
    page.search.setText("zzzz-no-such-item")
    assert page.list_area.currentIndex() == 1
    clear = next(
        b for b in page.list_area.widget(1).findChildren(QPushButton) if b.text() == "Clear filters"
    )
    clear.click()
    assert page.search.text() == ""
    assert page.list_area.currentIndex() == 0
    assert page.model.rowCount() == 7


def test_filter_text_matches_topics_by_the_label_the_panel_shows(page: PathPage) -> None:
    page.search.setText("heap / top")  # "Heap / top-k"; the path file says "heap-top-k"
    shown = [
        page.model.item_at(page.model.index(i, 0, page.model.index(r, 0)))
        for r in range(page.model.rowCount())
        for i in range(page.model.rowCount(page.model.index(r, 0)))
    ]
    assert shown
    assert all(entry is not None and "heap-top-k" in entry.item.topics for entry in shown)


def test_filter_text_matches_stage_titles(page: PathPage) -> None:
    page.search.setText("database fundamentals")
    assert page.model.rowCount() == 1
    stage = page.model.index(0, 0)
    assert page.model.rowCount(stage) >= 6


def test_changing_status_under_a_filter_keeps_the_users_place(page: PathPage) -> None:
    page.status_filter.setCurrentIndex(page.status_filter.findData("todo"))
    page.select_item("3sum")
    page.set_current_status(ItemStatus.DONE)
    # 3Sum left the filtered list; the item that took its row is selected instead.
    entry = page.panel.entry
    assert entry is not None and entry.id == "group-anagrams"


def test_stage_or_path_overview_shows_when_no_item_is_chosen(page: PathPage) -> None:
    page.tree.setCurrentIndex(page.model.index(4, 0))
    assert page.panel.overview_title.text() == "Database fundamentals"
    assert "of" in page.panel.overview_facts.text() and page.panel.overview_text.text()
    page.tree.setCurrentIndex(page.model.index(0, 0).parent())
    assert page.panel.overview_title.text() == "Junior Backend to Senior Backend"


def test_titles_and_descriptions_never_render_as_markup(page: PathPage) -> None:
    from PySide6.QtCore import Qt

    page.select_item("3sum")
    assert page.panel.title.textFormat() == Qt.TextFormat.PlainText
    index = page.model.index_of_item("3sum")
    tooltip = page.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tooltip.startswith("<p><b>3Sum</b></p>")


def test_delete_key_removes_only_custom_items(
    page: PathPage, context: AppContext, monkeypatch
) -> None:
    page.select_item("3sum")
    assert not page.item_actions.remove.isEnabled()
    assert page.item_actions.remove.shortcut().toString() == "Del"
    add_custom_item(context.profile.engine)
    context.events.progress_changed.emit("backend-senior")
    page.select_item("custom-x")
    assert page.item_actions.remove.isEnabled()
    monkeypatch.setattr(dialogs, "confirm", lambda *args: True)
    page.item_actions.remove.trigger()
    assert page.checklist is not None and page.checklist.find("custom-x") is None


def test_every_control_has_an_accessible_name(page: PathPage) -> None:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QComboBox,
        QLineEdit,
        QPlainTextEdit,
        QTreeView,
    )

    unnamed = [
        type(widget).__name__ + ":" + (getattr(widget, "text", lambda: "")() or "")
        for kind in (QAbstractButton, QComboBox, QLineEdit, QPlainTextEdit, QTreeView)
        for widget in page.findChildren(kind)
        if not widget.accessibleName() and widget.parent() is not None
        and not type(widget).__name__.startswith("QTab")
        and widget.objectName() not in {"qt_spinbox_lineedit"}
        and not isinstance(widget.parent(), QComboBox | QLineEdit)  # Qt's own parts
    ]  # fmt: skip
    assert unnamed == []


def test_page_remembers_path_and_difficulty_choice(qtbot, context: AppContext) -> None:
    first = PathPage(context)
    qtbot.addWidget(first)
    first.restore_state(context.settings)
    first.select_path("sre-devops")
    first.hide_difficulty.setChecked(True)
    first.save_state(context.settings)
    second = PathPage(context)
    qtbot.addWidget(second)
    second.restore_state(context.settings)
    assert second.current_path_id() == "sre-devops"
    assert second.hide_difficulty.isChecked()


def test_context_menu_offers_status_actions(page: PathPage) -> None:
    page.select_item("3sum")
    page.set_status("3sum", ItemStatus.IN_PROGRESS)
    menu = page.build_context_menu()
    labels = [action.text().replace("&", "") for action in menu.actions() if action.text()]
    assert labels == ["Start practice session", "Set status", "Add item…", "Remove item…"]
    status_menu = next(action.menu() for action in menu.actions() if action.menu())
    statuses = [action.text() for action in status_menu.actions()]
    assert statuses == ["To do", "In progress", "Done", "Needs review"]
    checked = [action.text() for action in status_menu.actions() if action.isChecked()]
    assert checked == ["In progress"]


def _disk_full(**_kwargs: object) -> None:

    raise sqlite_failure(SQLITE_FULL)


def test_notes_that_cannot_be_saved_stay_on_screen_and_are_retried(
    qtbot, page: PathPage, context: AppContext, monkeypatch
) -> None:
    page.select_item("3sum")
    with monkeypatch.context() as patched:
        patched.setattr(progress_store, "set_notes", _disk_full)
        page.panel.notes_editor.setPlainText("an insight worth keeping")
        page.panel.flush_notes()
        assert "the disk is full" in page.panel.notes_warning.text()
        assert page.panel.notes_warning.isVisibleTo(page)
        # Moving to another item and back must not lose the unsaved text.
        page.select_item("group-anagrams")
        assert page.panel.notes_editor.toPlainText() == ""
        page.select_item("3sum")
        assert page.panel.notes_editor.toPlainText() == "an insight worth keeping"
        assert page.has_unsaved_work()
    # Space was freed: the retry saves it without the user doing anything.
    qtbot.waitUntil(lambda: page.panel.save_state.text() == "Saved", timeout=8000)
    assert not page.panel.notes_warning.isVisibleTo(page)
    assert not page.has_unsaved_work()
    with session_scope(context.profile.engine) as session:
        saved = progress_store.saved_progress(session=session, path_id="backend-senior")
    assert saved["3sum"].notes == "an insight worth keeping"


def test_switching_path_with_unsaved_notes_stays_put(page: PathPage, monkeypatch) -> None:
    told = problems_told(monkeypatch)
    monkeypatch.setattr(progress_store, "set_notes", _disk_full)
    page.select_item("3sum")
    page.panel.notes_editor.setPlainText("not on disk yet")
    page.select_path("sre-devops")
    assert page.current_path_id() == "backend-senior"
    assert told and "could not be saved" in told[0]
    assert page.panel.notes_editor.toPlainText() == "not on disk yet"


def test_a_status_change_that_cannot_be_saved_is_reported(
    page: PathPage, context: AppContext, monkeypatch
) -> None:

    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell_not_saved", lambda _p, what, why: told.append(why))

    def read_only(**_kwargs: object) -> bool:
        raise sqlite_failure(SQLITE_READONLY)

    monkeypatch.setattr(progress_store, "set_status", read_only)
    page.select_item("3sum")
    page.set_current_status(ItemStatus.DONE)
    assert told and "read-only" in told[0]
    checked = [b for b in page.panel.status_buttons.buttons() if b.isChecked()]
    assert [b.property("status") for b in checked] == ["todo"]


def test_importing_a_path_with_an_existing_id_asks_before_replacing(
    page: PathPage, tmp_path: Path, monkeypatch
) -> None:
    questions: list[str] = []
    answers = iter([False, True])

    def answer(_parent, _title, question, _action) -> bool:
        questions.append(question)
        return next(answers)

    monkeypatch.setattr(dialogs, "confirm", answer)
    monkeypatch.setattr(dialogs, "tell", lambda *args: None)
    mine = tmp_path / "sre.toml"
    mine.write_text(SMALL_PATH.replace('id = "mine"', 'id = "sre-devops"'))
    user_dir = page.context.profile.folder.path_files_dir

    assert page.import_path(mine) is False  # the user said no
    assert not (user_dir / "sre-devops.toml").exists()
    assert "“SRE / DevOps” is already here" in questions[0]
    assert "will be shown as retired" in questions[0]

    assert page.import_path(mine) is True
    assert (user_dir / "sre-devops.toml").exists()
    assert page.current_path_id() == "sre-devops"
    assert page.path_picker.currentText() == "My path"


def test_notes_typed_just_before_switching_path_stay_with_their_item(
    page: PathPage, context: AppContext
) -> None:
    page.select_item("3sum")
    page.panel.notes_editor.setPlainText("sort, then two pointers")
    page.select_path("ml-engineer")  # no pause for the autosave
    with session_scope(context.profile.engine) as session:
        backend = progress_store.saved_progress(session=session, path_id="backend-senior")
        ml = progress_store.saved_progress(session=session, path_id="ml-engineer")
    assert backend["3sum"].notes == "sort, then two pointers"
    assert "3sum" not in ml


def test_typing_back_to_the_saved_notes_forgets_a_failed_save(
    page: PathPage, context: AppContext, monkeypatch
) -> None:
    page.select_item("3sum")
    page.panel.notes_editor.setPlainText("kept")
    page.panel.flush_notes()
    with monkeypatch.context() as patched:
        patched.setattr(progress_store, "set_notes", _disk_full)
        page.panel.notes_editor.setPlainText("never saved")
        page.panel.flush_notes()
        page.panel.notes_editor.setPlainText("kept")  # the user undid it
        page.panel.flush_notes()
    assert not page.has_unsaved_work()
    with session_scope(context.profile.engine) as session:
        saved = progress_store.saved_progress(session=session, path_id="backend-senior")
    assert saved["3sum"].notes == "kept"


def test_the_panel_names_a_mistake_the_item_trains_against_apart(page: PathPage) -> None:
    """What "Practises" names is what the session dialog ticks under Patterns applied; a
    mistake such as Complexity analysis is one to watch out for."""
    assert page.select_item("big-o-drill")
    facts = page.panel.facts.text()
    assert "Watch out for: Complexity analysis" in facts
    assert "Practises" not in facts
    assert page.select_item("two-sum-ii-sorted")
    assert "Practises: Two pointers" in page.panel.facts.text()
    assert "Watch out for" not in page.panel.facts.text()
