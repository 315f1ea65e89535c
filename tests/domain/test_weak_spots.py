"""The weak-spot analysis on small, hand-made histories: what it lists, what it only watches,
and what it says it does not know. (tests/domain/test_weak_spot_validation.py checks it
against 200 simulated learners.)"""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.weak_spots import (
    WeakSpotReport,
    analyse,
    certainty_text,
    observation_from_attempt,
    observation_from_mock,
    pace_label,
)

NOW = datetime(2026, 11, 30, 20, 0, tzinfo=UTC)
KINDS = {
    "dynamic-programming": "pattern",
    "hash-map": "pattern",
    "two-pointers": "pattern",
    "sliding-window": "pattern",
    "recursion": "pattern",
    "indexing": "topic",
    "caching": "topic",
    "queues": "topic",
    "off-by-one": "mistake",
    "edge-cases": "mistake",
    "requirements": "design_step",
    "capacity-estimation": "design_step",
    "api": "design_step",
}
STEPS = ("requirements", "capacity-estimation", "api")
ITEM_TAGS = {
    ("backend-senior", "coin-change"): ("dynamic-programming",),
    ("backend-senior", "climbing-stairs"): ("dynamic-programming", "recursion"),
}


def _attempt(
    ref: int,
    days_ago: float,
    patterns: tuple[str, ...] = (),
    outcome: Outcome = Outcome.SOLVED,
    *,
    minutes: float = 20,
    confidence: int = 4,
    struggles: tuple[str, ...] = (),
    kind: str = "code",
    covered: tuple[str, ...] = STEPS,
    target: int = 25,
    item: str | None = None,
    difficulty: str = "medium",
) -> Attempt:
    return Attempt(
        subject=AttemptSubject(
            "Problem",
            "backend-senior",
            item,
            kind=kind,
            difficulty=difficulty,
            target_minutes=target,
        ),
        started_at=NOW - timedelta(days=days_ago),
        active_seconds=int(minutes * 60),
        outcome=outcome,
        confidence=confidence,
        patterns=patterns,
        struggles=struggles,
        steps_covered=covered,
        id=ref,
    )


def _report(attempts: list[Attempt], mocks: tuple = ()) -> WeakSpotReport:
    evidence = [observation_from_attempt(a, STEPS, ITEM_TAGS) for a in attempts]
    return analyse([*evidence, *mocks], kinds=KINDS, label=str.capitalize, now=NOW)


def _fine(first_ref: int, days: range, patterns: tuple[str, ...] = ("hash-map",)) -> list[Attempt]:
    return [_attempt(first_ref + n, day + 0.3, patterns) for n, day in enumerate(days)]


def test_nothing_logged_means_nothing_listed_and_nothing_claimed() -> None:
    report = _report([])
    assert (report.spots, report.watching, report.lapsed, report.too_little) == ([], [], [], [])


def test_a_pattern_that_keeps_going_wrong_is_listed_with_how_sure_and_the_counts() -> None:
    bad = [_attempt(n, n + 0.5, ("dynamic-programming",), Outcome.STUCK, minutes=38,
                    struggles=("dynamic-programming",)) for n in range(1, 6)]  # fmt: skip
    report = _report(bad + _fine(10, range(8)))
    (spot,) = report.spots
    assert (spot.tag, spot.kind, spot.bad, spot.seen) == ("dynamic-programming", "pattern", 5, 5)
    assert spot.explanation == (
        "Dynamic-programming: went wrong in 5 of the last 5 attempts; ticked as a struggle "
        "5 times; median 38 min against a 25 min target"
    )
    assert spot.attempt_ids == (1, 2, 3, 4, 5)  # newest first
    assert spot.low > spot.usual and spot.low <= spot.rate <= spot.high
    assert certainty_text(spot).startswith("Clear: 5 of 5 went wrong;")


def test_one_bad_attempt_is_watched_not_listed() -> None:
    once = _attempt(1, 1, ("two-pointers",), Outcome.STUCK, struggles=("two-pointers",))
    report = _report([once, *_fine(10, range(6))])
    assert report.spots == []
    assert [spot.tag for spot in report.watching] == ["two-pointers"]
    assert certainty_text(report.watching[0]).startswith("Watching: 1 of 1 went wrong")


def test_failures_count_without_a_tick_and_without_ticking_the_pattern() -> None:
    # Coin Change exercises dynamic programming (its topics say so): the learner ticks nothing.
    stuck = [_attempt(n, n + 0.5, (), Outcome.STUCK, confidence=2, item="coin-change")
             for n in range(1, 5)]  # fmt: skip
    report = _report(stuck + _fine(10, range(8)))
    assert [spot.tag for spot in report.spots] == ["dynamic-programming"]
    assert report.spots[0].explanation.startswith(
        "Dynamic-programming: went wrong in 4 of the last 4 attempts"
    )


def test_a_learner_with_no_weakness_is_told_so_and_what_went_fine() -> None:
    attempts = _fine(1, range(0, 20, 2), ("hash-map",))
    attempts += _fine(20, range(1, 20, 2), ("two-pointers",))
    attempts.append(_attempt(40, 5.5, ("sliding-window",), Outcome.PARTIAL))  # a bad day
    report = _report(attempts)
    assert report.spots == []
    assert {"Hash-map", "Two-pointers"} <= set(report.covered)


def test_slowness_of_a_kind_of_work_is_a_weak_spot_of_its_own() -> None:
    designs = [_attempt(n, n * 2 + 0.5, kind="design", minutes=80, target=40)
               for n in range(1, 7)]  # fmt: skip
    report = _report(designs + _fine(10, range(10)))
    pace = [spot for spot in report.spots if spot.kind == "pace"]
    assert [spot.tag for spot in pace] == ["pace:design"]
    assert pace[0].label == pace_label("pace:design") == "Pace: System design"
    assert "2.0x the target time, over 1.5x in 6 of the last 6 attempts" in pace[0].explanation


def test_a_weakness_fixed_three_weeks_ago_is_no_longer_listed() -> None:
    old_trouble = [_attempt(n, 24 + n, ("dynamic-programming",), Outcome.STUCK,
                            struggles=("dynamic-programming",)) for n in range(1, 6)]  # fmt: skip
    since = [_attempt(10 + n, n * 3 + 0.5, ("dynamic-programming",)) for n in range(1, 7)]
    assert _report(old_trouble).spots  # listed while it was going wrong
    assert _report(old_trouble + since).spots == []


def test_slowness_at_one_difficulty_is_its_own_weak_spot() -> None:
    hard = [_attempt(n, n * 2 + 0.5, minutes=55, difficulty="hard") for n in range(1, 6)]
    easy = [_attempt(10 + n, n * 2 + 1.5, minutes=20, difficulty="easy") for n in range(1, 8)]
    pace = [spot for spot in _report(hard + easy).spots if spot.kind == "pace"]
    assert [(spot.tag, spot.label) for spot in pace] == [
        ("pace:code:hard", "Pace: hard coding problems")
    ]
    assert "2.2x the target time, over 1.5x in 5 of the last 5 attempts" in pace[0].explanation


def test_a_kind_of_work_slow_at_every_difficulty_is_listed_once() -> None:
    slow = [_attempt(n, n + 0.5, minutes=55, difficulty=("easy", "medium", "hard")[n % 3])
            for n in range(1, 10)]  # fmt: skip
    pace = [spot.tag for spot in _report(slow).spots if spot.kind == "pace"]
    assert pace == ["pace:code"]


def test_of_two_tags_on_the_same_sessions_the_one_the_item_names_first_is_listed() -> None:
    stuck = [_attempt(n, n + 0.5, outcome=Outcome.STUCK, item="climbing-stairs")
             for n in range(1, 6)]  # fmt: skip
    report = _report(stuck + _fine(10, range(10)))
    assert [spot.tag for spot in report.spots] == ["dynamic-programming"]


def test_two_weeks_and_two_clean_sessions_settle_a_weakness() -> None:
    trouble = [_attempt(n, 18 + 2 * n, ("dynamic-programming",), Outcome.STUCK,
                        struggles=("dynamic-programming",)) for n in range(1, 6)]  # fmt: skip
    one_clean = [_attempt(10, 3.5, ("dynamic-programming",))]  # 16.5 days after the last trouble
    two_clean = [*one_clean, _attempt(11, 5.5, ("dynamic-programming",))]
    assert [s.tag for s in _report(trouble + one_clean).spots] == ["dynamic-programming"]
    assert _report(trouble + two_clean).spots == []


def test_a_session_that_went_wrong_is_not_slow_for_running_a_quarter_over() -> None:
    # Trouble costs time whatever its cause: 55 min on a 40 min design that went wrong is
    # the trouble, not the pace; the same time on one that went well is slow.
    went_wrong = [_attempt(n, n * 2 + 0.5, kind="design", minutes=65, target=40,
                           outcome=Outcome.PARTIAL) for n in range(1, 7)]  # fmt: skip
    went_well = [replace(a, outcome=Outcome.SOLVED) for a in went_wrong]
    fine = _fine(10, range(10))
    assert not [s for s in _report(went_wrong + fine).spots if s.kind == "pace"]
    assert [s.tag for s in _report(went_well + fine).spots if s.kind == "pace"] == ["pace:design"]


def test_what_has_not_been_practised_lately_is_said() -> None:
    report = _report([_attempt(1, 45, ("sliding-window",)), *_fine(2, range(5))])
    assert [(lapse.tag, lapse.days) for lapse in report.lapsed] == [("sliding-window", 45)]


def test_too_little_data_is_said_per_kind_of_work() -> None:
    report = _report([_attempt(1, 1, kind="design", target=40), *_fine(2, range(5))])
    assert report.too_little == ["1 design session so far", "no behavioral sessions yet"]


def test_design_steps_not_covered_count_as_missed() -> None:
    designs = [_attempt(n, n + 0.5, kind="design", target=40, covered=("requirements", "api"))
               for n in range(1, 6)]  # fmt: skip
    (spot,) = _report(designs).spots
    assert spot.tag == "capacity-estimation" and spot.kind == "design_step"
    assert spot.explanation == "Capacity-estimation: missed in 5 of the last 5 design sessions"


def test_a_weak_steps_usual_rate_is_the_other_steps_rate() -> None:
    """What the entry says ("you usually miss N% of design steps") is the other steps' rate;
    its own sessions were once taken off it twice, which said 1% where 10% was true."""

    def covered(n: int) -> tuple[str, ...]:
        api = () if n in (2, 7) else ("api",)  # the API left out in 2 of 10
        return ("requirements", *api) if n <= 8 else STEPS  # capacity left out in 8

    designs = [_attempt(n, n * 0.5, kind="design", target=40, covered=covered(n))
               for n in range(1, 11)]  # fmt: skip
    (spot,) = _report(designs).spots
    assert spot.tag == "capacity-estimation"
    assert 0.08 < spot.usual < 0.14  # 2 of 20, leaning a little on a typical learner's 15%
    assert f"you usually miss {round(100 * spot.usual)}% of design steps" in certainty_text(spot)


def test_a_design_step_left_out_now_and_then_is_not_a_weak_spot() -> None:
    def designs(left_out: int, of: int) -> list[Attempt]:
        return [_attempt(n, n + 0.5, kind="design", target=40,
                         covered=("requirements", "api") if n <= left_out else STEPS)
                for n in range(1, of + 1)]  # fmt: skip

    assert _report(designs(3, 10)).spots == []  # three in ten: now and then
    assert [s.tag for s in _report(designs(4, 6)).spots] == ["capacity-estimation"]


def test_a_mistake_ticked_again_and_again_is_listed_against_every_session() -> None:
    attempts = _fine(1, range(12))
    attempts += [_attempt(20 + n, n + 0.6, ("hash-map",), struggles=("off-by-one",))
                 for n in range(4)]  # fmt: skip
    (spot,) = _report(attempts).spots
    assert (spot.tag, spot.bad, spot.seen) == ("off-by-one", 4, 16)
    assert spot.explanation == "Off-by-one: ticked in 4 of 16 sessions (4 of the last 8)"
    assert "other mistakes come up in" in certainty_text(spot)


def test_mock_interviews_add_evidence_and_are_named() -> None:
    attempts = _fine(1, range(12))
    attempts += [_attempt(20 + n, n + 0.6, ("hash-map",), struggles=("edge-cases",))
                 for n in range(2)]  # fmt: skip
    assert _report(attempts).spots == []
    mocks = (observation_from_mock(7, NOW - timedelta(days=1), 40, ("edge-cases",)),
             observation_from_mock(8, NOW - timedelta(days=3), 40, ("edge-cases",)))  # fmt: skip
    (spot,) = _report(attempts, mocks).spots
    assert spot.tag == "edge-cases" and spot.mock_ids == (7, 8)
    assert spot.explanation.endswith("; exposed in 2 mock interviews")


def test_tags_outside_the_taxonomy_are_ignored() -> None:
    bad = [_attempt(n, n, ("made-up",), Outcome.STUCK, struggles=("made-up",)) for n in range(5)]
    assert _report(bad).spots == []


def test_a_second_weakness_is_not_hidden_by_a_bigger_one() -> None:
    dp = [_attempt(n, n + 0.5, ("dynamic-programming",), Outcome.STUCK,
                   struggles=("dynamic-programming",)) for n in range(1, 7)]  # fmt: skip
    tp = [_attempt(10 + n, n + 0.7, ("two-pointers",), Outcome.PARTIAL,
                   struggles=("two-pointers",)) for n in range(3)]  # fmt: skip
    tp.append(_attempt(20, 4.7, ("two-pointers",)))
    listed = [spot.tag for spot in _report(dp + tp + _fine(30, range(8))).spots]
    assert listed == ["dynamic-programming", "two-pointers"]


def test_a_quiz_counts_only_its_missed_topics_against_them() -> None:
    """A quiz scores each question: a topic it did not miss went right, even in a quiz that
    went badly overall because of another topic."""

    def quiz(ref: int, days_ago: float, missed: tuple[str, ...]) -> Attempt:
        return replace(
            _attempt(
                ref,
                days_ago,
                ("indexing", "sliding-window"),
                Outcome.STUCK,
                struggles=missed,
                kind="quiz",
            ),
            quiz_correct=2,
            quiz_total=6,
        )

    quizzes = [quiz(1, 1.5, ("sliding-window",)), quiz(2, 2.5, ("sliding-window",))]
    quizzes += [quiz(3, 3.5, ()), quiz(4, 4.5, ())]
    report = _report(quizzes + _fine(10, range(8)))
    assert [spot.tag for spot in report.watching] == ["sliding-window"]
    assert "Indexing" in report.covered


def test_a_quiz_holds_its_topics_to_one_bar_whatever_their_kind() -> None:
    """A learner who misses about half the questions on every topic of a quiz has no weak
    topic there: a pattern, a topic and a design step asked about in one quiz share the
    learner's own rate of missing questions, rather than each leaning on a typical rate."""

    def quiz(ref: int, days_ago: float, missed: tuple[str, ...]) -> Attempt:
        asked = ("sliding-window", "indexing", "capacity-estimation")
        attempt = _attempt(ref, days_ago, asked, Outcome.PARTIAL, kind="quiz", struggles=missed)
        return replace(attempt, quiz_correct=3, quiz_total=6)

    quizzes = [
        quiz(1, 1.5, ("capacity-estimation", "sliding-window")),
        quiz(2, 3.5, ("capacity-estimation", "indexing")),
        quiz(3, 5.5, ("capacity-estimation", "sliding-window", "indexing")),
        quiz(4, 7.5, ("indexing",)),
        quiz(5, 9.5, ("sliding-window",)),
    ]
    report = _report(quizzes + _fine(10, range(8)))
    assert report.spots == []
    assert {spot.tag for spot in report.watching} == {
        "sliding-window",
        "indexing",
        "capacity-estimation",
    }


def test_a_topic_needs_surer_evidence_than_a_pattern() -> None:
    """Three stuck sessions out of three list a pattern but only watch a topic (held to a 90%
    interval, see weak_spots.Z_LOWER_TOPIC); a fourth lists it too."""

    def history(weak: str, usual: str, stuck: int) -> WeakSpotReport:
        hard = [_attempt(n, 1 + 1.5 * n, (weak,), Outcome.STUCK, kind="reading")
                for n in range(stuck)]  # fmt: skip
        fine = [
            _attempt(100 + n, 0.5 + n, (usual,), Outcome.PARTIAL if n % 5 == 0 else Outcome.SOLVED,
                     kind="reading")
            for n in range(10)
        ]  # fmt: skip
        return _report(hard + fine)

    assert [s.tag for s in history("two-pointers", "hash-map", 3).spots] == ["two-pointers"]
    three = history("caching", "queues", 3)
    assert three.spots == [] and [s.tag for s in three.watching] == ["caching"]
    four = history("caching", "queues", 4).spots
    assert [s.tag for s in four] == ["caching"] and four[0].interval_percent == 90


def test_a_topic_is_held_to_the_usual_rate_of_its_own_kind_of_work() -> None:
    """Design sessions touch many topics and go wrong more often than one-pattern drills: a
    coding pattern that fails where coding usually goes well stands out, however often the
    patterns of design sessions go wrong."""
    designs = [_attempt(n, n + 0.5, ("indexing", "hash-map"), Outcome.STUCK, kind="design")
               for n in range(1, 11)]  # fmt: skip
    drills = [_attempt(20 + n, n + 0.4, ("two-pointers",)) for n in range(10)]
    stuck = [_attempt(40 + n, n + 0.3, ("sliding-window",), Outcome.STUCK, confidence=2)
             for n in range(4)]  # fmt: skip
    stuck.append(_attempt(50, 4.3, ("sliding-window",)))
    listed = [spot.tag for spot in _report(designs + drills + stuck).spots]
    assert "sliding-window" in listed  # (and the design sessions' own trouble, too)


def test_a_mistake_ticked_twice_is_watched_until_it_comes_up_a_third_time() -> None:
    """There are many mistakes and each is rare, so two ticks of one happen by chance."""
    attempts = _fine(1, range(3))
    ticked = [_attempt(20 + n, n + 0.6, ("hash-map",), struggles=("edge-cases",))
              for n in range(3)]  # fmt: skip
    report = _report(attempts + ticked[:2])
    assert report.spots == [] and [spot.tag for spot in report.watching] == ["edge-cases"]
    assert [spot.tag for spot in _report(attempts + ticked).spots] == ["edge-cases"]


def test_ticks_on_every_pattern_of_every_bad_session_do_not_single_any_out() -> None:
    both = ("dynamic-programming", "recursion")
    stuck = [_attempt(n, n + 0.5, both, Outcome.STUCK, struggles=both, item="climbing-stairs")
             for n in range(1, 6)]  # fmt: skip
    fine = _fine(10, range(10))
    # Such ticks say only that the session went badly: the item's first pattern explains it.
    assert [spot.tag for spot in _report(stuck + fine).spots] == ["dynamic-programming"]
    # A learner who ticks one of them, as the trouble, is taken at their word.
    careful = [replace(a, struggles=("recursion",)) for a in stuck]
    assert [spot.tag for spot in _report(careful + fine).spots] == ["recursion"]
