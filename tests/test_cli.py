"""The command line, run as a user would run it: a real process on a real data folder."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop import __version__
from desktop.store.migrate import SCHEMA_HEAD
from tests.fresh_python import child_env
from tests.samples import SMALL_PATH, sample_text


def loopwise(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=child_env(),
        check=False,
    )


def test_version() -> None:
    result = loopwise("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Loopwise {__version__}"


def test_first_start_creates_a_migrated_wal_database(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    result = loopwise("--data-dir", str(data), "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(data / "loopwise.sqlite3") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            SCHEMA_HEAD,
        )


def test_data_dir_from_the_environment(tmp_path: Path) -> None:
    data = tmp_path / "from-env"
    env = child_env() | {"LOOPWISE_DATA_DIR": str(data)}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--exit-after-startup"],
        capture_output=True, text=True, timeout=60, env=env, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (data / "loopwise.sqlite3").exists()


def test_a_damaged_database_is_explained_and_never_overwritten(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    data.mkdir()
    database = data / "loopwise.sqlite3"
    database.write_bytes(b"this is not a database at all" * 100)
    before = database.read_bytes()

    result = loopwise("--data-dir", str(data), "--exit-after-startup")
    assert result.returncode == 2
    assert "not a SQLite database" in result.stderr
    assert "--start-fresh" in result.stderr
    assert database.read_bytes() == before

    fresh = loopwise("--data-dir", str(data), "--exit-after-startup", "--start-fresh")
    assert fresh.returncode == 0, fresh.stderr
    kept = list(data.glob("loopwise.damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == before
    # What happened, in the order it happened: the file was moved, not left where it was.
    assert "has not been changed" not in fresh.stderr
    assert f"moved aside to {kept[0]} and kept unchanged; starting a fresh profile" in (
        fresh.stderr
    )
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_paths_lists_shipped_paths_and_reports_bad_files(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    (data / "paths").mkdir(parents=True)
    good = loopwise("--data-dir", str(data), "paths")
    assert good.returncode == 0
    assert "backend-senior: Junior Backend to Senior Backend (7 stages" in good.stdout
    assert "sre-devops" in good.stdout and "ml-engineer" in good.stdout

    (data / "paths" / "broken.toml").write_text(
        SMALL_PATH.replace("target_minutes = 10", "target_minutes = 0")
    )
    bad = loopwise("--data-dir", str(data), "paths")
    assert bad.returncode == 1
    assert "broken.toml, line 15 (field 'stages[1].items[1].target_minutes')" in bad.stderr
    assert "backend-senior" in bad.stdout
    assert "Note: the quiz item" not in bad.stderr  # every shipped quiz item has its quiz


def test_paths_says_which_quiz_items_have_no_quiz_file(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    (data / "paths").mkdir(parents=True)
    (data / "paths" / "tiny.toml").write_text(sample_text("tiny-path.toml"), encoding="utf-8")
    listed = loopwise("--data-dir", str(data), "paths")
    assert listed.returncode == 0  # a note, not an error: the item can still be timed
    assert "the quiz item 'design-quiz' on tiny-path has no quiz file" in listed.stderr


def test_tags_lists_every_tag_with_its_other_names() -> None:
    listed = loopwise("tags")
    assert listed.returncode == 0
    assert "  hash-map: Hash map" in listed.stdout
    assert "Story themes (behavioral items only):" in listed.stdout


def test_import_path_accepts_a_good_file_and_refuses_a_bad_one(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    good = tmp_path / "good.toml"
    good.write_text(SMALL_PATH)
    result = loopwise("--data-dir", str(data), "import-path", str(good))
    assert result.returncode == 0, result.stderr
    assert "Imported 'My path' (1 stage, 1 item)" in result.stdout
    imported = (data / "paths" / "mine.toml").read_bytes()

    bad = tmp_path / "bad.toml"
    bad.write_text(
        SMALL_PATH.replace('title = "My path"', 'title = "Changed"').replace(
            'kind = "reading"', "kind = reading"
        )
    )
    refused = loopwise("--data-dir", str(data), "import-path", str(bad))
    assert refused.returncode == 1
    assert "Nothing was imported" in refused.stderr and "bad.toml, line 13" in refused.stderr
    assert sorted(p.name for p in (data / "paths").iterdir()) == ["mine.toml"]
    assert (data / "paths" / "mine.toml").read_bytes() == imported


def test_a_file_with_several_mistakes_is_refused_with_each_on_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.commands import import_path_command, list_paths_command

    data = tmp_path / "profile"
    bad = tmp_path / "bad.toml"
    bad.write_text(
        SMALL_PATH.replace('kind = "reading"', 'kind = "readng"').replace(
            "target_minutes = 10", "target_mins = 10"
        )
    )
    assert import_path_command(str(data), str(bad)) == 1
    said = capsys.readouterr().err.splitlines()
    assert said[0] == f"Nothing was imported. {bad} has 2 problems:"
    assert said[1].startswith(f"  {bad}, line 13 (field 'stages[1].items[1].kind'): ")
    assert said[1].endswith("did you mean 'reading'?")
    assert said[2] == (
        f"  {bad}, line 15 (field 'stages[1].items[1].target_mins'): "
        "this field is not known; did you mean 'target_minutes'?"
    )

    (data / "paths" / "bad.toml").write_bytes(bad.read_bytes())
    assert list_paths_command(str(data)) == 1
    skipped = capsys.readouterr().err.splitlines()
    assert skipped[0] == f"Skipped: {data / 'paths' / 'bad.toml'} has 2 problems:"
    assert len(skipped) == 3


def test_an_unknown_tag_on_the_command_line_says_where_every_tag_is_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from desktop.commands import import_path_command

    bad = tmp_path / "bad.toml"
    bad.write_text(SMALL_PATH.replace('topics = ["hash-map"]', 'topics = ["hash mapp"]'))
    assert import_path_command(str(tmp_path / "profile"), str(bad)) == 1
    said = capsys.readouterr().err
    assert said == (
        f"Nothing was imported. {bad}, line 16 (field 'stages[1].items[1].topics[1]'): the "
        "topic 'hash mapp' is not a tag Loopwise knows; did you mean 'hash-map'? "
        "(`loopwise tags` lists them)\n"
    )


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshot_renders_every_page(tmp_path: Path, theme: str) -> None:
    out = tmp_path / "shots"
    result = loopwise("screenshot", str(out), "--demo", "--theme", theme, "--size", "1024x700")
    assert result.returncode == 0, result.stderr
    image = QImage(str(out / "learning-path.png"))
    assert (image.width(), image.height()) == (1024, 700)
    background = image.pixelColor(image.width() - 5, image.height() // 2)
    assert (background.lightness() < 100) == (theme == "dark")


def test_screenshot_rejects_a_bad_size(tmp_path: Path) -> None:
    result = loopwise("screenshot", str(tmp_path), "--size", "huge")
    assert result.returncode == 2
    assert "WIDTHxHEIGHT" in result.stderr


def _start_app(data: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(data)],
        env=child_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _wait_for_lock(data: Path) -> None:
    deadline = time.monotonic() + 30
    while not (data / "loopwise.lock").exists():
        assert time.monotonic() < deadline, "the first instance never started"
        time.sleep(0.1)


def _second_start_until_settled(data: Path) -> subprocess.CompletedProcess[str]:
    """Ask until the first instance answers (it starts listening once its window is up)."""
    _wait_for_lock(data)
    deadline = time.monotonic() + 30
    while True:
        result = loopwise("--data-dir", str(data), "--exit-after-startup")
        if "already open" in result.stdout or time.monotonic() > deadline:
            return result
        assert result.returncode == 1, result.stderr  # held, not yet answering
        time.sleep(0.3)


def test_a_second_instance_raises_the_first_instead_of_opening_the_database(
    tmp_path: Path,
) -> None:
    data = tmp_path / "profile"
    first = _start_app(data)
    try:
        result = _second_start_until_settled(data)
        assert result.returncode == 0, result.stderr
        assert "already open" in result.stdout
        assert first.poll() is None  # the first one is still running
    finally:
        first.terminate()
        first.communicate(timeout=30)


def test_a_killed_instance_does_not_lock_the_profile_forever(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    first = _start_app(data)
    _wait_for_lock(data)
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=30)
    result = loopwise("--data-dir", str(data), "--exit-after-startup")
    assert result.returncode == 0, result.stderr


def test_import_path_will_not_replace_a_path_unless_asked(tmp_path: Path) -> None:
    data = tmp_path / "profile"
    clash = tmp_path / "clash.toml"
    clash.write_text(SMALL_PATH.replace('id = "mine"', 'id = "backend-senior"'))
    refused = loopwise("--data-dir", str(data), "import-path", str(clash))
    assert refused.returncode == 1
    assert "already here" in refused.stderr and "--replace" in refused.stderr
    assert not (data / "paths" / "backend-senior.toml").exists()

    replaced = loopwise("--data-dir", str(data), "import-path", str(clash), "--replace")
    assert replaced.returncode == 0, replaced.stderr
    listing = loopwise("--data-dir", str(data), "paths")
    assert "backend-senior: My path (1 stage, 1 item)" in listing.stdout


BLOCKER = "<a file where the folder should be>"  # stands for that file's path in `args`


@pytest.mark.parametrize(
    ("args", "said"),
    [
        pytest.param(
            ("screenshot", BLOCKER, "--demo"),
            "Cannot write screenshots",
            id="screenshots into a file instead of a folder",
        ),
        pytest.param(
            ("--data-dir", BLOCKER, "--exit-after-startup"),
            "cannot use its data folder",
            id="a data folder that cannot be created",
        ),
    ],
)
def test_a_file_where_a_folder_should_be_is_explained(
    tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    blocker = tmp_path / "taken"
    blocker.write_text("a file where the folder should be")
    result = loopwise(*(str(blocker) if arg == BLOCKER else arg for arg in args))
    assert result.returncode == 1
    assert said in result.stderr and "Traceback" not in result.stderr
    assert blocker.read_text() == "a file where the folder should be"


def test_ctrl_c_while_a_command_opens_its_profile_stops_without_a_traceback(
    tmp_path: Path,
) -> None:
    # A fresh interpreter, as the terminal's: the command is made to receive Ctrl+C (a real
    # SIGINT) while it runs, where a profile would be opening.
    interrupted = (
        "import signal, sys, desktop.weak_spots_command as command\n"
        # A terminal delivers Ctrl+C even when these tests run where it is ignored (a shell
        # starts background jobs with SIGINT ignored, and a child inherits that).
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "command.weak_spots_command = lambda *_a, **_k: signal.raise_signal(signal.SIGINT)\n"
        "from desktop.cli import main\n"
        "sys.exit(main(['weak-spots', '--data-dir', sys.argv[1]]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", interrupted, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        env=child_env(),
        check=False,
    )
    assert result.returncode == 130, result.stderr
    assert "Stopped (Ctrl+C)" in result.stderr and "Traceback" not in result.stderr
