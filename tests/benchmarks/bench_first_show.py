"""First show of each page on the ten-year profile: the click that opens a page the first time.

    .venv/bin/python -m tests.benchmarks.bench_first_show [--runs N] [--pages NAME ...]
        [--json FILE]

It builds the ten-year profile (tests/benchmarks/ten_year_profile.py) in a temporary folder.
Each run is a fresh Python process, as a user's session is, so the page's first show pays
what only a first show pays (importing the page's code, Qt and PySide meeting its widgets
for the first time). For each page (Learning path, Stories, Trends, Plan, Journal, Practice
log) the process opens the profile and a main window at 1280x800 (`build_main_window`, on
the Practice log, or on the Learning path when the Practice log is timed), lets it settle,
chooses the page as a click in the sidebar does, and times:

- first show: from the choice until the window is painted with the page (the event loop
  turned once, the window rendered with QWidget.grab): the window cannot answer meanwhile;
- longest UI-thread spell: the longest the event loop stayed awake in one go from the choice
  until the window has been quiet for a while (what a worker hands back, deferred layout
  passes, a second paint), the first show's turn included.

Floor, in a fresh process too, interleaved with the app's runs: the least a page with a
list costs: a bare QWidget holding a QListWidget of 60 two-line rows, built, shown at a
page's size and painted once.

Both processes import the database layer and PySide6 and make their QApplication before
the clock starts, and the app's process freezes what its start made out of the cycle
collector's way, as a start does. Figures are medians; ratios are median(app) /
median(floor). Target (the app's standard): no UI-thread work over 100 ms. A measurement,
not a test: the exit code is 0 whether or not the target is met, and 1 only if something
it runs fails.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.benchmarks import page_timing as timing

SPELL_TARGET_MS = 100.0
QUIET_MS = 300  # the window counts as settled after this long without UI-thread work
SETTLE_LIMIT_S = 10.0
WINDOW_SIZE = (1280, 800)
AFTER_START_S = 3.0  # the click comes this long after the window is up
PAGES = ("path", "stories", "trends", "plan", "journal", "practice")
LABELS = {
    "path": "Learning path",
    "stories": "Stories",
    "trends": "Trends",
    "plan": "Plan",
    "journal": "Journal",
    "practice": "Practice log",
}
FLOOR = "floor"


def _settle(app: Any, what: str) -> None:
    """Turn the event loop, as an idle window would, until nothing has happened for a while."""
    from PySide6.QtCore import QEventLoop

    quiet_since = time.perf_counter()
    deadline = quiet_since + SETTLE_LIMIT_S
    while time.perf_counter() - quiet_since < QUIET_MS / 1000:
        if time.perf_counter() > deadline:
            raise RuntimeError(f"the {what} never settled")
        turn = time.perf_counter()
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if time.perf_counter() - turn > 0.002:  # it did something: not quiet yet
            quiet_since = time.perf_counter()
        time.sleep(0.002)  # an idle loop sleeps; a worker needs the interpreter


def _floor() -> dict[str, float]:
    import desktop.store.database  # noqa: F401  (the database layer, as the app's process)

    app = timing.application()
    from PySide6.QtWidgets import QListWidget, QVBoxLayout, QWidget

    _settle(app, "floor")
    began = time.perf_counter()
    page = QWidget()
    layout = QVBoxLayout(page)
    rows = QListWidget()
    rows.addItems([f"Story {n}: a title\n3 themes · about 2 min spoken" for n in range(60)])
    layout.addWidget(rows)
    return {"floor": timing.painted_after(page, began)}


def _first_show(name: str, data_dir: Path, now: datetime) -> dict[str, float]:
    """In this (fresh) process: a window on the profile, then the first show of `name`."""
    from desktop.app import show_main_window
    from desktop.folders import ProfileFolder
    from desktop.profile import open_profile

    profile = open_profile(ProfileFolder(data_dir), clock=lambda: now, thorough=False)
    app = timing.application()
    opened_on = "path" if name == "practice" else "practice"
    scratch = Path(tempfile.mkdtemp(prefix="loopwise-first-show-"))  # UI state: none yet
    context, _settings = timing.page_context(profile, scratch, now, {"window/page": opened_on})
    window = show_main_window(context, offer_recovery=False)
    window.resize(*WINDOW_SIZE)
    gc.collect()  # as a start does once its window is built (app.settle_start_up_objects)
    gc.freeze()
    # The user looks around before the click: what the start does once the window is up
    # (the whole-file check, the pages' code) is done by then.
    shown = time.perf_counter()
    while time.perf_counter() - shown < AFTER_START_S or not context.workers.wait_until_idle(0):
        _settle(app, "window")
    spells = timing.AwakeSpells()
    began = time.perf_counter()
    window.show_page(name)  # builds the page, as a click on it in the sidebar does
    app.processEvents()
    window.grab()
    first_show = time.perf_counter() - began
    spells.note(first_show)
    _settle(app, f"{LABELS[name]} page")
    times = {"first show": first_show, "longest UI-thread spell": spells.stop()}
    window.close()
    context.workers.shut_down()
    profile.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return times


def _child(argv: Sequence[str]) -> int:
    """`--child NAME DATA_DIR NOW`: one measurement, printed as JSON."""
    name, data_dir, now = argv
    timing.offscreen()
    if name == FLOOR:
        times = _floor()
    else:
        times = _first_show(name, Path(data_dir), datetime.fromisoformat(now))
    print(json.dumps(times))
    return 0


def _run_child(name: str, data_dir: Path, now: datetime) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.bench_first_show", "--child", name,
         str(data_dir), now.isoformat()],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"{name}: {done.stderr.strip()[-2000:]}")
    times: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return times


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = timing.argument_parser(
        "bench_first_show",
        "Time each page's first show on the ten-year profile against a floor.",
        runs=5,
    )
    parser.add_argument("--pages", nargs="+", choices=PAGES, default=list(PAGES))
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["--child"]:
        return _child(arguments[1:])
    args = _parse_args(arguments)

    def measure(scratch: Path, now: datetime) -> tuple[list[float], dict[str, list[float]]]:
        from tests.benchmarks.ten_year_profile import build_ten_year_profile

        data_dir = scratch / "profile"
        timing.built("the ten-year profile", lambda: build_ten_year_profile(data_dir, now)).close()
        floors: list[float] = []
        steps: dict[str, list[float]] = {}
        for run in range(args.runs + 1):  # the first is a warm-up: bytecode caches written
            for name in args.pages:
                floor = _run_child(FLOOR, data_dir, now)["floor"]
                times = _run_child(name, data_dir, now)
                if run == 0:
                    continue
                floors.append(floor)
                for step, seconds in times.items():
                    steps.setdefault(f"{LABELS[name]}, {step}", []).append(seconds)
        return floors, steps

    result = timing.measured("loopwise-bench-first-show-", measure)
    if result is None:
        return 1
    floors, steps = result
    floor_ms = timing.median_ms(floors)
    print(f"first show of each page in a fresh process, ten-year profile, {args.runs} runs each")
    print(f"   median floor {' ' * 40} {floor_ms:7.1f} ms   (bare list of 60 rows painted)")
    targets: dict[str, float] = {}
    for name in args.pages:
        targets[f"{LABELS[name]}, first show"] = SPELL_TARGET_MS
        targets[f"{LABELS[name]}, longest UI-thread spell"] = SPELL_TARGET_MS
    figures: dict[str, Any] = {"floor_median_ms": floor_ms}
    figures.update(timing.report_steps(steps, floor_ms, targets, width=40))
    if args.json:
        timing.write_figures(args.json, figures, "first-show", runs=args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
