"""Learning-path files: parsing, the checks beyond the schema, and loading a folder of them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from desktop.domain.curriculum import ItemKind, LearningPath
from desktop.domain.data_file import (
    MAX_FILE_BYTES,
    DataFileError,
    check_and_validate,
    decode_text,
    locate_line,
    parse_toml,
    read_data_bytes,
)
from desktop.domain.vocabulary import Vocabulary, topic_problems, with_tag_ids

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


def parse_path_text(
    text: str, file_name: str, vocabulary: Vocabulary | None = None
) -> LearningPath:
    """Parse and validate one path file's text; raise PathFileError with every problem found.

    With a vocabulary, every item topic must be a tag it knows, and comes back as its id.
    """
    if not text.strip():
        raise PathFileError(file_name, None, None, "the file is empty")
    # Ids must be unique: progress is stored by them.
    unique = ((("stages",), "stage"), (("stages", "items"), "item"))
    raw = parse_toml(text, file_name)
    unknown_topics = (
        []
        if vocabulary is None
        else topic_problems(
            raw,
            vocabulary,
            (text, file_name),
            ("stages", "items"),
            # As written, so a theme is accepted even where the kind's case is the mistake.
            lambda item: str(item.get("kind", "")).strip().lower() == ItemKind.BEHAVIORAL.value,
        )
    )
    path = check_and_validate(raw, text, file_name, LearningPath, unique, unknown_topics)
    return path if vocabulary is None else _topics_as_ids(path, vocabulary, text, file_name)


def _topics_as_ids(
    path: LearningPath, vocabulary: Vocabulary, text: str, file_name: str
) -> LearningPath:
    """Behavioral items may also name a story theme (data/themes.toml)."""
    stages = tuple(
        stage.model_copy(
            update={
                "items": with_tag_ids(
                    stage.items,
                    vocabulary,
                    (text, file_name),
                    ("stages", index, "items"),
                    lambda item: item.kind is ItemKind.BEHAVIORAL,
                )
            }
        )
        for index, stage in enumerate(path.stages)
    )
    return path.model_copy(update={"stages": stages})


def read_path_bytes(path: Path, inside: Path | None = None) -> bytes:
    return read_data_bytes(path, inside)


def parse_path_bytes(
    data: bytes, file_name: str, vocabulary: Vocabulary | None = None
) -> LearningPath:
    return parse_path_text(decode_text(data, file_name), file_name, vocabulary)


def read_path_file(
    path: Path, vocabulary: Vocabulary | None = None, inside: Path | None = None
) -> LearningPath:
    """`inside`: the folder the file must really be in (a link out of it is refused)."""
    return parse_path_bytes(read_path_bytes(path, inside), str(path), vocabulary)


@dataclass(frozen=True)
class LoadedPaths:
    paths: tuple[LearningPath, ...]
    errors: tuple[PathFileError, ...]
    sources: dict[str, Path]


def load_path_dirs(folders: Sequence[Path], vocabulary: Vocabulary | None = None) -> LoadedPaths:
    """Load every *.toml file; a later folder's path replaces an earlier one with the same id.

    A bad file is reported and skipped, so one broken file never stops the app from starting.
    """
    by_id: dict[str, LearningPath] = {}
    sources: dict[str, Path] = {}
    read, errors = read_each(
        folders, lambda file, folder: read_path_file(file, vocabulary, inside=folder)
    )
    for file, path in read:
        by_id[path.id] = path
        sources[path.id] = file
    ordered = sorted(by_id.values(), key=lambda p: (p.id != "backend-senior", p.title.lower()))
    return LoadedPaths(tuple(ordered), errors, sources)


Read = TypeVar("Read")


def read_each(
    folders: Sequence[Path], read: Callable[[Path, Path], Read]
) -> tuple[list[tuple[Path, Read]], tuple[DataFileError, ...]]:
    """`read` every data file (and the folder it must be inside) in turn; a file it refuses
    is reported, not fatal."""
    found: list[tuple[Path, Read]] = []
    errors: list[DataFileError] = []
    for folder in folders:
        for file in _toml_files(folder):
            try:
                found.append((file, read(file, folder)))
            except DataFileError as error:
                errors.append(error)
    return found, tuple(errors)


def _toml_files(folder: Path) -> Iterable[Path]:
    """Every *.toml name but folders: a pipe, a link out of the folder or a link to a
    folder is read (and refused with a message), not passed over in silence."""
    if not folder.is_dir():
        return ()
    return sorted(p for p in folder.glob("*.toml") if p.is_symlink() or not p.is_dir())
