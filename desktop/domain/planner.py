"""The weekly plan: what is planned on which day, what got done, and what to do next week.

"Done" comes from what was logged, never from ticking a box: a planned item is done when an
attempt on the same path item or routine (or, for the mock-interview routine, a logged mock
interview) happened in the same week, Monday to Sunday in local time. Doing it earlier in the
week than planned counts. Each attempt fills one planned item, earliest planned first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Protocol

from desktop.domain.curriculum import PathItem
from desktop.domain.practice import Attempt
from desktop.domain.revisits import Revisit, short_date
from desktop.domain.routines import Cadence, Routine
from desktop.domain.weak_spots import WeakSpot

MOCK_ROUTINE_ID = "mock-interview"
DEFAULT_HOURS_PER_WEEK = 6
PERIOD_WEEKS = {Cadence.WEEKLY: 1, Cadence.FORTNIGHTLY: 2, Cadence.MONTHLY: 4}
SUGGESTED_PATH_ITEMS = 3
SUGGESTED_REVISITS = 3
SUGGESTED_WEAK_SPOTS = 3


def week_of(day: date) -> date:
    """The Monday that starts the week `day` falls in."""
    return day - timedelta(days=day.weekday())


def week_days(week: date) -> list[date]:
    return [week + timedelta(days=offset) for offset in range(7)]


def local_day(moment: datetime) -> date:
    return moment.astimezone().date()


def week_label(week: date, *, short: bool = False) -> str:
    last = week + timedelta(days=6)
    if week.month == last.month:
        return f"{week.day}\u2013{last.day} {last:{'%b' if short else '%B'} %Y}"
    return f"{week.day} {week:%b} \u2013 {last.day} {last:%b %Y}"


class PlanSource(StrEnum):
    """Why an item is in the plan."""

    PATH = "path"
    REVISIT = "revisit"
    WEAK_SPOT = "weak-spot"
    ROUTINE = "routine"

    @property
    def label(self) -> str:
        return {"path": "Path", "revisit": "Revisit", "weak-spot": "Weak spot"}.get(
            self.value, "Routine"
        )


@dataclass(frozen=True)
class Target:
    """What a planned item asks the user to practise: a path item or a routine."""

    title: str
    path_id: str | None = None
    item_id: str | None = None
    routine_id: str | None = None
    kind: str | None = None

    def __post_init__(self) -> None:
        on_item = self.path_id is not None and self.item_id is not None
        if on_item == (self.routine_id is not None):
            raise ValueError("a plan target is either a path item or a routine")

    @property
    def key(self) -> tuple[str, ...]:
        if self.routine_id is not None:
            return ("routine", self.routine_id)
        assert self.path_id is not None and self.item_id is not None
        return ("item", self.path_id, self.item_id)


@dataclass(frozen=True)
class PlanItem:
    id: int
    day: date
    target: Target
    minutes: int
    source: PlanSource
    reason: str = ""
    skipped: bool = False
    carried_over: bool = False  # copied into the next week; stays here as history
    carried_from: date | None = None

    @property
    def week(self) -> date:
        return week_of(self.day)

    @property
    def counts(self) -> bool:
        """Still part of the week's plan: not skipped and not moved on to the next week."""
        return not self.skipped and not self.carried_over


@dataclass(frozen=True)
class Activity:
    """Something logged that can fulfil a planned item."""

    key: tuple[str, ...]
    at: datetime
    minutes: int
    attempt_id: int | None = None


def activities(
    attempts: Iterable[Attempt], mock_times: Iterable[tuple[datetime, int]] = ()
) -> list[Activity]:
    """Attempts on path items or routines, and mock interviews as the mock-interview routine."""
    found = []
    for attempt in attempts:
        subject = attempt.subject
        if subject.routine_id is not None:
            key: tuple[str, ...] = ("routine", subject.routine_id)
        elif subject.path_id is not None and subject.item_id is not None:
            key = ("item", subject.path_id, subject.item_id)
        else:
            continue
        found.append(Activity(key, attempt.started_at, attempt.minutes, attempt.id))
    for held_at, minutes in mock_times:
        found.append(Activity(("routine", MOCK_ROUTINE_ID), held_at, minutes))
    return sorted(found, key=lambda activity: activity.at)


def match_done(items: Sequence[PlanItem], logged: Sequence[Activity]) -> dict[int, Activity]:
    """Which planned items are done, and by what (see the module's docstring for the rule)."""
    weeks = {item.week for item in items if item.counts}
    # Only what was logged in the plan's weeks can fill it (history can be years long).
    unused = [
        (activity, week_of(local_day(activity.at)))
        for activity in sorted(logged, key=lambda activity: activity.at)
    ]
    unused = [(activity, week) for activity, week in unused if week in weeks]
    done: dict[int, Activity] = {}
    for item in sorted(items, key=lambda i: (i.day, i.id)):
        if not item.counts:
            continue
        for position, (activity, week) in enumerate(unused):
            if activity.key == item.target.key and week == item.week:
                done[item.id] = unused.pop(position)[0]
                break
    return done


def unfinished(items: Sequence[PlanItem], done: Mapping[int, Activity]) -> list[PlanItem]:
    return [item for item in items if item.counts and item.id not in done]


@dataclass(frozen=True)
class WeekNumbers:
    sessions: int
    minutes: int
    planned: int
    done: int
    skipped: int
    planned_minutes: int
    budget_minutes: int

    @property
    def over_budget(self) -> bool:
        return self.planned_minutes > self.budget_minutes


def week_numbers(
    items: Sequence[PlanItem],
    attempts: Sequence[Attempt],
    done: Mapping[int, Activity],
    budget_minutes: int,
) -> WeekNumbers:
    kept = [item for item in items if item.counts]
    return WeekNumbers(
        sessions=len(attempts),
        minutes=sum(attempt.minutes for attempt in attempts),
        planned=len(kept),
        done=sum(1 for item in kept if item.id in done),
        skipped=sum(1 for item in items if item.skipped),
        planned_minutes=sum(item.minutes for item in kept),
        budget_minutes=budget_minutes,
    )


def emptiest_day(week: date, items: Sequence[PlanItem], earliest: date) -> date:
    """The day with the fewest planned minutes, not before `earliest` (today), first if tied."""
    load = Counter({day: 0 for day in week_days(week)})
    for item in items:
        if item.counts:
            load[item.day] += item.minutes
    days = [day for day in week_days(week) if day >= earliest] or [week_days(week)[-1]]
    return min(days, key=lambda day: (load[day], day))


# Suggestions -------------------------------------------------------------------------------


class WeakSpotLike(Protocol):
    """A weak spot as the Trends page ranks them (desktop/domain/weak_spots.py WeakSpot)."""

    @property
    def tag(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def explanation(self) -> str: ...


@dataclass(frozen=True)
class PathCandidate:
    """A path item in stage order, with whether the user has finished it."""

    path_id: str
    stage_title: str
    item: PathItem
    finished: bool

    @property
    def target(self) -> Target:
        return Target(self.item.title, self.path_id, self.item.id, kind=self.item.kind.value)


@dataclass(frozen=True)
class Suggestion:
    target: Target
    minutes: int
    source: PlanSource
    reason: str
    weak_spot: str | None = None  # the tag it answers, for weak-spot suggestions


# Routines that exercise a weak spot of each taxonomy kind when no path item matches it.
_ROUTINE_FOR_KIND = {
    "pattern": ("data-structure-drill", "coding-backend-context"),
    "mistake": ("coding-backend-context",),
    "topic": ("load-latency-scenario", "weekly-system-design"),
    "design_step": ("weekly-system-design",),
}
_STRUCTURE_DRILLS = {"trie", "segment-fenwick-trees", "union-find", "heap-top-k", "linked-list"}


def _normal(text: str) -> str:
    return "-".join(text.casefold().replace("/", " ").split())


def _exercises(item: PathItem, spot: WeakSpotLike) -> bool:
    wanted = {_normal(spot.tag), _normal(spot.label)}
    return any(_normal(topic) in wanted for topic in item.topics)


def exercise_for(
    spot: WeakSpotLike,
    candidates: Sequence[PathCandidate],
    history: Sequence[Attempt],
    routines: Sequence[Routine],
    tag_kinds: Mapping[str, str],
) -> tuple[Target, int, str] | None:
    """An item that exercises the weak spot, with its minutes and how it was chosen."""
    for candidate in candidates:
        if not candidate.finished and _exercises(candidate.item, spot):
            return candidate.target, candidate.item.target_minutes, "next path item on it"
    for attempt in sorted(history, key=lambda a: a.started_at, reverse=True):
        subject = attempt.subject
        if spot.tag in attempt.struggles and subject.path_id and subject.item_id:
            target = Target(subject.title, subject.path_id, subject.item_id, kind=subject.kind)
            minutes = subject.target_minutes or 30
            return target, minutes, f"you struggled with it on {subject.title}"
    for candidate in candidates:
        if _exercises(candidate.item, spot):
            return candidate.target, candidate.item.target_minutes, "a path item to redo"
    preferred = list(_ROUTINE_FOR_KIND.get(tag_kinds.get(spot.tag, ""), ()))
    if spot.tag not in _STRUCTURE_DRILLS and "data-structure-drill" in preferred:
        preferred.remove("data-structure-drill")
    by_id = {routine.id: routine for routine in routines}
    for routine_id in preferred:
        routine = by_id.get(routine_id)
        if routine is not None:
            return routine_target(routine), routine.target_minutes, "a routine that drills it"
    return None


def routine_target(routine: Routine) -> Target:
    return Target(routine.title, routine_id=routine.id, kind=routine.kind.value)


def routines_due(
    routines: Sequence[Routine],
    week: date,
    logged: Sequence[Activity],
    planned: Sequence[PlanItem],
    done: Mapping[int, Activity],
) -> list[tuple[Routine, int, str]]:
    """Routines the cadence asks for in `week`, how many more times, and why.

    A routine done every N weeks counts what was logged in the N weeks ending with `week`,
    plus what is planned in `week` and not yet done. Per-session routines (the retrospective)
    go with each session and are never planned on their own.
    """
    due = []
    week_end = week + timedelta(days=7)
    days_by_key: dict[tuple[str, ...], list[date]] = {}
    for activity in logged:
        if activity.key[0] == "routine":
            days_by_key.setdefault(activity.key, []).append(local_day(activity.at))
    for routine in routines:
        weeks = PERIOD_WEEKS.get(routine.cadence)
        if weeks is None:
            continue
        window_start = week - timedelta(days=7 * (weeks - 1))
        key = ("routine", routine.id)
        ours = days_by_key.get(key, [])
        in_window = [day for day in ours if window_start <= day < week_end]
        pending = [
            item
            for item in planned
            if item.counts and item.target.key == key and item.id not in done and item.week == week
        ]
        missing = routine.per_period[0] - len(in_window) - len(pending)
        if missing <= 0:
            continue
        last = max((day for day in ours if day < week_end), default=None)
        since = f"last done {short_date(last)}" if last else "not done yet"
        due.append((routine, missing, f"Routine, {routine.cadence_text}: {since}."))
    return due


def suggest(
    week: date,
    *,
    plan: Sequence[PlanItem],
    done: Mapping[int, Activity],
    candidates: Sequence[PathCandidate],
    revisits: Sequence[Revisit],
    weak_spots: Sequence[WeakSpotLike],
    routines: Sequence[Routine],
    history: Sequence[Attempt],
    logged: Sequence[Activity],
    tag_kinds: Mapping[str, str] = {},
) -> list[Suggestion]:
    """What to add to `week`: due revisits, the next path items, the top weak spots, then
    routines due by cadence. Anything already planned that week is left out."""
    taken = {item.target.key for item in plan if item.counts and item.week == week}
    found: list[Suggestion] = []

    def offer(suggestion: Suggestion) -> bool:
        if suggestion.target.key in taken:
            return False
        taken.add(suggestion.target.key)
        found.append(suggestion)
        return True

    for revisit in revisits[:SUGGESTED_REVISITS]:
        subject = revisit.last_attempt.subject
        target = Target(revisit.title, revisit.path_id, revisit.item_id, kind=subject.kind)
        offer(Suggestion(target, subject.target_minutes or 30, PlanSource.REVISIT, revisit.reason))
    offered = 0
    for candidate in candidates:
        if offered >= SUGGESTED_PATH_ITEMS:
            break
        if candidate.finished:
            continue
        reason = f"Next on your path: {candidate.stage_title}."
        target = candidate.target
        if offer(Suggestion(target, candidate.item.target_minutes, PlanSource.PATH, reason)):
            offered += 1
    for spot in weak_spots[:SUGGESTED_WEAK_SPOTS]:
        chosen = exercise_for(spot, candidates, history, routines, tag_kinds)
        if chosen is None:
            continue
        target, minutes, how = chosen
        reason = f"Weak spot: {spot.label} ({how}). {_why(spot)}".strip()
        if not offer(Suggestion(target, minutes, PlanSource.WEAK_SPOT, reason, spot.tag)):
            _also_answers(found, target, spot)
    for routine, times, reason in routines_due(routines, week, logged, plan, done):
        if times > 1:
            reason += f" {times} sessions to go this period."
        offer(
            Suggestion(routine_target(routine), routine.target_minutes, PlanSource.ROUTINE, reason)
        )
    return found


def _why(spot: WeakSpotLike) -> str:
    """The explanation as a sentence after the label (Trends starts its own with the label)."""
    why = spot.explanation.removeprefix(f"{spot.label}: ")
    if why and not why.endswith("."):
        why += "."
    return why[:1].upper() + why[1:]


def _also_answers(found: list[Suggestion], target: Target, spot: WeakSpotLike) -> None:
    """A weak spot whose item is already suggested says so on that suggestion."""
    for position, suggestion in enumerate(found):
        if suggestion.target.key == target.key and suggestion.weak_spot is None:
            reason = f"{suggestion.reason} It also works on a weak spot: {spot.label}."
            found[position] = replace(suggestion, reason=reason, weak_spot=spot.tag)
            return


# The weekly review ------------------------------------------------------------------------


@dataclass(frozen=True)
class WeakSpotMove:
    tag: str
    before: int  # times it went wrong the week before
    now: int  # times it went wrong in the reviewed week

    @property
    def direction(self) -> str:
        if self.now > self.before:
            return "up"
        return "down" if self.now < self.before else "same"


@dataclass(frozen=True)
class WeekEvidence:
    """The attempts and mock interviews of one week, by id."""

    attempt_ids: frozenset[int] = frozenset()
    mock_ids: frozenset[int] = frozenset()

    def count(self, spot: WeakSpot) -> int:
        return len(self.attempt_ids.intersection(spot.attempt_ids)) + len(
            self.mock_ids.intersection(spot.mock_ids)
        )


def weak_spot_moves(
    spots: Sequence[WeakSpot], this_week: WeekEvidence, week_before: WeekEvidence
) -> list[WeakSpotMove]:
    """How often each ranked weak spot went wrong in the reviewed week against the week before
    (its attempts and mock interviews), in ranking order; those quiet both weeks are left out."""
    moves = [
        WeakSpotMove(spot.tag, week_before.count(spot), this_week.count(spot)) for spot in spots
    ]
    return [move for move in moves if move.now or move.before]


REFLECTION_PROMPTS = (
    ("went_well", "What went well", "Problems you solved cleanly, steps that now feel natural."),
    ("was_hard", "What was hard", "Where did you stall, guess, or run out of time?"),
    ("change", "What to change next week", "One thing you will do differently."),
)


def review_markdown(
    week: date,
    numbers: WeekNumbers,
    moves: Sequence[tuple[str, WeakSpotMove]],
    mocks: Sequence[tuple[str, float]],
    answers: Mapping[str, str],
    next_week: Sequence[str],
) -> str:
    """The weekly review as a journal entry. `moves` and `mocks` come with their labels."""
    lines = [
        f"# Weekly review, {week_label(week)}",
        "",
        "## The week in numbers",
        "",
        f"- Sessions logged: {numbers.sessions}",
        f"- Time practised: {hours_text(numbers.minutes)}",
        f"- Planned vs done: {numbers.done} of {numbers.planned} planned items done"
        + (f", {numbers.skipped} skipped" if numbers.skipped else ""),
        f"- Mock interviews: {len(mocks)}",
    ]
    lines += [f"  - {title}: {percent:.0f}%" for title, percent in mocks]
    lines += ["", "## How the weak spots moved", ""]
    arrows = {"up": "more often", "down": "less often", "same": "as often"}
    lines += [
        f"- {label}: {move.now} this week, {move.before} the week before ({arrows[move.direction]})"
        for label, move in moves
    ] or ["- None of your weak spots came up this week or the week before."]
    for key, heading, _hint in REFLECTION_PROMPTS:
        lines += ["", f"## {heading}", "", answers.get(key, "").strip() or "*Nothing written.*"]
    lines += ["", "## Plan for next week", ""]
    lines += [f"- {title}" for title in next_week] or ["- Nothing planned yet."]
    return "\n".join(lines) + "\n"


def hours_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


@dataclass(frozen=True)
class SimpleWeakSpot:
    """A weak spot asked for by name (Plan practice on the Trends page), not yet ranked."""

    tag: str
    label: str
    explanation: str
