import calendar
from datetime import UTC, date, datetime, timedelta

from desktop.domain.practice import Outcome
from desktop.domain.trends import (
    PracticeRecord,
    confidence_by_week,
    daily_activity,
    missed_design_steps,
    observations,
    quiz_scores,
    struggles_by_week,
    time_against_target,
    weak_spots_of,
)
from desktop.ui.trends.weak_spot_notes import weak_spot_notes

MONDAY = date(2026, 11, 2)


def _record(ref: int, day_offset: int, **fields: object) -> PracticeRecord:
    day = MONDAY + timedelta(days=day_offset)
    values: dict[str, object] = {
        "id": ref,
        "started_at": datetime(day.year, day.month, day.day, 18, tzinfo=UTC),
        "day": day,
        "title": f"Problem {ref}",
        "path_id": "backend-senior",
        "kind": "code",
        "difficulty": "medium",
        "target_minutes": 25,
        "minutes": 25.0,
        "outcome": Outcome.SOLVED,
        "confidence": 4,
    }
    values.update(fields)
    return PracticeRecord(**values)  # type: ignore[arg-type]


def test_daily_activity_counts_sessions_and_minutes_per_day() -> None:
    records = [_record(1, 0, minutes=20.0), _record(2, 0, minutes=30.0), _record(3, 2)]
    activity = daily_activity(records)
    assert activity[MONDAY].sessions == 2 and activity[MONDAY].minutes == 50.0
    assert activity[MONDAY + timedelta(days=2)].sessions == 1
    assert MONDAY + timedelta(days=1) not in activity


def test_time_against_target_takes_medians_by_difficulty() -> None:
    records = [
        _record(1, 0, difficulty="hard", minutes=50.0, target_minutes=40),
        _record(2, 1, difficulty="hard", minutes=60.0, target_minutes=40),
        _record(3, 1, difficulty="hard", minutes=70.0, target_minutes=40),
        _record(4, 2, difficulty="easy", minutes=10.0, target_minutes=15),
        _record(5, 2, difficulty="easy", minutes=10.0, target_minutes=None),  # no target
    ]
    rows = time_against_target(records)
    assert [(r.difficulty, r.median_minutes, r.median_target) for r in rows] == [
        ("easy", 10.0, 15),
        ("hard", 60.0, 40),
    ]
    assert rows[1].attempt_ids == (1, 2, 3)


def test_confidence_by_week_averages_each_week() -> None:
    records = [
        _record(1, 0, confidence=2),
        _record(2, 3, confidence=4),
        _record(3, 8, confidence=5),
    ]
    points = confidence_by_week(records, first=calendar.MONDAY)
    assert [(p.week, p.value, p.attempt_ids) for p in points] == [
        (MONDAY, 3.0, (1, 2)),
        (MONDAY + timedelta(weeks=1), 5.0, (3,)),
    ]


def test_struggles_by_week_keeps_the_most_frequent_patterns() -> None:
    kinds = {"dynamic-programming": "pattern", "bfs": "pattern", "off-by-one": "mistake"}
    records = [
        _record(1, 0, struggles=("dynamic-programming", "off-by-one")),
        _record(2, 1, struggles=("dynamic-programming",)),
        _record(3, 9, struggles=("dynamic-programming", "bfs")),
        _record(4, 10),
    ]
    weeks = struggles_by_week(records, kinds=kinds, top=5, first_weekday=calendar.MONDAY)
    assert weeks.weeks == (MONDAY, MONDAY + timedelta(weeks=1))
    assert weeks.tags == ("dynamic-programming", "bfs")  # mistakes are not patterns
    assert weeks.counts[("dynamic-programming", MONDAY)] == 2
    assert weeks.attempt_ids[("bfs", MONDAY + timedelta(weeks=1))] == (3,)


def test_missed_design_steps_are_shares_of_design_sessions() -> None:
    steps = ("requirements", "capacity-estimation", "api")
    records = [
        _record(1, 0, kind="design", steps_covered=("requirements", "api")),
        _record(2, 1, kind="design", steps_covered=("requirements",)),
        _record(3, 2, kind="code"),
    ]
    bars = missed_design_steps(records, steps)
    assert [(b.category, b.value, b.attempt_ids) for b in bars] == [
        ("capacity-estimation", 100.0, (1, 2)),
        ("api", 50.0, (2,)),
        ("requirements", 0.0, ()),
    ]
    assert missed_design_steps(records[2:], steps) == []
    evidence = observations(records, steps)
    assert evidence[1].missed_steps == ("capacity-estimation", "api") and evidence[1].design
    assert evidence[2].missed_steps == () and not evidence[2].design


def test_quiz_scores_are_percentages() -> None:
    records = [_record(1, 0, kind="quiz", quiz_correct=7, quiz_total=10), _record(2, 1)]
    assert [(p.ref_id, p.percent) for p in quiz_scores(records)] == [(1, 70.0)]
    # As evidence, a scored quiz speaks for each topic on its own.
    assert [o.scored_per_tag for o in observations(records, ())] == [True, False]


def test_weekly_confidence_follows_the_weeks_the_user_chose() -> None:
    records = [_record(1, -1, confidence=2), _record(2, 0, confidence=4)]  # Sunday, Monday
    assert [p.week for p in confidence_by_week(records, first=calendar.MONDAY)] == [
        MONDAY - timedelta(days=7), MONDAY
    ]  # fmt: skip
    (week,) = confidence_by_week(records, first=calendar.SUNDAY)
    assert (week.week, week.value) == (MONDAY - timedelta(days=1), 3)


def test_sessions_too_old_to_weigh_still_say_what_was_not_practised_lately() -> None:
    # Graphs, a year before a run of recent hash-map sessions: too old to weigh as evidence,
    # but it was practised, and not since.
    old = _record(1, -400, patterns=("graphs",), kind="design")
    recent = [_record(10 + n, -n, patterns=("hash-map",)) for n in range(5, 0, -1)]
    now = datetime(2026, 11, 2, 20, tzinfo=UTC)
    report = weak_spots_of(
        [old, *recent],
        kinds={"graphs": "pattern", "hash-map": "pattern"},
        label=str.capitalize,
        design_steps=(),
        now=now,
    )
    assert [(lapse.tag, lapse.days) for lapse in report.lapsed] == [("graphs", 400)]
    assert (report.sessions, report.older_sessions) == (5, 1)
    # A design session long ago is not "no design sessions yet".
    assert report.too_little == ["1 design session so far", "no behavioral sessions yet"]
    assert "Weak spots weigh the last 120 days of practice. The 1 session before" in (
        weak_spot_notes([], report)
    )


def test_old_sessions_of_other_kinds_do_not_start_the_too_little_list() -> None:
    # Quizzes only, recent and a year ago: no coding, design or behavioral session to speak
    # of, so nothing is listed as missing (as for the recent quizzes alone).
    recent = [_record(10 + n, -n, kind="quiz") for n in range(5, 0, -1)]
    for records in (recent, [_record(1, -400, kind="quiz"), *recent]):
        report = weak_spots_of(
            records,
            kinds={},
            label=str.capitalize,
            design_steps=(),
            now=datetime(2026, 11, 2, 20, tzinfo=UTC),
        )
        assert report.too_little == []
