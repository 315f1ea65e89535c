from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from desktop.domain.journal import word_count
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.store import journal as journal_store
from desktop.store.database import session_scope
from desktop.store.errors import WriteFailed
from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage
from desktop.ui.pages import build_main_window
from desktop.ui.practice.recording import record_attempt
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE
from desktop.ui.widgets.waiting import wait_until
from tests.samples import read_back

pytestmark = pytest.mark.any_date


def _search(qtbot, page: JournalPage, typed: str) -> None:
    """Type into the search box and wait for the results (the search runs in the background)."""
    shown = page.searches_shown
    page.search.setText(typed)
    page._run_search()
    if typed.strip():
        qtbot.waitUntil(lambda: page.searches_shown > shown, timeout=5000)


def _searched_for_one_of_two(qtbot, page: JournalPage) -> int:
    """Two entries are written, one about the monotonic stack; a search for its first letters
    has run. Gives that entry's id."""
    wanted = page.new_entry(entry_date=date(2026, 2, 3))
    page.editor.markdown.editor.setPlainText("Learned the monotonic stack trick")
    page.new_entry(entry_date=page.context.today())
    page.editor.markdown.editor.setPlainText("Nothing special today")
    page.editor.flush()
    _search(qtbot, page, "monoton")
    return wanted


def _written(page: JournalPage, day: date | None = None) -> int | None:
    """A new entry the user wrote in (one left untouched is dropped when another opens)."""
    entry_id = page.new_entry(entry_date=day)
    if entry_id is not None:
        page.editor.markdown.editor.setPlainText(f"Notes {entry_id}")
    return entry_id


@pytest.fixture
def page(open_page) -> JournalPage:
    return open_page(JournalPage)


def _saved_body(context: AppContext, entry_id: int) -> str:
    return read_back(
        context.profile.engine, lambda s: journal_store.get_entry(session=s, entry_id=entry_id)
    ).body


def test_a_new_user_sees_a_friendly_empty_state(page: JournalPage) -> None:
    assert page.right.currentIndex() == 0
    assert page.list_area.currentIndex() == 1
    assert "No entries this month" in page.list_empty.text()


def test_new_entry_is_saved_after_a_pause_in_typing(
    qtbot, page: JournalPage, context: AppContext
) -> None:
    entry_id = page.new_entry(entry_date=page.context.today())
    assert entry_id is not None and page.right.currentIndex() == 1
    page.editor.title.setText("Two pointers, again")
    page.editor.title.textEdited.emit("Two pointers, again")
    page.editor.markdown.editor.setPlainText("Sorted input means **two pointers**.")
    qtbot.waitUntil(lambda: page.editor.save_state.text() == "Saved", timeout=3000)
    assert _saved_body(context, entry_id) == "Sorted input means **two pointers**."
    assert page.model.rowCount() == 1
    assert "Two pointers, again" in str(page.model.index(0, 0).data())
    assert page.editor.words.text() == "5 words"


def test_switching_entries_saves_without_waiting(page: JournalPage, context: AppContext) -> None:
    first = page.new_entry(entry_date=page.context.today())
    assert first is not None
    page.editor.markdown.editor.setPlainText("first thoughts")
    second = page.new_entry(entry_date=page.context.today())  # no pause for the autosave timer
    assert second is not None
    assert _saved_body(context, first) == "first thoughts"


def test_an_entry_that_could_not_be_saved_is_not_switched_away_from(
    page: JournalPage, context: AppContext, monkeypatch
) -> None:
    first = _written(page, date(2026, 11, 3))
    second = _written(page, date(2026, 11, 4))
    assert first is not None and second is not None
    page.open_entry(first)

    def disk_full(**_kwargs: object) -> bool:
        raise WriteFailed("the disk is full. Free some space and try again")

    monkeypatch.setattr(journal_store, "save_entry", disk_full)
    page.editor.markdown.editor.setPlainText("Typed while the disk was full.")
    page.list.setCurrentIndex(page.model.index(page.model.row_of(second), 0))  # a click
    assert not page.open_entry(second)
    assert page.new_entry() is None
    assert page.editor.entry_id == first
    assert page.editor.markdown.text() == "Typed while the disk was full."
    assert page.editor.warning.isVisibleTo(page)
    assert page.list.currentIndex().row() == page.model.row_of(first)

    monkeypatch.undo()
    assert page.open_entry(second)
    assert _saved_body(context, first) == "Typed while the disk was full."


def test_templates_fill_the_new_entry(page: JournalPage) -> None:
    template = page.context.profile.template("retrospective")
    assert template is not None
    page.new_entry(template=template, facts={"item_title": "3Sum", "duration_minutes": "31"})
    body = page.editor.markdown.text()
    assert "3Sum" in body and "31" in body and "What I learned" in body
    assert "{" not in body


def test_back_dated_entry_moves_to_its_day(page: JournalPage, context: AppContext) -> None:
    entry_id = page.new_entry(entry_date=date(2026, 3, 14))
    assert entry_id is not None
    assert page.calendar.selectedDate().month() == 3
    entry = read_back(
        context.profile.engine, lambda s: journal_store.get_entry(session=s, entry_id=entry_id)
    )
    assert entry.entry_date == date(2026, 3, 14)


def test_the_preview_is_rendered_safely_in_the_background(page: JournalPage) -> None:
    page.new_entry(entry_date=page.context.today())
    page.editor.markdown.editor.setPlainText(
        "# Plan\n\n<script>alert('x')</script><img src='file:///etc/passwd'>\n\n- [x] done"
    )
    assert wait_until(page.editor.markdown.wait_for_preview)
    html = page.editor.markdown.preview.toHtml()
    text = page.editor.markdown.preview.toPlainText()
    assert "Plan" in text and "\u2611" in text
    assert "<script" not in html and "passwd" not in html


@pytest.mark.parametrize(
    "typed", ['"', "AND", "OR NOT", "NEAR(a b)", "*", "col:val", "🙂", "'; DROP TABLE x; --"]
)
def test_search_never_fails_on_odd_input(qtbot, page: JournalPage, typed: str) -> None:
    page.new_entry(entry_date=page.context.today())
    page.editor.markdown.editor.setPlainText("Binary search on the answer")
    page.editor.flush()
    _search(qtbot, page, typed)
    assert page.list_heading.text().startswith("Search results")


def test_search_finds_words_and_opens_the_entry(qtbot, page: JournalPage) -> None:
    first = _searched_for_one_of_two(qtbot, page)
    assert page.model.rowCount() == 1
    html = str(page.model.index(0, 0).data(HTML_ROLE))
    assert "<span class='match'>monotonic</span>" in html
    page.list.setCurrentIndex(page.model.index(0, 0))
    assert page.editor.entry_id == first
    _search(qtbot, page, "zzzz")
    assert page.list_area.currentIndex() == 1 and "Nothing matches" in page.list_empty.text()


def test_a_search_cut_at_the_limit_says_how_many_match_in_all(
    qtbot, page: JournalPage, context: AppContext
) -> None:
    shown = journal_store.SEARCH_LIMIT
    with session_scope(context.profile.engine) as session:
        for number in range(shown + 7):
            draft = journal_store.EntryDraft(date(2026, 2, 3), f"Drill {number}", "Heap drill.")
            journal_store.create_entry(session=session, draft=draft, now=context.now())
    _search(qtbot, page, "heap")
    assert page.model.rowCount() == shown
    assert page.list_heading.text() == f"Search results · top {shown} of {shown + 7} entries"
    _search(qtbot, page, "drill 56")
    assert page.list_heading.text() == "Search results · 1 entry"


def test_a_month_of_thousands_of_entries_lists_the_newest_and_says_so(
    page: JournalPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An import can put tens of thousands of entries in one month: the list stays bounded
    (laying out every row froze the window), and the heading and calendar tell the truth."""
    monkeypatch.setattr(journal_store, "MONTH_LIMIT", 4)
    month = date(2026, 2, 1)
    with session_scope(context.profile.engine) as session:
        for day in (3, 3, 3, 5, 9, 20):
            draft = journal_store.EntryDraft(month.replace(day=day), f"Day {day}", "Notes.")
            journal_store.create_entry(session=session, draft=draft, now=context.now())
    page._show_month(month)
    assert page.model.rowCount() == 4
    assert page.list_heading.text() == "February 2026 · newest 4 of 6 entries"
    bold = {d for d in range(1, 29) if _is_bold(page, month.replace(day=d))}
    assert bold == {3, 5, 9, 20}  # the days of the entries not listed too


def _is_bold(page: JournalPage, day: date) -> bool:
    return page.calendar.dateTextFormat(QDate(day.year, day.month, day.day)).fontWeight() == 700


def test_deleting_an_entry_can_be_undone_from_the_bar(
    page: JournalPage, context: AppContext
) -> None:
    entry_id = page.new_entry(entry_date=page.context.today())
    assert entry_id is not None
    page.editor.title.setText("Sliding window")
    page.editor.flush()
    body = _saved_body(context, entry_id)

    page.editor.delete_button.click()  # no question first: it can be undone

    with session_scope(context.profile.engine) as session:
        assert journal_store.get_entry(session=session, entry_id=entry_id) is None
    assert page.right.currentIndex() == 0  # the only entry: nothing else opens
    assert page.undo_bar.isVisibleTo(page)
    assert "Sliding window" in page.undo_bar.text.text()

    page.undo_bar.undo_requested.emit()

    assert _saved_body(context, entry_id) == body
    assert page.editor.entry_id == entry_id and page.right.currentIndex() == 1
    assert page.model.row_of(entry_id) >= 0
    assert not page.undo_bar.isVisibleTo(page)


def test_deleting_an_entry_opens_the_next_one_listed(
    page: JournalPage, context: AppContext
) -> None:
    day = page.context.today()
    older = _written(page, day)
    newer = _written(page, day)
    assert older is not None and newer is not None
    wait_until(lambda: page.model.row_of(older) >= 0 and page.model.row_of(newer) >= 0)
    page.open_entry(newer)
    page.editor.delete_button.click()
    assert page.editor.entry_id == older and page.right.currentIndex() == 1


def test_edit_undo_brings_a_deleted_entry_back(qtbot, context: AppContext) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    journal = window.open_page("journal", JournalPage)
    entry_id = journal.new_entry(entry_date=context.today())
    assert entry_id is not None
    journal._delete(entry_id)
    # Outside a text box, Edit > Undo (Ctrl+Z) runs the page's undo.
    assert window._page_undo() is journal.undo_action
    assert journal.undo_action.isEnabled()
    journal.undo_action.trigger()
    with session_scope(context.profile.engine) as session:
        assert journal_store.get_entry(session=session, entry_id=entry_id) is not None


def test_an_entry_of_a_megabyte_opens_edits_and_saves(
    page: JournalPage, context: AppContext
) -> None:
    big = ("All work and no play makes a long entry. " * 26_000)[:1_000_000]
    entry_id = page.new_entry(entry_date=page.context.today())
    assert entry_id is not None
    page.editor.markdown.editor.setPlainText(big)
    page.editor.flush()
    assert _saved_body(context, entry_id) == big
    page.editor.markdown.editor.appendPlainText("The end.")
    page.editor.flush()
    assert _saved_body(context, entry_id).endswith("The end.")


def test_highlighting_lines_up_after_an_emoji(qtbot) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    from desktop.ui.widgets.markdown_highlighter import MarkdownHighlighter

    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    MarkdownHighlighter(editor.document())
    editor.setPlainText("😀 **bold** rest")
    layout = editor.document().firstBlock().layout()
    bold = [r for r in layout.formats() if r.format.fontWeight() >= 600]
    assert [(r.start, r.length) for r in bold] == [(3, 8)]  # "**bold**" in UTF-16 units


def test_back_dating_moves_the_calendar_to_the_entry(page: JournalPage) -> None:
    from PySide6.QtCore import QDate

    entry_id = page.new_entry(entry_date=date(2026, 11, 20))
    page.editor.date.setDate(QDate(2015, 3, 4))
    page.editor.flush()
    assert page.calendar.selectedDate() == QDate(2015, 3, 4)
    assert page.model.row_of(entry_id or -1) == 0


def test_a_narrow_window_gives_the_editor_the_room(page: JournalPage) -> None:
    """At the smallest window size the calendar steps aside and the preview goes under the
    text, so neither the text nor the preview is squeezed to a column of broken words."""
    page.resize(1200, 700)
    assert not page.calendar.isHidden()
    assert page.editor.markdown.orientation() == Qt.Orientation.Horizontal
    page.resize(560, 470)  # the page's share of a 760x520 window
    assert page.calendar.isHidden()
    assert page.editor.markdown.orientation() == Qt.Orientation.Vertical
    page.resize(1200, 700)
    assert not page.calendar.isHidden()
    assert page.editor.markdown.orientation() == Qt.Orientation.Horizontal


def _new_retrospective(page: JournalPage, context: AppContext) -> int:
    template = context.profile.template("retrospective")
    assert template is not None
    entry_id = page.new_entry(
        entry_date=context.today(), template=template, facts={"item_title": "Two Sum"}
    )
    assert entry_id is not None
    return entry_id


def test_template_prompts_are_hints_not_text(page: JournalPage, context: AppContext) -> None:
    entry_id = _new_retrospective(page, context)
    editor = page.editor.markdown.editor
    shown = [ghost.lines[0] for ghost in editor.shown_prompts()]
    assert shown[0].startswith("One or two things you understand better")
    assert len(shown) == 4
    assert "One or two things" not in editor.toPlainText()
    assert "One or two things" not in _saved_body(context, entry_id)
    assert page.editor.words.text() == f"{word_count(editor.toPlainText())} words"
    assert word_count(editor.toPlainText()) < 40


def test_the_cursor_starts_in_the_first_prompted_section(
    page: JournalPage, context: AppContext
) -> None:
    _new_retrospective(page, context)
    editor = page.editor.markdown.editor
    block = editor.textCursor().block()
    assert block.text() == "" and block.previous().previous().text() == "## What I learned"
    assert editor.textCursor().blockNumber() == editor.shown_prompts()[0].line


def test_typing_in_a_section_hides_only_its_prompt(page: JournalPage, context: AppContext) -> None:
    entry_id = _new_retrospective(page, context)
    editor = page.editor.markdown.editor
    editor.insertPlainText("Sorted input means two pointers.")
    assert len(editor.shown_prompts()) == 3
    assert page.editor.flush()
    assert "## What I learned\n\nSorted input means two pointers.\n" in _saved_body(
        context, entry_id
    )


def test_tab_goes_to_the_next_empty_section_then_on_out(
    qtbot, page: JournalPage, context: AppContext
) -> None:
    _new_retrospective(page, context)
    editor = page.editor.markdown.editor
    editor.insertPlainText("Sorted input means two pointers.")
    fields = [ghost.line for ghost in editor.shown_prompts()]
    assert len(fields) == 3
    for field in fields:
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        assert editor.textCursor().blockNumber() == field
        assert editor.textCursor().block().text() == ""
    assert "\t" not in editor.toPlainText()
    assert editor.next_field_line() is None  # the next Tab moves the focus on, as before


def test_prompts_are_painted_in_empty_sections(
    qtbot, page: JournalPage, context: AppContext
) -> None:
    _new_retrospective(page, context)
    editor = page.editor.markdown.editor
    qtbot.waitExposed(page)
    with_prompts = editor.viewport().grab().toImage()
    editor.set_prompts(())
    without = editor.viewport().grab().toImage()
    assert with_prompts != without


def test_ctrl_s_saves_at_once(qtbot, page: JournalPage, context: AppContext) -> None:
    entry_id = _new_retrospective(page, context)
    editor = page.editor.markdown.editor
    page.activateWindow()
    editor.setFocus()
    editor.insertPlainText("Saved without waiting.")
    assert page.editor.has_unsaved_changes()
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not page.editor.has_unsaved_changes()
    assert "Saved without waiting." in _saved_body(context, entry_id)


def test_a_narrow_window_keeps_the_month_steps(page: JournalPage) -> None:
    """With the calendar hidden, arrows beside the list's heading still go from month to
    month; in a wide window the calendar's own arrows do it."""
    page.resize(560, 470)
    assert not page.previous_month.isHidden() and not page.next_month.isHidden()
    shown = page.list_heading.text()
    page.previous_month.click()
    earlier = page.list_heading.text()
    assert earlier != shown
    page.next_month.click()
    assert page.list_heading.text() == shown
    page.resize(1200, 700)
    assert page.previous_month.isHidden() and page.next_month.isHidden()


def test_a_search_opens_its_best_hit_and_enter_goes_to_its_text(qtbot, page: JournalPage) -> None:
    hit = _searched_for_one_of_two(qtbot, page)
    assert page.editor.entry_id == hit
    page.editor.clear()
    page.search.returnPressed.emit()
    assert page.editor.entry_id == hit


def test_weekend_days_follow_a_theme_switched_while_running(page: JournalPage, themed_app) -> None:
    """Weekends are drawn in the text colour of the theme in use, not the one at start."""
    from desktop.ui.theme import Scheme, apply_theme

    apply_theme(themed_app, Scheme.DARK)
    try:
        colour = page.calendar.weekdayTextFormat(Qt.DayOfWeek.Sunday).foreground().color()
        assert colour.lightness() > 150  # light text on the dark calendar
    finally:
        apply_theme(themed_app, Scheme.LIGHT)
    colour = page.calendar.weekdayTextFormat(Qt.DayOfWeek.Sunday).foreground().color()
    assert colour.lightness() < 100


def test_switching_to_dark_recolours_the_markdown_being_written(
    qapp, page: JournalPage, context: AppContext
) -> None:
    from PySide6.QtGui import QColor

    from desktop.ui.theme import Scheme, apply_theme, colours

    def strong_colour() -> QColor:
        block = page.editor.markdown.editor.document().firstBlock()
        (strong,) = [r for r in block.layout().formats() if r.format.fontWeight() > 500]
        return strong.format.foreground().color()

    apply_theme(qapp, Scheme.LIGHT)
    page.new_entry(entry_date=context.today())
    page.editor.markdown.set_text("Two **drills** today.")
    assert strong_colour() == QColor(colours(Scheme.LIGHT)["text"])
    try:
        apply_theme(qapp, Scheme.DARK)
        assert strong_colour() == QColor(colours(Scheme.DARK)["text"])
    finally:
        apply_theme(qapp, Scheme.LIGHT)


def test_a_new_date_carries_into_the_title_and_heading_it_wrote(
    page: JournalPage, context: AppContext
) -> None:
    from datetime import timedelta

    from desktop.ui.formatting import day_with_year, long_date

    template = context.profile.template("free-note")
    assert template is not None
    today = context.today()
    entry_id = page.new_entry(entry_date=today, template=template)
    assert entry_id is not None
    editor = page.editor
    assert editor.title.text() == f"Free note, {day_with_year(today)}"
    earlier = today - timedelta(days=31)
    editor.date.setDate(QDate(earlier.year, earlier.month, earlier.day))
    assert editor.title.text() == f"Free note, {day_with_year(earlier)}"
    assert editor.markdown.text().startswith(f"# {long_date(earlier)}\n")
    assert editor.flush()
    saved = read_back(
        context.profile.engine, lambda s: journal_store.get_entry(session=s, entry_id=entry_id)
    )
    assert saved.title == f"Free note, {day_with_year(earlier)}"

    editor.title.setText("My own title")  # the user's words stay as they are
    editor.date.setDate(QDate(today.year, today.month, today.day))
    assert editor.title.text() == "My own title"


def test_the_open_entry_follows_a_write_made_elsewhere(
    page: JournalPage, context: AppContext
) -> None:
    """A corrected practice session rewrites its retrospective's facts: the editor shows the
    new text rather than saving its old copy over it later."""
    entry_id = page.new_entry(entry_date=context.today())
    assert entry_id is not None
    page.editor.markdown.editor.setPlainText("- Time: 1 min")
    page.editor.flush()
    entry = read_back(
        context.profile.engine, lambda s: journal_store.get_entry(session=s, entry_id=entry_id)
    )
    with session_scope(context.profile.engine) as session:
        journal_store.save_entry(
            session=session, entry_id=entry_id, now=context.now(),
            draft=journal_store.EntryDraft(entry.entry_date, entry.title, "- Time: 31 min"),
        )  # fmt: skip
    context.events.journal_changed.emit()
    assert page.editor.markdown.text() == "- Time: 31 min"
    assert not page.editor.has_unsaved_changes()


def test_typing_not_yet_saved_is_not_replaced_by_a_write_made_elsewhere(
    page: JournalPage, context: AppContext
) -> None:
    entry_id = page.new_entry(entry_date=context.today())
    assert entry_id is not None
    page.editor.markdown.editor.setPlainText("typing in progress")
    page.editor.kept.changed()  # the pause before saving has not passed
    page.reload()
    assert page.editor.markdown.text() == "typing in progress"


def test_the_calendar_marks_the_open_entrys_day_and_underlines_today(
    page: JournalPage, context: AppContext
) -> None:
    today = context.today()
    other = today - timedelta(days=1) if today.day > 1 else today + timedelta(days=1)
    entry_id = _written(page, other)
    _written(page, today)
    assert entry_id is not None and page.open_entry(entry_id)
    assert page.calendar.selectedDate() == QDate(other.year, other.month, other.day)
    assert page.calendar.dateTextFormat(QDate(today.year, today.month, today.day)).fontUnderline()
    assert not page.calendar.dateTextFormat(
        QDate(other.year, other.month, other.day)
    ).fontUnderline()


def test_a_day_changed_in_the_same_month_moves_the_calendars_mark(
    page: JournalPage, context: AppContext
) -> None:
    today = context.today()
    page.new_entry(entry_date=today)
    other = today.replace(day=2 if today.day != 2 else 3)
    page.editor.date.setDate(QDate(other.year, other.month, other.day))
    page.editor.flush()
    assert page.calendar.selectedDate() == QDate(other.year, other.month, other.day)


def test_an_entry_opened_from_a_search_turns_the_calendar_to_its_day(
    qtbot, page: JournalPage
) -> None:
    wanted = _searched_for_one_of_two(qtbot, page)
    assert page.editor.entry_id == wanted
    assert page.calendar.selectedDate() == QDate(2026, 2, 3)
    _search(qtbot, page, "")
    assert page.model.row_of(wanted) >= 0  # back to the listing: the entry's month


def test_the_previous_month_is_listed_from_its_top(qtbot, page: JournalPage) -> None:
    """Scrolled down to an old entry of one month, the user turns to the month before: its
    list once opened scrolled to the bottom too, its newest entries out of sight."""
    today = page.context.today()
    this_month = today.replace(day=1)
    last_month = (this_month - timedelta(days=1)).replace(day=1)
    for month in (last_month, this_month):
        for day in range(1, 21):
            assert _written(page, month.replace(day=day)) is not None
    page._show_month(this_month.replace(day=1))
    oldest = page.model.row_at(page.model.rowCount() - 1)
    assert oldest is not None
    page.open_entry(oldest.id)
    bar = page.list.verticalScrollBar()
    page.list.scrollToBottom()
    qtbot.waitUntil(lambda: bar.value() > 0)
    page.step_month(-1)
    assert page._month == last_month
    qtbot.waitUntil(lambda: bar.value() == 0)


def test_a_new_retrospective_opens_while_the_journal_is_searched(
    qtbot, context: AppContext
) -> None:
    """The journal's search, left on, used to rerun as the retrospective was written and open
    its best hit over it: the user typed into an old entry that matched the search."""
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    journal = window.open_page("journal", JournalPage)
    _searched_for_one_of_two(qtbot, journal)
    window.show_page("path")
    attempt = Attempt(
        subject=AttemptSubject("3Sum", "backend-senior", "3sum", kind="code", target_minutes=25),
        started_at=context.now(), active_seconds=600, outcome=Outcome.SOLVED, confidence=4,
    )  # fmt: skip
    entry_id = record_attempt(context, attempt, None)
    assert entry_id is not None
    qtbot.wait(500)  # time for a search rerun to come back, had one started
    assert journal.editor.entry_id == entry_id
    assert journal.search.text() == "" and journal.model.row_of(entry_id) >= 0


def _day_of(page: JournalPage, entry_id: int | None) -> date:
    assert entry_id is not None
    entry = read_back(
        page.context.profile.engine,
        lambda s: journal_store.get_entry(session=s, entry_id=entry_id),
    )
    return entry.entry_date


def test_a_new_entry_after_a_search_hit_is_for_today(qtbot, page: JournalPage) -> None:
    """A new user opened a hit from an old month, then pressed Ctrl+N: the new entry took
    the hit's day, selected in the calendar only because the hit opened there."""
    wanted = _searched_for_one_of_two(qtbot, page)
    assert page.editor.entry_id == wanted
    today = page.context.today()
    entry_id = page.new_entry()
    assert _day_of(page, entry_id) == today
    assert page.calendar.selectedDate() == QDate(today.year, today.month, today.day)


def test_a_new_entry_after_an_entry_opened_from_elsewhere_is_for_today(
    page: JournalPage,
) -> None:
    old = _written(page, date(2018, 4, 7))
    _written(page, page.context.today())
    assert old is not None
    page.open_from_elsewhere(old)  # as Search everything does
    assert page.calendar.selectedDate() == QDate(2018, 4, 7)
    assert _day_of(page, page.new_entry()) == page.context.today()


def _empty_day_near(today: date) -> date:
    return today - timedelta(days=1) if today.day > 1 else today + timedelta(days=1)


def test_an_empty_day_picked_in_the_calendar_dates_the_new_entry(page: JournalPage) -> None:
    today = page.context.today()
    _written(page, today)
    empty = _empty_day_near(today)
    page.calendar.setSelectedDate(QDate(empty.year, empty.month, empty.day))
    page.calendar.clicked.emit(QDate(empty.year, empty.month, empty.day))
    entry_id = page.new_entry()
    assert _day_of(page, entry_id) == empty
    assert _day_of(page, page.new_entry()) == today  # the pick was used up


def test_a_picked_day_is_forgotten_once_another_entry_opens(page: JournalPage) -> None:
    today = page.context.today()
    old = _written(page, date(2018, 4, 7))
    _written(page, today)
    empty = _empty_day_near(today)
    page.calendar.setSelectedDate(QDate(empty.year, empty.month, empty.day))
    page.calendar.clicked.emit(QDate(empty.year, empty.month, empty.day))
    assert old is not None and page.open_entry(old)
    assert _day_of(page, page.new_entry()) == today
