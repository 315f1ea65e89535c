"""The system libraries the README lists are the ones CI installs, and they are enough for
Qt's xcb plugin (the one a real X server uses) to load."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
XCB_NEEDS = {
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxcb-randr0",
    "libxcb-shape0",
    "libxcb-xkb1",
    "libxcb-cursor0",
    "libxkbcommon-x11-0",
}


def _readme_packages() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Running without a screen", 1)[1].split("\n## ", 1)[0]
    quoted = " ".join(re.findall(r"`([^`]*)`", section, flags=re.DOTALL))
    return set(re.findall(r"\blib[a-z0-9.+-]+\b", quoted))


def _ci_packages() -> set[str]:
    text = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    after = text.split("qt_libs=(", 1)[1]
    code = " ".join(line.split("#", 1)[0] for line in after.splitlines())
    return set(code.split(")", 1)[0].split())


def test_the_readme_names_what_the_xcb_plugin_needs() -> None:
    assert _readme_packages() >= XCB_NEEDS


def test_ci_installs_every_library_the_readme_names() -> None:
    assert _readme_packages() <= _ci_packages()


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="Linux only"
)
def test_the_xcb_plugin_finds_every_library_it_links_to() -> None:
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        pytest.skip("this PySide6 has no xcb plugin")
    linked = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False)
    missing = [line.split()[0] for line in linked.stdout.splitlines() if "not found" in line]
    assert missing == [], f"install the packages the README lists; missing: {missing}"
