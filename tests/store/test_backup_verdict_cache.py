"""The verdict on each backup is remembered beside the backups, so a list reads only new or
changed files; a bad or foreign cache is ignored and rebuilt, never trusted over a file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.store import backup_verdicts
from desktop.store.backup import judge_backups
from desktop.store.backup_check import judge_backup
from desktop.store.backup_verdicts import CACHE_LIMIT, cache_file, judge_with_cache
from tests.backup_files import good_backup, make_profile, unusable_backup


@pytest.fixture
def backups(tmp_path: Path) -> list[Path]:
    database = make_profile(tmp_path / "data", entries=3, sessions=2)
    good = good_backup(database, hours_ago=1)
    return [good, good_backup(database, hours_ago=2), unusable_backup("truncated", good)]


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every file the cache had to read (the real check still runs)."""
    read: list[Path] = []

    def counting(path: Path) -> object:
        read.append(path)
        return judge_backup(path)

    monkeypatch.setattr(backup_verdicts, "judge_backup", counting)
    return read


def test_a_second_list_reads_no_file_and_says_the_same(
    backups: list[Path], reads: list[Path]
) -> None:
    folder = backups[0].parent
    cache_file(folder).unlink(missing_ok=True)
    first = {j.backup.path: j.verdict for j in judge_backups(folder)}
    assert sorted(reads) == sorted(backups)
    reads.clear()

    second = {j.backup.path: j.verdict for j in judge_backups(folder)}

    assert reads == []
    assert second == first
    assert [path for path, verdict in second.items() if not verdict.usable] == [backups[2]]


def test_a_new_backup_is_remembered_when_it_is_made(backups: list[Path], reads: list[Path]) -> None:
    folder = backups[0].parent
    judge_backups(folder)
    reads.clear()
    made = good_backup(folder.parent / "loopwise.sqlite3", hours_ago=0.5)

    assert judge_with_cache(folder, [made])[made].usable
    assert reads == []


def test_a_file_changed_since_is_read_again(backups: list[Path], reads: list[Path]) -> None:
    folder = backups[0].parent
    judge_backups(folder)
    reads.clear()
    changed = backups[0]
    stamp = changed.stat()
    with changed.open("r+b") as handle:
        handle.truncate(stamp.st_size - 512)
    os.utime(changed, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))  # even with its old time

    verdict = judge_with_cache(folder, backups)[changed]

    assert reads == [changed]
    assert not verdict.usable and verdict.final


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[1, 2, 3]",
        b'{"format": "someone-elses/1", "files": {}}',
        b"[" * 100_000,
        b"{}" + b" " * (CACHE_LIMIT + 1),
    ],
    ids=["empty", "garbled", "a-list", "foreign", "deep", "huge"],
)
def test_a_bad_cache_is_ignored_and_rebuilt(
    backups: list[Path], reads: list[Path], content: bytes
) -> None:
    folder = backups[0].parent
    expected = {path: judge_backup(path) for path in backups}
    reads.clear()
    cache_file(folder).write_bytes(content)

    assert judge_with_cache(folder, backups) == expected
    assert sorted(reads) == sorted(backups)
    assert json.loads(cache_file(folder).read_text())["format"] == "loopwise-backup-checks/1"


def test_entries_of_the_wrong_shape_are_read_again(backups: list[Path], reads: list[Path]) -> None:
    folder = backups[0].parent
    judge_backups(folder)
    document = json.loads(cache_file(folder).read_text())
    good = document["files"][backups[0].name]
    good["entries"] = True  # JSON true is not a count
    document["files"][backups[1].name]["key"] = "not a key"
    cache_file(folder).write_text(json.dumps(document))
    reads.clear()

    verdicts = judge_with_cache(folder, backups)

    assert sorted(reads) == sorted(backups[:2])
    assert verdicts[backups[0]].contents is not None
    assert verdicts[backups[0]].contents.journal_entries == 3


def test_a_cache_written_by_a_version_knowing_other_schemas_is_ignored(
    backups: list[Path], reads: list[Path]
) -> None:
    folder = backups[0].parent
    judge_backups(folder)
    document = json.loads(cache_file(folder).read_text())
    document["schema"] = "another-version"
    cache_file(folder).write_text(json.dumps(document))
    reads.clear()

    judge_backups(folder)

    assert sorted(reads) == sorted(backups)


def test_a_cache_that_is_a_pipe_or_a_link_out_is_ignored(
    backups: list[Path], reads: list[Path], tmp_path: Path
) -> None:
    folder = backups[0].parent
    outside = tmp_path / "outside.json"
    judge_backups(folder)
    cache_file(folder).rename(outside)
    cache_file(folder).symlink_to(outside)
    reads.clear()
    judge_backups(folder)
    assert sorted(reads) == sorted(backups)  # the link out was not followed
    cache_file(folder).unlink()
    os.mkfifo(cache_file(folder))
    reads.clear()
    judge_backups(folder)  # does not wait on the pipe
    assert sorted(reads) == sorted(backups)


def test_a_cache_that_cannot_be_written_still_lists_and_leaves_nothing(
    backups: list[Path], reads: list[Path]
) -> None:
    """(A folder in the cache's place: as root, a read-only folder would not stop a write.)"""
    folder = backups[0].parent
    cache_file(folder).unlink(missing_ok=True)
    cache_file(folder).mkdir()

    verdicts = judge_with_cache(folder, backups)

    assert [verdicts[path].usable for path in backups] == [True, True, False]
    assert cache_file(folder).is_dir()
    assert list(folder.parent.glob(cache_file(folder).name + ".*")) == []
