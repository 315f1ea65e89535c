"""Which files of a chosen folder are Markdown notes to import, and which were passed over.

Only notes really inside the folder are read: a link that leads out of it (to /etc/passwd, or
to ~/.ssh in a shared vault) is never followed, nor is a named pipe or a device named like a
note. Each one passed over is listed with the reason, so the user can see what was left out.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.bounded_read import UnreadableFile, check_inside

SKIPPED_FOLDERS = {".obsidian", ".trash", ".git"}
MAX_NOTES = 100_000  # far more than ten years of daily notes


@dataclass
class NoteFiles:
    notes: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # "name: why", for the summary


def find_note_files(folder: Path) -> NoteFiles:
    """Every *.md file under `folder`, not looking inside its tool folders (.obsidian, .git)
    nor following a linked folder. Raises UnreadableFile if there are more than MAX_NOTES."""
    found = NoteFiles()
    for parent, folders, files in os.walk(folder, followlinks=False):
        here = Path(parent)
        folders[:] = sorted(name for name in folders if name not in SKIPPED_FOLDERS)
        for name in folders:
            if (here / name).is_symlink():
                _note_linked_folder(folder, here / name, found)
        for name in sorted(files):
            if not name.endswith(".md"):
                continue
            path = here / name
            problem = _why_not_read(folder, path)
            if problem is None:
                found.notes.append(path)
            else:
                found.skipped.append(f"{path.relative_to(folder).as_posix()}: {problem}")
            if len(found.notes) > MAX_NOTES:
                raise UnreadableFile(folder, f"has more than {MAX_NOTES:,} notes")
    found.notes.sort()
    return found


def _why_not_read(folder: Path, path: Path) -> str | None:
    try:
        check_inside(path, folder)
        mode = path.stat().st_mode
    except UnreadableFile as refused:
        return _short(refused.problem)
    except OSError as error:
        return f"cannot be read ({error.strerror or error})"
    if not stat.S_ISREG(mode):
        return "cannot be read: it is not a regular file (a named pipe or a device)"
    return None


def _note_linked_folder(folder: Path, path: Path, found: NoteFiles) -> None:
    """A linked folder is not followed; one leading outside the folder is named as skipped."""
    try:
        check_inside(path, folder)
    except UnreadableFile as refused:
        where = path.relative_to(folder).as_posix()
        found.skipped.append(f"{where}/: {_short(refused.problem)}")


def _short(problem: str) -> str:
    return problem.replace(", so Loopwise did not read it", ", so it was not read")
