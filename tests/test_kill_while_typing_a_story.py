"""A process killed with SIGKILL while the user writes a story loses at most the last second."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.test_kill_while_typing import PROMISE_SECONDS, ROOT, _typed_before


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_while_writing_a_story_keeps_all_but_the_last_second(tmp_path: Path) -> None:
    data_dir, log_file = tmp_path / "profile", tmp_path / "typed.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.story_typing_child", str(data_dir), str(log_file)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "typing"
        time.sleep(2.7)
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=30)

    with closing(sqlite3.connect(data_dir / "loopwise.sqlite3")) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (action,) = connection.execute("SELECT action FROM story").fetchone()
    typed_total = _typed_before(log_file, killed_at)
    must_have = _typed_before(log_file, killed_at - PROMISE_SECONDS)
    assert must_have > 0, "typing had not started long enough before the kill"
    assert len(action) >= must_have, f"lost more than {PROMISE_SECONDS}s of typing"
    assert len(action) <= typed_total
