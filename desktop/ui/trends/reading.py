"""What the trends page reads and computes, in one call that may run on a worker thread."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy.engine import Engine

from desktop.domain.curriculum import LearningPath
from desktop.domain.dates import local_day, week_of
from desktop.domain.mocks import MockInterview, evidence_tags
from desktop.domain.trends import (
    PracticeRecord,
    ScorePoint,
    TrendsReport,
    build_report,
    weak_spots_of,
)
from desktop.domain.weak_spot_practice import PathCandidate, practice_paths
from desktop.domain.weak_spots import Observation, WeakSpotReport, observation_from_mock
from desktop.store import mocks as mocks_store
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from desktop.store.transfer.collector import collector_paused

CALENDAR_WEEKS = 53


@dataclass(frozen=True)
class TrendsQuery:
    now: datetime  # aware
    path_id: str | None
    days: int | None  # the period, or None for everything
    rest_days_per_week: int
    first_weekday: int  # the day weeks start on (0 Monday ... 6 Sunday)
    kinds: Mapping[str, str]
    label: Callable[[str], str]
    design_steps: Sequence[str]
    exercised: Mapping[tuple[str, str], Sequence[str]] | None = None  # item tags
    paths: Sequence[LearningPath] = ()  # the library's, for what to practise weak spots with

    @property
    def today(self) -> date:
        return local_day(self.now)

    @property
    def calendar_start(self) -> date:
        """The first day of the week that starts the calendar's year."""
        return week_of(self.today, first=self.first_weekday) - timedelta(weeks=CALENDAR_WEEKS - 1)


@dataclass(frozen=True)
class TrendsData:
    query: TrendsQuery
    report: TrendsReport
    records: Mapping[int, PracticeRecord]
    mock_scores: Sequence[ScorePoint]
    mocks: Mapping[int, MockInterview]  # held in the period
    anything_logged: bool  # on any path, ever
    # The items weak spots are practised with (weak_spot_practice.practice_paths).
    practice_candidates: Sequence[PathCandidate] = ()


def _since(query: TrendsQuery) -> datetime:
    now = query.now
    return now - timedelta(days=query.days) if query.days else datetime(1970, 1, 2, tzinfo=UTC)


def _records_read(query: TrendsQuery) -> practice_store.LogPeriod:
    """The attempts a read takes in: the period, and the calendar's year at least."""
    year_start = datetime.combine(query.calendar_start, time()).astimezone()
    start = min(_since(query), year_start)
    return practice_store.LogPeriod(start, query.now + timedelta(days=1), query.path_id)


def attempts_to_read(engine: Engine, query: TrendsQuery) -> int:
    """How many attempts read_trends would weigh (one quick count, to choose where to read)."""
    with session_scope(engine) as session:
        return practice_store.log_totals(session=session, period=_records_read(query))[0]


def read_trends(engine: Engine, query: TrendsQuery, *, weak_spots: bool = True) -> TrendsData:
    """Everything the trends page shows; without `weak_spots`, all but the weak spots (the
    report's `weak_spot_report` is None), which `add_weak_spots` then works out: the page
    shows the figures first and weighs the weak spots after they are painted."""
    # Thousands of records (20,000 for "Everything" on ten years) and no reference cycles:
    # the collector walking the growing heap meanwhile was about a third of the read.
    with collector_paused():
        data = _read_figures(engine, query)
        return add_weak_spots(data) if weak_spots else data


def add_weak_spots(data: TrendsData) -> TrendsData:
    """`data` with its period's weak spots: the attempts and mock interviews in the period
    weighed by the weak-spot model (no database read)."""
    query = data.query
    since = stored(_since(query))
    with collector_paused():
        weak = _weak_spots(data, since)
    return replace(data, report=replace(data.report, weak_spots=weak.spots, weak_spot_report=weak))


def _weak_spots(data: TrendsData, since: datetime) -> WeakSpotReport:
    query = data.query
    return weak_spots_of(
        [record for record in data.records.values() if record.started_at >= since],
        kinds=query.kinds,
        label=query.label,
        design_steps=query.design_steps,
        now=stored(query.now),
        extra_evidence=_mock_evidence(data.mocks.values()),
        exercised=query.exercised,
    )


def _mock_evidence(mocks: Iterable[MockInterview]) -> list[Observation]:
    return [
        observation_from_mock(
            mock.id, stored(mock.held_at), mock.score_percent, evidence_tags(mock)
        )
        for mock in mocks
    ]


def _read_figures(engine: Engine, query: TrendsQuery) -> TrendsData:
    now = query.now
    since = _since(query)
    span = _records_read(query)
    with session_scope(engine) as session:
        records = practice_store.practice_records_between(
            session=session, start=span.start, end=span.end, path_id=span.path_id
        )
        practice_days = practice_store.practice_days(session=session, path_id=query.path_id)
        followed = progress_store.followed_paths(session=session)
        practice_candidates = plan_store.candidates_of(
            session=session,
            paths=practice_paths(query.paths, followed, query.path_id),
            exercised=query.exercised,
        )
        # A mock interview is not on a path: it shows with all paths only.
        mocks = (
            mocks_store.mock_interviews_between(
                session=session, start=since, end=now + timedelta(days=1)
            )
            if query.path_id is None
            else []
        )
    mock_scores = [
        ScorePoint(stored(mock.held_at), mock.score_percent, mock.id, mock.title) for mock in mocks
    ]
    report = build_report(
        records,
        since=stored(since),
        calendar_from=query.calendar_start,
        practice_days=practice_days,
        kinds=query.kinds,
        label=query.label,
        design_steps=query.design_steps,
        now=stored(now),
        today=query.today,
        rest_days_per_week=query.rest_days_per_week,
        first_weekday=query.first_weekday,
        exercised=query.exercised,
        with_weak_spots=False,
    )
    return TrendsData(
        query=query,
        report=report,
        records={record.id: record for record in records},
        mock_scores=mock_scores,
        mocks={mock.id: mock for mock in mocks},
        anything_logged=bool(practice_days or mocks) or query.path_id is not None,
        practice_candidates=practice_candidates,
    )


def stored(moment: datetime) -> datetime:
    """A moment as the log stores it (UTC without an offset), to compare with its records."""
    return moment.astimezone(UTC).replace(tzinfo=None)
