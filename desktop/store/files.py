"""Writing a file so that a crash or a full disk never leaves half of it behind."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path
from typing import Generic, Protocol, TypeVar

from desktop.store.held_files import create_held, remove_if_left_behind

SCRATCH_PREFIX = ".loopwise-"
SCRATCH_SUFFIX = ".partial"
# Without flock (Windows) a scratch file is taken for left behind once it is this old.
_SCRATCH_LEFT_AFTER_SECONDS = 600.0


def write_atomically(target: Path, write: Callable[[Path], object]) -> None:
    """`write` fills a scratch file next to `target`; once it is safely on disk it takes
    `target`'s place in one step. If anything fails, the scratch file is removed and
    `target` is left as it was.

    The scratch file is held (held_files.py) while it is written, so the scratch files a
    killed process left in the folder (hidden, often megabytes of an export) are told from
    another copy's at work, and removed by the next write there."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_left_behind_scratch(target.parent)
    scratch, held = _create_scratch(target.parent)
    try:
        write(scratch)
        descriptor = os.open(scratch, os.O_RDWR)
        try:
            os.fsync(descriptor)  # on disk before the rename makes it the real file
        finally:
            os.close(descriptor)
        os.replace(scratch, target)
    finally:
        scratch.unlink(missing_ok=True)
        os.close(held)


def _create_scratch(folder: Path) -> tuple[Path, int]:
    while True:
        scratch = folder / f"{SCRATCH_PREFIX}{secrets.token_hex(6)}{SCRATCH_SUFFIX}"
        try:
            # Only the user may read it, as with mkstemp: an export holds their journal.
            return scratch, create_held(scratch, mode=0o600)
        except FileExistsError:
            continue


def _remove_left_behind_scratch(folder: Path) -> None:
    try:
        left = list(folder.glob(f"{SCRATCH_PREFIX}*{SCRATCH_SUFFIX}"))
    except OSError:
        return
    for scratch in left:
        remove_if_left_behind(scratch, older_than_seconds=_SCRATCH_LEFT_AFTER_SECONDS)


def write_text_atomically(target: Path, text: str) -> None:
    write_atomically(target, lambda scratch: scratch.write_text(text, encoding="utf-8"))


def copy_checked_file(source: Path, data: bytes, target: Path) -> None:
    """Keep `data`, the bytes read from `source` and checked, as `target`: all or nothing.
    A failure is a DataFileError naming the source and the folder it could not go into."""
    from desktop.domain.data_file import DataFileError

    try:
        write_atomically(target, lambda scratch: scratch.write_bytes(data))
    except OSError as error:
        problem = f"could not be copied into {target.parent} ({error.strerror})"
        raise DataFileError(str(source), None, None, problem) from None


class _Identified(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def title(self) -> str: ...


_File = TypeVar("_File", bound=_Identified)


class FileClash(Exception, Generic[_File]):
    """An imported file's id is already in use; replacing it needs the user's say-so.
    `explanation` says what clashes and how to go on, for the command line; `then` adds
    what replacing would do to it."""

    noun = "file"

    def __init__(self, incoming: _File, existing: _File, then: str = "") -> None:
        self.incoming = incoming
        self.existing = existing
        self.explanation = (
            f"a {self.noun} with the id '{incoming.id}' (“{existing.title}”) is already here. "
            f"Run again with --replace to replace it{then}."
        )
        super().__init__(self.explanation)
