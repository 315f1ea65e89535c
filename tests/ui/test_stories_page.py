"""The Stories page: writing with autosave and coaching, coverage, loop preparation, rehearsal."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.stories import Scope, Section, Story, StoryDraft, duration_text
from desktop.store import journal as journal_store
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.store.errors import WriteFailed
from desktop.ui.context import AppContext
from desktop.ui.page_keys import noted_keys
from desktop.ui.stories import exports, links
from desktop.ui.stories.coverage_view import COVERED_MARK, GAP_MARK
from desktop.ui.stories.editor import TITLE_ENTER
from desktop.ui.stories.page import SORT_DUE, TAB_COVERAGE, TAB_LOOP, StoriesPage
from desktop.ui.stories.rehearsal_dialog import RehearsalDialog
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE
from tests.clocks import StepClock
from tests.samples import read_back


@pytest.fixture
def page(open_page) -> StoriesPage:
    return open_page(StoriesPage)


def _stored(context: AppContext, story_id: int) -> StoryDraft:
    return _story(context, story_id).draft


def _story(context: AppContext, story_id: int) -> Story:
    return read_back(
        context.profile.engine, lambda s: story_store.get_story(session=s, story_id=story_id)
    )


def _type(page: StoriesPage, section: Section, text: str) -> None:
    page.editor.sections[section].editor.setPlainText(text)


def test_a_new_user_sees_what_to_do(page: StoriesPage) -> None:
    assert page.right.currentIndex() == 0
    assert page.list_area.currentIndex() == 1
    assert "Situation, Task, Action and Result" in page.empty_state.message.text()
    # One welcome, not a count of nothing, and no export of nothing.
    assert page.list_heading.isHidden() and page.list_empty.text() == ""
    assert not page.export_button.isEnabled()
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    assert "0 of" in page.coverage_view.summary.text()
    assert page.coverage_view.empty.isVisibleTo(page.coverage_view)
    assert page.new_story() is not None
    assert not page.list_heading.isHidden() and page.export_button.isEnabled()


def test_writing_a_story_is_saved_as_you_type_and_coached(
    qtbot, page: StoriesPage, context: AppContext
) -> None:
    story_id = page.new_story()
    assert story_id is not None and page.right.currentIndex() == 1
    page.editor.title.setText("Sale-day outage")
    page.editor.title.textEdited.emit("Sale-day outage")
    _type(page, Section.SITUATION, "Checkout errors jumped during the sale.")
    _type(page, Section.TASK, "I was on call.")
    _type(page, Section.ACTION, "We rolled back, we paged the team and we fixed the pool.")
    _type(page, Section.RESULT, "Customers were happy again.")
    coach = page.editor.coach.text()
    assert "The Result has no number in it" in coach
    assert "“we” 3 times and “I” 0 times" in coach
    assert "No theme yet" in coach
    assert page.editor.section_labels[Section.ACTION].text() == "Action  ·  12 words  ·  5 s"
    assert page.editor.timing.text().startswith("About 10 s spoken (26 words")

    _type(page, Section.RESULT, "Errors fell from 18% to 0.4% within 6 minutes.")
    page.editor.themes.set_checked("production-incident", True)
    page.editor.scope.setCurrentIndex(page.editor.scope.findData(Scope.TEAMS.value))
    page.editor.companies.setText("Amazon, Stripe")
    page.editor.companies.textEdited.emit("Amazon, Stripe")
    assert "number" not in page.editor.coach.text()
    qtbot.waitUntil(lambda: page.editor.save_state.text() == "Saved", timeout=3000)
    saved = _stored(context, story_id)
    assert saved.title == "Sale-day outage"
    assert saved.result.startswith("Errors fell")
    assert saved.themes == ("production-incident",)
    assert saved.scope is Scope.TEAMS and saved.companies == ("Amazon", "Stripe")
    assert "Sale-day outage" in str(page.model.index(0, 0).data())


def test_a_failed_save_keeps_the_text_and_says_so(
    page: StoriesPage, context: AppContext, monkeypatch
) -> None:
    story_id = page.new_story()
    assert story_id is not None

    def disk_full(**_kwargs: object) -> bool:
        raise WriteFailed("the disk is full. Free some space and try again")

    monkeypatch.setattr(story_store, "save_story", disk_full)
    _type(page, Section.ACTION, "I profiled the request path.")
    page.editor.flush()
    assert page.editor.warning.isVisibleTo(page)
    assert "the disk is full" in page.editor.warning.text()
    assert page.editor.sections[Section.ACTION].text() == "I profiled the request path."
    assert page.has_unsaved_work()

    monkeypatch.undo()
    page.editor.flush()
    assert not page.editor.warning.isVisibleTo(page)
    assert _stored(context, story_id).action == "I profiled the request path."
    assert not page.has_unsaved_work()


def test_switching_stories_saves_without_waiting(page: StoriesPage, context: AppContext) -> None:
    first = page.new_story(StoryDraft(title="First"))
    second = page.new_story(StoryDraft(title="Second"))
    assert first is not None and second is not None
    page.open_story(first)
    _type(page, Section.TASK, "Typed just before switching.")
    page.open_story(second)
    assert _stored(context, first).task == "Typed just before switching."
    assert page.editor.title.text() == "Second"


def test_a_story_that_could_not_be_saved_is_not_switched_away_from(
    page: StoriesPage, context: AppContext, monkeypatch
) -> None:
    first = page.new_story(StoryDraft(title="First"))
    second = page.new_story(StoryDraft(title="Second"))
    assert first is not None and second is not None
    page.open_story(first)

    def disk_full(**_kwargs: object) -> bool:
        raise WriteFailed("the disk is full. Free some space and try again")

    monkeypatch.setattr(story_store, "save_story", disk_full)
    _type(page, Section.ACTION, "Typed while the disk was full.")
    page.list.setCurrentIndex(page.model.index(page.model.row_of(second), 0))  # a click
    assert not page.open_story(second)
    assert page.new_story() is None
    assert page.editor.story_id == first and page.editor.title.text() == "First"
    assert page.editor.sections[Section.ACTION].text() == "Typed while the disk was full."
    assert page.editor.warning.isVisibleTo(page)
    assert page.list.currentIndex().row() == page.model.row_of(first)
    assert page.model.rowCount() == 2

    monkeypatch.undo()
    assert page.open_story(second)
    assert _stored(context, first).action == "Typed while the disk was full."


def _new_story(page: StoriesPage, title: str) -> int:
    story_id = page.new_story(StoryDraft(title=title))
    assert story_id is not None
    return story_id


def _changed_elsewhere(context: AppContext, story_id: int, draft: StoryDraft | None) -> None:
    """What a restore or an import does: the stored story changes (or goes), then the signal."""
    with context.writing() as session:
        if draft is None:
            story_store.delete_story(session=session, story_id=story_id, now=context.now())
        else:
            story_store.save_story(
                session=session, story_id=story_id, draft=draft, now=context.now()
            )
        story_store.create_story(
            session=session, draft=StoryDraft(title="Restored"), now=context.now()
        )
    context.events.stories_changed.emit()


def test_a_story_changed_by_a_restore_is_shown_as_restored(
    page: StoriesPage, context: AppContext
) -> None:
    story_id = page.new_story(StoryDraft(title="Mine", action="Old action."))
    assert story_id is not None
    _changed_elsewhere(context, story_id, StoryDraft(title="Mine", action="Restored action."))
    assert page.editor.sections[Section.ACTION].text() == "Restored action."
    assert "Restored" in [page.model.row_at(r).story.title for r in range(page.model.rowCount())]  # type: ignore[union-attr]
    page.editor.title.setText("Mine, renamed")
    page.editor.title.textEdited.emit("Mine, renamed")
    page.editor.flush()
    assert _stored(context, story_id).action == "Restored action."


def test_a_story_removed_by_a_restore_leaves_the_editor(
    page: StoriesPage, context: AppContext
) -> None:
    story_id = _new_story(page, "Gone")
    _changed_elsewhere(context, story_id, None)
    # The editor moves on to the story that is left (the welcome is for an empty bank).
    assert page.editor.story_id not in (None, story_id) and page.right.currentIndex() == 1
    assert page.editor.title.text() == "Restored"
    assert page.model.rowCount() == 1


def test_typing_not_yet_saved_survives_a_restore_and_the_user_is_told(
    page: StoriesPage, context: AppContext
) -> None:
    story_id = _new_story(page, "Mine")
    _type(page, Section.RESULT, "Typed just before the restore.")
    _changed_elsewhere(context, story_id, StoryDraft(title="Mine", result="Restored result."))
    assert page.editor.sections[Section.RESULT].text() == "Typed just before the restore."
    assert page.editor.notice.isVisibleTo(page)
    assert "restore" in page.editor.notice.text()
    page.editor.flush()
    assert _stored(context, story_id).result == "Typed just before the restore."


def test_typing_on_a_story_a_restore_removed_is_kept_as_a_new_story(
    page: StoriesPage, context: AppContext
) -> None:
    story_id = _new_story(page, "Gone")
    _type(page, Section.TASK, "Typed just before the restore.")
    _changed_elsewhere(context, story_id, None)
    kept = page.editor.story_id
    assert kept is not None and kept != story_id
    assert _stored(context, kept).task == "Typed just before the restore."
    assert page.editor.notice.isVisibleTo(page) and "new story" in page.editor.notice.text()
    assert page.model.rowCount() == 2 and not page.has_unsaved_work()


def test_a_deleted_story_can_be_brought_back(page: StoriesPage, context: AppContext) -> None:
    story_id = page.new_story(StoryDraft(title="Keep me", themes=("conflict",)))
    assert story_id is not None
    page.editor.delete_button.click()
    assert page.model.rowCount() == 0 and page.right.currentIndex() == 0
    assert page.undo_bar.isVisibleTo(page)
    assert "Keep me" in page.undo_bar.text.text()
    page.undo_delete()
    assert page.model.rowCount() == 1
    assert page.editor.story_id == story_id and page.editor.title.text() == "Keep me"
    assert not page.undo_bar.isVisibleTo(page)


def test_deleting_a_story_opens_the_next_one(page: StoriesPage) -> None:
    ids = [page.new_story(StoryDraft(title=t, themes=("conflict",))) for t in "ABC"]
    listed = [page.model.row_at(row).id for row in range(3)]  # type: ignore[union-attr]
    page.open_story(listed[1])
    page.editor.delete_button.click()
    assert page.model.rowCount() == 2 and page.right.currentIndex() == 1
    assert page.editor.story_id == listed[2]
    assert page.list.currentIndex().row() == page.model.row_of(listed[2])
    page.editor.delete_button.click()  # the last one listed: the one before it opens
    assert page.editor.story_id == listed[0] and set(ids) >= set(listed)


def test_the_list_models_are_sound(qtmodeltester, page: StoriesPage) -> None:
    page.new_story(StoryDraft(title="One", themes=("conflict", "ownership")))
    page.new_story(StoryDraft(title="Two", themes=("conflict",)))
    qtmodeltester.check(page.model)
    qtmodeltester.check(page.coverage_view.model)
    html = page.model.index(0, 0).data(HTML_ROLE)
    assert "Never rehearsed" in html


def test_the_coverage_matrix_follows_the_tags(page: StoriesPage) -> None:
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    page.coverage_view.choose_set("backend-path")
    model = page.coverage_view.model
    assert model.rowCount() == 5 and model.columnCount() == 0
    assert "0 of 5 themes have a story" in page.coverage_view.summary.text()

    story_id = page.new_story(StoryDraft(title="Outage", themes=("production-incident",)))
    assert story_id is not None
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    assert model.columnCount() == 1
    row = [t.id for t in model.coverage.themes].index("missed-deadline-or-incident")
    assert model.index(row, 0).data() == COVERED_MARK
    assert "1 of 5 themes have a story" in page.coverage_view.summary.text()
    assert "Ownership" in page.coverage_view.gaps.text()
    assert model.headerData(0, Qt.Orientation.Vertical) == f"{GAP_MARK} Ownership"
    assert (
        model.headerData(row, Qt.Orientation.Vertical) == "Missed deadline or production incident"
    )


def test_a_story_carrying_too_many_themes_stands_out(page: StoriesPage) -> None:
    busy = ("ownership", "dive-deep", "frugality", "think-big", "earn-trust")
    page.new_story(StoryDraft(title="Everything story", themes=busy))
    page.coverage_view.choose_set("amazon")
    assert "Leaned on for more than 4 themes: “Everything story” (5)" in (
        page.coverage_view.summary.text()
    )


def test_loop_preparation_lists_a_story_per_theme_and_the_gaps(page: StoriesPage) -> None:
    page.new_story(StoryDraft(title="Schema", themes=("leadership-without-authority",)))
    page.new_story(StoryDraft(title="N+1", themes=("dive-deep",)))
    page.tabs.setCurrentIndex(TAB_LOOP)
    page.loop_view.choose_set("backend-path")
    table = page.loop_view.table
    assert table.rowCount() == 5
    told = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(5)}
    assert told["Dive Deep"] == "N+1"
    assert told["Influence without authority"] == "Schema"
    assert told["Ownership"] == "No story yet"
    assert "3 of 5 themes have no story yet" in page.loop_view.gaps.text()

    page.loop_view.choose_set("custom")
    assert table.rowCount() == 0
    page.loop_view.custom.set_checked("dive-deep", True)
    assert table.rowCount() == 1 and not page.loop_view.ready.isHidden()


def test_users_add_their_own_themes(page: StoriesPage, monkeypatch) -> None:
    story_id = page.new_story(StoryDraft(title="On call"))
    assert story_id is not None
    monkeypatch.setattr(links, "ask_theme_title", lambda parent: "On-call heroics")
    theme_id = page.add_custom_theme()
    assert theme_id == "my-on-call-heroics"
    assert "my-on-call-heroics" in page.editor.themes.chosen()
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    assert "On-call heroics" in [
        page.coverage_view.model.theme_at(r).title  # type: ignore[union-attr]
        for r in range(page.coverage_view.model.rowCount())
    ]
    assert page.add_custom_theme() == theme_id  # the same name twice is one theme


def test_a_journal_entry_is_linked_and_opened(
    page: StoriesPage, context: AppContext, monkeypatch
) -> None:
    with context.writing() as session:
        entry_id = journal_store.create_entry(
            session=session,
            draft=journal_store.EntryDraft(date(2026, 11, 1), "Outage notes", "Pool exhausted."),
            now=context.now(),
        )
    story_id = page.new_story(StoryDraft(title="Outage"))
    assert story_id is not None
    monkeypatch.setattr(links, "ask_journal_entry", lambda parent, entries: entries[0])
    page.link_journal_entry()
    assert page.editor.links.count() == 1
    assert "Outage notes" in page.editor.links.item(0).text()
    page.editor.flush()
    assert _stored(context, story_id).journal_entry_ids == (entry_id,)
    opened: list[int] = []
    context.events.open_journal_entry.connect(opened.append)
    page.editor.links.itemActivated.emit(page.editor.links.item(0))
    assert opened == [entry_id]


def test_a_story_with_nothing_written_is_not_rehearsed(
    page: StoriesPage, monkeypatch: pytest.MonkeyPatch
) -> None:
    story_id = page.new_story(StoryDraft(title="Outage"))
    assert story_id is not None and page.editor.story_id == story_id
    assert not page.editor.rehearse_button.isEnabled()
    assert "Write the story first" in page.editor.rehearse_button.toolTip()
    assert page.editor.timing.text().startswith("Nothing written yet")
    assert "not written yet" in str(page.model.index(0, 0).data())
    told: list[str] = []
    monkeypatch.setattr(dialogs, "tell", lambda parent, title, text: told.append(title))
    opened: list[int] = []
    monkeypatch.setattr(StoriesPage, "run_rehearsal", lambda self, story: opened.append(story.id))

    assert page.rehearse() is None  # Ctrl+R
    assert told == ["Nothing to rehearse yet"] and opened == []

    _type(page, Section.RESULT, "Checkout errors fell to zero within the hour.")
    assert page.editor.rehearse_button.isEnabled()
    page.rehearse()
    assert opened == [story_id]


def test_a_rehearsal_is_timed_rated_and_logged(
    page: StoriesPage, context: AppContext, clock: StepClock, monkeypatch
) -> None:
    story_id = page.new_story(
        StoryDraft(title="Outage", action="I rolled back the deploy.", themes=("ownership",))
    )
    assert story_id is not None
    assert "Never rehearsed" in str(page.model.index(0, 0).data())

    def speak(self: StoriesPage, story):  # type: ignore[no-untyped-def]
        dialog = RehearsalDialog(context, story, self)
        for _ in range(2):
            clock.advance(timedelta(minutes=1))
            dialog.refresh()
        dialog.finish()
        assert re.fullmatch(r"You spoke for \d+ min( \d+ s)?\.", dialog.spoken.text())
        assert not dialog.log_button.isEnabled()
        dialog.choose_rating(4)
        dialog.note.setText("Shorter situation")
        dialog.log()
        return dialog.logged_id

    monkeypatch.setattr(StoriesPage, "run_rehearsal", speak)
    assert page.rehearse(story_id) is not None
    with session_scope(context.profile.engine) as session:
        logged = story_store.rehearsals_of(session=session, story_id=story_id)
    assert len(logged) == 1 and logged[0].rating == 4 and logged[0].note == "Shorter situation"
    assert logged[0].seconds >= 60
    assert "Rehearsed today" in str(page.model.index(0, 0).data())
    assert "Rehearsed once" in page.editor.rehearsals.text()
    assert "rated 4 of 5" in page.editor.rehearsals.text()
    # The length in the words the speaking-time estimate uses ("2 min 8 s"), not "2:08 long".
    spoken = re.search(r"spoken in (\d+ min( \d+ s)?),", page.editor.rehearsals.text())
    assert spoken is not None and spoken.group(1) == duration_text(logged[0].seconds)


def test_the_rehearsal_timer_pauses_and_warns_past_three_minutes(
    qtbot, context: AppContext, clock: StepClock
) -> None:
    with context.writing() as session:
        story_id = story_store.create_story(
            session=session, draft=StoryDraft(title="T"), now=context.now()
        )
    dialog = RehearsalDialog(context, _story(context, story_id))
    qtbot.addWidget(dialog)
    for _ in range(3):
        clock.advance(timedelta(minutes=1))
        dialog.refresh()
    assert "Over three minutes" in dialog.target.text()
    dialog.toggle_pause()
    assert dialog.target.text().startswith("Paused")
    dialog.reject()
    with session_scope(context.profile.engine) as session:
        assert story_store.rehearsals_of(session=session, story_id=story_id) == []


def test_the_story_bank_exports_to_markdown(page: StoriesPage, tmp_path: Path, monkeypatch) -> None:
    page.new_story(
        StoryDraft(
            title="Outage", action="I **fixed** it.", result="Down 40%", themes=("ownership",)
        )
    )
    target = tmp_path / "bank"
    monkeypatch.setattr(exports, "ask_save_path", lambda *args: target)
    assert page.export_markdown()
    text = (tmp_path / "bank.md").read_text(encoding="utf-8")
    assert "## Outage" in text and "- Themes: Ownership" in text
    assert "### Action\n\nI **fixed** it." in text


def test_a_markdown_export_named_json_is_saved_as_markdown_and_said(
    page: StoriesPage, tmp_path: Path, monkeypatch
) -> None:
    page.new_story(StoryDraft(title="Outage", action="Fixed it.", themes=("ownership",)))
    said: list[tuple[str, Path]] = []
    monkeypatch.setattr(exports, "ask_save_path", lambda *args: tmp_path / "bank.json")
    monkeypatch.setattr(
        exports, "tell_saved", lambda _p, _t, text, target: said.append((text, target))
    )
    assert page.export_markdown()
    assert not (tmp_path / "bank.json").exists()
    assert "## Outage" in (tmp_path / "bank.md").read_text(encoding="utf-8")
    assert said[-1][1] == tmp_path / "bank.md"
    assert "saved as bank.md, not bank.json" in said[-1][0]


def test_an_export_that_cannot_be_written_is_explained(
    page: StoriesPage, tmp_path: Path, monkeypatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    problems: list[str] = []
    monkeypatch.setattr(exports, "ask_save_path", lambda *args: blocker / "bank.md")
    monkeypatch.setattr(dialogs, "tell_problem", lambda _p, _t, message: problems.append(message))
    assert not page.export_markdown()
    assert problems and problems[0].startswith("The stories were not exported")


def test_double_clicking_in_coverage_or_loop_prep_opens_the_story(page: StoriesPage) -> None:
    first = page.new_story(StoryDraft(title="First", themes=("ownership",)))
    page.new_story(StoryDraft(title="Second", themes=("dive-deep",)))
    page.coverage_view.choose_set("backend-path")
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    model = page.coverage_view.model
    column = next(c for c in range(model.columnCount()) if model.story_at(c).id == first)  # type: ignore[union-attr]
    page.coverage_view.table.doubleClicked.emit(model.index(0, column))
    assert page.tabs.currentIndex() == 0 and page.editor.title.text() == "First"

    page.tabs.setCurrentIndex(TAB_LOOP)
    page.loop_view.choose_set("backend-path")
    page.loop_view.table.cellDoubleClicked.emit(1, 1)  # Dive Deep
    assert page.editor.title.text() == "Second"


def test_the_boxes_stay_put_while_coach_notes_come_and_go(qtbot, page: StoriesPage) -> None:
    """A note that goes away as the user writes must not move the boxes under the mouse."""
    assert page.new_story() is not None
    page.show()
    qtbot.waitExposed(page)
    editor = page.editor
    boxes = [editor.sections[section] for section in Section]

    def places() -> list[int]:
        return [box.mapTo(editor.form_scroll.widget(), box.rect().topLeft()).y() for box in boxes]

    before, notes_before = places(), editor.coach.text()
    _type(page, Section.SITUATION, "Checkout errors jumped during the sale.")
    _type(page, Section.TASK, "I was on call.")
    editor.themes.set_checked("production-incident", True)
    QApplication.processEvents()
    assert editor.coach.text() != notes_before  # notes went away...
    assert places() == before  # ...and nothing above them moved


def test_a_theme_is_found_and_ticked_from_the_filter_by_keyboard(qtbot, page: StoriesPage) -> None:
    assert page.new_story() is not None
    themes = page.editor.themes
    themes.filter.setText("owner")
    qtbot.keyClick(themes.filter, Qt.Key.Key_Return)
    assert themes.chosen() == ("ownership",)
    qtbot.keyClick(themes.filter, Qt.Key.Key_Return)
    assert themes.chosen() == ()  # Enter again takes it back
    qtbot.keyClick(themes.filter, Qt.Key.Key_Down)
    assert themes.list.currentItem().text() == "Ownership"
    assert page.window().focusWidget() is themes.list


def test_the_theme_filter_starts_empty_for_the_next_story(page: StoriesPage) -> None:
    first = page.new_story()
    themes = page.editor.themes
    themes.filter.setText("incid")
    page.editor.themes.set_checked("production-incident", True)
    assert page.new_story() not in (None, first)
    assert themes.filter.text() == ""
    assert not themes.list.item(1).isHidden()  # every theme is offered again
    page.reload()  # the same story read again keeps a filter being typed
    themes.filter.setText("own")
    page.reload()
    assert themes.filter.text() == "own"


def test_down_from_the_theme_filter_skips_a_chosen_row_it_hid(qtbot, page: StoriesPage) -> None:
    """The row chosen before is hidden by a new filter: Down goes to the first row shown."""
    assert page.new_story() is not None
    themes = page.editor.themes
    themes.filter.setText("owner")
    qtbot.keyClick(themes.filter, Qt.Key.Key_Down)
    assert themes.list.currentItem().text() == "Ownership"
    themes.filter.setFocus()
    themes.filter.setText("conflict")
    qtbot.keyClick(themes.filter, Qt.Key.Key_Down)
    current = themes.list.currentItem()
    assert not current.isHidden() and "conflict" in current.text().casefold()
    assert page.window().focusWidget() is themes.list


def test_a_rehearsal_is_rated_with_the_arrow_keys(qtbot, context: AppContext) -> None:
    with context.writing() as session:
        story_id = story_store.create_story(
            session=session, draft=StoryDraft(title="T"), now=context.now()
        )
    dialog = RehearsalDialog(context, _story(context, story_id))
    qtbot.addWidget(dialog)
    dialog.finish()
    qtbot.keyClick(dialog.ratings.button(3), Qt.Key.Key_Right)
    assert dialog.ratings.checkedId() == 4
    assert dialog.log_button.isEnabled()
    dialog.reject()


def test_enter_logs_a_rated_rehearsal(qtbot, page: StoriesPage, context: AppContext) -> None:
    """Rated with the arrow keys, a rehearsal is logged with Enter, as a practice session
    is: Enter on the chosen rating once did nothing."""
    story_id = page.new_story(StoryDraft(title="Outage", themes=("ownership",)))
    assert story_id is not None
    dialog = RehearsalDialog(context, _story(context, story_id), page)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.finish()
    rating = dialog.ratings.button(4)
    rating.setFocus()
    qtbot.waitUntil(rating.hasFocus)
    qtbot.keyClick(rating, Qt.Key.Key_Space)
    qtbot.keyClick(rating, Qt.Key.Key_Return)
    assert dialog.logged_id is not None
    with session_scope(context.profile.engine) as session:
        (logged,) = story_store.rehearsals_of(session=session, story_id=story_id)
    assert logged.rating == 4


def test_the_list_heading_counts_the_stories_due_in_the_sort_menus_words(
    page: StoriesPage,
) -> None:
    """'Due for rehearsal first' sorts them; the heading once said '53 not rehearsed in the
    last week', which wrapped its last word onto a line of its own in the list's width."""
    for title in ("Sale-day outage", "Billing migration"):
        assert page.new_story(StoryDraft(title=title, situation="It broke.")) is not None
    heading = page.list_heading
    assert heading.text() == "2 stories · 2 due for rehearsal"
    assert "Due for rehearsal" in page.sort.itemText(page.sort.findData(SORT_DUE))
    long = "60 stories · 53 due for rehearsal"  # ten years of stories
    assert heading.fontMetrics().horizontalAdvance(long) <= page.list.width()


def test_a_story_with_nothing_written_yet_is_not_due_for_rehearsal(page: StoriesPage) -> None:
    """A brand-new empty story counted as "1 due for rehearsal"."""
    assert page.new_story(StoryDraft(title="Sale-day outage")) is not None
    assert page.list_heading.text() == "1 story"
    row = page.model.row_at(0)
    assert row is not None and not row.due
    assert page.new_story(StoryDraft(title="Billing migration", result="Cut costs 30%."))
    assert page.list_heading.text() == "2 stories · 1 due for rehearsal"


def test_under_a_filter_the_heading_counts_the_matches(page: StoriesPage) -> None:
    for title in ("Sale-day outage", "Billing migration", "Outage review"):
        assert page.new_story(StoryDraft(title=title, situation="It broke.")) is not None
    page.filter.setText("outage")
    assert page.list_heading.text() == "2 of 3 stories match"
    assert page.list_heading.fontMetrics().horizontalAdvance("55 of 60 stories match") <= (
        page.list.width()
    )
    page.filter.clear()
    assert page.list_heading.text() == "3 stories · 3 due for rehearsal"


def test_enter_in_the_title_goes_on_to_the_situation(page: StoriesPage, qtbot) -> None:
    page.window().activateWindow()
    page.new_story(StoryDraft(title="By keyboard"))
    title = page.editor.title
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    qtbot.keyClick(title, Qt.Key.Key_Return)
    situation = page.editor.sections[Section.SITUATION].editor
    assert situation.hasFocus()
    assert title.text() == "By keyboard" and situation.toPlainText() == ""
    assert TITLE_ENTER in [keys.what for keys in noted_keys(page)]  # on the shortcuts sheet


def test_a_rehearsal_is_rated_by_its_number_keys(qtbot, context: AppContext) -> None:
    with context.writing() as session:
        story_id = story_store.create_story(
            session=session, draft=StoryDraft(title="T"), now=context.now()
        )
    dialog = RehearsalDialog(context, _story(context, story_id))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.finish()
    qtbot.waitUntil(dialog.ratings.buttons()[0].hasFocus)  # the keys go to the ratings
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_4)
    qtbot.waitUntil(lambda: dialog.ratings.checkedId() == 4)  # a shortcut clicks animated
    assert dialog.log_button.isEnabled()
    dialog.note.setFocus()
    qtbot.keyClicks(dialog.note, "cut to 2 min")  # digits typed in the note stay there
    qtbot.wait(150)  # as long as a shortcut's animated click would take
    assert dialog.note.text() == "cut to 2 min" and dialog.ratings.checkedId() == 4
    dialog.reject()


def test_the_speaking_time_counts_one_word_as_one_word(page: StoriesPage) -> None:
    page.new_story(StoryDraft(title="Short", situation="Outage."))
    assert "(1 word at 150 a minute)" in page.editor.timing.text()
    _type(page, Section.TASK, "I fixed it.")
    assert "(4 words at 150 a minute)" in page.editor.timing.text()


def test_the_list_row_follows_a_new_storys_title_as_it_is_typed(
    qtbot, page: StoriesPage, context: AppContext
) -> None:
    story_id = page.new_story()
    assert story_id is not None
    row = page.model.row_of(story_id)

    def shown() -> str:
        return str(page.model.data(page.model.index(row), Qt.ItemDataRole.DisplayRole))

    assert shown().startswith("Untitled story")
    changed: list[int] = []
    page.model.dataChanged.connect(lambda first, _last: changed.append(first.row()))
    qtbot.keyClicks(page.editor.title, "The outage")
    assert shown().startswith("The outage\n") and row in changed
    assert _stored(context, story_id).title == ""  # display only: the autosave writes it
