"""A table's rows as SQLite stores them, read and written in bulk without an ORM object per row.

Imports and exports move every row of a profile (about 100,000 for ten years of daily use).
Going through the ORM cost an object, an identity-map entry and a query per row; here a table
is read with one query and written with one executemany per kind of change. Values are turned
into their stored form by SQLAlchemy's own conversion for each column, so the text written is
exactly what the ORM writes, and the rest of the app reads it back as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, cast

from sqlalchemy import ColumnElement, Table, select, type_coerce
from sqlalchemy.engine import Dialect
from sqlalchemy.types import NullType
from sqlmodel import Session

Convert = Callable[[Any], Any] | None


@dataclass(frozen=True)
class StoredTable:
    """One table's columns with SQLAlchemy's conversions to and from what SQLite holds."""

    table: Table
    dialect: Dialect
    columns: tuple[str, ...]
    key: tuple[str, ...]
    to_stored: tuple[Convert, ...]
    from_stored: tuple[Convert, ...]

    def stored(self, values: Sequence[Any]) -> tuple[Any, ...]:
        """Python values, in column order, as SQLite stores them."""
        return _converted(values, self._to_stored_at)

    def stored_key(self, values: Sequence[Any]) -> tuple[Any, ...]:
        """A key's Python values, in key order, as SQLite stores them."""
        return _converted(values, self._key_to_stored_at)

    @cached_property
    def key_stored_as_is(self) -> bool:
        """Ids, names and tags: a key needs no conversion (all of the export's tables)."""
        return not self._key_to_stored_at

    @cached_property
    def _key_to_stored_at(self) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
        at_column = [self.columns.index(name) for name in self.key]
        return tuple(
            (at, convert)
            for at, column in enumerate(at_column)
            if (convert := self.to_stored[column]) is not None
        )

    def loaded(self, stored: Sequence[Any]) -> tuple[Any, ...]:
        """Stored values, in column order, as the ORM would hand them back."""
        return _converted(stored, self._from_stored_at)

    @cached_property
    def _to_stored_at(self) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
        return tuple((at, c) for at, c in enumerate(self.to_stored) if c is not None)

    @cached_property
    def _from_stored_at(self) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
        return tuple((at, c) for at, c in enumerate(self.from_stored) if c is not None)

    def read(
        self,
        *,
        session: Session,
        columns: Sequence[str] | None = None,
        where: Iterable[ColumnElement[bool]] = (),
        order_by: Sequence[str] = (),
    ) -> list[tuple[Any, ...]]:
        """Rows as stored (no conversion): one query, the driver's own tuples."""
        names = self.columns if columns is None else columns
        query = select(*(type_coerce(self.table.c[name], NullType()) for name in names))
        query = query.where(*where).order_by(*(self.table.c[name] for name in order_by))
        compiled = query.compile(dialect=self.dialect)
        values = tuple(compiled.params[name] for name in compiled.positiontup or ())
        # The driver's cursor on the session's connection (so in its transaction): fetchall
        # hands back plain tuples, where SQLAlchemy's result builds a Row for each.
        cursor = session.connection().connection.cursor()
        try:
            cursor.execute(str(compiled), values)
            return cast("list[tuple[Any, ...]]", cursor.fetchall())
        finally:
            cursor.close()

    def insert(self, *, session: Session, rows: list[tuple[Any, ...]]) -> None:
        """Stored rows in column order."""
        if rows:
            marks = ", ".join("?" * len(self.columns))
            sql = f"INSERT INTO {self._name} ({self._list(self.columns)}) VALUES ({marks})"
            session.connection().exec_driver_sql(sql, rows)

    def update(self, *, session: Session, rows: list[tuple[Any, ...]]) -> None:
        """Stored rows in column order: every column but the key is set to the row's value."""
        if rows:
            others = [name for name in self.columns if name not in self.key]
            assignments = ", ".join(f"{self._quote(name)} = ?" for name in others)
            sql = f"UPDATE {self._name} SET {assignments} WHERE {self._key_match}"
            positions = [self.columns.index(name) for name in (*others, *self.key)]
            ordered = [tuple(row[at] for at in positions) for row in rows]
            session.connection().exec_driver_sql(sql, ordered)

    def delete(self, *, session: Session, keys: list[tuple[Any, ...]]) -> None:
        """Stored keys, in key order."""
        if keys:
            sql = f"DELETE FROM {self._name} WHERE {self._key_match}"
            session.connection().exec_driver_sql(sql, keys)

    @property
    def _name(self) -> str:
        return self._quote(self.table.name)

    @property
    def _key_match(self) -> str:
        return " AND ".join(f"{self._quote(name)} = ?" for name in self.key)

    def _quote(self, name: str) -> str:
        return str(self.dialect.identifier_preparer.quote(name))

    def _list(self, names: Sequence[str]) -> str:
        return ", ".join(self._quote(name) for name in names)


def _converted(
    values: Sequence[Any], conversions: tuple[tuple[int, Callable[[Any], Any]], ...]
) -> tuple[Any, ...]:
    # Only the columns that have a conversion are touched: most are text and numbers.
    if not conversions:
        return tuple(values)
    row = list(values)
    for at, convert in conversions:
        if (value := row[at]) is not None:
            row[at] = convert(value)
    return tuple(row)


def stored_table(table: Table, dialect: Dialect) -> StoredTable:
    """The table's conversions for this database (cheap: a few per column, made per use)."""
    impls = [column.type.dialect_impl(dialect) for column in table.columns]
    return StoredTable(
        table=table,
        dialect=dialect,
        columns=tuple(column.name for column in table.columns),
        key=tuple(column.name for column in table.primary_key.columns),
        to_stored=tuple(impl.bind_processor(dialect) for impl in impls),
        from_stored=tuple(
            impl.result_processor(dialect, column.type)
            for impl, column in zip(impls, table.columns, strict=True)
        ),
    )
