"""Moving the rows of one table to and from export records, the same way for every table."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, inspect
from sqlmodel import Session, SQLModel, col, select

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
    # Columns left out of the export, with the value every exported row has there
    # (a deleted story is not exported); an imported row gets these values.
    fixed: Mapping[str, Any] = field(default_factory=dict)
    # (field, spec) of the row this one belongs to: it is exported only with its parent, and
    # with `exact`, a parent in the file keeps exactly the rows the file lists for it.
    parent: tuple[str, TableSpec] | None = None
    exact: bool = False
    # Fields fixed when a row is made (its creation time): with the same id but a different
    # identity, a row of another profile is a different record (see identity.py).
    identity: tuple[str, ...] = ()

    @property
    def table_name(self) -> str:
        return str(self.table.__tablename__)

    @property
    def key_fields(self) -> tuple[str, ...]:
        return tuple(column.key for column in inspect(self.table).primary_key)

    @property
    def checked_references(self) -> dict[str, tuple[str, str]]:
        """The references and the parent: each must name a row in the file or the profile."""
        found = dict(self.references)
        if self.parent is not None:
            name, parent = self.parent
            found[name] = (parent.table_name, parent.key_fields[0])
        return found

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

    def exported(self) -> list[ColumnElement[bool]]:
        """Conditions a row meets to be in the export (and to be referenced by one)."""
        conditions = [
            col(getattr(self.table, name)).is_(value)
            if value is None
            else col(getattr(self.table, name)) == value
            for name, value in self.fixed.items()
        ]
        if self.parent is not None:
            name, parent = self.parent
            if parent_conditions := parent.exported():
                parent_key = col(getattr(parent.table, parent.key_fields[0]))
                kept = select(parent_key).where(*parent_conditions)
                conditions.append(col(getattr(self.table, name)).in_(kept))
        return conditions

    def new_row(self, record: Record) -> SQLModel:
        return self.table(**record.model_dump(), **self.fixed)


def dump_table(*, session: Session, spec: TableSpec) -> list[dict[str, Any]]:
    """Every exported row, ordered by its key, as JSON-ready dicts."""
    order = [getattr(spec.table, name) for name in spec.key_fields]
    rows = session.exec(select(spec.table).where(*spec.exported()).order_by(*order)).all()
    dumped = [spec.record.model_validate(row).model_dump(mode="json") for row in rows]
    _clear_dangling(session, spec, dumped)
    return dumped


def _clear_dangling(session: Session, spec: TableSpec, rows: list[dict[str, Any]]) -> None:
    """A link the schema lets outlive its target (a mock's journal entry) is written as null,
    so the file never points at a row it does not have."""
    for name, (table_name, target_field) in spec.references.items():
        if spec.record.model_fields[name].is_required():
            continue
        linked = {row[name] for row in rows if row[name] is not None}
        if not linked:
            continue
        column = SQLModel.metadata.tables[table_name].c[target_field]
        there = set(session.exec(select(column).where(column.in_(linked))).all())
        for row in rows:
            if row[name] is not None and row[name] not in there:
                row[name] = None


@dataclass
class TableChanges:
    added: list[Record] = field(default_factory=list)
    replaced: list[Record] = field(default_factory=list)
    removed: list[tuple[Any, ...]] = field(default_factory=list)  # keys of rows to delete
    unchanged: int = 0


def compare_table(
    *, session: Session, spec: TableSpec, records: list[Record], parents: Collection[Any] = ()
) -> TableChanges:
    """Which records would be new, which would replace a row with the same key, and (for an
    `exact` table) which rows of the `parents` in the file the file no longer lists."""
    changes = TableChanges()
    for record in records:
        existing = session.get(spec.table, spec.key_of(record))
        if existing is None:
            changes.added.append(record)
        elif spec.record.model_validate(existing) != record or any(
            getattr(existing, name) != value for name, value in spec.fixed.items()
        ):
            changes.replaced.append(record)
        else:
            changes.unchanged += 1
    if spec.exact and spec.parent is not None and parents:
        listed = {spec.key_of(record) for record in records}
        column = col(getattr(spec.table, spec.parent[0]))
        rows = session.exec(select(spec.table).where(column.in_(parents))).all()
        keys = (tuple(getattr(row, name) for name in spec.key_fields) for row in rows)
        changes.removed = sorted(key for key in keys if key not in listed)
    return changes


def write_table(*, session: Session, spec: TableSpec, changes: TableChanges) -> None:
    """Write the changes: a replaced row ends up exactly as the file has it."""
    for key in changes.removed:
        session.delete(session.get(spec.table, key))
    for record in changes.replaced:
        row = session.get(spec.table, spec.key_of(record))
        assert row is not None
        for name, value in {**record.model_dump(), **spec.fixed}.items():
            setattr(row, name, value)
    session.flush()
    for record in changes.added:
        session.add(spec.new_row(record))
    session.flush()
