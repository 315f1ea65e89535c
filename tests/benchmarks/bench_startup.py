"""Start-up benchmark: the app's time to first paint as a ratio of a bare PySide6 window.

Run from the repository root (it is not collected by pytest):

    .venv/bin/python -m tests.benchmarks.bench_startup [--runs N] [--profile demo|ten-year|both]
        [--json FILE]

Both commands are timed as whole subprocesses, process start to exit, with
QT_QPA_PLATFORM=offscreen. The app is started on the demo profile and on the ten-year profile
(tests/benchmarks/ten_year_profile.py) once for each page it can remember (the remembered
page is built just after the first paint; it was built before it until 2026-12-04). Runs
alternate (floor, app, floor, app, ...) so machine noise falls on both, and each figure is
median(app) / median(floor of the same case). It is a measurement, not a test: the exit code
is 0 whether or not the targets are met, and 1 only if a subprocess fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from desktop.ui.page_info import JOURNAL, PATH, PLAN, PRACTICE, STORIES, TRENDS
from tests.benchmarks.page_timing import argument_parser, write_figures

ROOT = Path(__file__).resolve().parents[2]
DEMO_TARGET = 1.25  # issue 14
TEN_YEAR_TARGET = 1.35
MIN_RUNS = 5
REMEMBERED_PAGES = (PATH, PRACTICE, JOURNAL, STORIES, TRENDS, PLAN)

FLOOR_SCRIPT = '''\
"""Floor: the cheapest PySide6 + SQLModel process that shows a window and quits on paint."""

import sys

import sqlmodel  # noqa: F401  (the app pays for this import too)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class QuitOnPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("floor")
window.resize(1280, 800)
quitter = QuitOnPaint(window)
window.installEventFilter(quitter)
window.show()
sys.exit(app.exec())
'''


class SubprocessFailed(RuntimeError):
    pass


def child_environment() -> dict[str, str]:
    """The environment a benchmark's child processes run in: headless, no saved data folder."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("LOOPWISE_DATA_DIR", None)
    # A user's install has bytecode caches (pip writes them, and Python writes them on the
    # first run); without them every start would compile Loopwise's modules from source,
    # which the floor (one tiny script) never pays. The warm-up run writes the caches.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed(command: Sequence[str], env: dict[str, str]) -> float:
    """Wall time of one whole subprocess, in seconds."""
    start = time.perf_counter()
    result = subprocess.run(
        list(command), cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SubprocessFailed(
            f"{' '.join(command)} exited with {result.returncode}\n{result.stdout}{result.stderr}"
        )
    return elapsed


@dataclass
class Case:
    """One way of starting the app: a profile, and the page it remembers."""

    name: str
    data_dir: Path
    target: float
    floor_seconds: list[float] = field(default_factory=list)
    app_seconds: list[float] = field(default_factory=list)

    def command(self) -> list[str]:
        return [
            sys.executable,
            "-m",
            "desktop",
            "--data-dir",
            str(self.data_dir),
            "--exit-after-startup",
        ]

    @property
    def ratio(self) -> float:
        return statistics.median(self.app_seconds) / statistics.median(self.floor_seconds)

    @property
    def verdict(self) -> str:
        return "met" if self.ratio <= self.target else "above target"


def _prepare_demo_profile(scratch: Path, env: dict[str, str]) -> tuple[Path, float]:
    profile_dir = scratch / "demo-profile"
    command = [
        sys.executable,
        "-m",
        "desktop",
        "screenshot",
        str(scratch / "shots"),
        "--demo",
        "--data-dir",
        str(profile_dir),
    ]
    return profile_dir, _timed(command, env)


def _prepare_ten_year_profiles(scratch: Path, env: dict[str, str]) -> tuple[list[Path], float]:
    """The ten-year profile, copied once for each page it may remember (the window opens on
    the page shown when it was last closed)."""
    built = scratch / "ten-year-profile"
    command = [sys.executable, "-m", "tests.benchmarks.ten_year_profile", str(built)]
    seconds = _timed(command, env)
    copies = []
    for page in REMEMBERED_PAGES:
        copy = scratch / f"ten-year-{page.key}"
        shutil.copytree(built, copy)
        (copy / "ui-state.ini").write_text(f"[window]\npage={page.key}\n", encoding="utf-8")
        copies.append(copy)
    return copies, seconds


def _database_megabytes(data_dir: Path) -> float:
    return (data_dir / "loopwise.sqlite3").stat().st_size / 1_000_000


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argument_parser(
        "bench_startup",
        "Time Loopwise's start-up to first paint against a bare PySide6 window.",
        runs=7,
        min_runs=MIN_RUNS,
    )
    parser.add_argument(
        "--profile",
        choices=("demo", "ten-year", "both"),
        default="both",
        help="the demo profile, the ten-year profile with each remembered page, or both",
    )
    return parser.parse_args(argv)


def _cases(args: argparse.Namespace, scratch: Path, env: dict[str, str]) -> list[Case]:
    cases = []
    if args.profile in ("demo", "both"):
        demo_dir, seconds = _prepare_demo_profile(scratch, env)
        print(f"demo profile ready in {seconds:.1f} s ({_database_megabytes(demo_dir):.1f} MB)")
        cases.append(Case("demo, remembers Learning path", demo_dir, DEMO_TARGET))
    if args.profile in ("ten-year", "both"):
        copies, seconds = _prepare_ten_year_profiles(scratch, env)
        size = _database_megabytes(copies[0])
        print(f"ten-year profile ready in {seconds:.1f} s ({size:.1f} MB)")
        for page, copy in zip(REMEMBERED_PAGES, copies, strict=True):
            cases.append(Case(f"ten years, remembers {page.title}", copy, TEN_YEAR_TARGET))
    return cases


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    env = child_environment()
    with tempfile.TemporaryDirectory(prefix="loopwise-bench-") as scratch_name:
        scratch = Path(scratch_name)
        floor_script = scratch / "floor.py"
        floor_script.write_text(FLOOR_SCRIPT, encoding="utf-8")
        floor_command = [sys.executable, str(floor_script)]
        try:
            cases = _cases(args, scratch, env)
            _timed(floor_command, env)  # warm-up: bytecode caches and the disk cache
            for case in cases:
                _timed(case.command(), env)
            for run in range(1, args.runs + 1):
                for case in cases:  # each case has floor runs of its own, next to its app runs
                    case.floor_seconds.append(_timed(floor_command, env))
                    case.app_seconds.append(_timed(case.command(), env))
                figures = "   ".join(
                    f"{c.floor_seconds[-1]:.2f}/{c.app_seconds[-1]:.2f}" for c in cases
                )
                print(f"run {run:2d}/{args.runs:<2d}  floor/app s: {figures}")
        except SubprocessFailed as failure:
            print(f"benchmark aborted: {failure}", file=sys.stderr)
            return 1

    load = os.getloadavg()
    print()
    print(f"{'case':40s} {'floor':>8s} {'app':>8s} {'ratio':>7s}  target")
    for case in cases:
        print(
            f"{case.name:40s} {statistics.median(case.floor_seconds):7.3f}s"
            f" {statistics.median(case.app_seconds):7.3f}s {case.ratio:6.2f}x"
            f"  <= {case.target:.2f}x {case.verdict}"
        )
    print(f"load average after the runs: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")

    if args.json:
        cases_figures = {
            "cases": [
                {
                    "case": case.name,
                    "floor_seconds": case.floor_seconds,
                    "app_seconds": case.app_seconds,
                    "floor_median_seconds": statistics.median(case.floor_seconds),
                    "app_median_seconds": statistics.median(case.app_seconds),
                    "ratio": case.ratio,
                    "target_ratio": case.target,
                    "verdict": case.verdict,
                }
                for case in cases
            ],
        }
        write_figures(
            args.json, cases_figures, "startup-to-first-paint", load_average=load, runs=args.runs
        )
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
