"""Hours of use must not wear the app down: guards against a Qt binding that leaks."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from desktop.ui.widgets.markdown_highlighter import MarkdownHighlighter


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None is immortal from Python 3.12 on: its count never moves, so the leak is harmless",
)
def test_qt_calls_do_not_drain_references_to_none(qtbot) -> None:
    """PySide6 6.12 on Python 3.11 dropped a reference to None on every Qt call that returns
    nothing; after enough typing Python aborted. The pinned versions must not do that."""
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    MarkdownHighlighter(editor.document())
    before = sys.getrefcount(None)
    for number in range(2000):
        editor.setObjectName(f"editor-{number}")
        editor.insertPlainText("**bold** and `code` ")
    assert sys.getrefcount(None) - before > -200
