"""Export section "planner": the weekly plan, mock interviews with their rubric scores and the
weak spots they exposed, and the planner's settings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator
from sqlmodel import Session, col, select

from desktop.domain.mocks import SCORE_RANGE, MockInterview, MockKind
from desktop.domain.planner import PlanSource
from desktop.store.plan_tables import (
    MockExposed,
    MockInterviewRow,
    MockScore,
    PlanEntry,
    PlannerSetting,
)
from desktop.store.transfer.records import Flag, Key, Record, RowId, Text, Time, Title, Whole
from desktop.store.transfer.section import Section
from desktop.store.transfer.tables import TableSpec

Minutes = Annotated[Whole, Field(ge=1, le=480)]
# The planner's settings (store/plan.py's HOURS_KEY and REVIEW_OFFERED_KEY), named here so an
# export does not load the whole planner for two names; a test keeps them the same.
HOURS_KEY = "hours_per_week"
REVIEW_OFFERED_KEY = "review_offered_week"


class PlanItemRecord(Record):
    id: RowId
    day: date
    title: Title
    path_id: Key | None = None
    item_id: Key | None = None
    routine_id: Key | None = None
    kind: Key | None = None
    minutes: Minutes
    source: PlanSource
    reason: Text = ""
    skipped: Flag = False
    carried_over: Flag = False
    carried_from: date | None = None
    created_at: Time

    @field_validator("routine_id")
    @classmethod
    def _one_target(cls, value: str | None, info: ValidationInfo) -> str | None:
        on_item = info.data.get("path_id") is not None and info.data.get("item_id") is not None
        if on_item == (value is not None):
            raise ValueError(
                "a planned item is either a path item (path_id and item_id) or a routine"
            )
        return value


class MockInterviewRecord(Record):
    id: RowId
    held_at: Time
    kind: MockKind
    with_whom: Title = ""
    feedback: Text = ""
    minutes: Minutes
    journal_entry_id: RowId | None = None
    created_at: Time
    updated_at: Time


class MockScoreRecord(Record):
    mock_id: RowId
    dimension: Key
    score: Annotated[Whole, Field(ge=SCORE_RANGE.start, le=SCORE_RANGE.stop - 1)]


class MockExposedRecord(Record):
    mock_id: RowId
    tag: Key


class PlannerSettingRecord(Record):
    key: Literal["hours_per_week", "review_offered_week"]
    value: Text

    @field_validator("value")
    @classmethod
    def _readable(cls, value: str, info: ValidationInfo) -> str:
        key = info.data.get("key")
        if key == HOURS_KEY and not (value.isdigit() and 1 <= int(value) <= 80):
            raise ValueError("the weekly budget is a whole number of hours from 1 to 80")
        if key == REVIEW_OFFERED_KEY:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise ValueError("must be a date written YYYY-MM-DD") from None
        return value


def check_mock_scores(*, session: Session, records: Mapping[str, list[Record]]) -> list[str]:
    """Each mock keeps at least one score, and only on its kind of round's rubric."""
    in_file: dict[int, dict[str, int]] = defaultdict(dict)
    for score in records.get("scores", []):
        assert isinstance(score, MockScoreRecord)
        in_file[score.mock_id][score.dimension] = score.score
    mocks: dict[int, tuple[str, MockInterviewRecord]] = {}
    for index, mock in enumerate(records.get("mocks", [])):
        assert isinstance(mock, MockInterviewRecord)
        mocks[mock.id] = (MOCKS.describe(index, mock), mock)
    for mock_id in in_file.keys() - mocks.keys():
        row = session.get(MockInterviewRow, mock_id)
        if row is not None and row.kind in set(MockKind):  # else its reference is reported
            mocks[mock_id] = (f"mock interview {mock_id}", MockInterviewRecord.model_validate(row))
    problems = []
    for mock_id, (where, mock) in sorted(mocks.items()):
        if "scores" in records:
            scores = in_file[mock_id]
        else:
            saved = select(MockScore).where(col(MockScore.mock_id) == mock_id)
            scores = {row.dimension: row.score for row in session.exec(saved)}
        try:
            MockInterview(mock.held_at, mock.kind, scores, minutes=mock.minutes)
        except ValueError as error:
            problems.append(f"{where}, field scores: {error}.")
    return problems


MOCKS = TableSpec(
    "mocks",
    MockInterviewRow,
    MockInterviewRecord,
    "mock interview",
    references={"journal_entry_id": ("journal_entry", "id")},
    identity=("created_at",),
)

SECTION = Section(
    "planner",
    (
        TableSpec(
            "plan_items",
            PlanEntry,
            PlanItemRecord,
            "plan item",
            identity=("created_at", "title"),
        ),
        MOCKS,
        TableSpec(
            "scores",
            MockScore,
            MockScoreRecord,
            "mock score",
            parent=("mock_id", MOCKS),
            exact=True,
        ),
        TableSpec(
            "exposed",
            MockExposed,
            MockExposedRecord,
            "exposed weak spot",
            parent=("mock_id", MOCKS),
            exact=True,
        ),
        TableSpec("settings", PlannerSetting, PlannerSettingRecord, "planner setting"),
    ),
    check=check_mock_scores,
)
