"""A plain-text editor that shows a template's prompts as grey hints in empty sections.

The hints are painted, not typed: they vanish as soon as the section has text, they are not
in toPlainText(), and so they are never counted or saved (see domain/template_prompts.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from desktop.domain.template_prompts import Ghost, SectionPrompt, first_field, ghosts, next_field


class PromptedTextEdit(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompts: tuple[SectionPrompt, ...] = ()
        self._ghosts: list[Ghost] = []
        # The document, not the editor: set_text() blocks the editor's signals.
        self.document().contentsChanged.connect(self._find_ghosts)

    def set_prompts(self, prompts: tuple[SectionPrompt, ...]) -> None:
        self._prompts = prompts
        self._find_ghosts()

    def shown_prompts(self) -> list[Ghost]:
        """The prompts on show now (tests, and the cursor's first field)."""
        return list(self._ghosts)

    def first_field_line(self) -> int | None:
        return first_field(self.toPlainText(), self._prompts) if self._prompts else None

    def next_field_line(self) -> int | None:
        if not self._prompts:
            return None
        return next_field(self.toPlainText(), self._prompts, self.textCursor().blockNumber())

    def event(self, event: QEvent) -> bool:
        """Tab goes to the next empty prompted section while there is one, as in a form;
        after the last, it moves the focus on as usual. (Caught here: Qt turns Tab into a
        focus change before keyPressEvent would see it.)"""
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            line = self.next_field_line()
            if line is not None:
                cursor = self.textCursor()
                cursor.setPosition(self.document().findBlockByNumber(line).position())
                self.setTextCursor(cursor)
                self.ensureCursorVisible()
                return True
        return super().event(event)

    def _find_ghosts(self) -> None:
        found = ghosts(self.toPlainText(), self._prompts) if self._prompts else []
        if found != self._ghosts:
            self._ghosts = found
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._ghosts:
            return
        painter = QPainter(self.viewport())
        colour = QColor(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.setPen(colour)
        font = QFont(self.font())
        font.setItalic(True)
        painter.setFont(font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        document = self.document()
        margin = document.documentMargin()
        width = self.viewport().width() - 2 * margin
        offset = self.contentOffset()
        for ghost in self._ghosts:
            block = document.findBlockByNumber(ghost.line)
            if not block.isValid():
                continue
            top = self.blockBoundingGeometry(block).translated(offset).top()
            last = document.findBlockByNumber(ghost.line + max(ghost.room, 1) - 1)
            bottom = self.blockBoundingGeometry(last).translated(offset).bottom()
            if bottom < 0 or top > self.viewport().height():
                continue
            area = QRectF(margin, top, width, bottom - top)
            text = _fitted("\n".join(ghost.lines), painter, area, option)
            painter.drawText(area, text, option)
        painter.end()


def _fitted(text: str, painter: QPainter, area: QRectF, option: QTextOption) -> str:
    """The prompt, shortened with an ellipsis at a word if it would not fit in `area`."""
    metrics = painter.fontMetrics()
    flags = Qt.TextFlag.TextWordWrap
    if metrics.boundingRect(area.toRect(), flags, text).height() <= area.height():
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        shorter = " ".join(words).rstrip(",;:") + "…"
        if metrics.boundingRect(area.toRect(), flags, shorter).height() <= area.height():
            return shorter
    return text
