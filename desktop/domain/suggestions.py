"""What to add to a week's plan: due revisits, the next path items, the top weak spots, and
routines due by their cadence."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol

from desktop.domain.dates import day_text, local_day
from desktop.domain.planner import PERIOD_WEEKS, Activity, PlanItem, PlanSource, Target
from desktop.domain.practice import Attempt, AttemptSubject
from desktop.domain.revisits import Revisit
from desktop.domain.routines import Routine
from desktop.domain.weak_spot_practice import (
    PathCandidate,
    Practice,
    practice_for,
    routine_target,
)

SUGGESTED_PATH_ITEMS = 3
SUGGESTED_REVISITS = 3
SUGGESTED_WEAK_SPOTS = 3


class WeakSpotLike(Protocol):
    """A weak spot as the Trends page ranks them (desktop/domain/weak_spots.py WeakSpot)."""

    @property
    def tag(self) -> str: ...
    @property
    def label(self) -> str: ...
    @property
    def explanation(self) -> str: ...


@dataclass(frozen=True)
class Suggestion:
    target: Target
    minutes: int
    source: PlanSource
    reason: str
    weak_spot: str | None = None  # the tag it answers, for weak-spot suggestions


def exercise_for(
    spot: WeakSpotLike,
    candidates: Sequence[PathCandidate],
    history: Sequence[Attempt],
    routines: Sequence[Routine],
    tag_kinds: Mapping[str, str],
) -> tuple[Target, int, str] | None:
    """What to practise for a weak spot, with its minutes and how it was chosen, by the rule
    the Trends row names it with (weak_spot_practice.practice_for). A ranked weak spot went
    wrong in the attempts behind it; one asked for by name, where the struggle was ticked."""
    ids = getattr(spot, "attempt_ids", None)
    wrong: Iterable[AttemptSubject]
    if ids is not None:
        by_id = {attempt.id: attempt for attempt in history}
        wrong = (by_id[i].subject for i in ids if i in by_id)  # newest first
    else:
        newest_first = sorted(history, key=lambda a: a.started_at, reverse=True)
        wrong = [a.subject for a in newest_first if spot.tag in a.struggles]
    found = practice_for(spot.tag, candidates, wrong, routines, tag_kinds, limit=1)
    return (found[0].target, found[0].minutes, found[0].how) if found else None


def routines_due(
    routines: Sequence[Routine],
    week: date,
    logged: Sequence[Activity],
    planned: Sequence[PlanItem],
    done: Mapping[int, Activity],
    today: date,
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
            if item.counts and item.target.key == key and item.id not in done and item.in_week(week)
        ]
        missing = routine.per_period[0] - len(in_window) - len(pending)
        if missing <= 0:
            continue
        last = max((day for day in ours if day < week_end), default=None)
        since = f"last done {day_text(last, today)}" if last else "not done yet"
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
    today: date,
    tag_kinds: Mapping[str, str] = {},
    practice_candidates: Sequence[PathCandidate] | None = None,
) -> list[Suggestion]:
    """What to add to `week`: due revisits, the next path items, the top weak spots, then
    routines due by cadence. Anything already planned that week, carried over from it, or
    planned the week after is left out, and so is a path item still ahead in the week
    before (from today on): suggesting it for next week on a Saturday would plan it twice.
    `plan` may hold all three weeks; routines repeat by cadence, so only items count there.
    Weak spots are practised on `practice_candidates` (weak_spot_practice.practice_paths),
    `candidates` if not given."""
    taken = {
        item.target.key
        for item in plan
        if (item.in_week(week) and (item.counts or item.carried_over))
        or (item.in_week(week + timedelta(days=7)) and item.counts)
        or (
            item.in_week(week - timedelta(days=7))
            and item.counts
            and item.day >= today
            and item.target.routine_id is None
        )
    }
    found: list[Suggestion] = []

    def offer(suggestion: Suggestion) -> bool:
        if suggestion.target.key in taken:
            return False
        taken.add(suggestion.target.key)
        found.append(suggestion)
        return True

    # A revisit takes the path item's target time now, not the one its last session had.
    path_minutes = {(c.path_id, c.item.id): c.item.target_minutes for c in candidates}
    for revisit in revisits[:SUGGESTED_REVISITS]:
        subject = revisit.last_attempt.subject
        target = Target(revisit.title, revisit.path_id, revisit.item_id, kind=subject.kind)
        minutes = path_minutes.get((revisit.path_id, revisit.item_id)) or subject.target_minutes
        reason = revisit.reason(today)
        offer(Suggestion(target, minutes or 30, PlanSource.REVISIT, reason))
    offered = 0
    for candidate in candidates:
        if offered >= SUGGESTED_PATH_ITEMS:
            break
        if candidate.finished:
            continue
        # An item the user marked Needs review is not new to them: say which it is.
        where = "Marked for review on your path" if candidate.to_review else "Next on your path"
        reason = f"{where}: {candidate.stage_title}."
        target = candidate.target
        if offer(Suggestion(target, candidate.item.target_minutes, PlanSource.PATH, reason)):
            offered += 1
    for spot in weak_spots[:SUGGESTED_WEAK_SPOTS]:
        pool = candidates if practice_candidates is None else practice_candidates
        chosen = _asked_for(spot) or exercise_for(spot, pool, history, routines, tag_kinds)
        if chosen is None:
            continue
        target, minutes, how = chosen
        reason = f"Weak spot: {spot.label} ({how}). {_why(spot)}".strip()
        if not offer(Suggestion(target, minutes, PlanSource.WEAK_SPOT, reason, spot.tag)):
            _also_answers(found, target, spot)
    for routine, times, reason in routines_due(routines, week, logged, plan, done, today):
        if times > 1:
            reason += f" {times} sessions to go this period."
        offer(
            Suggestion(routine_target(routine), routine.target_minutes, PlanSource.ROUTINE, reason)
        )
    return found


def _asked_for(spot: WeakSpotLike) -> tuple[Target, int, str] | None:
    practice = spot.practice if isinstance(spot, SimpleWeakSpot) else None
    return (practice.target, practice.minutes, practice.how) if practice else None


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


@dataclass(frozen=True)
class SimpleWeakSpot:
    """A weak spot asked for by name (Plan practice on the Trends page), not yet ranked."""

    tag: str
    label: str
    explanation: str
    # What its Trends row names first, planned as it is: the row read the period and path
    # chosen there, which the plan does not know.
    practice: Practice | None = None
