"""List rows drawn from a little HTML: a bold title, a muted line, highlighted matches."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop.ui.theme import colours, current_scheme

HTML_ROLE = Qt.ItemDataRole.UserRole + 20


class RichTextDelegate(QStyledItemDelegate):
    """Paints the HTML in HTML_ROLE (the model escapes anything the user wrote).

    The HTML may use class="muted" and class="match"; their colours follow the theme and
    the row's selection, so text stays readable on a highlighted row.
    """

    def _document(
        self, option: QStyleOptionViewItem, html: str, selected: bool = False
    ) -> QTextDocument:
        palette = colours(current_scheme())
        muted = palette["highlighted_text"] if selected else palette["muted"]
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(6)
        document.setDefaultStyleSheet(
            f".muted {{ color: {muted}; }} .match {{ background-color: {palette['code']};"
            f" color: {palette['text']}; font-weight: bold; }}"
        )
        document.setHtml(html)
        view = option.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        document.setTextWidth(max(width or option.rect.width(), 120))
        return document

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        html = index.data(HTML_ROLE)
        if not html:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style()
        option.text = ""
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        document = self._document(option, str(html), selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.topLeft())
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        html = index.data(HTML_ROLE)
        if not html:
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        document = self._document(option, str(html))
        return QSize(int(document.idealWidth()), int(document.size().height()))
