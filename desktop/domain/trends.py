"""The figures behind the trends charts, each with the attempts that make it up."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import NamedTuple

from desktop.domain.dates import week_of
from desktop.domain.practice import Outcome
from desktop.domain.streaks import Streaks, practice_streaks
from desktop.domain.weak_spots import (
    EVIDENCE_DAYS,
    EarlierPractice,
    Observation,
    WeakSpot,
    WeakSpotReport,
    analyse,
    tags_of_item,
)

DIFFICULTIES = ("easy", "medium", "hard")


class PracticeRecord(NamedTuple):
    """An attempt as the trends read it: a light row, quick to make by the ten thousand."""

    id: int
    started_at: datetime
    day: date  # the local day it started on
    title: str
    path_id: str | None
    kind: str | None
    difficulty: str | None
    target_minutes: int | None
    minutes: float
    outcome: Outcome
    confidence: int
    patterns: tuple[str, ...] = ()
    struggles: tuple[str, ...] = ()
    steps_covered: tuple[str, ...] = ()
    quiz_correct: int | None = None
    quiz_total: int | None = None
    item_id: str | None = None


def observations(
    records: Iterable[PracticeRecord],
    design_steps: Sequence[str],
    exercised: Mapping[tuple[str, str], Sequence[str]] | None = None,
) -> list[Observation]:
    """Records as weak-spot evidence: the item's own tags count as practised even when not
    ticked, and a design session that did not cover a step missed it."""
    result = []
    for r in records:
        design = r.kind == "design"
        covered = r.steps_covered
        item_tags = tags_of_item(exercised, r.path_id, r.item_id)
        result.append(
            Observation(
                r.started_at,
                "attempt",
                r.id,
                tuple(dict.fromkeys((*r.patterns, *item_tags))),
                r.struggles,
                tuple(s for s in design_steps if s not in covered) if design else (),
                design,
                r.outcome,
                r.confidence,
                r.minutes,
                r.target_minutes,
                r.kind,
                r.difficulty,
                bool(r.quiz_total),
            )
        )
    return result


# Calendar ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayActivity:
    sessions: int
    minutes: float


def daily_activity(records: Iterable[PracticeRecord]) -> dict[date, DayActivity]:
    counts: Counter[date] = Counter()
    minutes: defaultdict[date, float] = defaultdict(float)
    for r in records:
        counts[r.day] += 1
        minutes[r.day] += r.minutes
    return {day: DayActivity(count, minutes[day]) for day, count in counts.items()}


# Charts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar or point of a chart: its category, its value and the attempts behind it."""

    category: str
    value: float
    attempt_ids: tuple[int, ...]


@dataclass(frozen=True)
class TimeAgainstTarget:
    difficulty: str
    median_minutes: float
    median_target: float
    attempt_ids: tuple[int, ...]


def time_against_target(records: Iterable[PracticeRecord]) -> list[TimeAgainstTarget]:
    """Median time spent and median target, per difficulty, for attempts that had a target."""
    spent: defaultdict[str, list[float]] = defaultdict(list)
    targets: defaultdict[str, list[int]] = defaultdict(list)
    ids: defaultdict[str, list[int]] = defaultdict(list)
    for r in records:
        if r.target_minutes and r.difficulty in DIFFICULTIES:
            spent[r.difficulty].append(r.minutes)
            targets[r.difficulty].append(r.target_minutes)
            ids[r.difficulty].append(r.id)
    return [
        TimeAgainstTarget(
            level,
            statistics.median(spent[level]),
            statistics.median(targets[level]),
            tuple(ids[level]),
        )
        for level in DIFFICULTIES
        if spent[level]
    ]


@dataclass(frozen=True)
class WeekPoint:
    week: date  # its first day
    value: float
    attempt_ids: tuple[int, ...]


def confidence_by_week(records: Iterable[PracticeRecord], *, first: int) -> list[WeekPoint]:
    """Mean confidence (1 to 5) of each week (starting on weekday `first`) that had practice."""
    total: defaultdict[date, int] = defaultdict(int)
    ids: defaultdict[date, list[int]] = defaultdict(list)
    weeks: dict[date, date] = {}
    for r in records:
        week = weeks.get(r.day) or weeks.setdefault(r.day, week_of(r.day, first=first))
        total[week] += r.confidence
        ids[week].append(r.id)
    return [WeekPoint(week, total[week] / len(ids[week]), tuple(ids[week])) for week in sorted(ids)]


STRUGGLE_WEEKS = 12  # the weeks the struggles chart shows at most


@dataclass(frozen=True)
class StruggleWeeks:
    """How often each of the most frequent struggles came up, week by week."""

    weeks: tuple[date, ...]
    tags: tuple[str, ...]  # most frequent first
    counts: Mapping[tuple[str, date], int]
    attempt_ids: Mapping[tuple[str, date], tuple[int, ...]]


def struggles_by_week(
    records: Iterable[PracticeRecord],
    *,
    kinds: Mapping[str, str],
    first_weekday: int,
    top: int = 5,
    weeks: int = STRUGGLE_WEEKS,
) -> StruggleWeeks:
    """The `top` patterns and topics struggled with most, over the last `weeks` weeks shown
    (weeks that start on weekday `first_weekday`)."""
    per: defaultdict[tuple[str, date], list[int]] = defaultdict(list)
    all_weeks: set[date] = set()
    records = list(records)
    if records:  # only the weeks shown
        newest = max(r.day for r in records)
        records = [r for r in records if r.day > newest - timedelta(weeks=weeks)]
    for r in records:
        week = week_of(r.day, first=first_weekday)
        all_weeks.add(week)
        for tag in r.struggles:
            if kinds.get(tag) in ("pattern", "topic"):
                per[(tag, week)].append(r.id)
    if not all_weeks:
        return StruggleWeeks((), (), {}, {})
    last = max(all_weeks)
    first = max(min(all_weeks), last - timedelta(weeks=weeks - 1))
    shown = tuple(first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1))
    totals: Counter[str] = Counter()
    for (tag, week), found in per.items():
        if week >= first:
            totals[tag] += len(found)
    tags = tuple(tag for tag, _ in sorted(totals.items(), key=lambda t: (-t[1], t[0]))[:top])
    kept = {key: tuple(found) for key, found in per.items() if key[0] in tags and key[1] >= first}
    return StruggleWeeks(shown, tags, {key: len(found) for key, found in kept.items()}, kept)


def missed_design_steps(records: Iterable[PracticeRecord], steps: Sequence[str]) -> list[Bar]:
    """Per design step, the share (0..100) of design sessions that missed it, most missed first."""
    design = [r for r in records if r.kind == "design"]
    if not design:
        return []
    bars = []
    for step in steps:
        ids = tuple(r.id for r in design if step not in r.steps_covered)
        bars.append(Bar(step, 100 * len(ids) / len(design), ids))
    bars.sort(key=lambda bar: -bar.value)
    return bars


@dataclass(frozen=True)
class ScorePoint:
    at: datetime
    percent: float
    ref_id: int
    title: str


def quiz_scores(records: Iterable[PracticeRecord]) -> list[ScorePoint]:
    return [
        ScorePoint(r.started_at, 100 * (r.quiz_correct or 0) / r.quiz_total, r.id, r.title)
        for r in records
        if r.quiz_total
    ]


# Everything the trends page shows, computed in one go --------------------------------------


@dataclass(frozen=True)
class TrendsReport:
    activity: Mapping[date, DayActivity]  # the calendar's year
    streaks: Streaks
    time_against_target: list[TimeAgainstTarget]
    confidence: list[WeekPoint]
    struggles: StruggleWeeks
    missed_steps: list[Bar]
    quiz_scores: list[ScorePoint]
    weak_spots: list[WeakSpot]
    attempts_in_range: int
    weak_spot_report: WeakSpotReport | None = None  # watching, lapsed, too little data


def build_report(
    records: Sequence[PracticeRecord],
    *,
    since: datetime,
    calendar_from: date,
    practice_days: Iterable[date],
    kinds: Mapping[str, str],
    label: Callable[[str], str],
    design_steps: Sequence[str],
    now: datetime,
    today: date,
    rest_days_per_week: int,
    first_weekday: int,
    extra_evidence: Iterable[Observation] = (),
    exercised: Mapping[tuple[str, str], Sequence[str]] | None = None,
    with_weak_spots: bool = True,
) -> TrendsReport:
    """`records`, oldest first, cover the calendar (from `calendar_from`) and the charts and
    weak spots (from `since`). Weeks (streaks' rest days, the weekly charts) start on weekday
    `first_weekday`.

    `extra_evidence` is more weak-spot evidence, such as mock interviews. Without
    `with_weak_spots` the report has none yet (`weak_spot_report` is None): the page works
    them out afterwards with `weak_spots_of`.
    """
    in_range = [r for r in records if r.started_at >= since]
    weak = (
        weak_spots_of(
            in_range,
            kinds=kinds,
            label=label,
            design_steps=design_steps,
            now=now,
            extra_evidence=extra_evidence,
            exercised=exercised,
        )
        if with_weak_spots
        else None
    )
    return TrendsReport(
        activity=daily_activity(r for r in records if r.day >= calendar_from),
        streaks=practice_streaks(
            set(practice_days),
            today=today,
            rest_days_per_week=rest_days_per_week,
            first_weekday=first_weekday,
        ),
        time_against_target=time_against_target(in_range),
        confidence=confidence_by_week(in_range, first=first_weekday),
        struggles=struggles_by_week(in_range, kinds=kinds, first_weekday=first_weekday),
        missed_steps=missed_design_steps(in_range, design_steps),
        quiz_scores=quiz_scores(in_range),
        weak_spots=weak.spots if weak is not None else [],
        attempts_in_range=len(in_range),
        weak_spot_report=weak,
    )


def weak_spots_of(
    in_range: Sequence[PracticeRecord],
    *,
    kinds: Mapping[str, str],
    label: Callable[[str], str],
    design_steps: Sequence[str],
    now: datetime,
    extra_evidence: Iterable[Observation] = (),
    exercised: Mapping[tuple[str, str], Sequence[str]] | None = None,
) -> WeakSpotReport:
    """The weak spots of the period's records (oldest first) and the extra evidence."""
    recent, older = list(in_range), []
    if in_range:  # only the last months weigh anything in the weak-spot model
        oldest = in_range[-1].started_at - timedelta(days=EVIDENCE_DAYS)
        recent = [r for r in in_range if r.started_at >= oldest]
        older = [r for r in in_range if r.started_at < oldest]
    evidence = observations(recent, design_steps, exercised)
    evidence.extend(extra_evidence)
    return analyse(
        evidence,
        kinds=kinds,
        label=label,
        now=now,
        earlier=earlier_practice(older, exercised),
    )


def earlier_practice(
    records: Sequence[PracticeRecord],
    exercised: Mapping[tuple[str, str], Sequence[str]] | None = None,
) -> EarlierPractice:
    """What `records` (oldest first), too old to weigh, still say: what was practised long
    ago and not since, and which kinds of work have been practised at all."""
    last: dict[str, datetime] = {}
    by_work: dict[str, int] = {}
    for r in records:
        for tag in (*r.patterns, *r.struggles, *tags_of_item(exercised, r.path_id, r.item_id)):
            last[tag] = r.started_at
        if r.kind:
            by_work[r.kind] = by_work.get(r.kind, 0) + 1
    return EarlierPractice(len(records), last, by_work)
