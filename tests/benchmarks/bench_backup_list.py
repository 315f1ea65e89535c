"""Listing a folder of backups with what each holds, against listing the folder itself.

Run from the repository root (it is not collected by pytest):

    .venv/bin/python -m tests.benchmarks.bench_backup_list [--backups 60] [--mb 31] [--runs 15]

It builds one profile of about --mb megabytes, backs it up, and copies the backup --backups
times under backup names (real copies, so about backups x mb of disk, freed at the end).
Then, interleaved, medians of --runs each:

- floor: `os.scandir` of the backups folder with each entry's `stat`, the least a list of
  the files with their sizes must do;
- app: `judge_backups` (store/backup.py) with the verdicts remembered beside the backups,
  what File > Backups and `loopwise restore` do on every list after the first.

The first list, which reads every file (SQLite's integrity check), is timed once, after the
cache is removed, for context.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import timedelta
from pathlib import Path

from desktop.domain.backups import backup_file_name
from desktop.store.backup import judge_backups
from desktop.store.backup_check import judge_backup
from desktop.store.backup_verdicts import cache_file
from tests.backup_files import good_backup, make_profile
from tests.benchmarks.page_timing import print_medians_ms
from tests.clocks import clock_start

ROW_BYTES = 1_280  # about what one journal entry of tests/backup_files.py takes on disk


def _build(scratch: Path, backups: int, megabytes: int) -> Path:
    database = make_profile(scratch / "data", entries=megabytes * 1_000_000 // ROW_BYTES)
    template = good_backup(database, hours_ago=24 * 400)
    contents = judge_backup(template).contents
    assert contents is not None, "the template backup is not usable"
    for number in range(backups - 1):  # with the template, `backups` in all
        taken = (clock_start() - timedelta(hours=8 * number)).replace(tzinfo=None)
        shutil.copyfile(template, template.parent / backup_file_name(taken, "periodic", contents))
    return template.parent


def _floor(folder: Path) -> int:
    with os.scandir(folder) as entries:
        return sum(entry.stat().st_size for entry in entries)


def _timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--backups", type=int, default=60)
    parser.add_argument("--mb", type=int, default=31)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        folder = _build(Path(scratch), args.backups, args.mb)
        files = list(folder.glob("loopwise-*.sqlite3"))
        size = statistics.median(path.stat().st_size for path in files) / 1_000_000
        cache_file(folder).unlink(missing_ok=True)
        first = _timed(lambda: judge_backups(folder))
        judged = judge_backups(folder)
        assert all(each.verdict.usable for each in judged), "a copy failed its check"
        floor: list[float] = []
        app: list[float] = []
        for _run in range(args.runs):
            floor.append(_timed(lambda: _floor(folder)))
            app.append(_timed(lambda: judge_backups(folder)))
    print(f"{len(files)} backups of {size:.1f} MB each")
    print(f"first list (every file read):  {first:.0f} ms (once)")
    low, high = print_medians_ms(
        {"floor, os.scandir + stat": floor, "app, judge_backups (cached)": app}, width=30
    )
    print(f"app / floor: {high / low:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
