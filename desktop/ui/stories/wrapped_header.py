"""A column header that wraps its title onto as many lines as it needs instead of cutting it.

Qt's header draws one line, centred and clipped at both ends when it is too long ("he
checkout outage o."). This one wraps each title at word boundaries (inside a word only when
one word is wider than the column), keeps the model's last line (a count) on a line of its
own, and grows the header to the tallest section, so every title reads in full at any width.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

from desktop.ui.widgets.text_lines import lay_out_lines

PADDING = 6


def wrapped_lines(text: str, font: QFont, width: int) -> list[str]:
    """`text` broken at word boundaries to fit `width`, every word kept."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines = [
        text[line.textStart() : line.textStart() + line.textLength()].strip()
        for line in lay_out_lines(layout, width)
    ]
    return lines or [""]


def widest_word(text: str, font: QFont) -> int:
    metrics = QFontMetrics(font)
    return max((metrics.horizontalAdvance(word) for word in text.split()), default=0)


class WrappedHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self._height: int | None = None  # worked out once per layout: sizeHint is asked often
        self.sectionResized.connect(self._forget_height)
        self.sectionCountChanged.connect(self._forget_height)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.modelReset.connect(self._forget_height)
            model.headerDataChanged.connect(self._forget_height)

    def _forget_height(self, *_args: object) -> None:
        self._height = None
        self.updateGeometry()

    def _parts(self, section: int) -> tuple[str, str]:
        model = self.model()
        text = str(model.headerData(section, self.orientation()) or "") if model else ""
        title, _newline, last = text.rpartition("\n")
        return (title, last) if title else (last, "")

    def section_lines(self, section: int) -> list[str]:
        """What the section shows, line by line (tests read this)."""
        title, last = self._parts(section)
        width = max(20, self.sectionSize(section) - 2 * PADDING)
        lines = wrapped_lines(title, self.font(), width)
        return [*lines, last] if last else lines

    def _lines_needed(self) -> int:
        visible = (s for s in range(self.count()) if not self.isSectionHidden(s))
        return max((len(self.section_lines(section)) for section in visible), default=2)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        if self._height is None:
            self._height = self._lines_needed() * self.fontMetrics().lineSpacing() + 2 * PADDING
        hint.setHeight(self._height)
        return hint

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        # Wrapped, a title needs only its widest word (or its count line) across.
        title, last = self._parts(logicalIndex)
        needed = max(widest_word(title, self.font()), self.fontMetrics().horizontalAdvance(last))
        return QSize(needed + 2 * PADDING, self.sizeHint().height())

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        if not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logicalIndex
        option.text = ""
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, option, painter, self)
        model = self.model()
        colour = model.headerData(logicalIndex, self.orientation(), Qt.ItemDataRole.ForegroundRole)
        if colour is not None:
            painter.setPen(colour.color())
        else:
            painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        painter.drawText(
            rect.adjusted(PADDING, PADDING, -PADDING, -PADDING),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
            "\n".join(self.section_lines(logicalIndex)),
        )
        painter.restore()
