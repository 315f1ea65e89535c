"""The journal in the real database: entries, and full-text search that nothing typed can break."""

from __future__ import annotations

import sqlite3
import unicodedata
from contextlib import closing
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.domain.journal import EntryKind
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.profile import Profile
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.store.journal import MATCH_END, MATCH_START, EntryDraft, SearchHit
from desktop.store.models import JournalEntry

T0 = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)
DAY = date(2026, 3, 1)


def _draft(
    title: str = "Two Sum retro",
    body: str = "Used a hash map.",
    *,
    entry_date: date = DAY,
    kind: EntryKind = EntryKind.NOTE,
    tags: tuple[str, ...] = (),
    attempt_id: int | None = None,
) -> EntryDraft:
    return EntryDraft(
        entry_date=entry_date, title=title, body=body, kind=kind, tags=tags, attempt_id=attempt_id
    )


def _create(profile: Profile, draft: EntryDraft, now: datetime = T0) -> int:
    with session_scope(profile.engine) as session:
        return journal_store.create_entry(session=session, draft=draft, now=now)


def _save(profile: Profile, entry_id: int, draft: EntryDraft, now: datetime) -> bool:
    with session_scope(profile.engine) as session:
        return journal_store.save_entry(session=session, entry_id=entry_id, draft=draft, now=now)


def _get(profile: Profile, entry_id: int) -> JournalEntry | None:
    with session_scope(profile.engine) as session:
        return journal_store.get_entry(session=session, entry_id=entry_id)


def _search(profile: Profile, typed: str) -> list[SearchHit]:
    with session_scope(profile.engine) as session:
        return journal_store.search_entries(session=session, typed=typed)


def _found(profile: Profile, typed: str) -> list[int]:
    return [hit.entry_id for hit in _search(profile, typed)]


# --- entries ----------------------------------------------------------------------------------


def test_a_created_entry_reads_back_as_written(profile: Profile) -> None:
    draft = EntryDraft(
        entry_date=DAY,
        title="Mock interview with Sam",
        body="# Notes\n\nAsked about **rate limiting**.\n",
        kind=EntryKind.MOCK_INTERVIEW,
        tags=("mock", "design"),
        template_id="mock-interview",
        path_id="backend-senior",
        item_id="rate-limiter",
    )

    entry_id = _create(profile, draft)
    entry = _get(profile, entry_id)

    assert entry is not None
    assert entry.entry_date == DAY
    assert entry.title == draft.title
    assert entry.body == draft.body
    assert entry.kind == "mock-interview"
    assert entry.tags == ("mock", "design")
    assert entry.template_id == "mock-interview"
    assert (entry.path_id, entry.item_id) == ("backend-senior", "rate-limiter")
    assert entry.word_count == 5
    assert entry.created_at == entry.updated_at == T0


def test_save_entry_writes_the_changes_and_moves_updated_at(profile: Profile) -> None:
    entry_id = _create(profile, _draft())
    later = T0 + timedelta(minutes=5)

    assert _save(profile, entry_id, _draft(body="Used a hash map, then two pointers."), later)

    entry = _get(profile, entry_id)
    assert entry is not None
    assert entry.body == "Used a hash map, then two pointers."
    assert entry.word_count == 7
    assert entry.created_at == T0
    assert entry.updated_at == later


def test_saving_without_a_change_returns_false_and_keeps_updated_at(profile: Profile) -> None:
    entry_id = _create(profile, _draft(tags=("arrays",)))

    changed = _save(profile, entry_id, _draft(tags=("arrays",)), T0 + timedelta(hours=1))

    assert changed is False
    entry = _get(profile, entry_id)
    assert entry is not None and entry.updated_at == T0


def test_tags_that_differ_only_by_spaces_or_repeat_are_not_a_change(profile: Profile) -> None:
    entry_id = _create(profile, _draft(tags=("arrays", "dp")))

    assert not _save(profile, entry_id, _draft(tags=(" arrays", "dp ", "arrays", "")), T0)


def test_tags_are_trimmed_and_stored_once_in_order(profile: Profile) -> None:
    entry_id = _create(profile, _draft(tags=("dp", " graphs ", "dp", "", "   ", "graphs")))

    entry = _get(profile, entry_id)

    assert entry is not None and entry.tags == ("dp", "graphs")


def test_saving_an_entry_that_does_not_exist_raises_lookup_error(profile: Profile) -> None:
    with pytest.raises(LookupError):
        _save(profile, 4242, _draft(), T0)


def test_entries_between_is_inclusive_and_newest_first(profile: Profile) -> None:
    first, last = date(2026, 3, 2), date(2026, 3, 8)
    _create(profile, _draft("Before", entry_date=first - timedelta(days=1)))
    on_first = _create(profile, _draft("First day", entry_date=first))
    middle = _create(profile, _draft("Midweek", entry_date=date(2026, 3, 5)))
    on_last = _create(profile, _draft("Last day", entry_date=last))
    also_last = _create(profile, _draft("Second note on the last day", entry_date=last))
    _create(profile, _draft("After", entry_date=last + timedelta(days=1)))

    with session_scope(profile.engine) as session:
        entries = journal_store.entries_between(session=session, first=first, last=last)

    assert [e.id for e in entries] == [also_last, on_last, middle, on_first]


def test_entry_for_session_finds_the_retrospective_of_an_attempt(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        attempt_id = practice_store.log_attempt(
            session=session,
            attempt=Attempt(AttemptSubject("Two Sum"), T0, 600, Outcome.SOLVED, 4),
            now=T0,
        )
    entry_id = _create(profile, _draft(attempt_id=attempt_id, kind=EntryKind.RETROSPECTIVE))

    with session_scope(profile.engine) as session:
        found = journal_store.entry_for_attempt(session=session, attempt_id=attempt_id)
        missing = journal_store.entry_for_attempt(session=session, attempt_id=attempt_id + 1)

    assert found is not None and found.id == entry_id
    assert missing is None


def test_the_retrospective_of_an_attempt_is_found_through_an_index(profile: Profile) -> None:
    # "Open retrospective" on a 100,000-entry profile scanned every entry (28 ms) without it.
    from sqlalchemy import event

    reads: list[tuple[str, object]] = []

    def note(_conn: object, _cursor: object, statement: str, values: object, *_: object) -> None:
        if "FROM journal_entry" in statement:
            reads.append((statement, values))

    event.listen(profile.engine, "before_cursor_execute", note)
    try:
        with session_scope(profile.engine) as session:
            journal_store.entry_for_attempt(session=session, attempt_id=1)
    finally:
        event.remove(profile.engine, "before_cursor_execute", note)
    ((statement, parameters),) = reads
    with closing(sqlite3.connect(profile.folder.database)) as connection:
        plan = connection.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
    steps = [str(row[-1]) for row in plan]
    assert any("USING INDEX ix_journal_entry_session_id" in step for step in steps), steps


# --- search -----------------------------------------------------------------------------------


def test_search_finds_words_in_the_title_the_body_and_the_tags(profile: Profile) -> None:
    by_title = _create(profile, _draft(title="Trie practice", body="Prefix trees today."))
    by_body = _create(profile, _draft(title="Monday", body="Finally understood memoization."))
    by_tag = _create(profile, _draft(title="Tuesday", body="Graphs again.", tags=("backtracking",)))

    assert _found(profile, "trie") == [by_title]
    assert _found(profile, "memoization") == [by_body]
    assert _found(profile, "backtracking") == [by_tag]
    assert _found(profile, "nothing-like-this") == []


def test_search_is_case_insensitive_and_needs_every_word(profile: Profile) -> None:
    both = _create(profile, _draft(body="Sliding window over a hash map."))
    _create(profile, _draft(body="A window function in SQL."))

    assert _found(profile, "SLIDING Window") == [both]


def test_count_matches_counts_every_match_beyond_the_hits_shown(profile: Profile) -> None:
    for number in range(7):
        _create(profile, _draft(body=f"Heap drill number {number}."))
    _create(profile, _draft(body="A trie, for once."))

    with session_scope(profile.engine) as session:
        shown = journal_store.search_entries(session=session, typed="heap", limit=3)
        total = journal_store.count_matches(session=session, typed="heap")
        nothing = journal_store.count_matches(session=session, typed='"')

    assert (len(shown), total, nothing) == (3, 7, 0)


def test_search_matches_the_last_word_as_a_prefix_while_typing(profile: Profile) -> None:
    entry_id = _create(profile, _draft(body="Recursion with memoization."))

    for typed in ("r", "rec", "recur", "recursion", "memo"):
        assert _found(profile, typed) == [entry_id], typed
    assert _found(profile, "recursions") == [entry_id]  # another form of the same word
    assert _found(profile, "recurrence") == []
    assert _found(profile, "recursion wi") == [entry_id]


def test_only_the_last_word_is_a_prefix(profile: Profile) -> None:
    _create(profile, _draft(body="Recursion with memoization."))

    assert _found(profile, "recur memoization") == []


def test_search_ignores_accents_both_ways(profile: Profile) -> None:
    accented = _create(profile, _draft(title="Notes", body="A naïve solution first, then a café."))
    plain = _create(profile, _draft(title="Notes", body="Another naive take."))

    assert sorted(_found(profile, "naive")) == sorted([accented, plain])
    assert sorted(_found(profile, "naïve")) == sorted([accented, plain])
    assert _found(profile, "cafe") == [accented]


def test_search_finds_a_word_typed_with_decomposed_accents(profile: Profile) -> None:
    entry_id = _create(profile, _draft(body="A naïve solution first."))

    assert _found(profile, unicodedata.normalize("NFD", "naïve")) == [entry_id]


def test_a_title_match_ranks_above_a_body_only_match(profile: Profile) -> None:
    # The body-only entry is created first and mentions the word more often, so only the
    # title weighting can put the other one first.
    body_only = _create(
        profile,
        _draft(title="Monday", body="Heap practice: heap push, heap pop, and more."),
    )
    in_title = _create(
        profile,
        _draft(title="Heap", body="Practised priority queues for an hour with a timer running."),
    )

    assert _found(profile, "heap") == [in_title, body_only]


def test_search_hits_carry_the_date_title_and_a_highlighted_snippet(profile: Profile) -> None:
    entry_id = _create(
        profile,
        _draft(
            title="Graph retro",
            body="Today I finally got topological sorting right on the first try.",
            entry_date=date(2026, 2, 14),
        ),
    )

    hits = _search(profile, "topological")

    assert len(hits) == 1
    hit = hits[0]
    assert (hit.entry_id, hit.entry_date, hit.title) == (entry_id, date(2026, 2, 14), "Graph retro")
    assert f"{MATCH_START}topological{MATCH_END}" in hit.snippet
    assert hit.snippet.count(MATCH_START) == hit.snippet.count(MATCH_END) == 1


def test_a_prefix_match_highlights_the_whole_word(profile: Profile) -> None:
    _create(profile, _draft(body="Practised memoization."))

    (hit,) = _search(profile, "memo")

    assert f"{MATCH_START}memoization{MATCH_END}" in hit.snippet


def test_a_snippet_reads_as_the_text_does_without_its_emphasis(profile: Profile) -> None:
    _create(profile, _draft(body="Had to **estimate** the load, so I kept `retry_count` low."))

    (hit,) = _search(profile, "estimate")
    plain = hit.snippet.replace(MATCH_START, "").replace(MATCH_END, "")

    assert plain == "Had to estimate the load, so I kept retry_count low."
    (hit,) = _search(profile, "load")
    assert "load, so" in hit.snippet.replace(MATCH_START, "").replace(MATCH_END, "")


def test_a_name_with_underscores_is_found_and_highlighted(profile: Profile) -> None:
    _create(profile, _draft(body="The bug was in retry_count all along."))

    (hit,) = _search(profile, "retry_count")

    assert f"{MATCH_START}retry{MATCH_END}_{MATCH_START}count{MATCH_END}" in hit.snippet


def test_after_saving_the_old_words_are_gone_and_the_new_ones_found(profile: Profile) -> None:
    entry_id = _create(profile, _draft(title="Draft", body="Bellman-Ford notes.", tags=("old",)))

    _save(
        profile,
        entry_id,
        _draft(title="Final", body="Dijkstra notes.", tags=("shortest-paths",)),
        T0 + timedelta(minutes=1),
    )

    for gone in ("bellman", "draft", "old"):
        assert _found(profile, gone) == [], gone
    for found in ("dijkstra", "final", "shortest"):
        assert _found(profile, found) == [entry_id], found


def test_after_delete_entry_nothing_is_found(profile: Profile) -> None:
    entry_id = _create(profile, _draft(title="Kadane", body="Maximum subarray.", tags=("dp",)))
    other = _create(profile, _draft(title="Other", body="Maximum flow."))

    with session_scope(profile.engine) as session:
        journal_store.delete_entry(session=session, entry_id=entry_id)

    assert _get(profile, entry_id) is None
    assert _found(profile, "kadane") == []
    assert _found(profile, "dp") == []
    assert _found(profile, "maximum") == [other]


HOSTILE = [
    '"',
    '""',
    '"unbalanced',
    "AND",
    "OR NOT",
    "NOT",
    "NEAR(a b)",
    "NEAR(",
    "*",
    "^",
    "^maximum",
    "col:val",
    "title:maximum",
    "{title body}: maximum",
    "(",
    ")",
    "-maximum",
    "+",
    "🙂",
    "",
    "   ",
    "\x00",
    "_",
    "\u200d",
    "x" * 10_000,
    "max " * 2_500,
    "'; DROP TABLE journal_entry; --",
    "maximum'); DELETE FROM journal_entry; --",
]


@pytest.mark.parametrize("typed", HOSTILE, ids=lambda typed: repr(typed[:20]))
def test_nothing_typed_makes_search_raise(profile: Profile, typed: str) -> None:
    entry_id = _create(profile, _draft(title="Kadane", body="Maximum subarray, NEAR the end."))

    hits = _search(profile, typed)

    assert isinstance(hits, list)
    assert all(isinstance(hit, SearchHit) for hit in hits)
    assert _get(profile, entry_id) is not None
    assert _found(profile, "kadane") == [entry_id], "the index still works afterwards"


def test_operator_words_are_searched_as_plain_words(profile: Profile) -> None:
    near = _create(profile, _draft(body="Place replicas near the users."))
    _create(profile, _draft(body="Nothing to see."))

    assert _found(profile, "NEAR") == [near]
    assert _found(profile, "NEAR(users") == [near]


def test_sql_injection_text_is_only_searched_for(profile: Profile) -> None:
    entry_id = _create(profile, _draft(body="Bobby tables says drop table students."))

    assert _found(profile, "'; DROP TABLE journal_entry; --") == []
    assert _found(profile, "drop table") == [entry_id]

    with closing(sqlite3.connect(profile.folder.database)) as connection:
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        count = connection.execute("SELECT count(*) FROM journal_entry").fetchone()[0]
    assert {"journal_entry", "journal_search"} <= tables
    assert count == 1


def test_a_one_megabyte_body_saves_loads_back_and_is_searchable(profile: Profile) -> None:
    paragraph = "Practised consistent hashing and naïve caching, ünïcode too. "
    filler = (paragraph * (1_000_000 // len(paragraph) + 1))[:1_000_000]
    body = f"aardvark {filler} zebrafish"
    assert len(body.encode("utf-8")) > 1_000_000

    entry_id = _create(profile, _draft(title="Big one", body=body))

    entry = _get(profile, entry_id)
    assert entry is not None and entry.body == body
    assert entry.word_count == len(body.split())
    assert _found(profile, "aardvark") == [entry_id], "a word at the very start"
    assert _found(profile, "zebrafish") == [entry_id], "a word past the first megabyte"


def test_the_newest_entry_is_read_alone(profile: Profile) -> None:
    # Ten years of entries: reading every one's text to keep the first cost 4.5 MiB.
    from sqlalchemy import event

    for day in range(3):
        _create(profile, _draft(f"Day {day}", entry_date=DAY + timedelta(days=day)))
    statements: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(profile.engine, "before_cursor_execute", note)
    try:
        with session_scope(profile.engine) as session:
            newest = journal_store.newest_entry(session=session)
            earlier = journal_store.newest_entry(session=session, on_or_before=DAY)
    finally:
        event.remove(profile.engine, "before_cursor_execute", note)
    assert newest is not None and newest.title == "Day 2"
    assert earlier is not None and earlier.title == "Day 0"
    reads = [s for s in statements if "FROM journal_entry" in s]
    assert len(reads) == 2 and all("LIMIT" in s for s in reads)
