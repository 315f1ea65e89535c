"""Journal entries and full-text search over them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlmodel import Session, col, select

from desktop.domain.journal import (
    Entry,
    EntryKind,
    fts_query,
    make_snippet,
    search_words,
    word_count,
)
from desktop.store.models import JournalEntry

# Marks around matched words in snippets; private-use characters never typed by a user.
MATCH_START = "\ue000"
MATCH_END = "\ue001"
RANKED_MATCHES = 5000
SEARCH_LIMIT = 50  # hits shown for one search


@dataclass(frozen=True)
class EntryDraft:
    """What the editor hands over to be saved."""

    entry_date: date
    title: str
    body: str
    kind: EntryKind = EntryKind.NOTE
    tags: tuple[str, ...] = ()
    template_id: str | None = None
    attempt_id: int | None = None
    path_id: str | None = None
    item_id: str | None = None


def create_entry(*, session: Session, draft: EntryDraft, now: datetime) -> int:
    row = JournalEntry(created_at=now, updated_at=now, **_columns(draft))
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def save_entry(*, session: Session, entry_id: int, draft: EntryDraft, now: datetime) -> bool:
    """Write the draft over the entry; False (and nothing written) if nothing changed."""
    row = session.get(JournalEntry, entry_id)
    if row is None:
        raise LookupError(f"journal entry {entry_id} does not exist")
    columns = _columns(draft)
    if all(getattr(row, name) == value for name, value in columns.items()):
        return False
    for name, value in columns.items():
        setattr(row, name, value)
    row.updated_at = now
    return True


def delete_entry(*, session: Session, entry_id: int) -> None:
    row = session.get(JournalEntry, entry_id)
    if row is not None:
        session.delete(row)


def discard_unsaved_new_entry(*, session: Session, entry_id: int) -> bool:
    """Delete an entry nothing was saved to since it was created (a new entry left as its
    template wrote it); False, and nothing deleted, once a change has been saved to it."""
    row = session.get(JournalEntry, entry_id)
    if row is None or row.updated_at != row.created_at:
        return False
    session.delete(row)
    return True


def get_entry(*, session: Session, entry_id: int) -> Entry | None:
    return _entry(session.get(JournalEntry, entry_id))


MONTH_LIMIT = 1000  # entries listed for one month: far beyond daily use, bounded after an import


def entries_between(
    *, session: Session, first: date, last: date, limit: int | None = None
) -> list[Entry]:
    """Entries dated first..last (inclusive), newest first; the newest `limit` of them."""
    query = (
        select(JournalEntry)
        .where(col(JournalEntry.entry_date) >= first, col(JournalEntry.entry_date) <= last)
        .order_by(col(JournalEntry.entry_date).desc(), col(JournalEntry.id).desc())
    )
    rows = session.exec(query.limit(limit) if limit is not None else query).all()
    return [entry for row in rows if (entry := _entry(row)) is not None]


def days_with_entries(*, session: Session, first: date, last: date) -> tuple[set[date], int]:
    """The days first..last that have entries, and how many entries there are in all."""
    rows = session.connection().execute(
        text(
            "SELECT entry_date, count(*) FROM journal_entry"
            " WHERE entry_date BETWEEN :first AND :last GROUP BY entry_date"
        ),
        {"first": first.isoformat(), "last": last.isoformat()},
    )
    days: set[date] = set()
    total = 0
    for day, count in rows:
        days.add(date.fromisoformat(str(day)))
        total += int(count)
    return days, total


def newest_entry(*, session: Session, on_or_before: date | None = None) -> Entry | None:
    """The newest entry; with `on_or_before`, the newest dated that day or earlier (entries
    may be dated ahead, for a plan written down early)."""
    query = select(JournalEntry)
    if on_or_before is not None:
        query = query.where(col(JournalEntry.entry_date) <= on_or_before)
    # LIMIT 1: without it the ORM fetched every entry's text (4.5 MiB on ten years) for one.
    newest = query.order_by(col(JournalEntry.entry_date).desc(), col(JournalEntry.id).desc())
    return _entry(session.exec(newest.limit(1)).first())


def entry_for_attempt(*, session: Session, attempt_id: int) -> Entry | None:
    """The retrospective written after a practice attempt, if any."""
    return _entry(
        session.exec(select(JournalEntry).where(JournalEntry.session_id == attempt_id)).first()
    )


def _entry(row: JournalEntry | None) -> Entry | None:
    """The one place a stored row becomes what the rest of the app reads."""
    if row is None or row.id is None:
        return None
    return Entry(
        id=row.id,
        entry_date=_as_date(row.entry_date),
        title=row.title,
        body=row.body,
        kind=EntryKind(row.kind),
        tags=tuple(tag for tag in row.tags.splitlines() if tag.strip()),
        template_id=row.template_id,
        attempt_id=row.session_id,  # the column keeps its first name
        path_id=row.path_id,
        item_id=row.item_id,
        word_count=row.word_count,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


@dataclass(frozen=True)
class SearchHit:
    entry_id: int
    entry_date: date
    title: str
    snippet: str  # matched words wrapped in MATCH_START / MATCH_END
    kind: EntryKind = EntryKind.NOTE
    word_count: int = 0


# The one order of journal hits, for the Journal's search and Search everything alike: the
# best match first, and among equally good ones the newest day first, as the Journal lists
# a month. SQL leaves ties unordered, so without the last two keys equal hits could come in
# any order, and differently for a different LIMIT.
_BEST_FIRST = "hits_score, hits_day DESC, hits_id DESC"

# Ranking is limited to the newest RANKED_MATCHES matches (years of daily entries), so a
# common word in a huge journal still answers while typing. Only the hits as good as the
# last one shown (`cut`) are looked up for their day, and only those shown have their text
# read.
_SEARCH = (
    "WITH ranked AS MATERIALIZED ("
    "  SELECT rowid AS hits_id, bm25(journal_search, 5.0, 1.0, 2.0) AS hits_score"
    "  FROM journal_search WHERE journal_search MATCH :query ORDER BY rowid DESC LIMIT :ranked"
    "), cut AS (SELECT hits_score AS worst FROM ranked ORDER BY hits_score LIMIT 1 OFFSET :last)"
    " SELECT e.id, e.entry_date, e.title, e.body, e.kind, e.word_count FROM ("
    "  SELECT hits_id, hits_score, dated.entry_date AS hits_day FROM ranked"
    "  JOIN journal_entry AS dated ON dated.id = ranked.hits_id"
    "  WHERE hits_score <= coalesce((SELECT worst FROM cut), hits_score)"
    f"  ORDER BY {_BEST_FIRST} LIMIT :limit"
    f") AS hits JOIN journal_entry AS e ON e.id = hits.hits_id ORDER BY {_BEST_FIRST}"
)


def search_entries(*, session: Session, typed: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
    """Best matches first. Whatever was typed is made safe first, so this never raises on it."""
    query = fts_query(typed)
    if query is None or limit < 1:
        return []
    rows = session.connection().execute(
        text(_SEARCH),
        {"query": query, "limit": limit, "last": limit - 1, "ranked": RANKED_MATCHES},
    )
    words = search_words(typed)
    return [
        SearchHit(
            int(row[0]),
            _as_date(row[1]),
            str(row[2]),
            make_snippet(str(row[3] or ""), words, MATCH_START, MATCH_END),
            EntryKind(str(row[4])),
            int(row[5] or 0),
        )
        for row in rows
    ]


def count_matches(*, session: Session, typed: str) -> int:
    """How many entries match in all, for saying "top 50 of 1,234" when the hits are cut."""
    query = fts_query(typed)
    if query is None:
        return 0
    found = session.connection().execute(
        text("SELECT count(*) FROM journal_search WHERE journal_search MATCH :query"),
        {"query": query},
    )
    return int(found.scalar_one())


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _columns(draft: EntryDraft) -> dict[str, Any]:
    return {
        "entry_date": draft.entry_date,
        "title": draft.title,
        "body": draft.body,
        "kind": draft.kind.value,
        "tags": "\n".join(dict.fromkeys(t.strip() for t in draft.tags if t.strip())),
        "template_id": draft.template_id,
        "session_id": draft.attempt_id,
        "path_id": draft.path_id,
        "item_id": draft.item_id,
        "word_count": word_count(draft.body),
    }
