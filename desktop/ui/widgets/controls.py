"""Buttons, line edits and drop-downs as every page makes them: each with a name for screen
readers from the start, so none is forgotten."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
)

from desktop.ui.widgets.escape_clears import escape_clears


def push_button(
    text: str,
    accessible_name: str,
    on_click: Callable[[], object] | SignalInstance,
    *,
    tooltip: str = "",
    shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
    enabled: bool = True,
    default: bool = False,
) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(accessible_name)
    if tooltip:
        button.setToolTip(tooltip)
    if shortcut is not None:
        button.setShortcut(QKeySequence(shortcut))
    button.setEnabled(enabled)
    button.setDefault(default)
    button.clicked.connect(on_click)
    return button


def line_edit(accessible_name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText(placeholder)
    return edit


def filter_edit(
    accessible_name: str,
    placeholder: str,
    on_typed: Callable[[str], object] | Callable[[], object] | SignalInstance,
) -> QLineEdit:
    """A box that filters or searches as the user types, with a button that clears it (and
    Escape, while it holds text)."""
    edit = line_edit(accessible_name, placeholder)
    edit.setClearButtonEnabled(True)
    escape_clears(edit)
    edit.textChanged.connect(on_typed)
    return edit


def spin_box(
    accessible_name: str, low: int, high: int, value: int, *, suffix: str = ""
) -> QSpinBox:
    """A whole-number box from `low` to `high`, set to `value` (the range first, so the value
    is not clamped to the default 0-99)."""
    box = QSpinBox()
    box.setAccessibleName(accessible_name)
    box.setRange(low, high)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


def combo_box(accessible_name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    return combo


def labelled_combo_row(
    label: str, accessible_name: str, on_change: Callable[[int], object]
) -> tuple[QHBoxLayout, QComboBox]:
    """A row that starts with a labelled drop-down: the label's mnemonic ("&Themes") moves
    focus to it, and `on_change` hears each new choice. The caller adds the rest of the row."""
    row = QHBoxLayout()
    name = QLabel(label)
    combo = combo_box(accessible_name)
    name.setBuddy(combo)
    combo.currentIndexChanged.connect(on_change)
    row.addWidget(name)
    return row, combo


def refill_quietly(combo: QComboBox, choices: Iterable[tuple[str, object]], keep: object) -> None:
    """Replace a drop-down's choices (text, data) without signalling a change, keeping the
    choice whose data is `keep` if it is still there, else the first."""
    combo.blockSignals(True)
    combo.clear()
    for text, data in choices:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(keep)))
    combo.blockSignals(False)


def accept_or_cancel(
    dialog: QDialog, text: str, on_accept: Callable[[], object], *, saves: bool = True
) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's bottom row: Cancel, and the button that does what the dialog is for, named
    for it ("Log session", "Add item"). A Save button when it writes, so each platform puts
    it where its users look; Ok otherwise."""
    kind = QDialogButtonBox.StandardButton.Save if saves else QDialogButtonBox.StandardButton.Ok
    box = QDialogButtonBox(kind | QDialogButtonBox.StandardButton.Cancel)
    accept = box.button(kind)
    accept.setText(text)
    box.accepted.connect(on_accept)
    box.rejected.connect(dialog.reject)
    return box, accept
