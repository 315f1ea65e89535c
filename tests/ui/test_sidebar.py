"""The sidebar keeps its names in a roomy window and folds to icons in a narrow one."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.sidebar import NARROW_WIDTH, WIDE_WIDTH


def test_a_narrow_window_folds_the_sidebar_to_named_icons(qtbot, context: AppContext) -> None:
    window = build_main_window(context)
    qtbot.addWidget(window)
    window.show()
    sidebar = window.navigation
    window.resize(1280, 800)
    assert sidebar.width() == WIDE_WIDTH
    assert sidebar.item(0).text() == "Learning path" and not sidebar.item(0).toolTip()

    window.resize(760, 520)
    assert sidebar.width() == NARROW_WIDTH
    titles = [page.title for page in window.pages]
    for row, title in enumerate(titles):
        entry = sidebar.item(row)
        assert entry.text() == ""
        assert entry.toolTip() == title  # named on hover
        assert entry.data(Qt.ItemDataRole.AccessibleTextRole) == title  # and to screen readers
        assert not entry.icon().isNull()

    sidebar.setCurrentRow(2)  # still goes where it says
    assert window.current_page().title == titles[2]
    window.resize(1280, 800)
    assert [sidebar.item(row).text() for row in range(sidebar.count())] == titles
