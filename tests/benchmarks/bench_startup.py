"""Start-up benchmark: the app's time to first paint as a ratio of a bare PySide6 window.

Run from the repository root (it is not collected by pytest):

    .venv/bin/python -m tests.benchmarks.bench_startup [--runs N] [--json FILE]

Both commands are timed as whole subprocesses, process start to exit, with
QT_QPA_PLATFORM=offscreen. Runs alternate (floor, app, floor, app, ...) so machine noise falls
on both, and the figure reported is median(app) / median(floor). It is a measurement, not a
test: the exit code is 0 whether or not the target is met, and 1 only if a subprocess fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET_RATIO = 1.5
MIN_RUNS = 5

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


def _environment() -> dict[str, str]:
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


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.bench_startup",
        description="Time Loopwise's start-up to first paint against a bare PySide6 window.",
    )
    parser.add_argument(
        "--runs",
        type=int,
        default=7,
        help=f"measured runs of each command, at least {MIN_RUNS} (default: 7)",
    )
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE as JSON")
    args = parser.parse_args(argv)
    if args.runs < MIN_RUNS:
        parser.error(f"--runs must be at least {MIN_RUNS}")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    env = _environment()
    with tempfile.TemporaryDirectory(prefix="loopwise-bench-") as scratch_name:
        scratch = Path(scratch_name)
        floor_script = scratch / "floor.py"
        floor_script.write_text(FLOOR_SCRIPT, encoding="utf-8")
        try:
            profile_dir, prepare_seconds = _prepare_demo_profile(scratch, env)
            print(f"demo profile ready in {prepare_seconds:.2f} s: {profile_dir}")
            floor_command = [sys.executable, str(floor_script)]
            app_command = [
                sys.executable,
                "-m",
                "desktop",
                "--data-dir",
                str(profile_dir),
                "--exit-after-startup",
            ]
            warm_floor = _timed(floor_command, env)
            warm_app = _timed(app_command, env)
            print(f"warm-up       floor {warm_floor:6.3f} s   app {warm_app:6.3f} s")
            floor_times: list[float] = []
            app_times: list[float] = []
            for run in range(1, args.runs + 1):
                floor_times.append(_timed(floor_command, env))
                app_times.append(_timed(app_command, env))
                print(
                    f"run {run:2d}/{args.runs:<2d}    floor {floor_times[-1]:6.3f} s"
                    f"   app {app_times[-1]:6.3f} s"
                )
        except SubprocessFailed as failure:
            print(f"benchmark aborted: {failure}", file=sys.stderr)
            return 1

    floor_median = statistics.median(floor_times)
    app_median = statistics.median(app_times)
    ratio = app_median / floor_median
    verdict = "PASS" if ratio <= TARGET_RATIO else "ABOVE TARGET"
    print()
    print(f"median floor  {floor_median:6.3f} s   (bare PySide6 + sqlmodel window, first paint)")
    print(f"median app    {app_median:6.3f} s   (loopwise --exit-after-startup, demo profile)")
    print(f"ratio         {ratio:6.2f} x   target <= {TARGET_RATIO:.1f} x   {verdict}")

    if args.json:
        figures = {
            "benchmark": "startup-to-first-paint",
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpu_count": os.cpu_count(),
            "runs": args.runs,
            "demo_profile_seconds": prepare_seconds,
            "floor_seconds": floor_times,
            "app_seconds": app_times,
            "floor_median_seconds": floor_median,
            "app_median_seconds": app_median,
            "ratio": ratio,
            "target_ratio": TARGET_RATIO,
            "verdict": verdict,
        }
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
