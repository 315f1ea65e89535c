"""Copies of the database made with SQLite's online backup API (safe while it is open)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path


def backup_database(database: Path, backups_dir: Path, reason: str) -> Path:
    """Write a consistent copy of `database` into `backups_dir` and return its path.

    The copy is written under a temporary name and renamed, so a half-written backup
    never looks like a good one.
    """
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S-%f")
    target = backups_dir / f"loopwise-{stamp}-{reason}.sqlite3"
    partial = target.with_suffix(".partial")
    with (
        closing(sqlite3.connect(database)) as source,
        closing(sqlite3.connect(partial)) as copy,
    ):
        source.backup(copy)
    partial.replace(target)
    return target
