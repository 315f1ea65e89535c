"""Every list has the same thin border in both themes: in the dark theme the journal's entry
list once had none, as the style's own frame is drawn in a shade of the dark background."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QApplication

from desktop.ui.journal.page import JournalPage
from desktop.ui.path.checklist_view import ChecklistView
from desktop.ui.path.page import PathPage
from desktop.ui.theme import Scheme, apply_theme, colours


def _left_edge(view: QAbstractItemView) -> QColor:
    image = view.grab().toImage()
    return image.pixelColor(0, image.height() // 2)


@pytest.mark.parametrize("scheme", [Scheme.LIGHT, Scheme.DARK])
def test_the_journal_list_is_framed_like_the_checklist(
    open_page, themed_app: QApplication, scheme: Scheme
) -> None:
    apply_theme(themed_app, scheme)
    try:
        journal: JournalPage = open_page(JournalPage)
        path: PathPage = open_page(PathPage)
        border = QColor(colours(scheme)["border"])
        (tree,) = path.findChildren(ChecklistView)
        assert _left_edge(tree) == border
        assert _left_edge(journal.list) == border
    finally:
        apply_theme(themed_app, Scheme.LIGHT)
