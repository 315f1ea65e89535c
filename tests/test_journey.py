"""End to end: the real main window on a temporary data folder, used and restarted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.domain.progress import ItemStatus
from desktop.paths import AppPaths
from desktop.profile import open_profile
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import build_main_window
from desktop.ui.path.page import PathPage
from desktop.ui.theme import Scheme, apply_theme
from tests.samples import SMALL_PATH


def _start(app_paths: AppPaths) -> tuple[MainWindow, PathPage]:
    profile = open_profile(app_paths)
    settings = QSettings(str(app_paths.ui_state_file), QSettings.Format.IniFormat)
    window = build_main_window(AppContext(profile, settings))
    window.show()
    page = window.current_page()
    assert isinstance(page, PathPage)
    return window, page


def _stop(window: MainWindow) -> None:
    window.close()
    window.context.profile.close()
    window.deleteLater()


def test_progress_and_notes_survive_a_restart(qtbot, qapp, tmp_path: Path) -> None:
    apply_theme(qapp, Scheme.DARK)
    app_paths = AppPaths(tmp_path / "journey")

    window, page = _start(app_paths)
    page.select_item("number-of-islands")
    page.set_current_status(ItemStatus.IN_PROGRESS)
    page.set_current_status(ItemStatus.DONE)
    page.panel.notes_editor.setPlainText("BFS from every unvisited land cell.\n\n- [x] visited set")
    page.select_item("course-schedule")
    page.status_actions[ItemStatus.NEEDS_REVIEW].trigger()
    page.select_path("sre-devops")
    first_sre = page.model.item_at(page.model.index(0, 0, page.model.index(0, 0)))
    assert first_sre is not None
    page.set_status(first_sre.id, ItemStatus.IN_PROGRESS)
    page.select_path("backend-senior")
    page.hide_difficulty.setChecked(True)
    _stop(window)

    window, page = _start(app_paths)
    assert page.current_path_id() == "backend-senior"
    assert page.hide_difficulty.isChecked()
    checklist = page.checklist
    assert checklist is not None
    islands = checklist.find("number-of-islands")
    assert islands is not None and islands.status is ItemStatus.DONE
    assert islands.notes.startswith("BFS from every unvisited land cell.")
    course = checklist.find("course-schedule")
    assert course is not None and course.status is ItemStatus.NEEDS_REVIEW
    page.select_item("number-of-islands")
    assert "Done since" in page.panel.history.text()
    assert "In progress" in page.panel.history.text()
    page.select_path("sre-devops")
    assert page.checklist is not None
    sre = page.checklist.find(first_sre.id)
    assert sre is not None and sre.status is ItemStatus.IN_PROGRESS
    _stop(window)


def test_an_item_dropped_from_a_path_file_is_shown_as_retired(qtbot, qapp, tmp_path: Path) -> None:
    apply_theme(qapp, Scheme.LIGHT)
    app_paths = AppPaths(tmp_path / "retired")
    app_paths.ensure()
    mine = SMALL_PATH
    extra = '\n[[stages.items]]\nid = "b"\ntitle = "Drill B"\nkind = "code"\n'
    extra += 'difficulty = "easy"\ntarget_minutes = 15\ntopics = ["y"]\n'
    (app_paths.user_paths_dir / "mine.toml").write_text(mine + extra)

    window, page = _start(app_paths)
    page.select_path("mine")
    page.set_status("b", ItemStatus.DONE)
    page.select_item("b")
    page.panel.notes_editor.setPlainText("keep me")
    _stop(window)

    # A new version of the file no longer has item "b".
    (app_paths.user_paths_dir / "mine.toml").write_text(mine)
    window, page = _start(app_paths)
    page.select_path("mine")
    assert page.checklist is not None
    retired = page.checklist.find("b")
    assert retired is not None and retired.is_retired
    assert retired.status is ItemStatus.DONE and retired.notes == "keep me"
    assert page.overall_label.toolTip().startswith("0 of 1 done")
    _stop(window)
