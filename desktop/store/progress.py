"""Reading and writing progress on path items. Each function takes the caller's session."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Session, col, select

from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
from desktop.domain.progress import CustomItemRecord, ItemStatus, SavedProgress
from desktop.store.models import CustomItem, ItemProgress, StatusChange


def saved_progress(*, session: Session, path_id: str) -> dict[str, SavedProgress]:
    rows = session.exec(select(ItemProgress).where(ItemProgress.path_id == path_id)).all()
    return {
        row.item_id: SavedProgress(
            item_id=row.item_id,
            stage_id=row.stage_id,
            title=row.title,
            status=ItemStatus(row.status),
            status_changed_at=row.status_changed_at,
            notes=row.notes,
        )
        for row in rows
    }


def followed_paths(*, session: Session) -> frozenset[str]:
    """The ids of the paths the user follows: those with any progress saved."""
    return frozenset(session.exec(select(ItemProgress.path_id).distinct()).all())


def _progress_row(session: Session, path_id: str, stage_id: str, item: PathItem) -> ItemProgress:
    row = session.get(ItemProgress, (path_id, item.id))
    if row is None:
        row = ItemProgress(path_id=path_id, item_id=item.id, stage_id=stage_id, title=item.title)
        session.add(row)
    else:
        # Keep the snapshot fresh so a later retirement shows the latest title and stage.
        row.stage_id = stage_id
        row.title = item.title
    return row


def set_status(
    *,
    session: Session,
    path_id: str,
    stage_id: str,
    item: PathItem,
    status: ItemStatus,
    now: datetime,
) -> bool:
    """Change an item's status and log the change. Returns False if it already had it."""
    row = _progress_row(session, path_id, stage_id, item)
    if row.status == status.value and row.status_changed_at is not None:
        return False
    row.status = status.value
    row.status_changed_at = now
    session.add(StatusChange(path_id=path_id, item_id=item.id, status=status.value, changed_at=now))
    return True


def set_notes(
    *, session: Session, path_id: str, stage_id: str, item: PathItem, notes: str, now: datetime
) -> None:
    row = _progress_row(session, path_id, stage_id, item)
    if row.notes == notes:
        return
    row.notes = notes
    row.notes_updated_at = now


def status_history(
    *, session: Session, path_id: str, item_id: str
) -> list[tuple[ItemStatus, datetime]]:
    rows = session.exec(
        select(StatusChange)
        .where(StatusChange.path_id == path_id, StatusChange.item_id == item_id)
        .order_by(col(StatusChange.changed_at).desc(), col(StatusChange.id).desc())
    ).all()
    return [(ItemStatus(row.status), row.changed_at) for row in rows]


def custom_items(*, session: Session, path_id: str) -> list[CustomItemRecord]:
    rows = session.exec(select(CustomItem).where(CustomItem.path_id == path_id)).all()
    return [
        CustomItemRecord(
            item=PathItem(
                id=row.item_id,
                title=row.title,
                kind=ItemKind(row.kind),
                difficulty=Difficulty(row.difficulty),
                target_minutes=row.target_minutes,
                topics=tuple(t for t in row.topics.split("\n") if t),
                link=row.link,
                description=row.description,
            ),
            stage_id=row.stage_id,
            created_at=row.created_at,
        )
        for row in rows
    ]


def custom_item_topics(*, session: Session) -> dict[tuple[str, str], tuple[str, ...]]:
    """Each custom item's topics as the user gave them, by (path id, item id)."""
    rows = session.exec(select(CustomItem.path_id, CustomItem.item_id, CustomItem.topics)).all()
    return {
        (path_id, item_id): tuple(t for t in topics.split("\n") if t)
        for path_id, item_id, topics in rows
        if topics
    }


def new_custom_item_id() -> str:
    return f"custom-{uuid.uuid4().hex[:12]}"


def add_custom_item(
    *, session: Session, path_id: str, stage_id: str, item: PathItem, now: datetime
) -> None:
    session.add(
        CustomItem(
            path_id=path_id,
            item_id=item.id,
            stage_id=stage_id,
            title=item.title,
            kind=item.kind.value,
            difficulty=item.difficulty.value,
            target_minutes=item.target_minutes,
            topics="\n".join(item.topics),
            link=item.link,
            description=item.description,
            created_at=now,
        )
    )


def remove_custom_item(*, session: Session, path_id: str, item_id: str) -> None:
    """Remove a custom item together with its progress, notes and history."""
    for model in (CustomItem, ItemProgress):
        row = session.get(model, (path_id, item_id))
        if row is not None:
            session.delete(row)
    history = session.exec(
        select(StatusChange).where(StatusChange.path_id == path_id, StatusChange.item_id == item_id)
    ).all()
    for change in history:
        session.delete(change)
