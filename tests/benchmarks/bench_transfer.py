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
- Import, floor: a script with only `json` and `sqlite3` that reads the same file and inserts
  every record as it is (no checks, no conversion) into a fresh copy of the same empty
  database, with the app's pragmas, in one transaction.
- Export, app: `python -m desktop --data-dir PROFILE export OUT.json`.
- Export, floor: a script with only `json` and `sqlite3` that reads the same columns of every
  table in key order, writes them as compact JSON and syncs the file to disk, as the app does.

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
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store.transfer.sections import SECTIONS
from tests.benchmarks.ten_year_profile import build_ten_year_profile, row_counts
from tests.clocks import StepClock

DEFAULT_RUNS = 5
IMPORT_TARGET = 3.0
IMPORT_MEMORY_TARGET_MIB = 300.0
EXPORT_TARGET = 1.5
NOW = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)  # fixed: the same profile every run

# The floors: the least a program must do to move the same records with the same libraries.
FLOOR_IMPORT = """
import json, operator, sqlite3, sys
database, source, layout = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
with open(source, encoding="utf-8") as file:
    document = json.load(file)
connection = sqlite3.connect(database, isolation_level=None)
for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL"):
    connection.execute("PRAGMA " + pragma)
connection.execute("BEGIN")
for section, key, table, columns, _order in layout:
    rows = document["sections"][section][key]
    if rows:
        marks = ", ".join("?" * len(columns))
        names = ", ".join('"' + name + '"' for name in columns)
        values = map(operator.itemgetter(*columns), rows)
        connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
connection.execute("COMMIT")
connection.close()
"""
FLOOR_EXPORT = """
import json, os, sqlite3, sys
database, target, layout = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
connection = sqlite3.connect(database)
sections = {}
for section, key, table, columns, order in layout:
    names = ", ".join('"' + name + '"' for name in columns)
    cursor = connection.execute(f'SELECT {names} FROM "{table}" ORDER BY {", ".join(order)}')
    sections.setdefault(section, {})[key] = [dict(zip(columns, row)) for row in cursor]
connection.close()
text = json.dumps({"format": "loopwise-export", "sections": sections}, ensure_ascii=False,
                  separators=(",", ":"))
with open(target, "w", encoding="utf-8") as file:
    file.write(text)
    file.flush()
    os.fsync(file.fileno())
"""


def layout() -> list[tuple[str, str, str, list[str], list[str]]]:
    """(section, list, table, fields, key) for every list of the export, in file order."""
    return [
        (section.name, spec.key, spec.table_name, list(spec.field_names), list(spec.key_fields))
        for section in SECTIONS
        for spec in section.tables
    ]


def _timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds from start to exit and peak memory (MiB) of one process; raises if it fails."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:6])} … failed ({process.returncode}): {errors}")
    return elapsed, usage.ru_maxrss / 1024  # kilobytes on Linux


def _median(values: Sequence[float]) -> float:
    return statistics.median(values)


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
    with tempfile.TemporaryDirectory(prefix="loopwise-bench-transfer-") as scratch_dir:
        scratch = Path(scratch_dir)
        try:
            print("building the ten-year profile ...", flush=True)
            began = time.perf_counter()
            source = scratch / "ten-years"
            build_ten_year_profile(source, NOW).close()
            expected = row_counts(ProfileFolder(source).database)
            empty = scratch / "empty"
            open_profile(ProfileFolder(empty), clock=StepClock()).close()
            export = scratch / "export.json"
            app = [python, "-m", "desktop", "--data-dir"]
            _timed([*app, str(source), "export", str(export)], env)  # also a warm-up
            size = export.stat().st_size
            print(
                f"profile and export ready in {time.perf_counter() - began:.1f} s "
                f"({sum(expected.values()):,d} rows, export {size / 1e6:.1f} MB)\n",
                flush=True,
            )

            def fresh_empty() -> Path:
                target = scratch / "import-into"
                shutil.rmtree(target, ignore_errors=True)
                shutil.copytree(empty, target)
                return target

            out = scratch / "out.json"
            runs: dict[str, list[tuple[float, float]]] = {
                name: [] for name in ("import floor", "import app", "export floor", "export app")
            }
            for number in range(args.runs + 1):  # the first round warms up and is left out
                for name in runs:
                    if name.startswith("import"):  # each import gets its own empty profile
                        target = fresh_empty()
                    if name == "import floor":
                        command = [
                            python, "-c", FLOOR_IMPORT,
                            str(ProfileFolder(target).database), str(export), plan,
                        ]  # fmt: skip
                    elif name == "import app":
                        command = [*app, str(target), "import", str(export), "--yes"]
                    elif name == "export floor":
                        database = str(ProfileFolder(source).database)
                        command = [python, "-c", FLOOR_EXPORT, database, str(out), plan]
                    else:
                        command = [*app, str(source), "export", str(out)]
                    result = _timed(command, env)
                    if number:
                        runs[name].append(result)
                    if name == "import app" and number == 0:
                        got = row_counts(ProfileFolder(target).database)
                        if got != expected:
                            raise RuntimeError(f"the import holds {got}, not {expected}")
                    out.unlink(missing_ok=True)
                print(f"  round {number + 1} of {args.runs + 1} done", flush=True)
        except Exception as error:  # a measurement that failed says so and exits non-zero
            print(f"benchmark aborted: {error!r}", file=sys.stderr)
            return 1

    figures: dict[str, Any] = {}
    print(f"\nimport and export of ten years ({size / 1e6:.1f} MB of JSON), {args.runs} runs each")
    for what, target in (("import", IMPORT_TARGET), ("export", EXPORT_TARGET)):
        floor = _median([seconds for seconds, _mib in runs[f"{what} floor"]])
        app_s = _median([seconds for seconds, _mib in runs[f"{what} app"]])
        floor_mib = _median([mib for _seconds, mib in runs[f"{what} floor"]])
        app_mib = max(mib for _seconds, mib in runs[f"{what} app"])
        ratio = app_s / floor
        verdict = "met" if ratio <= target else "NOT met"
        memory = ""
        if what == "import":
            memory_verdict = "met" if app_mib <= IMPORT_MEMORY_TARGET_MIB else "NOT met"
            memory = f"; peak {app_mib:.0f} MiB (floor {floor_mib:.0f}), target < 300: "
            memory += memory_verdict
        print(
            f"   {what}: floor {floor:6.2f} s   app {app_s:6.2f} s   {ratio:4.2f} x the floor   "
            f"target <= {target}x: {verdict}{memory}"
        )
        figures[what] = {
            "floor_median_s": floor,
            "app_median_s": app_s,
            "ratio": ratio,
            "verdict": verdict,
            "floor_peak_mib": floor_mib,
            "app_peak_mib": app_mib,
        }
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
