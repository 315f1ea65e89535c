"""Splitter handles are plain space until the pointer finds them: no dotted grip mid-page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSplitter, QTextEdit

from desktop.screenshots import settle
from desktop.ui.theme import Scheme, apply_theme


@pytest.mark.parametrize("scheme", list(Scheme))
def test_a_splitter_handle_draws_no_grip(qtbot, qapp: QApplication, scheme: Scheme) -> None:
    apply_theme(qapp, scheme)
    try:
        splitter = QSplitter(Qt.Orientation.Vertical)
        qtbot.addWidget(splitter)
        splitter.addWidget(QTextEdit())
        splitter.addWidget(QTextEdit())
        splitter.resize(400, 300)
        splitter.show()
        settle()
        image = splitter.handle(1).grab().toImage()
        colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
        assert len(colours) == 1
    finally:
        apply_theme(qapp, Scheme.LIGHT)
