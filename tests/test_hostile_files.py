"""Files made to hurt: the app, `import-path` and `import` meet them as a user would.

Each hostile file is real (a FIFO, a link to a file outside the folder, TOML nested 50,000
deep, a 5,000-digit number, a file past the size limit, binary garbage, an empty file). None
may stop the app from starting, hang a command, print a traceback, or be read from outside
the folder it was found in.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from contextlib import closing
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from desktop.domain.data_file import MAX_FILE_BYTES
from tests.samples import SMALL_PATH
from tests.test_cli import loopwise

pytestmark = pytest.mark.skipif(
    not hasattr(os, "mkfifo") or sys.platform == "win32", reason="needs FIFOs and symlinks"
)

# A path that would load if the link to it were followed: its title must never appear.
OUTSIDE_PATH = SMALL_PATH.replace('id = "mine"', 'id = "outside"').replace(
    'title = "My path"', 'title = "Read from outside"'
)


def _hostile_toml_files(folder: Path, outside: Path) -> dict[str, str]:
    """Write one of each hostile file into `folder`; name -> what the message must say."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deep.toml").write_text("a = " + "[" * 50_000 + "]" * 50_000 + "\n")
    (folder / "digits.toml").write_text("a = " + "9" * 5_000 + "\n")
    (folder / "large-number.toml").write_text("format = 1\nid = 'x'\nbig = " + "9" * 40 + "\n")
    (folder / "huge.toml").write_text(SMALL_PATH + "#" * (MAX_FILE_BYTES + 10))
    (folder / "garbage.toml").write_bytes(bytes(range(256)) * 20)
    (folder / "empty.toml").write_bytes(b"")
    os.mkfifo(folder / "pipe.toml")
    outside.write_text(OUTSIDE_PATH)
    (folder / "link-out.toml").symlink_to(outside)
    return {
        "deep.toml": "nested too deeply",
        "digits.toml": "too many digits",
        "large-number.toml": "line 3 (field 'big'): the number is too large",
        "huge.toml": "larger than 2 MB",
        "garbage.toml": "not UTF-8 text",
        "empty.toml": "the file is empty",
        "pipe.toml": "a named pipe, not a regular file",
        "link-out.toml": f"is a link to {outside.resolve()}, outside",
    }


def test_hostile_files_in_the_paths_folder_never_stop_the_app_from_starting(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profile"
    expected = _hostile_toml_files(data / "paths", tmp_path / "outside.toml")
    (data / "paths" / "mine.toml").write_text(SMALL_PATH)

    started = loopwise("--data-dir", str(data), "--exit-after-startup", timeout=120)

    assert started.returncode == 0, started.stderr
    assert "Traceback" not in started.stderr

    # The window reads the path files after its first paint (when the Learning path page is
    # built, see tests/ui/test_path_page_after_paint.py); `loopwise paths` reads them now.
    listed = loopwise("--data-dir", str(data), "paths")
    assert listed.returncode == 1  # the bad files are reported
    for name, problem in expected.items():
        line = next((line for line in listed.stderr.splitlines() if f"paths/{name}" in line), "")
        assert line.startswith("Skipped:"), (name, listed.stderr)
        assert problem in line, (name, line)
    assert "mine: My path" in listed.stdout and "backend-senior" in listed.stdout
    assert "Read from outside" not in listed.stdout
    assert "Traceback" not in listed.stderr


def test_import_path_refuses_each_hostile_file_in_one_line(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    incoming = tmp_path / "incoming"
    expected = _hostile_toml_files(incoming, tmp_path / "outside.toml")
    expected.pop("link-out.toml")  # a file named on the command line may be a link

    for name, problem in expected.items():
        result = loopwise("--data-dir", str(data), "import-path", str(incoming / name))
        assert result.returncode == 1, (name, result.stdout)
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, (name, result.stderr)
        assert lines[0].startswith("Nothing was imported.") and name in lines[0], lines
        assert problem in lines[0], (name, lines[0])
    assert list((data / "paths").iterdir()) == []


def test_a_settings_file_that_is_a_pipe_or_too_deep_leaves_the_defaults(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    os.mkfifo(data / "settings.toml")
    backed_up = loopwise("backup", "--data-dir", str(data), timeout=60)
    assert backed_up.returncode == 0, backed_up.stderr
    assert "a named pipe" in backed_up.stderr and "defaults apply" in backed_up.stderr

    (data / "settings.toml").unlink()
    (data / "settings.toml").write_text("[backups]\nkeep_all_days = true\n")
    strict = loopwise("backup", "--data-dir", str(data))
    assert strict.returncode == 0, strict.stderr
    assert "keep_all_days" in strict.stderr and "defaults apply" in strict.stderr


def _export_with_a_session(tmp_path: Path) -> dict[str, object]:
    data = tmp_path / "exported"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    with closing(sqlite3.connect(data / "loopwise.sqlite3")) as connection:
        connection.execute(
            "INSERT INTO practice_session (id, started_at, active_seconds, outcome, confidence, "
            "title, logged_at) VALUES (7, '2026-11-02 09:00:00', 1800, 'solved', 3, 'Two sum', "
            "'2026-11-02 09:30:00')"
        )
        connection.commit()
    target = tmp_path / "all.json"
    assert loopwise("export", str(target), "--data-dir", str(data)).returncode == 0
    document: dict[str, object] = json.loads(target.read_text())
    return document


def _sessions_in(data: Path) -> list[tuple[int, object]]:
    with closing(sqlite3.connect(data / "loopwise.sqlite3")) as connection:
        return list(connection.execute("SELECT id, active_seconds FROM practice_session"))


def _refused_import(tmp_path: Path, document: object, data: Path) -> CompletedProcess[str]:
    """Import `document` into a new profile at `data` from the command line; it must fail."""
    source = tmp_path / "edited.json"
    source.write_text(json.dumps(document))
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    result = loopwise("import", str(source), "--yes", "--data-dir", str(data))
    assert result.returncode == 1, result.stdout
    return result


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("active_seconds", True, "expected a whole number, not true"),
        ("confidence", "3", 'expected a whole number, not "3"'),
        ("target_minutes", 30.0, "expected a whole number, not 30.0"),
    ],
)
def test_a_json_import_with_true_for_a_number_is_refused_naming_record_and_field(
    tmp_path: Path, field: str, value: object, said: str
) -> None:
    document = _export_with_a_session(tmp_path)
    session = document["sections"]["practice"]["sessions"][0]  # type: ignore[index]
    session[field] = value
    data = tmp_path / "profile"
    result = _refused_import(tmp_path, document, data)
    assert f"practice session 1 (id 7), field {field}: {said}." in result.stderr
    assert _sessions_in(data) == []


def test_a_json_import_of_a_pipe_a_huge_number_or_deep_nesting_is_refused(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profile"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    digits = tmp_path / "digits.json"
    digits.write_text('{"format": "loopwise-export", "version": ' + "1" * 5_000 + "}")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    garbage = tmp_path / "garbage.json"
    garbage.write_bytes(bytes(range(256)) * 20)
    empty = tmp_path / "empty.json"
    empty.write_bytes(b"")
    cases = {
        pipe: "a named pipe, not a regular file",
        digits: "a number with too many digits",
        deep: "nested too deeply",
        garbage: "is not a UTF-8 text file",
        empty: "is empty: there is nothing in it to import",
    }
    for source, problem in cases.items():
        result = loopwise("import", str(source), "--yes", "--data-dir", str(data), timeout=60)
        assert result.returncode == 1, (source.name, result.stdout)
        assert "Traceback" not in result.stderr
        assert source.name in result.stderr and problem in result.stderr, result.stderr


def _journal(data: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(data / "loopwise.sqlite3")) as connection:
        return list(connection.execute("SELECT title, body FROM journal_entry ORDER BY id"))


def test_a_markdown_import_never_follows_a_link_out_of_the_folder(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets"
    (secrets / "ssh").mkdir(parents=True)
    (secrets / "passwd").write_text("# root\nroot:x:0:0:root:/root:/bin/bash\n")
    (secrets / "ssh" / "2026-01-03.md").write_text("# key\nPRIVATE KEY\n")
    vault = tmp_path / "vault"
    (vault / "daily").mkdir(parents=True)
    (vault / "daily" / "2026-01-01.md").write_text("# Graphs\nBFS on a grid.\n")
    (vault / "daily" / "2026-01-02.md").symlink_to(secrets / "passwd")
    (vault / "linked").symlink_to(secrets / "ssh")
    os.mkfifo(vault / "daily" / "2026-01-04.md")
    (vault / "again.md").symlink_to(vault / "daily" / "2026-01-01.md")  # inside: read
    data = tmp_path / "profile"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0

    result = loopwise("import", str(vault), "--data-dir", str(data), timeout=60)

    assert result.returncode == 0, result.stderr
    assert _journal(data) == [("Graphs", "BFS on a grid.")]
    out = result.stdout
    assert out.startswith("1 journal entry was added. 1 note without a date was left out.")
    assert "These files were not read:" in out
    assert f"daily/2026-01-02.md: is a link to {(secrets / 'passwd').resolve()}, outside" in out
    assert f"linked/: is a link to {(secrets / 'ssh').resolve()}, outside" in out
    assert "daily/2026-01-04.md: cannot be read: it is not a regular file" in out


def test_a_markdown_import_of_only_links_out_finds_no_notes_and_says_why(
    tmp_path: Path,
) -> None:
    outside = tmp_path / "outside.md"
    outside.write_text("---\ndate: 2026-01-02\n---\n# secret\n")
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "2026-01-02.md").symlink_to(outside)
    data = tmp_path / "profile"
    assert loopwise("--data-dir", str(data), "--exit-after-startup").returncode == 0

    result = loopwise("import", str(vault), "--data-dir", str(data))

    assert result.returncode == 1
    assert "No Markdown notes were found" in result.stderr
    assert "2026-01-02.md: is a link to" in result.stderr
    assert _journal(data) == []


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        ("kind", "banana", "as an item of a path, kind: input should be 'code'"),
        ("title", "T" * 300, "as an item of a path, title: string should have at most 200"),
        ("target_minutes", 0, "as an item of a path, target_minutes: input should be greater"),
    ],
)
def test_a_custom_item_the_path_page_could_not_show_is_refused_on_import(
    tmp_path: Path, field: str, value: object, said: str
) -> None:
    item = {
        "path_id": "backend-senior", "item_id": "my-drill", "stage_id": "foundations",
        "title": "My drill", "kind": "reading", "difficulty": "easy", "target_minutes": 10,
        "created_at": "2026-11-02T09:00:00Z",
    }  # fmt: skip
    item[field] = value
    document = {
        "format": "loopwise-export",
        "version": 1,
        "sections": {"progress": {"custom_items": [item]}},
    }
    data = tmp_path / "profile"
    result = _refused_import(tmp_path, document, data)
    assert "custom item 1 (path_id 'backend-senior', item_id 'my-drill'" in result.stderr
    assert said in result.stderr, result.stderr
    with closing(sqlite3.connect(data / "loopwise.sqlite3")) as connection:
        assert connection.execute("SELECT count(*) FROM custom_item").fetchone() == (0,)
