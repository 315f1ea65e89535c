"""Help > Keyboard shortcuts: every shortcut the window has, read from its actions.

Read from the menus, the pages' own actions and described shortcuts, the keys pages' widgets
handle themselves (desktop/ui/page_keys.py), and the keys the windows beside the main one bind
(desktop/ui/window_keys.py), rather than kept by hand, so the sheet cannot fall behind when a
shortcut is added or changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import window_keys
from desktop.ui.enter_on_buttons import PRESS_FOCUSED
from desktop.ui.page_keys import noted_keys

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

Group = tuple[str, list[tuple[str, str]]]  # a heading, then (what it does, its keys)


def menu_label(text: str) -> str:
    """A menu text as read: without the mnemonic marks or a trailing ellipsis."""
    return re.sub(r"&(.)", r"\1", text).removesuffix("…").strip()


def shortcut_groups(window: MainWindow) -> list[Group]:
    """The window's shortcuts, by menu, then the ones each page has outside the menus."""
    groups: list[Group] = []
    seen: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if not isinstance(menu, QMenu):
            continue
        rows = [_row(action) for action in _menu_actions(menu) if _wanted(action, seen)]
        if rows:
            groups.append((menu_label(top.text()), rows))
    for page in window.pages:
        real = window.page(page.page_key)
        rows = [_row(action) for action in real.findChildren(QAction) if _wanted(action, seen)]
        # A bare shortcut (one with no action, as the journal's Ctrl+S) is listed by what its
        # "What's this" text says it does.
        rows += [
            (shortcut.whatsThis(), _keys([shortcut.key()]))
            for shortcut in real.findChildren(QShortcut)
            if shortcut.whatsThis()
        ]
        rows += [(keys.what, keys.text()) for keys in noted_keys(real)]
        if rows:
            groups.append((f"On the {real.title} page", rows))
    groups.append(("Anywhere in the window", [(PRESS_FOCUSED.what, PRESS_FOCUSED.text())]))
    for heading, bindings in window_keys.WINDOWS:
        groups.append((heading, [(keys.what, keys.text()) for keys in bindings]))
    return groups


def _menu_actions(menu: QMenu) -> Iterator[QAction]:
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_actions(submenu)
        else:
            yield action


def _wanted(action: QAction, seen: set[int]) -> bool:
    """Has keys and is not listed yet (an action can sit in a menu and on its page)."""
    if not action.shortcuts() or id(action) in seen:
        return False
    seen.add(id(action))
    return True


def _row(action: QAction) -> tuple[str, str]:
    return menu_label(action.text()), _keys(action.shortcuts())


def _keys(sequences: list[QKeySequence]) -> str:
    """The main keys, and other Ctrl ones (not Shift+Ins or a keyboard's Undo key), each
    once ("Ctrl+Enter" names both Enter keys)."""
    first, *others = (window_keys.key_name(key) for key in sequences)
    kept = [first, *(key for key in others if key.startswith("Ctrl+"))]
    return ", ".join(dict.fromkeys(kept))


class ShortcutsSheet(QDialog):
    def __init__(self, groups: list[Group], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Shortcuts")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Action", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        for heading, rows in groups:
            group = QTreeWidgetItem([heading, ""])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading, not a row to select
            self.tree.addTopLevelItem(group)
            for text, keys in rows:
                group.addChild(QTreeWidgetItem([text, keys]))
        self.tree.expandAll()
        self._fit_keys_column()
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 600)

    def _fit_keys_column(self) -> None:
        """As wide as the longest keys of any row: fitting to contents measures only the
        rows in sight, and cut off a long row further down ("1, 2, 3, ... E, F")."""
        metrics = self.tree.fontMetrics()
        rows = (
            group.child(row)
            for index in range(self.tree.topLevelItemCount())
            if (group := self.tree.topLevelItem(index)) is not None
            for row in range(group.childCount())
        )
        widest = max((metrics.horizontalAdvance(row.text(1)) for row in rows if row), default=0)
        header = self.tree.header()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, widest + metrics.horizontalAdvance("MMM"))  # the cell's padding

    def rows(self) -> dict[str, list[tuple[str, str]]]:
        """What the sheet lists, by heading (for tests and screen readers alike)."""
        listed: dict[str, list[tuple[str, str]]] = {}
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            assert group is not None
            rows = [group.child(row) for row in range(group.childCount())]
            listed[group.text(0)] = [(row.text(0), row.text(1)) for row in rows if row]
        return listed
