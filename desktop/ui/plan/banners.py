"""The two offers above the week: the weekly review, and carrying last week's leftovers."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.labels import text_label


class _Banner(QFrame):
    """A strip above the week: a line of text (`text`) and buttons after it (`row`). Hidden
    until the page has something to offer."""

    def __init__(self, text_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(10, 4, 6, 4)
        self.text = text_label(text_name)
        self.row.addWidget(self.text, 1)
        self.hide()


class ReviewBanner(_Banner):
    """Offers the review of last week until it is written or the user says not now."""

    start_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Weekly review offer", parent)
        self.text.setText(
            "A new week has started. Take ten minutes to look back at last week "
            "and choose what to practise next."
        )
        start = push_button(
            "Review last week", "Start the weekly review of last week", self.start_requested
        )
        self.row.addWidget(start)
        self.later_button = push_button("Not now", "Hide the weekly review offer", self._dismiss)
        self.row.addWidget(self.later_button)

    def _dismiss(self) -> None:
        self.hide()
        self.dismissed.emit()


class CarryBanner(_Banner):
    """Offers to plan last week's unfinished items again this week."""

    carry_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Unfinished items", parent)
        self.button = push_button(
            "Carry them over", "Carry last week's unfinished items over", self.carry_requested
        )
        self.row.addWidget(self.button)

    def show_count(self, count: int) -> None:
        if count:
            items = "1 item" if count == 1 else f"{count} items"
            self.text.setText(f"{items} from last week did not get done.")
        self.setVisible(bool(count))
