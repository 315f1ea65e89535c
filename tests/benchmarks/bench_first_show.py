"""First show of each page on the ten-year profile: the click that opens a page the first time.

    .venv/bin/python -m tests.benchmarks.bench_first_show [--runs N] [--pages NAME ...]
        [--json FILE]

It builds the ten-year profile (tests/benchmarks/ten_year_profile.py) in a temporary folder,
then, floor and app runs interleaved, for each page (Learning path, Stories, Trends, Plan,
Journal, Practice log) builds the page's waiting shell as the window does (a `LazyPage`, or
the Learning path's `PathPageShell`), with nothing remembered, and times:

- first show: from the shell being shown (the click) until the page is painted (the event
  loop turned once, the page rendered with QWidget.grab): the window cannot answer meanwhile;
- longest UI-thread spell: the longest the event loop stayed awake in one go from the click
  until the page has been quiet for a while (what a worker hands back, deferred layout
  passes, a second paint), the first show's turn included.

Floor: the least a page with a list costs: a bare QWidget holding a QListWidget of 60
two-line rows, built, shown at the page's size and painted once.

Module imports are not timed: every page is built once before the timed runs (the first
open in a real window also imports the page's code, once). Figures are medians; ratios are
median(app) / median(floor). Target (the app's standard): no UI-thread work over 100 ms.
A measurement, not a test: the exit code is 0 whether or not the target is met, and 1 only
if something it runs fails.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.benchmarks import page_timing as timing

SPELL_TARGET_MS = 100.0
QUIET_MS = 300  # the page counts as settled after this long without UI-thread work
SETTLE_LIMIT_S = 10.0
PAGES = ("path", "stories", "trends", "plan", "journal", "practice")
LABELS = {
    "path": "Learning path",
    "stories": "Stories",
    "trends": "Trends",
    "plan": "Plan",
    "journal": "Journal",
    "practice": "Practice log",
}


def _shell(name: str, context: Any) -> Any:
    """The page's waiting shell, as `desktop.ui.pages.build_pages` makes it."""
    from desktop.ui import page_info, pages
    from desktop.ui.lazy_page import LazyPage
    from desktop.ui.path.shell import PathPageShell

    if name == "path":
        return PathPageShell(context)
    info, build = {
        "stories": (page_info.STORIES, pages._stories),
        "trends": (page_info.TRENDS, pages._trends),
        "plan": (page_info.PLAN, pages._plan),
        "journal": (page_info.JOURNAL, pages._journal),
        "practice": (page_info.PRACTICE, pages._practice_log),
    }[name]
    return LazyPage(info, lambda: build(context))


def _floor() -> float:
    from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWidget

    began = time.perf_counter()
    page = QWidget()
    layout = QVBoxLayout(page)
    rows = QListWidget()
    rows.addItems([f"Story {n}: a title\n3 themes · about 2 min spoken" for n in range(60)])
    layout.addWidget(rows)
    return timing.painted_after(page, began)


def _first_show(app: Any, context: Any, name: str) -> dict[str, float]:
    from PySide6.QtCore import QEventLoop

    spells = timing.AwakeSpells()
    shell = _shell(name, context)
    shell.restore_state(context.settings)
    shell.resize(*timing.PAGE_SIZE)
    began = time.perf_counter()
    shell.show()  # builds the page, as a click on it in the sidebar does
    app.processEvents()
    shell.grab()
    first_show = time.perf_counter() - began
    spells.note(first_show)
    quiet_since = time.perf_counter()
    deadline = quiet_since + SETTLE_LIMIT_S
    while time.perf_counter() - quiet_since < QUIET_MS / 1000:
        if time.perf_counter() > deadline:
            raise RuntimeError(f"the {LABELS[name]} page never settled")
        turn = time.perf_counter()
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() - turn > 0.002:  # it did something: not quiet yet
            quiet_since = time.perf_counter()
        time.sleep(0.002)  # an idle loop sleeps; a worker needs the interpreter
    times = {"first show": first_show, "longest UI-thread spell": spells.stop()}
    shell.close()
    shell.deleteLater()
    timing.drain(app)
    return times


def main(argv: Sequence[str] | None = None) -> int:
    parser = timing.argument_parser(
        "bench_first_show",
        "Time each page's first show on the ten-year profile against a floor.",
        runs=7,
    )
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES))
    args = parser.parse_args(argv)

    def measure(scratch: Path, now: datetime) -> tuple[list[float], dict[str, list[float]]]:
        from tests.benchmarks.ten_year_profile import build_ten_year_profile

        profile = timing.built(
            "the ten-year profile", lambda: build_ten_year_profile(scratch / "profile", now)
        )
        app = timing.application()
        context, _settings = timing.page_context(profile, scratch, now)

        def pages() -> dict[str, float]:
            figures: dict[str, float] = {}
            for name in args.pages:
                for step, seconds in _first_show(app, context, name).items():
                    figures[f"{LABELS[name]}, {step}"] = seconds
            return figures

        result = timing.interleaved(app, args.runs, _floor, pages)
        context.workers.shut_down()
        profile.close()
        return result

    result = timing.measured("loopwise-bench-first-show-", measure)
    if result is None:
        return 1
    floors, steps = result
    floor_ms = timing.median_ms(floors)
    print(f"first show of each page, ten-year profile, {args.runs} runs each")
    print(f"   median floor {' ' * 40} {floor_ms:7.1f} ms   (bare list of 60 rows painted)")
    targets: dict[str, float] = {}
    for name in args.pages:
        targets[f"{LABELS[name]}, first show"] = SPELL_TARGET_MS
        targets[f"{LABELS[name]}, longest UI-thread spell"] = SPELL_TARGET_MS
    figures: dict[str, Any] = {"floor_median_ms": floor_ms}
    figures.update(timing.report_steps(steps, floor_ms, targets, width=40))
    print(f"   worst run: {_worst(steps)}")
    if args.json:
        timing.write_figures(args.json, figures, "first-show", runs=args.runs)
    return 0


def _worst(steps: dict[str, list[float]]) -> str:
    name, values = max(steps.items(), key=lambda item: max(item[1]))
    return f"{name} {max(values) * 1000:.1f} ms"


if __name__ == "__main__":
    raise SystemExit(main())
