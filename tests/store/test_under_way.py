"""The notes that an import or a restore is under way: held while it runs, gone when it ends,
told once when a killed process left one (the kill itself: tests/test_kill_during_import.py)."""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest

from desktop.store import under_way as under_way_module
from desktop.store.under_way import IMPORT, RESTORE, Unfinished, left_unfinished, under_way


def test_a_note_is_there_while_the_work_runs_and_gone_however_it_ends(tmp_path: Path) -> None:
    with under_way(tmp_path, IMPORT, "/home/me/export.json"):
        (note,) = tmp_path.glob("under-way-import-*.json")
        assert left_unfinished(tmp_path) == []  # held by this process: not left behind
        assert note.exists()
    assert list(tmp_path.iterdir()) == []

    with pytest.raises(RuntimeError), under_way(tmp_path, RESTORE, "loopwise-x.sqlite3"):
        raise RuntimeError("the restore failed, and says so itself")
    assert list(tmp_path.iterdir()) == []


def test_a_note_left_by_a_dead_process_with_our_process_id_is_kept_and_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(under_way_module, "_numbers", itertools.count(1))
    for number in (1, 2):  # left by a killed process that had this process id
        left = tmp_path / f"under-way-import-{os.getpid()}-{number}.json"
        left.write_text(f'{{"kind": "import", "subject": "/old/{number}.json"}}')

    with under_way(tmp_path, IMPORT, "/new.json"):
        assert (tmp_path / f"under-way-import-{os.getpid()}-3.json").exists()

    assert left_unfinished(tmp_path) == [
        Unfinished(IMPORT, "/old/1.json"),
        Unfinished(IMPORT, "/old/2.json"),
    ]
    assert left_unfinished(tmp_path) == []  # told once


def test_a_note_cut_short_while_it_was_written_still_says_what_did_not_finish(
    tmp_path: Path,
) -> None:
    (tmp_path / "under-way-import-99-1.json").write_bytes(b"")
    (tmp_path / "under-way-restore-99-2.json").write_bytes(b'{"kind": "rest')

    found = left_unfinished(tmp_path)

    assert [each.sentence() for each in found] == [
        "An import did not finish: Loopwise was stopped while it ran, and nothing from it "
        "was added. You can simply import it again.",
        "Restoring a backup did not finish: Loopwise was stopped while it ran, so nothing "
        "was restored. To go back to it, restore it again.",
    ]


def test_no_note_can_be_written_and_the_work_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "not-made"
    with under_way(missing, IMPORT, "/a.json"):
        ran = True
    assert ran and not missing.exists()


def test_a_pipe_or_a_link_under_a_note_name_is_left_alone_and_does_not_block(
    tmp_path: Path,
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    os.mkfifo(tmp_path / "under-way-import-98-1.json")  # opening it to read would block
    outside = tmp_path / "elsewhere.json"
    outside.write_text('{"kind": "import", "subject": "/x.json"}')
    (tmp_path / "under-way-import-98-2.json").symlink_to(outside)

    assert left_unfinished(tmp_path) == []
    assert outside.exists() and len(list(tmp_path.iterdir())) == 3


def test_a_note_written_on_another_computer_is_left_for_that_one_to_tell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with under_way(tmp_path, IMPORT, "/a.json"):
        (note,) = tmp_path.glob("under-way-*")
        copy = note.read_text()
    note.write_text(copy)  # as a sync tool brings it over, without the other computer's lock
    monkeypatch.setattr(under_way_module, "_HOST", lambda: "the-other-laptop")

    assert left_unfinished(tmp_path) == [] and note.exists()
    monkeypatch.undo()
    assert left_unfinished(tmp_path) == [Unfinished(IMPORT, "/a.json")]


def test_a_note_left_as_the_import_was_committed_does_not_say_nothing_was_added(
    tmp_path: Path,
) -> None:
    """A kill after the commit began may leave the import whole: the note then says so,
    rather than that nothing from the file was added."""
    from desktop.store.under_way import UnderWay

    note = UnderWay.start(tmp_path, IMPORT, "/home/me/export.json")
    try:
        note.committing()
        (held,) = tmp_path.glob("under-way-import-*.json")
        # What a kill leaves: the same note, held by nobody.
        (tmp_path / "under-way-import-99-1.json").write_bytes(held.read_bytes())
    finally:
        note.finish()

    (left,) = left_unfinished(tmp_path)
    assert left == Unfinished(IMPORT, "/home/me/export.json", committing=True)
    assert left.sentence() == (
        "The import of /home/me/export.json was stopped as it was being saved: it is either "
        "all in or not in at all. Import it again to be sure; what is already here is not "
        "added twice."
    )


def test_an_import_marks_its_note_just_before_its_commit(tmp_path: Path) -> None:
    import sqlite3
    from contextlib import closing

    from desktop.folders import ProfileFolder
    from desktop.profile import open_profile
    from desktop.store.transfer.run import check_document, write_document
    from tests.clocks import StepClock, clock_start
    from tests.store.transfer_data import exported, stories_and_plans

    source = open_profile(ProfileFolder(tmp_path / "source"), clock=StepClock())
    try:
        stories_and_plans(source)
        document = exported(source)
    finally:
        source.close()
    profile = open_profile(ProfileFolder(tmp_path / "profile"), clock=StepClock())
    try:
        plan = check_document(engine=profile.engine, document=document)
        seen: list[int] = []

        def committing() -> None:  # what another reader sees then: nothing yet
            with closing(sqlite3.connect(profile.folder.database)) as reader:
                seen.append(reader.execute("SELECT count(*) FROM story").fetchone()[0])

        write_document(
            engine=profile.engine,
            database=profile.folder.database,
            backups_dir=profile.folder.backups_dir,
            plan=plan,
            now=clock_start(),
            committing=committing,
        )
        with closing(sqlite3.connect(profile.folder.database)) as reader:
            stories = reader.execute("SELECT count(*) FROM story").fetchone()[0]
    finally:
        profile.close()
    assert seen == [0] and stories > 0
