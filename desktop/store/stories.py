"""STAR stories, the themes they answer, their rehearsals, and the user's own themes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, delete, select

from desktop.domain.stories import Rehearsal, Scope, Story, StoryDraft
from desktop.domain.story_themes import CustomTheme
from desktop.store.models import JournalEntry
from desktop.store.soft_delete import SoftDeleted
from desktop.store.story_tables import (
    CustomStoryTheme,
    StoryJournalLink,
    StoryRehearsal,
    StoryRow,
    StoryTheme,
)


class JournalLink(NamedTuple):
    """A journal entry a story can link to; the UI words it."""

    id: int
    day: date
    title: str


def create_story(*, session: Session, draft: StoryDraft, now: datetime) -> int:
    row = StoryRow(created_at=now, updated_at=now, **_columns(draft))
    session.add(row)
    session.flush()
    assert row.id is not None
    _write_links(session, row.id, draft)
    return row.id


def save_story(*, session: Session, story_id: int, draft: StoryDraft, now: datetime) -> bool:
    """Write the draft over the story; False (and nothing written) if nothing changed."""
    row = session.get(StoryRow, story_id)
    if row is None or row.deleted_at is not None:
        raise LookupError(f"story {story_id} no longer exists")
    if same_as_stored(_draft(session, row), draft):
        return False
    for name, value in _columns(draft).items():
        setattr(row, name, value)
    row.updated_at = now
    session.exec(delete(StoryTheme).where(col(StoryTheme.story_id) == story_id))
    session.exec(delete(StoryJournalLink).where(col(StoryJournalLink.story_id) == story_id))
    session.flush()
    _write_links(session, story_id, draft)
    return True


STORIES = SoftDeleted(StoryRow)


def delete_story(*, session: Session, story_id: int, now: datetime) -> None:
    """Mark the story deleted; restore_story brings it back with everything it had."""
    STORIES.delete(session=session, record_id=story_id, now=now)


def restore_story(*, session: Session, story_id: int) -> None:
    STORIES.restore(session=session, record_id=story_id)


def get_story(*, session: Session, story_id: int) -> Story | None:
    row = session.get(StoryRow, story_id)
    if row is None or row.deleted_at is not None:
        return None
    return _stories(session, [row])[0]


def all_stories(*, session: Session) -> list[Story]:
    """Every story (not deleted), most recently changed first."""
    rows = session.exec(
        select(StoryRow)
        .where(col(StoryRow.deleted_at).is_(None))
        .order_by(col(StoryRow.updated_at).desc(), col(StoryRow.id).desc())
    ).all()
    return _stories(session, list(rows))


def story_count(*, session: Session) -> int:
    """How many stories there are (not deleted): cheap, to decide how to read them."""
    return session.exec(
        select(func.count(col(StoryRow.id))).where(col(StoryRow.deleted_at).is_(None))
    ).one()


def log_rehearsal(*, session: Session, rehearsal: Rehearsal) -> int:
    row = StoryRehearsal(
        story_id=rehearsal.story_id,
        rehearsed_at=rehearsal.rehearsed_at,
        seconds=rehearsal.seconds,
        rating=rehearsal.rating,
        note=rehearsal.note.strip(),
    )
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def rehearsals_of(*, session: Session, story_id: int) -> list[Rehearsal]:
    """The story's rehearsals, newest first."""
    rows = session.exec(
        select(StoryRehearsal)
        .where(StoryRehearsal.story_id == story_id)
        .order_by(col(StoryRehearsal.rehearsed_at).desc(), col(StoryRehearsal.id).desc())
    ).all()
    return [
        Rehearsal(
            row.story_id,
            _utc(row.rehearsed_at) or row.rehearsed_at,
            row.seconds,
            row.rating,
            row.note,
            row.id,
        )
        for row in rows
    ]


def add_custom_theme(*, session: Session, theme: CustomTheme, now: datetime) -> None:
    session.add(
        CustomStoryTheme(
            id=theme.id, title=theme.title, description=theme.description, created_at=now
        )
    )


def custom_themes(*, session: Session) -> list[CustomTheme]:
    rows = session.exec(select(CustomStoryTheme).order_by(col(CustomStoryTheme.created_at))).all()
    return [CustomTheme(row.id, row.title, row.description) for row in rows]


def journal_titles(*, session: Session, entry_ids: tuple[int, ...]) -> list[JournalLink]:
    """Date and title of linked journal entries, for showing the links."""
    if not entry_ids:
        return []
    rows = session.exec(select(JournalEntry).where(col(JournalEntry.id).in_(entry_ids))).all()
    return [JournalLink(row.id, row.entry_date, row.title) for row in rows if row.id is not None]


def recent_journal_entries(*, session: Session, limit: int = 300) -> list[JournalLink]:
    """Newest journal entries first, to choose links from."""
    rows = session.exec(
        select(JournalEntry)
        .order_by(col(JournalEntry.entry_date).desc(), col(JournalEntry.id).desc())
        .limit(limit)
    ).all()
    return [JournalLink(row.id, row.entry_date, row.title) for row in rows if row.id is not None]


def _columns(draft: StoryDraft) -> dict[str, Any]:
    return {
        "title": draft.title,
        "situation": draft.situation,
        "task": draft.task,
        "action": draft.action,
        "result": draft.result,
        "scope": draft.scope.value,
        "companies": "\n".join(_unique(draft.companies)),
        "notes": draft.notes,
    }


def _unique(values: tuple[str, ...]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v.strip()))


def _write_links(session: Session, story_id: int, draft: StoryDraft) -> None:
    for theme_id in dict.fromkeys(draft.themes):
        session.add(StoryTheme(story_id=story_id, theme_id=theme_id))
    existing = set(
        session.exec(
            select(JournalEntry.id).where(col(JournalEntry.id).in_(draft.journal_entry_ids))
        ).all()
    )
    for entry_id in dict.fromkeys(draft.journal_entry_ids):
        if entry_id in existing:  # an entry deleted meanwhile is simply no longer linked
            session.add(StoryJournalLink(story_id=story_id, entry_id=entry_id))
    session.flush()


def _draft(session: Session, row: StoryRow) -> StoryDraft:
    assert row.id is not None
    return _stories(session, [row])[0].draft


_T = TypeVar("_T", int, str)  # a link table's value column: a theme id or an entry id


def _by_story(session: Session, ids: list[int], story_id: int, value: _T) -> dict[int, list[_T]]:
    """Each story's values in one link table (its themes, its journal links), in order."""
    found: dict[int, list[_T]] = defaultdict(list)
    if ids:
        for owner, each in session.exec(
            select(story_id, value).where(col(story_id).in_(ids)).order_by(col(value))
        ).all():
            found[owner].append(each)
    return found


def _stories(session: Session, rows: list[StoryRow]) -> list[Story]:
    ids = [row.id for row in rows if row.id is not None]
    themes = _by_story(session, ids, StoryTheme.story_id, StoryTheme.theme_id)
    links = _by_story(session, ids, StoryJournalLink.story_id, StoryJournalLink.entry_id)
    rehearsed: dict[int, tuple[datetime | None, int]] = {}
    if ids:
        for story_id, newest, count in session.exec(
            select(
                StoryRehearsal.story_id,
                func.max(StoryRehearsal.rehearsed_at),
                func.count(col(StoryRehearsal.id)),
            )
            .where(col(StoryRehearsal.story_id).in_(ids))
            .group_by(col(StoryRehearsal.story_id))
        ).all():
            rehearsed[story_id] = (_utc(newest), count)
    stories = []
    for row in rows:
        assert row.id is not None
        last, count = rehearsed.get(row.id, (None, 0))
        draft = StoryDraft(
            title=row.title,
            situation=row.situation,
            task=row.task,
            action=row.action,
            result=row.result,
            themes=tuple(themes[row.id]),
            scope=Scope(row.scope) if row.scope in _SCOPES else Scope.TEAM,
            companies=tuple(c for c in row.companies.split("\n") if c),
            notes=row.notes,
            journal_entry_ids=tuple(links[row.id]),
        )
        created, updated = _utc(row.created_at), _utc(row.updated_at)
        assert created is not None and updated is not None
        stories.append(Story(row.id, draft, created, updated, last, count))
    return stories


_SCOPES = {scope.value for scope in Scope}


def _utc(moment: datetime | str | None) -> datetime | None:
    """Times are stored in UTC; SQLite hands them back without a zone."""
    if moment is None:
        return None
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def same_as_stored(saved: StoryDraft, draft: StoryDraft) -> bool:
    """Equal as stored: themes and links are sets, companies are trimmed and unique."""

    def normal(d: StoryDraft) -> StoryDraft:
        return replace(
            d,
            themes=tuple(sorted(set(d.themes))),
            companies=tuple(_unique(d.companies)),
            journal_entry_ids=tuple(sorted(set(d.journal_entry_ids))),
        )

    return normal(saved) == normal(draft)
