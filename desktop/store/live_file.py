"""Reading the start of the database file while this process has it open in SQLite.

SQLite's locks are POSIX record locks, and closing any descriptor of a file drops all of
the process's locks on it, SQLite's included. A file opened and closed to read the header
did that to the running app: a command run meanwhile (`loopwise weak-spots`) then found the
database unused when it closed, checkpointed it and deleted its WAL, and the app's later
writes went into the deleted file, unseen by anyone else and lost if the app was killed.
So the header is read through one descriptor per file, kept open while the process runs.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

_kept: dict[tuple[int, int], int] = {}  # (device, inode) -> a descriptor never closed
# The periodic backup reads on a worker thread. Held over the read too: another thread's
# _let_go_of_deleted may close a descriptor, and its number be given to another file.
_lock = threading.Lock()


def read_start(path: Path, size: int) -> bytes:
    """The first `size` bytes of `path`, read without closing a descriptor of it."""
    if not hasattr(os, "pread"):  # Windows: closing one handle leaves the others' locks
        with path.open("rb") as handle:
            return handle.read(size)
    found = os.stat(path)  # no descriptor: a stat drops nothing
    key = (found.st_dev, found.st_ino)
    with _lock:
        descriptor = _kept.get(key)
        if descriptor is None:
            _let_go_of_deleted()
            # One per file the process reads (a database started afresh is a new one).
            descriptor = _kept[key] = os.open(path, os.O_RDONLY)
        return os.pread(descriptor, size, 0)


def _let_go_of_deleted() -> None:
    """Close the descriptors of files deleted since (a test's folder, a profile removed
    by hand): no connection works on a deleted file, so no lock that matters goes. A file
    renamed aside (a damaged database) keeps its descriptor: one, for the rest of the run."""
    for key, descriptor in list(_kept.items()):
        if os.fstat(descriptor).st_nlink == 0:
            os.close(descriptor)
            del _kept[key]
