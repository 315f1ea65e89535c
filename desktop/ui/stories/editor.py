"""One story being written: STAR sections with word counts, the coach's notes, themes and links.
Saved as you type, like the journal; a failed save keeps the text on screen and says so."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.stories import (
    TARGET_SECONDS,
    Scope,
    Section,
    Story,
    StoryDraft,
    coach_notes,
    duration_text,
    story_timing,
)
from desktop.domain.story_themes import ThemeCatalog
from desktop.domain.wording import counted
from desktop.ui.background import Workers
from desktop.ui.page_keys import ENTER, enter_activates, note_keys
from desktop.ui.stories.growing_text import GrowWithText
from desktop.ui.stories.theme_picker import ThemePicker
from desktop.ui.widgets.autosave import KeptDraft
from desktop.ui.widgets.controls import combo_box, line_edit, push_button
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.markdown_editor import MarkdownEditor
from desktop.ui.window_keys import WindowKeys

_PROMPTS = {
    Section.SITUATION: "Where and when: the context the interviewer needs, in a few sentences.",
    Section.TASK: "What you were responsible for, or the problem you set out to solve.",
    Section.ACTION: "What you did yourself, step by step: say “I”.",
    Section.RESULT: "What changed, with numbers, and what you learned.",
}

TITLE_ENTER = "In a story's title: go on to its Situation"


class StoryEditor(QWidget):
    delete_requested = Signal(int)
    rehearse_requested = Signal(int)
    link_requested = Signal()
    open_entry_requested = Signal(int)  # journal entry id
    add_theme_requested = Signal()

    def __init__(self, workers: Workers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Story")
        self._workers = workers
        # Made first: every change handler below reports through them.
        self.warning = text_label("Story not saved", "warning")
        self.warning.hide()
        self.save_state = text_label("Save state", "muted", wrap=False)
        self.kept: KeptDraft[int, StoryDraft] = KeptDraft(
            noun="story",
            read_draft=self.draft,
            save_state=self.save_state,
            warning=self.warning,
            parent=self,
        )

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self.title = QLineEdit()
        self.title.setAccessibleName("Story title")
        self.title.setPlaceholderText(
            "A short title you will recognise, e.g. “The Black Friday outage”"
        )
        self.title.setMaxLength(300)
        self.title.textEdited.connect(self._changed)
        # Enter goes on to the story itself: Tab stops at the impact list first, where the
        # words typed next picked an item and were lost (walked by keyboard under X).
        self.title.returnPressed.connect(self._write_the_situation)
        note_keys(self.title, WindowKeys(TITLE_ENTER, ENTER))
        outer.addWidget(self.title)

        # The timing and the coach's notes scroll with the form: in a small window they would
        # otherwise leave the form only a few lines.
        self.timing = text_label("Speaking time", "muted")
        self.coach = text_label("Coach's notes", "warning")

        self.form_scroll = QScrollArea()
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Tab goes from the title straight to the form, not to an unmarked stop on the area.
        self.form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        outer.addWidget(self.form_scroll, 1)  # in place before the form: styled once, not twice
        self.form_scroll.setWidget(self._build_form())

        outer.addWidget(self.warning)
        self.notice = text_label("Story changed elsewhere", "warning")
        self.notice.hide()
        outer.addWidget(self.notice)
        self.rehearsals = text_label("Rehearsals", "muted")
        outer.addWidget(self.rehearsals)
        bottom = QHBoxLayout()
        # Delete sits apart from Rehearse, in a quieter, warning style (Undo brings it back).
        self.delete_button = push_button(
            "Delete story",
            "Delete this story",
            self._on_delete,
            tooltip="Delete this story (you can undo it straight after)",
        )
        self.delete_button.setProperty("role", "destructive")
        bottom.addWidget(self.delete_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_state)
        self.rehearse_button = push_button(
            "Rehearse…",
            "Rehearse this story with a timer",
            self._on_rehearse,
        )
        self.rehearse_button.setDefault(True)
        bottom.addWidget(self.rehearse_button)
        outer.addLayout(bottom)

    def _build_form(self) -> QWidget:
        form = QWidget()
        layout = QVBoxLayout(form)
        layout.setContentsMargins(0, 0, 8, 0)
        layout.setSpacing(6)
        layout.addWidget(self.timing)

        facts = QFormLayout()
        facts.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.scope = combo_box("Scope of impact")
        self.scope.setToolTip("Senior answers are expected to show impact beyond yourself.")
        for scope in Scope:
            self.scope.addItem(scope.label, scope.value)
        self.scope.currentIndexChanged.connect(self._changed)
        facts.addRow("Impact reached", self.scope)
        self.companies = line_edit("Companies this story is for", "Companies, comma separated")
        self.companies.textEdited.connect(self._changed)
        facts.addRow("Meant for", self.companies)
        layout.addLayout(facts)

        layout.addLayout(self._build_themes())

        preview_row = QHBoxLayout()
        preview_row.addStretch(1)
        self.show_preview = QCheckBox("Preview")
        self.show_preview.setAccessibleName("Show the Markdown previews")
        self.show_preview.toggled.connect(self._on_preview_toggled)
        preview_row.addWidget(self.show_preview)
        layout.addLayout(preview_row)

        # The boxes grow with their text and never scroll: the form is the one scroll area.
        self._growing: list[GrowWithText] = []
        self.section_labels: dict[Section, QLabel] = {}
        self.sections: dict[Section, MarkdownEditor] = {}
        for section in Section:
            label = _heading(f"{section.label} heading")
            self.section_labels[section] = label
            layout.addWidget(label)
            editor = MarkdownEditor(self._workers)
            editor.editor.setAccessibleName(f"{section.label} (Markdown)")
            editor.editor.setPlaceholderText(_PROMPTS[section])
            editor.set_preview_visible(False)
            editor.text_edited.connect(self._changed)
            self.sections[section] = editor
            self._growing.append(GrowWithText(editor.editor, editor, min_lines=2))
            layout.addWidget(editor)

        layout.addWidget(_heading("Notes"))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setPlaceholderText("Follow-up questions to expect, details to have ready…")
        self.notes.setTabChangesFocus(True)
        self.notes.textChanged.connect(self._changed)
        self._growing.append(GrowWithText(self.notes, self.notes, min_lines=2))
        layout.addWidget(self.notes)

        layout.addWidget(_heading("Journal entries"))
        self.links = QListWidget()
        self.links.setAccessibleName("Linked journal entries")
        self.links.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.links.itemActivated.connect(
            lambda item: self.open_entry_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        )
        enter_activates(self.links, "Open the chosen linked journal entry")
        layout.addWidget(self.links)
        link_row = QHBoxLayout()
        link = push_button("Link a journal entry…", "Link a journal entry", self.link_requested)
        link_row.addWidget(link)
        unlink = push_button("Remove link", "Remove the chosen journal link", self._remove_link)
        link_row.addWidget(unlink)
        link_row.addStretch(1)
        layout.addLayout(link_row)
        # Last: the notes come and go as the user writes, and anything under them would move
        # under the mouse (a click meant for a box lands between two).
        self.coach_heading = _heading("Coach's notes")
        layout.addWidget(self.coach_heading)
        layout.addWidget(self.coach)
        layout.addStretch(1)
        return form

    def _write_the_situation(self) -> None:
        situation = self.sections[Section.SITUATION].editor
        situation.setFocus(Qt.FocusReason.OtherFocusReason)
        self.form_scroll.ensureWidgetVisible(situation)

    def _build_themes(self) -> QVBoxLayout:
        """The themes, near the top: what is chosen, and the full list on demand."""
        box = QVBoxLayout()
        box.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(_heading("Themes heading"))
        row.addStretch(1)
        self.themes_button = push_button(
            "Choose themes…", "Show the list of themes", self._toggle_theme_list
        )
        self.themes_button.setCheckable(True)
        row.addWidget(self.themes_button, 0, Qt.AlignmentFlag.AlignBottom)
        box.addLayout(row)
        self.themes_chosen = text_label("Themes chosen", "muted")
        box.addWidget(self.themes_chosen)
        self.themes = ThemePicker("Themes")
        self.themes.summary.hide()  # the row above says what is chosen
        self.themes.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.themes.changed.connect(self._changed)
        self.themes.changed.connect(self._show_chosen_themes)
        self.themes.add_requested.connect(self.add_theme_requested)
        self.themes.filter.textChanged.connect(lambda _text: self._fit_theme_list())
        self.themes.hide()
        box.addWidget(self.themes)
        return box

    def _toggle_theme_list(self) -> None:
        shown = self.themes_button.isChecked()
        self.themes.setVisible(shown)
        self.themes_button.setText("Hide the list" if shown else "Choose themes…")
        if shown:
            self._fit_theme_list()
            self.themes.filter.setFocus()

    def _fit_theme_list(self) -> None:
        """The list is as tall as its rows: the form around it does the scrolling."""
        rows = self.themes.list
        shown = [rows.item(i) for i in range(rows.count()) if not rows.item(i).isHidden()]
        height = sum(rows.sizeHintForIndex(rows.indexFromItem(item)).height() for item in shown)
        rows.setFixedHeight(max(height, 24) + 2 * rows.frameWidth() + 2)

    def _show_chosen_themes(self) -> None:
        self.themes_chosen.setText(self.themes.summary.text())

    # Loading -------------------------------------------------------------------------------

    def set_catalog(self, catalog: ThemeCatalog) -> None:
        self.themes.set_catalog(catalog)
        self._fit_theme_list()
        self._show_chosen_themes()

    def load(self, story: Story, link_titles: dict[int, str], rehearsals: str) -> bool:
        """Show a saved story once any unsaved typing for the previous one is saved; False
        (and nothing replaced) if that typing could not be saved."""
        if not self.flush():
            return False
        if story.id != self.story_id:
            # A filter typed for the last story would hide most themes from this one.
            self.themes.filter.clear()
        draft = story.draft
        for widget in (self.title, self.scope, self.companies, self.notes):
            widget.blockSignals(True)
        self.title.setText(draft.title)
        self.title.setCursorPosition(0)
        self.scope.setCurrentIndex(max(0, self.scope.findData(draft.scope.value)))
        self.companies.setText(", ".join(draft.companies))
        self.notes.setPlainText(draft.notes)
        for widget in (self.title, self.scope, self.companies, self.notes):
            widget.blockSignals(False)
        for section, editor in self.sections.items():
            editor.set_text(draft.section(section))
        self.themes.set_chosen(draft.themes)
        self._show_chosen_themes()
        self.links.clear()
        for entry_id in draft.journal_entry_ids:
            self._add_link_item(entry_id, link_titles.get(entry_id, f"Journal entry {entry_id}"))
        self._fit_links()
        for growing in self._growing:
            growing.fit()  # the text was set without a change signal
        self.rehearsals.setText(rehearsals)
        self.kept.load(story.id)
        self.notice.hide()
        self._update_guidance()
        self.form_scroll.verticalScrollBar().setValue(0)
        return True

    def relabel_links(self, link_titles: dict[int, str]) -> None:
        """Journal entries were renamed: show their new titles (the story is unchanged)."""
        for row in range(self.links.count()):
            item = self.links.item(row)
            label = link_titles.get(int(item.data(Qt.ItemDataRole.UserRole)))
            if label is not None:
                item.setText(label)

    def show_rehearsals(self, text: str) -> None:
        self.rehearsals.setText(text)

    def draft(self) -> StoryDraft:
        scope = self.scope.currentData()
        return StoryDraft(
            title=self.title.text().strip(),
            situation=self.sections[Section.SITUATION].text(),
            task=self.sections[Section.TASK].text(),
            action=self.sections[Section.ACTION].text(),
            result=self.sections[Section.RESULT].text(),
            themes=self.themes.chosen(),
            scope=Scope(scope) if scope else Scope.TEAM,
            companies=tuple(c.strip() for c in self.companies.text().split(",") if c.strip()),
            notes=self.notes.toPlainText(),
            journal_entry_ids=tuple(
                int(self.links.item(row).data(Qt.ItemDataRole.UserRole))
                for row in range(self.links.count())
            ),
        )

    def add_link(self, entry_id: int, label: str) -> None:
        if entry_id not in self.draft().journal_entry_ids:
            self._add_link_item(entry_id, label)
            self._changed()

    def _add_link_item(self, entry_id: int, label: str) -> None:
        item = QListWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, entry_id)
        item.setToolTip("Double-click to open it in the journal")
        self.links.addItem(item)
        self._fit_links()

    def _fit_links(self) -> None:
        rows = max(1, self.links.count())
        row_height = self.links.sizeHintForRow(0) if self.links.count() else 22
        self.links.setFixedHeight(rows * row_height + 2 * self.links.frameWidth() + 2)

    def _remove_link(self) -> None:
        row = self.links.currentRow()
        if row >= 0:
            self.links.takeItem(row)
            self._fit_links()
            self._changed()

    # Saving --------------------------------------------------------------------------------

    @property
    def story_id(self) -> int | None:
        return self.kept.record_id

    @property
    def saved_draft(self) -> StoryDraft | None:
        """The story as last loaded or saved: what the typing on screen is compared with."""
        return self.kept.saved

    def has_unsaved_changes(self) -> bool:
        return self.kept.has_unsaved_changes()

    def keep_typing(self, story_id: int, saved: StoryDraft, message: str) -> None:
        """The stored story changed (or was stored anew) under unsaved typing: keep the typing
        on screen, to be saved over `saved` in story `story_id`, and tell the user why."""
        self.notice.setText(message)
        self.notice.show()
        self.kept.adopt(story_id, saved)
        self._update_guidance()

    def flush(self) -> bool:
        """Save now if anything changed; False (the text stays) if it could not be saved."""
        return self.kept.flush()

    def clear(self) -> None:
        """Forget the story without saving (it was deleted)."""
        self.kept.clear()

    def _changed(self) -> None:
        if self.story_id is None:
            return
        self._update_guidance()
        self.kept.changed()

    # Guidance ------------------------------------------------------------------------------

    def _update_guidance(self) -> None:
        draft = self.draft()
        timing = story_timing(draft)
        for section, label in self.section_labels.items():
            words = timing.words[section]
            label.setText(
                f"{section.label}  ·  {words} {'word' if words == 1 else 'words'}"
                f"  ·  {duration_text(timing.seconds(section))}"
            )
        low, high = (s // 60 for s in TARGET_SECONDS)
        # Nothing written yet is nothing to say out loud (nor "about 0 s spoken").
        written = timing.total_words > 0
        self.timing.setText(
            f"About {duration_text(timing.total_seconds)} spoken "
            f"({counted(timing.total_words, 'word')} at 150 a minute); "
            f"aim for {low} to {high} minutes."
            if written
            else f"Nothing written yet: aim for {low} to {high} minutes spoken, "
            f"about 150 words a minute."
        )
        self.rehearse_button.setEnabled(written)
        self.rehearse_button.setToolTip(
            "Say the story out loud against the clock (Ctrl+R)"
            if written
            else "Write the story first: Situation, Task, Action and Result"
        )
        notes = coach_notes(draft)
        self.coach.setText("\n".join(f"• {note.message}" for note in notes))
        self.coach.setVisible(bool(notes))
        self.coach_heading.setVisible(bool(notes))

    def _on_preview_toggled(self, visible: bool) -> None:
        for editor in self.sections.values():
            editor.set_preview_visible(visible)

    def _on_delete(self) -> None:
        if self.story_id is not None:
            self.delete_requested.emit(self.story_id)

    def _on_rehearse(self) -> None:
        if self.story_id is not None:
            self.flush()
            self.rehearse_requested.emit(self.story_id)

    def focus_title(self) -> None:
        self.title.setFocus()
        self.title.selectAll()


def _heading(text: str) -> QLabel:
    label = text_label(text, wrap=False)
    label.setText(text.removesuffix(" heading"))
    font = QFont(label.font())
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 6, 0, 0)
    return label
