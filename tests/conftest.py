"""Shared fixtures: every test gets its own data folder and its own real SQLite database."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.clock import CLOCK_START_ENV, parse_moment
from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from tests.clocks import StepClock


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock-start",
        default=None,
        help="start the app's clock at this ISO date and time (local unless an offset is "
        "given); run with -m any_date, the tests written to pass from any moment",
    )


def pytest_configure(config: pytest.Config) -> None:
    start = config.getoption("--clock-start")
    if start:
        parse_moment(start)  # a typo fails the run at once, not test by test
        # In the environment, so the app started by a test in another process shifts too.
        os.environ[CLOCK_START_ENV] = start


@pytest.fixture(autouse=True)
def widgets_deleted_after_the_test() -> Iterator[None]:
    """pytest-qt closes a test's widgets and asks Qt to delete them later, but outside an
    event loop "later" never comes: every window of every test stayed alive, its dialog
    keeper still fitting later tests' dialogs to the screen, and re-styling them all made
    each test's theme slower than the last. They are deleted here, once the test is over
    (tests that never loaded Qt do not load it for this)."""
    yield
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QApplication

        if QApplication.instance() is not None:
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def folder(tmp_path: Path) -> ProfileFolder:
    folder = ProfileFolder(tmp_path / "profile")
    folder.ensure()
    return folder


@pytest.fixture
def clock() -> StepClock:
    return StepClock()


@pytest.fixture
def profile(folder: ProfileFolder, clock: StepClock) -> Iterator[Profile]:
    opened = open_profile(folder, clock=clock)
    yield opened
    opened.close()
