"""The export's JSON text, written by SQLite from a plain description of each table.

Only the standard library: `loopwise export` writes a current profile through the sqlite3
module with the frozen description in export_plan.py, without loading SQLAlchemy, SQLModel
or the table classes (about half of the command's time went to importing them). The app's
export (json_export.py) describes the same tables from their SQLModel classes and writes the
same text through this module, and a test keeps the two descriptions equal.

SQLite's json_object and json_group_array build each table's array in C. The text holds
exactly what tables.dump_table gives (the same fields in the same order, times written as
pydantic writes them, a dangling optional link as null). A table holding a time or a date
stored in another form than SQLAlchemy's (only data written by hand would have one) is left
to dump_table: table_json says None.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.store.transfer.progress_report import EXPORTING, Progress

FORMAT_NAME = "loopwise-export"
FORMAT_VERSION = 1


def not_in_export(path_files_dir: Path, quiz_files_dir: Path) -> str:
    """What an export does not hold (files, not database records), said wherever one is made;
    "" when the user has no path or quiz files of their own, so nothing is left out."""
    has_paths = _holds_files(path_files_dir)
    has_quizzes = _holds_files(quiz_files_dir)
    if has_paths and has_quizzes:
        return (
            "Path and quiz files you imported are not in it: copy the paths and quizzes "
            "folders of your data folder along."
        )
    if has_paths:
        return (
            "Path files you imported are not in it: copy the paths folder of your data "
            "folder along."
        )
    if has_quizzes:
        return (
            "Quiz files you imported are not in it: copy the quizzes folder of your data "
            "folder along."
        )
    return ""


def _holds_files(folder: Path) -> bool:
    try:
        return any(entry.is_file() for entry in folder.glob("*.toml"))
    except OSError:  # an unreadable folder: say the files may be there rather than nothing
        return True


@dataclass(frozen=True)
class ExportedTable:
    """One list in an export section, as SQL sees it."""

    key: str  # the list's name in its section, e.g. "entries"
    table: str
    fields: tuple[tuple[str, str], ...]  # (column, kind) in the record's order; kind is
    # "plain", "time" (a UTC date and time), "day" (a date) or "flag" (a boolean)
    order: tuple[str, ...]  # the table's key: rows are written in its order
    where: str = ""  # the SQL condition a row meets to be exported ("": every row)
    # (column, target table, target column): optional links written as null when the row
    # they point at is gone, so the file never points at a row it does not have
    links: tuple[tuple[str, str, str], ...] = ()


ExportPlan = tuple[tuple[str, tuple[ExportedTable, ...]], ...]  # (section name, its lists)
# Runs one SQL statement and gives its one row.
Query = Callable[[str], tuple[Any, ...]]

# SQLAlchemy stores a UTC time as '2026-11-02 09:15:00.000000' and a date as '2026-11-02'.
_TIME_FORM = "(typeof({c}) = 'text' AND length({c}) = 26 AND substr({c}, 11, 1) = ' ' " \
    "AND substr({c}, 20, 1) = '.')"  # fmt: skip
_DAY_FORM = "(typeof({c}) = 'text' AND length({c}) = 10)"
# -> '2026-11-02T09:15:00Z', with '.123456' before the Z only when there are microseconds.
_TIME_JSON = (
    "substr({c}, 1, 10) || 'T' || substr({c}, 12, 8) || "
    "CASE WHEN substr({c}, 21) = '000000' THEN '' ELSE substr({c}, 20) END || 'Z'"
)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _where(table: ExportedTable, *more: str) -> str:
    conditions = [f"({table.where})"] if table.where else []
    conditions += [f"({condition})" for condition in more]
    return f" WHERE {' AND '.join(conditions)}" if conditions else ""


def count_sql(table: ExportedTable) -> str:
    return f"SELECT count(*) FROM {_quote(table.table)}{_where(table)}"


def unusual_sql(table: ExportedTable) -> str | None:
    """Counts the exported rows holding a time or date in a form the SQL cannot rewrite."""
    unusual = [
        f"({_quote(name)} IS NOT NULL AND NOT "
        f"{(_TIME_FORM if kind == 'time' else _DAY_FORM).format(c=_quote(name))})"
        for name, kind in table.fields
        if kind in {"time", "day"}
    ]
    if not unusual:
        return None
    return f"SELECT count(*) FROM {_quote(table.table)}{_where(table, ' OR '.join(unusual))}"


def array_sql(table: ExportedTable) -> str:
    """Gives the exported rows as one JSON array, in key order, and how many there are."""
    name = _quote(table.table)
    fields = ", ".join(
        f"'{column}', {_value(table, column, kind)}" for column, kind in table.fields
    )
    order = ", ".join(f"{name}.{_quote(column)}" for column in table.order)
    rows = f"SELECT json_object({fields}) AS row FROM {name}{_where(table)} ORDER BY {order}"
    # json(): the subquery hands back text, which json_group_array would otherwise quote.
    return (
        "SELECT coalesce(json_group_array(json(exported_rows.row)), '[]'), count(*) "
        f"FROM ({rows}) AS exported_rows"
    )


def _value(table: ExportedTable, column_name: str, kind: str) -> str:
    column = f"{_quote(table.table)}.{_quote(column_name)}"
    if kind == "time":
        return f"CASE WHEN {column} IS NULL THEN NULL ELSE {_TIME_JSON.format(c=column)} END"
    if kind == "flag":
        return (
            f"json(CASE WHEN {column} IS NULL THEN 'null' "
            f"WHEN {column} THEN 'true' ELSE 'false' END)"
        )
    for name, target_table, target_column in table.links:
        if name == column_name:
            target = f"{_quote(target_table)}.{_quote(target_column)}"
            return f"(SELECT {target} FROM {_quote(target_table)} WHERE {target} = {column})"
    return column


def table_json(table: ExportedTable, query: Query) -> tuple[str, int] | None:
    """The exported rows as a JSON array and how many there are; None if the table holds a
    value only dump_table can write."""
    check = unusual_sql(table)
    if check is not None and query(check)[0]:
        return None
    text, count = query(array_sql(table))
    return str(text), int(count)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def header(now: datetime) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": now.isoformat(timespec="seconds"),
    }


# Writes a table the general way (see tables.dump_table): its JSON array and row count.
GeneralWay = Callable[[str, ExportedTable], tuple[str, int]]


class NeedsGeneralWay(Exception):
    """A table holds a value only the general way can write, and none was given."""


def export_pieces(
    *,
    plan: ExportPlan,
    query: Query,
    now: datetime,
    progress: Progress,
    counts: list[int],
    general: GeneralWay | None = None,
) -> Iterator[str]:
    """The document's text, a table at a time (each table's text is let go once written).
    Appends each table's row count to `counts`."""
    total = sum(int(query(count_sql(table))[0]) for _name, tables in plan for table in tables)
    done = 0
    progress(EXPORTING, 0, total)
    yield to_json(header(now))[:-1] + ',"sections":{'
    for section_number, (section, tables) in enumerate(plan):
        yield ("," if section_number else "") + to_json(section) + ":{"
        for table_number, table in enumerate(tables):
            made = table_json(table, query)
            if made is None:
                if general is None:
                    raise NeedsGeneralWay(table.table)
                made = general(section, table)
            text, count = made
            yield ("," if table_number else "") + to_json(table.key) + ":" + text
            counts.append(count)
            done += count
            progress(EXPORTING, min(done, total), total)
        yield "}"
    yield "}}\n"
    progress(EXPORTING, total, total)
