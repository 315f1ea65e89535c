"""Export section "progress": the checklist state, its history and the user's own items."""

from __future__ import annotations

from pydantic import ValidationError, model_validator
from sqlmodel import Session, col, select

from desktop.domain.curriculum import PathItem
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

    @model_validator(mode="after")
    def _is_a_path_item(self) -> CustomItemRecord:
        """The Path page shows it as a path item: one that is not valid as such (a kind it
        does not know, a 500-character title) is refused here, not met there."""
        try:
            PathItem(
                id=self.item_id,
                title=self.title,
                kind=self.kind,  # type: ignore[arg-type]  # checked by PathItem
                difficulty=self.difficulty,  # type: ignore[arg-type]
                target_minutes=self.target_minutes,
                topics=tuple(topic for topic in self.topics.split("\n") if topic),
                link=self.link,
                description=self.description,
            )
        except ValidationError as error:
            first = error.errors()[0]
            field = {"id": "item_id"}.get(str(first["loc"][0]), str(first["loc"][0]))
            message = str(first["msg"]).removeprefix("Value error, ")
            problem = f"{field}: {message[:1].lower()}{message[1:]}"
            raise ValueError(f"as an item of a path, {problem}") from None
        return self


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
