"""Import and export benchmark: `loopwise import` and `loopwise export` on ten years of data.

Run from the repository root (it is not collected by pytest):

    .venv/bin/python -m tests.benchmarks.bench_transfer [--runs N] [--json FILE]

It builds the ten-year profile (tests/benchmarks/ten_year_profile.py: 3,650 journal entries,
20,000 attempts with their tags, 60 stories with 1,200 rehearsals, 4,160 plan items, 260 mock
interviews; about 92,000 records), exports it once with the app to get the file to import,
then alternates floor and app runs, each a whole process timed from start to exit, with its
peak memory (the child's maximum resident set size):

- Import, app: `python -m desktop --data-dir EMPTY import FILE --yes` into a fresh copy of an
  empty, migrated profile: read and check the file, compare, back up, write, in one
  transaction.
- Import, floor: `tests/benchmarks/transfer_floors.py`, with only `json` and `sqlite3`: read
  the same file and insert every record as it is (no checks, no conversion) into a fresh copy
  of the same empty database, with the app's pragmas, in one transaction.
- Export, app: `python -m desktop --data-dir PROFILE export OUT.json`.
- Export, floor: the same module reads the same columns of every table in key order, writes
  them as compact JSON and syncs the file to disk, as the app does.

The commands pay for starting Python and importing their libraries, which the floors (json
and sqlite3 only) hardly do: the app imports SQLAlchemy, SQLModel and its own modules, and
opens the profile (its integrity check and the learning paths) before it starts. So the work
itself is timed too, in one process, interleaved the same way: the store's import (read,
check, back up, write into an open empty profile) and export against the floor functions.

Figures are medians; ratios are median(app) / median(floor). Targets (issue 14): import within
3x its floor and under 300 MiB at its peak, export within 1.5x. It is a measurement, not a
test: the exit code is 0 whether or not a target is met, and 1 only if something it runs fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store.database import session_scope
from desktop.store.transfer.json_export import write_export
from desktop.store.transfer.json_import import read_document
from desktop.store.transfer.run import check_document, write_document
from desktop.store.transfer.sections import SECTIONS
from tests.benchmarks.ten_year_profile import build_ten_year_profile, row_counts
from tests.benchmarks.transfer_floors import floor_export, floor_import
from tests.clocks import StepClock

DEFAULT_RUNS = 5
IMPORT_TARGET = 3.0
IMPORT_MEMORY_TARGET_MIB = 300.0
EXPORT_TARGET = 1.5
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # fixed: the same profile every run
FLOORS = "tests.benchmarks.transfer_floors"
Run = Callable[[], tuple[float, float]]  # seconds, peak MiB (0 when not measured)


def layout() -> list[list[Any]]:
    """[section, list, table, fields, key] for every list of the export, in file order."""
    return [
        [section.name, spec.key, spec.table_name, list(spec.field_names), list(spec.key_fields)]
        for section in SECTIONS
        for spec in section.tables
    ]


def _process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from start to exit and peak memory (MiB) of one process; raises if it fails."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - began
    errors = process.stderr.read() if process.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(command[:6])} … failed: {errors}")
    return elapsed, usage.ru_maxrss / 1024  # kilobytes on Linux


def _in_process(work: Callable[[], object]) -> tuple[float, float]:
    began = time.perf_counter()
    work()
    return time.perf_counter() - began, 0.0


class Scratch:
    """The folders of one benchmark run: the ten-year profile, its export, empty profiles."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.source = root / "ten-years"
        self.empty = root / "empty"
        self.export = root / "export.json"
        self.out = root / "out.json"
        self._opened: list[Profile] = []

    def fresh_empty(self) -> Path:
        """A new copy of the empty, migrated profile, for one import."""
        for profile in self._opened:
            profile.close()
        self._opened.clear()
        target = self.root / "import-into"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(self.empty, target)
        return target

    def opened_empty(self) -> Profile:
        profile = open_profile(ProfileFolder(self.fresh_empty()), clock=StepClock())
        self._opened.append(profile)
        return profile


def _app_import(profile: Profile, source: Path) -> None:
    """What `loopwise import FILE --yes` does once the profile is open."""
    folder = profile.folder
    plan = check_document(engine=profile.engine, document=read_document(source))
    write_document(
        engine=profile.engine,
        database=folder.database,
        backups_dir=folder.backups_dir,
        plan=plan,
        now=NOW,
    )


def _app_export(profile: Profile, target: Path) -> None:
    with session_scope(profile.engine) as session:
        write_export(session=session, target=target, now=NOW)


def measure(runs: int, kinds: dict[str, Callable[[], Run]]) -> dict[str, list[tuple[float, float]]]:
    """Each kind's run made ready (outside the timing), then timed; all kinds in turn, once
    more than `runs` times (the first round warms up and is left out)."""
    timings: dict[str, list[tuple[float, float]]] = {name: [] for name in kinds}
    for number in range(runs + 1):
        for name, prepare in kinds.items():
            run = prepare()
            result = run()
            if number:
                timings[name].append(result)
        print(f"  round {number + 1} of {runs + 1} done", flush=True)
    return timings


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.bench_transfer",
        description="Time loopwise import and export of ten years of data against floors.",
    )
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE as JSON")
    args = parser.parse_args(argv)
    if args.runs < 3:
        parser.error("--runs must be at least 3")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("LOOPWISE_DATA_DIR", None)
    python = sys.executable
    plan = json.dumps(layout())
    app = [python, "-m", "desktop", "--data-dir"]
    with tempfile.TemporaryDirectory(prefix="loopwise-bench-transfer-") as scratch_dir:
        at = Scratch(Path(scratch_dir))
        try:
            print("building the ten-year profile ...", flush=True)
            began = time.perf_counter()
            build_ten_year_profile(at.source, NOW).close()
            expected = row_counts(ProfileFolder(at.source).database)
            open_profile(ProfileFolder(at.empty), clock=StepClock()).close()
            _process([*app, str(at.source), "export", str(at.export)], env)
            size = at.export.stat().st_size
            print(
                f"profile and export ready in {time.perf_counter() - began:.1f} s "
                f"({sum(expected.values()):,d} rows, export {size / 1e6:.1f} MB)\n",
                flush=True,
            )
            source_db = str(ProfileFolder(at.source).database)

            def empty_db() -> str:
                return str(ProfileFolder(at.fresh_empty()).database)

            layout_rows = layout()
            source_profile = open_profile(ProfileFolder(at.source), clock=StepClock())

            # Each returns the run to time, made ready first (a fresh empty profile).
            def import_floor_command() -> Run:
                database = empty_db()
                command = [python, "-m", FLOORS, "import", database, str(at.export), plan]
                return lambda: _process(command, env)

            def import_app_command() -> Run:
                command = [*app, str(at.fresh_empty()), "import", str(at.export), "--yes"]
                return lambda: _process(command, env)

            def import_floor_work() -> Run:
                database = empty_db()
                return lambda: _in_process(
                    lambda: floor_import(database, str(at.export), layout_rows)
                )

            def import_app_work() -> Run:
                profile = at.opened_empty()
                return lambda: _in_process(lambda: _app_import(profile, at.export))

            export_floor = [python, "-m", FLOORS, "export", source_db, str(at.out), plan]
            export_app = [*app, str(at.source), "export", str(at.out)]
            print("whole commands, each a process of its own:", flush=True)
            commands = measure(
                args.runs,
                {
                    "import floor": import_floor_command,
                    "import app": import_app_command,
                    "export floor": lambda: lambda: _process(export_floor, env),
                    "export app": lambda: lambda: _process(export_app, env),
                },
            )
            got = row_counts(ProfileFolder(at.root / "import-into").database)
            if got != expected:  # the last import was the app's: it must hold everything
                raise RuntimeError(f"the import holds {got}, not {expected}")
            print("the work itself, in this process:", flush=True)
            work = measure(
                args.runs,
                {
                    "import floor": import_floor_work,
                    "import app": import_app_work,
                    "export floor": lambda: (
                        lambda: _in_process(
                            lambda: floor_export(source_db, str(at.out), layout_rows)
                        )
                    ),
                    "export app": lambda: (
                        lambda: _in_process(lambda: _app_export(source_profile, at.out))
                    ),
                },
            )
            source_profile.close()
            at.fresh_empty()  # closes the last opened profile
        except Exception as error:  # a measurement that failed says so and exits non-zero
            print(f"benchmark aborted: {error!r}", file=sys.stderr)
            return 1

    figures: dict[str, Any] = {}
    print(f"\nimport and export of ten years ({size / 1e6:.1f} MB of JSON), {args.runs} runs each")
    for label, timings in (("command", commands), ("work", work)):
        for what, target in (("import", IMPORT_TARGET), ("export", EXPORT_TARGET)):
            floor = statistics.median(seconds for seconds, _mib in timings[f"{what} floor"])
            app_s = statistics.median(seconds for seconds, _mib in timings[f"{what} app"])
            ratio = app_s / floor
            verdict = "met" if ratio <= target else "NOT met"
            line = (
                f"   {what} ({label}): floor {floor:6.2f} s   app {app_s:6.2f} s   "
                f"{ratio:4.2f} x the floor   target <= {target}x: {verdict}"
            )
            entry: dict[str, Any] = {
                "floor_median_s": floor, "app_median_s": app_s, "ratio": ratio, "verdict": verdict,
            }  # fmt: skip
            if label == "command":
                floor_mib = max(mib for _seconds, mib in timings[f"{what} floor"])
                app_mib = max(mib for _seconds, mib in timings[f"{what} app"])
                entry.update(floor_peak_mib=floor_mib, app_peak_mib=app_mib)
                line += f"; peak {app_mib:.0f} MiB (floor {floor_mib:.0f})"
                if what == "import":
                    met = app_mib <= IMPORT_MEMORY_TARGET_MIB
                    line += f", target < 300 MiB: {'met' if met else 'NOT met'}"
            print(line)
            figures[f"{what} {label}"] = entry
    if args.json:
        figures.update(
            benchmark="import-export",
            date=datetime.now(UTC).isoformat(timespec="seconds"),
            python=platform.python_version(),
            sqlite=sqlite3.sqlite_version,
            platform=platform.platform(),
            runs=args.runs,
            export_bytes=size,
        )
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
