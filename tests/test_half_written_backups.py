"""A backup half-written when its process was killed is never listed or kept as a backup, and
the next start sweeps it away at once; one that a running command is writing is left alone."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from desktop.store.backup import list_backups, sweep_partials, thin_backups
from tests.backup_files import good_backup, make_profile
from tests.clocks import app_now
from tests.test_cli import loopwise
from tests.test_kill_during_import import _kill, _stalled

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def test_a_half_written_backup_is_left_alone_while_written_and_swept_by_the_next_start(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profile"
    database = make_profile(data, entries=50)
    backups = data / "backups"
    good = good_backup(database)

    with _stalled("backup", "backup", "--data-dir", str(data)) as child:
        (partial,) = backups.glob("loopwise-*.partial")
        # While it is written: not a backup, not thinned, not swept, not even by a start.
        assert [backup.path for backup in list_backups(backups)] == [good]
        assert thin_backups(backups, now=app_now()) == []
        assert sweep_partials(backups) == []
        started = loopwise("--data-dir", str(data), "--exit-after-startup")
        assert started.returncode == 0, started.stderr
        assert partial.exists()
        _kill(child)

    assert partial.exists()  # what the kill left: a minute old, not ten
    assert good in [backup.path for backup in list_backups(backups)]
    started = loopwise("--data-dir", str(data), "--exit-after-startup")
    assert started.returncode == 0, started.stderr
    assert not list(backups.glob("*.partial*"))


def test_a_side_file_of_a_half_written_backup_goes_with_it(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    backups.mkdir()
    partial = backups / "loopwise-20261102-090000-000000-periodic.partial"
    journal = partial.with_name(partial.name + "-journal")
    partial.write_bytes(b"half")
    journal.write_bytes(b"journal")
    orphan = backups / "loopwise-20261101-090000-000000-manual.partial-journal"
    orphan.write_bytes(b"journal")

    assert sorted(sweep_partials(backups)) == sorted([partial, journal, orphan])
    assert list(backups.iterdir()) == []


def test_a_backup_never_deletes_a_partial_another_process_is_writing_under_its_name(
    tmp_path: Path,
) -> None:
    import os
    from datetime import UTC

    from desktop.store.backup import PARTIAL_SUFFIX, backup_database
    from desktop.store.held_files import create_held
    from tests.clocks import clock_start

    database = make_profile(tmp_path / "profile", entries=5)
    backups = database.parent / "backups"
    backups.mkdir(exist_ok=True)
    taken = clock_start().astimezone(UTC).replace(tzinfo=None)  # backup names are in UTC
    theirs = backups / f"loopwise-{taken:%Y%m%d-%H%M%S-%f}-manual{PARTIAL_SUFFIX}"
    held = create_held(theirs)  # the same moment and reason, being written (held)
    try:
        with pytest.raises(FileExistsError):
            backup_database(database, backups, "manual", now=clock_start())
        assert theirs.exists()
    finally:
        os.close(held)


def test_a_pipe_or_a_link_with_a_partial_name_is_left_alone_and_does_not_block(
    tmp_path: Path,
) -> None:
    import os

    backups = tmp_path / "backups"
    backups.mkdir()
    os.mkfifo(backups / "loopwise-20261102-090000-000000-periodic.partial")
    outside = tmp_path / "precious.sqlite3"
    outside.write_bytes(b"mine")
    (backups / "loopwise-20261102-100000-000000-manual.partial").symlink_to(outside)

    assert sweep_partials(backups) == []
    assert outside.read_bytes() == b"mine" and len(list(backups.iterdir())) == 2
