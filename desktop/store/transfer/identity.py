"""Telling records of one profile from records of another before an import is compared.

Row ids are numbered per profile: journal entry 5 in one profile is not journal entry 5 in
another. A table whose key is such an id names its `identity`, fields fixed when the record
was made (when it was created or logged). A record in the file whose id is taken in the
profile by a row with a different identity is a different record: it gets a fresh id, and
every record in the file that points at it is pointed at the fresh id. A record whose
identity is in the profile under another id (imported before, and renumbered then) is matched
to that row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from desktop.store.transfer.records import Record
from desktop.store.transfer.tables import TableSpec

Validated = list[tuple[TableSpec, list[Record]]]
# (table name, id in the file) -> id it is stored under in the profile
Renumbering = dict[tuple[str, int], int]


def _comparable(value: Any) -> Any:
    # The database hands back times without a zone; the file's are UTC.
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value


def _identity_of(values: Sequence[Any]) -> tuple[Any, ...]:
    return tuple(_comparable(value) for value in values)


def renumber(*, session: Session, validated: Validated) -> tuple[Validated, Renumbering]:
    """The file's records with ids that do not collide with a different record of the
    profile, and which ids changed. Tables are handled in file order (referenced first)."""
    renumbering: Renumbering = {}
    result: Validated = []
    for spec, records in validated:
        records = [_pointed_again(spec, record, renumbering) for record in records]
        if spec.identity:
            records = _own_ids(session, spec, records, renumbering)
        result.append((spec, records))
    return result, renumbering


def _own_ids(
    session: Session, spec: TableSpec, records: list[Record], renumbering: Renumbering
) -> list[Record]:
    key = spec.key_fields[0]
    id_column = getattr(spec.table, key)
    columns = [getattr(spec.table, name) for name in spec.identity]
    in_profile: dict[int, tuple[Any, ...]] = {}
    by_identity: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    # Every row, exported or not: a deleted story's id is still its own.
    for row_id, *values in session.exec(select(id_column, *columns).order_by(id_column)):
        identity = _identity_of(values)
        in_profile[row_id] = identity
        by_identity[identity].append(row_id)
    highest = session.exec(select(func.max(id_column))).one() or 0
    next_id = max([highest, *(getattr(record, key) for record in records)]) + 1
    taken: set[int] = set()
    renumbered = []
    for record in records:
        file_id = getattr(record, key)
        if file_id not in taken and file_id not in in_profile:
            stored_id = file_id  # an id the profile does not use (most, into a new profile)
            taken.add(stored_id)
            renumbered.append(record)
            continue
        identity = _identity_of([getattr(record, name) for name in spec.identity])
        same = [row_id for row_id in by_identity.get(identity, []) if row_id not in taken]
        if file_id not in taken and in_profile.get(file_id, identity) == identity:
            stored_id = file_id  # the same record
        elif same:
            stored_id = same[0]  # this record, imported before under another id
        else:
            stored_id, next_id = next_id, next_id + 1
        taken.add(stored_id)
        if stored_id != file_id:
            renumbering[(spec.table_name, file_id)] = stored_id
            record = record.model_copy(update={key: stored_id})
        renumbered.append(record)
    return renumbered


def _pointed_again(spec: TableSpec, record: Record, renumbering: Renumbering) -> Record:
    """The record with each reference to a renumbered record of the file following it."""
    if not renumbering:
        return record
    changes = {}
    for name, (table_name, _field) in spec.checked_references.items():
        value = getattr(record, name)
        if value is not None and (table_name, value) in renumbering:
            changes[name] = renumbering[(table_name, value)]
    return record.model_copy(update=changes) if changes else record
