"""Files a running Loopwise is working on, told apart from ones a killed process left behind.

The process that makes such a file (a backup being written, a note that an import is under
way) holds an flock on it for as long as it works; the system lets go of that lock however the
process ends, SIGKILL and power loss included. So a file nobody holds was left behind, however
new it is, and one that is held belongs to a running copy (the app, or a command on the
command line), however old. Where there is no flock (Windows) only a file's age can tell.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from desktop.clock import seconds_since_modified

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def create_held(path: Path, mode: int = 0o644) -> int:
    """Create `path` (which must not exist: FileExistsError) and hold it until the returned
    descriptor is closed (os.close), however this process ends."""
    while True:
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, mode)
        if fcntl is None:
            return descriptor
        try:
            # Blocks only while a sweep that found it before it was held looks at it.
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            if os.fstat(descriptor).st_nlink > 0:
                return descriptor
        except OSError:
            os.close(descriptor)
            raise
        os.close(descriptor)  # that sweep removed it as left behind: make it again


def remove_if_left_behind(path: Path, *, older_than_seconds: float) -> bool:
    """Remove `path` if no running process holds it (without flock: if it is older than
    `older_than_seconds`); True if it was removed (gone already counts)."""
    try:
        descriptor = _open_plain_file(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False  # not ours to look at
    if descriptor is None:
        return False
    try:
        if not _nobody_holds(descriptor, older_than_seconds):
            return False
        # Only the file that was looked at: a new one may have taken its name meanwhile.
        if os.fstat(descriptor).st_ino != os.lstat(path).st_ino:
            return False
        if fcntl is not None:
            os.unlink(path)  # while holding it: its maker, had it just made it, makes another
            return True
    except FileNotFoundError:
        return True
    except OSError:
        return False
    finally:
        os.close(descriptor)
    try:  # Windows: an open file cannot be removed
        path.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def is_left_behind(path: Path, *, older_than_seconds: float) -> bool:
    """True if `path` exists and no running process holds it (see remove_if_left_behind)."""
    try:
        descriptor = _open_plain_file(path)
    except OSError:
        return False
    if descriptor is None:
        return False
    try:
        return _nobody_holds(descriptor, older_than_seconds)
    finally:
        os.close(descriptor)


def _open_plain_file(path: Path) -> int | None:
    """A descriptor for `path` if it is a plain file (not through a link); None for anything
    else, which Loopwise never makes under these names: a pipe would block the open for
    ever, and a link would lead the lock (and the check) to another file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        if error.errno == errno.ELOOP:  # a link
            return None
        raise
    if stat.S_ISREG(os.fstat(descriptor).st_mode):
        return descriptor
    os.close(descriptor)
    return None


def _nobody_holds(descriptor: int, older_than_seconds: float) -> bool:
    """Takes the lock (kept until the descriptor is closed) if nobody holds it."""
    if fcntl is None:
        with contextlib.suppress(OSError):
            return seconds_since_modified(os.fstat(descriptor).st_mtime) > older_than_seconds
        return False
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False  # held: by a running copy (or the lock cannot be taken: leave it be)
    return True
