"""At the command line: `loopwise restore` says that unusable files are cleaned away, and
`loopwise backup` cleans away the ones a day old (real profile, real damaged files)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store.backup import list_backups
from tests.backup_files import backup_name, good_backup, make_newer, make_profile, unusable_backup
from tests.clocks import app_now

NOTE = "A file that can never be restored is deleted by the next backup once it is a day old"


def test_the_list_says_unusable_files_are_cleaned_away_only_when_there_are_some(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    good = good_backup(make_profile(data, entries=3, sessions=2))
    assert main(["restore", "--data-dir", str(data)]) == 0
    assert NOTE not in capsys.readouterr().out

    unusable_backup("zero-byte", good)
    assert main(["restore", "--data-dir", str(data)]) == 0
    assert NOTE in capsys.readouterr().out


@pytest.mark.any_date
def test_the_backup_command_deletes_day_old_unusable_files_and_keeps_newer_version_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    good = good_backup(make_profile(data, entries=3, sessions=2))
    # Named by the command's own clock, which the test run may have moved.
    cut = good.parent / backup_name(app_now() - timedelta(hours=26))
    cut.write_bytes(good.read_bytes()[:1000])
    fresh = good.parent / backup_name(app_now() - timedelta(hours=2))
    fresh.write_bytes(b"")
    newer = good.parent / backup_name(app_now() - timedelta(hours=27), "periodic")
    newer.write_bytes(good.read_bytes())
    make_newer(newer)

    assert main(["backup", "--data-dir", str(data)]) == 0
    capsys.readouterr()

    left = {backup.path for backup in list_backups(good.parent)}
    assert cut not in left and {good, newer, fresh} <= left
