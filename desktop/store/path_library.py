"""The learning paths on disk: the shipped ones plus those the user imported."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop.domain.curriculum import LearningPath
from desktop.domain.path_file import (
    LoadedPaths,
    load_path_dirs,
    parse_path_bytes,
    read_path_bytes,
)
from desktop.domain.vocabulary import Vocabulary
from desktop.store.files import FileClash, copy_checked_file
from desktop.store.own_data_files import refuse_own_data_file


def load_paths(shipped_dir: Path, user_dir: Path, vocabulary: Vocabulary) -> LoadedPaths:
    """User files come last, so a user's edited copy of a shipped path takes its place."""
    return load_path_dirs([shipped_dir, user_dir], vocabulary)


class PathClash(FileClash[LearningPath]):
    """The file's path id is already in use; replacing it needs the user's say-so."""

    noun = "path"

    def __init__(self, incoming: LearningPath, existing: LearningPath) -> None:
        retired = _items_dropped(incoming, existing)
        super().__init__(
            incoming,
            existing,
            f"; your progress is kept, and {retired} items the new file no longer has would be "
            "shown as retired",
        )

    @property
    def items_to_retire(self) -> int:
        """Items of the current path that the new file no longer has (their history is kept)."""
        return _items_dropped(self.incoming, self.existing)


def _items_dropped(incoming: LearningPath, existing: LearningPath) -> int:
    new_ids = {item.id for stage in incoming.stages for item in stage.items}
    old_ids = {item.id for stage in existing.stages for item in stage.items}
    return len(old_ids - new_ids)


def import_path_file(
    source: Path,
    user_dir: Path,
    vocabulary: Vocabulary,
    existing: Sequence[LearningPath] = (),
    *,
    replace: bool = False,
    database: Path | None = None,
) -> tuple[LearningPath, Path]:
    """Validate `source` and copy it into the user's path folder, all or nothing.

    Raises PathFileError (naming file, line and field, or a topic the vocabulary lacks), or
    PathClash when a path with the same id is already loaded and `replace` is not set; either
    way nothing on disk changes.
    The copy is written to a temporary file and renamed into place, so a crash never
    leaves half a file behind.
    `database`, the profile's, is refused as `source` before it is read (a plain read would
    drop the app's SQLite locks, see own_files.py).
    """
    refuse_own_data_file(source, database)
    data = read_path_bytes(source)
    path = parse_path_bytes(
        data, str(source), vocabulary
    )  # the bytes checked are the bytes written
    clash = next((known for known in existing if known.id == path.id), None)
    if clash is not None and not replace:
        raise PathClash(path, clash)
    target = user_dir / f"{path.id}.toml"
    copy_checked_file(source, data, target)
    return path, target
