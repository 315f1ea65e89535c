"""SIGKILL while `loopwise backup` thins the folder and deletes unusable backups: every file
is whole or gone (never half), the verdict cache is the old one or the new one, and the
next run finishes the cleaning."""

from __future__ import annotations

import json
import random
import shutil
import signal
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain.backups import backup_file_name
from desktop.store.backup import list_backups
from desktop.store.backup_check import judge_backup
from desktop.store.backup_verdicts import cache_file
from tests.backup_files import good_backup, make_profile
from tests.clocks import clock_start
from tests.test_kill_during_backup_and_restore import _entries, _kill_at_random, _opens

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def _plant(backups_dir: Path, template: Path, round_: int) -> dict[str, bytes]:
    """Good copies three a day for three weeks, and among them damaged ones of every kind
    older than a day; returns the damaged files' names and bytes."""
    contents = judge_backup(template).contents
    assert contents is not None
    whole = template.read_bytes()
    damaged = {}
    for number, hours in enumerate(range(30 + round_, 24 * 21, 8)):
        taken = (clock_start() - timedelta(hours=hours)).replace(tzinfo=None)
        target = backups_dir / backup_file_name(taken, "periodic", contents)
        if number % 3:
            shutil.copyfile(template, target)
            continue
        data = [b"", whole[: len(whole) // 2], b"not a database" * 50][number % 9 // 3]
        target.write_bytes(data)
        damaged[target.name] = data
    return damaged


def test_sigkill_while_cleaning_leaves_each_file_whole_or_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=1500, sessions=20)
    backups_dir = data / "backups"
    template = good_backup(database, hours_ago=24 * 60)
    rng = random.Random(41)
    damaged: dict[str, bytes] = {}
    for round_ in range(6):
        damaged |= _plant(backups_dir, template, round_)
        # The first run after planting checks every file and deletes the damaged ones: from
        # 0.7 s on a quiet machine to 3 s under load, so kills land before, inside and after.
        _kill_at_random(["backup", str(data)], rng.uniform(0.2, 4.0))

        assert _entries(database) == 1500
        _opens(data)
        for backup in list_backups(backups_dir):
            if backup.path.name in damaged:
                assert backup.path.read_bytes() == damaged[backup.path.name]  # not half-gone
            else:
                verdict = judge_backup(backup.path)
                assert verdict.usable, f"{backup.path.name}: {verdict.problem}"
        if cache_file(backups_dir).exists():
            json.loads(cache_file(backups_dir).read_text())  # the old cache or the new, whole

    assert main(["backup", "--data-dir", str(data)]) == 0  # a run that is not killed
    capsys.readouterr()
    left = {backup.path.name for backup in list_backups(backups_dir)}
    assert not left & set(damaged), "the unusable backups were not cleaned away"
