"""A list with a blank line inside it is drawn with even gaps between its items (the items
next to the blank line once stood further apart than the rest)."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtGui import QTextBlock

from desktop.ui.widgets.markdown_view import SafeMarkdownView


def _item_tops(view: SafeMarkdownView) -> list[float]:
    view.document().setTextWidth(380)
    layout = view.document().documentLayout()
    layout.documentSize()  # lays the whole document out
    tops: list[float] = []
    block: QTextBlock = view.document().begin()
    while block.isValid():
        if block.textList() is not None:
            tops.append(layout.blockBoundingRect(block).top())
        block = block.next()
    return tops


def test_a_list_with_a_blank_line_has_even_gaps(qtbot) -> None:
    view = SafeMarkdownView()
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show_markdown("- one\n- two\n\n- three\n- four\n- five\n")
    tops = _item_tops(view)
    assert len(tops) == 5
    gaps = {round(b - a, 1) for a, b in pairwise(tops)}
    assert len(gaps) == 1, gaps
