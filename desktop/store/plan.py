"""The weekly plan: planned items per day, carried over, moved and skipped; planner settings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, timedelta

from sqlmodel import Session, col, select

from desktop.domain.curriculum import LearningPath
from desktop.domain.dates import in_week, local_midnight, week_of
from desktop.domain.journal import EntryKind
from desktop.domain.planner import (
    DEFAULT_HOURS_PER_WEEK,
    PlanItem,
    PlanSource,
    Target,
    suggestion_days,
)
from desktop.domain.progress import ItemStatus, build_checklist
from desktop.domain.suggestions import Suggestion
from desktop.domain.weak_spot_practice import PathCandidate, practice_paths
from desktop.store import progress as progress_store
from desktop.store.models import AttemptRow, JournalEntry
from desktop.store.plan_tables import (
    PlanEntry,
    PlannerSetting,
)
from desktop.store.practice import fetch_rows

HOURS_KEY = "hours_per_week"
REVIEW_OFFERED_KEY = "review_offered_week"


def add_plan_item(
    *,
    session: Session,
    day: date,
    target: Target,
    minutes: int,
    source: PlanSource,
    reason: str,
    now: datetime,
    carried_from: date | None = None,
) -> int:
    if not 1 <= minutes <= 480:
        raise ValueError("a planned item takes 1 to 480 minutes")
    row = PlanEntry(
        day=day,
        title=target.title,
        path_id=target.path_id,
        item_id=target.item_id,
        routine_id=target.routine_id,
        kind=target.kind,
        minutes=minutes,
        source=source.value,
        reason=reason,
        carried_from=carried_from,
        created_at=now,
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def add_suggestions(
    *,
    session: Session,
    week: date,
    suggestions: Sequence[Suggestion],
    earliest: date,
    now: datetime,
) -> list[date]:
    """Plan suggestions in `week` from `earliest` (today, or the first day of a week ahead); the
    day each went on, in order, by the rule of planner.suggestion_days (PLACING_RULE says it
    to the user)."""
    days = suggestion_days_for(
        session=session, week=week, minutes=[s.minutes for s in suggestions], earliest=earliest
    )
    for suggestion, day in zip(suggestions, days, strict=True):
        add_plan_item(
            session=session, day=day, target=suggestion.target, minutes=suggestion.minutes,
            source=suggestion.source, reason=suggestion.reason, now=now,
        )  # fmt: skip
    return days


def suggestion_days_for(
    *,
    session: Session,
    week: date,
    minutes: Sequence[int],
    earliest: date,
    also: Sequence[tuple[date, int]] = (),
) -> list[date]:
    """Where add_suggestions would put suggestions of these lengths, writing nothing (the
    weekly review shows it before it saves)."""
    return suggestion_days(
        week,
        earliest,
        hours_per_week(session=session) * 60,
        plan_for_week(session=session, week=week),
        plan_for_week(session=session, week=week + timedelta(days=7)),
        minutes,
        also,
    )


PLACING_RULE = (
    "Added suggestions go on the emptiest days left in this week, each day up to its share "
    "of your weekly budget; what does not fit goes into the week after."
)


def plan_for_week(*, session: Session, week: date) -> list[PlanItem]:
    """The week's planned items, by day and then in the order they were added.

    Plain rows through the driver's cursor: every week the Plan page shows reads two or
    three weeks of them, and ORM objects cost several times the query."""
    session.flush()  # the driver's cursor sees only what was written to the database
    end = week + timedelta(days=7)
    return [
        PlanItem(
            id=item_id,
            day=date.fromisoformat(day),
            target=Target(title, path_id, path_item_id, routine_id, kind),
            minutes=minutes,
            source=PlanSource(source),
            reason=reason,
            skipped=bool(skipped),
            carried_over=bool(carried_over),
            carried_from=date.fromisoformat(carried_from) if carried_from else None,
        )
        for (
            item_id, day, title, path_id, path_item_id, routine_id, kind, minutes, source,
            reason, skipped, carried_over, carried_from,
        ) in fetch_rows(session, _WEEK_SQL, (week.isoformat(), end.isoformat()))
    ]  # fmt: skip


_WEEK_SQL = (
    "SELECT id, day, title, path_id, item_id, routine_id, kind, minutes, source, reason, "
    "skipped, carried_over, carried_from FROM plan_item WHERE day >= ? AND day < ? "
    "ORDER BY day, id"
)


def _row(session: Session, item_id: int) -> PlanEntry:
    row = session.get(PlanEntry, item_id)
    if row is None:
        raise LookupError(f"planned item {item_id} is no longer in the plan")
    return row


def move_plan_item(*, session: Session, item_id: int, day: date, week: date) -> None:
    """Move an item to another day of `week` (the week shown, which it is planned in); moving
    across weeks is carrying over."""
    row = _row(session, item_id)
    if not (in_week(row.day, week) and in_week(day, week)):
        raise ValueError("an item moves within its week; carry it over to plan it next week")
    row.day = day


def set_skipped(*, session: Session, item_id: int, skipped: bool) -> None:
    _row(session, item_id).skipped = skipped


def day_of(*, session: Session, item_id: int) -> date | None:
    """The day an item is planned on; None if it is not in the plan."""
    row = session.get(PlanEntry, item_id)
    return row.day if row is not None else None


def carry_over(*, session: Session, items: Sequence[PlanItem], now: datetime) -> list[int]:
    """Plan these unfinished items on the same weekday next week; the originals stay as
    history, marked as carried over so they neither count nor carry twice."""
    new_ids = []
    for item in items:
        row = _row(session, item.id)
        if row.carried_over or row.skipped:
            continue
        row.carried_over = True
        new_ids.append(
            add_plan_item(
                session=session,
                day=item.day + timedelta(days=7),
                target=item.target,
                minutes=item.minutes,
                source=item.source,
                reason=item.reason,
                now=now,
                carried_from=item.day,
            )
        )
    return new_ids


def _item(row: PlanEntry) -> PlanItem:
    assert row.id is not None
    target = Target(row.title, row.path_id, row.item_id, row.routine_id, row.kind)
    return PlanItem(
        id=row.id,
        day=row.day,
        target=target,
        minutes=row.minutes,
        source=PlanSource(row.source),
        reason=row.reason,
        skipped=row.skipped,
        carried_over=row.carried_over,
        carried_from=row.carried_from,
    )


# Path items to suggest ---------------------------------------------------------------------


def path_candidates(
    *,
    session: Session,
    paths: Sequence[LearningPath],
    exercised: Mapping[tuple[str, str], Sequence[str]] | None = None,
    for_weak_spots: bool = False,
) -> list[PathCandidate]:
    """Items of the paths the user is working on (any progress), in stage order; if none has
    progress yet, the first path, or for weak spots every path (practice_paths).
    `exercised` gives the tags each item works on."""
    started = progress_store.followed_paths(session=session)
    chosen = (
        practice_paths(paths, started)
        if for_weak_spots
        else [path for path in paths if path.id in started] or list(paths[:1])
    )
    return candidates_of(session=session, paths=chosen, exercised=exercised)


def candidates_of(
    *,
    session: Session,
    paths: Sequence[LearningPath],
    exercised: Mapping[tuple[str, str], Sequence[str]] | None = None,
) -> list[PathCandidate]:
    """The items of `paths` as their checklists have them (custom ones in, retired out)."""
    candidates = []
    for path in paths:
        saved = progress_store.saved_progress(session=session, path_id=path.id)
        custom = progress_store.custom_items(session=session, path_id=path.id)
        checklist = build_checklist(path, saved, custom)
        for stage in checklist.stages:
            for entry in stage.items:
                if entry.is_retired:
                    continue
                finished = entry.status is ItemStatus.DONE
                tags = tuple((exercised or {}).get((path.id, entry.item.id), ()))
                to_review = entry.status is ItemStatus.NEEDS_REVIEW
                candidates.append(
                    PathCandidate(path.id, stage.title, entry.item, finished, tags, to_review)
                )
    return candidates


# Settings ----------------------------------------------------------------------------------


def _setting(session: Session, key: str) -> str | None:
    row = session.get(PlannerSetting, key)
    return row.value if row is not None else None


def _set_setting(session: Session, key: str, value: str) -> None:
    row = session.get(PlannerSetting, key)
    if row is None:
        session.add(PlannerSetting(key=key, value=value))
    else:
        row.value = value


def hours_per_week(*, session: Session) -> int:
    value = _setting(session, HOURS_KEY)
    return int(value) if value is not None and value.isdigit() else DEFAULT_HOURS_PER_WEEK


def set_hours_per_week(*, session: Session, hours: int) -> None:
    if not 1 <= hours <= 80:
        raise ValueError("the weekly budget is 1 to 80 hours")
    _set_setting(session, HOURS_KEY, str(hours))


def review_offered_on(*, session: Session) -> date | None:
    """A day of the week the review was last offered in (the day it was offered; earlier
    versions kept that week's Monday). Compared by the week it falls in, it holds when the
    user changes the first day of the week."""
    value = _setting(session, REVIEW_OFFERED_KEY)
    return date.fromisoformat(value) if value else None


def set_review_offered_on(*, session: Session, day: date) -> None:
    _set_setting(session, REVIEW_OFFERED_KEY, day.isoformat())


# The weekly review ------------------------------------------------------------------------


def review_due(*, session: Session, today: date, first: int) -> date | None:
    """The week that waits for a review: last week (weeks starting on weekday `first`), if
    anything was planned or practised in it and no weekly review was written since its fifth
    day (Friday in a week from Monday). None otherwise. Reviews are found by the day they were
    written, so one written before the user changed the week's start still counts."""
    this_week = week_of(today, first=first)
    last_week = this_week - timedelta(days=7)
    written = session.exec(
        select(JournalEntry.id).where(
            JournalEntry.kind == EntryKind.WEEKLY_REVIEW.value,
            col(JournalEntry.entry_date) >= last_week + timedelta(days=4),
        )
    ).first()
    if written is not None:
        return None
    start, end = local_midnight(last_week), local_midnight(this_week)
    practised = session.exec(
        select(AttemptRow.id).where(
            col(AttemptRow.started_at) >= start,
            col(AttemptRow.started_at) < end,
            col(AttemptRow.deleted_at).is_(None),
        )
    ).first()
    planned = session.exec(
        select(PlanEntry.id).where(col(PlanEntry.day) >= last_week, col(PlanEntry.day) < this_week)
    ).first()
    return last_week if practised is not None or planned is not None else None


def claim_review_announcement(*, session: Session, today: date, first: int) -> date | None:
    """The week to announce a review for, once per new week: None if there is nothing to
    review or it was already announced this week (remembered in the profile)."""
    this_week = week_of(today, first=first)
    offered = review_offered_on(session=session)
    if offered is not None and in_week(offered, this_week):
        return None
    set_review_offered_on(session=session, day=today)
    return review_due(session=session, today=today, first=first)
