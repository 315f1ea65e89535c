"""loopwise backup, restore, export and import, run as a user runs them."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

from tests.clocks import app_now
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


def test_a_json_export_to_a_markdown_name_is_refused(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    target = tmp_path / "notes.md"
    refused = loopwise("export", str(target), "--data-dir", str(data))
    assert refused.returncode == 2
    assert f"not {target} (try {tmp_path / 'notes.json'})" in refused.stderr
    assert not target.exists()


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


def test_the_command_line_backup_keeps_backups_by_the_settings_file(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    backups = data / "backups"
    backups.mkdir(exist_ok=True)
    ten_days_ago = app_now() - timedelta(days=10)
    old = {  # two from one day: the default rules keep one of them
        f"loopwise-{(ten_days_ago + timedelta(hours=hours)):%Y%m%d-%H%M%S-%f}-manual.sqlite3"
        for hours in (0, 1)
    }
    for name in old:  # whole copies: an unusable file that old is deleted whatever the rules
        with (
            closing(sqlite3.connect(data / "loopwise.sqlite3")) as source,
            closing(sqlite3.connect(backups / name)) as copy,
        ):
            source.backup(copy)
    (data / "settings.toml").write_text("[backups]\nkeep_all_days = 20\n")  # keep them all

    made = loopwise("backup", "--data-dir", str(data))

    assert made.returncode == 0, made.stderr
    assert old <= {path.name for path in backups.iterdir()}


def test_the_command_line_backup_explains_a_malformed_settings_file(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    (data / "settings.toml").write_text("[backups]\nkeep_all_days = 'lots'\n")
    made = loopwise("backup", "--data-dir", str(data))
    assert made.returncode == 0, made.stderr
    assert "settings.toml" in made.stderr and "defaults apply" in made.stderr


def test_restore_and_import_are_refused_while_the_app_has_the_data_folder_open(
    tmp_path: Path,
) -> None:
    from PySide6.QtCore import QLockFile

    data = tmp_path / "profile"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    _add_entry(data, "mine")
    export = tmp_path / "all.json"
    assert loopwise("export", str(export), "--data-dir", str(data)).returncode == 0
    made = loopwise("backup", "--data-dir", str(data))
    name = made.stdout.strip().rsplit("/", 1)[-1]
    running_app = QLockFile(str(data / "loopwise.lock"))  # held as the open window holds it
    running_app.setStaleLockTime(0)
    assert running_app.tryLock(0)
    try:
        restored = loopwise("restore", name, "--yes", "--data-dir", str(data))
        imported = loopwise("import", str(export), "--yes", "--data-dir", str(data))
    finally:
        running_app.unlock()

    for refused in (restored, imported):
        assert refused.returncode == 1
        assert "Loopwise is open with this data folder" in refused.stderr
    assert not list((data / "backups").glob("*-before-*"))  # nothing was even started
    assert _titles(data) == ["mine"]
    after = loopwise("import", str(export), "--yes", "--data-dir", str(data))
    assert after.returncode == 0, after.stderr  # once the app is closed, it goes ahead
