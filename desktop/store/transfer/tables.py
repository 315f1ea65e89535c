"""Moving the rows of one table to and from export records, the same way for every table."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect
from sqlmodel import Session, SQLModel, select

from desktop.store.transfer.records import Record


@dataclass(frozen=True)
class TableSpec:
    """A table in an export section: its rows, their record type, and the ids they point at."""

    key: str  # the name of the list in the section, e.g. "entries"
    table: type[SQLModel]
    record: type[Record]
    label: str  # what one row is called in messages, e.g. "journal entry"
    # field -> (referenced table name, referenced field): checked before anything is written
    references: Mapping[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def table_name(self) -> str:
        return str(self.table.__tablename__)

    @property
    def key_fields(self) -> tuple[str, ...]:
        return tuple(column.key for column in inspect(self.table).primary_key)

    def key_of(self, record: Record) -> tuple[Any, ...]:
        return tuple(getattr(record, name) for name in self.key_fields)

    def describe(self, index: int, record: Mapping[str, Any] | Record | None) -> str:
        """'journal entry 3 (id 12)': the position in the file and, if readable, its key."""
        text = f"{self.label} {index + 1}"
        if record is None:
            return text
        values = record if isinstance(record, Mapping) else record.model_dump(mode="json")
        keys = [f"{name} {values[name]!r}" for name in self.key_fields if name in values]
        return f"{text} ({', '.join(keys)})" if keys else text


def dump_table(*, session: Session, spec: TableSpec) -> list[dict[str, Any]]:
    """Every row, ordered by its key, as JSON-ready dicts."""
    order = [getattr(spec.table, name) for name in spec.key_fields]
    rows = session.exec(select(spec.table).order_by(*order)).all()
    return [spec.record.model_validate(row).model_dump(mode="json") for row in rows]


@dataclass
class TableChanges:
    added: list[Record] = field(default_factory=list)
    replaced: list[Record] = field(default_factory=list)
    unchanged: int = 0


def compare_table(*, session: Session, spec: TableSpec, records: list[Record]) -> TableChanges:
    """Which records would be new, which would replace a row with the same key."""
    changes = TableChanges()
    for record in records:
        existing = session.get(spec.table, spec.key_of(record))
        if existing is None:
            changes.added.append(record)
        elif spec.record.model_validate(existing) != record:
            changes.replaced.append(record)
        else:
            changes.unchanged += 1
    return changes


def write_table(*, session: Session, spec: TableSpec, changes: TableChanges) -> None:
    for record in changes.replaced:
        row = session.get(spec.table, spec.key_of(record))
        assert row is not None
        for name, value in record.model_dump().items():
            setattr(row, name, value)
    for record in changes.added:
        session.add(spec.table(**record.model_dump()))
    session.flush()
