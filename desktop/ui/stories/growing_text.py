"""Text boxes that grow with what is typed, so a form scrolls as one page.

A box with its own scroll bar inside a scrolling form takes the wheel from the form, and a box
tall enough for a paragraph looks empty with one line in it. These boxes are as tall as their
text (never less than a few lines) and never scroll themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.ui.widgets.text_lines import lay_out_lines


class GrowWithText(QObject):
    """Keeps `holder` (the box, or a widget around it) as tall as the box's text."""

    def __init__(self, box: QPlainTextEdit, holder: QWidget, min_lines: int = 2) -> None:
        super().__init__(box)
        self._box = box
        self._holder = holder
        self._min_lines = min_lines
        box.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        box.textChanged.connect(self.fit)
        box.viewport().installEventFilter(self)
        # A splitter holding the box (a Markdown editor) resets its own maximum height each
        # time a child shows or hides, and the form's layout then stretches it: a one-line
        # box came back from Undo 190 px tall.
        holder.installEventFilter(self)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit()
        return False

    def text_height(self) -> int:
        """The height the text takes at the box's width, laid out as the box lays it out
        (whole pixels per line, as QPlainTextEdit counts them)."""
        box = self._box
        document = box.document()
        width = max(20.0, box.viewport().width() - 2 * document.documentMargin())
        option = QTextOption()
        option.setWrapMode(box.wordWrapMode())
        heights: list[int] = []
        block = document.begin()
        while block.isValid():
            layout = QTextLayout(block.text(), box.font())
            layout.setTextOption(option)
            heights += [int(line.height()) for line in lay_out_lines(layout, width)]
            block = block.next()
        line_height = max(heights or [box.fontMetrics().lineSpacing()])
        heights += [line_height] * (self._min_lines - len(heights))
        return sum(heights)

    def fit(self) -> None:
        box = self._box
        margins = box.viewportMargins()
        chrome = 2 * box.frameWidth() + margins.top() + margins.bottom()
        # Both document margins, and a pixel QPlainTextEdit keeps free below the last line.
        height = self.text_height() + round(2 * box.document().documentMargin()) + chrome + 2
        holder = self._holder
        if (holder.height(), holder.minimumHeight(), holder.maximumHeight()) != (height,) * 3:
            holder.setFixedHeight(height)
