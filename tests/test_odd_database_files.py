"""Database files that are not what they seem, met at start-up: a link to nothing, an empty
version record, someone else's file holding only a view."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from tests.backup_files import make_profile
from tests.test_cli import loopwise


def test_a_link_to_a_missing_database_does_not_start_an_empty_profile(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    data.mkdir()
    elsewhere = tmp_path / "usb-stick" / "loopwise.sqlite3"  # a drive that is not connected
    (data / "loopwise.sqlite3").symlink_to(elsewhere)

    for extra in ([], ["--start-fresh"]):
        result = loopwise("--data-dir", str(data), "--exit-after-startup", *extra)

        assert result.returncode == 2
        assert f"it is a link to {elsewhere}, which is not there" in result.stderr
        assert "Traceback" not in result.stderr
    assert not elsewhere.parent.exists()
    assert (data / "loopwise.sqlite3").is_symlink()
    assert sorted(p.name for p in data.iterdir()) == ["loopwise.sqlite3", "paths", "quizzes"]


def test_an_empty_version_record_is_explained_and_adds_no_backup_on_each_start(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=2)
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("DELETE FROM alembic_version")
        connection.commit()

    for _attempt in range(2):
        result = loopwise("--data-dir", str(data), "--exit-after-startup")
        assert result.returncode == 2
        assert "(the alembic_version table) is empty" in result.stderr
        assert "sqlalchemy" not in result.stderr.lower() and "Traceback" not in result.stderr
    assert not (data / "backups").exists() or list((data / "backups").iterdir()) == []


def test_a_file_holding_only_a_view_is_not_written_to(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    data.mkdir()
    database = data / "loopwise.sqlite3"
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("CREATE VIEW today AS SELECT date('now') AS day")
        connection.commit()
    before = database.read_bytes()

    result = loopwise("--data-dir", str(data), "--exit-after-startup")

    assert result.returncode == 2
    assert "not one Loopwise made" in result.stderr
    assert database.read_bytes() == before
