"""A backup is a backup only if it is a whole Loopwise database holding the user's rows: every
other file is listed as unusable with the reason, never offered, never restored, never counted
towards thinning. Tried as a user meets it: the command line, File > Backups, the recovery
question at start-up, with real files."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from desktop.app import open_profile_or_explain
from desktop.cli import main
from desktop.folders import ProfileFolder
from desktop.store.backup import backup_if_due, list_backups, newest_usable_backup
from desktop.store.health import DatabaseProblem
from desktop.ui.startup import Recovery, RecoveryBox
from tests.backup_files import (
    UNUSABLE,
    count_entries,
    good_backup,
    make_foreign,
    make_newer,
    make_profile,
    unusable_backup,
)
from tests.clocks import StepClock, clock_start
from tests.test_cli import loopwise


def _profile_with_a_good_backup(tmp_path: Path) -> tuple[Path, Path, Path]:
    data = tmp_path / "profile"
    database = make_profile(data, entries=3, sessions=2)
    return data, database, good_backup(database)


def test_restoring_an_empty_backup_is_refused_naming_the_file_and_why(tmp_path: Path) -> None:
    data, database, good = _profile_with_a_good_backup(tmp_path)
    empty = unusable_backup("zero-byte", good)
    before = database.read_bytes()

    result = loopwise("restore", empty.name, "--yes", "--data-dir", str(data))

    assert result.returncode == 1
    assert (
        f"Nothing was restored. The backup {empty} cannot be restored: the file is empty "
        "(0 bytes)." in result.stderr
    )
    assert "Traceback" not in result.stderr
    assert database.read_bytes() == before
    assert sorted(p.name for p in good.parent.iterdir()) == sorted([good.name, empty.name])


@pytest.mark.parametrize("kind", list(UNUSABLE))
def test_an_unusable_backup_is_listed_with_the_reason_and_never_restored(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, database, good = _profile_with_a_good_backup(tmp_path)
    bad = unusable_backup(kind, good)
    reason = UNUSABLE[kind][1]
    before = database.read_bytes()

    assert main(["restore", "--data-dir", str(data)]) == 0
    listing = capsys.readouterr().out.splitlines()
    bad_line = next(line for line in listing if bad.name in line)
    good_line = next(line for line in listing if good.name in line)
    assert f"(CANNOT BE RESTORED: {reason}" in bad_line
    assert good_line.endswith("(3 journal entries, 2 sessions, last entry 2 Nov)")

    assert main(["restore", bad.name, "--yes", "--data-dir", str(data)]) == 1
    said = capsys.readouterr().err
    assert f"The backup {bad} cannot be restored: {reason}" in said
    assert database.read_bytes() == before
    assert not list(data.glob("loopwise.damaged-*"))  # nothing was moved aside either

    found, passed_over = newest_usable_backup(good.parent)
    assert found is not None and found.backup.path == good
    assert [judged.backup.path for judged in passed_over] == [bad]


@pytest.mark.parametrize("kind", ["foreign", "newer-schema"])
def test_a_backup_is_not_made_of_a_database_loopwise_cannot_use(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, database, good = _profile_with_a_good_backup(tmp_path)
    if kind == "foreign":
        database.unlink()
        make_foreign(database)
    else:
        make_newer(database)

    assert main(["backup", "--data-dir", str(data)]) == 1

    said = capsys.readouterr().err
    assert f"The backup was not made: the copy of {database} was not kept: " in said
    assert UNUSABLE[kind][1] in said
    assert list(good.parent.iterdir()) == [good]


@pytest.mark.any_date
def test_unusable_files_do_not_count_as_the_latest_backup(tmp_path: Path) -> None:
    """A zero-byte file from an hour ago must not make the 12-hourly backup think it has
    just been done, nor be deleted by thinning."""
    _data, database, good = _profile_with_a_good_backup(tmp_path)
    old = good_backup(database, hours_ago=24 * 9)  # the same day as the next two
    newer_app = unusable_backup("newer-schema", good, hours_ago=24 * 9 - 1)
    empty = unusable_backup("zero-byte", good, hours_ago=1)

    made = backup_if_due(database, good.parent, now=clock_start())

    assert made is not None
    listed = [b.path for b in list_backups(good.parent)]
    assert listed == [made, empty, good, newer_app, old] or listed == [
        made, empty, good, old, newer_app
    ]  # fmt: skip


def test_the_recovery_question_offers_the_newest_usable_backup_with_what_it_holds(
    qapp: QApplication, tmp_path: Path
) -> None:
    _data, database, good = _profile_with_a_good_backup(tmp_path)
    truncated = unusable_backup("truncated", good, hours_ago=2)
    empty = unusable_backup("zero-byte", good, hours_ago=1)
    found, passed_over = newest_usable_backup(good.parent)
    assert found is not None
    problem = DatabaseProblem(database, "the file is not a SQLite database.")

    box = RecoveryBox(problem, found, passed_over)

    text = box.informativeText()
    assert "holds 3 journal entries, 2 sessions, last entry 2 Nov." in text
    assert f"{empty.name}: the file is empty (0 bytes)" in text
    assert f"{truncated.name}: it is damaged" in text
    default = box.defaultButton()
    assert default is not None and default.objectName() == "restore-backup"
    default.click()
    assert box.choice is Recovery.RESTORE_BACKUP


def test_recovery_restores_the_good_backup_not_the_newer_empty_file(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, database, good = _profile_with_a_good_backup(tmp_path)
    unusable_backup("zero-byte", good, hours_ago=1)
    database.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8192)
    shown: list[RecoveryBox] = []

    def ask(problem: Any, found: Any, passed_over: Any) -> Recovery:
        box = RecoveryBox(problem, found, passed_over)
        shown.append(box)
        default = box.defaultButton()
        assert default is not None
        default.click()  # the user accepts what the dialog proposes
        return box.choice

    monkeypatch.setattr("desktop.ui.startup.ask_about_database_problem", ask)
    profile = open_profile_or_explain(
        ProfileFolder(data), clock=StepClock(), start_fresh=False, interactive=True
    )

    assert profile is not None
    profile.close()
    assert count_entries(database) == 3
    assert "the file is empty (0 bytes)" in shown[0].informativeText()


def test_with_no_usable_backup_the_recovery_question_offers_none(
    qapp: QApplication, tmp_path: Path
) -> None:
    _data, database, good = _profile_with_a_good_backup(tmp_path)
    empty = unusable_backup("zero-byte", good, hours_ago=1)
    good.unlink()
    found, passed_over = newest_usable_backup(good.parent)
    assert found is None

    box = RecoveryBox(DatabaseProblem(database, "damaged."), found, passed_over)

    names = [button.objectName() for button in box.buttons()]
    assert "restore-backup" not in names and "start-fresh" in names
    assert f"{empty.name}: the file is empty (0 bytes)" in box.informativeText()


def test_the_command_line_names_the_newest_usable_backup_when_start_up_fails(
    tmp_path: Path,
) -> None:
    data, database, good = _profile_with_a_good_backup(tmp_path)
    empty = unusable_backup("zero-byte", good, hours_ago=1)
    database.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8192)

    result = loopwise("--data-dir", str(data), "--exit-after-startup")

    assert result.returncode == 2
    assert f"loopwise restore {good.name}" in result.stderr
    assert "(3 journal entries, 2 sessions, last entry 2 Nov)" in result.stderr
    assert empty.name not in result.stderr


def _accept_the_proposal(shown: list[RecoveryBox], pressed: str | None = None) -> Any:
    """The recovery question as a user answers it: the default button, or the one named."""

    def ask(problem: Any, found: Any, passed_over: Any) -> Recovery:
        box = RecoveryBox(problem, found, passed_over)
        shown.append(box)
        button = next((b for b in box.buttons() if b.objectName() == pressed), None)
        button = button or box.defaultButton()
        assert button is not None
        button.click()
        return box.choice

    return ask


def _lose_the_file(database: Path) -> None:
    """As a slip in a file manager or a sync program leaves it: no file at all."""
    for each in database.parent.glob(f"{database.name}*"):
        each.unlink()


def test_a_lost_database_beside_backups_offers_the_newest_backup(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, database, _good = _profile_with_a_good_backup(tmp_path)
    _lose_the_file(database)
    shown: list[RecoveryBox] = []
    monkeypatch.setattr(
        "desktop.ui.startup.ask_about_database_problem", _accept_the_proposal(shown)
    )

    profile = open_profile_or_explain(
        ProfileFolder(data), clock=StepClock(), start_fresh=False, interactive=True
    )

    assert profile is not None
    profile.close()
    assert count_entries(database) == 3  # the backup is back
    (box,) = shown
    assert box.text().endswith(
        "loopwise.sqlite3 is missing: the backups beside it show it held your data, but the "
        "file is not there. It may have been deleted by accident or moved away by a sync "
        "program."
    )
    text = box.informativeText()
    assert "holds 3 journal entries, 2 sessions, last entry 2 Nov." in text
    assert "has not been changed" not in text and "renamed" not in text  # there is no file
    assert not list(data.glob("loopwise.damaged-*"))


def test_a_lost_database_can_start_fresh_and_is_not_asked_about_again(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, database, _good = _profile_with_a_good_backup(tmp_path)
    _lose_the_file(database)
    shown: list[RecoveryBox] = []
    monkeypatch.setattr(
        "desktop.ui.startup.ask_about_database_problem",
        _accept_the_proposal(shown, "start-fresh"),
    )

    for _start in range(2):
        profile = open_profile_or_explain(
            ProfileFolder(data), clock=StepClock(), start_fresh=False, interactive=True
        )
        assert profile is not None
        profile.close()

    assert len(shown) == 1 and count_entries(database) == 0


def test_an_emptied_database_can_start_fresh_beside_its_backups(tmp_path: Path) -> None:
    """Moved aside, the emptied file leaves no file behind: the fresh profile is made, not
    refused as lost."""
    data, database, _good = _profile_with_a_good_backup(tmp_path)
    database.write_bytes(b"")
    for side in data.glob("loopwise.sqlite3-*"):
        side.unlink()

    profile = open_profile_or_explain(
        ProfileFolder(data), clock=StepClock(), start_fresh=True, interactive=False
    )

    assert profile is not None
    profile.close()
    assert count_entries(database) == 0 and len(list(data.glob("loopwise.damaged-*"))) == 1


def test_a_first_start_without_backups_asks_nothing(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[RecoveryBox] = []
    monkeypatch.setattr(
        "desktop.ui.startup.ask_about_database_problem", _accept_the_proposal(shown)
    )

    profile = open_profile_or_explain(
        ProfileFolder(tmp_path / "new"), clock=StepClock(), start_fresh=False, interactive=True
    )

    assert profile is not None
    profile.close()
    assert shown == []


def test_the_command_line_says_a_lost_database_and_names_the_backup(tmp_path: Path) -> None:
    data, database, good = _profile_with_a_good_backup(tmp_path)
    _lose_the_file(database)

    result = loopwise("--data-dir", str(data), "--exit-after-startup")

    assert result.returncode == 2
    assert "is missing: the backups beside it show it held your data" in result.stderr
    assert f"loopwise restore {good.name}" in result.stderr
    assert "has not been changed" not in result.stderr
    assert not database.exists()  # nothing was made in its place
    exported = loopwise("export", str(tmp_path / "out.json"), "--data-dir", str(data))
    assert "is missing: the backups beside it" in exported.stderr and not database.exists()


def test_a_damaged_database_is_said_in_plain_words_with_sqlites_own_behind_details(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, database, _good = _profile_with_a_good_backup(tmp_path)
    database.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8192)
    shown: list[RecoveryBox] = []
    monkeypatch.setattr(
        "desktop.ui.startup.ask_about_database_problem",
        _accept_the_proposal(shown, "quit"),
    )

    open_profile_or_explain(
        ProfileFolder(data), clock=StepClock(), start_fresh=False, interactive=True
    )

    (box,) = shown
    assert box.text().endswith(
        "cannot be opened: the file is damaged, so your data cannot be read from it (a "
        "crash, a power cut or a failing disk can do this)."
    )
    assert "SQLite" not in box.text()
    assert box.detailedText().startswith("SQLite reports: ")
    said = loopwise("--data-dir", str(data), "--exit-after-startup").stderr
    assert "the file is damaged, so your data cannot be read" in said
    assert "(In detail: SQLite reports: " in said
