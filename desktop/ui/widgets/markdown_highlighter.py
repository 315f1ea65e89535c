"""Light syntax highlighting for Markdown while it is being written."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from desktop.ui.theme import colours, current_scheme

_RULES = (
    (re.compile(r"^#{1,6}\s.*$"), "heading"),
    (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), "strong"),
    (re.compile(r"(?<![*\w])\*[^*\n]+\*(?!\*)|(?<![_\w])_[^_\n]+_(?!_)"), "emphasis"),
    (re.compile(r"`[^`\n]+`"), "code"),
    (re.compile(r"^\s*(?:[-*+]|\d+\.)\s(?:\[[ xX]\]\s)?"), "marker"),
    (re.compile(r"^\s*>.*$"), "quote"),
    (re.compile(r"\[[^\]\n]*\]\([^)\n]*\)"), "link"),
)
_FENCE = re.compile(r"^\s*(```|~~~)")
_IN_FENCE = 1


class MarkdownHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._formats = self._build_formats()

    def refresh_colours(self) -> None:
        self._formats = self._build_formats()
        self.rehighlight()

    def _build_formats(self) -> dict[str, QTextCharFormat]:
        palette = colours(current_scheme())
        formats: dict[str, QTextCharFormat] = {}
        for name, colour, weight, italic in (
            ("heading", palette["highlight"], QFont.Weight.Bold, False),
            ("strong", palette["text"], QFont.Weight.Bold, False),
            ("emphasis", palette["text"], QFont.Weight.Normal, True),
            ("code", palette["muted"], QFont.Weight.Normal, False),
            ("marker", palette["highlight"], QFont.Weight.Normal, False),
            ("quote", palette["muted"], QFont.Weight.Normal, True),
            ("link", palette["link"], QFont.Weight.Normal, False),
        ):
            text_format = QTextCharFormat()
            text_format.setForeground(QColor(colour))
            text_format.setFontWeight(weight)
            text_format.setFontItalic(italic)
            if name == "code":
                text_format.setFontFixedPitch(True)
                text_format.setBackground(QColor(palette["code"]))
            formats[name] = text_format
        return formats

    def highlightBlock(self, text: str) -> None:
        in_fence = self.previousBlockState() == _IN_FENCE
        if _FENCE.match(text):
            self.setFormat(0, len(text.encode("utf-16-le")) // 2, self._formats["code"])
            self.setCurrentBlockState(0 if in_fence else _IN_FENCE)
            return
        if in_fence:
            self.setFormat(0, len(text.encode("utf-16-le")) // 2, self._formats["code"])
            self.setCurrentBlockState(_IN_FENCE)
            return
        self.setCurrentBlockState(0)
        if len(text) > 2000:
            return  # one huge line (a pasted blob): skip the patterns, keep typing quick
        to_qt = _utf16_positions(text)
        for pattern, name in _RULES:
            for match in pattern.finditer(text):
                start, end = to_qt(match.start()), to_qt(match.end())
                self.setFormat(start, end - start, self._formats[name])


def _utf16_positions(text: str) -> Callable[[int], int]:
    """Qt counts positions in UTF-16 units: an emoji is two of them, one Python character."""
    if text.isascii():
        return lambda position: position
    widths = [2 if ord(ch) > 0xFFFF else 1 for ch in text]
    offsets = [0]
    for width in widths:
        offsets.append(offsets[-1] + width)
    return lambda position: offsets[position]
