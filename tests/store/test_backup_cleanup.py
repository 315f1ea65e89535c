"""Unusable backups are cleaned away once they are a day old, and a chosen backup can be
deleted; real backups and real damaged files in a temporary profile."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.store.backup import (
    delete_backup,
    list_backups,
    thin_backups,
)
from desktop.store.backup_check import judge_backup
from desktop.store.backup_verdicts import cache_file, judge_with_cache
from tests.backup_files import good_backup, make_profile, unusable_backup
from tests.clocks import clock_start

FINAL_KINDS = ["zero-byte", "truncated", "foreign", "rows-gone"]


@pytest.fixture
def good(tmp_path: Path) -> Path:
    return good_backup(make_profile(tmp_path / "data", entries=3, sessions=2), hours_ago=1)


def _names(backups_dir: Path) -> set[str]:
    return {backup.path.name for backup in list_backups(backups_dir)}


@pytest.mark.any_date
@pytest.mark.parametrize("kind", FINAL_KINDS)
def test_thinning_deletes_an_unusable_backup_older_than_a_day(good: Path, kind: str) -> None:
    old = unusable_backup(kind, good, hours_ago=30)
    recent = unusable_backup(kind, good, hours_ago=20)
    assert judge_backup(old).final

    removed = thin_backups(good.parent, now=clock_start())

    assert removed == [old]
    assert _names(good.parent) == {good.name, recent.name}  # the recent one is still shown


@pytest.mark.any_date
@pytest.mark.parametrize("kind", ["newer-schema", "dangling-symlink"])
def test_thinning_keeps_a_backup_that_may_yet_be_restored(good: Path, kind: str) -> None:
    """A copy from a newer version is restorable after an update; a link to nothing may be
    a folder not mounted yet: neither is deleted."""
    kept = unusable_backup(kind, good, hours_ago=24 * 40)

    assert thin_backups(good.parent, now=clock_start()) == []
    assert kept.name in _names(good.parent)


@pytest.mark.any_date
def test_a_forged_cache_cannot_make_thinning_delete_a_good_backup(good: Path) -> None:
    """The cache only lists: a deletion as unusable looks at the file itself."""
    older = good_backup(good.parent.parent / "loopwise.sqlite3", hours_ago=48)
    judge_with_cache(good.parent, [good, older])
    document = json.loads(cache_file(good.parent).read_text())
    document["files"][older.name] = {
        **document["files"][older.name],
        "problem": "the file is empty (0 bytes)",
        "final": True,
    }
    del document["files"][older.name]["entries"]
    cache_file(good.parent).write_text(json.dumps(document))
    assert not judge_with_cache(good.parent, [older])[older].usable  # the forgery is read

    assert thin_backups(good.parent, now=clock_start()) == []
    assert older.exists() and judge_backup(older).usable


def test_delete_backup_removes_only_that_file(good: Path) -> None:
    other = good_backup(good.parent.parent / "loopwise.sqlite3", hours_ago=5)

    delete_backup(other)

    assert _names(good.parent) == {good.name}
    assert judge_backup(good).usable
    delete_backup(other)  # already gone (another window deleted it): not an error


def test_deleting_a_link_leaves_the_file_it_points_to(good: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.sqlite3"
    elsewhere.write_bytes(good.read_bytes())
    link = good.with_name(good.name.replace("periodic", "manual"))
    link.symlink_to(elsewhere)

    delete_backup(link)

    assert not link.is_symlink() and elsewhere.read_bytes() == good.read_bytes()
