"""The two offers above the week: the weekly review, and carrying last week's leftovers."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from desktop.ui.widgets.controls import push_button


class OneLineText(QLabel):
    """Plain text kept to one line: where the whole of it does not fit, the first of its
    shorter forms that does, else as much as fits, ending in "…"; the whole of it is then in
    the tooltip. A banner that wrapped took a second line from a short window's week."""

    def __init__(self, accessible_name: str) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(accessible_name)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._whole = ""
        self._shorter: tuple[str, ...] = ()

    def setText(self, text: str, *shorter: str) -> None:
        self._whole, self._shorter = text, shorter
        self.setAccessibleDescription(text)
        self._fit()

    def whole_text(self) -> str:
        return self._whole

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = max(0, self.contentsRect().width())
        metrics = self.fontMetrics()
        forms = (self._whole, *self._shorter)
        text = next((form for form in forms if metrics.horizontalAdvance(form) <= room), forms[-1])
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
        super().setText(shown)
        self.setToolTip(self._whole if shown != self._whole else "")


class _Banner(QFrame):
    """A strip above the week: a line of text (`text`) and buttons after it (`row`). Hidden
    until the page has something to offer."""

    def __init__(self, text_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(10, 4, 6, 4)
        self.text = OneLineText(text_name)
        self.row.addWidget(self.text, 1)
        self.hide()


class ReviewBanner(_Banner):
    """Offers the review of last week until it is written or the user says not now."""

    start_requested = Signal()
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Weekly review offer", parent)
        self.text.setText(
            "Last week is over: take ten minutes to look back at it "
            "and choose what to practise next.",
            "Last week is over: take ten minutes to look back at it.",
            "Last week is over.",
            "New week:",
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
