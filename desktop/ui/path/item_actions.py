"""The commands a user can give about checklist items: in the Item menu and the context menu."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.domain.item_status import ItemStatus
from desktop.ui.window_keys import CTRL_ENTER

if TYPE_CHECKING:
    from desktop.domain.progress import ChecklistItem

ADD_ITEM_KEYS = "Ctrl+Shift+A"  # not Ctrl+Shift+N: that is File > New story on every page
_STATUS_SHORTCUTS = {
    ItemStatus.TODO: "Ctrl+Shift+T",
    ItemStatus.IN_PROGRESS: "Ctrl+Shift+P",
    ItemStatus.DONE: "Ctrl+Shift+D",
    ItemStatus.NEEDS_REVIEW: "Ctrl+Shift+R",
}


class ItemActions(QObject):
    """The Learning path's commands, added to `parent` for their shortcuts, with the Item
    menu of the menu bar (`menu`). The window makes them before the page is built (its
    menus never change by page), so they start off until the page says it is on show."""

    def __init__(self, parent: QWidget, *, active: bool = True) -> None:
        super().__init__(parent)
        group = QActionGroup(self)
        group.setExclusive(True)
        self.status: dict[ItemStatus, QAction] = {}
        for status, keys in _STATUS_SHORTCUTS.items():
            action = QAction(status.label, parent)
            action.setCheckable(True)
            action.setShortcut(QKeySequence(keys))
            group.addAction(action)
            parent.addAction(action)
            self.status[status] = action

        # Ctrl+Enter anywhere on the page; plain Enter in the list does the same (the page).
        self.start = QAction("Start practice session", parent)
        self.start.setShortcuts([QKeySequence(keys) for keys in CTRL_ENTER])
        self.start.setStatusTip("Time a practice session on the chosen item")
        parent.addAction(self.start)

        self.add = QAction("&Add item…", parent)
        self.add.setShortcut(QKeySequence(ADD_ITEM_KEYS))
        parent.addAction(self.add)

        # Delete removes only while the list has the focus, never text in the notes editor
        # (the page adds it to its list: attach_list).
        self.remove = QAction("&Remove item…", parent)
        self.remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        # Importing works from any page (the window then shows the Learning path).
        self.import_path = QAction("Import &path file…", parent)
        self.import_path.setShortcut(QKeySequence("Ctrl+I"))
        parent.addAction(self.import_path)
        self.import_quiz = QAction("Import q&uiz file…", parent)

        self._active = active
        self._entry: ChecklistItem | None = None
        self.update_for(None)
        self.menu = self.build_menu("&Item", parent)

    def attach_list(self, tree: QWidget) -> None:
        """The checklist whose keyboard focus the Delete shortcut needs."""
        tree.addAction(self.remove)

    def update_for(self, entry: ChecklistItem | None) -> None:
        self._entry = entry
        usable = self._active and entry is not None and not entry.is_retired
        self.start.setEnabled(usable)
        for status, action in self.status.items():
            action.setEnabled(usable)
            action.setChecked(usable and entry is not None and entry.status is status)
        self.remove.setEnabled(self._active and entry is not None and entry.is_custom)
        self.add.setEnabled(self._active)

    def set_active(self, active: bool) -> None:
        """Only the page on show answers its shortcuts; elsewhere the Item menu stays in the
        menu bar (menus never change by page) with its commands off."""
        self._active = active
        self.update_for(self._entry)

    def build_menu(self, title: str, parent: QWidget) -> QMenu:
        menu = QMenu(title, parent)
        menu.setAccessibleName(title.replace("&", ""))
        menu.addAction(self.start)
        menu.addSeparator()
        status_menu = menu.addMenu("Set &status")
        for action in self.status.values():
            status_menu.addAction(action)
        # Off when every status in it is (another page, no item chosen): not a submenu that
        # opens onto four greyed-out entries.
        menu.aboutToShow.connect(
            lambda: status_menu.menuAction().setEnabled(
                any(action.isEnabled() for action in self.status.values())
            )
        )
        menu.addSeparator()
        menu.addAction(self.add)
        menu.addAction(self.remove)
        return menu
