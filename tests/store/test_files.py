"""Writing a file in one step: a failure leaves the old file and no scratch file behind."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.profile import Profile
from desktop.store.database import session_scope
from desktop.store.files import write_atomically
from desktop.store.transfer.json_export import write_export


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("what the user had", encoding="utf-8")

    def half_then_fail(scratch: Path) -> None:
        scratch.write_text("half of the new", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, half_then_fail)

    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]
    assert target.read_text(encoding="utf-8") == "what the user had"
    write_atomically(target, lambda scratch: scratch.write_text("new", encoding="utf-8"))
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]
    assert target.read_text(encoding="utf-8") == "new"


def test_a_json_export_that_fails_leaves_no_partial_file(
    profile: Profile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", disk_full)
    with session_scope(profile.engine) as session, pytest.raises(OSError):
        write_export(session=session, target=folder / "all.json", now=datetime.now(UTC))

    assert list(folder.iterdir()) == []


def test_scratch_files_a_killed_export_left_are_removed_by_the_next_write(tmp_path: Path) -> None:
    """A kill leaves the hidden scratch file (megabytes of an export) in the user's folder:
    the next write there removes it, as nobody holds it."""
    import signal
    import subprocess
    import sys

    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL")
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from desktop.store.files import write_atomically\n"
        "def stall(scratch):\n"
        "    scratch.write_text('half of an export', encoding='utf-8')\n"
        "    print('writing', flush=True)\n"
        "    time.sleep(60)\n"
        "write_atomically(Path(sys.argv[1]), stall)\n"
    )
    target = tmp_path / "all.json"
    with subprocess.Popen(
        [sys.executable, "-c", script, str(target)], stdout=subprocess.PIPE, text=True
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline() == "writing\n"
            (scratch,) = tmp_path.glob(".loopwise-*.partial")
            other = tmp_path / "other.json"
            write_atomically(other, lambda path: path.write_text("{}", encoding="utf-8"))
            assert scratch.exists(), "a scratch file being written is left alone"
        finally:
            child.kill()
    assert scratch.exists()

    write_atomically(target, lambda path: path.write_text("{}", encoding="utf-8"))

    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.json", "other.json"]


def test_a_written_file_is_for_the_user_alone(tmp_path: Path) -> None:
    target = tmp_path / "all.json"

    write_atomically(target, lambda path: path.write_text("{}", encoding="utf-8"))

    assert target.stat().st_mode & 0o077 == 0
