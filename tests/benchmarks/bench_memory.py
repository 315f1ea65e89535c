"""Memory benchmark: the app's peak memory on ten years of data after every page and period.

Run from the repository root (it is not collected by pytest):

    .venv/bin/python -m tests.benchmarks.bench_memory [--runs N] [--json FILE]

It builds the ten-year profile (tests/benchmarks/ten_year_profile.py) in a temporary folder,
then alternates floor and app runs, each a process of its own with `QT_QPA_PLATFORM=offscreen`,
which reports its own resident set from /proc/self/status (Linux):

- Floor: the start-up benchmark's floor, a script that imports `sqlmodel` and
  `PySide6.QtWidgets`, shows a bare 1280x800 `QMainWindow` and notes its peak resident set
  (VmHWM) once the window has painted.
- App: `loopwise --data-dir PROFILE` as a user starts it (the real start-up, through
  `desktop.cli.main`), at 1280x800. Once the window is up it notes its resident set, then
  shows every page as a user coming back to it would see it (the screenshots' tour: the
  newest journal entry, the story most in need of rehearsal, the Plan's week with its
  suggestions), then every period of the Practice log (scrolled to its last row) and of
  Trends (each until its figures and weak spots are in), and notes its peak (VmHWM). Then it
  goes back to the Learning path, a small view, and notes what it holds (VmRSS, after a
  garbage collection): the difference from the peak is what was given back.

Figures are medians; the ratio is median(app peak) / median(floor peak). Target (issue 14):
the peak within 2x the floor, and memory given back when a big view is left. It is a
measurement, not a test: the exit code is 0 whether or not the target is met, and 1 only if
something it runs fails.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tests.benchmarks import page_timing as timing
from tests.benchmarks.bench_startup import child_environment

DEFAULT_RUNS = 5
TARGET = 2.0
STATUS = '''
def status():
    """VmRSS and VmHWM (the peak) of this process, in MiB."""
    fields = {}
    with open("/proc/self/status", encoding="ascii") as lines:
        for line in lines:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                fields[name] = int(value.split()[0]) / 1024
    return fields
'''

FLOOR_SCRIPT = (
    '''"""Floor: a bare PySide6 window in a process that imports SQLModel; its peak memory."""

import json
import sys

import sqlmodel  # noqa: F401  (the app pays for this import too)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
'''
    + STATUS
    + """

class NoteOnPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, done)
        return False


def done():
    print(json.dumps(status()))
    app.quit()


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 800)
noter = NoteOnPaint(window)
window.installEventFilter(noter)
window.show()
sys.exit(app.exec())
"""
)

APP_SCRIPT = (
    '''"""App: loopwise as a user starts it, every page and period shown; its memory."""

import gc
import json
import sys

import desktop.app as app_module
'''
    + STATUS
    + """

def tour():
    from PySide6.QtWidgets import QApplication

    from desktop.screenshots import settle, show_each_page
    from desktop.ui.main_window import MainWindow
    from desktop.ui.page_info import PATH, PRACTICE, TRENDS
    from desktop.ui.periods import PERIODS
    from desktop.ui.widgets.waiting import wait_until

    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    window.resize(1280, 800)
    settle()
    noted = {"started": status()["VmRSS"]}
    for _page in show_each_page(window):
        pass
    log = window.open_page(PRACTICE.key, object)
    for index in range(len(PERIODS)):
        log.range.setCurrentIndex(index)
        settle()
        log.table.scrollToBottom()
        settle()
    trends = window.open_page(TRENDS.key, object)
    for index in range(len(PERIODS)):
        before = trends.reads_shown
        if trends.range.currentIndex() != index:  # else on show since the page's tour
            trends.range.setCurrentIndex(index)
            if not wait_until(lambda: trends.reads_shown > before, timeout_seconds=60):
                raise RuntimeError("Trends never showed a period")
        settle()
    gc.collect()
    noted["peak"] = status()["VmHWM"]
    noted["on show, Trends everything"] = status()["VmRSS"]
    window.show_page(PATH.key)
    settle()
    gc.collect()
    settle()
    noted["back on the Learning path"] = status()["VmRSS"]
    print("MEMORY " + json.dumps(noted), flush=True)
    QApplication.quit()


def tour_or_fail():
    try:
        tour()
    except BaseException as error:  # the benchmark reads the failure from the exit code
        print(f"tour failed: {error!r}", file=sys.stderr)
        sys.exit(1)


settled = app_module.settle_start_up_objects


def settle_then_tour():
    from PySide6.QtCore import QTimer

    settled()
    QTimer.singleShot(0, tour_or_fail)


app_module.settle_start_up_objects = settle_then_tour

from desktop.cli import main  # noqa: E402  (after the hook: the window starts the tour)

sys.exit(main(sys.argv[1:]))
"""
)


def _child(command: list[str], env: dict[str, str], marker: str = "") -> dict[str, float]:
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} … failed: {result.stderr[-2000:]}")
    lines = [line for line in result.stdout.splitlines() if line.startswith(marker)]
    if not lines:
        raise RuntimeError(f"{' '.join(command[:4])} … printed no figures")
    return dict(json.loads(lines[-1].removeprefix(marker)))


def _load() -> str:
    try:
        return ", ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def _measure(runs: int, scratch: Path) -> tuple[list[float], list[dict[str, float]]]:
    from desktop.folders import ProfileFolder
    from tests.benchmarks.ten_year_profile import build_ten_year_profile

    now = datetime.now(UTC).replace(microsecond=0)
    profile_dir = scratch / "profile"
    timing.built("the ten-year profile", lambda: build_ten_year_profile(profile_dir, now).close())
    floor_script, app_script = scratch / "floor.py", scratch / "app.py"
    floor_script.write_text(FLOOR_SCRIPT, encoding="utf-8")
    app_script.write_text(APP_SCRIPT, encoding="utf-8")
    env = child_environment()
    floor = [sys.executable, str(floor_script)]
    app = [sys.executable, str(app_script), "--data-dir", str(profile_dir)]
    # Each app run starts as a new user's would: the window saves what it showed (Trends on
    # "Everything") when it closes, and the next run would open on that.
    ui_state = ProfileFolder(profile_dir).ui_state_file
    _child(floor, env)  # warm-up: bytecode caches and the disk cache
    ui_state.unlink(missing_ok=True)
    _child(app, env, "MEMORY ")
    floors: list[float] = []
    apps: list[dict[str, float]] = []
    for run in range(1, runs + 1):
        began = time.perf_counter()
        floors.append(_child(floor, env)["VmHWM"])
        ui_state.unlink(missing_ok=True)
        apps.append(_child(app, env, "MEMORY "))
        took = time.perf_counter() - began
        print(
            f"run {run:2d}/{runs}: floor {floors[-1]:6.1f} MiB, app peak {apps[-1]['peak']:6.1f} "
            f"MiB, back on a small view {apps[-1]['back on the Learning path']:6.1f} MiB "
            f"({took:.0f} s, load {_load()})",
            flush=True,
        )
    return floors, apps


def main(argv: Sequence[str] | None = None) -> int:
    args = timing.argument_parser(
        "bench_memory",
        "Peak memory after every page and period on ten years of data, against a floor.",
        runs=DEFAULT_RUNS,
        min_runs=3,
    ).parse_args(argv)
    if not Path("/proc/self/status").exists():
        print("bench_memory reads /proc/self/status: it runs on Linux only", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="loopwise-bench-memory-") as scratch:
        try:
            floors, apps = _measure(args.runs, Path(scratch))
        except Exception as error:
            print(f"benchmark aborted: {error!r}", file=sys.stderr)
            return 1
    floor = statistics.median(floors)
    app = {name: statistics.median(run[name] for run in apps) for name in apps[0]}
    ratio = app["peak"] / floor
    given_back = app["peak"] - app["back on the Learning path"]
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(f"\nmemory on ten years of data, {args.runs} runs each (medians), load {_load()}")
    print(f"   floor (bare window + SQLModel), peak     {floor:7.1f} MiB")
    for name, mib in app.items():
        print(f"   app, {name:36s} {mib:7.1f} MiB")
    print(
        f"   ratio, app peak / floor peak             {ratio:7.2f} x   "
        f"target <= {TARGET}x: {verdict}"
    )
    print(f"   given back once on a small view          {given_back:7.1f} MiB")
    if args.json:
        figures: dict[str, Any] = {
            "floor_peak_mib": floor,
            "app_mib": app,
            "ratio": ratio,
            "given_back_mib": given_back,
            "floor_runs_mib": floors,
            "app_runs_mib": apps,
        }
        timing.write_figures(args.json, figures, "memory-every-page", runs=args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
