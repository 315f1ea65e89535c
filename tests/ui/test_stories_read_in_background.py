"""A long story bank is read on a worker the first time the page shows: the page paints at
once with a note where the list goes, and the stories, the filter and the open story follow."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.domain.stories import StoryDraft
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.stories import page as stories_page
from desktop.ui.stories.page import (
    SHOW_EDITOR,
    SHOW_READING,
    TAB_COVERAGE,
    TAB_LOOP,
    StoriesPage,
)

STORIES = 6


@pytest.fixture
def story_ids(context: AppContext, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Stories enough to be read on a worker (the bar lowered, to keep the test small)."""
    monkeypatch.setattr(stories_page, "READ_AT_ONCE_STORIES", STORIES - 1)
    now = datetime(2026, 11, 2, 9, tzinfo=UTC)
    with session_scope(context.profile.engine) as session:
        return [
            story_store.create_story(
                session=session, draft=StoryDraft(title=f"Story number {n}"), now=now
            )
            for n in range(STORIES)
        ]


def test_the_page_shows_before_the_stories_are_read(qtbot, open_page, story_ids) -> None:
    page = open_page(StoriesPage)
    assert page.list_empty.text() == "Reading your stories…"
    assert page.right.currentIndex() == SHOW_READING  # no "Write your first story" meanwhile
    assert not page.export_button.isEnabled()
    qtbot.waitUntil(lambda: page.model.rowCount() == STORIES)
    assert page.right.currentIndex() == SHOW_EDITOR
    assert page.editor.story_id == page.model.row_at(0).id  # type: ignore[union-attr]
    assert page.list.currentIndex().row() == 0
    assert page.list_heading.text().startswith(f"{STORIES} stories")


def test_the_remembered_story_opens_when_they_come(
    qtbot, open_page, context: AppContext, story_ids
) -> None:
    context.settings.setValue("stories/current", story_ids[2])
    page = open_page(StoriesPage)
    qtbot.waitUntil(lambda: page.editor.story_id is not None)
    assert page.editor.story_id == story_ids[2]
    assert page.model.row_at(page.list.currentIndex().row()).id == story_ids[2]  # type: ignore[union-attr]


def test_a_filter_typed_meanwhile_applies(qtbot, open_page, story_ids) -> None:
    page = open_page(StoriesPage)
    page.filter.setText("number 4")
    qtbot.waitUntil(lambda: not page.list_area.currentIndex())
    assert page.model.rowCount() == 1
    assert page.editor.title.text() == "Story number 4"


def test_a_story_opened_meanwhile_stays_open(qtbot, open_page, story_ids) -> None:
    page = open_page(StoriesPage)
    assert page.open_story(story_ids[1])  # from Search everything, say: read at once
    assert page.model.rowCount() == STORIES
    qtbot.wait(100)  # the worker's read, come back late, changes nothing
    assert page.editor.story_id == story_ids[1]
    assert page.model.row_at(page.list.currentIndex().row()).id == story_ids[1]  # type: ignore[union-attr]


@pytest.mark.parametrize("tab", [TAB_COVERAGE, TAB_LOOP])
def test_a_view_chosen_meanwhile_waits_for_the_stories(
    qtbot, open_page, context: AppContext, story_ids, tab: int
) -> None:
    """Reopened on Coverage (or chosen while the list reads), the view is not built on no
    stories: it would say none of the themes has a story, and fit its drop-down to nothing."""
    context.settings.setValue("stories/tab", tab)
    context.settings.setValue("stories/coverage_set", "amazon")
    context.settings.setValue("stories/loop_set", "amazon")
    page = open_page(StoriesPage)
    assert page._read_pending
    assert page._coverage is None and page._loop is None
    qtbot.waitUntil(lambda: not page._read_pending)
    view = page.coverage_view if tab == TAB_COVERAGE else page.loop_view
    assert view.isVisible()
    assert view.chosen_set() == "amazon"  # the choice kept from last time
    combo = view.theme_set
    assert combo.fontMetrics().horizontalAdvance(combo.currentText()) < combo.width()


def test_coverage_chosen_while_they_are_read(qtbot, open_page, story_ids) -> None:
    page = open_page(StoriesPage)
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    assert page._coverage is None  # not "0 of 31 themes have a story" meanwhile
    qtbot.waitUntil(lambda: page._coverage is not None)
    assert page.coverage_view.isVisible()
    assert page.coverage_view.model.columnCount() == STORIES
