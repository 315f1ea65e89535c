"""The weekly plan: what counts as done, cadences, suggestions and the review's numbers."""

from __future__ import annotations

from calendar import SUNDAY
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import pytest

from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
from desktop.domain.dates import MONDAY, in_week, reviewed_week, week_days, week_label, week_of
from desktop.domain.planner import (
    PlanItem,
    PlanSource,
    Target,
    activities,
    emptiest_day,
    hours_text,
    match_done,
    unfinished,
    week_numbers,
)
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.revisits import revisits_due
from desktop.domain.routines import load_routines
from desktop.domain.suggestions import PathCandidate, routines_due, suggest
from desktop.domain.weak_spots import WeakSpot
from desktop.domain.weekly_review import WeekEvidence, review_markdown, weak_spot_moves
from desktop.folders import shipped_data_dir
from desktop.profile import shipped_vocabulary

WEEK = date(2026, 11, 2)  # a Monday
ROUTINES = load_routines(shipped_data_dir() / "routines.toml", shipped_vocabulary()).routines


def _at(day: date, hour: int = 18) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


def _attempt(
    day: date,
    *,
    item: str | None = "3sum",
    routine: str | None = None,
    outcome: Outcome = Outcome.SOLVED,
    confidence: int = 4,
    struggles: tuple[str, ...] = (),
) -> Attempt:
    subject = AttemptSubject(
        title=routine or item or "free",
        path_id="backend" if item and not routine else None,
        item_id=item if not routine else None,
        routine_id=routine,
        kind="code",
        target_minutes=30,
    )
    return Attempt(subject, _at(day), 1800, outcome, confidence, struggles=struggles)


def _planned(plan_id: int, day: date, target: Target, **extra: object) -> PlanItem:
    return PlanItem(plan_id, day, target, 30, PlanSource.PATH, **extra)  # type: ignore[arg-type]


THREE_SUM = Target("3Sum", "backend", "3sum", kind="code")
DESIGN = Target("System-design scenario", routine_id="weekly-system-design", kind="design")


def test_weeks_start_on_monday_and_read_naturally() -> None:
    assert week_of(date(2026, 11, 8), first=MONDAY) == WEEK
    assert week_of(WEEK, first=MONDAY) == WEEK
    assert week_label(WEEK) == "2\u20138 November 2026"
    assert week_label(date(2026, 11, 30)) == "30 Nov \u2013 6 Dec 2026"


@pytest.mark.parametrize("first", range(7))
def test_a_week_starts_on_the_chosen_day_and_holds_every_day_after_it(first: int) -> None:
    for day in (WEEK + timedelta(days=n) for n in range(-7, 14)):
        week = week_of(day, first=first)
        assert week.weekday() == first and in_week(day, week)
        assert week_days(week)[0] == week and week_days(week)[-1] == week + timedelta(days=6)


def test_weeks_from_sunday_put_a_sunday_first() -> None:
    sunday = WEEK - timedelta(days=1)
    assert week_of(sunday, first=SUNDAY) == sunday
    assert week_of(WEEK + timedelta(days=5), first=SUNDAY) == sunday  # Saturday: the last day
    assert week_of(WEEK + timedelta(days=6), first=SUNDAY) == WEEK + timedelta(days=6)


def test_what_is_done_follows_the_weeks_the_user_chose() -> None:
    saturday = WEEK + timedelta(days=5)
    plan = [_planned(1, saturday, THREE_SUM)]
    logged = activities([_attempt(WEEK - timedelta(days=1))])  # the Sunday before
    assert set(match_done(plan, logged, first=SUNDAY)) == {1}  # the same week from Sunday
    assert match_done(plan, logged, first=MONDAY) == {}  # the week before, from Monday


def test_an_item_is_done_by_an_attempt_on_it_in_the_same_week_even_an_early_one() -> None:
    plan = [_planned(1, WEEK + timedelta(days=3), THREE_SUM), _planned(2, WEEK, DESIGN)]
    logged = activities([_attempt(WEEK + timedelta(days=1))])  # Tuesday, planned Thursday
    done = match_done(plan, logged, first=MONDAY)
    assert set(done) == {1}
    assert [item.id for item in unfinished(plan, done)] == [2]


def test_an_attempt_in_another_week_or_on_another_item_does_not_count() -> None:
    plan = [_planned(1, WEEK, THREE_SUM)]
    logged = activities([_attempt(WEEK - timedelta(days=1)), _attempt(WEEK, item="two-sum")])
    assert match_done(plan, logged, first=MONDAY) == {}


def test_one_attempt_fills_one_planned_item_earliest_first() -> None:
    plan = [_planned(1, WEEK + timedelta(days=4), THREE_SUM), _planned(2, WEEK, THREE_SUM)]
    done = match_done(plan, activities([_attempt(WEEK + timedelta(days=2))]), first=MONDAY)
    assert set(done) == {2}


def test_skipped_and_carried_items_neither_count_nor_get_done() -> None:
    plan = [
        _planned(1, WEEK, THREE_SUM, skipped=True),
        _planned(2, WEEK, DESIGN, carried_over=True),
    ]
    logged = activities([_attempt(WEEK), _attempt(WEEK, routine="weekly-system-design")])
    done = match_done(plan, logged, first=MONDAY)
    assert done == {}
    numbers = week_numbers(plan, [], done, 360)
    assert (numbers.planned, numbers.skipped, numbers.planned_minutes) == (0, 1, 0)


def test_a_logged_mock_interview_does_the_mock_checkpoint() -> None:
    mock = Target("Mock interview checkpoint", routine_id="mock-interview")
    done = match_done(
        [_planned(1, WEEK, mock)], activities([], [(_at(WEEK + timedelta(2)), 60)]), first=MONDAY
    )
    assert set(done) == {1}


def test_week_numbers_compare_plan_budget_and_what_was_logged() -> None:
    plan = [_planned(1, WEEK, THREE_SUM), _planned(2, WEEK, DESIGN)]
    attempts = [_attempt(WEEK), _attempt(WEEK, item="two-sum")]
    numbers = week_numbers(plan, attempts, match_done(plan, activities(attempts), first=MONDAY), 50)
    assert (numbers.sessions, numbers.minutes, numbers.planned, numbers.done) == (2, 60, 2, 1)
    assert numbers.over_budget


def test_new_items_go_to_the_emptiest_day_from_today() -> None:
    plan = [_planned(1, WEEK + timedelta(days=2), THREE_SUM)]
    assert emptiest_day(WEEK, plan, WEEK) == WEEK
    assert emptiest_day(WEEK, plan, WEEK + timedelta(days=2)) == WEEK + timedelta(days=3)
    assert emptiest_day(WEEK, plan, WEEK + timedelta(days=30)) == WEEK + timedelta(days=6)


def _due_ids(logged, plan=(), week=WEEK):  # type: ignore[no-untyped-def]
    plan = list(plan)
    return {
        routine.id: times
        for routine, times, _reason in routines_due(
            ROUTINES, week, logged, plan, match_done(plan, logged, first=MONDAY), week
        )
    }


def test_cadences_ask_for_each_routine_as_often_as_it_says() -> None:
    due = _due_ids([])
    assert due == {
        "weekly-system-design": 1,
        "coding-backend-context": 2,
        "data-structure-drill": 1,
        "api-design-exercise": 1,
        "load-latency-scenario": 1,
        "mock-interview": 1,
    }  # never the retrospective: it goes with every session


def test_a_fortnightly_routine_done_last_week_is_not_due_but_the_week_after_it_is() -> None:
    logged = activities([_attempt(WEEK - timedelta(days=3), routine="load-latency-scenario")])
    assert "load-latency-scenario" not in _due_ids(logged)
    assert "load-latency-scenario" in _due_ids(logged, week=WEEK + timedelta(days=7))


def test_a_monthly_routine_counts_the_last_four_weeks() -> None:
    logged = activities([_attempt(WEEK - timedelta(days=20), routine="api-design-exercise")])
    assert "api-design-exercise" not in _due_ids(logged)
    assert "api-design-exercise" in _due_ids(logged, week=WEEK + timedelta(days=7))


def test_planned_routines_count_towards_the_cadence() -> None:
    coding = Target("Coding", routine_id="coding-backend-context")
    plan = [_planned(1, WEEK, coding)]
    assert _due_ids([], plan)["coding-backend-context"] == 1
    logged = activities([_attempt(WEEK, routine="coding-backend-context")])
    assert "coding-backend-context" not in _due_ids(logged, [*plan, _planned(2, WEEK, coding)])


@dataclass(frozen=True)
class Spot:
    tag: str
    label: str
    explanation: str = ""


def _item(item_id: str, topics: tuple[str, ...]) -> PathItem:
    return PathItem(
        id=item_id,
        title=item_id.replace("-", " ").title(),
        kind=ItemKind.CODE,
        difficulty=Difficulty.MEDIUM,
        target_minutes=25,
        topics=topics,
    )


CANDIDATES = [
    PathCandidate("backend", "Warm-up", _item("two-sum", ("hash-map",)), True),
    PathCandidate("backend", "Warm-up", _item("3sum", ("two-pointers",)), True),
    PathCandidate("backend", "Medium", _item("top-k", ("heap-top-k",)), False),
    PathCandidate("backend", "Medium", _item("implement-trie", ("trie",)), False),
    PathCandidate("backend", "Medium", _item("window", ("sliding-window",)), False),
    PathCandidate("backend", "Hard", _item("merge-k", ("heap-top-k", "linked-list")), False),
]


def _suggest(**overrides):  # type: ignore[no-untyped-def]
    arguments = {
        "plan": [],
        "done": {},
        "candidates": CANDIDATES,
        "revisits": [],
        "weak_spots": [],
        "routines": ROUTINES,
        "history": [],
        "logged": [],
        "today": WEEK,
        "tag_kinds": {"two-pointers": "pattern", "capacity-estimation": "design_step"},
    }
    arguments.update(overrides)
    return suggest(WEEK, **arguments)


def test_suggestions_come_in_order_and_say_why() -> None:
    history = [_attempt(WEEK - timedelta(days=5), outcome=Outcome.STUCK, confidence=1)]
    found = _suggest(revisits=revisits_due(history, WEEK), history=history)
    sources = [s.source for s in found]
    assert sources[0] is PlanSource.REVISIT and found[0].target.item_id == "3sum"
    assert [s.target.item_id for s in found if s.source is PlanSource.PATH] == [
        "top-k",
        "implement-trie",
        "window",
    ]
    assert sources.index(PlanSource.ROUTINE) > sources.index(PlanSource.PATH)
    assert "Next on your path: Medium." in found[1].reason
    assert all(s.reason for s in found)


def test_an_item_marked_for_review_is_not_called_next_on_the_path() -> None:
    candidates = [replace(CANDIDATES[2], to_review=True), *CANDIDATES[3:]]
    found = [s for s in _suggest(candidates=candidates) if s.source is PlanSource.PATH]
    assert found[0].target.item_id == "top-k"
    assert found[0].reason == "Marked for review on your path: Medium."
    assert found[1].reason == "Next on your path: Medium."


def test_a_revisit_takes_the_path_items_target_time_now() -> None:
    old = _attempt(WEEK - timedelta(days=5), outcome=Outcome.STUCK, confidence=1)  # 30 min then
    top_k = _attempt(WEEK - timedelta(days=4), item="top-k", outcome=Outcome.STUCK)
    retired = _attempt(WEEK - timedelta(days=3), item="gone", outcome=Outcome.STUCK)
    three_sum = _item("3sum", ()).model_copy(update={"target_minutes": 15})  # changed since
    candidates = [c for c in CANDIDATES if c.item.id != "3sum"]
    candidates.append(PathCandidate("backend", "Easy", three_sum, True))
    history = [old, top_k, retired]
    found = _suggest(revisits=revisits_due(history, WEEK), history=history, candidates=candidates)
    minutes = {s.target.item_id: s.minutes for s in found if s.source is PlanSource.REVISIT}
    top_k_minutes = next(c.item.target_minutes for c in CANDIDATES if c.item.id == "top-k")
    assert minutes == {"3sum": 15, "top-k": top_k_minutes, "gone": 30}  # retired: as stored


def test_items_carried_over_or_planned_next_week_are_not_suggested_again() -> None:
    plan = [
        _planned(1, WEEK, Target("Top K", "backend", "top-k"), carried_over=True),
        _planned(2, WEEK + timedelta(days=8), DESIGN),
        _planned(3, WEEK + timedelta(days=9), Target("Window", "backend", "window"), skipped=True),
    ]
    keys = {s.target.key for s in _suggest(plan=plan)}
    assert ("item", "backend", "top-k") not in keys
    assert ("routine", "weekly-system-design") not in keys
    assert ("item", "backend", "window") in keys  # skipped next week: still open


def test_a_path_item_still_ahead_the_week_before_is_not_suggested_again() -> None:
    saturday, sunday = WEEK - timedelta(days=2), WEEK - timedelta(days=1)
    plan = [
        _planned(1, sunday, Target("Top K", "backend", "top-k")),  # tomorrow: still to do
        _planned(2, saturday - timedelta(days=1), Target("Trie", "backend", "implement-trie")),
        _planned(3, sunday, DESIGN),  # a routine repeats by its cadence
    ]
    keys = {s.target.key for s in _suggest(plan=plan, today=saturday)}
    assert ("item", "backend", "top-k") not in keys
    assert ("item", "backend", "implement-trie") in keys  # its day is past: not done, open
    assert ("routine", "weekly-system-design") in keys


def test_suggestions_leave_out_what_is_already_planned_that_week() -> None:
    plan = [_planned(1, WEEK, Target("Top K", "backend", "top-k"))]
    plan.append(_planned(2, WEEK, DESIGN))
    found = _suggest(plan=plan)
    keys = {s.target.key for s in found}
    assert ("item", "backend", "top-k") not in keys
    assert ("routine", "weekly-system-design") not in keys
    assert ("item", "backend", "merge-k") in keys  # the next one moves up


def test_a_weak_spot_is_answered_by_an_item_that_exercises_it() -> None:
    spots = [
        Spot("trie", "Trie", "Stuck twice on prefix search."),
        Spot("edge-cases", "Edge cases"),
        Spot("capacity-estimation", "Capacity estimation"),
    ]
    history = [_attempt(WEEK - timedelta(days=2), item="two-sum", struggles=("edge-cases",))]
    found = {s.weak_spot: s for s in _suggest(weak_spots=spots, history=history) if s.weak_spot}
    # The trie item is next on the path anyway: that suggestion says it answers the weak spot.
    assert found["trie"].target.item_id == "implement-trie"
    assert found["trie"].source is PlanSource.PATH
    assert "also works on a weak spot: Trie" in found["trie"].reason
    assert found["edge-cases"].target.item_id == "two-sum"  # where the user struggled with it
    assert found["capacity-estimation"].target.routine_id == "weekly-system-design"


def test_a_weak_spot_gets_its_own_suggestion_with_the_reason() -> None:
    lru = PathCandidate("backend", "Medium", _item("lru-cache", ("hash-map",)), False)
    candidates = [*CANDIDATES[:2], *CANDIDATES[3:5], lru, CANDIDATES[5]]
    found = _suggest(
        weak_spots=[Spot("heap-top-k", "Heap", "Slow on top-k.")], candidates=candidates
    )
    spot = next(s for s in found if s.weak_spot == "heap-top-k")
    assert spot.source is PlanSource.WEAK_SPOT and spot.target.item_id == "merge-k"
    assert spot.reason == "Weak spot: Heap (next path item on it). Slow on top-k."


def test_a_ranked_weak_spot_is_explained_once_after_its_name() -> None:
    lru = PathCandidate("backend", "Medium", _item("lru-cache", ("hash-map",)), False)
    candidates = [*CANDIDATES[:2], *CANDIDATES[3:5], lru, CANDIDATES[5]]
    ranked = Spot("heap-top-k", "Heap", "Heap: a struggle in 3 of the last 8 attempts")
    found = _suggest(weak_spots=[ranked], candidates=candidates)
    spot = next(s for s in found if s.weak_spot == "heap-top-k")
    assert spot.reason.endswith("). A struggle in 3 of the last 8 attempts.")


def test_a_weak_spot_matched_by_a_finished_item_suggests_redoing_it() -> None:
    found = _suggest(weak_spots=[Spot("two-pointers", "Two pointers")])
    spot = next(s for s in found if s.weak_spot == "two-pointers")
    assert spot.target.item_id == "3sum" and "redo" in spot.reason


def _ranked(tag: str, attempt_ids: tuple[int, ...], mock_ids: tuple[int, ...] = ()) -> WeakSpot:
    return WeakSpot(tag, tag, "mistake", 30.0, "", attempt_ids, mock_ids)


def test_weak_spot_moves_compare_with_the_week_before() -> None:
    spots = [
        _ranked("edge-cases", (1, 2, 7), mock_ids=(40,)),
        _ranked("communication", (8,)),
        _ranked("off-by-one", (3,)),
        _ranked("trade-offs", (90,)),  # neither week
    ]
    now = WeekEvidence(frozenset({1, 2, 3}), frozenset({40}))
    before = WeekEvidence(frozenset({7, 8}))
    moves = weak_spot_moves(spots, now, before)
    assert [m.tag for m in moves] == ["edge-cases", "communication", "off-by-one"]
    assert (moves[0].now, moves[0].before, moves[0].direction) == (3, 1, "up")
    assert moves[1].direction == "down" and moves[2].direction == "up"


def test_the_review_entry_holds_numbers_moves_and_answers() -> None:
    plan = [_planned(1, WEEK, THREE_SUM), _planned(2, WEEK, DESIGN)]
    attempts = [_attempt(WEEK)]
    numbers = week_numbers(
        plan, attempts, match_done(plan, activities(attempts), first=MONDAY), 360
    )
    moves = weak_spot_moves(
        [_ranked("off-by-one", (5,))], WeekEvidence(), WeekEvidence(frozenset({5}))
    )
    text = review_markdown(
        WEEK,
        numbers,
        [("Off-by-one", move) for move in moves],
        [("Coding mock interview", 62.5)],
        {"went_well": "Two pointers felt natural.", "was_hard": ""},
        ["Top K Frequent Elements"],
    )
    assert text.startswith("# Weekly review, 2\u20138 November 2026")
    assert "- Planned vs done: 1 of 2 planned items done" in text
    assert "- Time practised: 30 min" in text
    assert "Coding mock interview: 62%" in text
    assert "- Off-by-one: 0 this week, 1 the week before (less often)" in text
    assert "Two pointers felt natural." in text and "*Nothing written.*" in text
    assert "- Top K Frequent Elements" in text


@pytest.mark.parametrize(
    "bad", [{"path_id": "p"}, {"path_id": "p", "item_id": "i", "routine_id": "r"}]
)
def test_a_target_is_either_a_path_item_or_a_routine(bad: dict[str, str]) -> None:
    with pytest.raises(ValueError, match="either a path item or a routine"):
        Target("x", **bad)


def test_a_session_on_a_target_is_timed_against_the_planned_minutes() -> None:
    routine = Target("Mock design", routine_id="design-mock", kind="design")
    assert routine.subject(45) == AttemptSubject(
        "Mock design", routine_id="design-mock", kind="design", target_minutes=45
    )
    item = Target("Two Sum", "backend", "two-sum", kind="code")
    assert item.subject(20) == AttemptSubject(
        "Two Sum", "backend", "two-sum", kind="code", target_minutes=20
    )


def test_a_session_on_a_path_item_takes_the_path_s_kind_difficulty_and_target() -> None:
    assert AttemptSubject.of_path_item("backend", _item("two-sum", ())) == AttemptSubject(
        "Two Sum", "backend", "two-sum", kind="code", difficulty="medium", target_minutes=25
    )


@pytest.mark.parametrize(
    ("minutes", "text"),
    [(0, "0 min"), (45, "45 min"), (120, "2 h"), (65, "1 h 5 min"), (693_760, "11,562 h 40 min")],
)
def test_hours_text_reads_as_a_person_would_say_it(minutes: int, text: str) -> None:
    assert hours_text(minutes) == text


@pytest.mark.parametrize("first", [0, 6])
def test_a_review_on_a_weeks_first_day_looks_back_on_the_week_just_ended(first: int) -> None:
    week = week_of(date(2026, 12, 3), first=first)
    assert reviewed_week(week, first=first) == week - timedelta(days=7)
    for later in range(1, 7):
        assert reviewed_week(week + timedelta(days=later), first=first) == week
