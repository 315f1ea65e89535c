"""Rich-text rows are laid out once for their size, not on every layout pass."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QStandardItem, QStandardItemModel, QTextDocument
from PySide6.QtWidgets import QListView, QStyleOptionViewItem

from desktop.ui.widgets.rich_text_delegate import HTML_ROLE, RichTextDelegate


def _view(qtbot, rows: list[str]) -> tuple[QListView, RichTextDelegate, list[str]]:
    view = QListView()
    qtbot.addWidget(view)
    model = QStandardItemModel(view)
    for html in rows:
        item = QStandardItem("")
        item.setData(html, HTML_ROLE)
        model.appendRow(item)
    view.setModel(model)
    delegate = RichTextDelegate(view)
    view.setItemDelegate(delegate)
    laid_out: list[str] = []
    real = delegate._document

    def counting(option: QStyleOptionViewItem, html: str, selected: bool = False) -> Any:
        laid_out.append(html)
        return real(option, html, selected)

    delegate._document = counting  # type: ignore[method-assign]
    view.show()  # so the viewport follows resize()
    return view, delegate, laid_out


def _size_of(view: QListView, delegate: RichTextDelegate, row: int) -> tuple[int, int]:
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.widget = view
    size = delegate.sizeHint(option, view.model().index(row, 0))
    return size.width(), size.height()


def test_a_rows_size_is_measured_once(qtbot) -> None:
    rows = ["<b>Story one</b><br>two themes", "<b>Story two</b><br>one theme<br>due"]
    view, delegate, laid_out = _view(qtbot, rows)
    view.resize(300, 200)
    first = [_size_of(view, delegate, row) for row in range(2)]
    assert sorted(set(laid_out)) == sorted(rows)
    before = len(laid_out)
    again = [_size_of(view, delegate, row) for row in range(2)]
    assert again == first
    assert len(laid_out) == before  # the second pass laid nothing out


def test_a_narrower_view_measures_again(qtbot) -> None:
    long = "<b>" + "a long story title " * 12 + "</b>"
    view, delegate, laid_out = _view(qtbot, [long])
    view.resize(600, 200)
    wide = _size_of(view, delegate, 0)
    before = len(laid_out)
    view.resize(200, 200)
    narrow = _size_of(view, delegate, 0)
    assert len(laid_out) > before
    assert narrow[1] > wide[1]  # wrapped onto more lines


def test_a_delegate_with_its_own_layout_width_is_not_cached(qtbot) -> None:
    class FixedWidth(RichTextDelegate):
        width = 400

        def _document(
            self, option: QStyleOptionViewItem, html: str, selected: bool = False
        ) -> QTextDocument:
            document = super()._document(option, html, selected)
            document.setTextWidth(self.width)
            return document

    long = "<b>" + "a long story title " * 12 + "</b>"
    view, _, _ = _view(qtbot, [long])
    delegate = FixedWidth(view)
    view.setItemDelegate(delegate)
    view.resize(600, 200)
    wide = _size_of(view, delegate, 0)
    delegate.width = 120
    assert _size_of(view, delegate, 0)[1] > wide[1]


def test_a_measured_row_is_painted_without_laying_it_out_again(qtbot) -> None:
    rows = [f"<b>Story {n}</b><br>two themes" for n in range(5)]
    view, _delegate, laid_out = _view(qtbot, rows)
    view.resize(300, 400)
    qtbot.waitExposed(view)
    view.grab()  # measured and painted
    before = len(laid_out)
    assert sorted(set(laid_out)) == sorted(rows)
    view.grab()
    view.viewport().repaint()
    assert len(laid_out) == before  # painted again from the rows kept
