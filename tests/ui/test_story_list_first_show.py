"""The story list's first show: every row laid out once, at the width it is shown at."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QStyleOptionViewItem, QVBoxLayout, QWidget

from desktop.domain.stories import Scope, StoryDraft
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.lazy_page import LazyPage
from desktop.ui.stories.page import StoriesPage
from desktop.ui.widgets import rich_text_delegate
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE, RichTextDelegate

STORIES = 30  # more than the list shows at once, so it scrolls


def _write_stories(context: AppContext) -> None:
    now = datetime(2026, 11, 2, 9, tzinfo=UTC)
    with session_scope(context.profile.engine) as session:
        for number in range(STORIES):
            draft = StoryDraft(
                title=f"Story {number}: the checkout outage and the retry storm that followed it",
                situation="A busy week.",
                task="Keep checkout up.",
                action="I profiled the request path and batched the calls.",
                result="Latency fell from 900 ms to 120 ms.",
                themes=(),
                scope=Scope.TEAM,
            )
            story_store.create_story(session=session, draft=draft, now=now)


@pytest.fixture
def laid_out(monkeypatch: pytest.MonkeyPatch) -> dict[str, set[int]]:
    """Each row's HTML and the widths it was laid out at, by every rich-text list."""
    widths: dict[str, set[int]] = defaultdict(set)
    real = RichTextDelegate._document

    def noting(
        self: RichTextDelegate, option: QStyleOptionViewItem, html: str, selected: bool = False
    ) -> QTextDocument:
        document = real(self, option, html, selected)
        widths[html].add(int(document.textWidth()))
        return document

    monkeypatch.setattr(RichTextDelegate, "_document", noting)
    return widths


def _first_show(qtbot: Any, context: AppContext) -> tuple[QWidget, StoriesPage]:
    """The Stories page opened as a click in the window opens it: its shell is laid out in
    the window first, and the page is built when the shell is shown."""
    window = QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window).setContentsMargins(0, 0, 0, 0)
    shell = LazyPage(page_info.STORIES, lambda: StoriesPage(context))
    shell.restore_state(context.settings)
    window.layout().addWidget(shell)
    window.resize(1090, 780)
    window.show()
    qtbot.waitExposed(window)
    page = shell.real
    assert isinstance(page, StoriesPage)
    qtbot.wait(50)  # laid out and painted
    return window, page


def test_each_row_is_laid_out_once_at_the_width_shown(
    qtbot, context: AppContext, laid_out: dict[str, set[int]]
) -> None:
    _write_stories(context)
    _window, page = _first_show(qtbot, context)
    model, view = page.model, page.list
    assert model.rowCount() == STORIES
    assert view.verticalScrollBar().isVisible()  # the rows overflow the list
    rows = [str(model.index(row, 0).data(HTML_ROLE)) for row in range(STORIES)]
    # Not once without the scroll bar's room and again with it: one width per row.
    assert all(len(laid_out[html]) == 1 for html in rows)
    shown_at = {width for html in rows for width in laid_out[html]}
    assert len(shown_at) == 1
    assert shown_at.pop() <= view.viewport().width()


def test_rows_have_the_height_of_their_text_at_the_width_shown(qtbot, context: AppContext) -> None:
    _write_stories(context)
    _window, page = _first_show(qtbot, context)
    view = page.list
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    for row in range(page.model.rowCount()):
        index = page.model.index(row, 0)
        document = QTextDocument()
        document.setDefaultFont(view.font())
        document.setDocumentMargin(6)
        document.setHtml(str(index.data(HTML_ROLE)))
        document.setTextWidth(rich_text_delegate._text_width(option))
        assert view.visualRect(index).height() == int(document.size().height())
        # The text fits the row's width: nothing is cut off at the right.
        assert int(document.idealWidth()) <= view.viewport().width()
