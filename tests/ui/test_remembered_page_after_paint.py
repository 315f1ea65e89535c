"""The page remembered from last time is built after the window's first paint, not before."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.lazy_page import LazyPage
from desktop.ui.page import Page
from desktop.ui.pages import build_main_window


def _remembering(context: AppContext, key: str) -> AppContext:
    settings = QSettings(str(context.profile.folder.ui_state_file), QSettings.Format.IniFormat)
    settings.setValue("window/page", key)
    settings.sync()
    return AppContext(context.profile, settings)


def _waiting_page(window: object, key: str) -> LazyPage:
    page = next(p for p in window.pages if p.page_key == key)  # type: ignore[attr-defined]
    assert isinstance(page, LazyPage)
    return page


def test_the_remembered_page_is_built_once_the_window_has_painted(
    qtbot, context: AppContext
) -> None:
    window = build_main_window(_remembering(context, page_info.STORIES.key))
    qtbot.addWidget(window)
    stories = _waiting_page(window, page_info.STORIES.key)
    # Making the window (its Edit menu asks the page for its Undo) did not build it...
    assert not stories.built
    window.show()
    assert not stories.built  # ...nor did showing it: the empty shell paints first
    qtbot.waitUntil(lambda: stories.built, timeout=5000)
    assert stories.real.isVisible()
    assert window.current_page() is stories.real


def test_a_page_chosen_later_is_built_at_once(qtbot, context: AppContext) -> None:
    window = build_main_window(_remembering(context, page_info.PATH.key))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(page_info.JOURNAL.key)
    assert _waiting_page(window, page_info.JOURNAL.key).built  # no empty page after a click


def test_leaving_a_page_before_it_was_built_does_not_build_it(qtbot, context: AppContext) -> None:
    window = build_main_window(_remembering(context, page_info.PLAN.key))
    qtbot.addWidget(window)
    window.show_page(page_info.PATH.key)  # flushing the page left does not build it
    window.save_state()
    assert not _waiting_page(window, page_info.PLAN.key).built


def test_a_waiting_page_builds_after_its_first_paint(qtbot) -> None:
    made: list[Page] = []

    def build() -> Page:
        made.append(Page())
        return made[-1]

    lazy = LazyPage(page_info.TRENDS, build)
    qtbot.addWidget(lazy)
    lazy.resize(400, 300)  # something to paint
    lazy.build_after_first_paint()
    lazy.show()
    assert made == []  # shown, not yet painted
    qtbot.waitUntil(lambda: lazy.built, timeout=5000)  # painted, then built
    assert len(made) == 1
    lazy.hide()
    lazy.show()
    assert len(made) == 1
