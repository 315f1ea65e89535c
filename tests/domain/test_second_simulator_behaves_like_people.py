"""The second simulator's learners do what tests/simulation/independent_people.py says people
do: partial weaknesses that fail more on harder items, logs kept as each style keeps them,
quizzes recorded as the quiz dialog records them, practice in bursts along the path."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace
from datetime import timedelta
from itertools import pairwise

import pytest

from desktop.domain.practice import Outcome, outcome_from_quiz
from tests.simulation.independent_cohort import LEAVE_OUT, cohort, library_of
from tests.simulation.independent_learners import History, simulate, trouble_days
from tests.simulation.independent_people import (
    LogStyle,
    Person,
    Rhythm,
    Weakness,
    habits_of,
    step_coverage,
)
from tests.simulation.independent_sessions import Item, Library, Moment, attempt_on
from tests.simulation.validate import START, World, load_world

ALL = ("code", "design", "behavioral", "quiz", "reading")


@pytest.fixture(scope="module")
def world() -> World:
    return load_world()


@pytest.fixture(scope="module")
def library(world: World) -> Library:
    return library_of(world)


def person(
    style: LogStyle = LogStyle.CAREFUL,
    weaknesses: tuple[Weakness, ...] = (),
    kinds: tuple[str, ...] = ALL,
    strict: bool = False,
) -> Person:
    return Person(
        weaknesses=weaknesses,
        habits=habits_of(style, random.Random(1)),
        rhythm=Rhythm(0.1, 0.15, 0.8, 2, night_owl=False),
        ability=1.3,
        learning=0.2,
        deficit=1.9,
        kinds=kinds,
        strict_order=strict,
        redoes_failures=True,
        skips_easy=0.0,
        mock_every=14,
        slips=(),
    )


def item(library: Library, item_id: str) -> Item:
    return next(i for i in library.items if i.item.id == item_id)


def failures(someone: Person, on: Item, library: Library, tries: int = 400) -> float:
    rng = random.Random(5)
    noon = Moment(3, START + timedelta(days=3, hours=12), 0)
    attempts = [attempt_on(someone, on, noon, Counter(), library, rng) for _ in range(tries)]
    return sum(a.outcome is not Outcome.SOLVED for a in attempts) / tries


def test_a_weakness_fails_more_on_harder_items_and_a_strong_area_seldom(library: Library) -> None:
    weak = person(weaknesses=(Weakness("heap-top-k"),))
    easy, medium = (
        item(library, "last-stone-weight"),
        item(library, "kth-largest-element-in-an-array"),
    )
    hard = item(library, "find-median-from-data-stream")
    assert 0.3 <= failures(weak, easy, library) < failures(weak, medium, library)
    assert failures(weak, medium, library) < failures(weak, hard, library) <= 0.9
    assert failures(person(), medium, library) < 0.3


def test_a_fixed_weakness_stops_failing_on_its_day(library: Library) -> None:
    fixed = person(weaknesses=(Weakness("heap-top-k", fixed_on=2),))
    medium = item(library, "kth-largest-element-in-an-array")
    assert failures(fixed, medium, library) == pytest.approx(failures(person(), medium, library))


def test_each_way_of_keeping_the_log_ticks_as_it_says(library: Library) -> None:
    hard = item(library, "word-search-ii")
    rng = random.Random(2)
    noon = Moment(3, START + timedelta(days=3, hours=12), 0)
    silent, everything = person(LogStyle.SILENT), person(LogStyle.EVERYTHING)
    quiet = [attempt_on(silent, hard, noon, Counter(), library, rng) for _ in range(100)]
    assert not any(a.struggles for a in quiet) and {a.confidence for a in quiet} == {3}
    loud = [attempt_on(everything, hard, noon, Counter(), library, rng) for _ in range(100)]
    failed = [a for a in loud if a.outcome is not Outcome.SOLVED]
    assert failed and all({"trie", "backtracking"} <= set(a.struggles) for a in failed)


def test_a_quiz_is_logged_as_the_quiz_dialog_logs_it(library: Library) -> None:
    quiz_item = item(library, "system-design-quiz")
    quiz = library.quizzes["system-design-quiz"]
    rng = random.Random(3)
    noon = Moment(3, START + timedelta(days=3, hours=12), 0)
    missed: Counter[bool] = Counter()
    for someone in (person(), person(weaknesses=(Weakness("caching-layer"),))):
        for _ in range(30):
            attempt = attempt_on(someone, quiz_item, noon, Counter(), library, rng)
            assert attempt.quiz_total and attempt.quiz_correct is not None
            assert attempt.outcome is outcome_from_quiz(attempt.quiz_correct, attempt.quiz_total)
            asked = {t for q in quiz.questions[: attempt.quiz_total] for t in q.topics}
            assert set(attempt.struggles) <= asked and not attempt.patterns
            missed[bool(someone.weaknesses)] += "caching-layer" in attempt.struggles
    # 4 of the 25 questions ask about caching: the weak learner misses one most times.
    assert missed[True] >= 20 and missed[False] <= 15


def test_practice_comes_in_bursts_with_gaps_of_a_week_or_more(
    world: World, library: Library
) -> None:
    learners = cohort(world, library, 40, seed=4)
    longest = []
    for learner in learners:
        days = sorted({(a.started_at - START).days for a in learner.history.attempts})
        longest.append(max((b - a for a, b in pairwise(days)), default=0))
    assert sum(gap >= 7 for gap in longest) >= 5
    assert all(len(learner.history.attempts) < 3 * learner.person.days for learner in learners)


def test_a_strict_learner_meets_new_items_in_path_order(library: Library) -> None:
    strict = replace(person(strict=True), days=56)
    history = simulate(strict, library, start=START, seed=9)
    order = [i.item.id for i in library.items]
    first_seen = list(dict.fromkeys(a.subject.item_id for a in history.attempts))
    positions = [order.index(item_id) for item_id in first_seen if item_id]
    assert len(positions) > 10 and positions == sorted(positions)


def test_the_evidence_a_log_shows_is_read_from_the_log(library: Library) -> None:
    someone = person(weaknesses=(Weakness("capacity-estimation"), Weakness("heap-top-k")))
    history = simulate(someone, library, start=START, seed=11)
    assert history.trouble_days["heap-top-k"]  # failed or ticked sessions on heap items
    design = [a for a in history.attempts if a.subject.kind == "design"]
    unticked = [a for a in design if "capacity-estimation" not in a.steps_covered]
    assert len(trouble_days("capacity-estimation", history, library, START)) >= len(unticked)
    assert trouble_days("heap-top-k", History(), library, START) == []


def test_a_trait_left_out_leaves_the_same_people_otherwise(world: World, library: Library) -> None:
    usual = cohort(world, library, 30, seed=6)
    plain = cohort(world, library, 30, seed=6, without=LEAVE_OUT)
    assert any(learner.person.slips for learner in usual)
    assert any(learner.person.habits.style is LogStyle.EVERYTHING for learner in usual)
    for before, after in zip(usual, plain, strict=True):
        assert after.person.weaknesses == before.person.weaknesses
        assert after.person.rhythm == before.person.rhythm
        assert not after.person.slips and not after.person.skips_like_everyone
        assert after.person.habits.style is not LogStyle.EVERYTHING
    skipper = person()
    even = replace(skipper, skips_like_everyone=False)
    assert step_coverage(skipper, "capacity-estimation", 0, 0) < step_coverage(
        skipper, "requirements", 0, 0
    )
    assert step_coverage(even, "capacity-estimation", 0, 0) == step_coverage(
        even, "requirements", 0, 0
    )
