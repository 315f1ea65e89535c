"""A process killed with SIGKILL while the user types leaves a whole database holding what was
typed, for journal entries and stories alike."""

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

from tests.helpers.typing_child import typed_text

ROOT = Path(__file__).resolve().parent.parent
# How soon Autosave saves is tested on a hand-moved clock (tests/ui/test_autosave.py); here the
# process really dies, and what is on disk must be whole and be what the user typed.
AREAS = [("journal", "SELECT body FROM journal_entry"), ("story", "SELECT action FROM story")]


def _words_typed(log_file: Path) -> int:
    lines = log_file.read_text().split() if log_file.exists() else []
    return int(lines[-1]) if lines else 0


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize(("area", "query"), AREAS)
@pytest.mark.parametrize("kill_after_words", [40, 75])
def test_sigkill_while_typing_keeps_what_was_saved_whole(
    tmp_path: Path, area: str, query: str, kill_after_words: int
) -> None:
    data_dir, log_file = tmp_path / "profile", tmp_path / "typed.log"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.typing_child", str(data_dir), str(log_file), area],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "typing"
        while _words_typed(log_file) < kill_after_words and child.poll() is None:
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
        _out, errors = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL, errors

    with closing(sqlite3.connect(data_dir / "loopwise.sqlite3")) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (saved,) = connection.execute(query).fetchone()
    # One more word may have been typed (and saved) after the last line of the log.
    assert typed_text(_words_typed(log_file) + 1).startswith(saved)
    assert saved, "nothing typed was saved while typing went on"


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
