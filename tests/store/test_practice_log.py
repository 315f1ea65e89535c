"""The practice-session log in the real database: log, edit, delete with undo, and read back."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest

from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store import practice as practice_store
from desktop.store.changes import ChangeRecorder
from desktop.store.database import session_scope
from desktop.store.log_order import LogOrder, LogSortKey
from tests.clocks import StepClock

T0 = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)
TWO_SUM = AttemptSubject(
    title="Two Sum",
    path_id="backend-senior",
    item_id="two-sum",
    kind="code",
    difficulty="easy",
    target_minutes=15,
)


def _attempt(
    started_at: datetime = T0,
    subject: AttemptSubject = TWO_SUM,
    *,
    patterns: tuple[str, ...] = (),
    struggles: tuple[str, ...] = (),
    steps_covered: tuple[str, ...] = (),
) -> Attempt:
    return Attempt(
        subject=subject,
        started_at=started_at,
        active_seconds=17 * 60,
        outcome=Outcome.PARTIAL,
        confidence=3,
        patterns=patterns,
        struggles=struggles,
        steps_covered=steps_covered,
    )


def _log(profile: Profile, attempt: Attempt) -> int:
    with session_scope(profile.engine) as session:
        return practice_store.log_attempt(
            session=session, attempt=attempt, now=attempt.started_at + timedelta(hours=1)
        )


def _get(profile: Profile, attempt_id: int) -> Attempt | None:
    with session_scope(profile.engine) as session:
        return practice_store.get_attempt(session=session, attempt_id=attempt_id)


def _between(
    profile: Profile, start: datetime, end: datetime, path_id: str | None = None
) -> list[Attempt]:
    with session_scope(profile.engine) as session:
        return practice_store.attempts_between(
            session=session, start=start, end=end, path_id=path_id
        )


def _for_item(
    profile: Profile, path_id: str = "backend-senior", item_id: str = "two-sum"
) -> list[Attempt]:
    with session_scope(profile.engine) as session:
        return practice_store.attempts_for_item(session=session, path_id=path_id, item_id=item_id)


def _delete(profile: Profile, attempt_id: int) -> None:
    with session_scope(profile.engine) as session:
        practice_store.delete_attempt(session=session, attempt_id=attempt_id, now=T0)


def _restore(profile: Profile, attempt_id: int) -> None:
    with session_scope(profile.engine) as session:
        practice_store.restore_attempt(session=session, attempt_id=attempt_id)


# --- logging and reading back -----------------------------------------------------------------


def test_a_logged_attempt_reads_back_with_everything_the_user_entered(profile: Profile) -> None:
    quiz = Attempt(
        subject=AttemptSubject(
            title="System design questions",
            path_id="backend-senior",
            item_id="design-quiz",
            routine_id="weekly-mock",
            kind="quiz",
            difficulty="medium",
            target_minutes=30,
        ),
        started_at=T0,
        active_seconds=1234,
        outcome=Outcome.SOLVED,
        confidence=5,
        patterns=("caching", "sharding"),
        struggles=("capacity-estimation",),
        steps_covered=("api", "requirements"),
        quiz_correct=21,
        quiz_total=25,
    )

    attempt_id = _log(profile, quiz)

    assert _get(profile, attempt_id) == replace(quiz, id=attempt_id)


def test_tags_of_each_role_are_kept_apart_and_duplicates_stored_once(profile: Profile) -> None:
    attempt_id = _log(
        profile,
        _attempt(
            patterns=("two-pointers", "hash-map", "two-pointers"),
            struggles=("off-by-one", "off-by-one"),
            steps_covered=("requirements",),
        ),
    )

    got = _get(profile, attempt_id)

    assert got is not None
    assert sorted(got.patterns) == ["hash-map", "two-pointers"]
    assert got.struggles == ("off-by-one",)
    assert got.steps_covered == ("requirements",)


def test_the_same_tag_can_be_both_a_pattern_and_a_struggle(profile: Profile) -> None:
    attempt_id = _log(profile, _attempt(patterns=("dp",), struggles=("dp",)))

    got = _get(profile, attempt_id)

    assert got is not None and got.patterns == ("dp",) and got.struggles == ("dp",)


def test_a_free_form_attempt_needs_no_path(profile: Profile) -> None:
    free = _attempt(subject=AttemptSubject(title="Read about B-trees"))

    attempt_id = _log(profile, free)

    assert _get(profile, attempt_id) == replace(free, id=attempt_id)
    assert _for_item(profile) == []


def test_getting_an_attempt_that_was_never_logged_gives_none(profile: Profile) -> None:
    assert _get(profile, 4242) is None


# --- editing ----------------------------------------------------------------------------------


def test_update_attempt_replaces_the_fields_and_the_tags(profile: Profile) -> None:
    attempt_id = _log(
        profile, _attempt(patterns=("two-pointers", "hash-map"), struggles=("off-by-one",))
    )
    edited = replace(
        _attempt(patterns=("sliding-window",), steps_covered=("api",)),
        id=attempt_id,
        outcome=Outcome.SOLVED,
        confidence=4,
        active_seconds=600,
    )

    with session_scope(profile.engine) as session:
        practice_store.update_attempt(session=session, attempt=edited)

    got = _get(profile, attempt_id)
    assert got == edited
    assert got is not None and got.struggles == (), "a tag removed in the editor is gone"


def test_updating_with_duplicate_tags_stores_them_once(profile: Profile) -> None:
    attempt_id = _log(profile, _attempt(patterns=("dp",)))
    edited = replace(_attempt(patterns=("dp", "greedy", "dp")), id=attempt_id)

    with session_scope(profile.engine) as session:
        practice_store.update_attempt(session=session, attempt=edited)

    got = _get(profile, attempt_id)
    assert got is not None and sorted(got.patterns) == ["dp", "greedy"]


def test_updating_an_attempt_that_was_never_logged_is_refused(profile: Profile) -> None:
    with (
        pytest.raises(ValueError, match="only a logged attempt"),
        session_scope(profile.engine) as session,
    ):
        practice_store.update_attempt(session=session, attempt=_attempt())

    with pytest.raises(LookupError), session_scope(profile.engine) as session:
        practice_store.update_attempt(session=session, attempt=replace(_attempt(), id=999))


def test_updating_a_deleted_attempt_raises_lookup_error_and_changes_nothing(
    profile: Profile,
) -> None:
    original = _attempt(patterns=("dp",))
    attempt_id = _log(profile, original)
    _delete(profile, attempt_id)

    with pytest.raises(LookupError), session_scope(profile.engine) as session:
        practice_store.update_attempt(
            session=session, attempt=replace(original, id=attempt_id, confidence=1)
        )

    _restore(profile, attempt_id)
    assert _get(profile, attempt_id) == replace(original, id=attempt_id)


# --- delete and undo --------------------------------------------------------------------------


def test_a_deleted_attempt_is_hidden_everywhere_and_restore_brings_it_back(
    profile: Profile,
) -> None:
    kept = _log(profile, _attempt(T0))
    deleted = _log(profile, _attempt(T0 + timedelta(hours=2), patterns=("dp",)))
    day = (T0 - timedelta(hours=1), T0 + timedelta(days=1))

    _delete(profile, deleted)

    assert _get(profile, deleted) is None
    assert [a.id for a in _between(profile, *day)] == [kept]
    assert [a.id for a in _for_item(profile)] == [kept]

    _restore(profile, deleted)

    restored = _get(profile, deleted)
    assert restored is not None and restored.patterns == ("dp",), "tags come back too"
    assert [a.id for a in _between(profile, *day)] == [kept, deleted]
    assert [a.id for a in _for_item(profile)] == [deleted, kept]


def test_deleting_or_restoring_an_unknown_attempt_does_nothing(profile: Profile) -> None:
    kept = _log(profile, _attempt())
    deleted = _log(profile, _attempt(T0 + timedelta(hours=1)))
    _delete(profile, deleted)

    with session_scope(profile.engine) as session:
        recorder = ChangeRecorder(session)
        practice_store.delete_attempt(session=session, attempt_id=deleted + 100, now=T0)
        practice_store.restore_attempt(session=session, attempt_id=deleted + 100)
        session.flush()
    assert not recorder.changes  # nothing was written
    assert _get(profile, kept) is not None and _get(profile, deleted) is None


# --- reading a period -------------------------------------------------------------------------


def test_attempts_between_includes_the_start_and_excludes_the_end(profile: Profile) -> None:
    start, end = T0, T0 + timedelta(days=7)
    before = _log(profile, _attempt(start - timedelta(seconds=1)))
    at_start = _log(profile, _attempt(start))
    inside = _log(profile, _attempt(start + timedelta(days=3)))
    last_second = _log(profile, _attempt(end - timedelta(seconds=1)))
    at_end = _log(profile, _attempt(end))

    ids = [a.id for a in _between(profile, start, end)]

    assert ids == [at_start, inside, last_second], "oldest first, [start, end)"
    assert before not in ids and at_end not in ids


def test_attempts_between_can_be_limited_to_one_path(profile: Profile) -> None:
    backend = _log(profile, _attempt(T0))
    ml = _log(
        profile,
        _attempt(
            T0 + timedelta(hours=1),
            AttemptSubject(title="Bias and variance", path_id="ml-engineer", item_id="bias"),
        ),
    )
    free = _log(profile, _attempt(T0 + timedelta(hours=2), AttemptSubject(title="Reading")))
    week = (T0, T0 + timedelta(days=7))

    assert [a.id for a in _between(profile, *week)] == [backend, ml, free]
    assert [a.id for a in _between(profile, *week, path_id="backend-senior")] == [backend]
    assert [a.id for a in _between(profile, *week, path_id="ml-engineer")] == [ml]
    assert _between(profile, *week, path_id="sre-devops") == []


def test_attempts_between_compares_moments_not_clock_readings(profile: Profile) -> None:
    attempt_id = _log(profile, _attempt(T0))  # 18:00 UTC
    berlin = timezone(timedelta(hours=2))

    # 19:30+02:00 is 17:30 UTC, so the attempt is inside; 20:30+02:00 is 18:30 UTC.
    inside = _between(profile, datetime(2026, 3, 1, 19, 30, tzinfo=berlin), T0 + timedelta(1))
    after = _between(profile, datetime(2026, 3, 1, 20, 30, tzinfo=berlin), T0 + timedelta(1))

    assert [a.id for a in inside] == [attempt_id]
    assert after == []


def test_attempts_for_item_are_newest_first_and_only_that_item(profile: Profile) -> None:
    first = _log(profile, _attempt(T0))
    second = _log(profile, _attempt(T0 + timedelta(days=2)))
    _log(
        profile,
        _attempt(
            T0 + timedelta(days=1),
            AttemptSubject(title="3Sum", path_id="backend-senior", item_id="three-sum"),
        ),
    )
    _log(
        profile,
        _attempt(
            T0 + timedelta(days=1),
            AttemptSubject(title="Two Sum", path_id="ml-engineer", item_id="two-sum"),
        ),
    )

    assert [a.id for a in _for_item(profile)] == [second, first]


# --- restart ----------------------------------------------------------------------------------


def test_the_log_survives_closing_and_reopening_the_profile(folder: ProfileFolder) -> None:
    first_run = open_profile(folder, clock=StepClock())
    try:
        kept = _log(first_run, _attempt(T0, patterns=("hash-map",), struggles=("off-by-one",)))
        gone = _log(first_run, _attempt(T0 + timedelta(hours=1)))
        _delete(first_run, gone)
    finally:
        first_run.close()

    second_run = open_profile(folder, clock=StepClock())
    try:
        assert second_run.upgrade_backup is None, "an up-to-date database is not migrated"
        assert _get(second_run, kept) == replace(
            _attempt(T0, patterns=("hash-map",), struggles=("off-by-one",)), id=kept
        )
        assert _get(second_run, gone) is None, "a deletion is saved too"
        _restore(second_run, gone)
        assert _get(second_run, gone) is not None
    finally:
        second_run.close()


def test_a_session_moves_its_item_on(profile) -> None:  # type: ignore[no-untyped-def]
    """A first session starts a to-do item (the user's own too); a solved one with confidence
    of Okay or better finishes it, whatever it was."""
    from datetime import UTC, datetime

    from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
    from desktop.domain.progress import ItemStatus
    from desktop.store import progress as progress_store
    from desktop.store.database import session_scope
    from desktop.store.retrospective import advance_item

    path = next(p for p in profile.library.paths if p.id == "backend-senior")
    mine = PathItem(id="custom-lru", title="LRU Cache", kind=ItemKind.CODE,
                    difficulty=Difficulty.MEDIUM, target_minutes=25)  # fmt: skip
    now = datetime(2026, 11, 3, tzinfo=UTC)
    with session_scope(profile.engine) as session:
        progress_store.add_custom_item(
            session=session, path_id=path.id, stage_id="coding-medium", item=mine, now=now
        )

    def session_on(outcome: Outcome, confidence: int) -> Attempt:
        subject = AttemptSubject("LRU Cache", path.id, "custom-lru", kind="code")
        return Attempt(subject, now, 20 * 60, outcome, confidence)

    def status() -> ItemStatus:
        with session_scope(profile.engine) as session:
            return progress_store.saved_progress(session=session, path_id=path.id)[
                "custom-lru"
            ].status

    def advance(attempt: Attempt) -> ItemStatus | None:
        with session_scope(profile.engine) as session:
            return advance_item(session=session, path=path, attempt=attempt, now=now)

    assert advance(session_on(Outcome.STUCK, 2)) is ItemStatus.IN_PROGRESS
    assert advance(session_on(Outcome.SOLVED, 2)) is None  # solved, but shaky: still going
    assert status() is ItemStatus.IN_PROGRESS
    assert advance(session_on(Outcome.SOLVED, 3)) is ItemStatus.DONE
    assert advance(session_on(Outcome.PARTIAL, 3)) is None  # a later slip leaves Done alone
    assert status() is ItemStatus.DONE


def test_practice_records_carry_what_the_trends_need(profile: Profile) -> None:
    design = AttemptSubject("URL shortener", "backend-senior", "url", kind="design",
                            difficulty="medium", target_minutes=45)  # fmt: skip
    first = _log(profile, _attempt(T0, patterns=("hash-map", "bfs"), struggles=("off-by-one",)))
    second = _log(profile, _attempt(T0 + timedelta(hours=2), design, steps_covered=("api",)))
    gone = _log(profile, _attempt(T0 + timedelta(hours=3)))
    other_path = _log(profile, _attempt(T0 + timedelta(hours=4), replace(TWO_SUM, path_id="x")))
    with session_scope(profile.engine) as session:
        practice_store.delete_attempt(session=session, attempt_id=gone, now=T0)
    with session_scope(profile.engine) as session:
        records = practice_store.practice_records_between(
            session=session, start=T0, end=T0 + timedelta(days=1)
        )
        on_path = practice_store.practice_records_between(
            session=session, start=T0, end=T0 + timedelta(days=1), path_id="backend-senior"
        )
    assert [r.id for r in records] == [first, second, other_path]
    assert [r.id for r in on_path] == [first, second]
    record = records[0]
    assert (record.patterns, record.struggles, record.steps_covered) == (
        ("bfs", "hash-map"),
        ("off-by-one",),
        (),
    )
    assert (record.minutes, record.outcome, record.confidence) == (17.0, Outcome.PARTIAL, 3)
    assert (record.title, record.difficulty, record.target_minutes) == ("Two Sum", "easy", 15)
    assert record.started_at == T0.replace(tzinfo=None)
    assert record.day == T0.astimezone().date()
    assert records[1].kind == "design" and records[1].steps_covered == ("api",)


def test_practice_records_share_one_object_per_repeated_value(profile: Profile) -> None:
    # Ten years of records hold each tag, title, path and day thousands of times: one
    # object each keeps the trends' read small.
    for hour in range(3):
        _log(profile, _attempt(T0 + timedelta(hours=hour), patterns=("bfs",), struggles=("dp",)))
    with session_scope(profile.engine) as session:
        first, *others = practice_store.practice_records_between(
            session=session, start=T0, end=T0 + timedelta(days=1)
        )
    assert len(others) == 2
    for record in others:
        assert record.patterns is first.patterns and record.patterns[0] is first.patterns[0]
        assert record.struggles is first.struggles
        assert record.title is first.title and record.path_id is first.path_id
        assert record.kind is first.kind and record.item_id is first.item_id
        assert record.day is first.day


def test_practice_records_compare_moments_not_clock_readings(profile: Profile) -> None:
    attempt_id = _log(profile, _attempt(T0))  # 18:00 UTC
    berlin = timezone(timedelta(hours=2))
    with session_scope(profile.engine) as session:
        inside = practice_store.practice_records_between(
            session=session,
            start=datetime(2026, 3, 1, 19, 30, tzinfo=berlin),
            end=T0 + timedelta(1),
        )
        after = practice_store.practice_records_between(
            session=session,
            start=datetime(2026, 3, 1, 20, 30, tzinfo=berlin),
            end=T0 + timedelta(1),
        )
    assert [r.id for r in inside] == [attempt_id]
    assert after == []


def test_practice_days_are_the_days_with_attempts(profile: Profile) -> None:
    _log(profile, _attempt(T0))
    _log(profile, _attempt(T0 + timedelta(hours=1)))
    gone = _log(profile, _attempt(T0 + timedelta(days=3)))
    _log(profile, _attempt(T0 + timedelta(days=5), replace(TWO_SUM, path_id="x")))
    _delete(profile, gone)
    with session_scope(profile.engine) as session:
        every = practice_store.practice_days(session=session)
        on_path = practice_store.practice_days(session=session, path_id="backend-senior")
    first = T0.astimezone().date()
    assert sorted(every) == [first, first + timedelta(days=5)]
    assert on_path == [first]


def test_a_failing_trends_read_raises_the_same_errors_as_every_other_read(
    profile: Profile,
) -> None:
    from sqlalchemy.exc import SQLAlchemyError

    _log(profile, _attempt())
    with closing(sqlite3.connect(profile.folder.database)) as raw:  # a schema gone wrong
        raw.execute("ALTER TABLE practice_session DROP COLUMN confidence")
        raw.commit()
    with pytest.raises(SQLAlchemyError, match="no such column"), session_scope(profile.engine) as s:
        practice_store.practice_records_between(
            session=s, start=T0 - timedelta(days=1), end=T0 + timedelta(days=1)
        )


# --- the practice log's pages -----------------------------------------------------------------


def _log_seconds(
    profile: Profile, started_at: datetime, seconds: int, **tags: tuple[str, ...]
) -> int:
    return _log(profile, replace(_attempt(started_at, **tags), active_seconds=seconds))


def _period(
    start: datetime = T0 - timedelta(days=30), path_id: str | None = None
) -> practice_store.LogPeriod:
    return practice_store.LogPeriod(start, T0 + timedelta(days=30), path_id)


def test_log_pages_are_newest_first_and_ties_go_by_the_later_logged(profile: Profile) -> None:
    oldest = _log(profile, _attempt(T0 - timedelta(days=2)))
    tie_first = _log(profile, _attempt(T0))
    tie_second = _log(profile, _attempt(T0))
    newest = _log(profile, _attempt(T0 + timedelta(hours=1)))
    with session_scope(profile.engine) as session:
        first = practice_store.log_page(session=session, period=_period(), offset=0, limit=3)
        rest = practice_store.log_page(session=session, period=_period(), offset=3, limit=3)
        beyond = practice_store.log_page(session=session, period=_period(), offset=4, limit=3)

    assert [row.id for row in first] == [newest, tie_second, tie_first]
    assert [row.id for row in rest] == [oldest]
    assert beyond == []


def test_a_log_row_carries_what_the_table_shows(profile: Profile) -> None:
    attempt = replace(
        _attempt(T0, patterns=("two-pointers", "hashing"), struggles=("off-by-one",),
                 steps_covered=("requirements",)),
        quiz_correct=7, quiz_total=10,
    )  # fmt: skip
    attempt_id = _log(profile, attempt)
    with session_scope(profile.engine) as session:
        (row,) = practice_store.log_page(session=session, period=_period(), offset=0, limit=10)

    assert row == practice_store.LogRow(
        id=attempt_id, started_at=T0, title="Two Sum", active_seconds=17 * 60,
        target_minutes=15, outcome=Outcome.PARTIAL, confidence=3, quiz_correct=7,
        quiz_total=10, patterns=("hashing", "two-pointers"), struggles=("off-by-one",),
    )  # fmt: skip
    assert row.minutes == 17


def test_log_totals_add_up_the_minutes_each_row_shows(profile: Profile) -> None:
    # Half minutes round as Python rounds them (to even): 30 s is 0 min, 90 s is 2 min.
    seconds = (30, 90, 150, 29, 31, 3600, 0, 2 * 3600 + 45)
    for n, value in enumerate(seconds):
        _log_seconds(profile, T0 + timedelta(minutes=n), value)
    deleted = _log_seconds(profile, T0 + timedelta(hours=5), 600)
    _delete(profile, deleted)
    _log_seconds(profile, T0 - timedelta(days=60), 600)  # before the period

    with session_scope(profile.engine) as session:
        totals = practice_store.log_totals(session=session, period=_period())
        rows = practice_store.log_page(session=session, period=_period(), offset=0, limit=50)

    assert totals == (len(seconds), sum(row.minutes for row in rows))
    assert sum(row.minutes for row in rows) == sum(round(value / 60) for value in seconds)


def test_log_reads_keep_to_the_period_and_path(profile: Profile) -> None:
    backend = _log(profile, _attempt(T0))
    _log(profile, _attempt(T0 + timedelta(hours=1), AttemptSubject(title="Reading")))
    old = _log(profile, _attempt(T0 - timedelta(days=60)))
    only_backend = _period(path_id="backend-senior")
    with session_scope(profile.engine) as session:
        rows = practice_store.log_page(session=session, period=only_backend, offset=0, limit=9)
        totals = practice_store.log_totals(session=session, period=only_backend)
        everything = practice_store.LogPeriod(datetime(1970, 1, 2, tzinfo=UTC), T0 + timedelta(1))
        all_rows = practice_store.log_page(session=session, period=everything, offset=0, limit=9)

    assert [row.id for row in rows] == [backend] and totals == (1, 17)
    assert len(all_rows) == 3 and all_rows[-1].id == old


def test_log_position_is_the_row_an_attempt_is_on(profile: Profile) -> None:
    ids = [_log(profile, _attempt(T0 + timedelta(hours=n % 3))) for n in range(7)]
    _delete(profile, ids[0])
    old = _log(profile, _attempt(T0 - timedelta(days=60)))
    with session_scope(profile.engine) as session:
        rows = practice_store.log_page(session=session, period=_period(), offset=0, limit=20)
        positions = {
            row.id: practice_store.log_position(
                session=session, period=_period(), attempt_id=row.id
            )
            for row in rows
        }
        outside = practice_store.log_position(session=session, period=_period(), attempt_id=old)
        gone = practice_store.log_position(session=session, period=_period(), attempt_id=ids[0])

    assert positions == {row.id: n for n, row in enumerate(rows)}
    assert len(rows) == 6 and outside is None and gone is None


def test_deleting_an_attempt_again_keeps_the_first_deletion_time(profile: Profile) -> None:
    from desktop.store.models import AttemptRow

    attempt_id = _log(profile, _attempt())
    _delete(profile, attempt_id)
    with session_scope(profile.engine) as session:
        practice_store.delete_attempt(
            session=session, attempt_id=attempt_id, now=T0 + timedelta(days=1)
        )
    with session_scope(profile.engine) as session:
        row = session.get(AttemptRow, attempt_id)
        assert row is not None and row.deleted_at is not None
        assert row.deleted_at.replace(tzinfo=UTC) == T0


def test_a_read_left_part_way_ends_quietly_when_its_database_closed_first() -> None:
    # Ctrl+C in `loopwise weak-spots` leaves a read part-way; the profile closes before the
    # abandoned read is finalised, which must not print "Exception ignored … closed database".
    driver = sqlite3.connect(":memory:")

    session = SimpleNamespace(
        connection=lambda: SimpleNamespace(connection=SimpleNamespace(driver_connection=driver))
    )  # the one call _each makes of a session
    rows = practice_store._each(session, "SELECT 1 UNION ALL SELECT 2", ())  # type: ignore[arg-type]
    assert next(rows) == (1,)
    driver.close()
    rows.close()


def _logged_variously(profile: Profile) -> dict[str, int]:
    """Four attempts whose titles, times, outcomes and confidences order differently."""
    rows = {
        "b": ("binary Search", 40, Outcome.SOLVED, 4, 0),
        "a": ("Add Two Numbers", 10, Outcome.STUCK, 2, 1),
        "c": ("Coin Change", 40, Outcome.PARTIAL, 2, 2),  # ties b on time, a on confidence
        "d": ("Decode Ways", 25, Outcome.STUCK, 5, 3),
    }
    ids = {}
    for name, (title, minutes, outcome, confidence, hours) in rows.items():
        subject = replace(TWO_SUM, title=title)
        attempt = replace(
            _attempt(T0 + timedelta(hours=hours), subject),
            active_seconds=minutes * 60, outcome=outcome, confidence=confidence,
        )  # fmt: skip
        ids[name] = _log(profile, attempt)
    return ids


@pytest.mark.parametrize(
    ("key", "descending", "expected"),
    [
        (LogSortKey.WHEN, True, "dcab"),
        (LogSortKey.WHEN, False, "bacd"),
        (LogSortKey.TITLE, False, "abcd"),  # "binary" among the B's, whatever its case
        (LogSortKey.TITLE, True, "dcba"),
        (LogSortKey.TIME, True, "cbda"),  # a tie goes newest first
        (LogSortKey.OUTCOME, False, "dacb"),  # stuck, partial, solved
        (LogSortKey.CONFIDENCE, False, "cabd"),
        (LogSortKey.CONFIDENCE, True, "dbca"),
    ],
)
def test_the_log_lists_and_finds_attempts_in_the_order_asked_for(
    profile: Profile, key: LogSortKey, descending: bool, expected: str
) -> None:
    ids = _logged_variously(profile)
    order = LogOrder(key, descending)
    with session_scope(profile.engine) as session:
        first = practice_store.log_page(
            session=session, period=_period(), offset=0, limit=3, order=order
        )
        rest = practice_store.log_page(
            session=session, period=_period(), offset=3, limit=3, order=order
        )
        places = {
            name: practice_store.log_position(
                session=session, period=_period(), attempt_id=attempt_id, order=order
            )
            for name, attempt_id in ids.items()
        }

    names = {attempt_id: name for name, attempt_id in ids.items()}
    assert "".join(names[row.id] for row in [*first, *rest]) == expected
    assert {name: expected.index(name) for name in ids} == places  # select where it is shown
