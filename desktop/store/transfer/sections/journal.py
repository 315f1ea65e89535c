"""Export section "journal": the entries; in the vault, one daily note per day."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from pydantic import model_validator
from sqlmodel import Session, col, select

from desktop.domain.journal import EntryKind, word_count
from desktop.store.models import AttemptRow, ItemProgress, JournalEntry
from desktop.store.transfer.records import Count, Key, Lines, Record, RowId, Text, Time, Title
from desktop.store.transfer.section import Section
from desktop.store.transfer.tables import TableSpec
from desktop.store.transfer.vault_folder import VaultFolder

if TYPE_CHECKING:
    from desktop.domain.vault import VaultEntry

JOURNAL_FOLDER = "Journal"


class JournalEntryRecord(Record):
    id: RowId
    entry_date: date
    title: Title
    body: Text
    kind: EntryKind
    tags: Lines = ""  # one per line
    template_id: Key | None = None
    session_id: RowId | None = None
    path_id: Key | None = None
    item_id: Key | None = None
    word_count: Count = 0
    created_at: Time
    updated_at: Time

    @model_validator(mode="after")
    def _count_the_words(self) -> JournalEntryRecord:
        # A file's count may be missing or wrong (written by hand or by another tool): the
        # body says how many words there are.
        self.word_count = word_count(self.body)
        return self


def write_daily_notes(*, session: Session, vault: VaultFolder) -> int:
    from desktop.domain.vault import render_daily_note  # YAML: only the vault needs it

    entries = session.exec(
        select(JournalEntry).order_by(col(JournalEntry.entry_date), col(JournalEntry.id))
    ).all()
    by_day: dict[date, list[VaultEntry]] = defaultdict(list)
    for entry in entries:
        by_day[entry.entry_date].append(_vault_entry(session, entry))
    for day, day_entries in by_day.items():
        note = render_daily_note(day, day_entries)
        vault.write(f"{JOURNAL_FOLDER}/{day.isoformat()}.md", note)
    return len(by_day)


def _vault_entry(session: Session, entry: JournalEntry) -> VaultEntry:
    from desktop.domain.vault import VaultEntry

    facts: dict[str, Any] = {}
    if entry.path_id and entry.item_id:
        item = session.get(ItemProgress, (entry.path_id, entry.item_id))
        if item is not None:
            facts["item_title"] = item.title
    if entry.session_id is not None:
        practice = session.get(AttemptRow, entry.session_id)
        if practice is not None:
            facts["session"] = {
                "practised": practice.title,
                "started_at": practice.started_at,
                "minutes": round(practice.active_seconds / 60),
                "outcome": practice.outcome,
                "confidence": practice.confidence,
            }
    return VaultEntry(
        title=entry.title,
        body=entry.body,
        kind=entry.kind,
        tags=tuple(tag for tag in entry.tags.splitlines() if tag.strip()),
        path_id=entry.path_id,
        item_id=entry.item_id,
        facts=facts,
    )


SECTION = Section(
    "journal",
    (
        TableSpec(
            "entries",
            JournalEntry,
            JournalEntryRecord,
            "journal entry",
            references={"session_id": ("practice_session", "id")},
            identity=("created_at",),
        ),
    ),
    write_markdown=write_daily_notes,
)
