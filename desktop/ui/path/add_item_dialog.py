"""The dialog for adding an item of one's own to a stage."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence

from pydantic import ValidationError
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QWidget,
)

from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
from desktop.domain.progress import ChecklistStage
from desktop.domain.vocabulary import Vocabulary
from desktop.store.errors import WriteFailed
from desktop.store.progress import new_custom_item_id
from desktop.ui.widgets.controls import accept_or_cancel, combo_box, line_edit, spin_box
from desktop.ui.widgets.labels import ProblemNote

SaveItem = Callable[[str, PathItem], None]


class AddItemDialog(QDialog):
    def __init__(
        self,
        stages: Sequence[ChecklistStage],
        preselected_stage: str | None,
        save: SaveItem,
        parent: QWidget | None = None,
        vocabulary: Vocabulary | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self._vocabulary = vocabulary
        self.setWindowTitle("Add an item")
        self.setAccessibleName("Add an item")
        self.setMinimumWidth(460)
        form = QFormLayout(self)

        self.stage = combo_box("Stage")
        for stage in stages:
            self.stage.addItem(stage.title, stage.id)
        if preselected_stage:
            self.stage.setCurrentIndex(max(0, self.stage.findData(preselected_stage)))
        form.addRow("Stage", self.stage)

        self.title = line_edit("Title", "For example: LRU Cache")
        self.title.setMaxLength(200)
        form.addRow("Title", self.title)

        self.kind = combo_box("Kind")
        for kind in ItemKind:
            self.kind.addItem(kind.label, kind.value)
        form.addRow("Kind", self.kind)

        self.difficulty = combo_box("Difficulty")
        for level in Difficulty:
            self.difficulty.addItem(level.label, level.value)
        self.difficulty.setCurrentIndex(1)
        form.addRow("Difficulty", self.difficulty)

        self.target = spin_box("Target minutes", 5, 240, 25, suffix=" min")
        form.addRow("Target time", self.target)

        self.topics = line_edit(
            "Patterns and topics", "Comma separated tags, for example: hash map, linked list"
        )
        form.addRow("Practises", self.topics)

        self.link = line_edit("Reference link", "https://… (optional)")
        form.addRow("Link", self.link)

        self.description = QPlainTextEdit()
        self.description.setAccessibleName("Description")
        self.description.setFixedHeight(80)
        self.description.setTabChangesFocus(True)  # Tab goes on to the buttons
        form.addRow("Description", self.description)

        self.problem = ProblemNote("Problem with the form")
        form.addRow(self.problem)

        buttons, _add = accept_or_cancel(self, "Add item", self._try_accept, saves=False)
        form.addRow(buttons)
        self.added: PathItem | None = None

    def _try_accept(self) -> None:
        try:
            item = self.build_item()
        except ValidationError as error:
            self.problem.tell(_friendly_problem(error))
            return
        except UnknownTopic as unknown:
            self.problem.tell(f"{unknown}.")
            return
        try:
            self._save(str(self.stage.currentData()), item)
        except WriteFailed as failure:
            # Keep the dialog and what was typed, so the user can try again.
            self.problem.tell(f"The item could not be saved: {failure.reason}.")
            return
        self.added = item
        self.accept()

    def build_item(self) -> PathItem:
        topics = [t.strip().lower() for t in self.topics.text().split(",") if t.strip()]
        kind = ItemKind(self.kind.currentData())
        if self._vocabulary is not None:
            topics = [self._tag(topic, kind is ItemKind.BEHAVIORAL) for topic in topics]
        return PathItem(
            id=new_custom_item_id(),
            title=_visible_text(self.title.text()),
            kind=kind,
            difficulty=Difficulty(self.difficulty.currentData()),
            target_minutes=self.target.value(),
            topics=tuple(dict.fromkeys(topics)),  # once each, in the order typed
            link=self.link.text().strip() or None,
            description=self.description.toPlainText().strip() or None,
        )

    def _tag(self, topic: str, behavioral: bool) -> str:
        """The tag a typed topic names, so sessions on the item count towards it."""
        assert self._vocabulary is not None
        tag = self._vocabulary.resolve(topic, behavioral=behavioral)
        if tag is None:
            # Capitalised by hand: str.capitalize() would lower "Loopwise" in the sentence.
            why = self._vocabulary.unknown(topic, behavioral)
            raise UnknownTopic(why[:1].upper() + why[1:])
        return tag

    @classmethod
    def ask(
        cls,
        stages: Sequence[ChecklistStage],
        preselected_stage: str | None,
        save: SaveItem,
        parent: QWidget | None = None,
        vocabulary: Vocabulary | None = None,
    ) -> PathItem | None:
        """The item added (already saved through `save`), or None if the user cancelled."""
        dialog = cls(stages, preselected_stage, save, parent, vocabulary)
        dialog.exec()
        dialog.deleteLater()
        return dialog.added


class UnknownTopic(ValueError):
    """A typed topic that is not a tag Loopwise knows."""


_FIELD_HINTS = {
    "title": "Give the item a title.",
    "link": "A link must be a web address starting with http:// or https://.",
    "topics": "Keep each topic under 60 characters, and at most 12 topics.",
    "description": "The description is too long (4,000 characters at most).",
}


def _friendly_problem(error: ValidationError) -> str:
    field = str(error.errors()[0]["loc"][0]) if error.errors()[0]["loc"] else ""
    return _FIELD_HINTS.get(field, f"Please check the {field.replace('_', ' ')}.")


def _visible_text(text: str) -> str:
    """Drop invisible characters (zero-width spaces and the like) so a title can't look empty."""
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf").strip()
