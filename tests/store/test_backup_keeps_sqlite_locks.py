"""The periodic backup's look at the database header keeps the app's SQLite locks: a command
run in a terminal meanwhile must not take the database for unused, checkpoint it and delete
its WAL under the running app (whose later writes would then be lost)."""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.profile import Profile
from desktop.store import live_file
from desktop.store.backup import backup_if_due
from desktop.store.live_file import read_start
from tests.fresh_python import printed_by

NOW = datetime(2026, 11, 22, 12, 0)

# Another process reading the database and closing it, as `loopwise weak-spots` does.
COUNT = (
    "import sqlite3, sys\n"
    "connection = sqlite3.connect(sys.argv[1])\n"
    "print(connection.execute('SELECT count(*) FROM probe').fetchone()[0])\n"
    "connection.close()\n"
)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX record locks")
def test_a_command_run_after_the_periodic_check_leaves_the_apps_wal_alone(
    profile: Profile,
) -> None:
    folder = profile.folder
    assert backup_if_due(folder.database, folder.backups_dir, now=NOW) is not None
    app = sqlite3.connect(folder.database, isolation_level=None)  # the app, holding locks
    try:
        app.execute("CREATE TABLE probe (x)")
        app.execute("INSERT INTO probe VALUES (1)")
        # Not due: only the header is looked at.
        assert (
            backup_if_due(folder.database, folder.backups_dir, now=NOW + timedelta(hours=1)) is None
        )
        assert printed_by(COUNT, str(folder.database)) == "1"
        wal = folder.database.with_name(folder.database.name + "-wal")
        assert wal.exists()
        app.execute("INSERT INTO probe VALUES (2)")
        assert printed_by(COUNT, str(folder.database)) == "2"  # not in a deleted WAL
    finally:
        app.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")
def test_a_deleted_files_kept_descriptor_is_let_go(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.write_bytes(b"SQLite format 3\x00first")
    second.write_bytes(b"SQLite format 3\x00second")
    assert read_start(first, 16) == b"SQLite format 3\x00"
    found = first.stat()
    assert (found.st_dev, found.st_ino) in live_file._kept
    first.unlink()  # as a restore replaces a database, or a test's folder goes
    assert read_start(second, 16) == b"SQLite format 3\x00"
    assert (found.st_dev, found.st_ino) not in live_file._kept


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")
def test_a_read_is_not_cut_short_by_another_thread_letting_go(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Thread A has found its file's kept descriptor when the file is deleted; thread B, reading
    # another file, lets go of deleted files' descriptors. With A's read outside the lock, B
    # closed A's descriptor under it: EBADF, or the other file's bytes once the number was
    # given to it.
    first, second = tmp_path / "first", tmp_path / "second"
    first.write_bytes(b"first file start")
    second.write_bytes(b"other file start")
    assert read_start(first, 16) == b"first file start"
    real_pread = os.pread
    other: list[bytes] = []
    readers: list[threading.Thread] = []

    def pread_as_another_thread_reads(descriptor: int, size: int, offset: int) -> bytes:
        if not readers:
            first.unlink()
            readers.append(threading.Thread(target=lambda: other.append(read_start(second, 16))))
            readers[0].start()
            readers[0].join(timeout=0.5)  # it waits for the lock; without it, it closes ours
        return real_pread(descriptor, size, offset)

    monkeypatch.setattr(os, "pread", pread_as_another_thread_reads)
    assert read_start(first, 16) == b"first file start"
    readers[0].join()
    assert other == [b"other file start"]
