"""After an import (or a restore) the Learning path page reads its checklist once."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import build_main_window
from desktop.ui.path.page import PathPage
from desktop.ui.safety.reopen import reread_everything


def _counting_checklist_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The checklists the Learning path page reads (Trends and the Plan read checklists too,
    for the items a weak spot is practised with: those are not counted)."""
    reads: list[str] = []
    real = PathPage._reload_checklist

    def counted(page: PathPage, *args: Any, **kwargs: Any) -> Any:
        reads.append(page.current_path_id())
        return real(page, *args, **kwargs)

    monkeypatch.setattr(PathPage, "_reload_checklist", counted)
    return reads


def _window_with_path_page(qtbot: Any, context: AppContext) -> tuple[MainWindow, PathPage]:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    return window, window.open_page("path", PathPage)


def test_after_an_import_the_path_on_show_is_read_once(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page = _window_with_path_page(qtbot, context)
    window.show_page("path")
    shown_path = page.current_path_id()
    reads = _counting_checklist_reads(monkeypatch)

    reread_everything(window)  # every change signal in a burst, as after an import

    assert reads == [shown_path]
    assert not page._stale


def test_after_an_import_a_hidden_path_page_reads_once_when_shown(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.trends.page import TrendsPage

    window, page = _window_with_path_page(qtbot, context)
    window.open_page("trends", TrendsPage)
    window.show_page("trends")
    reads = _counting_checklist_reads(monkeypatch)

    reread_everything(window)

    assert reads == [] and page._stale
    window.show_page("path")
    assert reads == [page.current_path_id()]
    window.show_page("trends")
    window.show_page("path")  # nothing changed since: not read again
    assert len(reads) == 1
