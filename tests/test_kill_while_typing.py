"""A process killed with SIGKILL while the user types loses at most the last second of text."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Autosave waits 0.7 s after typing pauses, but never lets typing go unsaved for long: the
# editor also saves while typing continues (see EntryEditor). One second is the promise.
PROMISE_SECONDS = 1.0


def _typed_before(log_file: Path, moment: float) -> int:
    typed = 0
    for line in log_file.read_text().splitlines():
        when, length = line.split()
        if float(when) <= moment:
            typed = int(length)
    return typed


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sigkill_while_typing_keeps_all_but_the_last_second(tmp_path: Path, seed: int) -> None:
    data_dir, log_file = tmp_path / "profile", tmp_path / "typed.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.typing_child", str(data_dir), str(log_file)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "typing"
        time.sleep(random.Random(seed).uniform(1.5, 3.5))
        killed_at = time.monotonic()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        child.communicate(timeout=30)

    with closing(sqlite3.connect(data_dir / "loopwise.sqlite3")) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (body,) = connection.execute("SELECT body FROM journal_entry").fetchone()
    typed_total = _typed_before(log_file, killed_at)
    must_have = _typed_before(log_file, killed_at - PROMISE_SECONDS)
    assert must_have > 0, "typing had not started long enough before the kill"
    assert len(body) >= must_have, f"lost more than {PROMISE_SECONDS}s of typing"
    assert len(body) <= typed_total


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_at_random_moments_never_loses_a_committed_entry(tmp_path: Path) -> None:
    """Many kills at random moments, each during writes and now and then during a backup."""
    data_dir = tmp_path / "profile"
    rng = random.Random(7)
    committed: set[int] = set()
    for _round in range(12):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.helpers.writing_child", str(data_dir)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert child.stdout is not None and child.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.05, 0.6))
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
            printed, _errors = child.communicate(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
        committed |= {int(line) for line in printed.split()}

        with closing(sqlite3.connect(data_dir / "loopwise.sqlite3")) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            rows = dict(connection.execute("SELECT id, body FROM journal_entry").fetchall())
        assert committed <= rows.keys(), "an entry the app had saved is gone"
        assert all(rows[i] == "x" * len(rows[i]) for i in committed)
        for backup in (data_dir / "backups").glob("*.sqlite3"):  # half-written ones are .partial
            with closing(sqlite3.connect(backup)) as connection:
                assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert len(committed) > 50
