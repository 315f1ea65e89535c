"""The quick check of a backup's header and length catches a copy cut short before SQLite's
full integrity check is run (real backups, cut with real truncation)."""

from __future__ import annotations

import os
from pathlib import Path
from unittest import mock

import pytest

from desktop.domain.backups import parse_backup_name
from desktop.store import backup_check
from desktop.store.backup import Backup, looks_whole
from desktop.store.backup_check import HEADER_SIZE, header_problem, judge_backup
from tests.backup_files import good_backup, make_profile


@pytest.fixture
def backup(tmp_path: Path) -> Path:
    return good_backup(make_profile(tmp_path / "data", entries=40, sessions=3))


def _page_size(path: Path) -> int:
    raw = int.from_bytes(path.read_bytes()[16:18], "big")
    return 65536 if raw == 1 else raw


def _cut(path: Path, size: int) -> None:
    with path.open("r+b") as handle:
        handle.truncate(size)


def _judged_without_opening_sqlite(path: Path) -> str | None:
    """The verdict, with SQLite's full check made to fail loudly if it is reached."""
    with mock.patch.object(backup_check, "_judge_database", side_effect=AssertionError):
        return judge_backup(path).problem


def test_a_whole_backup_passes_the_quick_check(backup: Path) -> None:
    assert header_problem(backup.read_bytes()[:HEADER_SIZE], backup.stat().st_size) is None
    assert judge_backup(backup).usable


def test_a_backup_cut_mid_page_is_caught_by_its_length(backup: Path) -> None:
    _cut(backup, backup.stat().st_size - 100)
    problem = _judged_without_opening_sqlite(backup)
    assert problem == "it is damaged (the file is cut short: not a whole number of pages)"


def test_a_backup_cut_at_a_page_boundary_is_caught_by_its_page_count(backup: Path) -> None:
    page = _page_size(backup)
    pages = backup.stat().st_size // page
    assert pages >= 3
    _cut(backup, 2 * page)
    problem = _judged_without_opening_sqlite(backup)
    assert problem == f"it is damaged (the file is cut short: 2 of its {pages} pages are there)"


def test_a_file_shorter_than_one_page_or_than_a_header_is_damaged(backup: Path) -> None:
    whole = backup.read_bytes()
    backup.write_bytes(whole[:HEADER_SIZE])  # a header and nothing else
    assert "not a whole number of pages" in str(_judged_without_opening_sqlite(backup))
    backup.write_bytes(whole[:40])
    assert _judged_without_opening_sqlite(backup) == (
        "it is damaged (it is shorter than a SQLite header)"
    )


@pytest.mark.parametrize("raw", [0, 3, 100, 1000, 0xFFFF])
def test_a_header_with_an_impossible_page_size_is_damaged(backup: Path, raw: int) -> None:
    data = bytearray(backup.read_bytes())
    data[16:18] = raw.to_bytes(2, "big")
    backup.write_bytes(bytes(data))
    assert _judged_without_opening_sqlite(backup) == (
        "it is damaged (its header names no valid page size)"
    )


def test_a_cut_backup_is_final_so_thinning_may_delete_it(backup: Path) -> None:
    _cut(backup, backup.stat().st_size - 1)
    assert judge_backup(backup).final


def test_the_quick_look_used_for_the_periodic_backup_sees_the_cut(backup: Path) -> None:
    name = parse_backup_name(backup.name)
    assert name is not None
    assert looks_whole(Backup(backup, name, backup.stat().st_size))
    _cut(backup, _page_size(backup))
    assert not looks_whole(Backup(backup, name, os.path.getsize(backup)))
