"""A while after start, a worker removes what was deleted more than 30 days ago; the views
that could show it read again, and the status bar says what went."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

import desktop.app
from desktop.app import show_main_window
from desktop.domain.stories import StoryDraft
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.store.story_tables import StoryRow
from desktop.store.trash_emptying import KEPT_FOR_UNDO
from desktop.ui.context import AppContext
from desktop.ui.safety.trash_after_start import empty_trash

pytestmark = pytest.mark.any_date


def _story_deleted_days_ago(context: AppContext, title: str, days: int) -> int:
    now = context.now()
    with session_scope(context.profile.engine) as session:
        story_id = story_store.create_story(
            session=session, draft=StoryDraft(title=title), now=now - timedelta(days=days + 1)
        )
        story_store.delete_story(session=session, story_id=story_id, now=now - timedelta(days=days))
    return story_id


def test_old_deletes_go_on_a_worker_and_the_status_bar_says_so(
    qtbot: Any, context: AppContext, open_window: Any
) -> None:
    old = _story_deleted_days_ago(context, "Old", KEPT_FOR_UNDO.days + 1)
    recent = _story_deleted_days_ago(context, "Recent", KEPT_FOR_UNDO.days - 1)
    window = open_window()
    signalled: list[bool] = []
    context.events.stories_changed.connect(lambda: signalled.append(True))

    empty_trash(window).result(timeout=10)
    qtbot.waitUntil(lambda: bool(signalled))

    with session_scope(context.profile.engine) as session:
        assert session.get(StoryRow, old) is None
        assert session.get(StoryRow, recent) is not None  # still there for Undo
    assert window.statusBar().currentMessage() == (
        "Removed for good: 1 story deleted more than 30 days ago."
    )


def test_the_window_empties_the_trash_by_itself_after_start(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = _story_deleted_days_ago(context, "Old", KEPT_FOR_UNDO.days + 5)
    monkeypatch.setattr(desktop.app, "EMPTY_TRASH_AFTER_MS", 0)
    window = show_main_window(context, offer_recovery=False)
    qtbot.addWidget(window)

    def gone() -> bool:
        with session_scope(context.profile.engine) as session:
            return session.get(StoryRow, old) is None

    qtbot.waitUntil(gone, timeout=10_000)
    window.close()
