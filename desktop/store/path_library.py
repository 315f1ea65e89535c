"""The learning paths on disk: the shipped ones plus those the user imported."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from desktop.domain.curriculum import LearningPath
from desktop.domain.path_file import (
    LoadedPaths,
    PathFileError,
    load_path_dirs,
    parse_path_bytes,
    read_path_bytes,
)


def load_paths(shipped_dir: Path, user_dir: Path) -> LoadedPaths:
    """User files come last, so a user's edited copy of a shipped path takes its place."""
    return load_path_dirs([shipped_dir, user_dir])


def import_path_file(source: Path, user_dir: Path) -> tuple[LearningPath, Path]:
    """Validate `source` and copy it into the user's path folder, all or nothing.

    Raises PathFileError (naming file, line and field) and then changes nothing on disk.
    The copy is written to a temporary file and renamed into place, so a crash never
    leaves half a file behind.
    """
    data = read_path_bytes(source)
    path = parse_path_bytes(data, str(source))  # the bytes checked are the bytes written
    target = user_dir / f"{path.id}.toml"
    try:
        user_dir.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=user_dir, prefix=".import-", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise PathFileError(
            str(source), None, None, f"could not be copied into {user_dir} ({error.strerror})"
        ) from None
    return path, target
