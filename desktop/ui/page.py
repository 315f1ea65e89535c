"""What the main window expects of a page it hosts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import QMenu, QWidget

from desktop.ui.page_info import PageInfo

if TYPE_CHECKING:
    from desktop.ui.context import AppContext


class Page(QWidget):
    """A top-level area of the app (checklist, journal, ...), owned by its own subpackage."""

    info = PageInfo("page", "Page", "path")

    @property
    def page_key(self) -> str:
        return self.info.key

    @property
    def title(self) -> str:
        return self.info.title

    @property
    def icon_name(self) -> str:
        return self.info.icon

    # Pages re-read stored data on change signals, but only while on show: a hidden page
    # notes it is out of date and reads when next shown (and nothing is read at start-up).
    _stale = True

    def reload(self) -> None:
        """Read what the page shows from the database again (and clear _stale)."""

    # While the whole database is announced as changed (a restore or an import: a burst of
    # signals), pages only note they are out of date; the page on show reads once after.
    _holding_reloads = False

    def data_changed(self) -> None:
        """A change signal arrived: read again now if the page is on show, else when shown."""
        if self.isVisible() and not Page._holding_reloads:
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def file_actions(self) -> list[QAction]:
        """Actions the page adds to the File menu (importers and the like)."""
        return []

    def menus(self) -> list[QMenu]:
        """Menus of the page's own, shown in the menu bar while the page is on show."""
        return []

    def page_undo(self) -> QAction | None:
        """What Edit > Undo does outside a text box on this page (bring back a deletion)."""
        return None

    def set_active(self, active: bool) -> None:
        """The page is shown (True) or hidden (False): enable or disable its shortcuts."""

    def focus_search(self) -> None:
        """Put the keyboard in the page's search or filter box (Ctrl+F)."""

    def save_state(self, settings: QSettings) -> None:
        """Remember view choices (splitters, filters) in the profile's UI state."""

    def has_unsaved_work(self) -> bool:
        """True if something typed could not be saved (asked before the window closes)."""
        return False

    def restore_state(self, settings: QSettings) -> None:
        """Bring back what save_state wrote."""

    def flush(self) -> None:
        """Save anything the user is still typing. Called before the window closes."""

    def save_typing(self) -> None:
        """Save what is being typed while the user stays where they are (an export reads
        it): unlike flush, nothing the page does on leaving happens."""
        self.flush()


class ContextPage(Page):
    """A page that reads and writes the profile through the app context."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(self.info.accessible_name or self.info.title)
