"""Writes journal entries (and now and then a backup) until it is killed (for the SIGKILL test).

Usage: python -m tests.helpers.writing_child DATA_DIR
Prints "ready", then the id of every entry right after its transaction committed.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from desktop.clock import app_clock
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store.backup import backup_database
from desktop.store.database import session_scope
from desktop.store.journal import EntryDraft, create_entry


def main(data_dir: str) -> None:
    profile = open_profile(ProfileFolder(Path(data_dir)), clock=app_clock())
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        draft = EntryDraft(
            entry_date=date(2026, 11, 22), title=f"Entry {number}", body="x" * number
        )
        with session_scope(profile.engine) as session:
            entry_id = create_entry(session=session, draft=draft, now=profile.clock())
        print(entry_id, flush=True)  # committed: the test expects to find it
        if number % 25 == 0:
            backup_database(
                profile.folder.database, profile.folder.backups_dir, "manual", now=profile.clock()
            )


if __name__ == "__main__":
    main(sys.argv[1])
