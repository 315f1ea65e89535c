"""Imports and restores cut short by a kill, told at the next start.

Both are all or nothing (one transaction; SQLite's backup API), so a kill or a power cut in the
middle leaves the data as it was, but without a word the user cannot know that the file they
imported, or the backup they chose, is not in. So a note is written into the data folder before
the work starts and removed when it ends, however it ends in Python (a failure or a cancel is
told at the time). A note that is still there and that no running process holds
(store/held_files.py) was left by a process that died: the next start tells it, once.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import os
import platform
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desktop.store.held_files import create_held, is_left_behind, remove_if_left_behind

IMPORT = "import"
RESTORE = "restore"

_PREFIX = "under-way-"
# Without flock (Windows) only age tells: no import or restore runs this long.
_LEFT_BEHIND_AFTER_SECONDS = 12 * 60 * 60

_HOST = platform.node  # this computer's name, as the notes record it
_numbers = itertools.count(1)  # two at once in one process get a note each

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Unfinished:
    kind: str  # IMPORT or RESTORE
    subject: str  # the file or folder imported, or the backup's name ("" if not known)
    # Stopped while the work was being committed: it may be done, whole (see committing()).
    committing: bool = False

    def sentence(self) -> str:
        """What happened and what to do, in a sentence or two for the user."""
        if self.kind == IMPORT and self.committing:
            which = f"the import of {self.subject}" if self.subject else "an import"
            return (
                f"{which[0].upper()}{which[1:]} was stopped as it was being saved: it is "
                "either all in or not in at all. Import it again to be sure; what is already "
                "here is not added twice."
            )
        if self.kind == RESTORE and self.committing:
            which = f"the backup {self.subject}" if self.subject else "a backup"
            return (
                f"Restoring {which} was stopped as it was being written: your data is either "
                "all as in that backup or all as it was before, never a mix. To be sure, "
                "restore it again."
            )
        if self.kind == RESTORE:
            which = f"the backup {self.subject}" if self.subject else "a backup"
            return (
                f"Restoring {which} did not finish: Loopwise was stopped while it ran, so "
                "nothing was restored. To go back to it, restore it again."
            )
        which = f"the import of {self.subject}" if self.subject else "an import"
        return (
            f"{which[0].upper()}{which[1:]} did not finish: Loopwise was stopped while it ran, "
            "and nothing from it was added. You can simply import it again."
        )


class UnderWay:
    """The note for one import or restore: there from start() until finish()."""

    def __init__(self, path: Path | None, descriptor: int | None, note: bytes = b"") -> None:
        self._path = path
        self._descriptor = descriptor
        self._note = note

    @classmethod
    def start(cls, data_dir: Path, kind: str, subject: str) -> UnderWay:
        """Write the note. If it cannot be written (a read-only folder, a full disk), the
        work goes on without it: the work itself will say what is wrong."""
        note = json.dumps({"kind": kind, "subject": subject, "host": _HOST()}).encode()
        try:
            path, descriptor = _new_note(data_dir, kind)
        except OSError:
            logger.warning("No note of the %s under way could be made", kind, exc_info=True)
            return cls(None, None)
        try:
            os.write(descriptor, note)
            os.fsync(descriptor)  # on disk before the work starts, as a power cut may follow
        except OSError:
            logger.warning("The note of the %s under way is incomplete", kind, exc_info=True)
        return cls(path, descriptor, note)

    def committing(self) -> None:
        """Called just before the commit: from here a kill may leave the work done, so the
        note no longer says that nothing came of it."""
        if self._descriptor is None:
            return
        note = self._note[:-1] + b', "committing": true}'
        try:
            os.lseek(self._descriptor, 0, os.SEEK_SET)
            os.write(self._descriptor, note)  # longer than before: no ftruncate needed
            os.fsync(self._descriptor)
        except OSError:
            logger.warning("The note could not say the commit began", exc_info=True)

    def finish(self) -> None:
        """The work ended, and whoever ran it was told how: remove the note."""
        path, descriptor = self._path, self._descriptor
        self._path = self._descriptor = None
        if path is not None:
            with contextlib.suppress(OSError):  # the next start removes it, unheld
                path.unlink(missing_ok=True)
        if descriptor is not None:
            os.close(descriptor)


def _new_note(data_dir: Path, kind: str) -> tuple[Path, int]:
    """A new note file, held. Its name may be taken by a note that a killed process with
    the same process id left (ids are reused): that one is left for the next start to tell."""
    for _attempt in range(100):
        path = data_dir / f"{_PREFIX}{kind}-{os.getpid()}-{next(_numbers)}.json"
        with contextlib.suppress(FileExistsError):
            return path, create_held(path)
    raise FileExistsError(f"no free name for a note in {data_dir}")


@contextmanager
def under_way(data_dir: Path, kind: str, subject: str) -> Iterator[UnderWay]:
    """A note of the work for as long as the block runs (see UnderWay)."""
    note = UnderWay.start(data_dir, kind, subject)
    try:
        yield note
    finally:
        note.finish()


def left_unfinished(data_dir: Path) -> list[Unfinished]:
    """The imports and restores a killed process left unfinished, each told only once (its
    note is removed). Notes that a running process holds are left alone."""
    found = []
    for path in sorted(data_dir.glob(f"{_PREFIX}*.json")):
        if not is_left_behind(path, older_than_seconds=_LEFT_BEHIND_AFTER_SECONDS):
            continue
        unfinished, host = _read(path)
        if host not in ("", _HOST()):
            # Written on another computer (a synced folder): its lock is not seen here, so
            # it may well be running there; that computer's next start tells it.
            continue
        if remove_if_left_behind(path, older_than_seconds=_LEFT_BEHIND_AFTER_SECONDS):
            found.append(unfinished)
    return found


def _read(path: Path) -> tuple[Unfinished, str]:
    """The note and the computer it was written on ("" if not known); a note cut short
    while it was written still says what kind of work it was."""
    kind = IMPORT if path.name.startswith(f"{_PREFIX}{IMPORT}-") else RESTORE
    try:
        note = json.loads(path.read_text(encoding="utf-8"))
        subject, committing = str(note.get("subject", "")), note.get("committing") is True
        return Unfinished(kind, subject, committing), str(note.get("host", ""))
    except (OSError, ValueError, AttributeError):
        return Unfinished(kind, ""), ""
