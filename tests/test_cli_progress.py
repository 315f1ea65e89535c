"""The progress line of `loopwise import` and `loopwise export`: on a terminal only."""

from __future__ import annotations

import io
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop import safety_commands
from desktop.safety_commands import ProgressLine
from desktop.store.transfer.progress_report import EXPORTING, WRITING
from tests.test_cli import loopwise


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _profile_with_entry(data: Path) -> None:
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    with closing(sqlite3.connect(data / "loopwise.sqlite3")) as connection, connection:
        connection.execute(
            "INSERT INTO journal_entry (entry_date, title, body, kind, tags, word_count, "
            "created_at, updated_at) VALUES ('2026-11-02', 'Kept', 'text', 'note', '', 1, "
            "'2026-11-02 09:00:00', '2026-11-02 09:00:00')"
        )


def test_the_line_is_redrawn_in_place_and_cleared() -> None:
    terminal = Terminal()
    line = ProgressLine(terminal)
    line("Checking the records", 0, 200)
    line("Checking the records", 1, 200)  # still 0 %: nothing new to draw
    line("Checking the records", 100, 200)
    line("Writing your data", 200, 200)
    line.clear()
    assert terminal.getvalue() == (
        "\rChecking the records… 0%"
        "\rChecking the records… 50%"
        "\rWriting your data… 100%  "
        "\r                         \r"
    )


def test_nothing_is_drawn_when_stderr_is_not_a_terminal() -> None:
    piped = io.StringIO()
    line = ProgressLine(piped)
    line("Writing your data", 5, 10)
    line.clear()
    assert piped.getvalue() == ""


def test_export_and_import_show_progress_on_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data, other, target = tmp_path / "profile", tmp_path / "other", tmp_path / "all.json"
    _profile_with_entry(data)
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert safety_commands.export_command(str(data), "json", str(target)) == 0
    assert f"\r{EXPORTING}… 100%" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r")  # cleared before the result is printed
    said = capsys.readouterr().out
    assert "Exported 1 record to" in said
    assert "imported" not in said  # no path or quiz files of the user's own to leave out

    terminal.seek(0)
    terminal.truncate()
    assert safety_commands.import_command(str(other), str(target), assume_yes=False) == 0
    shown = terminal.getvalue()
    assert f"\r{WRITING}… 100%" in shown
    assert shown.endswith("\r")
    assert json.loads(target.read_text())["sections"]["journal"]["entries"][0]["title"] == "Kept"


def test_a_piped_export_and_import_print_no_progress(tmp_path: Path) -> None:
    data, other, target = tmp_path / "profile", tmp_path / "other", tmp_path / "all.json"
    _profile_with_entry(data)
    exported = loopwise("export", str(target), "--data-dir", str(data))
    imported = loopwise("import", str(target), "--data-dir", str(other))
    assert exported.returncode == imported.returncode == 0
    assert "%" not in exported.stderr + imported.stderr
    assert "Imported: journal entry: 1 new" in imported.stdout
