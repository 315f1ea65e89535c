"""An import or a restore killed with SIGKILL half-way leaves the data as it was, and the next
start says plainly that it did not finish, once; while it still runs, nobody else says so."""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store.database import session_scope
from desktop.store.transfer.json_export import write_export
from tests.backup_files import add_rows, count_entries, good_backup, make_profile
from tests.clocks import StepClock, app_now
from tests.fresh_python import child_env
from tests.test_cli import loopwise
from tests.test_kill_while_typing import ROOT

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


@contextmanager
def _stalled(where: str, *args: str) -> Iterator[subprocess.Popen[str]]:
    """A `loopwise ARGS` stopped in the middle of its work (tests/helpers/stalled_child.py)."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.stalled_child", where, *args],
        cwd=ROOT, env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        assert line == "stalled", child.communicate(timeout=30)[1]
        yield child
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=30)


def _kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def _export_of_new_entries(tmp_path: Path, entries: int) -> Path:
    """An export file of another profile, holding `entries` journal entries this one lacks."""
    other = tmp_path / "other"
    make_profile(other, entries=entries)
    profile = open_profile(ProfileFolder(other), clock=StepClock())
    target = tmp_path / "export.json"
    try:
        with session_scope(profile.engine) as session:
            write_export(session=session, target=target, now=app_now())
    finally:
        profile.close()
    return target


def test_an_import_killed_half_way_adds_nothing_and_the_next_start_says_so(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=3)
    export = _export_of_new_entries(tmp_path, entries=200)

    with _stalled("import", "import", str(export), "--yes", "--data-dir", str(data)) as child:
        # While the import runs, a command that starts says nothing about it: it is not over.
        meanwhile = loopwise("restore", "--data-dir", str(data))
        assert meanwhile.returncode == 0, meanwhile.stderr
        assert "did not finish" not in meanwhile.stderr
        _kill(child)

    assert count_entries(database) == 3  # all or nothing: none of the 200
    scheduled = loopwise("backup", "--data-dir", str(data))  # perhaps run by a timer: no word
    assert scheduled.returncode == 0 and "did not finish" not in scheduled.stderr
    told = loopwise("restore", "--data-dir", str(data))
    assert told.returncode == 0, told.stderr
    assert (
        f"The import of {export} did not finish: Loopwise was stopped while it ran, and "
        "nothing from it was added. You can simply import it again."
    ) in told.stderr
    again = loopwise("restore", "--data-dir", str(data))
    assert "did not finish" not in again.stderr  # told once
    assert not list(data.glob("under-way-*"))

    imported = loopwise("import", str(export), "--yes", "--data-dir", str(data))
    assert imported.returncode == 0, imported.stderr
    assert count_entries(database) == 200  # the file's 200 (its first 3 share our ids)
    assert "did not finish" not in loopwise("restore", "--data-dir", str(data)).stderr


def test_a_notes_import_killed_half_way_is_told_too(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=3)
    notes = tmp_path / "vault"
    notes.mkdir()
    (notes / "2026-11-03.md").write_text("# A day\n\nWhat I learned.\n", encoding="utf-8")

    with _stalled("import", "import", str(notes), "--data-dir", str(data)) as child:
        _kill(child)

    assert count_entries(database) == 3
    told = loopwise("import", str(notes), "--data-dir", str(data))  # the user tries again
    assert f"The import of {notes} did not finish" in told.stderr
    assert told.returncode == 0 and count_entries(database) == 4


def test_a_restore_killed_half_way_leaves_the_data_and_the_next_start_says_so(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=5)
    backup = good_backup(database)
    add_rows(database, entries=2)

    with _stalled("restore", "restore", backup.name, "--yes", "--data-dir", str(data)) as child:
        _kill(child)

    assert count_entries(database) == 7  # not restored
    told = loopwise("restore", "--data-dir", str(data))
    assert (
        f"Restoring the backup {backup.name} did not finish: Loopwise was stopped while it "
        "ran, so nothing was restored. To go back to it, restore it again."
    ) in told.stderr
    assert "did not finish" not in loopwise("restore", "--data-dir", str(data)).stderr


def test_a_restore_killed_once_copied_in_is_not_told_as_nothing_restored(
    tmp_path: Path,
) -> None:
    """The copy and its commit are one step of SQLite's backup API: a kill from just before
    it may leave the backup restored, whole, so the next start does not say otherwise."""
    data = tmp_path / "profile"
    database = make_profile(data, entries=5)
    backup = good_backup(database)
    add_rows(database, entries=2)

    with _stalled(
        "restore-copied", "restore", backup.name, "--yes", "--data-dir", str(data)
    ) as child:
        _kill(child)

    assert count_entries(database) == 5  # restored, though the process never finished
    told = loopwise("restore", "--data-dir", str(data)).stderr
    assert "nothing was restored" not in told
    assert (
        f"Restoring the backup {backup.name} was stopped as it was being written: your data "
        "is either all as in that backup or all as it was before, never a mix. To be sure, "
        "restore it again."
    ) in told


def test_ctrl_c_during_an_import_rolls_it_back_and_says_so(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=3)
    export = _export_of_new_entries(tmp_path, entries=200)
    args = ("import", str(export), "--yes", "--data-dir", str(data))

    with _stalled("import-until-ctrl-c", *args) as child:
        child.send_signal(signal.SIGINT)  # what Ctrl+C sends
        printed, errors = child.communicate(timeout=60)

    assert child.returncode == 130, errors
    assert errors.strip() == "Import cancelled; nothing was added."
    assert "Imported" not in printed
    assert count_entries(database) == 3  # the 200 rows written were rolled back
    assert not list(data.glob("under-way-*"))  # a cancel is told now, not at the next start
    assert "did not finish" not in loopwise("restore", "--data-dir", str(data)).stderr
