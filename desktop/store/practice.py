"""The practice-session log: add, edit, delete (undoably) and read attempts."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col, delete

from desktop.domain.practice import Attempt, AttemptSubject, Outcome, TagRole
from desktop.store.log_order import NEWEST_FIRST, LogOrder
from desktop.store.models import AttemptRow, AttemptTagRow
from desktop.store.soft_delete import SoftDeleted

if TYPE_CHECKING:  # the trends model loads when the Trends page first reads, not at start-up
    from desktop.domain.trends import PracticeRecord


def log_attempt(*, session: Session, attempt: Attempt, now: datetime) -> int:
    row = AttemptRow(logged_at=now, **_columns(attempt))
    session.add(row)
    session.flush()  # assigns the id the tags point at
    assert row.id is not None
    _write_tags(session, row.id, attempt)
    return row.id


def update_attempt(*, session: Session, attempt: Attempt) -> None:
    if attempt.id is None:
        raise ValueError("only a logged attempt can be edited")
    row = session.get(AttemptRow, attempt.id)
    if row is None or row.deleted_at is not None:
        raise LookupError(f"attempt {attempt.id} is not in the log")
    for name, value in _columns(attempt).items():
        setattr(row, name, value)
    session.exec(delete(AttemptTagRow).where(col(AttemptTagRow.session_id) == attempt.id))
    _write_tags(session, attempt.id, attempt)


ATTEMPTS = SoftDeleted(AttemptRow)


def delete_attempt(*, session: Session, attempt_id: int, now: datetime) -> None:
    """Hide an attempt from every view; restore_attempt undoes it."""
    ATTEMPTS.delete(session=session, record_id=attempt_id, now=now)


def restore_attempt(*, session: Session, attempt_id: int) -> None:
    ATTEMPTS.restore(session=session, record_id=attempt_id)


def get_attempt(*, session: Session, attempt_id: int) -> Attempt | None:
    found = next(_read(session, "id = ?", (attempt_id,), order="started_at"), None)
    return _attempt(*found) if found else None


def attempts_between(
    *, session: Session, start: datetime, end: datetime, path_id: str | None = None
) -> list[Attempt]:
    """Attempts started in [start, end), oldest first, without deleted ones."""
    where, params = _period(start, end, path_id)
    return [_attempt(row, tags) for row, tags in _read(session, where, params, "started_at")]


def attempts_for_item(*, session: Session, path_id: str, item_id: str) -> list[Attempt]:
    """An item's attempts, newest first."""
    rows = _read(session, "path_id = ? AND item_id = ?", (path_id, item_id), "started_at DESC")
    return [_attempt(row, tags) for row, tags in rows]


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
            session.add(AttemptTagRow(session_id=session_id, role=role.value, tag=tag))


def practice_records_between(
    *, session: Session, start: datetime, end: datetime, path_id: str | None = None
) -> list[PracticeRecord]:
    """What the trends need of the attempts started in [start, end), oldest first."""
    where, params = _period(start, end, path_id)
    shared = _Shared()
    rows = _read(session, where, params, "started_at", shared)
    return [_record(row, tags, shared) for row, tags in rows]


class _Shared(dict[object, Any]):
    """One object for each distinct text, tag tuple and day a read makes. Ten years hold
    20,000 attempts with 67,000 tags but a few hundred distinct tags, paths, kinds and
    titles: the driver makes a new str for each value, which was half of what the trends'
    records held (about 9 of 18 MiB)."""

    def one(self, value: Any) -> Any:
        return self.setdefault(value, value)

    def day(self, text: str) -> date:
        key = ("day", text)  # a day's text could also be a title
        found = self.get(key)
        if found is None:
            found = self[key] = date.fromisoformat(text)
        return found


# The one reader of the log. Trends read ten thousand attempts at a time, so it reads plain
# rows in two queries (the attempts, then their tags) and makes no ORM objects.
_ATTEMPTS_SQL = """
SELECT id, started_at, date(started_at, 'localtime') AS day, title, path_id, item_id,
       routine_id, kind, difficulty, target_minutes, active_seconds, outcome, confidence,
       quiz_correct, quiz_total
FROM practice_session WHERE deleted_at IS NULL AND {where} ORDER BY {order}
"""
_TAGS_SQL = """
SELECT session_tag.session_id, session_tag.role, session_tag.tag
FROM session_tag JOIN practice_session ON practice_session.id = session_tag.session_id
WHERE deleted_at IS NULL AND {where} ORDER BY session_tag.tag
"""
Tags = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # patterns, struggles, steps
_TAG_SLOTS = {TagRole.PATTERN.value: 0, TagRole.STRUGGLE.value: 1, TagRole.STEP_COVERED.value: 2}
_OUTCOMES = {outcome.value: outcome for outcome in Outcome}


def _period(start: datetime, end: datetime, path_id: str | None) -> tuple[str, tuple[object, ...]]:
    where, params = "started_at >= ? AND started_at < ?", (_stored(start), _stored(end))
    if path_id is not None:
        return f"{where} AND path_id = ?", (*params, path_id)
    return where, params


def _read(
    session: Session,
    where: str,
    params: tuple[object, ...],
    order: str,
    shared: _Shared | None = None,
) -> Iterator[tuple[sqlite3.Row, Tags]]:
    """The attempts and their tags, one at a time: the rows are taken from the driver as they
    are used, not all held at once (67,000 tag rows on ten years were 10 MiB at the peak)."""
    shared = _Shared() if shared is None else shared
    found: dict[int, tuple[list[str], list[str], list[str]]] = {}
    for attempt_id, role, tag in _each(session, _TAGS_SQL.format(where=where), params):
        if role in _TAG_SLOTS:
            found.setdefault(attempt_id, ([], [], []))[_TAG_SLOTS[role]].append(shared.one(tag))
    rows = _each(session, _ATTEMPTS_SQL.format(where=where, order=order), params, named=True)
    for row in rows:
        yield row, _tags_of(found.pop(row["id"], None), shared)


def _tags_of(lists: tuple[list[str], list[str], list[str]] | None, shared: _Shared) -> Tags:
    if lists is None:
        return (), (), ()
    patterns, struggles, steps = lists
    return shared.one(tuple(patterns)), shared.one(tuple(struggles)), shared.one(tuple(steps))


def _attempt(row: sqlite3.Row, tags: Tags) -> Attempt:
    return Attempt(
        id=row["id"],
        subject=AttemptSubject(
            title=row["title"],
            path_id=row["path_id"],
            item_id=row["item_id"],
            routine_id=row["routine_id"],
            kind=row["kind"],
            difficulty=row["difficulty"],
            target_minutes=row["target_minutes"],
        ),
        started_at=datetime.fromisoformat(row["started_at"]).replace(tzinfo=UTC),
        active_seconds=row["active_seconds"],
        **_how_it_went(row, tags),
    )


def _how_it_went(row: sqlite3.Row, tags: Tags) -> dict[str, Any]:
    """What an attempt and a trends record both say of how it went."""
    return {
        "outcome": _OUTCOMES[row["outcome"]],
        "confidence": row["confidence"],
        "patterns": tags[0],
        "struggles": tags[1],
        "steps_covered": tags[2],
        "quiz_correct": row["quiz_correct"],
        "quiz_total": row["quiz_total"],
    }


def _record(row: sqlite3.Row, tags: Tags, shared: _Shared) -> PracticeRecord:
    from desktop.domain.trends import PracticeRecord

    return PracticeRecord(
        id=row["id"],
        started_at=datetime.fromisoformat(row["started_at"]),  # naive UTC, as trends compare
        day=shared.day(row["day"]),
        title=shared.one(row["title"]),
        path_id=shared.one(row["path_id"]),
        kind=shared.one(row["kind"]),
        difficulty=shared.one(row["difficulty"]),
        target_minutes=row["target_minutes"],
        minutes=row["active_seconds"] / 60,
        **_how_it_went(row, tags),
        item_id=shared.one(row["item_id"]),
    )


def _stored(moment: datetime) -> str:
    """A time as the log stores it: UTC, without an offset."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.isoformat(sep=" ", timespec="microseconds")


# The practice log page ----------------------------------------------------------------------
# Ten years of practice is 20,000 attempts: the log reads one page of plain rows at a time,
# as the table scrolls, and the period's count and time in one aggregate query.


@dataclass(frozen=True)
class LogPeriod:
    """The attempts the log shows: started in [start, end), on one path or on any."""

    start: datetime
    end: datetime
    path_id: str | None = None


@dataclass(frozen=True, slots=True)
class LogRow:
    """An attempt as the log lists it (what the table shows, and its id to open it)."""

    id: int
    started_at: datetime  # aware, UTC
    title: str
    active_seconds: int
    target_minutes: int | None
    outcome: Outcome
    confidence: int
    quiz_correct: int | None
    quiz_total: int | None
    patterns: tuple[str, ...]
    struggles: tuple[str, ...]

    @property
    def minutes(self) -> int:
        return round(self.active_seconds / 60)  # as Attempt.minutes


_LOG_PAGE_SQL = """
SELECT id, started_at, title, active_seconds, target_minutes, outcome, confidence,
       quiz_correct, quiz_total
FROM practice_session WHERE deleted_at IS NULL AND {where}
ORDER BY {order} LIMIT ? OFFSET ?
"""
# Each attempt's minutes rounded as Python's round() does (half to even), so the total is the
# sum of the minutes the rows show.
_LOG_TOTALS_SQL = """
SELECT count(*), coalesce(sum((active_seconds + 30) / 60 - (active_seconds % 120 = 30)), 0)
FROM practice_session WHERE deleted_at IS NULL AND {where}
"""


def log_totals(*, session: Session, period: LogPeriod) -> tuple[int, int]:
    """How many attempts the period holds, and their minutes."""
    where, params = _period(period.start, period.end, period.path_id)
    ((count, minutes),) = _fetch(session, _LOG_TOTALS_SQL.format(where=where), params)
    return count, minutes


def log_page(
    *,
    session: Session,
    period: LogPeriod,
    offset: int,
    limit: int,
    order: LogOrder = NEWEST_FIRST,
) -> list[LogRow]:
    """`limit` attempts of the period from the `offset`-th, in `order` (newest first)."""
    where, params = _period(period.start, period.end, period.path_id)
    sql = _LOG_PAGE_SQL.format(where=where, order=order.order_by)
    rows = _fetch(session, sql, (*params, limit, offset))
    if not rows:
        return []
    ids = [row[0] for row in rows]
    tags: dict[int, tuple[list[str], list[str]]] = {id_: ([], []) for id_ in ids}
    marks = ",".join("?" * len(ids))
    tag_sql = f"SELECT session_id, role, tag FROM session_tag WHERE session_id IN ({marks}) "
    for attempt_id, role, tag in _fetch(session, tag_sql + "ORDER BY tag", tuple(ids)):
        slot = _TAG_SLOTS.get(role)
        if slot is not None and slot < 2:  # the log does not list design steps
            tags[attempt_id][slot].append(tag)
    return [
        LogRow(
            id=attempt_id,
            started_at=datetime.fromisoformat(started).replace(tzinfo=UTC),
            title=title,
            active_seconds=seconds,
            target_minutes=target,
            outcome=_OUTCOMES[outcome],
            confidence=confidence,
            quiz_correct=correct,
            quiz_total=total,
            patterns=tuple(tags[attempt_id][0]),
            struggles=tuple(tags[attempt_id][1]),
        )
        for attempt_id, started, title, seconds, target, outcome, confidence, correct, total in rows
    ]


def log_position(
    *, session: Session, period: LogPeriod, attempt_id: int, order: LogOrder = NEWEST_FIRST
) -> int | None:
    """Where an attempt is in the period's list in `order`; None if it is not in it."""
    where, params = _period(period.start, period.end, period.path_id)
    sql = (
        f"SELECT {order.expression}, started_at FROM practice_session "
        f"WHERE deleted_at IS NULL AND {where} AND id = ?"
    )
    found = _fetch(session, sql, (*params, attempt_id))
    if not found:
        return None
    value, started = found[0]
    before = (
        f"SELECT count(*) FROM practice_session WHERE deleted_at IS NULL AND {where} "
        f"AND {order.listed_before}"
    )
    ((position,),) = _fetch(session, before, (*params, value, value, started, started, attempt_id))
    return int(position)


def practice_days(*, session: Session, path_id: str | None = None) -> list[date]:
    """Every local day with at least one attempt, for streaks."""
    sql = "SELECT DISTINCT date(started_at, 'localtime') FROM practice_session "
    sql += "WHERE deleted_at IS NULL" + (" AND path_id = ?" if path_id is not None else "")
    params = (path_id,) if path_id is not None else ()
    return [date.fromisoformat(day) for (day,) in _fetch(session, sql, params)]


def _fetch(
    session: Session, sql: str, params: tuple[object, ...], *, named: bool = False
) -> list[Any]:
    """All rows, through the driver's own cursor in the session's transaction: SQLAlchemy's
    result rows cost about as much again as the query when there are tens of thousands.
    A driver error is raised as SQLAlchemy's, as every other read does."""
    connection = session.connection()
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    if named:
        cursor.row_factory = sqlite3.Row
    try:
        return list(cursor.execute(sql, params).fetchall())
    except sqlite3.Error as error:
        raise DBAPIError.instance(sql, params, error, sqlite3.Error) from error
    finally:
        cursor.close()


def _each(
    session: Session, sql: str, params: tuple[object, ...], *, named: bool = False
) -> Iterator[Any]:
    """`_fetch`'s rows one at a time, for a read that keeps only what it makes of them."""
    connection = session.connection()
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    if named:
        cursor.row_factory = sqlite3.Row
    try:
        # A loop, not `yield from`: that would close the cursor itself when the read is left
        # part-way, and fail if the database has gone by then (see below).
        for row in cursor.execute(sql, params):  # noqa: UP028
            yield row
    except sqlite3.Error as error:
        raise DBAPIError.instance(sql, params, error, sqlite3.Error) from error
    finally:
        # A read left part-way (Ctrl+C) is finalised after its profile closed the database,
        # and the cursor went with it: nothing is left to close.
        with suppress(sqlite3.ProgrammingError):
            cursor.close()


# For the other stores' lean reads (mock interviews).
fetch_rows = _fetch
stored_moment = _stored
