"""What every page shares: stored data is read when first shown, and a change signal makes a
page read again at once if it is on show, or when it is next shown if not."""

from __future__ import annotations

from desktop.ui.page import Page


class CountingPage(Page):
    def __init__(self) -> None:
        super().__init__()
        self.reads = 0

    def reload(self) -> None:
        self._stale = False
        self.reads += 1


def test_nothing_is_read_until_the_page_is_first_shown(qtbot) -> None:
    page = CountingPage()
    qtbot.addWidget(page)
    assert page.reads == 0
    page.show()
    assert page.reads == 1
    page.hide()
    page.show()
    assert page.reads == 1  # shown again with nothing changed: no second read


def test_a_change_is_read_at_once_on_show_and_later_when_hidden(qtbot) -> None:
    page = CountingPage()
    qtbot.addWidget(page)
    page.show()
    page.data_changed()
    assert page.reads == 2
    page.hide()
    page.data_changed()
    page.data_changed()
    assert page.reads == 2  # hidden: only noted
    page.show()
    assert page.reads == 3  # one read for everything that changed meanwhile
