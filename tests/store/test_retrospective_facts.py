"""A corrected attempt carries into the retrospective it started, in the same write."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from desktop.domain.practice import Attempt, AttemptSubject, Outcome, retrospective_facts
from desktop.profile import Profile
from desktop.store import journal as journal_store
from desktop.store.database import session_scope
from desktop.store.retrospective import log_with_retrospective, update_with_retrospective

T0 = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
ATTEMPT = Attempt(
    subject=AttemptSubject("Two Sum", "backend-senior", "two-sum", kind="code", target_minutes=15),
    started_at=T0, active_seconds=60, outcome=Outcome.PARTIAL, confidence=2,
)  # fmt: skip


def _facts(attempt: Attempt) -> dict[str, str]:
    return retrospective_facts(attempt, label=str, path_title="Backend")


def _start(profile: Profile) -> tuple[int, int]:
    with session_scope(profile.engine) as session:
        return log_with_retrospective(
            session=session, attempt=ATTEMPT, template=profile.template("retrospective"),
            facts=_facts(ATTEMPT), now=T0,
        )  # fmt: skip


def _correct(profile: Profile, attempt: Attempt) -> journal_store.Entry:
    with session_scope(profile.engine) as session:
        update_with_retrospective(
            session=session, attempt=attempt, template_of=profile.template, facts_of=_facts,
            now=T0 + timedelta(days=5),
        )  # fmt: skip
    with session_scope(profile.engine) as session:
        entry = journal_store.entry_for_attempt(session=session, attempt_id=attempt.id or 0)
    assert entry is not None
    return entry


def test_a_moved_attempt_moves_its_retrospective_and_its_date_line(profile: Profile) -> None:
    attempt_id, _entry_id = _start(profile)
    later = replace(ATTEMPT, id=attempt_id, started_at=T0 + timedelta(days=2), active_seconds=1860)
    entry = _correct(profile, later)
    assert entry.entry_date == (T0 + timedelta(days=2)).astimezone().date()
    assert "- Time: 31 min (target 15)" in entry.body.splitlines()
    assert f"- Date: {_facts(later)['date']}" in entry.body.splitlines()
    assert entry.word_count > 0 and entry.updated_at == T0 + timedelta(days=5)


def test_a_retrospective_the_user_moved_to_another_day_stays_there(profile: Profile) -> None:
    attempt_id, entry_id = _start(profile)
    with session_scope(profile.engine) as session:
        entry = journal_store.get_entry(session=session, entry_id=entry_id)
        assert entry is not None
        their_day = entry.entry_date + timedelta(days=7)
        journal_store.save_entry(
            session=session, entry_id=entry_id, now=T0,
            draft=journal_store.EntryDraft(
                their_day, entry.title, entry.body, entry.kind, entry.tags, entry.template_id,
                entry.attempt_id, entry.path_id, entry.item_id,
            ),
        )  # fmt: skip
    moved = replace(ATTEMPT, id=attempt_id, started_at=T0 + timedelta(days=1))
    assert _correct(profile, moved).entry_date == their_day


def test_an_attempt_without_a_retrospective_is_simply_updated(profile: Profile) -> None:
    attempt_id, entry_id = _start(profile)
    with session_scope(profile.engine) as session:
        journal_store.delete_entry(session=session, entry_id=entry_id)
    with session_scope(profile.engine) as session:
        update_with_retrospective(
            session=session, attempt=replace(ATTEMPT, id=attempt_id, confidence=5),
            template_of=profile.template, facts_of=_facts, now=T0,
        )  # fmt: skip
        assert journal_store.entry_for_attempt(session=session, attempt_id=attempt_id) is None
