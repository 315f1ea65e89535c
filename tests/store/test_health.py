"""Database checks before the app trusts a file: a bad file is refused and never changed."""

from __future__ import annotations

import errno
import os
import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

import pytest

from desktop.domain.progress import ItemStatus
from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store import health
from desktop.store import progress as progress_store
from desktop.store.backup import backup_database
from desktop.store.database import session_scope
from desktop.store.health import (
    DatabaseProblem,
    IntegrityCheck,
    check_database,
    failure_text,
    move_aside,
)
from tests.clocks import StepClock, clock_start

T0 = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)


def _files(folder: Path) -> dict[str, bytes]:
    return {entry.name: entry.read_bytes() for entry in folder.iterdir() if entry.is_file()}


def _expect_problem(database: Path) -> DatabaseProblem:
    """check_database must refuse the file and leave the folder exactly as it was."""
    before = _files(database.parent)
    with pytest.raises(DatabaseProblem) as caught:
        check_database(database)
    assert _files(database.parent) == before
    assert caught.value.database == database
    assert str(caught.value).startswith(f"The Loopwise database at {database} cannot be opened: ")
    return caught.value


def _profile_with_progress(folder: ProfileFolder) -> None:
    """A real Loopwise database with a handful of rows, closed so everything is in the file."""
    profile = open_profile(folder, clock=StepClock())
    try:
        path = profile.library.paths[0]
        stage = path.stages[0]
        with session_scope(profile.engine) as session:
            for minute, item in enumerate(stage.items):
                progress_store.set_status(
                    session=session, path_id=path.id, stage_id=stage.id, item=item,
                    status=ItemStatus.DONE, now=T0 + timedelta(minutes=minute),
                )  # fmt: skip
                progress_store.set_notes(
                    session=session, path_id=path.id, stage_id=stage.id, item=item,
                    notes=f"Notes on {item.title}. " * 3, now=T0,
                )  # fmt: skip
    finally:
        profile.close()


# --- files that are fine ----------------------------------------------------------------------


def test_missing_file_is_fine(folder: ProfileFolder) -> None:
    check_database(folder.database)

    assert not folder.database.exists(), "the check must not create the file"


def test_empty_file_is_fine(folder: ProfileFolder) -> None:
    folder.database.write_bytes(b"")

    check_database(folder.database)

    assert folder.database.read_bytes() == b""


def test_file_emptied_beside_its_backups_is_refused(folder: ProfileFolder) -> None:
    """A crash or a sync program can leave the file empty: starting on it as a new profile
    would hide the user's data, so the recovery question (with the backup) is asked."""
    _profile_with_progress(folder)
    backup_database(folder.database, folder.backups_dir, "manual", now=T0)
    folder.database.write_bytes(b"")
    for side in folder.data_dir.glob("loopwise.sqlite3-*"):
        side.unlink()

    with pytest.raises(DatabaseProblem) as caught:
        open_profile(folder, clock=StepClock())

    assert "the file is empty (0 bytes)" in str(caught.value)
    assert caught.value.can_start_fresh
    assert folder.database.read_bytes() == b"", "the file is left as it was"


def test_good_database_passes(profile: Profile) -> None:
    database = profile.folder.database
    profile.close()
    before = database.read_bytes()

    check_database(database)  # raises DatabaseProblem if it finds anything wrong

    assert database.read_bytes() == before  # and it only reads
    assert not database.with_name(database.name + "-journal").exists()


def test_good_database_with_data_passes_and_is_unchanged(folder: ProfileFolder) -> None:
    _profile_with_progress(folder)
    before = folder.database.read_bytes()

    check_database(folder.database)

    assert folder.database.read_bytes() == before


# --- files that are not databases -------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 40,
        b"Dear diary,\nToday I practised two pointers.\n",
        b"SQLite format 2\x00" + b"\x00" * 200,
        b"\x00" * 4096,
    ],
    ids=["random-bytes", "text-file", "wrong-header", "zeros"],
)
def test_not_a_sqlite_file_is_refused_and_unchanged(folder: ProfileFolder, content: bytes) -> None:
    folder.database.write_bytes(content)

    problem = _expect_problem(folder.database)

    assert problem.reason == "the file is not a SQLite database."
    assert folder.database.read_bytes() == content


def test_random_bytes_file_is_refused(folder: ProfileFolder) -> None:
    content = os.urandom(8192)
    folder.database.write_bytes(content)

    problem = _expect_problem(folder.database)

    assert "not a SQLite database" in problem.reason
    assert folder.database.read_bytes() == content


# --- damaged databases ------------------------------------------------------------------------


@pytest.mark.parametrize("keep", [0.5, 0.25], ids=["half", "quarter"])
def test_truncated_database_is_refused_and_unchanged(folder: ProfileFolder, keep: float) -> None:
    _profile_with_progress(folder)
    whole = folder.database.read_bytes()
    truncated = whole[: int(len(whole) * keep)]
    folder.database.write_bytes(truncated)

    problem = _expect_problem(folder.database)

    assert "malformed" in problem.detail or "integrity check failed" in problem.detail
    assert folder.database.read_bytes() == truncated


def test_overwritten_table_page_is_refused_and_unchanged(folder: ProfileFolder) -> None:
    _profile_with_progress(folder)
    database = folder.database
    with closing(sqlite3.connect(database)) as connection:
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'item_progress'"
        ).fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(database.read_bytes())
    start = (root - 1) * page_size
    assert data[start] == 0x0D, "item_progress should fit in a single leaf page here"
    # Scribble over the middle of the page's cell content area, where the rows live.
    content_start = int.from_bytes(data[start + 5 : start + 7], "big")
    middle = start + (content_start + page_size) // 2
    data[middle - 100 : middle + 100] = b"\xff" * 200
    damaged = bytes(data)
    database.write_bytes(damaged)

    problem = _expect_problem(database)

    assert "integrity check failed" in problem.detail or "malformed" in problem.detail
    assert database.read_bytes() == damaged


def test_damaged_header_is_refused(folder: ProfileFolder) -> None:
    _profile_with_progress(folder)
    data = bytearray(folder.database.read_bytes())
    data[28:32] = b"\xff\xff\xff\xff"  # the page count
    data[16:18] = b"\x00\x03"  # an impossible page size
    folder.database.write_bytes(bytes(data))

    problem = _expect_problem(folder.database)

    assert problem.reason == health.DAMAGED and problem.detail.startswith("SQLite reports: ")


def test_open_profile_refuses_a_damaged_database_without_touching_it(folder: ProfileFolder) -> None:
    _profile_with_progress(folder)
    whole = folder.database.read_bytes()
    truncated = whole[: len(whole) // 2]
    folder.database.write_bytes(truncated)

    with pytest.raises(DatabaseProblem):
        open_profile(folder, clock=StepClock())

    assert folder.database.read_bytes() == truncated
    assert not folder.backups_dir.exists()


# --- moving a damaged file aside --------------------------------------------------------------

NOW = datetime(2026, 3, 1, 12, 30, 5)
STAMP = "20260301-123005"


def test_move_aside_renames_the_database_and_its_companions(folder: ProfileFolder) -> None:
    database = folder.database
    database.write_bytes(b"main")
    database.with_name(database.name + "-wal").write_bytes(b"wal")
    database.with_name(database.name + "-shm").write_bytes(b"shm")

    kept = move_aside(database, now=NOW)

    assert kept == database.with_name(f"loopwise.damaged-{STAMP}.sqlite3")
    assert _files(folder.data_dir) == {
        f"loopwise.damaged-{STAMP}.sqlite3": b"main",
        f"loopwise.damaged-{STAMP}.sqlite3-wal": b"wal",
        f"loopwise.damaged-{STAMP}.sqlite3-shm": b"shm",
    }
    assert not database.exists()


def test_move_aside_without_companions(folder: ProfileFolder) -> None:
    folder.database.write_bytes(b"main")

    kept = move_aside(folder.database, now=NOW)

    assert _files(folder.data_dir) == {kept.name: b"main"}


def test_move_aside_never_overwrites_an_earlier_damaged_copy(folder: ProfileFolder) -> None:
    database = folder.database
    first = database.with_name(f"loopwise.damaged-{STAMP}.sqlite3")
    second = database.with_name(f"loopwise.damaged-{STAMP}-2.sqlite3")
    first.write_bytes(b"first damaged copy")
    second.write_bytes(b"second damaged copy")
    database.write_bytes(b"third")
    database.with_name(database.name + "-wal").write_bytes(b"third wal")

    kept = move_aside(database, now=NOW)

    assert kept == database.with_name(f"loopwise.damaged-{STAMP}-3.sqlite3")
    assert first.read_bytes() == b"first damaged copy"
    assert second.read_bytes() == b"second damaged copy"
    assert kept.read_bytes() == b"third"
    assert kept.with_name(kept.name + "-wal").read_bytes() == b"third wal"
    assert not database.exists()


def test_move_aside_never_overwrites_a_leftover_companion(folder: ProfileFolder) -> None:
    database = folder.database
    leftover = database.with_name(f"loopwise.damaged-{STAMP}.sqlite3-wal")
    leftover.write_bytes(b"leftover wal")
    database.write_bytes(b"main")
    database.with_name(database.name + "-wal").write_bytes(b"new wal")

    move_aside(database, now=NOW)

    assert leftover.read_bytes() == b"leftover wal"


def test_fresh_profile_can_start_after_moving_a_damaged_file_aside(folder: ProfileFolder) -> None:
    folder.database.write_bytes(b"Dear diary,\n")

    kept = move_aside(folder.database, now=clock_start())
    profile = open_profile(folder, clock=StepClock())
    profile.close()

    assert kept.read_bytes() == b"Dear diary,\n"
    check_database(folder.database)


def test_a_locked_database_is_not_offered_a_fresh_start(profile: Profile) -> None:
    database = profile.folder.database
    profile.close()
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("PRAGMA journal_mode=DELETE")
        holder.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DatabaseProblem) as raised:
            check_database(database)
        assert "locked" in str(raised.value)
        assert raised.value.can_start_fresh is False
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# --- the quick look at start-up, and the full check after it --------------------------------


def _damaged_in_the_middle(folder: ProfileFolder) -> bytes:
    from tests.backup_files import add_rows, damage

    profile = open_profile(folder, clock=StepClock())
    profile.close()
    add_rows(folder.database, entries=400)
    damage(folder.database)
    return folder.database.read_bytes()


def test_the_quick_look_refuses_a_file_that_is_not_sqlite(folder: ProfileFolder) -> None:
    folder.database.write_bytes(b"Dear diary,\nToday I practised two pointers.\n" * 50)

    with pytest.raises(DatabaseProblem) as caught:
        check_database(folder.database, thorough=False)

    assert caught.value.reason == "the file is not a SQLite database."


def test_the_quick_look_refuses_a_file_whose_schema_cannot_be_read(folder: ProfileFolder) -> None:
    damaged = b"SQLite format 3\x00" + b"\x13" * 8192
    folder.database.write_bytes(damaged)

    with pytest.raises(DatabaseProblem) as caught:
        open_profile(folder, clock=StepClock(), thorough=False)

    assert caught.value.detail.startswith("SQLite reports: ")
    assert folder.database.read_bytes() == damaged


def test_the_quick_look_leaves_damage_further_in_to_the_full_check(folder: ProfileFolder) -> None:
    damaged = _damaged_in_the_middle(folder)

    check_database(folder.database, thorough=False)  # header and schema are fine
    problem = IntegrityCheck(folder.database).run()

    assert problem is not None and problem.can_start_fresh
    assert "integrity check failed" in problem.detail or "malformed" in problem.detail
    assert folder.database.read_bytes() == damaged  # it only reads


def test_the_full_check_finds_nothing_in_a_whole_file(profile: Profile) -> None:
    assert IntegrityCheck(profile.folder.database).run() is None


def test_a_cancelled_full_check_reports_no_damage(folder: ProfileFolder) -> None:
    _damaged_in_the_middle(folder)
    check = IntegrityCheck(folder.database)

    check.cancel()  # the app quit before the worker got to it

    assert check.run() is None


def _sqlite_error(code: int, message: str) -> sqlite3.OperationalError:
    error = sqlite3.OperationalError(message)
    error.sqlite_errorcode = code  # as SQLite sets it
    return error


class _Usage(NamedTuple):
    total: int
    used: int
    free: int


@pytest.mark.parametrize(
    ("error", "free", "said"),
    [
        (_sqlite_error(13, "database or disk is full"), 10**9, "the disk is full"),
        # SQLite often says only "disk I/O error" when a backup runs out of room.
        (_sqlite_error(10, "disk I/O error"), 4096, "the disk is full"),
        (_sqlite_error(10, "disk I/O error"), 10**9, "the disk reported an error"),
        (OSError(errno.ENOSPC, "No space left on device", "x.partial"), 0, "the disk is full"),
        (OSError(errno.ENOENT, "No such file or directory", "x"), 10**9, "no such file or"),
    ],
)
def test_a_failed_write_says_the_same_words_for_the_same_trouble(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException, free: int, said: str
) -> None:
    monkeypatch.setattr(health.shutil, "disk_usage", lambda _folder: _Usage(10**10, 0, free))
    text = failure_text(error, tmp_path)
    assert text.startswith(said), text
    assert "I/O" not in text and "database or disk" not in text
    if said == "the disk is full":
        assert text == f"the disk is full ({tmp_path}). Free some space there and try again"


def test_file_missing_beside_its_backups_is_refused(folder: ProfileFolder) -> None:
    """Deleted by a slip or moved by a sync program: starting a new, empty profile without
    a word would hide the backups that hold the user's data."""
    _profile_with_progress(folder)
    backup_database(folder.database, folder.backups_dir, "manual", now=T0)
    for each in folder.data_dir.glob("loopwise.sqlite3*"):
        each.unlink()

    with pytest.raises(DatabaseProblem) as caught:
        open_profile(folder, clock=StepClock())

    assert caught.value.missing and caught.value.can_start_fresh
    assert caught.value.reason == health.MISSING
    assert not folder.database.exists(), "nothing is made in its place"
