"""Refusing the profile's own database files as an import's source or an export's target.

An export replaces its target by renaming over it: chosen as the target, the database the app
has open would be swapped for a JSON file while the app went on writing into the old, deleted
one. An import (of an export, a path file or a quiz file) reads its source with a plain open
and close, which on Linux drops the app's SQLite locks on that file (see live_file.py). Both
are refused before anything is touched, by comparing files (device and inode, so links and
other spellings of the path count), with no descriptor opened. (Told as a data-file problem
by own_data_files.py: the plain export must not load pydantic through DataFileError.)"""

from __future__ import annotations

import errno
from pathlib import Path

SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")
REFUSED = "that file is where your data is kept; choose another file"


class OwnFileRefused(OSError):
    """The file chosen is the profile's database (or one SQLite keeps beside it)."""

    def __init__(self, path: Path) -> None:
        super().__init__(errno.EINVAL, REFUSED, str(path))


def refuse_own_file(path: Path, database: Path) -> None:
    """Raise OwnFileRefused if `path` is `database` or one of its SQLite side files."""
    try:
        found = path.stat()
    except OSError:
        return  # not there (a new export) or unreadable: the caller's own error says so
    for own in (database, *(database.with_name(database.name + s) for s in SQLITE_SIDE_FILES)):
        try:
            known = own.stat()
        except OSError:
            continue
        if (known.st_dev, known.st_ino) == (found.st_dev, found.st_ino):
            raise OwnFileRefused(path)
