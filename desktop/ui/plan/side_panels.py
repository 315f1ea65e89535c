"""The tabs under the week: suggestions to add, and the mock interviews logged lately."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.mocks import MockInterview
from desktop.domain.planner import PlanSource, hours_text
from desktop.domain.suggestions import Suggestion
from desktop.domain.weak_spots import WEAK_SPOT_DAYS
from desktop.ui.page_keys import enter_activates
from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.labels import centred_note, text_label
from desktop.ui.widgets.plain_text import plain_tip
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE, RichTextDelegate
from desktop.ui.widgets.view_or_note import ViewOrNote


def _rich_list(name: str) -> QListWidget:
    """A scrolling list of _rich_row rows, as both panels show them."""
    rows = QListWidget()
    rows.setAccessibleName(name)
    rows.setItemDelegate(RichTextDelegate(rows))
    rows.setWordWrap(True)
    rows.setAlternatingRowColors(True)
    # At the smallest window a row and a half is enough: the list scrolls.
    rows.setMinimumHeight(LIST_LEAST_HEIGHT)
    return rows


def _rich_row(title: str, facts: str, detail: str) -> QListWidgetItem:
    """A row with a bold title, muted facts beside it, and a line of detail below."""
    entry = QListWidgetItem(f"{title} · {facts}\n{detail}")
    entry.setData(
        HTML_ROLE,
        f"<b>{escape(title)}</b> <span class='muted'>· {escape(facts)}</span><br>{escape(detail)}",
    )
    return entry


SOURCE_MARKS = {
    PlanSource.REVISIT: "Revisit",
    PlanSource.PATH: "Path",
    PlanSource.WEAK_SPOT: "Weak spot",
    PlanSource.ROUTINE: "Routine",
}


BUSY_PAGE = 2


# The span the week's weak spots are read over, said beside the suggestions: Trends may show
# another period, and its counts would seem to disagree with the plan's.
BASED_ON = f"based on your last {WEAK_SPOT_DAYS} days"
BASED_ON_TIP = (
    f"Weak spots are read from your practice and mock interviews of the last "
    f"{WEAK_SPOT_DAYS} days, whatever period Trends shows."
)

LIST_LEAST_HEIGHT = 56  # px, room for a scroll bar: the lists scroll, so a short window may
# make them short


class SuggestionsPanel(QWidget):
    accept_requested = Signal(object)  # a list of Suggestion

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._suggestions: list[Suggestion] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.list = _rich_list("Suggestions")
        self.list.itemActivated.connect(lambda _item: self.accept_selected())
        enter_activates(self.list, "Add the chosen suggestion to the plan")
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.empty = text_label("No suggestions", "muted")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = ViewOrNote(self.list, self.empty)
        self.stack.addWidget(self._build_busy_note())
        layout.addWidget(self.stack, 1)
        self.rule = text_label("Where added suggestions go", "muted")
        self._rule_wanted = False
        layout.addWidget(self.rule)
        buttons = QHBoxLayout()
        self.summary = text_label("Suggestion summary", "muted", wrap=False)
        buttons.addWidget(self.summary, 1)
        self.add_button = push_button(
            "Add to plan",
            "Add the selected suggestion to the plan",
            self.accept_selected,
            tooltip="Enter",
        )
        buttons.addWidget(self.add_button)
        self.add_all_button = QPushButton("Add all")
        self.add_all_button.setAccessibleName("Add every suggestion to the plan")
        self.add_all_button.clicked.connect(
            lambda: self.accept_requested.emit(list(self._suggestions))
        )
        buttons.addWidget(self.add_all_button)
        layout.addLayout(buttons)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place_rule(event.size().width(), event.size().height())
        super().resizeEvent(event)

    def _place_rule(self, width: int, height: int) -> None:
        # A wrapped label claims one line in the minimum size; claim the lines the rule needs
        # at this width, or in a short window it squeezes the list above below its minimum.
        # When even that leaves the list too little room, the rule steps aside: the Add
        # buttons' tooltips say it too.
        needed = max(0, self.rule.heightForWidth(width))
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        others = margins.top() + margins.bottom() + 2 * layout.spacing()
        others += self.add_button.sizeHint().height() + LIST_LEAST_HEIGHT
        self.rule.setMinimumHeight(needed)
        self.rule.setVisible(self._rule_wanted and height >= others + needed)

    def show_suggestions(
        self, suggestions: Sequence[Suggestion], empty_text: str, rule: str = ""
    ) -> None:
        """`rule` says where added suggestions go (see store/plan.py add_suggestions)."""
        self._suggestions = list(suggestions)
        self.rule.setText(rule)
        self._rule_wanted = bool(rule and suggestions)
        self.add_button.setToolTip(f"{rule} (Enter)" if rule else "Enter")
        self.add_all_button.setToolTip(rule)
        self._place_rule(self.width(), self.height())
        # Quietly: the buttons follow once the new rows are chosen. Turned off while the
        # list is empty for a moment, "Add to plan" passed the keys on to "Add all".
        self.list.blockSignals(True)
        self.list.clear()
        for suggestion in suggestions:
            mark = SOURCE_MARKS[suggestion.source]
            facts = f"{suggestion.minutes} min · {mark}"
            entry = _rich_row(suggestion.target.title, facts, suggestion.reason)
            entry.setToolTip(plain_tip(suggestion.reason))
            self.list.addItem(entry)
        self.empty.setText(empty_text)
        self.stack.show_view(bool(suggestions))
        minutes = sum(s.minutes for s in suggestions)
        count = "1 suggestion" if len(suggestions) == 1 else f"{len(suggestions)} suggestions"
        self.summary.setText(
            f"{count} · {hours_text(minutes)} in all · {BASED_ON}" if suggestions else ""
        )
        self.summary.setToolTip(BASED_ON_TIP if suggestions else "")
        if suggestions:
            self.list.setCurrentRow(0)
        self.list.blockSignals(False)
        self._update_buttons()

    def _build_busy_note(self) -> QWidget:
        note = QWidget()
        column = QVBoxLayout(note)
        column.addStretch(1)
        self.busy_text = text_label("Working out suggestions", "muted")
        self.busy_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        column.addWidget(self.busy_text)
        self.busy_bar = QProgressBar()
        self.busy_bar.setAccessibleName("Working out suggestions")
        self.busy_bar.setRange(0, 0)  # moves without a measure: how long is not known
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumWidth(240)
        column.addWidget(self.busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        return note

    def show_busy(self, text: str) -> None:
        """Suggestions are being worked out: say so, and offer none meanwhile."""
        self._suggestions = []
        self.list.clear()
        self.busy_text.setText(text)
        self.stack.setCurrentIndex(BUSY_PAGE)
        self.rule.setVisible(False)
        self.summary.setText("")
        self._update_buttons()

    @property
    def busy(self) -> bool:
        return self.stack.currentIndex() == BUSY_PAGE

    def suggestions(self) -> list[Suggestion]:
        return list(self._suggestions)

    def select_weak_spot(self, tag: str) -> bool:
        for row, suggestion in enumerate(self._suggestions):
            if suggestion.weak_spot == tag:
                self.list.setCurrentRow(row)
                self.list.setFocus()
                return True
        return False

    def selected(self) -> Suggestion | None:
        row = self.list.currentRow()
        chosen = self.list.selectedItems()
        return self._suggestions[row] if chosen and 0 <= row < len(self._suggestions) else None

    def accept_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.accept_requested.emit([chosen])

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.selected() is not None)
        self.add_all_button.setEnabled(bool(self._suggestions))


class MocksPanel(QWidget):
    def __init__(
        self,
        on_log: Callable[[], None],
        on_edit: Callable[[MockInterview], None],
        on_delete: Callable[[MockInterview], None],
        label: Callable[[str], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._mocks: list[MockInterview] = []
        self._label = label
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        self.list = _rich_list("Mock interviews")
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda _item: self._edit(on_edit))
        enter_activates(self.list, "Edit the chosen mock interview")
        empty = centred_note(
            "No mock interviews",
            (
                "No mock interviews yet. After one, log it here: the scores and the weak spots it "
                "exposed feed next week's suggestions."
            ),
        )
        self.stack = ViewOrNote(self.list, empty)
        layout.addWidget(self.stack, 1)
        self.rule = text_label("Where added suggestions go", "muted")
        self._rule_wanted = False
        layout.addWidget(self.rule)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        log = push_button(
            "Log mock interview…", "Log a mock interview", on_log, tooltip="Ctrl+Shift+M"
        )
        buttons.addWidget(log)
        self.edit_button = push_button(
            "Edit…", "Edit the selected mock interview", lambda: self._edit(on_edit)
        )
        buttons.addWidget(self.edit_button)
        self.delete_button = push_button(
            "Delete", "Delete the selected mock interview", lambda: self._edit(on_delete)
        )
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)
        self._update_buttons()

    def show_mocks(self, mocks: Sequence[MockInterview]) -> None:
        chosen = self.selected()  # kept through the reload a save brings (Edit stays on)
        self._mocks = sorted(mocks, key=lambda mock: mock.held_at, reverse=True)
        # Quietly, as the suggestions are (the buttons follow at the end): Edit turned off
        # for a moment gave the keys to Delete.
        self.list.blockSignals(True)
        self.list.clear()
        for mock in self._mocks:
            held = mock.held_at.astimezone()
            exposed = ", ".join(self._label(tag) for tag in mock.exposed) or "none noted"
            facts = f"{held.day} {held:%b %Y} · {mock.score_percent:.0f}% on the rubric"
            self.list.addItem(_rich_row(mock.title, facts, f"Weak spots exposed: {exposed}"))
        self.stack.show_view(bool(self._mocks))
        ids = [mock.id for mock in self._mocks]
        if chosen is not None and chosen.id in ids:
            self.list.setCurrentRow(ids.index(chosen.id))
        self.list.blockSignals(False)
        self._update_buttons()

    def selected(self) -> MockInterview | None:
        row = self.list.currentRow()
        has = bool(self.list.selectedItems()) and 0 <= row < len(self._mocks)
        return self._mocks[row] if has else None

    def _edit(self, action: Callable[[MockInterview], None]) -> None:
        chosen = self.selected()
        if chosen is not None:
            action(chosen)

    def _update_buttons(self) -> None:
        has = self.selected() is not None
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
