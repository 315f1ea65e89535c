"""The pages' code, loaded on a worker thread once the window is up.

A page is built the first time it is shown, and until then its code is not even imported
(the window paints sooner). Importing it then was most of a first click's wait: 0.1 to
0.2 s a page with the window frozen, more than building the page. A couple of seconds
after the start the worker imports every page's modules, which touches no widget; the
click then only builds. A click that comes sooner imports as before (or waits for the
worker to finish that module), and an import that fails here fails again, and is told,
on the click."""

from __future__ import annotations

import importlib
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, QTimer

from desktop.ui.background import Workers

PAGE_MODULES = (
    "desktop.ui.path.page",
    "desktop.ui.practice.log_page",
    "desktop.ui.journal.page",
    "desktop.ui.stories.page",
    "desktop.ui.trends.page",
    "desktop.ui.plan.page",
)
LOAD_AFTER_MS = 2_000  # after the first page is built and the start's own checks began


def load_page_code_later(workers: Workers, owner: QObject) -> None:
    """Load the pages' code LOAD_AFTER_MS from now, on a worker, while `owner` lives."""
    QTimer.singleShot(LOAD_AFTER_MS, owner, lambda: load_page_code(workers, owner))


def load_page_code(workers: Workers, owner: QObject) -> Future[Any]:
    return workers.run(_import_pages, _loaded, owner=owner)


def _import_pages() -> None:
    for name in PAGE_MODULES:
        importlib.import_module(name)


def _loaded(_nothing: object) -> None:
    """Nothing to hand back: the modules are in place for the first click."""
