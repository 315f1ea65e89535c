"""A process killed with SIGKILL during a restore, a backup or the thinning of old backups
leaves the profile either as it was or as it was meant to become, whole, and every file in
the backups folder either a whole backup or a .partial that is never listed."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.domain.backups import backup_file_name
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store.backup import list_backups
from desktop.store.backup_check import judge_backup
from tests.backup_files import add_rows, good_backup, make_profile
from tests.clocks import StepClock, clock_start
from tests.test_kill_while_typing import ROOT

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _kill_at_random(args: list[str], delay: float) -> str:
    """Start the child, let it work for `delay` seconds, kill it; return what it printed."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.backup_child", *args],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        printed, errors = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, errors
    return printed


def _entries(database: Path) -> int:
    """The number of journal entries, after SQLite's own integrity check of the live file
    (its WAL included, as the app would read it)."""
    with closing(sqlite3.connect(database)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return int(connection.execute("SELECT count(*) FROM journal_entry").fetchone()[0])


def _opens(data: Path) -> None:
    """The app starts on it: no damage, nothing to migrate, nothing to recover."""
    open_profile(ProfileFolder(data), clock=StepClock()).close()


def _every_listed_backup_is_whole(backups_dir: Path) -> None:
    for backup in list_backups(backups_dir):
        verdict = judge_backup(backup.path)
        assert verdict.usable, f"{backup.path.name}: {verdict.problem}"


def test_sigkill_during_restore_leaves_the_old_or_the_new_profile_whole(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=1000)
    smaller = good_backup(database, hours_ago=48)
    add_rows(database, entries=1000)
    bigger = good_backup(database, hours_ago=24)
    rng = random.Random(13)
    finished = 0
    for _round in range(10):
        # The first restore is done about half a second after "ready", then one every tenth
        # of a second or so (each checks both files, backs up, then copies).
        printed = _kill_at_random(
            ["restore", str(data), smaller.name, bigger.name], rng.uniform(0.1, 1.5)
        )
        finished += len(printed.split())
        held = _entries(database)
        assert held in {1000, 2000}, "the profile is neither the old one nor the restored one"
        _opens(data)
        _every_listed_backup_is_whole(data / "backups")
    assert finished > 10, "the kills came before any restore had run"


def test_sigkill_during_backups_and_thinning_keeps_the_profile_and_whole_backups(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=1500, sessions=20)
    backups_dir = data / "backups"
    template = good_backup(database, hours_ago=24 * 60)
    contents = judge_backup(template).contents
    assert contents is not None
    rng = random.Random(29)
    for round_ in range(8):
        # Three a day for the last three weeks: thinning has plenty to remove on every run.
        for hours in range(48 + round_, 24 * 21, 8):
            taken = (clock_start() - timedelta(hours=hours)).replace(tzinfo=None)
            shutil.copyfile(template, backups_dir / backup_file_name(taken, "periodic", contents))
        _kill_at_random(["backup", str(data)], rng.uniform(0.05, 1.5))

        assert _entries(database) == 1500
        _opens(data)
        _every_listed_backup_is_whole(backups_dir)
        assert list_backups(backups_dir), "thinning removed every backup"
