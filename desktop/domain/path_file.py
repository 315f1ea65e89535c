"""Reading learning-path TOML files, with errors that name the file, the line and the field."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from desktop.domain.curriculum import LearningPath

MAX_FILE_BYTES = 2_000_000


@dataclass(frozen=True)
class PathFileError(Exception):
    """A path file that cannot be used, described so a person can fix it."""

    file: str
    line: int | None
    field: str | None
    problem: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        field = f" (field '{self.field}')" if self.field else ""
        return f"{where}{field}: {self.problem}"


def parse_path_text(text: str, file_name: str) -> LearningPath:
    """Parse and validate one path file's text; raise PathFileError on the first problem found."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = _line_from_toml_error(str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(error))
        raise PathFileError(file_name, line, None, f"this is not valid TOML: {message}") from None
    duplicate = _first_duplicate_id(raw)
    if duplicate is not None:
        location, problem = duplicate
        raise PathFileError(file_name, locate_line(text, location), _dotted(location, raw), problem)
    try:
        return LearningPath.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        field = _dotted(location, raw)
        line = locate_line(text, location)
        raise PathFileError(file_name, line, field or None, _friendly(first)) from None


def read_path_bytes(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PathFileError(str(path), None, None, "the file is larger than 2 MB")
        return path.read_bytes()
    except OSError as error:
        raise PathFileError(str(path), None, None, f"cannot be read ({error.strerror})") from None


def parse_path_bytes(data: bytes, file_name: str) -> LearningPath:
    try:
        text = data.decode("utf-8-sig")  # editors on Windows often start files with a BOM
    except UnicodeDecodeError:
        raise PathFileError(file_name, None, None, "the file is not UTF-8 text") from None
    return parse_path_text(text, file_name)


def read_path_file(path: Path) -> LearningPath:
    return parse_path_bytes(read_path_bytes(path), str(path))


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
                path = read_path_file(file)
            except PathFileError as error:
                errors.append(error)
                continue
            by_id[path.id] = path
            sources[path.id] = file
    ordered = sorted(by_id.values(), key=lambda p: (p.id != "backend-senior", p.title.lower()))
    return LoadedPaths(tuple(ordered), tuple(errors), sources)


def _toml_files(folder: Path) -> Iterable[Path]:
    if not folder.is_dir():
        return ()
    return sorted(p for p in folder.glob("*.toml") if p.is_file())


def _first_duplicate_id(raw: object) -> tuple[tuple[object, ...], str] | None:
    """Ids must be unique (progress is keyed by them); point at the second use of one."""
    stages = raw.get("stages") if isinstance(raw, dict) else None
    if not isinstance(stages, list):
        return None
    stage_ids: set[object] = set()
    item_ids: set[object] = set()
    for stage_index, stage in enumerate(stages):
        if not isinstance(stage, dict):
            continue
        stage_id = stage.get("id")
        if stage_id is not None and stage_id in stage_ids:
            return ("stages", stage_index, "id"), f"the stage id '{stage_id}' is used twice"
        stage_ids.add(stage_id)
        items = stage.get("items")
        for item_index, item in enumerate(items if isinstance(items, list) else []):
            item_id = item.get("id") if isinstance(item, dict) else None
            if item_id is not None and item_id in item_ids:
                location = ("stages", stage_index, "items", item_index, "id")
                return location, f"the item id '{item_id}' is used twice"
            item_ids.add(item_id)
    return None


def _line_from_toml_error(message: str) -> int | None:
    match = re.search(r"at line (\d+)", message)
    return int(match.group(1)) if match else None


def _friendly(error: object) -> str:
    details = error if isinstance(error, dict) else {}
    kind = str(details.get("type", ""))
    message = str(details.get("msg", "is not valid")).removeprefix("Value error, ")
    if kind == "missing":
        return "this field is required but missing"
    if kind == "extra_forbidden":
        return "this field is not known (check its spelling)"
    if kind == "enum":
        expected = details.get("ctx", {}).get("expected", "")
        return f"must be one of {expected}"
    if kind == "string_pattern_mismatch":
        last = details.get("loc", ("",))[-1] if details.get("loc") else ""
        if last == "link":
            return "must be a web address starting with http:// or https://"
        return "must use only lowercase letters, digits and hyphens, for example 'two-sum'"
    return message[0].lower() + message[1:] if message else "is not valid"


def _dotted(location: tuple[object, ...], raw: object) -> str:
    """'stages[2].items[0].kind' with 1-based positions, which people count in."""
    parts: list[str] = []
    for step in location:
        if isinstance(step, int):
            parts[-1:] = [f"{parts[-1]}[{step + 1}]"] if parts else [f"[{step + 1}]"]
        else:
            parts.append(str(step))
    return ".".join(parts)


def locate_line(text: str, location: tuple[object, ...]) -> int | None:
    """Best line for an error at `location`, for files laid out as [[stages]] / [[stages.items]].

    Walks the table headers in order: the n-th [[stages]], then the m-th [[stages.items]]
    inside it, then the key. Falls back to the nearest enclosing table's header line.
    """
    lines = text.splitlines()
    start, end = 0, len(lines)
    best: int | None = None
    steps = list(location)
    header_prefix = ""
    while steps:
        step = steps.pop(0)
        if not isinstance(step, str):
            continue
        index = steps.pop(0) if steps and isinstance(steps[0], int) else None
        assert index is None or isinstance(index, int)
        table = f"{header_prefix}{step}" if header_prefix else step
        if index is not None:
            header = f"[[{table}]]"
            found = _nth_header(lines, start, end, header, index)
            if found is None:
                # The key may be an inline array rather than a table: point at the key.
                key_line = _key_line(lines, start, end, step)
                return key_line if key_line is not None else best
            start = found
            best = found + 1
            end = _next_header(lines, start + 1, end, header)
            header_prefix = f"{table}."
            continue
        key_line = _key_line(lines, start, end, step)
        return key_line if key_line is not None else best
    return best


def _is_header(line: str, header: str) -> bool:
    """'[[stages.items]]', also written '[[ stages.items ]]  # comment'."""
    name = header.strip("[]")
    return re.match(rf"^\s*\[\[\s*{re.escape(name)}\s*\]\]\s*(#.*)?$", line) is not None


def _nth_header(lines: list[str], start: int, end: int, header: str, n: int) -> int | None:
    count = -1
    for number in range(start, end):
        if _is_header(lines[number], header):
            count += 1
            if count == n:
                return number
    return None


def _next_header(lines: list[str], start: int, end: int, header: str) -> int:
    for number in range(start, end):
        if _is_header(lines[number], header):
            return number
    return end


def _key_line(lines: list[str], start: int, end: int, key: str) -> int | None:
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
    for number in range(start, end):
        stripped = lines[number].strip()
        if stripped.startswith("[") and number != start:
            break
        if pattern.match(lines[number]):
            return number + 1
    return None
