"""The profile's own database is never an export's target nor an import's source: an export
would rename a JSON file over it while the app writes on, an import's plain read would drop
the app's SQLite locks."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.domain import data_file
from desktop.domain.data_file import DataFileError
from desktop.folders import ProfileFolder
from desktop.profile import open_profile, shipped_vocabulary
from desktop.store.database import session_scope
from desktop.store.own_files import OwnFileRefused, refuse_own_file
from desktop.store.path_library import import_path_file
from desktop.store.quiz_library import import_quiz_file
from desktop.store.transfer.json_export import write_export
from tests.clocks import StepClock

pytestmark = pytest.mark.any_date

OWN = "that file is where your data is kept; choose another file"


def test_the_database_its_side_files_and_links_to_them_are_refused(tmp_path: Path) -> None:
    database = tmp_path / "loopwise.sqlite3"
    database.write_bytes(b"SQLite format 3\x00")
    wal = tmp_path / "loopwise.sqlite3-wal"
    wal.write_bytes(b"")
    link = tmp_path / "export.json"
    link.symlink_to(database)
    for path in (database, wal, link, tmp_path / "." / "loopwise.sqlite3"):
        with pytest.raises(OwnFileRefused):
            refuse_own_file(path, database)
    other = tmp_path / "other.json"
    other.write_text("{}")
    refuse_own_file(other, database)  # another file, and one not there yet, are fine
    refuse_own_file(tmp_path / "new.json", database)


@pytest.fixture
def data_dir(folder: ProfileFolder) -> Path:
    profile = open_profile(folder, clock=StepClock())
    profile.close()
    return folder.data_dir


def _tables(database: Path) -> int:
    with closing(sqlite3.connect(database)) as connection:
        return connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]


@pytest.mark.parametrize(
    "command",
    [["export"], ["export", "--format", "json"], ["import", "--yes"], ["import-path"],
     ["import-quiz"]],
)  # fmt: skip
def test_the_commands_refuse_the_database_and_leave_it_whole(
    data_dir: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    database = ProfileFolder(data_dir).database
    tables = _tables(database)
    assert main(["--data-dir", str(data_dir), *command, str(database)]) == 1
    said = capsys.readouterr().err
    assert (f"{database} is where your data is kept, not an export" if "import" in command
            else OWN) in said  # fmt: skip
    assert database.read_bytes().startswith(b"SQLite format 3\x00")
    assert _tables(database) == tables
    folder = ProfileFolder(data_dir)
    assert not any(folder.path_files_dir.iterdir()) and not any(folder.quiz_files_dir.iterdir())


@pytest.mark.parametrize("side_file", ["", "-wal"])
def test_path_and_quiz_imports_refuse_it_before_reading_a_byte(
    folder: ProfileFolder, tmp_path: Path, side_file: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    database = folder.database
    database.write_bytes(b"SQLite format 3\x00")
    own = database.with_name(database.name + side_file)
    own.touch()
    link = tmp_path / "my-path.toml"
    link.symlink_to(own)

    def no_read(path: Path, **_: object) -> bytes:
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr(data_file, "read_bounded", no_read)
    vocabulary = shipped_vocabulary()
    for source in (own, link):
        with pytest.raises(DataFileError) as path_refused:
            import_path_file(source, folder.path_files_dir, vocabulary, database=database)
        with pytest.raises(DataFileError) as quiz_refused:
            import_quiz_file(source, folder.quiz_files_dir, vocabulary, {}, database=database)
        for refused in (path_refused.value, quiz_refused.value):
            assert (refused.file, refused.problem) == (str(source), OWN)


def test_the_windows_export_refuses_the_database_too(folder: ProfileFolder) -> None:
    profile = open_profile(folder, clock=StepClock())
    try:
        with session_scope(profile.engine) as session, pytest.raises(OwnFileRefused):
            write_export(session=session, target=folder.database, now=profile.clock())
        assert folder.database.read_bytes().startswith(b"SQLite format 3\x00")
    finally:
        profile.close()
