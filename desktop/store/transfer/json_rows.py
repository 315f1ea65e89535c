"""The export's tables described for export_text.py, from their SQLModel classes.

The description is what SQL needs to write a table's JSON: its columns and their kinds, its
key, the condition its exported rows meet, and the optional links written as null when they
dangle. `loopwise export` uses a frozen copy of it (export_plan.py) so that it need not load
SQLAlchemy; a test keeps that copy equal to what export_plan_of(SECTIONS) says.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Boolean, ColumnElement, Date, DateTime, TypeDecorator
from sqlalchemy.dialects import sqlite
from sqlmodel import Session

from desktop.store.transfer.export_text import ExportedTable, ExportPlan
from desktop.store.transfer.export_text import table_json as _table_json
from desktop.store.transfer.section import Section
from desktop.store.transfer.tables import TableSpec


def exported_table(spec: TableSpec) -> ExportedTable:
    table = spec.sql_table
    return ExportedTable(
        key=spec.key,
        table=spec.table_name,
        fields=tuple((name, _kind(table.c[name].type)) for name in spec.field_names),
        order=spec.key_fields,
        where=" AND ".join(_sql(condition) for condition in spec.exported()),
        links=tuple(
            (name, target_table, target_field)
            for name, (target_table, target_field) in spec.references.items()
            # A link the schema lets outlive its target is written as null (as dump_table does).
            if name in spec.field_names and not spec.record.model_fields[name].is_required()
        ),
    )


def export_plan_of(sections: Iterable[Section]) -> ExportPlan:
    return tuple(
        (section.name, tuple(exported_table(spec) for spec in section.tables))
        for section in sections
    )


def table_json(*, session: Session, spec: TableSpec) -> tuple[str, int] | None:
    """The exported rows as a JSON array (in key order) and how many there are; None if
    the table has a value that only dump_table can write."""
    return _table_json(exported_table(spec), session_query(session=session))


def session_query(*, session: Session) -> Any:
    """Runs one SQL statement in the session's transaction and gives its one row."""
    return lambda text: tuple(session.connection().exec_driver_sql(text).one())


_SQLITE = sqlite.dialect()


def _sql(condition: ColumnElement[bool]) -> str:
    text = str(condition.compile(dialect=_SQLITE, compile_kwargs={"literal_binds": True}))
    return text.replace(" \n", " ")  # one line (a subquery's clauses come on lines of their own)


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
