"""What each trends chart shows, and what it says when it has nothing to show."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from statistics import mean

from desktop.domain.trends import ScorePoint, TrendsReport
from desktop.domain.wording import counted
from desktop.ui.formatting import local_time, short_date
from desktop.ui.trends.charts import MAX_MARKED_POINTS, BarGroup, ChartCard, Line, Point

Label = Callable[[str], str]  # a taxonomy id's label
# Past this many scores in a line (a few months of daily quizzes), each month shows as its
# mean: as many as the chart still marks one by one.
MOST_SCORES_ONE_BY_ONE = MAX_MARKED_POINTS


def show_time(card: ChartCard, report: TrendsReport) -> None:
    rows = report.time_against_target
    if not rows:
        card.show_empty(
            "No timed attempts with a difficulty and a target in this period. Start a "
            "session from a learning-path item, or give a free session a difficulty, to "
            "compare your time with its target."
        )
        return
    names = [row.difficulty.capitalize() for row in rows]
    ids = [row.attempt_ids for row in rows]
    describe = [
        f"{name} attempts: median {round(row.median_minutes)} min against a "
        f"{round(row.median_target)} min target"
        for name, row in zip(names, rows, strict=True)
    ]
    card.show_bars(
        names,
        [
            BarGroup("Median time", [r.median_minutes for r in rows], ids, describe),
            BarGroup("Median target", [r.median_target for r in rows], ids, describe),
        ],
        value_title="minutes",
    )


def show_confidence(card: ChartCard, report: TrendsReport) -> None:
    points = report.confidence
    if not points:
        card.show_empty("Log a few sessions to see how your confidence moves from week to week.")
        return
    weeks = [Point(p.week, p.value, p.attempt_ids) for p in points]
    if len(weeks) > MOST_SCORES_ONE_BY_ONE:
        # Years of weeks drawn one by one were a solid band of zig-zags, as quiz scores were.
        line = Line("Mean confidence", _weeks_by_month(weeks), _monthly_confidence_text)
        card.show_lines([line], value_title="confidence", low=1, high=5)
        return
    line = Line(
        "Mean confidence",
        weeks,
        lambda p: f"Week of {p.at.day} {p.at:%b %Y}: mean confidence {p.value:.1f} of 5",
    )
    card.show_lines([line], value_title="confidence", low=1, high=5, weekly=True)


def _weeks_by_month(weeks: Sequence[Point]) -> list[Point]:
    """The weeks starting in each month as one point on its first day: the mean confidence of
    all their sessions (each week's mean weighed by its sessions, not week by week)."""
    months: defaultdict[date, list[Point]] = defaultdict(list)
    for week in weeks:
        months[week.at.replace(day=1)].append(week)
    return [
        Point(
            month,
            sum(w.value * len(w.attempt_ids) for w in found)
            / sum(len(w.attempt_ids) for w in found),
            tuple(i for w in found for i in w.attempt_ids),
        )
        for month, found in sorted(months.items())
    ]


def _monthly_confidence_text(point: Point) -> str:
    sessions = counted(len(point.attempt_ids), "session")
    return f"Weeks starting in {point.at:%B %Y}: {sessions}, mean confidence {point.value:.1f} of 5"


def show_struggles(card: ChartCard, report: TrendsReport, label: Label) -> None:
    weeks = report.struggles
    if not weeks.tags:
        card.show_empty(
            "No struggles with a pattern noted in this period. When a session is hard, "
            "tick the patterns you struggled with as you log it. Mistakes you tick, such as "
            "Off-by-one, count towards the weak spots above."
        )
        return
    # Weeks across a new year say which year they are in ("29 Dec 2025", "5 Jan 2026").
    years = {week.year for week in weeks.weeks}
    names = [
        f"{week.day} {week:%b %Y}" if len(years) > 1 else f"{week.day} {week:%b}"
        for week in weeks.weeks
    ]
    groups = [
        BarGroup(
            label(tag),
            [weeks.counts.get((tag, week), 0) for week in weeks.weeks],
            [weeks.attempt_ids.get((tag, week), ()) for week in weeks.weeks],
            [f"Struggled with {label(tag)} in the week of {name}" for name in names],
        )
        for tag in weeks.tags
    ]
    card.show_bars(names, groups, value_title="attempts", stacked=True)


def show_missed_steps(card: ChartCard, report: TrendsReport, label: Label) -> None:
    bars = [bar for bar in report.missed_steps if bar.value > 0]
    if not report.missed_steps:
        card.show_empty(
            "No design sessions in this period. Practise a system-design item or routine; "
            "the steps you leave out show here."
        )
        return
    if not bars:
        card.show_empty("Every design session in this period covered every step.")
        return
    bars.reverse()  # a horizontal chart draws its first category at the bottom
    names = [label(bar.category) for bar in bars]
    group = BarGroup(
        "Share of design sessions that missed it",
        [bar.value for bar in bars],
        [bar.attempt_ids for bar in bars],
        [
            f"Design sessions that missed {name} ({round(bar.value)}%)"
            for name, bar in zip(names, bars, strict=True)
        ],
    )
    card.show_bars(
        names, [group], value_title="% of design sessions", horizontal=True, max_value=100
    )


def show_scores(card: ChartCard, report: TrendsReport, mock_scores: Sequence[ScorePoint]) -> None:
    quizzes = [Point(p.at, p.percent, (p.ref_id,)) for p in report.quiz_scores]
    mocks = [Point(p.at, p.percent, (), (p.ref_id,)) for p in mock_scores]
    # Years of scores drawn one by one were a solid band of zig-zags: past a few months'
    # worth, each month is drawn as its mean, and a click lists the month's sessions.
    monthly = max(len(quizzes), len(mocks)) > MOST_SCORES_ONE_BY_ONE
    lines = []
    if quizzes and monthly:
        lines.append(Line("Quizzes", _monthly(quizzes), _monthly_quiz_text))
    elif quizzes:
        quiz_titles = {p.ref_id: p.title for p in report.quiz_scores}
        lines.append(Line("Quizzes", quizzes, lambda p: _quiz_text(p, quiz_titles)))
    if mocks and monthly:
        lines.append(Line("Mock interviews", _monthly(mocks), _monthly_mock_text))
    elif mocks:
        mock_titles = {p.ref_id: p.title for p in mock_scores}
        lines.append(Line("Mock interviews", mocks, lambda p: _mock_text(p, mock_titles)))
    if not lines:
        card.show_empty(
            "No quiz or mock-interview scores in this period. Quizzes are items on your "
            "learning path, such as “System Design questions” in System Design basics."
        )
        return
    title = "score %" if mock_scores else "% right"
    card.show_lines(lines, value_title=title, low=0, high=100)


def _monthly(points: Sequence[Point]) -> list[Point]:
    """Each month's mean score, placed on its first day (in local time, as the user lives it)."""
    months: defaultdict[date, list[Point]] = defaultdict(list)
    for point in points:
        day = local_time(point.at).date() if isinstance(point.at, datetime) else point.at
        months[day.replace(day=1)].append(point)
    return [
        Point(
            month,
            mean(point.value for point in found),
            tuple(i for point in found for i in point.attempt_ids),
            tuple(i for point in found for i in point.mock_ids),
        )
        for month, found in sorted(months.items())
    ]


def _monthly_quiz_text(point: Point) -> str:
    taken = len(point.attempt_ids)
    quizzes = "1 quiz" if taken == 1 else f"{taken} quizzes"
    return f"{point.at:%B %Y}: {quizzes}, {round(point.value)}% right on average"


def _monthly_mock_text(point: Point) -> str:
    mocks = counted(len(point.mock_ids), "mock interview")
    return f"{point.at:%B %Y}: {mocks}, scored {round(point.value)}% on average"


def _quiz_text(point: Point, titles: Mapping[int, str]) -> str:
    title = titles.get(point.attempt_ids[0], "Quiz")
    return f"{title}, {_short(point.at)}: {round(point.value)}% right"


def _mock_text(point: Point, titles: Mapping[int, str]) -> str:
    title = titles.get(point.mock_ids[0], "Mock interview")
    return f"{title}, {_short(point.at)}: scored {round(point.value)}%"


def _short(moment: date | datetime) -> str:
    return short_date(moment) if isinstance(moment, datetime) else f"{moment.day} {moment:%b %Y}"
