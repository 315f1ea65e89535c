"""How Search everything draws a hit: its title, then a muted line of facts, both as plain
text (drawn with drawText, so a title like "<b>x</b>" reads as typed), cut with "…" to fit."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.theme import colours, current_scheme

FACTS_ROLE = Qt.ItemDataRole.UserRole + 1  # the second line; the title is the display text
PADDING = 6


class HitRowDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        facts = index.data(FACTS_ROLE)
        if facts is None:  # a heading: drawn as a plain row (bold, set on the item)
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        title = option.text
        option.text = ""
        style = option.widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_colour = option.palette.color(role)
        muted = text_colour if selected else QColor(colours(current_scheme())["muted"])
        metrics = option.fontMetrics
        line = metrics.lineSpacing()
        width = option.rect.width() - 2 * PADDING
        top = option.rect.top() + PADDING // 2
        left = option.rect.left() + PADDING
        painter.save()
        painter.setPen(text_colour)
        painter.drawText(
            QRect(left, top, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, width),
        )
        painter.setPen(muted)
        painter.drawText(
            QRect(left, top + line, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(str(facts), Qt.TextElideMode.ElideRight, width),
        )
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        if index.data(FACTS_ROLE) is None:
            hint = super().sizeHint(option, index)
            return QSize(hint.width(), hint.height() + PADDING)
        return QSize(0, 2 * option.fontMetrics.lineSpacing() + PADDING)
