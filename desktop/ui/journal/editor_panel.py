"""One journal entry being written: title, date, tags, the Markdown text, saved as you type."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.journal import Entry, EntryKind, word_count
from desktop.domain.template_prompts import SectionPrompt
from desktop.store.journal import EntryDraft
from desktop.ui.background import Workers
from desktop.ui.formatting import day_with_year, long_date
from desktop.ui.widgets.autosave import KeptDraft
from desktop.ui.widgets.controls import line_edit, push_button
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.markdown_editor import MarkdownEditor


class EntryEditor(QWidget):
    delete_requested = Signal(int)
    edited = Signal()  # the user changed the open entry (its text, title, date or tags)

    def __init__(
        self,
        latest_day: date,
        workers: Workers,
        parent: QWidget | None = None,
        *,
        prompts_of: Callable[[str], tuple[SectionPrompt, ...]] | None = None,
    ) -> None:
        """`latest_day` is the last day an entry may be dated (a year from today);
        `prompts_of` gives a template's prompts, shown in an entry's empty sections."""
        super().__init__(parent)
        self._prompts_of = prompts_of
        self.setAccessibleName("Journal entry")
        self._kind = EntryKind.NOTE
        self._links: dict[str, object] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        self.title = line_edit("Entry title", "Title")
        self.title.setMaxLength(300)
        self.title.textEdited.connect(self._changed)
        top.addWidget(self.title, 1)
        self.date = QDateEdit()
        self.date.setAccessibleName("Entry date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMM yyyy")
        self.date.setMaximumDate(QDate(latest_day.year, latest_day.month, latest_day.day))
        self._shown_day: date | None = None  # the date the fields were last given
        self.date.dateChanged.connect(self._on_date_changed)
        top.addWidget(self.date)
        layout.addLayout(top)

        second = QHBoxLayout()
        self.tags = line_edit("Tags", "Tags, comma separated")
        self.tags.textEdited.connect(self._changed)
        second.addWidget(self.tags, 1)
        self.show_preview = QCheckBox("Preview")
        self.show_preview.setAccessibleName("Show the preview")
        self.show_preview.setChecked(True)
        self.show_preview.toggled.connect(self._on_preview_toggled)
        second.addWidget(self.show_preview)
        layout.addLayout(second)

        self.links = text_label("What this entry is about", "muted")
        layout.addWidget(self.links)

        self.markdown = MarkdownEditor(workers)
        self.markdown.text_edited.connect(self._changed)
        layout.addWidget(self.markdown, 1)

        self.warning = text_label("Entry not saved", "warning")
        self.warning.hide()
        layout.addWidget(self.warning)

        bottom = QHBoxLayout()
        self.words = text_label("Word count", "muted", wrap=False)
        bottom.addWidget(self.words)
        bottom.addStretch(1)
        self.save_state = text_label("Save state", "muted", wrap=False)
        bottom.addWidget(self.save_state)
        self.kept: KeptDraft[int, EntryDraft] = KeptDraft(
            noun="entry",
            read_draft=self.draft,
            save_state=self.save_state,
            warning=self.warning,
            parent=self,
        )
        self.delete_button = push_button(
            "Delete entry",
            "Delete this entry",
            self._on_delete,
            tooltip="Delete this entry (you can undo it straight after)",
        )
        bottom.addWidget(self.delete_button)
        layout.addLayout(bottom)
        save = QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.setWhatsThis("Save the entry now")  # how the shortcuts sheet lists it
        save.activated.connect(self.save_now)

    def _on_preview_toggled(self, visible: bool) -> None:
        self.markdown.set_preview_visible(visible)

    # Loading -------------------------------------------------------------------------------

    def load(self, entry: Entry, links: str = "") -> bool:
        """Show a saved entry once any unsaved typing for the previous one is saved; False
        (and nothing replaced) if that typing could not be saved."""
        if not self.flush():
            return False
        self._kind = entry.kind
        self._links = {
            "template_id": entry.template_id,
            "attempt_id": entry.attempt_id,
            "path_id": entry.path_id,
            "item_id": entry.item_id,
        }
        for widget in (self.title, self.date, self.tags):
            widget.blockSignals(True)
        self.title.setText(entry.title)
        self.title.setCursorPosition(0)  # show the start of a long title
        self.date.setDate(
            QDate(entry.entry_date.year, entry.entry_date.month, entry.entry_date.day)
        )
        self.tags.setText(", ".join(entry.tags))
        for widget in (self.title, self.date, self.tags):
            widget.blockSignals(False)
        template_id = entry.template_id
        prompts = self._prompts_of(template_id) if template_id and self._prompts_of else ()
        self.markdown.editor.set_prompts(prompts)
        self.markdown.set_text(entry.body)
        self.links.setText(links)
        self.links.setVisible(bool(links))
        self._shown_day = entry.entry_date
        self.kept.load(entry.id)
        self._update_words()
        return True

    @property
    def entry_id(self) -> int | None:
        return self.kept.record_id

    def draft(self) -> EntryDraft:
        chosen = self.date.date()
        return EntryDraft(
            entry_date=date(chosen.year(), chosen.month(), chosen.day()),
            title=self.title.text().strip(),
            body=self.markdown.text(),
            kind=self._kind,
            tags=tuple(t.strip() for t in self.tags.text().split(",") if t.strip()),
            template_id=_text_or_none(self._links.get("template_id")),
            attempt_id=_int_or_none(self._links.get("attempt_id")),
            path_id=_text_or_none(self._links.get("path_id")),
            item_id=_text_or_none(self._links.get("item_id")),
        )

    # Saving --------------------------------------------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.kept.has_unsaved_changes()

    def flush(self) -> bool:
        """Save now if anything changed; False (the text stays) if it could not be saved."""
        return self.kept.flush()

    def save_now(self) -> bool:
        """Ctrl+S: save at once rather than after the typing pause."""
        if self.entry_id is None:
            return False
        return self.flush()

    def _on_date_changed(self, chosen: QDate) -> None:
        """A new date carries into the title and heading the template wrote from the old
        one ("Free note, 5 Dec 2026", "# 5 December 2026"), so they do not name another
        day; words the user changed there are left alone."""
        day = date(chosen.year(), chosen.month(), chosen.day())
        old, self._shown_day = self._shown_day, day
        if old is not None and old != day:
            old_suffix = f", {day_with_year(old)}"
            if self.title.text().endswith(old_suffix):
                kept = self.title.text()[: -len(old_suffix)]
                self.title.setText(f"{kept}, {day_with_year(day)}")
            old_heading, new_heading = f"# {long_date(old)}", f"# {long_date(day)}"
            first = self.markdown.editor.document().firstBlock()
            if first.text() == old_heading:
                cursor = QTextCursor(first)
                cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
                cursor.insertText(new_heading)  # one step for Undo, as typing would be
        self._changed()

    def _changed(self) -> None:
        self._update_words()
        if self.entry_id is not None:
            self.kept.changed()
            self.edited.emit()

    def _update_words(self) -> None:
        count = word_count(self.markdown.text())
        self.words.setText("1 word" if count == 1 else f"{count:,} words")

    def _on_delete(self) -> None:
        if self.entry_id is not None:
            self.delete_requested.emit(self.entry_id)

    def focus_text(self) -> None:
        """Put the cursor in the first empty prompted section, or else at the end."""
        editor = self.markdown.editor
        editor.setFocus()
        cursor = editor.textCursor()
        line = editor.first_field_line()
        if line is None:
            cursor.movePosition(cursor.MoveOperation.End)
        else:
            cursor.setPosition(editor.document().findBlockByNumber(line).position())
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()

    def clear(self) -> None:
        """Forget the entry without saving (it was deleted)."""
        self.kept.clear()


def _text_or_none(value: object) -> str | None:
    return str(value) if value else None


def _int_or_none(value: object) -> int | None:
    return int(value) if isinstance(value, int) else None
