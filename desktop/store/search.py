"""Search everything (Ctrl+K): path items, journal entries, stories and practice attempts.

Every word typed must appear, in any order, ignoring case, in any of its forms ("retries"
finds "retry"; the last word may be the start of one). The journal has a full-text index
that stems words and uses it; the others are short texts: LIKE narrows them to the rows
holding each word's root, and word_forms checks those few word by word, stopping once
there are enough, which stays quick on ten years of attempts (20,000 rows are one scan of
one small column). An attempt's own words are in its retrospective, so attempts are also
found through the journal's index.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from desktop.domain.curriculum import LearningPath
from desktop.domain.journal import fts_query, without_markup
from desktop.domain.practice import Outcome
from desktop.domain.progress import item_words
from desktop.domain.word_forms import SoughtWord, first_match, fold, sought_words
from desktop.store import journal as journal_store

HITS_PER_KIND = 8


class HitKind(StrEnum):
    ITEM = "item"
    ENTRY = "entry"
    STORY = "story"
    ATTEMPT = "attempt"

    @property
    def heading(self) -> str:
        return {
            HitKind.ITEM: "Path items",
            HitKind.ENTRY: "Journal entries",
            HitKind.STORY: "Stories",
            HitKind.ATTEMPT: "Practice attempts",
        }[self]


@dataclass(frozen=True)
class Hit:
    kind: HitKind
    title: str
    detail: str  # the path's name, an outcome or the words around a match: plain text
    record_id: int | None = None  # entries, stories, attempts
    when: date | datetime | None = None  # an entry's day, an attempt's start (stored UTC)
    path_id: str | None = None  # path items
    item_id: str | None = None


@dataclass(frozen=True)
class PathItemText:
    """A path item as the library has it (the files are not in the database)."""

    path_id: str
    path_title: str
    item_id: str
    title: str
    # Its title, kind, stage and topics, as the Learning path's filter reads them
    # (progress.item_words): "quiz" or a topic's name finds the item too.
    words: str = ""


def path_item_texts(
    paths: Iterable[LearningPath], topic_label: Callable[[str], str]
) -> list[PathItemText]:
    """Every item of the path files, with the words the Learning path's filter finds it by."""
    return [
        PathItemText(
            path.id,
            path.title,
            item.id,
            item.title,
            " ".join(item_words(item, stage.title, topic_label=topic_label)),
        )
        for path in paths
        for stage in path.stages
        for item in stage.items
    ]


def search_words(typed: str) -> list[str]:
    return [word.casefold() for word in typed.split() if word.strip()]


_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class _Term:
    """One thing typed: a word, found as typed inside any word ("sum" in "3Sum", as LIKE
    always found it) or in any of its forms; or anything else ("100%", "two-sum") found as
    typed."""

    typed: str  # casefolded
    like: str  # what the text must hold, for LIKE to narrow the rows with
    word: SoughtWord | None  # None: only `typed` itself is sought

    def found_in(self, lowered: str, words: set[str]) -> bool:
        if self.typed in lowered:
            return True
        return self.word is not None and any(self.word.matches(word) for word in words)


def _terms(typed: str) -> list[_Term]:
    pieces = search_words(typed)
    terms = []
    for piece, sought in zip(pieces, sought_words(pieces), strict=True):
        if not _WORD.fullmatch(piece):
            terms.append(_Term(piece, piece, None))
            continue
        # The root as typed, accents and all, where it is the start of what was typed:
        # SQLite's LIKE compares "é" only with "é".
        typed_form = unicodedata.normalize("NFC", piece)
        root = sought.root
        like = typed_form[: len(root)] if fold(typed_form).startswith(root) else root
        terms.append(_Term(piece, like, sought))
    return terms


def _has_all(text: str, terms: list[_Term]) -> bool:
    lowered = text.casefold()
    # Each term's root or text first, as LIKE narrows rows: most texts are ruled out here.
    if not all(term.like in lowered for term in terms):
        folded = fold(text)
        if folded == lowered or not all(fold(term.like) in folded for term in terms):
            return False
    words = {fold(word) for word in _WORD.findall(text)}
    return all(term.found_in(lowered, words) for term in terms)


def search_everything(
    *,
    session: Session,
    typed: str,
    items: Sequence[PathItemText],
    limit: int = HITS_PER_KIND,
    limits: Mapping[HitKind, int] | None = None,
) -> list[Hit]:
    """Hits grouped by kind (items, entries, stories, attempts), at most `limit` of each, or
    of a kind in `limits`, as many as it says."""
    terms = _terms(typed)
    if not terms:
        return []

    def most(kind: HitKind) -> int:
        return (limits or {}).get(kind, limit)

    return [
        *_items(session, terms, items, most(HitKind.ITEM)),
        *_entries(session, typed, most(HitKind.ENTRY)),
        *_stories(session, terms, most(HitKind.STORY)),
        *_attempts(session, typed, terms, most(HitKind.ATTEMPT)),
    ]


def _like(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _all_terms(column: str, terms: list[_Term]) -> tuple[str, dict[str, str]]:
    """A WHERE clause in which `column` holds every term's root or text, and its parameters:
    it narrows the rows to the few worth checking word by word."""
    clauses = [f"{column} LIKE :w{n} ESCAPE '\\'" for n in range(len(terms))]
    return " AND ".join(clauses), {f"w{n}": _like(term.like) for n, term in enumerate(terms)}


def _first(rows: Iterable[Any], text_at: int, terms: list[_Term], limit: int) -> list[Any]:
    """The first `limit` rows whose text (column `text_at`) has every term; reading the rows
    stops there, as a LIMIT did."""
    kept: list[Any] = []
    for row in rows:
        if len(kept) >= limit:
            break
        if _has_all(str(row[text_at] or ""), terms):
            kept.append(row)
    return kept


def _items(
    session: Session, terms: list[_Term], items: Sequence[PathItemText], limit: int
) -> list[Hit]:
    """Items whose title has the words (the path files' and the user's own), then path file
    items found with their kind, stage or topics, then items whose notes have them."""
    path_titles = {item.path_id: item.path_title for item in items}
    hits: dict[tuple[str, str], Hit] = {}

    def add(path_id: str, item_id: str, title: str, detail: str) -> bool:
        """False once there are enough."""
        if path_id in path_titles:  # not an item of a path file since removed
            hits.setdefault(
                (path_id, item_id),
                Hit(HitKind.ITEM, title, detail, path_id=path_id, item_id=item_id),
            )
        return len(hits) < limit

    for item in items:
        matches = _has_all(item.title, terms)
        if matches and not add(item.path_id, item.item_id, item.title, item.path_title):
            return list(hits.values())
    for item in items:
        matches = bool(item.words) and _has_all(item.words, terms)
        if matches and not add(item.path_id, item.item_id, item.title, item.path_title):
            return list(hits.values())
    where, params = _all_terms("title", terms)
    custom = session.connection().execute(
        text(f"SELECT path_id, item_id, title FROM custom_item WHERE {where}"), params
    )
    for path_id, item_id, title in _first(custom, 2, terms, limit):
        if not add(path_id, item_id, str(title), path_titles.get(path_id, "")):
            return list(hits.values())
    where, params = _all_terms("notes", terms)
    noted = session.connection().execute(
        text(f"SELECT path_id, item_id, title, notes FROM item_progress WHERE {where}"), params
    )
    for path_id, item_id, title, notes in _first(noted, 3, terms, limit):
        if not add(path_id, item_id, str(title), _around(str(notes), terms)):
            break
    return list(hits.values())


def _entries(session: Session, typed: str, limit: int) -> list[Hit]:
    found = journal_store.search_entries(session=session, typed=typed, limit=limit)
    unmark = str.maketrans("", "", journal_store.MATCH_START + journal_store.MATCH_END)
    return [
        Hit(
            HitKind.ENTRY,
            hit.title or "Untitled entry",
            hit.snippet.translate(unmark),
            hit.entry_id,
            when=hit.entry_date,
        )
        for hit in found
    ]


def _stories(session: Session, terms: list[_Term], limit: int) -> list[Hit]:
    body = "(situation || ' ' || task || ' ' || action || ' ' || result || ' ' || notes)"
    whole = f"(title || ' ' || {body})"
    where, params = _all_terms(whole, terms)
    rows = session.connection().execute(
        text(
            f"SELECT id, title, {body}, {whole} FROM story WHERE deleted_at IS NULL AND {where}"
            " ORDER BY updated_at DESC"
        ),
        params,
    )
    return [
        Hit(HitKind.STORY, str(title) or "Untitled story", _around(str(text_), terms), int(sid))
        for sid, title, text_, _whole in _first(rows, 3, terms, limit)
    ]


def _attempts(session: Session, typed: str, terms: list[_Term], limit: int) -> list[Hit]:
    """Attempts whose title has the words, newest first; then, if there is room, those whose
    retrospective has them (what a user wrote about an attempt lives there)."""
    where, params = _all_terms("title", terms)
    rows = session.connection().execute(
        text(
            f"SELECT id, title, started_at, outcome FROM practice_session"
            f" WHERE deleted_at IS NULL AND {where} ORDER BY started_at DESC"
        ),
        params,
    )
    hits = [
        Hit(HitKind.ATTEMPT, str(title), _outcome(outcome), int(aid), when=_moment(started))
        for aid, title, started, outcome in _first(rows, 1, terms, limit)
    ]
    if len(hits) < limit:
        hits += _attempts_by_retrospective(
            session, typed, terms, limit, {h.record_id for h in hits}
        )
    return hits


def _attempts_by_retrospective(
    session: Session, typed: str, terms: list[_Term], limit: int, found: set[int | None]
) -> list[Hit]:
    query = fts_query(typed)
    if query is None:
        return []
    # The index finds the entries; only the few shown have their text read for a snippet.
    rows = (
        session.connection()
        .execute(
            text(
                "SELECT s.id, s.title, s.started_at, s.outcome, e.id FROM journal_search"
                " JOIN journal_entry AS e ON e.id = journal_search.rowid"
                " JOIN practice_session AS s ON s.id = e.session_id"
                " WHERE journal_search MATCH :query AND s.deleted_at IS NULL"
                " ORDER BY s.started_at DESC LIMIT :n"
            ),
            {"query": query, "n": limit + len(found)},
        )
        .all()
    )
    fresh = [row for row in rows if int(row[0]) not in found][: limit - len(found)]
    bodies = _entry_bodies(session, [int(row[4]) for row in fresh])
    return [
        Hit(
            HitKind.ATTEMPT,
            str(title),
            f"{_outcome(outcome)} · {_around(bodies.get(int(entry), ''), terms)}",
            int(aid),
            when=_moment(started),
        )
        for aid, title, started, outcome, entry in fresh
    ]


def _entry_bodies(session: Session, entry_ids: list[int]) -> dict[int, str]:
    if not entry_ids:
        return {}
    marks = ", ".join(f":e{n}" for n in range(len(entry_ids)))
    rows = session.connection().execute(
        text(f"SELECT id, body FROM journal_entry WHERE id IN ({marks})"),
        {f"e{n}": entry_id for n, entry_id in enumerate(entry_ids)},
    )
    return {int(entry_id): str(body or "") for entry_id, body in rows}


def _around(body: str, terms: list[_Term], width: int = 90) -> str:
    """The stretch of `body` around the first term found, on one line, without Markdown
    punctuation (as the journal's snippets are)."""
    flat = without_markup(body)
    lowered = flat.casefold()
    found = [lowered.find(term.typed) for term in terms]
    words = [term.word for term in terms if term.word is not None]
    found.append(-1 if (at := first_match(flat, words)) is None else at)
    first = min((at for at in found if at >= 0), default=0)
    start = max(0, first - width // 3)
    piece = flat[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(flat) else "")


def _moment(value: object) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def _outcome(value: object) -> str:
    try:
        return Outcome(str(value)).label
    except ValueError:
        return str(value)
