"""`loopwise export` and `import` open the profile with only what they need, and an import
still refuses a damaged profile before it writes anything."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from desktop import profile as profile_module
from desktop import safety_commands
from tests.backup_files import count_entries, damage, make_profile
from tests.fresh_python import modules_loaded_by, printed_by


def _no_paths(_folder: object) -> object:
    raise AssertionError("the learning paths were read")


def test_export_does_not_read_the_learning_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "profile"
    make_profile(data, entries=3)
    monkeypatch.setattr(profile_module, "load_library", _no_paths)
    target = tmp_path / "all.json"
    assert safety_commands.export_command(str(data), "json", str(target)) == 0
    assert '"title":"entry 2"' in target.read_text(encoding="utf-8")


def test_import_does_not_read_the_learning_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, data = tmp_path / "source", tmp_path / "profile"
    make_profile(source, entries=2)
    target = tmp_path / "all.json"
    assert safety_commands.export_command(str(source), "json", str(target)) == 0
    monkeypatch.setattr(profile_module, "load_library", _no_paths)
    assert safety_commands.import_command(str(data), str(target), assume_yes=True) == 0
    assert count_entries(data / "loopwise.sqlite3") == 2


def test_import_backs_up_and_remembers_the_backup_without_alembic(tmp_path: Path) -> None:
    source, data = tmp_path / "source", tmp_path / "profile"
    make_profile(source, entries=2)
    make_profile(data, entries=1)  # a profile to back up first
    target = tmp_path / "all.json"
    assert safety_commands.export_command(str(source), "json", str(target)) == 0
    loaded = modules_loaded_by(["--data-dir", str(data), "import", str(target), "--yes"])
    assert "alembic" not in loaded  # about 0.1 s of the command, for the backup's verdict
    assert count_entries(data / "loopwise.sqlite3") == 2  # the file's two, one replaced
    assert (data / "backups-checked.json").exists()


@pytest.mark.parametrize("kind", ["file", "notes"])
def test_import_refuses_a_damaged_profile_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    source, data = tmp_path / "source", tmp_path / "profile"
    make_profile(source, entries=2)
    target = tmp_path / ("all.json" if kind == "file" else "vault")
    file_format = "json" if kind == "file" else "markdown"
    assert safety_commands.export_command(str(source), file_format, str(target)) == 0
    database = make_profile(data, entries=300)
    damage(database)
    before = database.read_bytes()
    capsys.readouterr()

    assert safety_commands.import_command(str(data), str(target), assume_yes=True) == 1
    said = capsys.readouterr().err
    assert "cannot be opened" in said and "Nothing was imported" in said
    assert database.read_bytes() == before
    backups = data / "backups"
    assert not backups.exists() or not any(backups.iterdir())


def test_import_loads_no_qt_while_the_app_is_not_open(tmp_path: Path) -> None:
    source, data = tmp_path / "source", tmp_path / "profile"
    make_profile(source, entries=1)
    target = tmp_path / "all.json"
    assert safety_commands.export_command(str(source), "json", str(target)) == 0
    script = (
        "import sys\n"
        "from desktop.cli import main\n"
        f"code = main(['--data-dir', {str(data)!r}, 'import', {str(target)!r}, '--yes'])\n"
        "print('qt loaded' if 'PySide6.QtCore' in sys.modules else 'no qt')\n"
        "sys.exit(code)\n"
    )
    printed = printed_by(script)
    assert printed.endswith("no qt")


def test_the_commands_run_with_the_collector_resting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.cli import main

    seen: list[bool] = []

    def export(*_args: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(safety_commands, "export_command", export)
    assert gc.isenabled()
    assert main(["--data-dir", str(tmp_path), "export", str(tmp_path / "all.json")]) == 0
    assert seen == [False]
    assert gc.isenabled()  # on again once the command is done


def test_judging_a_backup_of_the_current_schema_loads_no_alembic(tmp_path: Path) -> None:
    database = make_profile(tmp_path / "profile", entries=1)
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from desktop.store.backup_check import judge_backup\n"
        f"verdict = judge_backup(Path({str(database)!r}))\n"
        "assert verdict.contents is not None, verdict.problem\n"
        "print('alembic loaded' if 'alembic' in sys.modules else 'no alembic')\n"
    )
    printed = printed_by(script)
    assert printed == "no alembic"
