"""The Stories page as it opens and as the editor lays itself out."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont

from desktop.domain.stories import Section, StoryDraft
from desktop.store import stories as story_store
from desktop.ui.context import AppContext
from desktop.ui.stories.page import TAB_COVERAGE, TAB_LOOP, StoriesPage
from desktop.ui.stories.wrapped_header import WrappedHeader, wrapped_lines

LONG_TITLE = "The checkout outage on sale day"  # clipped at both ends in Qt's own header


def _add_stories(context: AppContext, *titles: str) -> list[int]:
    with context.writing() as session:
        return [
            story_store.create_story(
                session=session, draft=StoryDraft(title=title), now=context.now()
            )
            for title in titles
        ]


def test_opens_on_the_first_story_not_the_welcome(open_page, context: AppContext) -> None:
    _add_stories(context, "Older", "Newer")
    page: StoriesPage = open_page(StoriesPage)
    page.reload()
    first = page.model.row_at(0)
    assert first is not None
    assert page.right.currentIndex() == 1  # the editor, not "Write your first story"
    assert page.editor.story_id == first.id
    assert page.list.currentIndex().row() == 0


def test_opens_the_story_open_last_time(open_page, context: AppContext) -> None:
    older, _newer = _add_stories(context, "Older", "Newer")
    context.settings.setValue("stories/current", older)
    page: StoriesPage = open_page(StoriesPage)
    page.reload()
    assert page.editor.story_id == older
    page.save_state(context.settings)
    assert int(context.settings.value("stories/current")) == older


def test_opening_a_story_by_itself_keeps_the_coverage_tab(open_page, context: AppContext) -> None:
    _add_stories(context, "Only")
    context.settings.setValue("stories/tab", TAB_COVERAGE)
    page: StoriesPage = open_page(StoriesPage)
    page.reload()
    assert page.tabs.currentIndex() == TAB_COVERAGE
    assert page.editor.story_id is not None


def test_coverage_headers_wrap_the_whole_title(open_page, context: AppContext) -> None:
    _add_stories(context, LONG_TITLE)
    page: StoriesPage = open_page(StoriesPage)
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    page.reload()
    header = page.coverage_view.table.horizontalHeader()
    assert isinstance(header, WrappedHeader)
    lines = header.section_lines(0)
    assert lines[-1].endswith("themes") or lines[-1].endswith("theme")
    title_lines = lines[:-1]
    assert " ".join(title_lines) == LONG_TITLE  # nothing cut at either end
    metrics = header.fontMetrics()
    assert all(metrics.horizontalAdvance(line) <= header.sectionSize(0) for line in title_lines)
    assert header.height() >= len(lines) * metrics.lineSpacing()
    tip = page.coverage_view.model.headerData(0, header.orientation(), Qt.ItemDataRole.ToolTipRole)
    assert LONG_TITLE in str(tip)


def test_a_long_title_takes_every_line_it_needs() -> None:
    words = ["word"] * 60  # twenty lines' worth at this width
    lines = wrapped_lines(" ".join(words), QFont(), 120)
    assert len(lines) > 3
    assert " ".join(lines).split() == words and not any("…" in line for line in lines)


def test_the_header_grows_to_the_longest_title(open_page, context: AppContext) -> None:
    long_title = " ".join(["Checkout"] * 12)
    _add_stories(context, "Short", long_title)
    page: StoriesPage = open_page(StoriesPage, (760, 520))
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    page.reload()
    header = page.coverage_view.table.horizontalHeader()
    assert isinstance(header, WrappedHeader)
    section = next(s for s in range(header.count()) if long_title in header._parts(s)[0])
    lines = header.section_lines(section)
    assert " ".join(lines[:-1]) == long_title
    assert len(lines) > 4  # more than the three lines the header used to stop at
    assert header.height() >= len(lines) * header.fontMetrics().lineSpacing()


def test_story_columns_share_a_wide_window(open_page, context: AppContext) -> None:
    _add_stories(context, "One", "Two", "Three")
    page: StoriesPage = open_page(StoriesPage, (1920, 1080))
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    page.reload()
    table = page.coverage_view.table
    header = table.horizontalHeader()
    used = sum(header.sectionSize(s) for s in range(header.count()))
    assert used >= table.viewport().width() - header.count()  # no empty band on the right


def test_many_stories_keep_readable_columns_and_scroll(open_page, context: AppContext) -> None:
    from desktop.ui.stories.coverage_view import STORY_NARROWEST

    _add_stories(context, *(f"Story {n}" for n in range(20)))
    page: StoriesPage = open_page(StoriesPage, (760, 520))
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    page.reload()
    header = page.coverage_view.table.horizontalHeader()
    assert all(header.sectionSize(s) >= STORY_NARROWEST for s in range(header.count()))


def test_story_boxes_grow_with_their_text_and_the_form_scrolls_alone(
    open_page, context: AppContext
) -> None:
    (story_id,) = _add_stories(context, "Grows")
    page: StoriesPage = open_page(StoriesPage, (1200, 800))
    page.reload()
    assert page.editor.story_id == story_id
    situation = page.editor.sections[Section.SITUATION]
    one_line = situation.height()
    situation.editor.setPlainText("\n".join(f"Line {n}" for n in range(12)))
    assert situation.height() > one_line + 8 * situation.editor.fontMetrics().lineSpacing()
    assert situation.editor.verticalScrollBar().maximum() == 0  # nothing to scroll inside
    short = page.editor.sections[Section.TASK]
    assert short.height() < 6 * short.editor.fontMetrics().lineSpacing()


def test_themes_are_in_view_without_scrolling(open_page, context: AppContext) -> None:
    _add_stories(context, "Themed")
    page: StoriesPage = open_page(StoriesPage, (1060, 780))
    page.reload()
    scroll = page.editor.form_scroll
    button = page.editor.themes_button
    top = button.mapTo(scroll.viewport(), QPoint(0, 0)).y()
    assert top >= 0 and top + button.height() <= scroll.viewport().height()
    button.click()
    assert page.editor.themes.isVisibleTo(page)
    rows = page.editor.themes.list
    assert rows.verticalScrollBar().maximum() == 0  # the list is as tall as its rows
    page.editor.themes.set_checked(page.editor.themes.offered()[0], True)
    assert page.editor.themes_chosen.text().startswith("Chosen: ")


def test_delete_stands_apart_from_rehearse(open_page, context: AppContext) -> None:
    _add_stories(context, "Mine")
    page: StoriesPage = open_page(StoriesPage, (1200, 800))
    page.reload()
    delete, rehearse = page.editor.delete_button, page.editor.rehearse_button
    assert delete.property("role") == "destructive"
    assert rehearse.x() - (delete.x() + delete.width()) > 200
    delete.click()
    assert page.undo_bar.isVisibleTo(page)  # still undoable


def test_loop_preparation_rows_grow_to_show_whole_titles(open_page) -> None:
    page: StoriesPage = open_page(StoriesPage, (760, 520))
    long_title = "Finding the N+1 query behind slow order history on a busy Monday"
    page.new_story(StoryDraft(title=long_title, themes=("dive-deep",)))
    page.tabs.setCurrentIndex(TAB_LOOP)
    page.loop_view.choose_set("backend-path")
    table = page.loop_view.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 1).text() == long_title)
    cell = table.visualItemRect(table.item(row, 1))
    needed = table.fontMetrics().boundingRect(
        cell.adjusted(4, 0, -4, 0), int(Qt.TextFlag.TextWordWrap), long_title
    )
    assert cell.width() < table.fontMetrics().horizontalAdvance(long_title)  # it must wrap
    assert table.rowHeight(row) >= needed.height()
    header = table.horizontalHeader()
    assert header.defaultAlignment() & Qt.AlignmentFlag.AlignLeft  # titles over their text


def test_a_story_brought_back_by_undo_keeps_boxes_as_tall_as_their_text(open_page, qtbot) -> None:
    # Walked under a real X server: after Delete and Undo, a one-line Situation stood
    # 190 px tall (its splitter had dropped the height the box was fixed to).
    page: StoriesPage = open_page(StoriesPage, (1200, 800))
    page.reload()
    page.new_story(StoryDraft(title="Outage"))
    qtbot.wait(50)  # the new story's editor is laid out
    situation = page.editor.sections[Section.SITUATION]
    situation.editor.setPlainText("Checkout went down for an hour.")
    qtbot.wait(50)  # saved, as typing is
    page.editor.themes_button.click()  # the list open, as a user tagging the story leaves it
    page.editor.delete_button.click()
    qtbot.wait(50)
    page.undo_delete()
    qtbot.wait(100)  # the layout settles as the editor shows again
    assert situation.height() < 4 * situation.editor.fontMetrics().lineSpacing()
