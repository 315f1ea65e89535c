"""Plan benchmark: the Plan page on the ten-year profile, first show and week switches.

    .venv/bin/python -m tests.benchmarks.bench_plan [--runs N] [--json FILE]

It builds the ten-year profile (tests/benchmarks/ten_year_profile.py, fixed seed: 20,000
attempts, 4,160 plan items, 260 mock interviews, a path worked through) in a temporary
folder, then times, alternating floor and app runs:

- Floor: the least a week's view costs: the raw SQLite read of the week's plan items, its
  attempts with their tags and its mock interviews (sqlite3, no parsing), plus a bare widget
  of seven QListWidget columns holding eight items, built, shown and painted once.
- App, first show: build the PlanPage (this week), show it at 1090x780 and paint it with the
  week's plan; then, separately, until its suggestions are on show (worked out on a worker
  thread from a year of history) and the longest the event loop was kept from running
  meanwhile (how long the window would not respond).
- App, week back: "Previous week" and paint (a week that is over asks for no suggestions).
- App, week ahead: "Next week" and paint the week; then until its suggestions are on show,
  with the longest stall meanwhile.

Each step is timed until painted: the event loop is turned once and the whole page
rendered (QWidget.grab, as the floor's widgets are).
Then the resident memory before the page, after the switches and after the page is hidden.

Figures are medians; ratios are median(app) / median(floor). Targets: first show 150 ms, a
week switch 50 ms, no stall over 100 ms. A measurement, not a test: the exit code is 0
whether or not a target is met, and 1 only if something it runs fails.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, timedelta
from pathlib import Path
from typing import Any

from desktop.domain.dates import MONDAY, local_day, local_midnight, week_of
from tests.benchmarks import page_timing as timing

TARGETS_MS = {
    "first show": 150.0,
    "week back": 50.0,
    "week ahead": 50.0,
    "suggestions after first show": None,
    "suggestions after week ahead": None,
    "longest stall": 100.0,
}
FLOOR_SQL = (
    ("SELECT * FROM plan_item WHERE day >= ? AND day < ?", "days"),
    ("SELECT * FROM practice_session WHERE started_at >= ? AND started_at < ? "
     "AND deleted_at IS NULL", "moments"),
    ("SELECT session_tag.* FROM session_tag JOIN practice_session ON id = session_id "
     "WHERE started_at >= ? AND started_at < ? AND deleted_at IS NULL", "moments"),
    ("SELECT * FROM mock_interview WHERE held_at >= ? AND held_at < ?", "moments"),
)  # fmt: skip


def _floor(database: Path, week: date) -> float:
    from PySide6.QtWidgets import QHBoxLayout, QListWidget, QWidget

    began = time.perf_counter()
    days = (week.isoformat(), (week + timedelta(days=7)).isoformat())
    moments = tuple(
        local_midnight(day).astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")
        for day in (week, week + timedelta(days=7))
    )
    timing.read_raw(
        database, [(sql, days if bounds == "days" else moments) for sql, bounds in FLOOR_SQL]
    )
    grid = QWidget()
    row = QHBoxLayout(grid)
    for day in range(7):
        column = QListWidget()
        column.addItems([f"Planned item {n}\n30 min · path" for n in range(8 if day < 1 else 0)])
        row.addWidget(column)
    return timing.painted_after(grid, began)


class PlanRun(timing.PageRun):
    def __call__(self) -> dict[str, float]:
        from desktop.ui.plan.page import PlanPage

        times: dict[str, float] = {}
        page, began = self.first_show(PlanPage, times)
        stalls = [self._suggestions(page, began, times, "suggestions after first show")]

        def action(text: str) -> Callable[[], None]:
            return next(a for a in page.page_actions if a.text() == text).trigger

        switches = (("week back", action("Previous week")), ("week ahead", action("Next week")))
        for name, choice in switches:
            self.step(page, name, choice, times)
        action("Next week")()  # to next week: its suggestions too
        began = time.perf_counter()
        stalls.append(self._suggestions(page, began, times, "suggestions after week ahead"))
        times["longest stall"] = max(stalls)
        page.close()
        page.deleteLater()
        return times

    def _suggestions(self, page: Any, began: float, times: dict[str, float], name: str) -> float:
        """Wait for the page's suggestions; return the longest stall meanwhile."""
        shown = page.advice_shown
        stall = timing.wait_responsive(
            self.app, lambda: page.advice_shown > shown or not page.suggestions.busy
        )
        page.grab()
        times[name] = time.perf_counter() - began
        if page.suggestions.busy:
            raise RuntimeError("the suggestions never came")
        return stall


def _memory(run: PlanRun) -> dict[str, float]:
    figures = {"before the page": timing.rss_mib()}
    run()
    timing.drain(run.app)
    figures["after a first show and week switches, page closed"] = timing.rss_mib()
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    return timing.page_benchmark(
        argv,
        module="bench_plan",
        benchmark="plan-page",
        what="Plan page",
        floor_is="raw read of a week + seven bare lists painted",
        page_run=PlanRun,
        floor=lambda database, now: _floor(database, week_of(local_day(now), first=MONDAY)),
        memory=_memory,
        targets_ms=TARGETS_MS,
        width=28,
    )


if __name__ == "__main__":
    raise SystemExit(main())
