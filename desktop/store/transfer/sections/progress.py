"""Export section "progress": the checklist state, its history and the user's own items."""

from __future__ import annotations

from sqlmodel import Session, col, select

from desktop.domain.progress import ItemStatus
from desktop.domain.vault import safe_file_name
from desktop.store.models import CustomItem, ItemProgress, StatusChange
from desktop.store.transfer.notes import write_note
from desktop.store.transfer.records import Count, Key, Lines, Record, RowId, Text, Time, Title
from desktop.store.transfer.section import Section
from desktop.store.transfer.tables import TableSpec
from desktop.store.transfer.vault_folder import VaultFolder


class ItemProgressRecord(Record):
    path_id: Key
    item_id: Key
    stage_id: Key
    title: Title
    status: ItemStatus
    status_changed_at: Time | None = None
    notes: Text = ""
    notes_updated_at: Time | None = None


class StatusChangeRecord(Record):
    id: RowId
    path_id: Key
    item_id: Key
    status: ItemStatus
    changed_at: Time


class CustomItemRecord(Record):
    path_id: Key
    item_id: Key
    stage_id: Key
    title: Title
    kind: Key
    difficulty: Key
    target_minutes: Count
    topics: Lines = ""
    link: Title | None = None
    description: Text | None = None
    created_at: Time


def write_item_notes(*, session: Session, vault: VaultFolder) -> int:
    """One note per path item that has notes, in a folder per learning path."""
    rows = session.exec(select(ItemProgress).order_by(col(ItemProgress.path_id))).all()
    written = 0
    for row in rows:
        if not row.notes.strip():
            continue
        meta = {
            "path": row.path_id,
            "item": row.item_id,
            "stage": row.stage_id,
            "status": row.status,
            "updated": row.notes_updated_at,
        }
        folder = f"Path notes/{safe_file_name(row.path_id)}"
        body = f"\n# {row.title}\n\n{row.notes.strip()}\n"
        write_note(vault, folder, row.title, row.item_id, meta, body, fallback=row.item_id)
        written += 1
    return written


SECTION = Section(
    "progress",
    (
        TableSpec("items", ItemProgress, ItemProgressRecord, "item progress"),
        TableSpec(
            "status_changes",
            StatusChange,
            StatusChangeRecord,
            "status change",
            identity=("path_id", "item_id", "status", "changed_at"),
        ),
        TableSpec("custom_items", CustomItem, CustomItemRecord, "custom item"),
    ),
    write_markdown=write_item_notes,
)
