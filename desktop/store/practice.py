"""The practice-session log: add, edit, delete (undoably) and read attempts."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, delete, select

from desktop.domain.practice import Attempt, AttemptSubject, Outcome, TagRole
from desktop.store.models import PracticeSession, SessionTag

if TYPE_CHECKING:  # the trends model loads when the Trends page first reads, not at start-up
    from desktop.domain.trends import PracticeRecord


def log_attempt(*, session: Session, attempt: Attempt, now: datetime) -> int:
    row = PracticeSession(logged_at=now, **_columns(attempt))
    session.add(row)
    session.flush()  # assigns the id the tags point at
    assert row.id is not None
    _write_tags(session, row.id, attempt)
    return row.id


def update_attempt(*, session: Session, attempt: Attempt) -> None:
    if attempt.id is None:
        raise ValueError("only a logged attempt can be edited")
    row = session.get(PracticeSession, attempt.id)
    if row is None or row.deleted_at is not None:
        raise LookupError(f"attempt {attempt.id} is not in the log")
    for name, value in _columns(attempt).items():
        setattr(row, name, value)
    session.exec(delete(SessionTag).where(col(SessionTag.session_id) == attempt.id))
    _write_tags(session, attempt.id, attempt)


def delete_attempt(*, session: Session, attempt_id: int, now: datetime) -> None:
    """Hide an attempt from every view; restore_attempt undoes it."""
    row = session.get(PracticeSession, attempt_id)
    if row is not None:
        row.deleted_at = now


def restore_attempt(*, session: Session, attempt_id: int) -> None:
    row = session.get(PracticeSession, attempt_id)
    if row is not None:
        row.deleted_at = None


def get_attempt(*, session: Session, attempt_id: int) -> Attempt | None:
    row = session.get(PracticeSession, attempt_id)
    if row is None or row.deleted_at is not None:
        return None
    return _attempts(session, [row])[0]


def attempts_between(
    *, session: Session, start: datetime, end: datetime, path_id: str | None = None
) -> list[Attempt]:
    """Attempts started in [start, end), oldest first, without deleted ones."""
    query = select(PracticeSession).where(
        col(PracticeSession.started_at) >= start,
        col(PracticeSession.started_at) < end,
        col(PracticeSession.deleted_at).is_(None),
    )
    if path_id is not None:
        query = query.where(PracticeSession.path_id == path_id)
    rows = session.exec(query.order_by(col(PracticeSession.started_at))).all()
    return _attempts(session, list(rows))


def attempts_for_item(*, session: Session, path_id: str, item_id: str) -> list[Attempt]:
    rows = session.exec(
        select(PracticeSession)
        .where(
            PracticeSession.path_id == path_id,
            PracticeSession.item_id == item_id,
            col(PracticeSession.deleted_at).is_(None),
        )
        .order_by(col(PracticeSession.started_at).desc())
    ).all()
    return _attempts(session, list(rows))


def _columns(attempt: Attempt) -> dict[str, Any]:
    subject = attempt.subject
    return {
        "started_at": attempt.started_at,
        "active_seconds": attempt.active_seconds,
        "outcome": attempt.outcome.value,
        "confidence": attempt.confidence,
        "title": subject.title,
        "path_id": subject.path_id,
        "item_id": subject.item_id,
        "routine_id": subject.routine_id,
        "kind": subject.kind,
        "difficulty": subject.difficulty,
        "target_minutes": subject.target_minutes,
        "quiz_correct": attempt.quiz_correct,
        "quiz_total": attempt.quiz_total,
    }


def _write_tags(session: Session, session_id: int, attempt: Attempt) -> None:
    roles = (
        (TagRole.PATTERN, attempt.patterns),
        (TagRole.STRUGGLE, attempt.struggles),
        (TagRole.STEP_COVERED, attempt.steps_covered),
    )
    for role, tags in roles:
        for tag in dict.fromkeys(tags):  # once each
            session.add(SessionTag(session_id=session_id, role=role.value, tag=tag))


def _attempts(session: Session, rows: list[PracticeSession]) -> list[Attempt]:
    ids = [row.id for row in rows if row.id is not None]
    tags: dict[tuple[int, str], list[str]] = {}
    if ids:
        for tag in session.exec(select(SessionTag).where(col(SessionTag.session_id).in_(ids))):
            tags.setdefault((tag.session_id, tag.role), []).append(tag.tag)
    result = []
    for row in rows:
        assert row.id is not None

        def tagged(role: TagRole, row_id: int = row.id) -> tuple[str, ...]:
            return tuple(sorted(tags.get((row_id, role.value), [])))

        result.append(
            Attempt(
                id=row.id,
                subject=AttemptSubject(
                    title=row.title,
                    path_id=row.path_id,
                    item_id=row.item_id,
                    routine_id=row.routine_id,
                    kind=row.kind,
                    difficulty=row.difficulty,
                    target_minutes=row.target_minutes,
                ),
                started_at=row.started_at,
                active_seconds=row.active_seconds,
                outcome=Outcome(row.outcome),
                confidence=row.confidence,
                patterns=tagged(TagRole.PATTERN),
                struggles=tagged(TagRole.STRUGGLE),
                steps_covered=tagged(TagRole.STEP_COVERED),
                quiz_correct=row.quiz_correct,
                quiz_total=row.quiz_total,
            )
        )
    return result


# Trends read ten thousand attempts at a time: plain rows, two queries, no ORM objects.
_RECORDS_SQL = """
SELECT id, started_at, date(started_at, 'localtime'), title, path_id, kind, difficulty,
       target_minutes, active_seconds, outcome, confidence, quiz_correct, quiz_total
FROM practice_session
WHERE started_at >= ? AND started_at < ? AND deleted_at IS NULL {path}
ORDER BY started_at
"""
_RECORD_TAGS_SQL = """
SELECT session_tag.session_id, session_tag.role, session_tag.tag
FROM session_tag JOIN practice_session ON practice_session.id = session_tag.session_id
WHERE started_at >= ? AND started_at < ? AND deleted_at IS NULL {path}
ORDER BY session_tag.tag
"""


def practice_records_between(
    *, session: Session, start: datetime, end: datetime, path_id: str | None = None
) -> list[PracticeRecord]:
    """What the trends need of the attempts started in [start, end), oldest first."""
    from desktop.domain.trends import PracticeRecord

    params: tuple[object, ...] = (_stored(start), _stored(end))
    path = ""
    if path_id is not None:
        path, params = "AND path_id = ?", (*params, path_id)
    tags: dict[int, tuple[list[str], list[str], list[str]]] = {}
    slot = {TagRole.PATTERN.value: 0, TagRole.STRUGGLE.value: 1, TagRole.STEP_COVERED.value: 2}
    for session_id, role, tag in _fetch(session, _RECORD_TAGS_SQL.format(path=path), params):
        if role in slot:
            tags.setdefault(session_id, ([], [], []))[slot[role]].append(tag)
    none: tuple[list[str], list[str], list[str]] = ([], [], [])
    outcomes = {outcome.value: outcome for outcome in Outcome}
    records = []
    for row in _fetch(session, _RECORDS_SQL.format(path=path), params):
        patterns, struggles, steps = tags.get(row[0], none)
        record = PracticeRecord(
            row[0], datetime.fromisoformat(row[1]), date.fromisoformat(row[2]), row[3], row[4],
            row[5], row[6], row[7], row[8] / 60, outcomes[row[9]], row[10], tuple(patterns),
            tuple(struggles), tuple(steps), row[11], row[12],
        )  # fmt: skip
        records.append(record)
    return records


def _stored(moment: datetime) -> str:
    """A time as the log stores it: UTC, without an offset."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(sep=" ", timespec="microseconds")


def practice_days(*, session: Session, path_id: str | None = None) -> list[date]:
    """Every local day with at least one attempt, for streaks."""
    sql = "SELECT DISTINCT date(started_at, 'localtime') FROM practice_session "
    sql += "WHERE deleted_at IS NULL" + (" AND path_id = ?" if path_id is not None else "")
    params = (path_id,) if path_id is not None else ()
    return [date.fromisoformat(day) for (day,) in _fetch(session, sql, params)]


def _fetch(session: Session, sql: str, params: tuple[object, ...]) -> list[Any]:
    """All rows, through the driver's own cursor in the session's transaction: SQLAlchemy's
    result rows cost about as much again as the query when there are tens of thousands.
    A driver error is raised as SQLAlchemy's, as every other read does."""
    connection = session.connection()
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return list(cursor.execute(sql, params).fetchall())
    except sqlite3.Error as error:
        raise DBAPIError.instance(sql, params, error, sqlite3.Error) from error
    finally:
        cursor.close()
