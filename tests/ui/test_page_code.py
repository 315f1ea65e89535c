"""The pages' code is loaded on a worker once the window is up, so a first click only builds."""

from __future__ import annotations

import importlib
import threading
from types import ModuleType

import pytest
from PySide6.QtCore import QObject

from desktop.ui import page_code, pages
from desktop.ui.context import AppContext
from desktop.ui.path.shell import PathPageShell


@pytest.fixture
def imported(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Each module page_code imports, and whether it was imported on the UI thread."""
    noted: list[tuple[str, bool]] = []
    real = importlib.import_module

    def noting(name: str, package: str | None = None) -> ModuleType:
        noted.append((name, threading.current_thread() is threading.main_thread()))
        return real(name, package)

    monkeypatch.setattr(page_code.importlib, "import_module", noting)
    return noted


def test_every_pages_code_is_imported_on_a_worker(
    qtbot, context: AppContext, imported: list[tuple[str, bool]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(page_code, "LOAD_AFTER_MS", 10)
    owner = QObject()
    page_code.load_page_code_later(context.workers, owner)
    assert imported == []  # later, not now
    qtbot.waitUntil(lambda: len(imported) == len(page_code.PAGE_MODULES), timeout=10_000)
    assert [name for name, _ in imported] == list(page_code.PAGE_MODULES)
    assert not any(on_ui_thread for _, on_ui_thread in imported)
    assert context.workers.wait_until_idle(10)


def test_the_list_names_the_module_of_every_page_built_on_first_show(
    qtbot, context: AppContext
) -> None:
    shell = PathPageShell(context)
    qtbot.addWidget(shell)
    built = [shell.real]
    for build in (pages._practice_log, pages._journal, pages._stories, pages._trends, pages._plan):
        page = build(context)
        qtbot.addWidget(page)
        built.append(page)
    assert sorted(type(page).__module__ for page in built) == sorted(page_code.PAGE_MODULES)
