from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from desktop.domain.curriculum import Difficulty, ItemKind, LearningPath, PathItem, Stage
from desktop.domain.progress import (
    ChecklistFilter,
    CustomItemRecord,
    ItemStatus,
    SavedProgress,
    build_checklist,
)
from desktop.ui.path.checklist_model import ChecklistModel, Column
from tests.clocks import DEFAULT_START

WHEN = DEFAULT_START


def _item(item_id: str, kind: ItemKind = ItemKind.CODE) -> PathItem:
    return PathItem(
        id=item_id,
        title=item_id.replace("-", " ").title(),
        kind=kind,
        difficulty=Difficulty.MEDIUM,
        target_minutes=25,
        topics=("hash map",),
    )


def _path() -> LearningPath:
    return LearningPath(
        format=1,
        id="p",
        title="Path",
        role="Backend",
        stages=(
            Stage(id="one", title="Stage one", items=(_item("two-sum"), _item("three-sum"))),
            Stage(id="two", title="Stage two", items=(_item("url-shortener", ItemKind.DESIGN),)),
        ),
    )


def _saved(item_id: str, stage: str, status: ItemStatus) -> SavedProgress:
    return SavedProgress(item_id, stage, item_id, status, WHEN, "")


def test_model_passes_qt_model_tester(qtmodeltester) -> None:
    model = ChecklistModel()
    saved = {
        "two-sum": _saved("two-sum", "one", ItemStatus.DONE),
        "old-item": _saved("old-item", "two", ItemStatus.NEEDS_REVIEW),
    }
    custom = [CustomItemRecord(_item("custom-lru"), "one", WHEN)]
    model.set_checklist(build_checklist(_path(), saved, custom))
    qtmodeltester.check(model, force_py=True)
    model.set_filter(ChecklistFilter(statuses=frozenset({ItemStatus.DONE})))
    qtmodeltester.check(model, force_py=True)


def test_rows_show_stage_progress_and_item_facts() -> None:
    model = ChecklistModel()
    saved = {"two-sum": _saved("two-sum", "one", ItemStatus.DONE)}
    model.set_checklist(build_checklist(_path(), saved))
    stage = model.index(0, 0)
    assert model.data(stage) == "Stage one    1/2"
    first = model.index(0, Column.STATUS, stage)
    assert model.data(first) == "Done"
    assert model.data(model.index(0, Column.TARGET, stage)) == "25 min"
    assert model.data(model.index(1, Column.STATUS, stage)) == "To do"
    assert model.data(model.index(0, Column.CHANGED, stage)) == "2 Nov 2026"


def test_retired_and_custom_items_are_labelled() -> None:
    model = ChecklistModel()
    saved = {"gone": _saved("gone", "one", ItemStatus.DONE)}
    custom = [CustomItemRecord(_item("custom-lru"), "one", WHEN)]
    model.set_checklist(build_checklist(_path(), saved, custom))
    stage = model.index(0, 0)
    titles = [model.data(model.index(row, 0, stage)) for row in range(model.rowCount(stage))]
    assert titles == ["Two Sum", "Three Sum", "Custom Lru (yours)", "gone (retired)"]
    # Retired items keep their history but do not count toward the stage's progress.
    assert model.data(stage) == "Stage one    0/3"


def test_filter_hides_stages_without_matches() -> None:
    model = ChecklistModel()
    model.set_checklist(build_checklist(_path(), {}))
    model.set_filter(ChecklistFilter(kinds=frozenset({ItemKind.DESIGN})))
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0)) == "Stage two    0/1"
    model.set_filter(ChecklistFilter(text="three"))
    stage = model.index(0, 0)
    assert model.rowCount(stage) == 1
    assert model.data(model.index(0, 0, stage)) == "Three Sum"
    assert model.index_of_item("two-sum") == QModelIndex()


def test_refresh_with_same_rows_keeps_indexes_valid() -> None:
    model = ChecklistModel()
    model.set_checklist(build_checklist(_path(), {}))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    changed: list[bool] = []
    model.dataChanged.connect(lambda *_: changed.append(True))
    saved = {"three-sum": _saved("three-sum", "one", ItemStatus.IN_PROGRESS)}
    model.set_checklist(build_checklist(_path(), saved))
    assert resets == [] and changed
    index = model.index_of_item("three-sum")
    status = index.siblingAtColumn(Column.STATUS)
    assert model.data(status, Qt.ItemDataRole.DisplayRole) == "In progress"
