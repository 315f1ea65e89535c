"""Importing a folder of Markdown daily notes (this app's export or an Obsidian vault).

Every note with a date (named YYYY-MM-DD.md, or with 'date:' in its front matter) becomes
journal entries; notes without a date are left alone (and not even counted when Loopwise wrote
them itself: its path and story notes). A folder with no daily notes at all is refused. An
entry already in the journal (same day, same title, same text) is recognised and not added
again, so importing the same folder twice adds nothing the second time. One unreadable or
oversized note stops the whole import. Only notes really inside the folder are read: a link
leading out of it, or a pipe named like a note, is passed over and named in the summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlmodel import Session, col, select

from desktop.domain.bounded_read import UnreadableFile, read_bounded, size_text
from desktop.domain.journal import EntryKind
from desktop.domain.text_limits import LIST_TEXT, LONG_TEXT, SHORT_TEXT, length_problem
from desktop.domain.vault import NoteProblem, VaultEntry, read_note
from desktop.store.journal import EntryDraft, create_entry
from desktop.store.models import JournalEntry
from desktop.store.transfer.json_import import ImportRejected
from desktop.store.transfer.note_files import NoteFiles, find_note_files
from desktop.store.transfer.sections.journal import JOURNAL_FOLDER
from desktop.store.transfer.vault_folder import read_manifest

MAX_NOTE_BYTES = 20_000_000  # a day's entries, each at most about 1 MB of text
MAX_FOLDER_BYTES = 200_000_000  # as much as the largest JSON export Loopwise imports
SKIPPED_SHOWN = 10


@dataclass
class NotesPlan:
    new: list[tuple[date, VaultEntry]] = field(default_factory=list)
    already_there: int = 0
    notes_without_date: int = 0
    skipped: list[str] = field(default_factory=list)  # "note: why it was not read"

    def summary(self) -> str:
        """What the import did, for the command line and the window alike."""
        added = len(self.new)
        text = f"{added} journal {'entry was' if added == 1 else 'entries were'} added"
        if there := self.already_there:
            text += f"; {there} {'was' if there == 1 else 'were'} already in your journal"
        text += "."
        if undated := self.notes_without_date:
            notes = (
                "1 note without a date was"
                if undated == 1
                else f"{undated} notes without a date were"
            )
            text += f" {notes} left out."
        if self.skipped:
            shown = self.skipped[:SKIPPED_SHOWN]
            more = len(self.skipped) - len(shown)
            text += " These files were not read:\n" + "\n".join(f"• {why}" for why in shown)
            if more:
                text += f"\n… and {more} more"
        return text


def _note_files(folder: Path) -> NoteFiles:
    if not folder.is_dir():
        raise ImportRejected([f"{folder} is not a folder."])
    try:
        return find_note_files(folder)
    except UnreadableFile as error:
        raise ImportRejected([f"{error}."]) from None


def read_notes(folder: Path) -> tuple[list[tuple[date, VaultEntry]], int, list[str]]:
    """Every dated entry in the folder, how many notes had no date, and which files were
    passed over (and why)."""
    problems: list[str] = []
    entries: list[tuple[date, VaultEntry]] = []
    undated = 0
    files = _note_files(folder)
    if not files.notes:
        skipped = "".join(f"\n• {why}" for why in files.skipped[:SKIPPED_SHOWN])
        raise ImportRejected([f"No Markdown notes were found in {folder}.{skipped}"])
    own = read_manifest(folder) or {}
    left = MAX_FOLDER_BYTES
    for path in files.notes:
        where = path.relative_to(folder).as_posix()
        try:
            data = read_bounded(path, limit=min(MAX_NOTE_BYTES, left), inside=folder)
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            problems.append(f"{where}: not UTF-8 text.")
            continue
        except UnreadableFile as error:
            if left < MAX_NOTE_BYTES and error.problem.startswith("is larger than"):
                raise ImportRejected(
                    [f"The notes in {folder} add up to more than {size_text(MAX_FOLDER_BYTES)}."]
                ) from None
            problems.append(f"{where}: {error.problem}.")
            continue
        left -= len(data)
        if "\x00" in text:
            problems.append(f"{where}: contains a NUL character, so it is not a text note.")
            continue
        try:
            day, found = read_note(path.name, text)
        except NoteProblem as problem:
            if "has no date" in str(problem):
                undated += where not in own or where.startswith(f"{JOURNAL_FOLDER}/")
            else:
                problems.append(f"{where}: {problem}.")
            continue
        for entry in found:
            problems += _too_long(where, entry)
        entries += [(day, entry) for entry in found]
    if problems:
        raise ImportRejected(problems)
    if not entries:
        raise ImportRejected(
            [f"No daily notes were found in {folder}: a daily note is named like 2026-11-22.md "
             "or has 'date:' in its front matter."]
        )  # fmt: skip
    return entries, undated, files.skipped


def _too_long(where: str, entry: VaultEntry) -> list[str]:
    """The same limits as a JSON import (desktop/domain/text_limits.py)."""
    name = entry.title.strip()[:60] or "untitled"
    fields = (
        ("title", entry.title, SHORT_TEXT),
        ("body", entry.body, LONG_TEXT),
        ("tags", "\n".join(entry.tags), LIST_TEXT),
    )
    return [
        f"{where}, entry {name!r}, {field}: {problem}."
        for field, value, limit in fields
        if (problem := length_problem(value.strip(), limit))
    ]


def plan_notes_import(*, session: Session, folder: Path) -> NotesPlan:
    entries, undated, skipped = read_notes(folder)
    plan = NotesPlan(notes_without_date=undated, skipped=skipped)
    seen: set[tuple[date, str, str]] = set()
    for day, entry in entries:
        identity = (day, entry.title.strip(), entry.body.strip())
        if identity in seen or _already_there(session, identity):
            plan.already_there += 1
            continue
        seen.add(identity)
        plan.new.append((day, entry))
    return plan


def _already_there(session: Session, identity: tuple[date, str, str]) -> bool:
    day, title, body = identity
    same_day = session.exec(select(JournalEntry).where(col(JournalEntry.entry_date) == day)).all()
    return any(row.title.strip() == title and row.body.strip() == body for row in same_day)


def apply_notes_import(*, session: Session, plan: NotesPlan, now: datetime) -> int:
    for day, entry in plan.new:
        kind = EntryKind(entry.kind) if entry.kind in set(EntryKind) else EntryKind.NOTE
        draft = EntryDraft(
            entry_date=day,
            title=entry.title.strip(),
            body=entry.body.strip(),
            kind=kind,
            tags=tuple(tag.replace("\n", " ") for tag in entry.tags),
            path_id=entry.path_id,
            item_id=entry.item_id,
        )
        create_entry(session=session, draft=draft, now=now)
    session.flush()
    return len(plan.new)
