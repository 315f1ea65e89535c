"""A read-only data folder and a damaged database, as the command line and start-up meet them.

Root ignores file permissions, so a read-only disk is simulated where it matters: the lock file
or the backup copy fails with the error a read-only mount really gives (EROFS).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLockFile

from desktop.folders import ProfileFolder
from desktop.safety_commands import backup_command, restore_command
from desktop.store import backup as backup_module
from desktop.store.backup import backup_database, list_backups
from desktop.ui import single_instance
from tests.backup_files import damage, make_profile
from tests.clocks import clock_start
from tests.failures import SQLITE_CANTOPEN, sqlite_error


def _read_only_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """What a read-only mount answers: access() says no and SQLite cannot create its copy."""
    real_access, real_connect = os.access, sqlite3.connect

    def access(path: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        if mode & os.W_OK and str(path).startswith(str(folder)):
            return False
        return real_access(path, mode, *args, **kwargs)

    def connect(path: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(path).endswith(".partial"):
            raise sqlite_error(SQLITE_CANTOPEN)
        return real_connect(path, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(backup_module.sqlite3, "connect", connect)


def test_backup_into_a_read_only_folder_says_read_only_without_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "profile"
    make_profile(data, entries=1)
    (data / "backups").mkdir()
    _read_only_folder(monkeypatch, data)

    assert backup_command(str(data)) == 1

    said = capsys.readouterr().err
    assert "read-only" in said and "Traceback" not in said
    assert list_backups(data / "backups") == []


def test_restore_into_a_read_only_folder_says_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=1)
    made = backup_database(database, data / "backups", "manual", now=clock_start())
    before = database.read_bytes()
    _read_only_folder(monkeypatch, data)

    assert restore_command(str(data), made.name, assume_yes=True) == 1

    said = capsys.readouterr().err
    assert "read-only" in said and "cannot be read" not in said
    assert database.read_bytes() == before


class _ReadOnlyLock(QLockFile):
    """The lock file of a data folder on a read-only mount: it can never be created."""

    def tryLock(self, timeout: int = 0) -> bool:
        return False

    def error(self) -> QLockFile.LockError:
        return QLockFile.LockError.PermissionError


def test_start_up_in_a_read_only_folder_says_read_only_not_already_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.app import run_gui

    data = tmp_path / "profile"
    make_profile(data, entries=1)
    monkeypatch.setattr(
        single_instance, "_lock_for", lambda folder: _ReadOnlyLock(str(folder.lock_file))
    )

    assert run_gui(data_dir=str(data), exit_after_startup=True, start_fresh=False) == 1

    said = capsys.readouterr().err
    assert "read-only" in said and "already running" not in said


def test_a_stale_lock_in_a_read_only_folder_does_not_count_as_the_app_running(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = ProfileFolder(tmp_path / "profile")
    folder.ensure()
    folder.lock_file.write_text("12345\nloopwise\nsomehost\n")  # left by a crash
    monkeypatch.setattr(single_instance, "_lock_for", lambda p: _ReadOnlyLock(str(p.lock_file)))
    assert not single_instance.is_held(folder)


def _profile_with_a_good_backup(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A closed profile that spans many pages, its database and one good backup of it."""
    data = tmp_path / "profile"
    database = make_profile(data, entries=400)
    good = backup_database(database, data / "backups", "periodic", now=clock_start())
    return data, database, good


def test_a_damaged_database_is_not_backed_up_and_earlier_backups_stay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, database, good = _profile_with_a_good_backup(tmp_path)
    damage(database)

    assert backup_command(str(data)) == 1

    said = capsys.readouterr().err
    assert "came out damaged" in said and "not kept" in said
    assert [b.path for b in list_backups(data / "backups")] == [good]
    assert list((data / "backups").iterdir()) == [good]


def test_the_restore_list_marks_a_damaged_backup_and_will_not_restore_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, database, good = _profile_with_a_good_backup(tmp_path)
    made_before_the_check = backup_database(database, data / "backups", "manual", now=clock_start())
    damage(made_before_the_check)  # a backup taken by an older version, or bit rot since
    capsys.readouterr()

    assert restore_command(str(data), None, assume_yes=False) == 0
    listing = capsys.readouterr().out.splitlines()
    damaged_line = next(line for line in listing if made_before_the_check.name in line)
    good_line = next(line for line in listing if good.name in line)
    assert "damaged" in damaged_line.lower() and "damaged" not in good_line.lower()

    before = database.read_bytes()
    assert restore_command(str(data), made_before_the_check.name, assume_yes=True) == 1
    assert "damaged" in capsys.readouterr().err
    assert database.read_bytes() == before


def test_commands_that_create_folders_name_a_read_only_disk_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.commands import import_path_command

    def mkdir(self: Path, *args: Any, **kwargs: Any) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(self))

    monkeypatch.setattr(Path, "mkdir", mkdir)
    assert import_path_command(str(tmp_path / "profile"), str(tmp_path / "mine.toml")) == 1
    said = capsys.readouterr().err
    assert "the file or its folder is read-only" in said and "Errno" not in said
