"""Reading a file someone else may have put there: bounded, a plain file, inside its folder.

Every file Loopwise reads that did not come from its own database goes through here: path,
quiz and template files, settings, imports. A file that is too large, a named pipe or a
device (opening one can wait forever), or a link to somewhere outside the folder it was found
in is refused with a sentence saying so; nothing here ever blocks or reads without a limit.
TOML is parsed with limits on nesting and on the size of numbers, so a hostile file is an
error message, never a crash.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

MAX_DEPTH = 32  # tables and lists inside one another; Loopwise's own files use at most four
MAX_INTEGER = 2**63 - 1  # what SQLite stores; a larger number in a data file is a mistake

# Read without O_NONBLOCK a named pipe waits for a writer forever; O_NOCTTY keeps a terminal
# from becoming ours. Neither exists on Windows, where there is nothing to guard against.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class UnreadableFile(Exception):
    """A file that was refused or could not be read; `problem` says why, in plain words."""

    def __init__(self, file: Path | str, problem: str) -> None:
        super().__init__(f"{file}: {problem}")
        self.file = str(file)
        self.problem = problem


def size_text(limit: int) -> str:
    """2_000_000 -> '2 MB' (the limits are round numbers)."""
    for unit, size in (("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000)):
        if limit >= size:
            return f"{limit / size:g} {unit}"
    return f"{limit} bytes"


def read_bounded(path: Path, *, limit: int, inside: Path | None = None) -> bytes:
    """The bytes of `path`, at most `limit` of them, or UnreadableFile.

    With `inside`, the file (after following every link) must be in that folder.
    """
    if inside is not None:
        check_inside(path, inside)
    try:
        # Looked at before opening: a named pipe or a device is never opened at all.
        _check_kind(path, os.stat(path))
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableFile(path, _open_problem(path, error)) from None
    try:
        # Again on what was opened: the name may have been pointed elsewhere in between.
        found = os.fstat(descriptor)
        _check_kind(path, found)
        if found.st_size > limit:
            raise UnreadableFile(path, f"is larger than {size_text(limit)}")
        chunks: list[bytes] = []
        left = limit + 1  # one byte more shows a file that grew past the limit
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise UnreadableFile(path, f"cannot be read ({_reason(error)})") from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise UnreadableFile(path, f"is larger than {size_text(limit)}")
    return data


def check_inside(path: Path, folder: Path) -> None:
    """Refuse `path` if it (or a link on the way to it) leads out of `folder`."""
    try:
        real = path.resolve(strict=True)
        root = folder.resolve(strict=True)
    except OSError as error:
        raise UnreadableFile(path, _open_problem(path, error)) from None
    except RuntimeError:  # Python 3.11 says "Symlink loop" this way
        raise UnreadableFile(path, "is a link that leads round in a loop") from None
    if not real.is_relative_to(root):
        raise UnreadableFile(
            path, f"is a link to {real}, outside {folder}, so Loopwise did not read it"
        )


def _check_kind(path: Path, info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a named pipe"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "something other than a file"
    target = _link_target(path)
    if target is not None:  # the name looks like a file; say where it really leads
        raise UnreadableFile(path, f"is a link to {kind} ({target}), not to a file")
    raise UnreadableFile(path, f"cannot be read: it is {kind}, not a regular file")


def _open_problem(path: Path, error: OSError) -> str:
    """Why `path` could not be opened, in words a person can act on (the errno's own words,
    "No such file or directory", say nothing of a link whose file was moved away)."""
    if isinstance(error, FileNotFoundError):
        target = _link_target(path)
        if target is not None and not path.exists():
            return f"is a link to a file that is no longer there ({target})"
    if isinstance(error, PermissionError):
        return "cannot be read: you do not have permission to open it"
    return f"cannot be read ({_reason(error)})"


def _link_target(path: Path) -> str | None:
    """Where the link `path` points, as written in it; None for anything but a link."""
    try:
        return os.readlink(path)
    except (OSError, ValueError):
        return None


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


class TomlTooComplex(ValueError):
    """TOML that parses, or would, but goes past a limit: `problem` says which."""

    def __init__(self, problem: str, location: tuple[object, ...] = ()) -> None:
        super().__init__(problem)
        self.problem = problem
        self.location = location


def loads_toml(text: str) -> dict[str, Any]:
    """tomllib.loads with limits. Raises tomllib.TOMLDecodeError for a syntax error and
    TomlTooComplex for nesting deeper than MAX_DEPTH or a number beyond MAX_INTEGER."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        raise
    except RecursionError:
        raise TomlTooComplex(_too_deep()) from None
    except ValueError as error:  # "Exceeds the limit (4300 digits) for integer string ..."
        if "digits" in str(error):
            raise TomlTooComplex("a number in it has too many digits") from None
        raise TomlTooComplex(f"a value in it cannot be read ({error})") from None
    found = first_out_of_bounds(data)
    if found is not None:
        location, problem = found
        raise TomlTooComplex(problem, location)
    return data


def first_out_of_bounds(data: object) -> tuple[tuple[object, ...], str] | None:
    """Where `data` (parsed TOML or JSON) nests deeper than MAX_DEPTH or holds a number
    beyond MAX_INTEGER, and what is wrong; None if it does neither. Walks without recursion."""
    pending: list[tuple[object, tuple[object, ...]]] = [(data, ())]
    while pending:
        node, location = pending.pop()
        if isinstance(node, bool):
            continue
        if isinstance(node, int) and abs(node) > MAX_INTEGER:
            return location, f"the number is too large (at most {MAX_INTEGER:,})"
        children: list[tuple[object, object]] = []
        if isinstance(node, dict):
            children = list(node.items())
        elif isinstance(node, list | tuple):
            children = list(enumerate(node))
        if children and len(location) >= MAX_DEPTH:
            return location, _too_deep()
        pending.extend((child, (*location, key)) for key, child in reversed(children))
    return None


def _too_deep() -> str:
    return f"it is nested too deeply (Loopwise reads at most {MAX_DEPTH} levels)"
