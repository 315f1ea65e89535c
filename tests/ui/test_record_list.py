"""The record list shared by the journal and the story bank: rows, wording and picking a row."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt

from desktop.ui.widgets.record_list import (
    RECORD_ID_ROLE,
    RecordListModel,
    RowWording,
    record_list_view,
    select_record,
    select_row,
)
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE


@dataclass(frozen=True)
class Note:
    id: int
    title: str


def _wording(note: Note) -> RowWording:
    return RowWording(note.title, f"note {note.id}", f"<b>{note.title}</b>")


def _model() -> RecordListModel[Note]:
    model = RecordListModel(_wording)
    model.set_rows([Note(7, "Heaps"), Note(3, "Tries"), Note(12, "Graphs")])
    return model


def test_the_shared_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = _model()
    qtmodeltester.check(model, force_py=True)
    model.set_rows([])
    qtmodeltester.check(model, force_py=True)


def test_rows_are_worded_and_found_by_id() -> None:
    model = _model()
    second = model.index(1, 0)
    assert second.data(Qt.ItemDataRole.DisplayRole) == "Tries\nnote 3"
    assert second.data(Qt.ItemDataRole.AccessibleTextRole) == "Tries, note 3"
    assert second.data(HTML_ROLE) == "<b>Tries</b>"
    assert second.data(RECORD_ID_ROLE) == 3
    assert model.row_of(12) == 2 and model.row_of(99) == -1
    assert model.row_at(0) == Note(7, "Heaps") and model.row_at(3) is None
    assert model.row_at(-1) is None


def test_selecting_a_row_opens_it_only_when_asked(qtbot) -> None:
    model = _model()
    opened: list[int] = []
    view = record_list_view(model, "Notes", opened.append)
    qtbot.addWidget(view)
    assert view.accessibleName() == "Notes"
    select_row(view, 2, open_it=False)
    assert view.currentIndex().row() == 2 and opened == []  # already shown: not re-opened
    select_row(view, 1, scroll=False)
    assert view.currentIndex().row() == 1 and opened == [1]
    assert [i.row() for i in view.selectionModel().selectedIndexes()] == [1]


def test_a_record_is_selected_by_id_when_it_is_listed(qtbot) -> None:
    model = _model()
    opened: list[int] = []
    view = record_list_view(model, "Notes", opened.append)
    qtbot.addWidget(view)
    assert select_record(view, 12, open_it=False)
    assert view.currentIndex().row() == 2 and opened == []
    assert not select_record(view, 99)  # not listed: the selection stays
    assert view.currentIndex().row() == 2 and opened == []
    assert select_record(view, 7)
    assert opened == [0]


def test_a_replaced_row_is_worded_afresh() -> None:
    model = _model()
    assert model.index(1, 0).data(HTML_ROLE) == "<b>Tries</b>"  # worded, and kept
    model.replace_row(Note(3, "Suffix tries"))
    assert model.index(1, 0).data(HTML_ROLE) == "<b>Suffix tries</b>"
    assert model.index(1, 0).data(Qt.ItemDataRole.DisplayRole) == "Suffix tries\nnote 3"
    model.set_rows([Note(3, "Radix trees")])
    assert model.index(0, 0).data(HTML_ROLE) == "<b>Radix trees</b>"
