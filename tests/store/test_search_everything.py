"""Search everything: every word typed, in any kind of record, grouped by kind."""

from __future__ import annotations

from datetime import UTC, date, datetime

from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.stories import StoryDraft
from desktop.profile import Profile
from desktop.store import journal as journal_store
from desktop.store import practice as practice_store
from desktop.store import progress as progress_store
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.store.search import Hit, HitKind, PathItemText, search_everything

NOW = datetime(2026, 11, 2, 8, 0, tzinfo=UTC)
ITEMS = [
    PathItemText("backend-senior", "Backend senior", "3sum", "3Sum"),
    PathItemText("backend-senior", "Backend senior", "lru-cache", "Design an LRU cache"),
]


def _attempt(title: str) -> Attempt:
    return Attempt(
        subject=AttemptSubject(title=title, target_minutes=15),
        started_at=NOW,
        active_seconds=900,
        outcome=Outcome.PARTIAL,
        confidence=3,
    )


def _search(profile: Profile, typed: str) -> list[Hit]:
    with session_scope(profile.engine) as session:
        return search_everything(session=session, typed=typed, items=ITEMS)


def _fill(profile: Profile) -> dict[str, int]:
    with session_scope(profile.engine) as session:
        entry = journal_store.create_entry(
            session=session,
            draft=journal_store.EntryDraft(
                date(2026, 11, 1), "Cache day", "Eviction by LRU order."
            ),
            now=NOW,
        )
        story = story_store.create_story(
            session=session,
            draft=StoryDraft(title="The checkout outage", action="Rolled back the LRU cache."),
            now=NOW,
        )
        attempt = practice_store.log_attempt(
            session=session, attempt=_attempt("LRU cache warm-up"), now=NOW
        )
        gone = practice_store.log_attempt(session=session, attempt=_attempt("LRU gone"), now=NOW)
        practice_store.delete_attempt(session=session, attempt_id=gone, now=NOW)
    return {"entry": entry, "story": story, "attempt": attempt}


def test_each_kind_is_found_by_every_word_and_grouped(profile: Profile) -> None:
    ids = _fill(profile)
    hits = _search(profile, "lru CACHE")
    assert [hit.kind for hit in hits] == [
        HitKind.ITEM, HitKind.ENTRY, HitKind.STORY, HitKind.ATTEMPT,
    ]  # fmt: skip
    item, entry, story, attempt = hits
    assert (item.path_id, item.item_id, item.detail) == (
        "backend-senior",
        "lru-cache",
        "Backend senior",
    )
    assert entry.record_id == ids["entry"] and entry.when == date(2026, 11, 1)
    assert "\ue000" not in entry.detail  # the journal's match marks are taken out
    assert story.record_id == ids["story"] and "Rolled back" in story.detail
    assert attempt.record_id == ids["attempt"] and attempt.detail == "Partial"
    assert _search(profile, "lru gone") == []  # a deleted attempt is not found
    assert _search(profile, "   ") == []


def test_an_item_is_found_by_the_users_notes(profile: Profile) -> None:
    item = PathItem(
        id="3sum", title="3Sum", kind=ItemKind.CODE, difficulty=Difficulty.MEDIUM,
        target_minutes=30,
    )  # fmt: skip
    with session_scope(profile.engine) as session:
        progress_store.set_notes(
            session=session, path_id="backend-senior", stage_id="arrays", item=item,
            notes="Sort first, then two pointers from both ends.", now=NOW,
        )  # fmt: skip
    [hit] = _search(profile, "pointers")
    assert (hit.kind, hit.item_id, hit.title) == (HitKind.ITEM, "3sum", "3Sum")
    assert "two pointers" in hit.detail


def test_like_wildcards_typed_are_taken_literally(profile: Profile) -> None:
    _fill(profile)
    with session_scope(profile.engine) as session:
        practice_store.log_attempt(session=session, attempt=_attempt("100% uptime"), now=NOW)
    assert [hit.title for hit in _search(profile, "%")] == ["100% uptime"]
    assert _search(profile, "_") == []


def _retrospective(profile: Profile, attempt_id: int, body: str) -> None:
    with session_scope(profile.engine) as session:
        draft = journal_store.EntryDraft(
            date(2026, 11, 2), "Retrospective", body, attempt_id=attempt_id
        )
        journal_store.create_entry(session=session, draft=draft, now=NOW)


def test_an_attempt_is_found_by_what_its_retrospective_says(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        written_up = practice_store.log_attempt(
            session=session, attempt=_attempt("Merge intervals"), now=NOW
        )
        titled = practice_store.log_attempt(
            session=session, attempt=_attempt("Fencepost drill"), now=NOW
        )
        gone = practice_store.log_attempt(session=session, attempt=_attempt("Old one"), now=NOW)
    _retrospective(profile, written_up, "Sorted first.\n\nThen a fencepost error on the end.")
    _retrospective(profile, titled, "A fencepost again.")
    _retrospective(profile, gone, "Fencepost, long ago.")
    with session_scope(profile.engine) as session:
        practice_store.delete_attempt(session=session, attempt_id=gone, now=NOW)

    attempts = [hit for hit in _search(profile, "fencepost") if hit.kind is HitKind.ATTEMPT]

    # A title match comes first and is listed once; a deleted attempt is not found.
    assert [hit.record_id for hit in attempts] == [titled, written_up]
    assert attempts[0].detail == "Partial"
    assert attempts[1].detail == "Partial · Sorted first. Then a fencepost error on the end."
    both_words = _search(profile, "fencepost end")
    assert [(hit.kind, hit.title) for hit in both_words] == [
        (HitKind.ENTRY, "Retrospective"),
        (HitKind.ATTEMPT, "Merge intervals"),
    ]


def test_a_kind_can_be_given_a_limit_of_its_own(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        for n in range(5):
            practice_store.log_attempt(
                session=session, attempt=_attempt(f"Heap drill {n}"), now=NOW
            )
            journal_store.create_entry(
                session=session,
                draft=journal_store.EntryDraft(date(2026, 11, 1), f"Heap notes {n}", "heap"),
                now=NOW,
            )
    with session_scope(profile.engine) as session:
        hits = search_everything(
            session=session, typed="heap", items=ITEMS, limit=2, limits={HitKind.ATTEMPT: 4}
        )
    kinds = [hit.kind for hit in hits]
    assert kinds.count(HitKind.ATTEMPT) == 4
    assert kinds.count(HitKind.ENTRY) == 2


def test_excerpts_leave_out_markdown_punctuation(profile: Profile) -> None:
    """As the journal's own snippets do: "**was**" or "- [ ]" read as noise in one line."""
    with session_scope(profile.engine) as session:
        attempt = practice_store.log_attempt(
            session=session, attempt=_attempt("Interval drill"), now=NOW
        )
        story_store.create_story(
            session=session,
            draft=StoryDraft(
                title="Outage", action="## What I did\n\n- [x] Paged the **deadlock** owner"
            ),
            now=NOW,
        )
    _retrospective(profile, attempt, "## Where I struggled\n\n- [ ] A **deadlock** in `merge`")

    details = {hit.kind: hit.detail for hit in _search(profile, "deadlock")}
    assert details[HitKind.ATTEMPT] == "Partial · Where I struggled A deadlock in merge"
    assert details[HitKind.STORY] == "What I did Paged the deadlock owner"
