"""PySide's per-import source check leaves no copy of each module's source behind."""

from __future__ import annotations

import linecache
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.ui.module_sources import keep_no_module_sources


@pytest.fixture
def module_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.syspath_prepend(str(tmp_path))
    yield tmp_path
    for name in ("loopwise_probe_uses_qt", "loopwise_probe_plain"):
        sys.modules.pop(name, None)


def test_imported_modules_sources_are_not_kept_and_pyside_still_tells_them_apart(
    module_dir: Path,
) -> None:
    (module_dir / "loopwise_probe_uses_qt.py").write_text("import PySide6  # noqa\n")
    (module_dir / "loopwise_probe_plain.py").write_text("X = 1\n")
    keep_no_module_sources()
    keep_no_module_sources()  # wrapped once, however often asked
    # Through the import statement's hook, where PySide checks each new module.
    __import__("loopwise_probe_uses_qt")
    __import__("loopwise_probe_plain")
    assert not [name for name in linecache.cache if "loopwise_probe" in name]
    feature = sys.modules["shibokensupport.feature"]
    assert feature.pyside_feature_dict["loopwise_probe_uses_qt"] == 0  # as PySide decides
    assert feature.pyside_feature_dict["loopwise_probe_plain"] == -1
    assert not hasattr(feature._mod_uses_pyside.__wrapped_check__, "__wrapped_check__")


def test_sources_already_kept_are_dropped_but_code_made_at_run_time_stays(
    module_dir: Path,
) -> None:
    source = module_dir / "kept.py"
    source.write_text("X = 1\n")
    assert linecache.getlines(str(source)) == ["X = 1\n"]
    made = "<loopwise generated code>"
    linecache.cache[made] = (6, None, ["X = 1\n"], made)
    try:
        keep_no_module_sources()
        assert str(source) not in linecache.cache and made in linecache.cache
        assert linecache.getline(str(source), 1) == "X = 1\n"  # read again when asked
    finally:
        linecache.cache.pop(made, None)
