"""The desktop bundle builds, starts without a screen and renders every page.

Slow (about a minute) and needs PyInstaller (pip install -e '.[package]'), so it is outside the
default run:  .venv/bin/python -m pytest -m bundle tests/test_bundle.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parent.parent
SIZE_LIMIT_MB = 200


def _folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


@pytest.mark.bundle
def test_the_bundle_builds_starts_and_renders_its_screenshots(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHON=sys.executable, QT_QPA_PLATFORM="offscreen")
    build = subprocess.run(
        [str(ROOT / "packaging" / "build_bundle.sh")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    bundle = ROOT / "dist" / "loopwise"
    shots = tmp_path / "shots"
    run = subprocess.run(
        [str(bundle / "loopwise"), "screenshot", str(shots), "--demo",
         "--data-dir", str(tmp_path / "profile")],
        env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    pages = {path.name for path in shots.glob("*.png")}
    expected = ("learning-path", "practice-log", "journal", "stories", "trends", "plan")
    assert {f"{page}.png" for page in expected} <= pages
    for page in shots.glob("*.png"):
        assert QImage(str(page)).width() == 1280
    size_mb = _folder_size(bundle) / 1_000_000
    print(f"bundle size: {size_mb:.0f} MB")
    assert size_mb <= SIZE_LIMIT_MB
