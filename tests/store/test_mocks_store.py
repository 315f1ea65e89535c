"""Mock interviews in the database: logged with a journal entry, corrected, deleted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.domain.journal import EntryKind
from desktop.domain.mocks import MockInterview, MockKind
from desktop.profile import Profile
from desktop.store import journal as journal_store
from desktop.store import mocks as mocks_store
from desktop.store.database import session_scope

HELD = datetime(2026, 11, 4, 15, tzinfo=UTC)
NOW = HELD + timedelta(hours=2)


def _mock(**extra: object) -> MockInterview:
    fields: dict[str, object] = {
        "held_at": HELD,
        "kind": MockKind.SYSTEM_DESIGN,
        "scores": {"requirements": 2, "trade-offs": 3},
        "with_whom": "interviewing.io",
        "feedback": "Clarify **scale** first.",
        "exposed": ("capacity-estimation", "trade-offs"),
    }
    fields.update(extra)
    return MockInterview(**fields)  # type: ignore[arg-type]


def test_a_logged_mock_reads_back_with_scores_and_weak_spots(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        mock_id = mocks_store.log_mock(session=session, mock=_mock(), now=NOW)
    with session_scope(profile.engine) as session:
        (mock,) = mocks_store.mock_interviews_between(
            session=session, start=HELD - timedelta(days=1), end=HELD + timedelta(days=1)
        )
        assert (
            mocks_store.mock_interviews_between(
                session=session, start=HELD + timedelta(seconds=1), end=HELD + timedelta(days=1)
            )
            == []
        )
    assert mock.id == mock_id and mock.held_at == HELD
    assert dict(mock.scores) == {"requirements": 2, "trade-offs": 3}
    assert mock.exposed == ("capacity-estimation", "trade-offs")
    assert mock.score_percent == 50.0 and mock.journal_entry_id is None


def test_logging_with_labels_writes_a_mock_interview_journal_entry(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        mock_id = mocks_store.log_mock(
            session=session, mock=_mock(), now=NOW, label=profile.taxonomy.label
        )
    with session_scope(profile.engine) as session:
        mock = mocks_store.get_mock(session=session, mock_id=mock_id)
        assert mock is not None and mock.journal_entry_id is not None
        entry = journal_store.get_entry(session=session, entry_id=mock.journal_entry_id)
        assert entry is not None
        assert entry.kind == EntryKind.MOCK_INTERVIEW.value
        assert "Capacity estimation" in entry.body and "Clarify **scale** first." in entry.body
        hits = journal_store.search_entries(session=session, typed="interviewing")
        assert [hit.entry_id for hit in hits] == [entry.id]


def test_correcting_and_deleting_a_mock(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        mock_id = mocks_store.log_mock(
            session=session, mock=_mock(), now=NOW, label=profile.taxonomy.label
        )
    fixed = _mock(id=mock_id, kind=MockKind.CODING, scores={"coding": 4}, exposed=("edge-cases",))
    with session_scope(profile.engine) as session:
        mocks_store.update_mock(session=session, mock=fixed, now=NOW)
    with session_scope(profile.engine) as session:
        mock = mocks_store.get_mock(session=session, mock_id=mock_id)
        assert mock is not None
        assert (mock.kind, dict(mock.scores), mock.exposed) == (
            MockKind.CODING,
            {"coding": 4},
            ("edge-cases",),
        )
        entry_id = mock.journal_entry_id
        mocks_store.delete_mock(session=session, mock_id=mock_id)
    with session_scope(profile.engine) as session:
        assert mocks_store.get_mock(session=session, mock_id=mock_id) is None
        assert entry_id is not None
        assert journal_store.get_entry(session=session, entry_id=entry_id) is not None
        journal_store.delete_entry(session=session, entry_id=entry_id)  # no dangling reference


def test_a_period_reads_each_mock_as_it_reads_alone_in_time_order(profile: Profile) -> None:
    """The period's plain-row read gives the same mock interviews as reading each by id,
    oldest first, whatever order they were logged in, and only those in [start, end)."""
    local = HELD.astimezone()  # given in the user's zone, stored in UTC
    held = [local + timedelta(days=3), local, local + timedelta(days=1, hours=5)]
    with session_scope(profile.engine) as session:
        ids = [
            mocks_store.log_mock(
                session=session,
                mock=_mock(held_at=at, kind=kind, scores=scores, exposed=exposed, minutes=45),
                now=NOW,
            )
            for at, kind, scores, exposed in (
                (held[0], MockKind.CODING, {"testing": 4, "coding": 2}, ()),
                (held[1], MockKind.SYSTEM_DESIGN, {"trade-offs": 1, "requirements": 3}, ("a",)),
                (held[2], MockKind.MIXED, {"design": 1}, ("b", "a")),
            )
        ]
        outside = mocks_store.log_mock(
            session=session, mock=_mock(held_at=local + timedelta(days=4)), now=NOW
        )
    with session_scope(profile.engine) as session:
        found = mocks_store.mock_interviews_between(
            session=session, start=held[1], end=local + timedelta(days=4)
        )
        alone = [mocks_store.get_mock(session=session, mock_id=i) for i in (ids[1], ids[2], ids[0])]
    assert found == alone and outside not in {mock.id for mock in found}
    assert [mock.held_at for mock in found] == sorted(mock.held_at for mock in found)
    assert found[0].held_at == held[1] and found[0].exposed == ("a",)
