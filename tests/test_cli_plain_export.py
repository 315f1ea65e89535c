"""`loopwise export` writes a current profile through the sqlite3 module alone: the same
bytes as the app's export, without loading the database layer, and it still refuses a
damaged, locked or foreign file as it did through the profile."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop import safety_commands
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store import locks
from desktop.store.database import session_scope
from desktop.store.demo import populate_demo_profile
from desktop.store.journal import delete_entry
from desktop.store.transfer.export_plan import EXPORT_PLAN
from desktop.store.transfer.json_export import write_export
from desktop.store.transfer.json_rows import export_plan_of
from desktop.store.transfer.plain_export import write_plain_export
from desktop.store.transfer.sections import SECTIONS
from tests.backup_files import locked_by_another_program, make_profile
from tests.clocks import StepClock
from tests.fresh_python import modules_loaded_by
from tests.store.transfer_data import NOW, stories_and_plans


def test_the_frozen_plan_is_the_sections_plan() -> None:
    # If this fails, a section or a table changed: print export_plan_of(SECTIONS) and put
    # it in desktop/store/transfer/export_plan.py.
    assert export_plan_of(SECTIONS) == EXPORT_PLAN


def _full_profile(data: Path, *, dangling: bool = False) -> Path:
    """The demo's months of use plus a story bank and a plan, written by the store."""
    profile = open_profile(ProfileFolder(data), clock=StepClock())
    try:
        with session_scope(profile.engine) as session:
            populate_demo_profile(session=session, paths=profile.library.paths, today=NOW)
        stories_and_plans(profile)
        if dangling:  # the mock interview's journal entry goes; the link outlives it
            with closing(sqlite3.connect(profile.folder.database)) as connection:
                (entry,) = connection.execute(
                    "SELECT journal_entry_id FROM mock_interview WHERE journal_entry_id "
                    "IS NOT NULL LIMIT 1"
                ).fetchone()
            with session_scope(profile.engine) as session:
                delete_entry(session=session, entry_id=entry)
    finally:
        profile.close()
    return data / "loopwise.sqlite3"


def _through_the_profile(data: Path, target: Path) -> int:
    profile = open_profile(ProfileFolder(data), clock=StepClock())
    try:
        with session_scope(profile.engine) as session:
            return write_export(session=session, target=target, now=NOW)
    finally:
        profile.close()


@pytest.mark.parametrize("dangling", [False, True])
def test_the_plain_export_writes_the_bytes_the_profile_does(tmp_path: Path, dangling: bool) -> None:
    database = _full_profile(tmp_path / "profile", dangling=dangling)
    general, plain = tmp_path / "general.json", tmp_path / "plain.json"
    count = _through_the_profile(tmp_path / "profile", general)

    assert write_plain_export(database, plain, now=NOW) == count
    assert count > 500
    assert plain.read_bytes() == general.read_bytes()


def test_the_export_command_loads_no_database_layer(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    _full_profile(data)
    target = tmp_path / "all.json"
    loaded = modules_loaded_by(["--data-dir", str(data), "export", str(target)])
    assert not {"sqlalchemy", "sqlmodel", "alembic", "pydantic"} & set(loaded)
    assert '"format":"loopwise-export"' in target.read_text(encoding="utf-8")


def test_a_time_stored_another_way_is_exported_the_general_way(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=3)  # times written by hand, without microseconds
    target = tmp_path / "plain.json"

    assert write_plain_export(database, target, now=NOW) is None
    assert not target.exists() and list(tmp_path.iterdir()) == [data]
    assert safety_commands.export_command(str(data), "json", str(target)) == 0
    assert '"title":"entry 2"' in target.read_text(encoding="utf-8")


def test_a_profile_of_another_schema_is_left_to_the_profile(tmp_path: Path) -> None:
    database = make_profile(tmp_path / "profile", entries=0)
    with closing(sqlite3.connect(database)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = 'older'")
    assert write_plain_export(database, tmp_path / "plain.json", now=NOW) is None
    assert not (tmp_path / "plain.json").exists()


def _damage(database: Path) -> None:
    """Overwrite 4 KB in the middle of the file, past what the quick look reads."""
    size = database.stat().st_size
    with database.open("r+b") as handle:
        handle.seek(size // 2 - (size // 2) % 4096)
        handle.write(b"\xa5" * 4096)


def test_a_damaged_profile_is_refused_and_the_target_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "profile"
    database = _full_profile(data)
    _damage(database)
    target = tmp_path / "all.json"
    target.write_text("the export from last week")

    assert safety_commands.export_command(str(data), "json", str(target)) == 1
    said = capsys.readouterr().err
    assert "Nothing was exported: your data could not be read (SQLite reports: " in said
    assert "restore a backup" in said
    assert target.read_text() == "the export from last week"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.json", "profile"]


def test_a_file_that_is_not_sqlite_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "profile"
    data.mkdir()
    (data / "loopwise.sqlite3").write_text("not a database at all, but long enough " * 10)

    assert safety_commands.export_command(str(data), "json", str(tmp_path / "all.json")) == 1
    said = capsys.readouterr().err
    assert "the file is not a SQLite database" in said and "has not been changed" in said
    assert not (tmp_path / "all.json").exists()


def test_a_foreign_sqlite_file_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "profile"
    data.mkdir()
    with closing(sqlite3.connect(data / "loopwise.sqlite3")) as connection, connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")

    assert safety_commands.export_command(str(data), "json", str(tmp_path / "all.json")) == 1
    assert "not one Loopwise made" in capsys.readouterr().err
    assert not (tmp_path / "all.json").exists()


def test_a_locked_profile_is_refused_as_locked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locks, "LOCK_WAIT_SECONDS", 1.0)
    data = tmp_path / "profile"
    database = make_profile(data, entries=5)
    with locked_by_another_program(database):
        code = safety_commands.export_command(str(data), "json", str(tmp_path / "all.json"))
    assert code == 1
    said = capsys.readouterr().err
    assert "is using it right now (it is locked)" in said and "has not been changed" in said
    assert not (tmp_path / "all.json").exists()
