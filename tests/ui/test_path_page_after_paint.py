"""The Learning path page, like every page, is built after the window's first paint or when
first shown; its Item menu and import commands are in the window from the start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.app import report_skipped_path_files, report_skipped_quiz_files
from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.lazy_page import LazyPage
from desktop.ui.pages import build_main_window
from desktop.ui.path.page import PathPage
from desktop.ui.path.shell import PathPageShell


def _remembering(context: AppContext, key: str) -> AppContext:
    settings = QSettings(str(context.profile.folder.ui_state_file), QSettings.Format.IniFormat)
    settings.setValue("window/page", key)
    settings.sync()
    return AppContext(context.profile, settings)


def _shell(window: object) -> PathPageShell:
    page = next(p for p in window.pages if p.page_key == page_info.PATH.key)  # type: ignore[attr-defined]
    assert isinstance(page, PathPageShell)
    return page


def test_the_learning_path_is_built_once_the_window_has_painted(qtbot, context: AppContext) -> None:
    window = build_main_window(_remembering(context, page_info.PATH.key))
    qtbot.addWidget(window)
    shell = _shell(window)
    assert not shell.built
    window.show()
    assert not shell.built  # the frame and the sidebar paint first
    qtbot.waitUntil(lambda: shell.built, timeout=5000)
    page = window.current_page()
    assert isinstance(page, PathPage) and page.isVisible()
    assert page.current_path_id()  # a path and its checklist are on show


def test_the_item_menu_is_there_before_the_page_and_on_once_it_is_built(
    qtbot, context: AppContext
) -> None:
    window = build_main_window(_remembering(context, page_info.JOURNAL.key))
    qtbot.addWidget(window)
    shell = _shell(window)
    actions = shell.item_actions
    assert actions.menu in window.top_menus()
    assert not shell.built
    # Nothing to act on yet: the item commands are off, the imports are on.
    assert not actions.add.isEnabled() and not actions.start.isEnabled()
    assert not any(action.isEnabled() for action in actions.status.values())
    assert actions.import_path.isEnabled() and actions.import_quiz.isEnabled()
    window.show()
    qtbot.waitExposed(window)
    window.show_page(page_info.PATH.key)
    assert shell.built
    page = window.current_page()
    assert isinstance(page, PathPage) and page.item_actions is actions
    assert actions.add.isEnabled()
    assert page.select_item("3sum")
    assert all(action.isEnabled() for action in actions.status.values())


def test_importing_a_path_from_another_page_builds_the_learning_path_for_it(
    qtbot, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[PathPage] = []
    monkeypatch.setattr(PathPage, "import_path_from_dialog", lambda self: asked.append(self))
    window = build_main_window(_remembering(context, page_info.JOURNAL.key))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    shell = _shell(window)
    shell.item_actions.import_path.trigger()
    assert shell.built and asked == [shell.real]  # asked once, by the page itself
    assert window.current_page() is shell.real


def test_skipped_path_files_are_reported_when_the_page_reads_them(
    qtbot, context: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = context.profile.folder
    (folder.path_files_dir / "broken.toml").write_text("format = [\n", encoding="utf-8")
    context.profile.reload_library()  # as a fresh start would find the folder
    context.profile._library = None
    context.profile.library_read = report_skipped_path_files
    window = build_main_window(_remembering(context, page_info.PATH.key))
    qtbot.addWidget(window)
    window.show()
    assert "broken.toml" not in capsys.readouterr().err  # not read before the first paint
    qtbot.waitUntil(lambda: _shell(window).built, timeout=5000)
    reported = [line for line in capsys.readouterr().err.splitlines() if "broken.toml" in line]
    assert len(reported) == 1 and reported[0].startswith("Skipped a path file:")


def test_skipped_quiz_files_are_reported_as_path_files_are(
    qtbot, context: AppContext, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = context.profile.folder
    (folder.quiz_files_dir / "broken-quiz.toml").write_text("id = [\n", encoding="utf-8")
    context.profile.reload_library()  # as a fresh start would find the folder
    context.profile._library = None
    context.profile.library_read = report_skipped_path_files
    context.profile.quizzes_read = report_skipped_quiz_files
    window = build_main_window(_remembering(context, page_info.PATH.key))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: _shell(window).built, timeout=5000)
    reported = [line for line in capsys.readouterr().err.splitlines() if "broken-quiz" in line]
    assert len(reported) == 1 and reported[0].startswith("Skipped a quiz file:")
    assert str(folder.quiz_files_dir / "broken-quiz.toml") in reported[0]
    context.profile.reload_library()  # an import reads them again: not a start-up
    assert context.profile.quizzes.errors
    assert "broken-quiz" not in capsys.readouterr().err


def _broken_files(context: AppContext) -> None:
    folder = context.profile.folder
    (folder.path_files_dir / "broken.toml").write_text("format = [\n", encoding="utf-8")
    (folder.quiz_files_dir / "broken-quiz.toml").write_text("id = [\n", encoding="utf-8")
    context.profile._library = None  # as a fresh start finds the folders


@pytest.mark.parametrize("opened_on", [page_info.JOURNAL.key, page_info.PATH.key])
def test_skipped_files_are_printed_at_start_up_before_any_page_is_built(
    qtbot, context: AppContext, opened_on: str
) -> None:
    """Whichever page the window opens on: not only once the Learning path is visited."""
    from desktop.app import show_main_window

    _broken_files(context)
    said: list[str] = []
    context.profile.library_read = lambda library: said.append(f"paths {len(library.errors)}")
    context.profile.quizzes_read = lambda quizzes: said.append(f"quizzes {len(quizzes.errors)}")
    remembered = _remembering(context, opened_on)
    window = show_main_window(remembered, offer_recovery=False)
    qtbot.addWidget(window)
    front = window.stack.currentWidget()
    assert isinstance(front, LazyPage) and not front.built
    build = front._build
    front._build = lambda: (said.append("page building"), build())[1]
    qtbot.waitUntil(lambda: front.built, timeout=5000)
    qtbot.waitUntil(lambda: "quizzes 1" in said, timeout=5000)
    assert said == ["paths 1", "quizzes 1", "page building"]
    assert not _shell(window).built or opened_on == page_info.PATH.key
