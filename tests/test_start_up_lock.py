"""Start-up and the single-instance lock file: a lock nobody holds never blocks the app, a lock
from another computer is named as such, racing starts raise one window, a full disk says so.
The app is started as a user starts it, in its own process, on real lock files."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop.folders import ProfileFolder
from desktop.safety_commands import restore_command
from desktop.ui.single_instance import Claim, SingleInstanceGuard
from tests.backup_files import good_backup, make_profile
from tests.fresh_python import child_env
from tests.test_cli import loopwise

A_MINUTE_AGO = time.time() - 60


def _lock_file(data: Path, content: bytes, *, mtime: float = A_MINUTE_AGO) -> Path:
    data.mkdir(parents=True, exist_ok=True)
    lock = data / "loopwise.lock"
    lock.write_bytes(content)
    os.utime(lock, (mtime, mtime))
    return lock


@pytest.mark.parametrize(
    "content",
    [b"", b"\xff\xfe\x00garbage from a sync tool\n", b"not-a-pid\n", b"99999999\nloopwise\n"],
    ids=["empty", "garbled", "no-pid", "cut-off"],
)
def test_a_lock_file_nobody_holds_is_recovered(tmp_path: Path, content: bytes) -> None:
    data = tmp_path / "profile"
    _lock_file(data, content)

    result = loopwise("--data-dir", str(data), "--exit-after-startup")

    assert result.returncode == 0, result.stderr
    assert not (data / "loopwise.lock").exists()  # released again on the way out
    assert (data / "loopwise.sqlite3").exists()


def test_a_lock_left_by_a_process_that_is_gone_is_recovered(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    host = os.uname().nodename.encode()
    _lock_file(data, gone.stdout.strip().encode() + b"\npython3\n" + host + b"\n")

    result = loopwise("--data-dir", str(data), "--exit-after-startup")

    assert result.returncode == 0, result.stderr


def test_a_lock_from_another_computer_is_named_with_what_to_do(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    lock = _lock_file(data, b"4242\nLoopwise\nfriends-laptop\n", mtime=time.time())

    result = loopwise("--data-dir", str(data), "--exit-after-startup")

    assert result.returncode == 1
    assert "in use by Loopwise on another computer, friends-laptop (process 4242)" in (
        result.stderr
    )
    assert "synced or shared" in result.stderr
    assert f"delete {lock} and start again" in result.stderr
    assert "did not answer" not in result.stderr
    assert lock.read_bytes() == b"4242\nLoopwise\nfriends-laptop\n"
    assert not (data / "loopwise.sqlite3").exists()


def test_a_garbled_lock_a_live_process_holds_is_left_alone(
    qapp: QApplication, tmp_path: Path
) -> None:
    folder = ProfileFolder(tmp_path / "profile")
    lock = _lock_file(folder.data_dir, b"")
    with lock.open("rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running app's Qt holds it
        guard = SingleInstanceGuard(folder)
        try:
            assert guard.claim(wait_seconds=0.5) is Claim.HELD_ELSEWHERE
        finally:
            guard.release()
    assert lock.exists()


def test_the_command_line_is_not_blocked_by_an_abandoned_lock(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "profile"
    backup = good_backup(make_profile(data, entries=1))
    _lock_file(data, b"")

    assert restore_command(str(data), backup.name, assume_yes=True) == 0, capsys.readouterr()


def test_racing_starts_open_one_app_and_the_others_raise_it(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    starts = [
        subprocess.Popen(
            [sys.executable, "-m", "desktop", "--data-dir", str(data), "--exit-after-startup"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        for _ in range(5)
    ]
    results = [start.communicate(timeout=120) for start in starts]

    for start, (_out, errors) in zip(starts, results, strict=True):
        assert start.returncode == 0, errors
        assert "did not answer" not in errors
        assert "Traceback" not in errors


_FULL_DISK = """
set -e
mount -t tmpfs -o size=1m tmpfs "$1"
mkdir -p "$1/profile/paths"
dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null || true
shift
exec "$@"
"""


def test_a_full_disk_at_start_up_says_the_disk_is_full(tmp_path: Path) -> None:
    """A real full disk: a 1 MB tmpfs, filled, in a mount namespace of its own."""
    unshare = shutil.which("unshare")
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    probe = [unshare or "unshare", "-m", "sh", "-c", 'mount -t tmpfs tmpfs "$0"', str(mount_point)]
    if unshare is None or subprocess.run(probe, capture_output=True, check=False).returncode:
        pytest.skip("needs a mount namespace to make a small disk (unshare -m)")
    data = mount_point / "profile"
    app = [sys.executable, "-m", "desktop", "--data-dir", str(data), "--exit-after-startup"]

    result = subprocess.run(
        [unshare, "-m", "sh", "-c", _FULL_DISK, "sh", str(mount_point), *app],
        capture_output=True, text=True, timeout=120, env=child_env(), check=False,
    )  # fmt: skip

    assert result.returncode == 1
    assert f"the disk holding {data} is full" in result.stderr
    assert "already running" not in result.stderr and "Traceback" not in result.stderr


_FULL_DISK_WITH_A_LEFT_LOCK = """
set -e
mount -t tmpfs -o size=1m tmpfs "$1"
mkdir -p "$1/profile/paths"
printf '%s' "$2" > "$1/profile/loopwise.lock"
dd if=/dev/zero of="$1/filler" bs=4k 2>/dev/null || true
shift 2
exec "$@"
"""


def test_a_lock_left_by_a_killed_app_on_a_full_disk_is_not_taken_for_a_running_app(
    tmp_path: Path,
) -> None:
    """Qt takes over a lock whose process is gone only after writing a '.rmlock' file beside
    it, which a full disk refuses: the start then said Loopwise was already running (the
    killed process) and not answering, where it is the disk that is full."""
    unshare = shutil.which("unshare")
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    probe = [unshare or "unshare", "-m", "sh", "-c", 'mount -t tmpfs tmpfs "$0"', str(mount_point)]
    if unshare is None or subprocess.run(probe, capture_output=True, check=False).returncode:
        pytest.skip("needs a mount namespace to make a small disk (unshare -m)")
    data = mount_point / "profile"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    left = f"{gone.stdout.strip()}\npython3\n{os.uname().nodename}\n"
    app = [sys.executable, "-m", "desktop", "--data-dir", str(data), "--exit-after-startup"]

    result = subprocess.run(
        [unshare, "-m", "sh", "-c", _FULL_DISK_WITH_A_LEFT_LOCK, "sh", str(mount_point), left,
         *app],
        capture_output=True, text=True, timeout=120, env=child_env(), check=False,
    )  # fmt: skip

    assert result.returncode != 0
    assert f"the disk is full ({data})" in result.stderr, result.stderr
    assert "already running" not in result.stderr and "Traceback" not in result.stderr
    assert "sqlalche" not in result.stderr and "--start-fresh" not in result.stderr
