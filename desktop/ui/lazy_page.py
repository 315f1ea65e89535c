"""A page that is built the first time it is needed, so the app opens without waiting for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QPaintEvent, QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.ui.page import Page
from desktop.ui.page_info import PageInfo


class LazyPage(Page):
    """Stands in the navigation for a page until it is shown or asked for."""

    built_now = Signal()  # the real page has just been built

    def __init__(
        self,
        info: PageInfo,
        build: Callable[[], Page],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.info = info
        self._build = build
        self._page: Page | None = None
        self._settings: QSettings | None = None
        self._active = False
        self._after_paint = False  # the first show builds once this shell has painted
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._page is not None

    @property
    def real(self) -> Page:
        if self._page is None:
            self._page = self._build()
            self._layout.addWidget(self._page)
            if self._settings is not None:
                self._page.restore_state(self._settings)
            self._page.set_active(self._active)
            if self.isVisible():
                self._page.show()  # now, not on the next turn of the event loop
            self.built_now.emit()
        return self._page

    def build_after_first_paint(self) -> None:
        """Build on the turn of the event loop after this (empty) shell first paints, not
        when it is shown: the page remembered from last time then does not hold up the
        window's first paint. Later shows build at once, so a click shows a whole page."""
        if self._page is None:
            self._after_paint = True

    def showEvent(self, event: QShowEvent) -> None:
        if not self._after_paint:
            self.real  # noqa: B018 (building is the point)
        super().showEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._after_paint:
            self._after_paint = False
            QTimer.singleShot(0, self, self._build_if_shown)
        super().paintEvent(event)

    def _build_if_shown(self) -> None:
        if self.isVisible():
            self.real  # noqa: B018 (building is the point)

    def restore_state(self, settings: QSettings) -> None:
        self._settings = settings
        if self._page is not None:
            self._page.restore_state(settings)

    def save_state(self, settings: QSettings) -> None:
        if self._page is not None:
            self._page.save_state(settings)

    def set_active(self, active: bool) -> None:
        self._active = active
        if self._page is not None:
            self._page.set_active(active)

    def flush(self) -> None:
        if self._page is not None:
            self._page.flush()

    def save_typing(self) -> None:
        if self._page is not None:
            self._page.save_typing()

    def has_unsaved_work(self) -> bool:
        return self._page is not None and self._page.has_unsaved_work()

    def page_undo(self) -> QAction | None:
        return self._page.page_undo() if self._page is not None else None

    def focus_search(self) -> None:
        self.real.focus_search()

    def prepare_for_screenshot(self) -> None:
        prepare = getattr(self.real, "prepare_for_screenshot", None)
        if callable(prepare):
            prepare()
