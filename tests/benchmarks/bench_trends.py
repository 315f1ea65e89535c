"""Trends benchmark: opening the trends page on a 20,000-attempt profile.

Run from the repository root (it is not collected by pytest):

    .venv/bin/python -m tests.benchmarks.bench_trends [--attempts N] [--runs N] [--json FILE]

It builds a profile in a temporary folder through open_profile (the real migrated database) and
writes about ten years of simulated practice into it (20,000 attempts by default, with their
tags) and a mock interview every two weeks, then times, alternating floor and app runs:

- App: opening the trends page, as when the user first clicks it: build the TrendsPage, read
  and compute everything (calendar year, streaks, charts, mock interviews of the period, weak
  spots), show it at 1090x780 and paint it with its figures. Measured for the default period
  (last 90 days) and for "Everything", both read on a worker thread on this profile: the time
  until the figures are painted ("first show"), until the weak spots are too (weighed on a
  worker once the figures are painted), and the longest spell of UI-thread work meanwhile
  (the event loop awake in one go, or a step the benchmark drives itself). It waits as an
  idle window does, in the event loop until the page says its figures are shown.
- Floor, reading: the raw SQLite read of the calendar year's attempts and their tags with the
  sqlite3 module (no parsing), the least any trends page must read.
- Floor, painting: a bare QChartView with one 52-point line series, built, shown and painted.
- Memory: the resident set before the page, with "Everything" on show, and once the page is
  hidden (it lets a long period's records go when left).

Figures are medians; ratios are median(app) / median(floor read + floor paint). Targets: the
page's first show in at most 150 ms, no UI-thread spell over 100 ms. It is a measurement, not
a test: the exit code is 0 whether or not the target is met, and 1 only if something it runs
fails.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.domain.practice import Attempt
from desktop.domain.simulated_learner import Learner, Vocabulary, simulate
from desktop.domain.taxonomy import TagKind
from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from tests.benchmarks import page_timing as timing
from tests.clocks import StepClock

DEFAULT_ATTEMPTS = 20_000
DEFAULT_RUNS = 15
# floors, the app's runs by range, memory, and the floor's read alone
Measured = tuple[list[float], dict[str, list[float]], dict[str, float], list[float]]
TARGET_MS = 150.0  # first show of the default period
SPELL_TARGET_MS = 100.0  # no UI-thread work longer than this in one go
SEED = 20261122
MOCK_EVERY_DAYS = 14
RANGES = {"last 90 days": 1, "everything": 4}  # the range list's entries timed
# Design sessions carry the most tags (the steps covered): this share gives about 67,000
# tags for 20,000 attempts, as issue 14's ten years of use have.
DESIGN_SHARE = 0.275

INSERT_ATTEMPT = (
    "INSERT INTO practice_session (id, started_at, active_seconds, outcome, confidence, title, "
    "path_id, item_id, routine_id, kind, difficulty, target_minutes, quiz_correct, quiz_total, "
    "logged_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?, ?, NULL)"
)
INSERT_TAG = "INSERT INTO session_tag (session_id, role, tag) VALUES (?, ?, ?)"
FLOOR_SQL = (
    "SELECT * FROM practice_session WHERE started_at >= ? AND deleted_at IS NULL",
    "SELECT session_tag.* FROM session_tag JOIN practice_session ON id = session_id "
    "WHERE started_at >= ? AND deleted_at IS NULL",
)


def build_profile(data_dir: Path, attempts: int, now: datetime) -> Profile:
    """Ten years of practice up to the day before `now` (UTC days): a learner with a few
    weak spots over time, `attempts` attempts with about 3.35 tags each."""
    profile = open_profile(ProfileFolder(data_dir), clock=StepClock())
    taxonomy = profile.taxonomy
    vocabulary = Vocabulary(
        tuple(entry.id for entry in taxonomy.of_kind(TagKind.PATTERN)),
        tuple(entry.id for entry in taxonomy.of_kind(TagKind.MISTAKE)),
        tuple(entry.id for entry in taxonomy.design_steps),
    )
    days = 3650
    per_week = attempts * 7 / days
    learner = Learner(
        weak=("dynamic-programming", "capacity-estimation", "edge-cases"),
        # A few more than asked for, thinned evenly below: cutting the list at `attempts`
        # left the last weeks empty (about two months on the ten-year profile).
        sessions_per_week=(round(per_week * 0.8), round(per_week * 1.4)),
        focus=10,
        design_share=DESIGN_SHARE,
    )
    # Midnight UTC `days` days ago: the last simulated day is the day before `now`.
    first = now.astimezone(UTC).date() - timedelta(days=days)
    start = datetime(first.year, first.month, first.day)
    simulated = _thinned(simulate(learner, vocabulary, start=start, days=days, seed=SEED), attempts)
    paths = ("backend-senior", "sre-devops", None)
    rows, tags = [], []
    for number, a in enumerate(simulated, start=1):
        stamp = a.started_at.isoformat(sep=" ", timespec="microseconds")
        rows.append((
            number, stamp, a.active_seconds, a.outcome.value, a.confidence, a.subject.title,
            paths[number % 3], a.subject.kind, a.subject.difficulty, a.subject.target_minutes,
            a.quiz_correct, a.quiz_total, stamp,
        ))  # fmt: skip
        tags += [(number, "pattern", tag) for tag in a.patterns]
        tags += [(number, "struggle", tag) for tag in a.struggles]
        tags += [(number, "step_covered", tag) for tag in a.steps_covered]
    connection = sqlite3.connect(profile.folder.database)
    with connection:
        connection.executemany(INSERT_ATTEMPT, rows)
        connection.executemany(INSERT_TAG, tags)
    connection.close()
    _log_mocks(profile, now, days)
    return profile


def _thinned(attempts: list[Attempt], keep: int) -> list[Attempt]:
    """`keep` of the attempts, in order, the ones left out spread evenly over the years."""
    extra = len(attempts) - keep
    if extra <= 0:
        return attempts
    dropped = set(random.Random(SEED).sample(range(len(attempts)), extra))
    return [attempt for at, attempt in enumerate(attempts) if at not in dropped]


def _log_mocks(profile: Profile, now: datetime, days: int) -> None:
    """A mock interview every two weeks, each exposing one or two of the learner's weak spots."""
    from desktop.domain.mocks import RUBRIC, MockInterview, MockKind
    from desktop.store import mocks as mocks_store
    from desktop.store.database import session_scope

    kinds = (MockKind.CODING, MockKind.SYSTEM_DESIGN, MockKind.MIXED)
    exposed = (("dynamic-programming",), ("capacity-estimation", "edge-cases"), ("edge-cases",))
    with session_scope(profile.engine) as session:
        for number in range(days // MOCK_EVERY_DAYS):
            kind = kinds[number % 3]
            scores = {key: 1 + (number + n) % 4 for n, (key, _label) in enumerate(RUBRIC[kind])}
            mock = MockInterview(
                held_at=now - timedelta(days=days - number * MOCK_EVERY_DAYS),
                kind=kind,
                scores=scores,
                exposed=exposed[number % 3],
            )
            mocks_store.log_mock(session=session, mock=mock, now=now)


def _open_page(
    profile: Profile, scratch: Path, now: datetime, range_index: int
) -> dict[str, float]:
    """Open the page on a period as a click on Trends does; the seconds until its figures are
    painted, until its weak spots are too, and the longest spell of UI-thread work meanwhile.
    The waiting turns the event loop as an idle window does (it sleeps until something comes),
    not by polling, which would take the interpreter's lock from the worker every few ms."""
    from PySide6.QtCore import QEventLoop

    from desktop.ui.trends.page import TrendsPage

    context, settings = timing.page_context(profile, scratch, now, {"trends/range": range_index})
    loop = QEventLoop()
    shown: list[bool] = []  # what each `shown` signal said: True once the weak spots are in

    def on_shown(complete: bool) -> None:
        shown.append(complete)
        loop.quit()

    spells = timing.AwakeSpells()
    began = time.perf_counter()
    page = TrendsPage(context)
    page.shown.connect(on_shown)
    page.restore_state(settings)
    page.resize(*timing.PAGE_SIZE)
    page.show()
    spells.note(time.perf_counter() - began)  # the click's own turn: build, count, start a read
    times: dict[str, float] = {}
    while not shown or not shown[-1]:
        if not shown or "first show" in times:
            _run_until_quit(loop)
            continue
        painting = time.perf_counter()
        page.repaint()  # the figures, painted (the weak spots are weighed after this)
        spells.note(time.perf_counter() - painting)
        times["first show"] = time.perf_counter() - began
    painting = time.perf_counter()
    page.repaint()
    spells.note(time.perf_counter() - painting)
    times["weak spots on show"] = time.perf_counter() - began
    times.setdefault("first show", times["weak spots on show"])  # shown in one go
    times["longest UI-thread spell"] = spells.stop()
    page.close()
    page.deleteLater()
    return times


def _run_until_quit(loop: Any) -> None:
    """Turn the event loop until the page quits it, for 30 s at most."""
    from PySide6.QtCore import QTimer

    timed_out: list[bool] = []
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: (timed_out.append(True), loop.quit()))
    guard.start(30_000)
    loop.exec()
    guard.stop()
    if timed_out:
        raise RuntimeError("the trends page never showed its figures")


def _memory(profile: Profile, scratch: Path, now: datetime, app: Any) -> dict[str, float]:
    """The resident set before the page, with "Everything" on show, and once it is left, and
    the memory blocks Python holds for objects then (in thousands): what is let go returns
    to Python's allocator for reuse, seldom to the system, so the resident set hardly drops."""
    from desktop.ui.trends.page import TrendsPage
    from desktop.ui.widgets.waiting import wait_until

    context, settings = timing.page_context(
        profile, scratch, now, {"trends/range": RANGES["everything"]}
    )
    figures: dict[str, float] = {}

    def note(moment: str) -> None:
        figures[f"{moment}, MiB"] = timing.rss_mib()  # collects garbage first
        figures[f"{moment}, k blocks"] = sys.getallocatedblocks() / 1000

    note("before the page")
    page = TrendsPage(context)
    page.restore_state(settings)
    page.resize(*timing.PAGE_SIZE)
    page.show()
    if not wait_until(lambda: page.reads_shown > 0, timeout_seconds=30):
        raise RuntimeError("the trends page never showed its figures")
    note("everything on show")
    page.hide()  # as when the user goes to another page
    timing.drain(app)
    note("page left (hidden)")
    page.close()
    page.deleteLater()
    timing.drain(app)
    return figures


def _floor_read(database: Path, since: datetime) -> float:
    began = time.perf_counter()
    stamp = since.isoformat(sep=" ")
    timing.read_raw(database, [(sql, (stamp,)) for sql in FLOOR_SQL])
    return time.perf_counter() - began


def _floor_paint() -> float:
    from PySide6.QtCharts import QChart, QChartView, QLineSeries

    began = time.perf_counter()
    series = QLineSeries()
    for week in range(52):
        series.append(float(week), float(week % 5))
    chart = QChart()
    chart.addSeries(series)
    chart.createDefaultAxes()
    return timing.painted_after(QChartView(chart), began, paint=lambda view: view.repaint())


def _targets() -> dict[str, float]:
    """Each figure reported, with its target in ms (0: none)."""
    targets: dict[str, float] = {}
    for name in RANGES:
        targets[f"{name}, first show"] = TARGET_MS if name == "last 90 days" else 0.0
        targets[f"{name}, weak spots on show"] = 0.0
        targets[f"{name}, longest UI-thread spell"] = SPELL_TARGET_MS
    return targets


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = timing.argument_parser(
        "bench_trends",
        "Time opening the trends page on a large profile against its floors.",
        runs=DEFAULT_RUNS,
    )
    parser.add_argument("--attempts", type=int, default=DEFAULT_ATTEMPTS)
    args = parser.parse_args(argv)
    if args.attempts < 1000:
        parser.error("--attempts must be at least 1,000")
    return args


def _measure(args: argparse.Namespace, scratch: Path, now: datetime) -> Measured:
    profile = timing.built(
        f"a profile of {args.attempts:,d} attempts",
        lambda: build_profile(scratch / "profile", args.attempts, now),
    )
    app = timing.application()
    year_ago = (now - timedelta(days=371)).replace(tzinfo=None)
    # First, before the timed runs leave the process at its peak.
    memory = _memory(profile, scratch, now, app)

    def floor() -> float:
        return _floor_read(profile.folder.database, year_ago) + _floor_paint()

    def both_ranges() -> dict[str, float]:
        timings: dict[str, float] = {}
        for name, range_index in RANGES.items():
            for step, seconds in _open_page(profile, scratch, now, range_index).items():
                timings[f"{name}, {step}"] = seconds
            timing.drain(app)
        return timings

    floors, timings = timing.interleaved(app, args.runs, floor, both_ranges)
    read_only = [_floor_read(profile.folder.database, year_ago) for _ in range(args.runs)]
    profile.close()
    return floors, timings, memory, read_only


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    result = timing.measured("loopwise-bench-", lambda scratch, now: _measure(args, scratch, now))
    if result is None:
        return 1
    floors, timings, memory, read_only = result
    floor_ms = timing.median_ms(floors)
    print(f"trends page open, {args.attempts:,d} attempts, {args.runs} runs each")
    print(
        f"   median floor        {floor_ms:7.1f} ms   (raw SQLite read of a year "
        f"{timing.median_ms(read_only):.1f} ms + bare QChartView painted once)"
    )
    figures: dict[str, Any] = {"floor_median_ms": floor_ms}
    figures.update(timing.report_steps(timings, floor_ms, _targets(), width=40))
    print("   memory (resident set, and Python's allocated blocks)")
    for name, amount in memory.items():
        print(f"      {name:40s} {amount:9.1f}")
    figures["memory_mib"] = memory
    if args.json:
        timing.write_figures(
            args.json, figures, "trends-page-open", attempts=args.attempts, runs=args.runs
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
