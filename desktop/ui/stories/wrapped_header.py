"""A column header that wraps its title onto a few lines instead of cutting it.

Qt's header draws one line, centred and clipped at both ends when it is too long ("he
checkout outage o."). This one wraps the title at word boundaries onto up to three lines,
ends the last with "…" only if more is left (the tooltip has the full title), and keeps the
model's last line (a count) on a line of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

TITLE_LINES = 3
PADDING = 6


def wrapped_lines(text: str, font: QFont, width: int, max_lines: int) -> list[str]:
    """`text` broken at word boundaries to fit `width`; the last line elided if cut."""
    metrics = QFontMetrics(font)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        start, length = line.textStart(), line.textLength()
        if len(lines) == max_lines - 1:
            rest = text[start:].strip()
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(text[start : start + length].strip())
    layout.endLayout()
    return lines or [""]


class WrappedHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def _parts(self, section: int) -> tuple[str, str]:
        model = self.model()
        text = str(model.headerData(section, self.orientation()) or "") if model else ""
        title, _newline, last = text.rpartition("\n")
        return (title, last) if title else (last, "")

    def section_lines(self, section: int) -> list[str]:
        """What the section shows, line by line (tests read this)."""
        title, last = self._parts(section)
        width = max(20, self.sectionSize(section) - 2 * PADDING)
        lines = wrapped_lines(title, self.font(), width, TITLE_LINES)
        return [*lines, last] if last else lines

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        lines = TITLE_LINES + 1
        hint.setHeight(lines * self.fontMetrics().lineSpacing() + 2 * PADDING)
        return hint

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        size = super().sectionSizeFromContents(logicalIndex)
        size.setHeight(self.sizeHint().height())
        return size

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
