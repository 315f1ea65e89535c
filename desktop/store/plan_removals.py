"""Removing a planned item so that Undo can put it back as it was.

The row leaves plan_item at once, so the week, its budget, the weekly review and every
export stop counting it; its columns wait here, in memory, for Undo. The Plan's undo bar
lasts as long as the window, and so do they: no table to migrate, nothing to empty later.
What is kept changes only once the session that removed or restored the item commits, so a
write that failed leaves Undo with what it had.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from desktop.store.plan_tables import PlanEntry


class PlanRemovals:
    """The Plan's remove and restore, as desktop/ui/undoable_delete.py pairs them."""

    def __init__(self) -> None:
        # By id, newest last: SQLite may give a removed item's id to a new item, and that
        # one may be removed too before Undo brings back the first.
        self._kept: dict[int, list[dict[str, Any]]] = {}

    def delete(self, *, session: Session, record_id: int, now: datetime) -> None:
        """Take the item out of the plan (`now` is not needed: nothing is marked); an unknown
        id does nothing."""
        row = session.get(PlanEntry, record_id)
        if row is None:
            return
        columns = row.model_dump()
        session.delete(row)
        _once_committed(session, lambda: self._kept.setdefault(record_id, []).append(columns))

    def restore(self, *, session: Session, record_id: int) -> int | None:
        """Put the newest item removed under that id back; the id it is back under (a new
        one if, meanwhile, a new item took its id), or None if none was removed."""
        kept = self._kept.get(record_id)
        if not kept:
            return None
        columns = dict(kept[-1])
        if session.get(PlanEntry, record_id) is not None:
            columns.pop("id")
        row = PlanEntry.model_validate(columns)
        session.add(row)
        session.flush()
        assert row.id is not None

        def forget() -> None:
            kept.pop()
            if not kept:
                del self._kept[record_id]

        _once_committed(session, forget)
        return row.id


def _once_committed(session: Session, then: Callable[[], None]) -> None:
    event.listen(session, "after_commit", lambda _session: then(), once=True)
