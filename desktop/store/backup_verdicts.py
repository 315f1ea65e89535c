"""Each backup's verdict, remembered beside the backups so a list is not a full read.

Checking a backup reads the whole file (SQLite's integrity check), so listing 60 backups of
30 MB would read 2 GB each time File > Backups or `loopwise restore` lists them. The verdict
is kept in a small JSON file beside the backups folder (in the data folder, so the backups
folder holds only backups), keyed by the file's name, size, change
times and inode: any change to a file makes it checked again. The cache is only ever a
shortcut for showing a list: restoring and deleting check the file itself. A cache file that
is missing, damaged, too large, someone else's or written by a version that knows other
schema revisions is ignored and written anew.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from desktop.clock import seconds_since_modified
from desktop.domain.backups import Contents
from desktop.domain.bounded_read import UnreadableFile, read_bounded
from desktop.store.backup_check import Verdict, judge_backup

CACHE_NAME = "backups-checked.json"
_FORMAT = "loopwise-backup-checks/1"
# About 200 bytes a backup: room for thousands, and a foreign file stays cheap to refuse.
CACHE_LIMIT = 2_000_000


def cache_file(backups_dir: Path) -> Path:
    return backups_dir.parent / CACHE_NAME


@functools.cache
def _schema_key() -> str:
    """Which schema revisions this version knows: a verdict ('made by a newer version',
    or usable) holds only for the same set. The revisions form one line, so its head names
    the set (a test keeps it Alembic's head): writing a verdict, as every backup does, needs
    no Alembic (about 0.1 s to load)."""
    from desktop.store.migrate import SCHEMA_HEAD

    return hashlib.sha256(f"up to {SCHEMA_HEAD}".encode()).hexdigest()[:16]


def _file_key(info: os.stat_result) -> list[int]:
    return [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]


def judge_with_cache(backups_dir: Path, paths: list[Path]) -> dict[Path, Verdict]:
    """The verdict on each of `paths` (files in `backups_dir`), reading only the files that
    are new or changed since the cache was written, then writing the cache again."""
    cached = _read_cache(backups_dir)
    kept: dict[str, dict[str, Any]] = {}
    verdicts: dict[Path, Verdict] = {}
    for path in paths:
        try:
            key = _file_key(path.stat())
        except OSError:
            verdicts[path] = judge_backup(path)  # gone or unreadable: says which, not cached
            continue
        entry = cached.get(path.name)
        verdict = _verdict(entry) if entry is not None and entry.get("key") == key else None
        if verdict is None:
            verdict = judge_backup(path)
            entry = _entry(key, verdict)
        if entry is not None:
            kept[path.name] = entry
        verdicts[path] = verdict
    if kept != cached:
        _write_cache(backups_dir, kept)
    return verdicts


def remember(backups_dir: Path, path: Path, verdict: Verdict) -> None:
    """Record the verdict on a backup just made and checked (under its final name)."""
    try:
        key = _file_key(path.stat())
    except OSError:
        return
    files = _read_cache(backups_dir)
    entry = _entry(key, verdict)
    if entry is not None:
        files[path.name] = entry
        _write_cache(backups_dir, files)


def _entry(key: list[int], verdict: Verdict) -> dict[str, Any] | None:
    if verdict.contents is not None:
        contents = verdict.contents
        last = contents.last_entry.isoformat() if contents.last_entry else None
        return {"key": key, "entries": contents.journal_entries, "sessions": contents.sessions,
                "stories": contents.stories, "plan_items": contents.plan_items,
                "last": last}  # fmt: skip
    if verdict.problem is None:
        return None
    return {"key": key, "problem": verdict.problem, "final": verdict.final}


def _verdict(entry: dict[str, Any]) -> Verdict | None:
    """The verdict an entry records, or None if it is not one this code wrote (an entry from
    before stories and plan items were counted is read again)."""
    problem = entry.get("problem")
    if isinstance(problem, str) and problem and isinstance(entry.get("final"), bool):
        return Verdict(problem=problem, final=entry["final"])
    counts = [entry.get(name) for name in ("entries", "sessions", "stories", "plan_items")]
    last = entry.get("last")
    if not (all(_count(count) for count in counts) and (last is None or isinstance(last, str))):
        return None
    entries, sessions, stories, plan_items = (int(count or 0) for count in counts)
    try:
        day = date.fromisoformat(last) if last is not None else None
    except ValueError:
        return None
    return Verdict(contents=Contents(entries, sessions, day, stories, plan_items))


def _count(value: object) -> bool:
    return type(value) is int and 0 <= value < 2**63


def _read_cache(backups_dir: Path) -> dict[str, dict[str, Any]]:
    try:
        raw = read_bounded(cache_file(backups_dir), limit=CACHE_LIMIT, inside=backups_dir.parent)
        document = json.loads(raw)
    except (UnreadableFile, ValueError, RecursionError):
        return {}  # missing or unusable: every file is checked, and a new cache written
    if (
        not isinstance(document, dict)
        or document.get("format") != _FORMAT
        or document.get("schema") != _schema_key()
        or not isinstance(document.get("files"), dict)
    ):
        return {}
    return {
        name: entry
        for name, entry in document["files"].items()
        if isinstance(entry, dict)
        and isinstance(entry.get("key"), list)
        and all(type(part) is int for part in entry["key"])
    }


def _write_cache(backups_dir: Path, files: dict[str, dict[str, Any]]) -> None:
    """Written whole under a temporary name and renamed over the old one, so a reader (or a
    kill mid-way) sees the old cache or the new, never half of one. Not synced to the disk:
    a cache lost in a power cut is rebuilt by the next list."""
    document = {"format": _FORMAT, "schema": _schema_key(), "files": files}
    _sweep_leftovers(backups_dir)
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=CACHE_NAME + ".", dir=backups_dir.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(document, stream, separators=(",", ":"))
        os.replace(temporary, cache_file(backups_dir))
        temporary = None
    except OSError:
        pass  # a read-only or full folder: the list is shown all the same, without a cache
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


# A temporary cache this old was left by a kill mid-write (writing one takes milliseconds).
_ABANDONED_SECONDS = 600


def _sweep_leftovers(backups_dir: Path) -> None:
    for leftover in backups_dir.parent.glob(CACHE_NAME + ".*"):
        with contextlib.suppress(OSError):  # gone already, or not ours to delete
            if seconds_since_modified(leftover.lstat().st_mtime) > _ABANDONED_SECONDS:
                leftover.unlink()
