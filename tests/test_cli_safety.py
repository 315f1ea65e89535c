"""loopwise backup, restore, export and import, run as a user runs them."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

from tests.test_cli import loopwise


def _add_entry(data: Path, title: str) -> None:
    with closing(sqlite3.connect(data / "loopwise.sqlite3")) as connection:
        connection.execute(
            "INSERT INTO journal_entry (entry_date, title, body, kind, tags, word_count, "
            "created_at, updated_at) VALUES ('2026-11-02', ?, 'text', 'note', '', 1, "
            "'2026-11-02 09:00:00', '2026-11-02 09:00:00')",
            (title,),
        )
        connection.commit()


def _titles(data: Path) -> list[str]:
    with closing(sqlite3.connect(data / "loopwise.sqlite3")) as connection:
        return [row[0] for row in connection.execute("SELECT title FROM journal_entry ORDER BY id")]


def test_backup_then_restore_from_the_command_line(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    _add_entry(data, "first")
    made = loopwise("backup", "--data-dir", str(data))
    assert made.returncode == 0, made.stderr
    name = made.stdout.strip().rsplit("/", 1)[-1]
    _add_entry(data, "second")

    listed = loopwise("restore", "--data-dir", str(data))
    assert name in listed.stdout and "Made by you" in listed.stdout

    refused = loopwise("restore", name, "--data-dir", str(data))  # no terminal, no --yes
    assert refused.returncode == 1 and "--yes" in refused.stderr
    assert _titles(data) == ["first", "second"]

    restored = loopwise("restore", name, "--yes", "--data-dir", str(data))
    assert restored.returncode == 0, restored.stderr
    assert _titles(data) == ["first"]
    assert "before-restore" in restored.stdout


def test_export_and_import_from_the_command_line(tmp_path: Path) -> None:
    data, other = tmp_path / "profile", tmp_path / "other"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    _add_entry(data, "exported")
    target = tmp_path / "all.json"
    exported = loopwise("export", str(target), "--data-dir", str(data))
    assert exported.returncode == 0, exported.stderr
    assert json.loads(target.read_text())["format"] == "loopwise-export"

    imported = loopwise("import", str(target), "--data-dir", str(other))
    assert imported.returncode == 0, imported.stderr
    assert _titles(other) == ["exported"]

    vault = tmp_path / "vault"
    assert (
        loopwise("export", "--format", "markdown", str(vault), "--data-dir", str(data)).returncode
        == 0
    )
    again = loopwise("import", str(vault), "--data-dir", str(other))
    assert again.stdout.strip() == "0 journal entries were added; 1 was already in your journal."


def test_exporting_notes_again_leaves_the_ones_you_edited(tmp_path: Path) -> None:
    data, vault = tmp_path / "profile", tmp_path / "vault"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    _add_entry(data, "exported")
    export = ("export", "--format", "markdown", str(vault), "--data-dir", str(data))
    assert loopwise(*export).returncode == 0
    note = vault / "Journal" / "2026-11-02.md"
    note.write_text(note.read_text(encoding="utf-8") + "My edit\n", encoding="utf-8")

    again = loopwise(*export)

    assert again.returncode == 0, again.stderr
    assert note.read_text(encoding="utf-8").endswith("My edit\n")
    assert "1 note you changed was left as it is." in again.stdout

    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "todo.txt").write_text("keep me", encoding="utf-8")
    refused = loopwise("export", "--format", "markdown", str(mine), "--data-dir", str(data))
    assert refused.returncode == 1 and "not a folder Loopwise exported to" in refused.stderr
    assert [p.name for p in mine.iterdir()] == ["todo.txt"]


def test_importing_a_folder_without_notes_fails_and_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = loopwise("import", str(empty), "--data-dir", str(tmp_path / "profile"))
    assert result.returncode == 1
    assert f"No Markdown notes were found in {empty}." in result.stderr


def test_a_broken_import_file_names_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "loopwise-export", "version": 1,')
    result = loopwise("import", str(bad), "--data-dir", str(tmp_path / "profile"))
    assert result.returncode == 1
    assert (
        "bad.json is not valid JSON: a field name in double quotes is missing at line 1"
        in result.stderr
    )
    assert "(the file may have been cut off)" in result.stderr
