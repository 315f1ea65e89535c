"""Mock interviews: log, correct, delete and read them, with their scores and exposed weak spots."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session, col, delete, select

from desktop.domain.dates import local_day
from desktop.domain.journal import EntryKind
from desktop.domain.mocks import RUBRIC, MockInterview, MockKind, journal_body
from desktop.store import journal as journal_store
from desktop.store.plan_tables import MockExposed, MockInterviewRow, MockScore
from desktop.store.practice import fetch_rows, stored_moment


def log_mock(
    *,
    session: Session,
    mock: MockInterview,
    now: datetime,
    label: Callable[[str], str] | None = None,
) -> int:
    """Log a mock interview; with `label` (tag id -> text) it also gets a journal entry."""
    row = MockInterviewRow(created_at=now, updated_at=now, **_columns(mock))
    session.add(row)
    session.flush()
    assert row.id is not None
    _write_details(session, row.id, mock)
    if label is not None:
        row.journal_entry_id = journal_store.create_entry(
            session=session,
            draft=journal_store.EntryDraft(
                entry_date=local_day(mock.held_at),
                title=mock.title,
                body=journal_body(mock, label),
                kind=EntryKind.MOCK_INTERVIEW,
                tags=("mock-interview", mock.kind.value),
                template_id="mock-interview",
            ),
            now=now,
        )
    return row.id


def update_mock(*, session: Session, mock: MockInterview, now: datetime) -> None:
    """Write the corrected mock over the logged one (its journal entry is the user's to edit)."""
    row = session.get(MockInterviewRow, mock.id)
    if row is None:
        raise LookupError(f"mock interview {mock.id} is not in the log")
    for name, value in _columns(mock).items():
        setattr(row, name, value)
    row.updated_at = now
    _clear_details(session, mock.id)
    _write_details(session, mock.id, mock)


def delete_mock(*, session: Session, mock_id: int) -> None:
    """Remove the mock and its scores; a journal entry written about it stays."""
    row = session.get(MockInterviewRow, mock_id)
    if row is None:
        return
    _clear_details(session, mock_id)
    session.delete(row)


def mock_interviews_between(
    *, session: Session, start: datetime, end: datetime
) -> list[MockInterview]:
    """Mock interviews held in [start, end), oldest first.

    Plain rows through the driver's cursor: the Plan page reads half a year of them for
    every week it shows, and ORM objects cost several times the query."""
    session.flush()  # the driver's cursor sees only what was written to the database
    span = (stored_moment(start), stored_moment(end))
    rows = fetch_rows(session, _MOCKS_SQL, span)
    if not rows:
        return []
    scores: dict[int, dict[str, int]] = {}
    exposed: dict[int, list[str]] = {}
    for mock_id, dimension, score in fetch_rows(session, _SCORES_SQL, span):
        scores.setdefault(mock_id, {})[dimension] = score
    for mock_id, tag in fetch_rows(session, _EXPOSED_SQL, span):
        exposed.setdefault(mock_id, []).append(tag)
    result = []
    for mock_id, held_at, kind_value, with_whom, feedback, minutes, entry_id in rows:
        kind = MockKind(kind_value)
        mine = scores.get(mock_id, {})
        result.append(
            MockInterview(
                id=mock_id,
                held_at=datetime.fromisoformat(held_at).replace(tzinfo=UTC),
                kind=kind,
                scores={key: mine[key] for key, _label in RUBRIC[kind] if key in mine},
                with_whom=with_whom,
                feedback=feedback,
                exposed=tuple(sorted(exposed.get(mock_id, []))),
                minutes=minutes,
                journal_entry_id=entry_id,
            )
        )
    return result


_HELD_BETWEEN = "held_at >= ? AND held_at < ?"
_MOCKS_SQL = (
    "SELECT id, held_at, kind, with_whom, feedback, minutes, journal_entry_id "
    f"FROM mock_interview WHERE {_HELD_BETWEEN} ORDER BY held_at, id"
)
_SCORES_SQL = (
    "SELECT mock_id, dimension, score FROM mock_score "
    f"WHERE mock_id IN (SELECT id FROM mock_interview WHERE {_HELD_BETWEEN})"
)
_EXPOSED_SQL = (
    "SELECT mock_id, tag FROM mock_exposed "
    f"WHERE mock_id IN (SELECT id FROM mock_interview WHERE {_HELD_BETWEEN})"
)


def get_mock(*, session: Session, mock_id: int) -> MockInterview | None:
    row = session.get(MockInterviewRow, mock_id)
    return _mocks(session, [row])[0] if row is not None else None


def _columns(mock: MockInterview) -> dict[str, Any]:
    return {
        "held_at": mock.held_at,
        "kind": mock.kind.value,
        "with_whom": mock.with_whom.strip(),
        "feedback": mock.feedback,
        "minutes": mock.minutes,
    }


def _write_details(session: Session, mock_id: int, mock: MockInterview) -> None:
    for dimension, score in mock.scores.items():
        session.add(MockScore(mock_id=mock_id, dimension=dimension, score=score))
    for tag in dict.fromkeys(mock.exposed):
        session.add(MockExposed(mock_id=mock_id, tag=tag))
    session.flush()


def _clear_details(session: Session, mock_id: int) -> None:
    session.exec(delete(MockScore).where(col(MockScore.mock_id) == mock_id))
    session.exec(delete(MockExposed).where(col(MockExposed.mock_id) == mock_id))


def _mocks(session: Session, rows: list[MockInterviewRow]) -> list[MockInterview]:
    ids = [row.id for row in rows if row.id is not None]
    scores: dict[int, dict[str, int]] = {}
    exposed: dict[int, list[str]] = {}
    if ids:
        for score in session.exec(select(MockScore).where(col(MockScore.mock_id).in_(ids))):
            scores.setdefault(score.mock_id, {})[score.dimension] = score.score
        for tag in session.exec(select(MockExposed).where(col(MockExposed.mock_id).in_(ids))):
            exposed.setdefault(tag.mock_id, []).append(tag.tag)
    result = []
    for row in rows:
        assert row.id is not None
        kind = MockKind(row.kind)
        order = [key for key, _label in RUBRIC[kind]]
        mine = scores.get(row.id, {})
        result.append(
            MockInterview(
                id=row.id,
                held_at=row.held_at,
                kind=kind,
                scores={key: mine[key] for key in order if key in mine},
                with_whom=row.with_whom,
                feedback=row.feedback,
                exposed=tuple(sorted(exposed.get(row.id, []))),
                minutes=row.minutes,
                journal_entry_id=row.journal_entry_id,
            )
        )
    return result
