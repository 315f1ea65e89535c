"""Learning-path files: parsing, the checks beyond the schema, and loading a folder of them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.curriculum import LearningPath
from desktop.domain.data_file import (
    MAX_FILE_BYTES,
    DataFileError,
    check_and_validate,
    decode_text,
    locate_line,
    parse_toml,
    read_data_bytes,
)

# A path file's problems are data-file problems; the name reads better where paths are handled.
PathFileError = DataFileError

__all__ = [
    "MAX_FILE_BYTES",
    "LoadedPaths",
    "PathFileError",
    "load_path_dirs",
    "locate_line",
    "parse_path_bytes",
    "parse_path_text",
    "read_path_bytes",
    "read_path_file",
]


def parse_path_text(text: str, file_name: str) -> LearningPath:
    """Parse and validate one path file's text; raise PathFileError on the first problem found."""
    if not text.strip():
        raise PathFileError(file_name, None, None, "the file is empty")
    # Ids must be unique: progress is stored by them.
    unique = ((("stages",), "stage"), (("stages", "items"), "item"))
    return check_and_validate(parse_toml(text, file_name), text, file_name, LearningPath, unique)


def read_path_bytes(path: Path, inside: Path | None = None) -> bytes:
    return read_data_bytes(path, inside)


def parse_path_bytes(data: bytes, file_name: str) -> LearningPath:
    return parse_path_text(decode_text(data, file_name), file_name)


def read_path_file(path: Path, inside: Path | None = None) -> LearningPath:
    return parse_path_bytes(read_path_bytes(path, inside), str(path))


@dataclass(frozen=True)
class LoadedPaths:
    paths: tuple[LearningPath, ...]
    errors: tuple[PathFileError, ...]
    sources: dict[str, Path]


def load_path_dirs(folders: Sequence[Path]) -> LoadedPaths:
    """Load every *.toml file; a later folder's path replaces an earlier one with the same id.

    A bad file is reported and skipped, so one broken file never stops the app from starting.
    """
    by_id: dict[str, LearningPath] = {}
    sources: dict[str, Path] = {}
    errors: list[PathFileError] = []
    for folder in folders:
        for file in _toml_files(folder):
            try:
                path = read_path_file(file, inside=folder)
            except PathFileError as error:
                errors.append(error)
                continue
            by_id[path.id] = path
            sources[path.id] = file
    ordered = sorted(by_id.values(), key=lambda p: (p.id != "backend-senior", p.title.lower()))
    return LoadedPaths(tuple(ordered), tuple(errors), sources)


def _toml_files(folder: Path) -> Iterable[Path]:
    """Every *.toml name but folders: a pipe or a link out of the folder is read (and
    refused with a message), not passed over in silence."""
    if not folder.is_dir():
        return ()
    return sorted(p for p in folder.glob("*.toml") if not p.is_dir())
