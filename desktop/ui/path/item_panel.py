"""The right-hand panel: one item's details, its status, its history and its Markdown notes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.progress import ChecklistItem, ItemStatus
from desktop.domain.taxonomy import Taxonomy
from desktop.ui.formatting import short_date
from desktop.ui.practice.practised import practised_and_watched
from desktop.ui.widgets.autosave import KeptDraft, Writer
from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.markdown_view import SafeMarkdownView
from desktop.ui.widgets.plain_text import plain_tip


class ItemPanel(QWidget):
    status_chosen = Signal(str, str)  # item id, status value
    remove_requested = Signal(str)  # item id
    practice_requested = Signal(str)  # item id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Item details")
        self._entry: ChecklistItem | None = None
        self._hide_difficulty = False
        # How a topic tag reads (the page sets the vocabulary's labels).
        self.label_tag: Callable[[str], str] = lambda tag: tag
        # Which topic tags are mistakes (the page sets the profile's taxonomy).
        self.taxonomy: Taxonomy | None = None

        self._pages = QStackedWidget()
        self._pages.addWidget(self._build_overview())
        self._pages.addWidget(self._build_details())
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._pages)

    def _build_overview(self) -> QWidget:
        """What the panel shows with no item chosen: the stage's or the path's summary."""
        box, layout = _column()
        self.overview_title, self.overview_facts, self.overview_text = _add_heading(
            layout, "Overview title", "Overview facts", "Overview"
        )
        layout.addStretch(1)
        return _scrolling(box)

    def show_overview(self, title: str, facts: str, text: str) -> None:
        self.overview_title.setText(title)
        self.overview_facts.setText(facts)
        self.overview_text.setText(text)
        self._pages.setCurrentIndex(0)

    def _build_details(self) -> QWidget:
        body, layout = _column()
        self.title, self.facts, self.description = _add_heading(
            layout, "Item title", "Kind, difficulty and target time", "Description"
        )

        self.link = QLabel()
        self.link.setOpenExternalLinks(True)
        self.link.setAccessibleName("Reference link")
        self.link.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        layout.addWidget(self.link)

        self.practice_button = push_button(
            "Start a practice session",
            "Start a timed practice session on this item",
            self._on_practice_clicked,
            tooltip="Time yourself against the target, then log how it went",
        )
        layout.addWidget(self.practice_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.practice_summary = text_label("Practice so far", "muted")
        layout.addWidget(self.practice_summary)

        status_title = QLabel("Status")
        status_title.setStyleSheet("font-weight: 600;")
        layout.addWidget(status_title)
        status_row = QHBoxLayout()
        status_row.setSpacing(4)
        self.status_buttons = QButtonGroup(self)
        self.status_buttons.setExclusive(True)
        for status in ItemStatus:
            button = QPushButton(status.label)
            button.setCheckable(True)
            button.setAccessibleName(f"Mark as {status.label.lower()}")
            button.setProperty("status", status.value)
            # Style-sheet padding is not always counted in a button's size hint: size it here.
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(status.label) + 26)
            self.status_buttons.addButton(button)
            status_row.addWidget(button)
        status_row.addStretch(1)
        self.status_buttons.buttonClicked.connect(self._on_status_clicked)
        layout.addLayout(status_row)

        self.history = text_label("Status history", "muted")
        layout.addWidget(self.history)

        notes_header = QHBoxLayout()
        notes_title = QLabel("Notes")
        notes_title.setStyleSheet("font-weight: 600;")
        notes_header.addWidget(notes_title)
        notes_header.addStretch(1)
        self.save_state = QLabel("")
        self.save_state.setProperty("role", "muted")
        self.save_state.setAccessibleName("Notes save state")
        self.save_state.setTextFormat(Qt.TextFormat.PlainText)
        notes_header.addWidget(self.save_state)
        layout.addLayout(notes_header)

        self.notes_warning = text_label("Notes not saved", "warning")
        self.notes_warning.hide()
        layout.addWidget(self.notes_warning)

        self.notes_tabs = QTabWidget()
        self.notes_tabs.setAccessibleName("Notes")
        self.notes_editor = QPlainTextEdit()
        self.notes_editor.setAccessibleName("Notes editor (Markdown)")
        self.notes_editor.setPlaceholderText(
            "Write anything worth remembering: the approach that worked, the trap you fell "
            "into, what to try next time. Markdown works here."
        )
        self.notes_editor.textChanged.connect(self._on_notes_typed)
        self.notes_editor.setTabChangesFocus(True)  # keyboard users can leave with Tab
        self.notes_preview = SafeMarkdownView()
        self.notes_preview.setAccessibleName("Notes preview")
        self.notes_tabs.addTab(self.notes_editor, "Write")
        self.notes_tabs.addTab(self.notes_preview, "Preview")
        self.notes_tabs.currentChanged.connect(self._on_tab_changed)
        layout.addWidget(self.notes_tabs, 1)
        # Notes of an item left while a save fails are held, shown again, and retried.
        self.kept: KeptDraft[str, str] = KeptDraft(
            noun="note",
            read_draft=self.notes_editor.toPlainText,
            save_state=self.save_state,
            warning=self.notes_warning,
            parent=self,
        )

        footer = QHBoxLayout()
        footer.addStretch(1)
        self.remove_button = push_button(
            "Remove item…", "Remove this item", self._on_remove_clicked
        )
        footer.addWidget(self.remove_button)
        layout.addLayout(footer)

        self.setMinimumWidth(body.minimumSizeHint().width() + 8)
        return _scrolling(body)

    # Showing an item -----------------------------------------------------------------------

    @property
    def entry(self) -> ChecklistItem | None:
        return self._entry

    def set_hide_difficulty(self, hidden: bool) -> None:
        self._hide_difficulty = hidden
        if self._entry is not None:
            self.facts.setText(self._facts_text(self._entry))

    def show_entry(
        self,
        entry: ChecklistItem | None,
        history: list[tuple[ItemStatus, datetime]],
        practice: str = "",
    ) -> None:
        """Show `entry`; typed notes for a different item are saved first."""
        switching = entry is None or entry.id != self.kept.record_id
        if switching:
            self.kept.flush()
            self.kept.set_aside()  # what could not be saved waits for its item
        self._entry = entry
        if entry is None:
            self.kept.load(None)
            self._pages.setCurrentIndex(0)
            return
        self._pages.setCurrentIndex(1)
        item = entry.item
        self.title.setText(item.title)
        self.facts.setText(self._facts_text(entry))
        self.description.setText(item.description or "")
        self.description.setVisible(bool(item.description))
        if item.link and not entry.is_retired:
            self.link.setText(f'<a href="{escape(item.link)}">Open the reference ↗</a>')
            self.link.setToolTip(plain_tip(item.link))
            self.link.show()
        else:
            self.link.hide()
        for button in self.status_buttons.buttons():
            button.setChecked(button.property("status") == entry.status.value)
            button.setEnabled(not entry.is_retired)
        self.history.setText(_history_text(entry, history))
        self.practice_summary.setText(practice)
        self.practice_summary.setVisible(bool(practice))
        self.remove_button.setVisible(entry.is_custom)
        self.practice_button.setVisible(not entry.is_retired)
        is_quiz = entry.item.kind.value == "quiz"
        self.practice_button.setText("Take the quiz" if is_quiz else "Start a practice session")
        if switching:
            held = self.kept.draft_set_aside(entry.id)
            self.notes_editor.blockSignals(True)
            self.notes_editor.setPlainText(entry.notes if held is None else held)
            self.notes_editor.blockSignals(False)
            self.kept.load(entry.id, saved=entry.notes)
            if self.notes_tabs.currentIndex() == 1:
                self._refresh_preview()

    def _facts_text(self, entry: ChecklistItem) -> str:
        if entry.is_retired:
            return "Retired: no longer part of this path"
        item = entry.item
        parts = [item.kind.label]
        if not self._hide_difficulty:
            parts.append(item.difficulty.label)
        parts.append(f"about {item.target_minutes} min")
        if entry.is_custom:
            parts.append("added by you")
        text = " · ".join(parts)
        # As the session dialog reads them: what it ticks under Patterns applied, and the
        # mistakes the item trains against, left for the user to tick (see practised.py).
        practised, watched = (
            practised_and_watched(item.topics, self.taxonomy)
            if self.taxonomy
            else (item.topics, ())
        )
        if practised:
            text += "\nPractises: " + ", ".join(self.label_tag(tag) for tag in practised)
        if watched:
            text += "\nWatch out for: " + ", ".join(self.label_tag(tag) for tag in watched)
        return text

    # Notes autosave -------------------------------------------------------------------------

    def set_notes_writer(self, write: Writer[str, str]) -> None:
        self.kept.write = write

    def _on_notes_typed(self) -> None:
        self.kept.changed()

    def flush_notes(self) -> bool:
        """Save typed notes now (on a pause, a switch, or closing); False if they could not be."""
        return self.kept.flush()

    def has_unsaved_notes(self) -> bool:
        return not self.kept.flush()

    def _on_tab_changed(self, index: int) -> None:
        if index == 1:
            self._refresh_preview()

    def _refresh_preview(self) -> None:
        self.notes_preview.show_markdown(
            self.notes_editor.toPlainText(), "No notes yet. Switch to Write to add some."
        )

    # Actions ------------------------------------------------------------------------------

    def _on_status_clicked(self, button: QPushButton) -> None:
        if self._entry is not None:
            self.status_chosen.emit(self._entry.id, str(button.property("status")))

    def _on_practice_clicked(self) -> None:
        if self._entry is not None and not self._entry.is_retired:
            self.practice_requested.emit(self._entry.id)

    def _on_remove_clicked(self) -> None:
        if self._entry is not None and self._entry.is_custom:
            self.remove_requested.emit(self._entry.id)


def _history_text(entry: ChecklistItem, history: list[tuple[ItemStatus, datetime]]) -> str:
    if not history:
        return "Not started yet." if entry.status is ItemStatus.TODO else ""
    latest_status, latest_when = history[0]
    text = f"{latest_status.label} since {short_date(latest_when)}"
    earlier = [f"{status.label} {short_date(when)}" for status, when in history[1:5]]
    if earlier:
        text += ". Before that: " + ", ".join(earlier)
    return text + "."


def _column() -> tuple[QWidget, QVBoxLayout]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(14, 6, 6, 6)
    layout.setSpacing(8)
    return box, layout


def _add_heading(
    layout: QVBoxLayout, title: str, facts: str, text: str
) -> tuple[QLabel, QLabel, QLabel]:
    """A title, a line of facts and a paragraph: how the overview and an item both begin.
    The arguments are the labels' names for screen readers."""
    labels = (
        text_label(title, "heading"),
        text_label(facts, "muted"),  # a long "Practises" line wraps
        text_label(text),
    )
    for label in labels:
        layout.addWidget(label)
    return labels


def _scrolling(body: QWidget) -> QScrollArea:
    """Vertical scrolling only: the panel may be short, but its text wraps to its width."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(body)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return scroll
