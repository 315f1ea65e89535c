"""Both searches find other forms of a word, as a notes app does: "idempotency" finds
"idempotent", "retries" finds "retry", "caching" finds "cache", while typing too."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.stories import StoryDraft
from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store import progress as progress_store
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.store.journal import MATCH_END, MATCH_START, EntryDraft
from desktop.store.search import Hit, HitKind, PathItemText, search_everything
from desktop.store.transfer.markdown_export import write_vault
from tests.clocks import StepClock
from tests.store.transfer_data import exported, imported, notes_imported

NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
DAY = date(2026, 11, 1)
ITEMS = [PathItemText("backend-senior", "Backend senior", "retry-budget", "Retry budgets")]
BODIES = {
    "idempotent": "Made the payments handler idempotent with a request key.",
    "retry": "Every retry waits twice as long as the one before it.",
    "cache": "Put a cache in front of the profile service.",
}


def _entries(profile: Profile) -> dict[str, int]:
    with session_scope(profile.engine) as session:
        return {
            word: journal_store.create_entry(
                session=session, draft=EntryDraft(DAY, f"Notes {n}", body), now=NOW
            )
            for n, (word, body) in enumerate(BODIES.items())
        }


def _journal(profile: Profile, typed: str) -> list[journal_store.SearchHit]:
    with session_scope(profile.engine) as session:
        return journal_store.search_entries(session=session, typed=typed)


def _everything(profile: Profile, typed: str) -> list[Hit]:
    with session_scope(profile.engine) as session:
        return search_everything(session=session, typed=typed, items=ITEMS)


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("idempotency", "idempotent"),
        ("retries", "retry"),
        ("retrying", "retry"),
        ("caching", "cache"),
        ("caches", "cache"),
        ("request keys", "idempotent"),  # every word, the last as the start of one
        ("handlers idem", "idempotent"),
    ],
)
def test_the_journal_finds_other_forms_of_a_word(profile: Profile, typed: str, word: str) -> None:
    ids = _entries(profile)

    assert [hit.entry_id for hit in _journal(profile, typed)] == [ids[word]]
    with session_scope(profile.engine) as session:
        assert journal_store.count_matches(session=session, typed=typed) == 1


@pytest.mark.parametrize(
    ("typed", "word"),
    # Every start of a word while it is typed: "cachi" and "cachin" are the start of
    # "caching", which is the stem "cach" in the index.
    [("idempotency"[:n], "idempotent") for n in range(3, 12)]
    + [("caching"[:n], "cache") for n in range(3, 8)]
    + [("retries"[:n], "retry") for n in range(4, 8)],
)
def test_typing_finds_the_entry_at_every_letter(profile: Profile, typed: str, word: str) -> None:
    ids = _entries(profile)

    assert ids[word] in [hit.entry_id for hit in _journal(profile, typed)], typed


def test_a_word_that_only_looks_alike_is_not_found(profile: Profile) -> None:
    _entries(profile)

    assert _journal(profile, "cachet") == []
    assert _journal(profile, "retirement") == []
    assert _journal(profile, "idempotency caching") == []  # every word must be there


def test_the_excerpt_marks_the_word_in_the_form_the_entry_has_it(profile: Profile) -> None:
    _entries(profile)

    (hit,) = _journal(profile, "idempotency")
    assert f"{MATCH_START}idempotent{MATCH_END}" in hit.snippet
    assert hit.snippet.count(MATCH_START) == 1
    (hit,) = _journal(profile, "retries")
    assert f"{MATCH_START}retry{MATCH_END}" in hit.snippet
    (hit,) = _journal(profile, "cachi")
    assert f"{MATCH_START}cache{MATCH_END}" in hit.snippet


def test_a_long_entry_is_excerpted_around_the_other_form(profile: Profile) -> None:
    filler = "Nothing to see in this sentence at all. " * 40
    with session_scope(profile.engine) as session:
        journal_store.create_entry(
            session=session,
            draft=EntryDraft(DAY, "Long", filler + "At last the consumer retried it. " + filler),
            now=NOW,
        )

    (hit,) = _journal(profile, "retries")

    assert f"{MATCH_START}retried{MATCH_END}" in hit.snippet
    assert hit.snippet.startswith("… ")


def _fill_everything(profile: Profile) -> dict[str, int]:
    item = PathItem(
        id="lru-cache", title="LRU cache", kind=ItemKind.DESIGN, difficulty=Difficulty.MEDIUM,
        target_minutes=45,
    )  # fmt: skip
    with session_scope(profile.engine) as session:
        progress_store.set_notes(
            session=session, path_id="backend-senior", stage_id="design", item=item,
            notes="Evict the least recently used entry when the cache is full.", now=NOW,
        )  # fmt: skip
        story = story_store.create_story(
            session=session,
            draft=StoryDraft(title="The double charge", action="Made the refund idempotent."),
            now=NOW,
        )
        attempt = practice_store.log_attempt(
            session=session,
            attempt=Attempt(
                subject=AttemptSubject(title="Retrying webhooks", target_minutes=20),
                started_at=NOW,
                active_seconds=900,
                outcome=Outcome.PARTIAL,
                confidence=3,
            ),
            now=NOW,
        )
    return {"story": story, "attempt": attempt}


def _of(hits: list[Hit], kind: HitKind) -> list[Hit]:
    return [hit for hit in hits if hit.kind is kind]


def test_search_everything_finds_other_forms_in_every_kind(profile: Profile) -> None:
    ids = _fill_everything(profile)
    entries = _entries(profile)

    idempotency = _everything(profile, "idempotency")
    assert [hit.record_id for hit in _of(idempotency, HitKind.STORY)] == [ids["story"]]
    assert [hit.record_id for hit in _of(idempotency, HitKind.ENTRY)] == [entries["idempotent"]]
    retries = _everything(profile, "retries")
    assert [hit.item_id for hit in _of(retries, HitKind.ITEM)] == ["retry-budget"]
    assert [hit.record_id for hit in _of(retries, HitKind.ATTEMPT)] == [ids["attempt"]]
    assert [hit.record_id for hit in _of(retries, HitKind.ENTRY)] == [entries["retry"]]
    caching = _everything(profile, "caching evicted")
    (noted,) = _of(caching, HitKind.ITEM)
    assert noted.item_id == "lru-cache" and noted.detail.startswith("Evict the least")


def test_search_everything_finds_them_while_typing(profile: Profile) -> None:
    ids = _fill_everything(profile)

    for typed in ("idem", "idempot", "idempoten", "idempotenc", "idempotency"):
        stories = _of(_everything(profile, typed), HitKind.STORY)
        assert [hit.record_id for hit in stories] == [ids["story"]], typed
    for typed in ("retr", "retri", "retrie", "retries"):
        attempts = _of(_everything(profile, typed), HitKind.ATTEMPT)
        assert [hit.record_id for hit in attempts] == [ids["attempt"]], typed
    assert _of(_everything(profile, "refunds idempotence"), HitKind.STORY)
    assert _everything(profile, "cachet") == []
    assert _everything(profile, "idempotency retries") == []


def test_search_everything_names_the_form_it_found_in_its_excerpt(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        story_store.create_story(
            session=session,
            draft=StoryDraft(
                title="Outage",
                situation="A long and quiet week of nothing much at all happening. " * 4,
                action="Then the queue consumers retried every message at once.",
            ),
            now=NOW,
        )

    (story,) = _of(_everything(profile, "retries"), HitKind.STORY)

    assert "retried every message" in story.detail and story.detail.startswith("…")


def _other(tmp_path: Path) -> Profile:
    return open_profile(ProfileFolder(tmp_path / "other"), clock=StepClock())


def test_a_json_export_imported_into_another_profile_finds_word_forms(
    profile: Profile, tmp_path: Path
) -> None:
    _entries(profile)
    _fill_everything(profile)
    document = exported(profile)
    other = _other(tmp_path)
    try:
        assert imported(other, document) is not None
        assert exported(other) == document  # the round trip is unchanged
        assert [hit.title for hit in _journal(other, "idempotency")] == ["Notes 0"]
        assert _of(_everything(other, "idempotency"), HitKind.STORY)
        assert imported(other, document) is not None  # again: replaces, index kept in step
        assert [hit.title for hit in _journal(other, "retries")] == ["Notes 1"]
    finally:
        other.close()
    with closing(sqlite3.connect(other.folder.database)) as connection:
        connection.execute("INSERT INTO journal_search(journal_search) VALUES ('integrity-check')")


def test_a_markdown_vault_imported_into_another_profile_finds_word_forms(
    profile: Profile, tmp_path: Path
) -> None:
    _entries(profile)
    with session_scope(profile.engine) as session:
        write_vault(session=session, folder=tmp_path / "vault")
    other = _other(tmp_path)
    try:
        assert notes_imported(other, tmp_path / "vault") is not None
        assert [hit.title for hit in _journal(other, "caching")] == ["Notes 2"]
    finally:
        other.close()


def test_a_word_inside_another_is_still_found_where_like_found_it(profile: Profile) -> None:
    """Path items, stories and attempts were always found by any part of a word; word forms
    add to that and take nothing away."""
    with session_scope(profile.engine) as session:
        story_store.create_story(
            session=session,
            draft=StoryDraft(title="Cold start", action="Warmed Memcached before the launch."),
            now=NOW,
        )
    items = [PathItemText("backend-senior", "Backend senior", "3sum", "3Sum")]
    with session_scope(profile.engine) as session:
        summed = search_everything(session=session, typed="sum", items=items)
        cached = search_everything(session=session, typed="cache", items=items)

    assert [hit.item_id for hit in _of(summed, HitKind.ITEM)] == ["3sum"]
    (story,) = _of(cached, HitKind.STORY)
    assert story.title == "Cold start" and "Memcached" in story.detail
