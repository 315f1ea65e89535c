"""Shared fixtures: every test gets its own data folder and its own real SQLite database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.paths import AppPaths
from desktop.profile import Profile, open_profile


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    paths = AppPaths(tmp_path / "profile")
    paths.ensure()
    return paths


@pytest.fixture
def profile(app_paths: AppPaths) -> Iterator[Profile]:
    opened = open_profile(app_paths)
    yield opened
    opened.close()
