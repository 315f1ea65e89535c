"""Reading shipped data files (TOML): errors name the file, the line and the field.

Learning paths, the pattern taxonomy, quizzes and templates all go through here, so a
mistake in any of them is reported the same way.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from desktop.domain.bounded_read import TomlTooComplex, UnreadableFile, loads_toml, read_bounded

MAX_FILE_BYTES = 2_000_000
Model = TypeVar("Model", bound=BaseModel)


@dataclass(eq=False)  # not frozen: Python sets __traceback__ on exceptions as they travel
class DataFileError(Exception):
    """A data file that cannot be used, described so a person can fix it."""

    file: str
    line: int | None
    field: str | None
    problem: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, line {self.line}"
        field = f" (field '{self.field}')" if self.field else ""
        return f"{where}{field}: {self.problem}"


def read_data_bytes(path: Path, inside: Path | None = None) -> bytes:
    """At most MAX_FILE_BYTES of a regular file (never a pipe or a device); with `inside`,
    only a file that is really in that folder (not a link to somewhere else)."""
    try:
        return read_bounded(path, limit=MAX_FILE_BYTES, inside=inside)
    except UnreadableFile as error:
        raise DataFileError(str(path), None, None, error.problem) from None


def decode_text(data: bytes, file_name: str) -> str:
    try:
        return data.decode("utf-8-sig")  # editors on Windows often start files with a BOM
    except UnicodeDecodeError:
        raise DataFileError(file_name, None, None, "the file is not UTF-8 text") from None


def parse_toml(text: str, file_name: str) -> dict[str, Any]:
    try:
        return loads_toml(text)
    except TomlTooComplex as error:
        if not error.location:
            raise DataFileError(file_name, None, None, error.problem) from None
        raise problem_at(text, file_name, error.location, error.problem) from None
    except tomllib.TOMLDecodeError as error:
        line = _line_from_toml_error(str(error))
        message = re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(error))
        raise DataFileError(file_name, line, None, f"this is not valid TOML: {message}") from None


def validate(raw: dict[str, Any], text: str, file_name: str, model: type[Model]) -> Model:
    """Validate parsed TOML against `model`, reporting the first problem with its line."""
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        field = dotted(location)
        line = locate_line(text, location)
        problem = _friendly(first)
        if first["type"] == "missing" and len(location) == 1:
            problem += " (add it at the top of the file, before the first [table])"
        raise DataFileError(file_name, line, field or None, problem) from None


def problem_at(
    text: str, file_name: str, location: tuple[object, ...], problem: str
) -> DataFileError:
    """An error for a check the model cannot express (such as ids used twice)."""
    return DataFileError(file_name, locate_line(text, location), dotted(location), problem)


# Where ids must be unique: the table path (such as ("groups", "entries")) and what they name.
UniqueIds = tuple[tuple[tuple[str, ...], str], ...]


def read_model(
    path: Path, model: type[Model], unique_ids: UniqueIds = (), inside: Path | None = None
) -> Model:
    """Read, check that ids are unique where `unique_ids` says, and validate."""
    text = decode_text(read_data_bytes(path, inside), str(path))
    return check_and_validate(parse_toml(text, str(path)), text, str(path), model, unique_ids)


def check_and_validate(
    raw: dict[str, Any], text: str, file_name: str, model: type[Model], unique_ids: UniqueIds
) -> Model:
    for tables, what in unique_ids:
        duplicate = first_duplicate_id(raw, tables, what)
        if duplicate is not None:
            location, problem = duplicate
            raise problem_at(text, file_name, location, problem)
    return validate(raw, text, file_name, model)


def first_duplicate_id(
    raw: dict[str, Any], tables: tuple[str, ...], what: str
) -> tuple[tuple[object, ...], str] | None:
    """The second use of an `id` among the tables at `tables` (such as ("groups", "entries")),
    counted across all parents, as a location for problem_at()."""
    seen: set[object] = set()

    def walk(
        node: object, rest: tuple[str, ...], where: tuple[object, ...]
    ) -> tuple[tuple[object, ...], str] | None:
        if not rest or not isinstance(node, dict) or not isinstance(node.get(rest[0]), list):
            return None
        for index, child in enumerate(node[rest[0]]):
            here = (*where, rest[0], index)
            if len(rest) > 1:
                found = walk(child, rest[1:], here)
                if found:
                    return found
                continue
            ident = child.get("id") if isinstance(child, dict) else None
            if ident is not None and ident in seen:
                return (*here, "id"), f"the {what} id '{ident}' is used twice"
            seen.add(ident)
        return None

    return walk(raw, tables, ())


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


def dotted(location: tuple[object, ...]) -> str:
    """'stages[2].items[0].kind' with 1-based positions, which people count in."""
    parts: list[str] = []
    for step in location:
        if isinstance(step, int):
            parts[-1:] = [f"{parts[-1]}[{step + 1}]"] if parts else [f"[{step + 1}]"]
        else:
            parts.append(str(step))
    return ".".join(parts)


def locate_line(text: str, location: tuple[object, ...]) -> int:
    """Best line for an error at `location` in a file of keys, [tables] and [[tables]].

    Walks the table headers in order (the n-th [[stages]], then the m-th [[stages.items]]
    inside it, or a plain [settings] table), then the key. Falls back to the nearest
    enclosing table's header line, and to line 1 (the top of the file) for a top-level key
    that is missing, so every error has a line.
    """
    lines = text.splitlines()
    start, end = 0, len(lines)
    best = 1
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
                # The key may be an inline array rather than a table: point at its element,
                # which may sit on a line of its own.
                key_line = _key_line(lines, start, end, step)
                if key_line is None:
                    return best
                return _element_line(lines, key_line - 1, index) or key_line
            start = found
            best = found + 1
            end = _next_header(lines, start + 1, end, header)
            header_prefix = f"{table}."
            continue
        if steps:  # a key inside a plain [table]
            found = _plain_table_header(lines, start, end, table)
            if found is not None:
                start, best = found, found + 1
                header_prefix = f"{table}."
                continue
        key_line = _key_line(lines, start, end, step)
        return key_line if key_line is not None else best
    return best


def _plain_table_header(lines: list[str], start: int, end: int, table: str) -> int | None:
    """The line of '[settings]' (also '[ settings ]  # comment'), not '[[settings]]'."""
    pattern = re.compile(rf"^\s*\[\s*{re.escape(table)}\s*\]\s*(#.*)?$")
    return next((n for n in range(start, end) if pattern.match(lines[n])), None)


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


def _element_line(lines: list[str], key_line: int, index: int) -> int | None:
    """The 1-based line where the `index`-th element of the inline array assigned on
    `key_line` starts, following strings, comments and nested arrays; None if not found."""
    depth, element, quote = 0, 0, ""
    for number in range(key_line, len(lines)):
        line = lines[number]
        position = line.index("=") + 1 if number == key_line else 0
        while position < len(line):
            char = line[position]
            if quote:
                if char == "\\" and quote == '"':
                    position += 1
                elif char == quote:
                    quote = ""
            elif char == "#":
                break
            elif depth >= 1 and element == index and not char.isspace() and char not in ",]":
                return number + 1
            elif char in "\"'":
                quote = char
            elif char == "[":
                depth += 1
            elif char == "]":
                depth -= 1
                if depth == 0:
                    return None
            elif char == "," and depth == 1:
                element += 1
            position += 1
    return None
