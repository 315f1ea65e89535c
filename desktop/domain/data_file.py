"""Reading shipped data files (TOML): errors name the file, the line and the field.

Learning paths, the pattern taxonomy, quizzes and templates all go through here, so a
mistake in any of them is reported the same way.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from desktop.domain.bounded_read import TomlTooComplex, UnreadableFile, loads_toml, read_bounded
from desktop.domain.wording import counted

MAX_FILE_BYTES = 2_000_000
# Every data file's `format` says what this version of Loopwise reads.
FORMAT_NOTE = "the file format version; this version of Loopwise reads format 1"
# A file with more mistakes than this lists the first ones and says how many more there are:
# enough to fix in one go, few enough to read.
MAX_PROBLEMS_SHOWN = 10
Model = TypeVar("Model", bound=BaseModel)


@dataclass(eq=False)  # not frozen: Python sets __traceback__ on exceptions as they travel
class DataFileError(Exception):
    """A data file that cannot be used, described so a person can fix it."""

    file: str
    line: int | None
    field: str | None
    problem: str
    # The file's other problems, so its author can fix them all in one go.
    more: tuple[DataFileError, ...] = ()
    # The known names closest to one the file got wrong (a tag, a field, a kind), nearest
    # first: `problem` offers them in words; kept as data too, so no caller reads them back
    # out of the sentence.
    suggestions: tuple[str, ...] = ()
    # Where someone at a terminal finds every allowed name ("`loopwise tags` lists them"):
    # only the command line adds it, a window's user has no terminal to type it in.
    terminal_hint: str = ""

    @property
    def problems(self) -> tuple[DataFileError, ...]:
        """Every problem found in the file, this one first, each on its own."""
        return (replace(self, more=()), *self.more)

    def __str__(self) -> str:
        """The command line's form: every problem on its own line, each with the whole path,
        so an editor or grep can jump to it."""
        problems = self.problems
        lines = [_one_problem(problem) for problem in problems[:MAX_PROBLEMS_SHOWN]]
        hidden = len(problems) - MAX_PROBLEMS_SHOWN
        if hidden > 0:
            lines.append(f"…and {counted(hidden, 'more problem')} in this file.")
        return "\n".join(lines)


def _one_problem(error: DataFileError) -> str:
    where = error.file if error.line is None else f"{error.file}, line {error.line}"
    named = f" (field '{error.field}')" if error.field else ""
    hint = f" ({error.terminal_hint})" if error.terminal_hint else ""
    return f"{where}{named}: {error.problem}{hint}"


def all_problems(problems: Sequence[DataFileError]) -> DataFileError:
    """One error carrying every problem of a file, in the order of its lines."""
    unique = list(
        {(p.file, p.line, p.field, p.problem): replace(p, more=()) for p in problems}.values()
    )
    first, *rest = sorted(unique, key=lambda problem: problem.line or 0)
    return replace(first, more=tuple(rest))


def did_you_mean(suggestions: Sequence[str]) -> str:
    """ "; did you mean 'hash-map' or 'hash-set'?" for the names closest to a near miss."""
    if not suggestions:
        return ""
    quoted = [f"'{name}'" for name in suggestions]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f"; did you mean {listed}?"


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
    """Validate parsed TOML against `model`, reporting every problem with its line."""
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        raise all_problems(schema_problems(error, text, file_name, model)) from None


def schema_problems(
    error: ValidationError, text: str, file_name: str, model: type[BaseModel]
) -> list[DataFileError]:
    details_list = error.errors()
    # A misspelt field is also a missing one: say it once, as the misspelling.
    misspelt = {
        (*details["loc"][:-1], meant)
        for details in details_list
        if details["type"] == "extra_forbidden"
        for meant in _close_to(details["loc"][-1], _field_names_at(model, details["loc"][:-1]))
    }
    problems = []
    for details in details_list:
        if _follows_from_other_errors(details) or tuple(details["loc"]) in misspelt:
            continue
        location = tuple(details["loc"])
        problem, close = _friendly(details, model)
        if details["type"] == "missing" and len(location) == 1:
            problem += " (add it at the top of the file, before the first [table])"
        line = locate_line(text, location)
        field = dotted(location) or None
        problems.append(DataFileError(file_name, line, field, problem, suggestions=close))
    return problems


def problem_at(
    text: str,
    file_name: str,
    location: tuple[object, ...],
    problem: str,
    *,
    suggestions: tuple[str, ...] = (),
    terminal_hint: str = "",
) -> DataFileError:
    """An error for a check the model cannot express (such as ids used twice)."""
    line = locate_line(text, location)
    return DataFileError(
        file_name,
        line,
        dotted(location),
        problem,
        suggestions=suggestions,
        terminal_hint=terminal_hint,
    )


# Where ids must be unique: the table path (such as ("groups", "entries")) and what they name.
UniqueIds = tuple[tuple[tuple[str, ...], str], ...]


def read_model(
    path: Path, model: type[Model], unique_ids: UniqueIds = (), inside: Path | None = None
) -> Model:
    """Read, check that ids are unique where `unique_ids` says, and validate."""
    text = decode_text(read_data_bytes(path, inside), str(path))
    return check_and_validate(parse_toml(text, str(path)), text, str(path), model, unique_ids)


def check_and_validate(
    raw: dict[str, Any],
    text: str,
    file_name: str,
    model: type[Model],
    unique_ids: UniqueIds,
    more: Sequence[DataFileError] = (),
) -> Model:
    """Validate `raw`, with ids unique where `unique_ids` says; every problem found, plus
    `more` found by the caller's own checks of `raw`, is raised together."""
    duplicates = [
        problem_at(text, file_name, location, problem)
        for tables, what in unique_ids
        for location, problem in duplicate_ids(raw, tables, what)
    ]
    problems = [*duplicates, *more]
    try:
        validated = model.model_validate(raw)
    except ValidationError as error:
        found = schema_problems(error, text, file_name, model)
        # A whole-file check (such as the model's own unique ids) says again what the
        # duplicate check has already said, line by line.
        problems += [problem for problem in found if problem.field or not duplicates]
    else:
        if not problems:
            return validated
    raise all_problems(problems)


def _follows_from_other_errors(details: Any) -> bool:
    """A list that is long enough in the file but 'too short after validation' only lost
    the entries whose own errors are reported already."""
    written = details.get("input")
    minimum = details.get("ctx", {}).get("min_length")
    return (
        details["type"] == "too_short"
        and isinstance(written, list)
        and isinstance(minimum, int)
        and len(written) >= minimum
    )


def records_at(
    raw: dict[str, Any], tables: tuple[str, ...]
) -> Iterator[tuple[tuple[object, ...], dict[str, Any]]]:
    """Each table at `tables` (such as ("stages", "items")) across all parents, with its
    location, in file order; parts of the wrong shape are passed over (the schema says why)."""

    def walk(
        node: object, rest: tuple[str, ...], where: tuple[object, ...]
    ) -> Iterator[tuple[tuple[object, ...], dict[str, Any]]]:
        if not rest or not isinstance(node, dict) or not isinstance(node.get(rest[0]), list):
            return
        for index, child in enumerate(node[rest[0]]):
            here = (*where, rest[0], index)
            if len(rest) > 1:
                yield from walk(child, rest[1:], here)
            elif isinstance(child, dict):
                yield here, child

    return walk(raw, tables, ())


def duplicate_ids(
    raw: dict[str, Any], tables: tuple[str, ...], what: str
) -> list[tuple[tuple[object, ...], str]]:
    """Every second use of an `id` among the tables at `tables` (such as ("groups",
    "entries")), counted across all parents, as locations for problem_at()."""
    seen: set[object] = set()
    found = []
    for where, record in records_at(raw, tables):
        ident = record.get("id")
        if ident is not None and ident in seen:
            found.append(((*where, "id"), f"the {what} id '{ident}' is used twice"))
        seen.add(ident)
    return found


def _line_from_toml_error(message: str) -> int | None:
    match = re.search(r"at line (\d+)", message)
    return int(match.group(1)) if match else None


def _friendly(error: object, model: type[BaseModel]) -> tuple[str, tuple[str, ...]]:
    """What is wrong in plain words, and the allowed names closest to what was written."""
    details = error if isinstance(error, dict) else {}
    kind = str(details.get("type", ""))
    message = str(details.get("msg", "is not valid")).removeprefix("Value error, ")
    location = tuple(details.get("loc", ()))
    if kind == "missing":
        return "this field is required but missing", ()
    if kind == "extra_forbidden":
        close = _close_to(location[-1], _field_names_at(model, location[:-1]))
        hint = did_you_mean(close) if close else " (check its spelling)"
        return "this field is not known" + hint, close
    if kind in ("enum", "literal_error"):
        expected = str(details.get("ctx", {}).get("expected", ""))
        close = _close_to(details.get("input"), re.findall(r"'([^']*)'", expected))
        return f"must be one of {expected}" + did_you_mean(close), close
    if kind == "string_pattern_mismatch":
        last = details.get("loc", ("",))[-1] if details.get("loc") else ""
        if last == "link":
            return "must be a web address starting with http:// or https://", ()
        return "must use only lowercase letters, digits and hyphens, for example 'two-sum'", ()
    bound = details.get("ctx", {})
    if kind == "greater_than_equal":
        return f"must be {bound.get('ge')} or more" + _described(model, location), ()
    if kind == "less_than_equal":
        return f"must be {bound.get('le')} or less" + _described(model, location), ()
    return (message[0].lower() + message[1:] if message else "is not valid"), ()


def _described(model: type[BaseModel], location: tuple[object, ...]) -> str:
    """' (the position of the right choice, counting from 1)': what the field holds, where the
    model says so, for a bound that means little on its own."""
    declared = _walk(model, location)[1]
    described = declared.description if declared is not None else None
    return f" ({described})" if described else ""


def _close_to(written: object, allowed: Sequence[str]) -> tuple[str, ...]:
    """The allowed value `written` most resembles, if any."""
    if not isinstance(written, str):
        return ()
    # 0.7: 'hrd' finds 'hard' and 'target_mins' 'target_minutes'; 'estimate' is not 'title'.
    return tuple(difflib.get_close_matches(written.strip().lower(), allowed, n=1, cutoff=0.7))


def _field_names_at(model: type[BaseModel], location: tuple[object, ...]) -> list[str]:
    """The fields a table at `location` may have, following the model's nested models."""
    current = _walk(model, location)[0]
    return list(current.model_fields) if current is not None else []


def _walk(
    model: type[BaseModel], location: tuple[object, ...]
) -> tuple[type[BaseModel] | None, FieldInfo | None]:
    """Down the model's nested models along `location`: the model there (if it is a table)
    and the field declared last on the way."""
    current: type[BaseModel] | None = model
    declared: FieldInfo | None = None
    for step in location:
        if isinstance(step, int) or current is None:
            continue
        declared = current.model_fields.get(str(step))
        current = _model_in(declared.annotation) if declared is not None else None
    return current, declared


def _model_in(annotation: object) -> type[BaseModel] | None:
    """The model a field holds, itself or inside a tuple, list or optional."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, (_model_in(arg) for arg in get_args(annotation))), None)


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
