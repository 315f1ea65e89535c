"""A broken, huge or odd ui-state.ini never stops or freezes the start: it is moved aside
and the window opens with its usual layout (real files, a real pipe, the real start-up)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop.ui.ui_state_file import REFUSED_SUFFIX, UI_STATE_LIMIT, open_ui_state
from tests.test_cli import loopwise


def _open(path: Path) -> tuple[QSettings, list[str]]:
    said: list[str] = []
    settings = open_ui_state(path, note=said.append)
    return settings, said


def test_a_usual_file_is_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "ui-state.ini"
    path.write_text("[window]\nwidth=1234\n")
    settings, said = _open(path)
    assert settings.value("window/width") == "1234"
    assert said == []


def test_a_missing_file_is_a_first_start(tmp_path: Path) -> None:
    settings, said = _open(tmp_path / "ui-state.ini")
    assert settings.value("window/width") is None
    assert said == []


def test_a_huge_file_is_moved_aside_unread(tmp_path: Path) -> None:
    path = tmp_path / "ui-state.ini"
    path.write_text("[window]\nwidth=1234\n" + "x=" + "y" * UI_STATE_LIMIT + "\n")
    size = path.stat().st_size

    settings, said = _open(path)

    assert settings.value("window/width") is None
    refused = tmp_path / ("ui-state.ini" + REFUSED_SUFFIX)
    assert refused.stat().st_size == size and not path.exists()
    assert said == [
        f"{path} is larger than 250 KB, so it was moved to {refused}; the window starts "
        "with its usual layout."
    ]
    settings.setValue("window/width", 800)
    settings.sync()
    assert "800" in path.read_text()  # a new one is written in its place


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_is_moved_aside_without_being_opened(tmp_path: Path) -> None:
    path = tmp_path / "ui-state.ini"
    os.mkfifo(path)
    _settings, said = _open(path)  # would wait for a writer for ever
    assert said and "is not a plain file" in said[0]
    assert not path.exists()


def test_a_folder_in_its_place_that_cannot_be_moved_gives_a_scratch_layout(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ui-state.ini"
    path.mkdir()
    (tmp_path / ("ui-state.ini" + REFUSED_SUFFIX)).mkdir()
    (tmp_path / ("ui-state.ini" + REFUSED_SUFFIX) / "full").write_text("x")  # cannot replace

    settings, said = _open(path)
    settings.setValue("window/width", 800)
    settings.sync()

    assert said == [f"{path} is not a plain file, so the window starts with its usual layout "
                    "this time."]  # fmt: skip
    assert path.is_dir() and settings.value("window/width") == 800


def test_a_garbled_file_within_the_limit_is_left_to_qt(tmp_path: Path) -> None:
    path = tmp_path / "ui-state.ini"
    path.write_bytes(os.urandom(UI_STATE_LIMIT // 2))
    settings, said = _open(path)
    assert said == [] and settings.value("window/width") is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_the_app_starts_with_a_pipe_or_a_huge_file_as_its_ui_state(tmp_path: Path) -> None:
    for number, make in enumerate(
        (
            lambda path: os.mkfifo(path),
            lambda path: path.write_text("[a]\n" + "k=v\n" * 2_000_000),
            lambda path: path.symlink_to("/dev/zero"),
        )
    ):
        data = tmp_path / f"profile-{number}"
        data.mkdir()
        make(data / "ui-state.ini")

        started = loopwise("--data-dir", str(data), "--exit-after-startup", timeout=60)

        assert started.returncode == 0, started.stderr
        assert "ui-state.ini" in started.stderr and "usual layout" in started.stderr
        assert (data / "ui-state.ini.refused").exists() or (
            data / "ui-state.ini.refused"
        ).is_symlink()
