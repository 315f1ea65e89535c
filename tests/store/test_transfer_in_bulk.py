"""Import and export in bulk: the same file and the same rows as record by record, one
refusal for a bad record anywhere in a big file, and progress that reaches the end."""

from __future__ import annotations

import copy
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import TypeAdapter
from sqlalchemy import create_engine
from sqlmodel import col, select

from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store.database import session_scope
from desktop.store.demo import populate_demo_profile
from desktop.store.models import AttemptRow
from desktop.store.transfer.json_export import document_text, write_export
from desktop.store.transfer.json_import import ImportPlan, ImportRejected, parse_document
from desktop.store.transfer.json_rows import table_json
from desktop.store.transfer.progress_report import (
    BACKING_UP,
    CHECKING,
    COMPARING,
    EXPORTING,
    WRITING,
)
from desktop.store.transfer.records import Time
from desktop.store.transfer.sections import SECTIONS
from desktop.store.transfer.stored_rows import stored_table
from desktop.store.transfer.tables import _time_text, dump_table
from tests.clocks import StepClock, clock_start
from tests.store.transfer_data import NOW, exported, imported, stories_and_plans

BIG = 6_000  # practice sessions in the "big" file: several progress reports and write batches


class Recorder:
    """Every progress report, in order."""

    def __init__(self) -> None:
        self.reports: list[tuple[str, int, int]] = []

    def __call__(self, step: str, done: int, total: int) -> None:
        self.reports.append((step, done, total))

    def of(self, step: str) -> list[tuple[int, int]]:
        return [(done, total) for name, done, total in self.reports if name == step]


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Profile]:
    opened = open_profile(ProfileFolder(tmp_path / "other"), clock=StepClock())
    yield opened
    opened.close()


def _filled(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        populate_demo_profile(session=session, paths=profile.library.paths, today=NOW)
    stories_and_plans(profile)


def _import(profile: Profile, document: Any, progress: Any = None) -> ImportPlan | None:
    return imported(profile, document, **({"progress": progress} if progress else {}))


def _big_document(sessions: int) -> dict[str, Any]:
    """A valid export with `sessions` practice sessions, each with two tags."""
    start = datetime(2020, 1, 1, 9, 0, tzinfo=UTC)
    rows, tags = [], []
    for number in range(1, sessions + 1):
        when = (start + timedelta(hours=number)).isoformat().replace("+00:00", "Z")
        rows.append({
            "id": number, "started_at": when, "active_seconds": 1500, "outcome": "solved",
            "confidence": 3, "title": f"Problem {number}", "kind": "code", "logged_at": when,
        })  # fmt: skip
        tags += [
            {"session_id": number, "role": "pattern", "tag": "two-pointers"},
            {"session_id": number, "role": "struggle", "tag": "edge-cases"},
        ]
    return {
        "format": "loopwise-export",
        "version": 1,
        "sections": {"practice": {"sessions": rows, "tags": tags}},
    }


def _database_bytes(profile: Profile) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(profile.folder.database)) as connection:
        return [
            row
            for table in ("practice_session", "session_tag", "journal_entry", "story")
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY 1")
        ]


def test_the_export_has_what_each_record_says_field_for_field(profile: Profile) -> None:
    """The bulk export reads rows as stored; it must write what validating each row as its
    record and dumping it would (the export before it was made fast)."""
    _filled(profile)
    document = exported(profile)
    with session_scope(profile.engine) as session:
        for section in SECTIONS:
            for spec in section.tables:
                order = [col(getattr(spec.table, name)) for name in spec.key_fields]
                rows = session.exec(
                    select(spec.table).where(*spec.exported()).order_by(*order)
                ).all()
                expected = [spec.record.model_validate(r).model_dump(mode="json") for r in rows]
                written = document["sections"][section.name][spec.key]
                assert written == expected, spec.key
                assert [list(row) for row in written] == [list(row) for row in expected]
    assert sum(len(rows) for part in document["sections"].values() for rows in part.values())


def test_the_written_file_is_compact_and_the_same_as_the_document(
    profile: Profile, tmp_path: Path
) -> None:
    _filled(profile)
    target = tmp_path / "all.json"
    with session_scope(profile.engine) as session:
        count = write_export(session=session, target=target, now=NOW)
    text = target.read_text(encoding="utf-8")
    assert text == document_text(exported(profile))
    assert "\n" not in text.rstrip("\n")  # one line: no indentation
    assert count == sum(
        len(rows) for part in parse_document(text)["sections"].values() for rows in part.values()
    )


@given(st.datetimes(min_value=datetime(1970, 1, 1), max_value=datetime(9999, 12, 30)))
def test_a_stored_time_is_written_as_pydantic_writes_it(moment: datetime) -> None:
    table = AttemptRow.__table__  # type: ignore[attr-defined]
    stored = stored_table(table, create_engine("sqlite://").dialect)
    at = stored.columns.index("started_at")
    aware = moment.replace(tzinfo=UTC)
    text = stored.to_stored[at](aware)  # type: ignore[misc]
    loaded = stored.from_stored[at]
    assert loaded is not None
    expected = TypeAdapter(Time).dump_python(aware, mode="json")
    assert _time_text(text, loaded) == expected
    # A time stored some other way (no microseconds, a T) is read the slow way, the same.
    other_form = aware.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%S")
    slow = TypeAdapter(Time).dump_python(aware.replace(microsecond=0), mode="json")
    assert _time_text(other_form, loaded) == slow


def test_a_big_import_writes_what_the_orm_would_and_reads_back_the_same(
    profile: Profile, other: Profile
) -> None:
    _filled(profile)
    document = exported(profile)
    _import(other, copy.deepcopy(document))
    assert exported(other) == document
    # Byte for byte as stored: the bulk write stores what the ORM stored in the first profile.
    with session_scope(profile.engine) as first, session_scope(other.engine) as second:
        for section in SECTIONS:
            for spec in section.tables:
                rows = [
                    spec.stored(session=session).read(
                        session=session, where=spec.exported(), order_by=spec.key_fields
                    )
                    for session in (first, second)
                ]
                assert rows[0] == rows[1], spec.key
                assert rows[0] or spec.key in {"custom_items", "custom_themes"}, spec.key


def test_a_row_stored_in_another_form_is_still_the_same_record(
    profile: Profile, other: Profile
) -> None:
    """Times written without microseconds (by an older version, or by hand) are compared as
    times, not as text: importing the same export again changes nothing."""
    _filled(profile)
    document = exported(profile)
    _import(other, copy.deepcopy(document))
    with closing(sqlite3.connect(other.folder.database)) as connection, connection:
        connection.execute("UPDATE practice_session SET started_at = substr(started_at, 1, 19)")
    plan = _import(other, copy.deepcopy(document))
    assert plan is not None
    assert not plan.changes_anything
    assert plan.unchanged > 0


def test_a_bad_record_at_the_end_of_a_big_file_refuses_all_of_it(other: Profile) -> None:
    _filled(other)
    before = _database_bytes(other)
    document = _big_document(BIG)
    document["sections"]["practice"]["sessions"][-1]["title"] = "Last\x00one"
    document["sections"]["practice"]["tags"][-1]["session_id"] = BIG + 1
    with pytest.raises(ImportRejected) as refused:
        _import(other, document)
    problems = refused.value.problems
    assert f"practice session {BIG} (id {BIG}), field title: contains a NUL character." in problems
    assert len(problems) == 1  # the file's own problems first: references are checked after
    assert _database_bytes(other) == before

    document["sections"]["practice"]["sessions"][-1]["title"] = "Last one"
    with pytest.raises(ImportRejected) as refused:
        _import(other, document)
    assert refused.value.problems == [
        f"session tag {2 * BIG} (session_id {BIG + 1}, role 'struggle', tag 'edge-cases'), "
        f"field session_id: there is no practice session with id {BIG + 1}."
    ]
    assert _database_bytes(other) == before


def test_a_failure_in_the_last_write_batch_leaves_the_profile_as_it_was(
    other: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.store.transfer import stored_rows

    _filled(other)
    before = _database_bytes(other)
    real_insert = stored_rows.StoredTable.insert
    batches: list[int] = []

    def insert_then_fail(self: Any, *, session: Any, rows: list[tuple[Any, ...]]) -> None:
        real_insert(self, session=session, rows=rows)
        batches.append(len(rows))
        if self.table.name == "session_tag" and sum(batches) > BIG:
            raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(stored_rows.StoredTable, "insert", insert_then_fail)
    with pytest.raises((ImportRejected, sqlite3.OperationalError)):
        _import(other, _big_document(BIG))
    assert len(batches) > 2  # it failed after several batches had been written
    assert _database_bytes(other) == before


def test_progress_reaches_the_end_of_every_step_of_an_import(other: Profile) -> None:
    recorder = Recorder()
    _import(other, _big_document(BIG), recorder)
    records = 3 * BIG
    for step in (CHECKING, COMPARING, WRITING):
        reports = recorder.of(step)
        assert reports[0] == (0, records), step
        assert reports[-1] == (records, records), step
        assert len(reports) > 3, step  # it moves on the way, not only at the ends
        done = [d for d, _t in reports]
        assert done == sorted(done), step
    assert recorder.of(BACKING_UP)[-1] == (1, 1)
    steps = list(dict.fromkeys(name for name, _d, _t in recorder.reports))
    assert steps == [CHECKING, COMPARING, BACKING_UP, WRITING]


def test_progress_reaches_the_end_of_an_export(profile: Profile, tmp_path: Path) -> None:
    _filled(profile)
    recorder = Recorder()
    with session_scope(profile.engine) as session:
        count = write_export(
            session=session, target=tmp_path / "all.json", now=NOW, progress=recorder
        )
    reports = recorder.of(EXPORTING)
    assert reports[0] == (0, count)
    assert reports[-1] == (count, count)
    assert len(reports) > 3


def test_an_import_into_a_profile_that_changed_after_the_check_compares_again(
    other: Profile,
) -> None:
    """The file is checked once; the write compares its records with the profile as it is
    then: a session added meanwhile under an id the file uses is kept, the file's goes under
    a new id."""
    from desktop.store.transfer.run import check_document, write_document

    document = _big_document(3)
    plan = check_document(engine=other.engine, document=document)
    assert plan.added == 9
    with closing(sqlite3.connect(other.folder.database)) as connection, connection:
        connection.execute(
            "INSERT INTO practice_session (id, started_at, active_seconds, outcome, confidence, "
            "title, logged_at) VALUES (2, '2021-05-05 10:00:00.000000', 60, 'solved', 4, "
            "'Mine', '2021-05-05 10:00:00.000000')"
        )
    written = write_document(
        engine=other.engine,
        database=other.folder.database,
        backups_dir=other.folder.backups_dir,
        plan=plan,
        now=clock_start(),
    )
    assert written.added_under_new_ids == 1
    with session_scope(other.engine) as session:
        titles = session.exec(select(AttemptRow.title).order_by(col(AttemptRow.id))).all()
    assert titles == ["Problem 1", "Mine", "Problem 3", "Problem 2"]


def test_sqlite_writes_each_table_as_the_records_would(profile: Profile) -> None:
    """The export's JSON is made by SQLite where it can: the same values as dump_table."""
    _filled(profile)
    with closing(sqlite3.connect(profile.folder.database)) as connection, connection:
        connection.execute(  # a mock whose journal entry is gone: its link is written as null
            "UPDATE mock_interview SET journal_entry_id = 999999 WHERE id = "
            "(SELECT min(id) FROM mock_interview)"
        )
        connection.execute(
            "UPDATE plan_item SET skipped = 1 WHERE id = (SELECT min(id) FROM plan_item)"
        )
    with session_scope(profile.engine) as session:
        for section in SECTIONS:
            for spec in section.tables:
                made = table_json(session=session, spec=spec)
                assert made is not None, spec.key
                text, count = made
                rows = dump_table(session=session, spec=spec)
                assert parse_document(text) == rows, spec.key
                assert count == len(rows)
                if spec.key == "mocks":
                    assert rows[0]["journal_entry_id"] is None
                if spec.key == "plan_items":
                    assert rows[0]["skipped"] is True


def test_times_stored_in_another_form_are_exported_the_general_way(
    profile: Profile, tmp_path: Path
) -> None:
    _filled(profile)
    before = exported(profile)
    with closing(sqlite3.connect(profile.folder.database)) as connection, connection:
        connection.execute("UPDATE practice_session SET started_at = substr(started_at, 1, 19)")
    with session_scope(profile.engine) as session:
        assert table_json(session=session, spec=_spec("sessions")) is None
        write_export(session=session, target=tmp_path / "all.json", now=NOW)
    written = parse_document((tmp_path / "all.json").read_text(encoding="utf-8"))
    sessions = written["sections"]["practice"]["sessions"]
    assert [s["started_at"] for s in sessions] == [
        s["started_at"][:19] + "Z" for s in before["sections"]["practice"]["sessions"]
    ]
    assert written["sections"]["journal"] == before["sections"]["journal"]


def _spec(key: str) -> Any:
    return next(spec for section in SECTIONS for spec in section.tables if spec.key == key)


def test_the_export_names_the_planner_settings_as_the_planner_does() -> None:
    from desktop.store import plan
    from desktop.store.transfer.sections import planner

    assert (planner.HOURS_KEY, planner.REVIEW_OFFERED_KEY) == (
        plan.HOURS_KEY,
        plan.REVIEW_OFFERED_KEY,
    )


def test_the_collector_rests_while_records_are_handled_and_works_again_after(
    other: Profile,
) -> None:
    import gc

    enabled: dict[str, set[bool]] = {}

    def progress(step: str, _done: int, _total: int) -> None:
        enabled.setdefault(step, set()).add(gc.isenabled())

    assert gc.isenabled()
    _import(other, _big_document(50), progress)
    assert enabled[CHECKING] == enabled[WRITING] == {False}
    assert gc.isenabled()


def test_overlapping_work_turns_the_collector_on_only_when_the_last_ends() -> None:
    import gc

    from desktop.store.transfer.collector import collector_paused

    first, second = collector_paused(), collector_paused()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()
    gc.disable()  # paused by someone else before: left as it was
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
