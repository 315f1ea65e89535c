"""The single-instance lock file when Qt's QLockFile cannot judge it: empty or garbled and
held by nobody, or not writable because the disk is full."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from pathlib import Path

from desktop.clock import seconds_since_modified

# A start writes its lock file within microseconds of creating it; an unreadable one older
# than this is not being written.
ABANDONED_AFTER_SECONDS = 3.0
_FULL = {errno.ENOSPC, errno.EDQUOT}


def remove_if_abandoned(lock_file: Path, *, remove: bool = True) -> bool:
    """True if `lock_file` (which Qt could not read as a lock) is old and no process holds it;
    then it is removed, unless `remove` is False. Gone already counts as removed."""
    try:
        age = seconds_since_modified(lock_file.stat().st_mtime)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if age < ABANDONED_AFTER_SECONDS:
        return False
    try:
        descriptor = os.open(lock_file, os.O_RDONLY)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        if not _nobody_holds(descriptor):
            return False
        if remove:
            # Only the file that was checked: another start may have put a new one there.
            if os.fstat(descriptor).st_ino != os.stat(lock_file).st_ino:
                return False
            os.unlink(lock_file)
        return True
    except OSError:
        return False
    finally:
        os.close(descriptor)


def _nobody_holds(descriptor: int) -> bool:
    """A running Loopwise holds an flock on its lock file (Qt takes one), on systems that
    have flock; elsewhere the age of the file is all there is to go on."""
    try:
        import fcntl
    except ImportError:  # Windows
        return True
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True  # released when the descriptor is closed


def disk_is_full(folder: Path) -> bool:
    """Whether writing a few kilobytes into `folder` fails because there is no space."""
    try:
        handle, name = tempfile.mkstemp(prefix=".loopwise-space-", dir=folder)
    except OSError as error:
        return error.errno in _FULL
    try:
        os.write(handle, b"\0" * 8192)
        os.fsync(handle)
    except OSError as error:
        return error.errno in _FULL
    finally:
        os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(name)
    return False
