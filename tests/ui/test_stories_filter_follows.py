"""The story editor follows the list's filter, as a notes app does: a story the filter hides
is saved and closed, the first match opens, and with no match the page says so and offers to
clear the filter. Typing is never lost on the way."""

from __future__ import annotations

import pytest

from desktop.domain.stories import Section, StoryDraft
from desktop.store import stories as story_store
from desktop.store.errors import WriteFailed
from desktop.ui.context import AppContext
from desktop.ui.stories.page import SHOW_EDITOR, SHOW_NO_MATCH, StoriesPage
from tests.samples import read_back


@pytest.fixture
def page(open_page) -> StoriesPage:
    return open_page(StoriesPage)


def _three(page: StoriesPage) -> tuple[int, int, int]:
    ids = [
        page.new_story(StoryDraft(title=title))
        for title in ("Sale-day outage", "Billing migration", "Outage review")
    ]
    assert all(i is not None for i in ids)
    return ids[0], ids[1], ids[2]  # type: ignore[return-value]


def _listed(page: StoriesPage) -> list[int]:
    rows = (page.model.row_at(row) for row in range(page.model.rowCount()))
    return [row.id for row in rows if row is not None]


def _stored_action(context: AppContext, story_id: int) -> str:
    story = read_back(
        context.profile.engine, lambda s: story_store.get_story(session=s, story_id=story_id)
    )
    return story.draft.action


def test_a_filter_that_hides_the_open_story_opens_the_first_match(
    page: StoriesPage, context: AppContext
) -> None:
    first, billing, review = _three(page)
    assert page.editor.story_id == review  # the newest, just written
    page.editor.sections[Section.ACTION].editor.setPlainText("Typed, not yet autosaved.")
    page.filter.setText("billing")
    assert page.editor.story_id == billing
    assert page.right.currentIndex() == SHOW_EDITOR
    assert _listed(page) == [billing]
    assert page.list.currentIndex().row() == 0  # the list shows what the editor shows
    assert _stored_action(context, review) == "Typed, not yet autosaved."  # saved first
    page.filter.setText("outage")  # the open story no longer matches: the first match opens
    assert page.editor.story_id == _listed(page)[0]
    assert set(_listed(page)) == {first, review}


def test_no_match_says_so_and_clearing_the_filter_brings_the_story_back(
    page: StoriesPage, context: AppContext
) -> None:
    _first, billing, _review = _three(page)
    page.open_story(billing)
    page.editor.sections[Section.RESULT].editor.setPlainText("Moved 2 TB with no downtime.")
    page.filter.setText("kubernetes")
    assert page.right.currentIndex() == SHOW_NO_MATCH
    assert page.editor.story_id is None
    assert page.no_match.message.text() == "No story matches “kubernetes”."
    assert page.no_match.button.text() == "Clear the filter"
    assert page.list_empty.text() == ""  # said once, beside the list, not in it as well
    assert not page.has_unsaved_work()
    stored = read_back(
        context.profile.engine, lambda s: story_store.get_story(session=s, story_id=billing)
    )
    assert stored.draft.result == "Moved 2 TB with no downtime."
    page.no_match.button.click()
    assert page.filter.text() == ""
    assert page.editor.story_id == billing  # back where the user was
    assert page.right.currentIndex() == SHOW_EDITOR


def test_typing_that_cannot_be_saved_keeps_its_story_open_and_listed(
    page: StoriesPage, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    _first, billing, review = _three(page)

    def disk_full(**_kwargs: object) -> bool:
        raise WriteFailed("the disk is full. Free some space and try again")

    monkeypatch.setattr(story_store, "save_story", disk_full)
    page.editor.sections[Section.ACTION].editor.setPlainText("Typed while the disk was full.")
    page.filter.setText("billing")
    assert page.editor.story_id == review
    assert page.editor.sections[Section.ACTION].text() == "Typed while the disk was full."
    assert page.editor.warning.isVisibleTo(page)
    assert set(_listed(page)) == {billing, review}  # the list still shows the open story
    assert page.list_heading.text() == "1 of 3 stories match"
    monkeypatch.undo()
    page.filter.setText("billin")  # the next change to the filter saves and moves on
    assert page.editor.story_id == billing
    assert _stored_action(context, review) == "Typed while the disk was full."


def test_an_edit_that_takes_the_open_story_out_of_the_filter_keeps_it_open(
    page: StoriesPage,
) -> None:
    _first, billing, _review = _three(page)
    page.filter.setText("billing")
    assert page.editor.story_id == billing
    page.editor.title.setText("Ledger move")  # typed while the filter is on
    page.editor.flush()  # the autosave, and the list reads again
    assert page.editor.story_id == billing and page.right.currentIndex() == SHOW_EDITOR
    assert _listed(page) == [billing]  # not snatched from under the user's typing


def test_a_story_opened_from_elsewhere_clears_a_filter_that_hides_it(page: StoriesPage) -> None:
    first, billing, _review = _three(page)
    page.filter.setText("billing")
    assert page.editor.story_id == billing
    assert page.open_story(first)  # as Coverage or Search everything do
    assert page.filter.text() == ""
    assert page.editor.story_id == first
    assert page.model.row_of(first) == page.list.currentIndex().row()
