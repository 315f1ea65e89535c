"""A Markdown editor with a live preview beside it that never makes typing wait."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QPlainTextEdit, QSplitter, QWidget

from desktop.domain.rendering import render_markdown
from desktop.ui.background import Workers
from desktop.ui.widgets.markdown_highlighter import MarkdownHighlighter
from desktop.ui.widgets.markdown_view import SafeMarkdownView
from desktop.ui.widgets.prompted_text_edit import PromptedTextEdit

PREVIEW_DELAY_MS = 250


class MarkdownEditor(QSplitter):
    """Editor on the left, preview on the right. The preview renders on a worker thread
    after typing pauses, and only the newest render is shown."""

    text_edited = Signal()

    def __init__(self, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._workers = workers
        self.editor = PromptedTextEdit()
        self.editor.setAccessibleName("Entry text (Markdown)")
        self.editor.setTabChangesFocus(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(font.pointSizeF() + 1)
        self.editor.setFont(font)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.highlighter = MarkdownHighlighter(self.editor.document())
        self.preview = SafeMarkdownView()
        self.preview.setAccessibleName("Preview")
        self.addWidget(self.editor)
        self.addWidget(self.preview)
        self.setChildrenCollapsible(False)
        self.setSizes([500, 500])
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._render_preview)
        self._generation = 0
        self._rendered_generation = 0
        self.editor.textChanged.connect(self._on_text_changed)

    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        """Show `text` without counting it as an edit."""
        self.editor.blockSignals(True)
        self.editor.setPlainText(text)
        self.editor.blockSignals(False)
        self._generation += 1
        self._render_preview()

    def set_preview_visible(self, visible: bool) -> None:
        self.preview.setVisible(visible)
        if visible:
            self._render_preview()

    def _on_text_changed(self) -> None:
        self._generation += 1
        self._timer.start()
        self.text_edited.emit()

    def _render_preview(self) -> None:
        if not self.preview.isVisible() and self.isVisible():
            return
        generation = self._generation
        text = self.editor.toPlainText()
        self._workers.run(
            lambda: render_markdown(text),
            lambda html: self._show_preview(generation, html),
            owner=self,
        )

    def _show_preview(self, generation: int, html: object) -> None:
        if generation < self._rendered_generation:
            return  # an older render finished late: the newer one is already shown
        self._rendered_generation = generation
        self.preview.show_html(str(html))

    def wait_for_preview(self) -> bool:
        """True once the preview shows the current text (tests and screenshots use this)."""
        return self._rendered_generation == self._generation

    def changeEvent(self, event: QEvent) -> None:
        """A switch between light and dark (Preferences, or the system's) recolours the
        Markdown being written and the preview; kept, bold text was drawn in the old
        scheme's text colour: dark grey on the dark background."""
        if event.type() == QEvent.Type.PaletteChange:
            self.highlighter.refresh_colours()
            self._render_preview()
        super().changeEvent(event)

    def set_font_family_fixed(self, fixed: bool) -> None:
        font = QFont(self.editor.font())
        font.setFixedPitch(fixed)
        self.editor.setFont(font)
