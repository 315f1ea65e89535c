"""A Markdown preview that never fetches anything: no remote loads, no local file reads."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QTextBrowser, QWidget

from desktop.domain.rendering import render_markdown
from desktop.ui.theme import current_scheme, preview_style_sheet

_OPENABLE_SCHEMES = {"http", "https", "mailto"}


class SafeMarkdownView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._open_clicked_link)
        self.setReadOnly(True)

    def show_markdown(self, text: str, empty_hint: str = "") -> None:
        if text.strip():
            self.show_html(render_markdown(text))
        else:
            self.show_html(f"<p><i>{escape(empty_hint)}</i></p>" if empty_hint else "")

    def show_html(self, safe_html: str) -> None:
        """Show HTML that render_markdown produced (already sanitised), keeping the scroll."""
        scroll = self.verticalScrollBar().value()
        self.document().setDefaultStyleSheet(preview_style_sheet(current_scheme()))
        # QTextDocument draws table borders from attributes, not from CSS.
        self.setHtml(
            safe_html.replace("<table>", '<table border="1" cellspacing="0" cellpadding="5">')
        )
        self.verticalScrollBar().setValue(scroll)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Refuse every resource (images, style sheets) whether on disk or on the web."""
        return None

    def _open_clicked_link(self, url: QUrl) -> None:
        if url.scheme() in _OPENABLE_SCHEMES:
            QDesktopServices.openUrl(url)
