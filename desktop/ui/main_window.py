"""The main window: a navigation frame that hosts pages owned by their own subpackages."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QKeyEvent,
    QKeySequence,
    QMoveEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QWidget,
)
from shiboken6 import isValid

from desktop.ui.about_dialog import AboutDialog
from desktop.ui.context import AppContext
from desktop.ui.edit_actions import EditActions
from desktop.ui.enter_on_buttons import press_focused_button
from desktop.ui.icons import app_icon, tinted_icon
from desktop.ui.lazy_page import LazyPage
from desktop.ui.mnemonics import assign_mnemonics
from desktop.ui.page import Page
from desktop.ui.sidebar import Sidebar
from desktop.ui.theme import colours, current_scheme
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.on_screen import keep_dialogs_on_screen

PageType = TypeVar("PageType", bound=Page)


class MainWindow(QMainWindow):
    def __init__(self, context: AppContext, pages: Sequence[Page]) -> None:
        super().__init__()
        self.context = context
        self.pages = list(pages)
        self.setWindowTitle("Loopwise")
        self.setWindowIcon(app_icon())
        self.setAccessibleName("Loopwise main window")
        self.setMinimumSize(QSize(760, 520))

        self.navigation = Sidebar()
        self.stack = QStackedWidget()
        self.stack.setAccessibleName("Current section")
        for page in self.pages:
            self.navigation.add_section(page.title)
            self.stack.addWidget(page)
        self._tint_navigation_icons()
        self.navigation.currentRowChanged.connect(self._show_page)

        frame = QWidget()
        layout = QHBoxLayout(frame)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(frame)
        self._build_menus()
        for page in self.pages:  # a page built after it came forward brings its Undo then
            if isinstance(page, LazyPage):
                page.built_now.connect(self.edit_actions.refresh)
        self.statusBar().setAccessibleName("Status")
        # Layout is saved shortly after it changes too, so even a crash keeps the last one.
        self._save_soon = QTimer(self)
        self._save_soon.setSingleShot(True)
        self._save_soon.setInterval(1500)
        self._save_soon.timeout.connect(self.save_state)
        self._restore_state()
        keep_dialogs_on_screen(self)

    def current_page(self) -> Page:
        """The page on show, built now if it was waiting."""
        page = self._page_at_front()
        return page.real if isinstance(page, LazyPage) else page

    def _page_at_front(self) -> Page:
        """The page on show as it is: a waiting LazyPage stays unbuilt (it has nothing to
        flush and no Undo yet), so asking does not build it."""
        page = self.stack.currentWidget()
        assert isinstance(page, Page)
        return page

    def page(self, key: str) -> Page:
        """The page with this key (built now if it was waiting to be shown)."""
        page = next(page for page in self.pages if page.page_key == key)
        return page.real if isinstance(page, LazyPage) else page

    def open_page(self, key: str, kind: type[PageType], *, show: bool = True) -> PageType:
        """The page with this key as the type asked for, brought forward unless show is False."""
        if show:
            self.show_page(key)
        page = self.page(key)
        if not isinstance(page, kind):
            raise TypeError(f"the {key!r} page is a {type(page).__name__}, not a {kind.__name__}")
        return page

    def show_page(self, key: str) -> None:
        for row, page in enumerate(self.pages):
            if page.page_key == key:
                self.navigation.setCurrentRow(row)
                return

    def bring_to_front(self) -> None:
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _show_page(self, row: int) -> None:
        if 0 <= row < len(self.pages):
            self._page_at_front().flush()
            self.stack.setCurrentIndex(row)
            for index, page in enumerate(self.pages):
                page.set_active(index == row)
            self.edit_actions.refresh()  # Undo now means this page's undo
            self._save_soon.start()

    def _build_menus(self) -> None:
        """The same menus on every page: what does not apply is disabled, never hidden."""
        menu_bar = self.menuBar()
        self.file_menu = menu_bar.addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcuts(_standard_or(QKeySequence.StandardKey.Quit, "Ctrl+Q"))
        quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quit_action.triggered.connect(self.close)
        self.quit_action = quit_action

        self.edit_menu = menu_bar.addMenu("&Edit")
        self.edit_actions = EditActions(self, self._page_undo)
        edit = self.edit_actions
        self.edit_menu.addActions([edit.undo, edit.redo])
        self.edit_menu.addSeparator()
        self.edit_menu.addActions([edit.cut, edit.copy, edit.paste])
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(edit.select_all)
        self.edit_menu.addSeparator()
        find_action = QAction("&Find…", self)
        find_action.setShortcuts(_standard_or(QKeySequence.StandardKey.Find, "Ctrl+F"))
        self.find_action = find_action
        find_action.triggered.connect(lambda: self.current_page().focus_search())
        self.edit_menu.addAction(find_action)
        # Connected by the composition root, which knows how to show each kind of record.
        self.search_action = QAction("&Search everything…", self)
        self.search_action.setShortcut(QKeySequence("Ctrl+K"))
        self.edit_menu.addAction(self.search_action)
        self.edit_menu.addSeparator()
        preferences = QAction("Pr&eferences…", self)
        preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        preferences.setShortcut(QKeySequence("Ctrl+,"))
        preferences.triggered.connect(self.show_preferences)
        self.preferences_action = preferences
        self.edit_menu.addAction(preferences)
        self.edit_menu.aboutToShow.connect(edit.refresh)

        view_menu = menu_bar.addMenu("&View")
        for row, page in enumerate(self.pages):
            action = QAction(page.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{row + 1}"))
            action.triggered.connect(lambda _checked=False, r=row: self.navigation.setCurrentRow(r))
            view_menu.addAction(action)
        view_menu.addSeparator()
        full_screen = QAction("&Full screen", self)
        full_screen.setShortcuts(_standard_or(QKeySequence.StandardKey.FullScreen, "F11"))
        full_screen.triggered.connect(self._toggle_full_screen)
        view_menu.addAction(full_screen)

        for page in self.pages:
            for menu in page.menus():
                menu_bar.addMenu(menu)

        self.practice_menu = menu_bar.addMenu("&Practice")
        self.help_menu = menu_bar.addMenu("&Help")
        shortcuts = QAction("&Keyboard shortcuts", self)
        shortcuts.setShortcuts(_standard_or(QKeySequence.StandardKey.HelpContents, "F1"))
        shortcuts.triggered.connect(self.show_shortcuts)
        self.help_menu.addAction(shortcuts)
        data_folder = QAction("Open &data folder", self)
        data_folder.triggered.connect(self.open_data_folder)
        self.help_menu.addAction(data_folder)
        self.help_menu.addSeparator()
        about = QAction("&About Loopwise", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self.show_about)
        self.help_menu.addAction(about)

    def _page_undo(self) -> QAction | None:
        if not isValid(self.stack):  # focus can move while the window is being taken down
            return None
        return self._page_at_front().page_undo()

    def add_file_actions(self, actions: Sequence[QAction]) -> None:
        for action in actions:
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

    def top_menus(self) -> list[QMenu]:
        return [
            menu for action in self.menuBar().actions() if isinstance(menu := action.menu(), QMenu)
        ]

    def keep_mnemonics_unique(self) -> None:
        """Every menu, and any filled in when opened, gets one access key per entry."""
        for menu in self.top_menus():
            _unique_mnemonics_throughout(menu)

    def show_shortcuts(self) -> None:
        from desktop.ui.shortcuts_sheet import ShortcutsSheet, shortcut_groups

        dialog = ShortcutsSheet(shortcut_groups(self), self)
        screen = self.screen().availableGeometry()
        dialog.resize(min(dialog.width(), screen.width() - 40), min(600, screen.height() - 80))
        dialog.exec()
        dialog.deleteLater()

    def show_preferences(self) -> None:
        from desktop.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.context, self)
        dialog.exec()
        dialog.deleteLater()

    def open_data_folder(self) -> None:
        folder = self.context.profile.folder.data_dir
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.statusBar().showMessage(f"Could not open {folder}", 8000)

    def show_about(self) -> None:
        dialog = AboutDialog(self.context.profile.folder, self)
        dialog.exec()
        dialog.deleteLater()

    def _toggle_full_screen(self) -> None:
        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    def _tint_navigation_icons(self) -> None:
        palette = colours(current_scheme())
        for row, page in enumerate(self.pages):
            item = self.navigation.item(row)
            item.setIcon(tinted_icon(page.icon_name, palette["muted"], palette["highlighted_text"]))

    def _restore_state(self) -> None:
        settings = self.context.settings
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        for page in self.pages:
            page.restore_state(settings)
        last = str(settings.value("window/page", self.pages[0].page_key))
        keys = [page.page_key for page in self.pages]
        self.navigation.setCurrentRow(keys.index(last) if last in keys else 0)
        remembered = self._page_at_front()
        if isinstance(remembered, LazyPage):  # the window paints before the page is built
            remembered.build_after_first_paint()

    def save_state(self) -> None:
        settings = self.context.settings
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/page", self._page_at_front().page_key)
        for page in self.pages:
            page.save_state(settings)
        settings.sync()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.navigation.fit_to_window_width(event.size().width())
        self._save_soon.start()
        super().resizeEvent(event)

    def moveEvent(self, event: QMoveEvent) -> None:
        self._save_soon.start()
        super().moveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if press_focused_button(event, self):  # an Enter no widget used (enter_on_buttons.py)
            event.accept()
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        # The system switched between light and dark: redraw the icons in the new colours.
        if event.type() == QEvent.Type.PaletteChange:
            self._tint_navigation_icons()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages:
            page.flush()
        unsaved = [page.title for page in self.pages if page.has_unsaved_work()]
        running = [
            dialog for dialog in self.findChildren(QDialog)
            if dialog.isVisible() and dialog.property("holds_unsaved_work")
        ]  # fmt: skip
        if running:
            unsaved.append("a practice session that is still running")
        if unsaved and not dialogs.confirm(
            self,
            "Quit without saving?",
            "Some of what you typed could not be saved ("
            + ", ".join(unsaved)
            + "). If you quit now it will be lost. Keep Loopwise open to try again.",
            "Quit anyway",
        ):
            event.ignore()
            return
        for dialog in running:
            dialog.setProperty("holds_unsaved_work", False)
            discard = getattr(dialog, "discard_without_asking", dialog.close)
            discard()
        self.save_state()
        super().closeEvent(event)


def _unique_mnemonics_throughout(menu: QMenu) -> None:
    assign_mnemonics(menu)
    menu.aboutToShow.connect(lambda: assign_mnemonics(menu))  # for entries filled in late
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            _unique_mnemonics_throughout(submenu)


def _standard_or(key: QKeySequence.StandardKey, fallback: str) -> list[QKeySequence]:
    """The platform's own shortcut, or a common one where the platform defines none."""
    return QKeySequence.keyBindings(key) or [QKeySequence(fallback)]
