"""A database another program holds locked is not damaged: every operation waits a bounded
time, tells the user it waits, then says another program holds the file and changes nothing.

The lock is real: another process holds BEGIN EXCLUSIVE on the file (tests/backup_files.py).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import open_profile_or_explain
from desktop.cli import main
from desktop.folders import ProfileFolder
from desktop.store import locks
from tests.backup_files import (
    count_entries,
    good_backup,
    locked_by_another_program,
    make_profile,
)
from tests.clocks import StepClock
from tests.test_cli import loopwise

LOCKED = "is using {database} right now (it is locked), so Loopwise changed nothing"


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Waited in-process for one second instead of ten (the subprocess test waits the ten)."""
    monkeypatch.setattr(locks, "LOCK_WAIT_SECONDS", 1.0)


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.name: p.read_bytes() for p in folder.rglob("*") if p.is_file() and "-shm" not in p.name
    }


def test_loopwise_backup_gives_up_on_a_locked_database_and_leaves_no_partial(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=50)
    good = good_backup(database)

    with locked_by_another_program(database):
        result = loopwise("backup", "--data-dir", str(data), timeout=60)

    assert result.returncode == 1
    assert "Loopwise waits for it (at most 10 s)" in result.stderr
    assert f"The backup was not made: another program {LOCKED.format(database=database)}" in (
        result.stderr
    )
    assert list(good.parent.iterdir()) == [good]  # no .partial, no new backup


def test_restore_leaves_a_healthy_locked_database_where_it_is(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=5)
    good = good_backup(database)
    make_profile(data, entries=0)  # opened again: the data folder as the app leaves it
    before = _files(data)

    with locked_by_another_program(database):
        code = main(["restore", good.name, "--yes", "--data-dir", str(data)])

    said = capsys.readouterr().err
    assert code == 1
    assert "Loopwise waits for it (at most 1 s)" in said
    assert f"Nothing was restored: another program {LOCKED.format(database=database)}" in said
    assert "damaged" not in said
    assert _files(data) == before  # not moved aside, not backed up, not replaced
    assert count_entries(database) == 5


def test_start_up_waits_then_says_locked_and_offers_no_fresh_start(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=5)
    before = _files(data)

    with locked_by_another_program(database):
        profile = open_profile_or_explain(
            ProfileFolder(data), clock=StepClock(), start_fresh=True, interactive=False
        )

    assert profile is None
    said = capsys.readouterr().err
    assert "Loopwise waits for it (at most 1 s)" in said
    assert "another program is using it right now (it is locked)" in said
    assert "moved aside" not in said
    assert _files(data) == before


def test_import_into_a_locked_database_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=2)
    export = tmp_path / "all.json"
    assert main(["export", str(export), "--data-dir", str(data)]) == 0
    document = json.loads(export.read_text())
    document["sections"]["journal"]["entries"][0]["title"] = "Changed in the file"
    export.write_text(json.dumps(document))
    capsys.readouterr()

    with locked_by_another_program(database):
        code = main(["import", str(export), "--yes", "--data-dir", str(data)])

    assert code == 1
    said = capsys.readouterr().err
    assert "(it is locked)" in said
    assert count_entries(database) == 2
    assert not list((data / "backups").glob("*before-import*"))


def test_in_the_window_a_note_says_start_up_waits_and_goes_once_it_gives_up(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui import startup

    data = tmp_path / "profile"
    database = make_profile(data, entries=5)
    notes: list[tuple[str, bool]] = []
    real_notice = startup.waiting_notice
    told: list[str] = []

    def noticed(message: str):  # type: ignore[no-untyped-def]
        box = real_notice(message)
        notes.append((box.text(), box.isVisible()))
        shown.append(box)
        return box

    shown: list = []  # type: ignore[type-arg]
    monkeypatch.setattr(startup, "waiting_notice", noticed)
    monkeypatch.setattr(startup, "tell_cannot_start", told.append)

    with locked_by_another_program(database):
        profile = open_profile_or_explain(
            ProfileFolder(data), clock=StepClock(), start_fresh=False, interactive=True
        )

    assert profile is None
    assert len(notes) == 1 and notes[0][1], "a note is on screen while start-up waits"
    assert "Loopwise waits for it (at most 1 s)" in notes[0][0]
    assert not shown[0].isVisible(), "the note goes when the wait is over"
    assert told and "it is locked" in told[0]
