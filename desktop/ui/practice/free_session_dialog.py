"""Starting a free practice session: what it is, its kind and a target time to time it
against (a bare text prompt had no target, and its window title was cut)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.curriculum import Difficulty, ItemKind
from desktop.domain.practice import AttemptSubject
from desktop.ui.widgets.controls import accept_or_cancel, combo_box, line_edit

# Quizzes run from their own question files, so a free session is never one.
KINDS = (ItemKind.CODE, ItemKind.DESIGN, ItemKind.BEHAVIORAL, ItemKind.READING)
# A usual target for each kind (a medium problem about 25 min, a design 30 to 45).
TYPICAL_MINUTES = {
    ItemKind.CODE: 25,
    ItemKind.DESIGN: 40,
    ItemKind.BEHAVIORAL: 15,
    ItemKind.READING: 20,
}
NO_TARGET = 0


class FreeSessionDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Free session")
        self.setAccessibleName("Start a free practice session")
        self.setMinimumWidth(420)
        self.subject: AttemptSubject | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = line_edit("What you are practising", "For example: LRU cache in Go")
        self.title.setMaxLength(200)
        self.title.textChanged.connect(self._update_start)
        form.addRow("Practising", self.title)

        self.kind = combo_box("Kind")
        for kind in KINDS:
            self.kind.addItem(kind.label, kind.value)
        self.kind.addItem("Something else", None)
        self.kind.currentIndexChanged.connect(self._use_typical_target)
        form.addRow("Kind", self.kind)

        self.difficulty = combo_box("Difficulty")
        self.difficulty.addItem("Not rated", None)
        for level in Difficulty:
            self.difficulty.addItem(level.label, level.value)
        form.addRow("Difficulty", self.difficulty)

        self.target = QSpinBox()
        self.target.setAccessibleName("Target minutes")
        self.target.setRange(NO_TARGET, 240)
        self.target.setSingleStep(5)
        self.target.setSuffix(" min")
        self.target.setSpecialValueText("No target")
        form.addRow("Target time", self.target)
        layout.addLayout(form)
        hint = QLabel("The timer starts when you press Start; you can pause it.")
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.buttons, self.start = accept_or_cancel(self, "Start", self._try_accept, saves=False)
        layout.addWidget(self.buttons)
        self._use_typical_target()
        self._update_start()
        self.title.setFocus()

    def _use_typical_target(self) -> None:
        kind = self.kind.currentData()
        self.target.setValue(TYPICAL_MINUTES.get(ItemKind(kind), NO_TARGET) if kind else NO_TARGET)

    def _update_start(self) -> None:
        self.start.setEnabled(bool(self.title.text().strip()))

    def build_subject(self) -> AttemptSubject | None:
        title = " ".join(self.title.text().split())
        if not title:
            return None
        minutes = self.target.value()
        return AttemptSubject(
            title=title,
            kind=self.kind.currentData(),
            difficulty=self.difficulty.currentData(),
            target_minutes=minutes if minutes != NO_TARGET else None,
        )

    def _try_accept(self) -> None:
        self.subject = self.build_subject()
        if self.subject is not None:
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None) -> AttemptSubject | None:
        dialog = cls(parent)
        dialog.exec()
        dialog.deleteLater()
        return dialog.subject
