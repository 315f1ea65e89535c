"""The Learning path in the window before its page is built: the Item menu and the import
commands are there from the start, the checklist (path files, progress) is read later."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.lazy_page import LazyPage
from desktop.ui.page import Page
from desktop.ui.path.item_actions import ItemActions


class PathPageShell(LazyPage):
    """Builds the PathPage when first shown, or after the window's first paint when it is
    the remembered page, so start-up never waits for the path files and the checklist.
    The window's menus never change by page, so the Item menu is made now; its commands
    stay off until the page is built and on show."""

    def __init__(self, context: AppContext) -> None:
        super().__init__(page_info.PATH, self._build_page)
        self._context = context
        self.item_actions = ItemActions(self, active=False)
        self.item_actions.import_path.triggered.connect(self._import_path)
        self.item_actions.import_quiz.triggered.connect(self._import_quiz)

    def _build_page(self) -> Page:
        from desktop.ui.path.page import PathPage

        return PathPage(self._context, actions=self.item_actions)

    def _import_path(self) -> None:
        from desktop.ui.path.page import PathPage

        page = self.real
        assert isinstance(page, PathPage)
        page.import_path_from_dialog()

    def _import_quiz(self) -> None:
        from desktop.ui.path.quiz_import import import_quiz_from_dialog

        import_quiz_from_dialog(self._context, self)

    def menus(self) -> list[QMenu]:
        return [self.item_actions.menu]

    def file_actions(self) -> list[QAction]:
        return [self.item_actions.import_path, self.item_actions.import_quiz]
