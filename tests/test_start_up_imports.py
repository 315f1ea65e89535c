"""What a start loads before the window's first paint: the pages' code and the learning paths
wait until after it, and the database layer loads before PySide6 (whose import hook reads
the source of every module imported after it)."""

from __future__ import annotations

from pathlib import Path

from tests.fresh_python import modules_loaded_by

LATER = (
    "desktop.ui.path.page",  # the Learning path page, built after the first paint
    "desktop.store.path_library",  # the path files, read by that page
    "desktop.domain.curriculum",  # their model (pydantic)
    "desktop.ui.journal.page",
    "desktop.ui.plan.page",
    "desktop.ui.stories.page",
    "desktop.ui.trends.page",
    "desktop.ui.practice.log_page",
    "alembic",  # only when there is something to migrate
)


def _modules_at_first_paint(data_dir: Path) -> list[str]:
    return modules_loaded_by(["--data-dir", str(data_dir), "--exit-after-startup"])


def test_a_start_paints_before_the_pages_and_paths_are_loaded(tmp_path: Path) -> None:
    _modules_at_first_paint(tmp_path / "profile")  # the first start makes the database
    loaded = _modules_at_first_paint(tmp_path / "profile")
    assert "desktop.ui.path.shell" in loaded  # the window was made
    assert [name for name in LATER if name in loaded] == []
    # sys.modules keeps the order modules were loaded in.
    dialect = loaded.index("sqlalchemy.dialects.sqlite.pysqlite")
    assert dialect < loaded.index("PySide6.QtCore")
