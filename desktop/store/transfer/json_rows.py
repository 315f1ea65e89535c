"""A table's exported rows as JSON text, written by SQLite's own JSON functions.

Building a dict per row in Python and encoding it took most of an export's time; SQLite's
json_object and json_group_array write the same array in C, about twice as fast. The text
holds exactly what dump_table gives (the same fields in the same order, times written as
pydantic writes them, a dangling optional link as null), so a file written either way reads
back the same. A table holding a time or a date that was stored in another form than
SQLAlchemy's (which only data written by hand would have) is left to dump_table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, TypeDecorator, func, select
from sqlalchemy import literal_column as sql
from sqlmodel import Session

from desktop.store.transfer.tables import TableSpec

# SQLAlchemy stores a UTC time as '2026-11-02 09:15:00.000000' and a date as '2026-11-02'.
_TIME_FORM = "(typeof({c}) = 'text' AND length({c}) = 26 AND substr({c}, 11, 1) = ' ' " \
    "AND substr({c}, 20, 1) = '.')"  # fmt: skip
_DAY_FORM = "(typeof({c}) = 'text' AND length({c}) = 10)"
# -> '2026-11-02T09:15:00Z', with '.123456' before the Z only when there are microseconds.
_TIME_JSON = (
    "substr({c}, 1, 10) || 'T' || substr({c}, 12, 8) || "
    "CASE WHEN substr({c}, 21) = '000000' THEN '' ELSE substr({c}, 20) END || 'Z'"
)


def table_json(*, session: Session, spec: TableSpec) -> tuple[str, int] | None:
    """The exported rows as a JSON array (in key order) and how many there are; None if
    the table has a value that only dump_table can write."""
    table = spec.sql_table
    quote = session.get_bind().dialect.identifier_preparer.quote
    kinds = {name: _kind(table.c[name].type) for name in spec.field_names}
    exported = list(spec.exported())
    unusual = [
        f"({quote(name)} IS NOT NULL AND NOT "
        f"{(_TIME_FORM if kind == 'time' else _DAY_FORM).format(c=quote(name))})"
        for name, kind in kinds.items()
        if kind in {"time", "day"}
    ]
    if unusual:
        counted = select(func.count()).select_from(table).where(*exported)
        if session.execute(counted.where(sql(" OR ".join(unusual)))).scalar_one():
            return None
    fields = ", ".join(
        f"'{name}', {_value(spec, name, kind, quote)}" for name, kind in kinds.items()
    )
    rows = (
        select(sql(f"json_object({fields})").label("row"))
        .select_from(table)
        .where(*exported)
        .order_by(*(table.c[name] for name in spec.key_fields))
        .subquery("exported_rows")
    )
    # json(): the subquery hands back text, which json_group_array would otherwise quote.
    array: Any = sql("coalesce(json_group_array(json(exported_rows.row)), '[]')")
    text, count = session.execute(select(array, func.count()).select_from(rows)).one()
    return str(text), int(count)


def _kind(kind: Any) -> str:
    if isinstance(kind, TypeDecorator):  # such as SQLModel's UTCDateTime
        kind = kind.impl_instance
    if isinstance(kind, Boolean):
        return "flag"
    if isinstance(kind, DateTime):
        return "time"
    if isinstance(kind, Date):
        return "day"
    return "plain"


def _value(spec: TableSpec, name: str, kind: str, quote: Callable[[str], str]) -> str:
    column = f"{quote(spec.table_name)}.{quote(name)}"
    if kind == "time":
        return f"CASE WHEN {column} IS NULL THEN NULL ELSE {_TIME_JSON.format(c=column)} END"
    if kind == "flag":
        return (
            f"json(CASE WHEN {column} IS NULL THEN 'null' "
            f"WHEN {column} THEN 'true' ELSE 'false' END)"
        )
    if name in spec.references and not spec.record.model_fields[name].is_required():
        # A link the schema lets outlive its target is written as null (as dump_table does).
        target_table, target_field = spec.references[name]
        target = f"{quote(target_table)}.{quote(target_field)}"
        return f"(SELECT {target} FROM {quote(target_table)} WHERE {target} = {column})"
    return column
