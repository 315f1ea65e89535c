"""A Markdown preview that never fetches anything: no remote loads, no local file reads."""

from __future__ import annotations

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
        self.document().setDefaultStyleSheet(preview_style_sheet(current_scheme()))
        if text.strip():
            # QTextDocument draws table borders from attributes, not from CSS.
            html = render_markdown(text).replace(
                "<table>", '<table border="1" cellspacing="0" cellpadding="5">'
            )
            self.setHtml(html)
        else:
            self.setHtml(f"<p><i>{empty_hint}</i></p>" if empty_hint else "")

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Refuse every resource (images, style sheets) whether on disk or on the web."""
        return None

    def _open_clicked_link(self, url: QUrl) -> None:
        if url.scheme() in _OPENABLE_SCHEMES:
            QDesktopServices.openUrl(url)
