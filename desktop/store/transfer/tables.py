"""Moving the rows of one table to and from export records, the same way for every table."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from operator import attrgetter
from typing import Any

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Boolean, ColumnElement, Date, DateTime, Table, TypeDecorator, inspect
from sqlmodel import Session, SQLModel, col, select

from desktop.store.transfer.records import Record
from desktop.store.transfer.stored_rows import StoredTable, stored_table


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

    @cached_property
    def key_fields(self) -> tuple[str, ...]:
        return tuple(column.key for column in inspect(self.table).primary_key)

    @cached_property
    def field_names(self) -> tuple[str, ...]:
        """The record's fields, in the order the export writes them."""
        return tuple(self.record.model_fields)

    @cached_property
    def checked_references(self) -> dict[str, tuple[str, str]]:
        """The references and the parent: each must name a row in the file or the profile."""
        found = dict(self.references)
        if self.parent is not None:
            name, parent = self.parent
            found[name] = (parent.table_name, parent.key_fields[0])
        return found

    def key_of(self, record: Record) -> tuple[Any, ...]:
        return self._key_getter(record)[: len(self.key_fields)]

    def keys_unique(self, records: Sequence[Record]) -> bool:
        """No two records have the same key (the getter's extra last field repeats the
        first, so it does not change which keys are equal)."""
        return len(set(map(self._key_getter, records))) == len(records)

    @cached_property
    def _key_getter(self) -> Callable[[Record], tuple[Any, ...]]:
        # Called for every record, several times: one C call, always returning a tuple.
        return attrgetter(*self.key_fields, *self.key_fields[:1])

    @property
    def sql_table(self) -> Table:
        table = self.table.__table__  # type: ignore[attr-defined]
        assert isinstance(table, Table)
        return table

    def stored(self, *, session: Session) -> StoredTable:
        return stored_table(self.sql_table, session.get_bind().dialect)

    @cached_property
    def _row_maker(self) -> Callable[[Record], tuple[Any, ...]]:
        """Reads a record's values in column order in one call; the fixed columns (every
        column that is not a field) get their fixed value."""
        columns = [column.name for column in self.sql_table.columns]
        fields = [name for name in columns if name in self.record.model_fields]
        read = attrgetter(*fields, *fields[:1])  # two names at least, so always a tuple
        if len(fields) == len(columns):
            return lambda record: read(record)[: len(fields)]
        fixed = [(at, self.fixed[name]) for at, name in enumerate(columns) if name not in fields]

        def make(record: Record) -> tuple[Any, ...]:
            row = list(read(record)[: len(fields)])
            for at, value in fixed:
                row.insert(at, value)
            return tuple(row)

        return make

    def values_of(self, record: Record) -> tuple[Any, ...]:
        """The record as a row: its values in column order, with the fixed columns."""
        return self._row_maker(record)

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


def dump_table(*, session: Session, spec: TableSpec) -> list[dict[str, Any]]:
    """Every exported row, ordered by its key, as JSON-ready dicts (fields in record order).

    Read as stored, one column at a time made JSON-ready: the same values an export through
    the records gives, without a record per row."""
    stored = spec.stored(session=session)
    names = spec.field_names
    rows = stored.read(
        session=session, columns=names, where=spec.exported(), order_by=spec.key_fields
    )
    if not rows:
        return []
    columns: list[Any] = list(zip(*rows, strict=False))
    for at, name in enumerate(names):
        if (convert := _json_value(stored, name)) is not None:
            columns[at] = [None if value is None else convert(value) for value in columns[at]]
    # Every row has every column (they come from one SELECT): no length checks needed.
    dumped = [dict(zip(names, row, strict=False)) for row in zip(*columns, strict=False)]
    _clear_dangling(session, spec, dumped)
    return dumped


def _json_value(stored: StoredTable, name: str) -> Callable[[Any], Any] | None:
    """How a stored value of the column is written in the export (None: as it is)."""
    loaded = stored.from_stored[stored.columns.index(name)]
    kind = stored.table.c[name].type
    if isinstance(kind, TypeDecorator):  # such as SQLModel's UTCDateTime
        kind = kind.impl_instance
    if isinstance(kind, Boolean):
        return bool
    if isinstance(kind, DateTime) and loaded is not None:
        return lambda text: _time_text(text, loaded)
    if isinstance(kind, Date) and loaded is not None:
        return lambda text: text if _is_iso_day(text) else loaded(text).isoformat()
    return None


_TIME = TypeAdapter(datetime)


def _time_text(stored: Any, loaded: Callable[[Any], Any]) -> str:
    """'2026-11-02 09:15:00.000000' (UTC, as SQLAlchemy stores it) -> '2026-11-02T09:15:00Z',
    as pydantic writes an aware UTC time (microseconds only when there are some)."""
    if isinstance(stored, str) and len(stored) == 26 and stored[10] == " " and stored[19] == ".":
        fraction = "" if stored.endswith("000000") else stored[19:]
        return f"{stored[:10]}T{stored[11:19]}{fraction}Z"
    return str(_TIME.dump_python(loaded(stored), mode="json"))  # written some other way


def _is_iso_day(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-"


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
    `exact` table) which rows of the `parents` in the file the file no longer lists.

    The table is read once and compared as stored: a record whose stored form equals the
    row's is unchanged without building anything."""
    changes = TableChanges()
    stored = spec.stored(session=session)
    key_at = [stored.columns.index(name) for name in stored.key]
    existing = {tuple(row[at] for at in key_at): row for row in stored.read(session=session)}
    if not existing:  # an empty table (a new profile): everything is new, nothing to remove
        changes.added = list(records)
        return changes
    listed = set()
    key_of = spec.key_of if stored.key_stored_as_is else lambda r: stored.stored_key(spec.key_of(r))
    for record in records:
        key = key_of(record)
        listed.add(key)
        old = existing.get(key)
        if old is None:
            changes.added.append(record)  # converted only when written
        elif old == stored.stored(spec.values_of(record)) or _same(spec, stored, old, record):
            changes.unchanged += 1
        else:
            changes.replaced.append(record)
    if spec.exact and spec.parent is not None and parents:
        parent_at = stored.columns.index(spec.parent[0])
        wanted = set(parents)
        changes.removed = sorted(
            key for key, row in existing.items() if row[parent_at] in wanted and key not in listed
        )
    return changes


def _same(spec: TableSpec, stored: StoredTable, row: tuple[Any, ...], record: Record) -> bool:
    """A row written in another form than ours (a time without microseconds): compared as
    the ORM reads it, as a record."""
    values = dict(zip(stored.columns, stored.loaded(row), strict=True))
    if any(values[name] != value for name, value in spec.fixed.items()):
        return False
    try:
        return (
            spec.record.model_validate({name: values[name] for name in spec.field_names}) == record
        )
    except ValidationError:
        return False


def write_table(
    *,
    session: Session,
    spec: TableSpec,
    changes: TableChanges,
    on_rows: Callable[[int], None] | None = None,
) -> None:
    """Write the changes: a replaced row ends up exactly as the file has it. `on_rows` hears
    how many rows each batch wrote."""
    stored = spec.stored(session=session)
    stored.delete(session=session, keys=changes.removed)
    for kind, records in ((stored.update, changes.replaced), (stored.insert, changes.added)):
        for start in range(0, len(records), WRITE_BATCH):
            batch = records[start : start + WRITE_BATCH]
            kind(session=session, rows=[stored.stored(spec.values_of(record)) for record in batch])
            if on_rows is not None:
                on_rows(len(batch))


WRITE_BATCH = 5_000  # rows per executemany: big enough to be quick, small enough to report
