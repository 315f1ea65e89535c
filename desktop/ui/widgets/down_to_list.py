"""Down in a filter or search box moves to the list it filters, as in the theme picker and
Search everything: the user types, then walks the matches without reaching for the mouse."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLineEdit


def first_row(view: QAbstractItemView) -> QModelIndex:
    """The list's first row (for a flat list)."""
    return view.model().index(0, 0)


class _DownToList(QObject):
    def __init__(
        self,
        edit: QLineEdit,
        view: QAbstractItemView,
        first: Callable[[], QModelIndex],
        choose: Callable[[QModelIndex], object],
    ) -> None:
        super().__init__(edit)
        self._view = view
        self._first = first
        self._choose = choose
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.KeyPress
            or not isinstance(event, QKeyEvent)
            or event.key() != Qt.Key.Key_Down
            or event.modifiers() != Qt.KeyboardModifier.NoModifier
        ):
            return False
        current = self._view.currentIndex()
        # A chosen row the filter has hidden has no place on screen: start from the first.
        if not current.isValid() or self._view.visualRect(current).isEmpty():
            first = self._first()
            if not first.isValid():
                return False  # nothing matches: the focus stays where the user types
            self._choose(first)
        self._view.setFocus(Qt.FocusReason.TabFocusReason)
        return True


def down_moves_to(
    edit: QLineEdit,
    view: QAbstractItemView,
    *,
    first: Callable[[], QModelIndex] | None = None,
    choose: Callable[[QModelIndex], object] | None = None,
) -> None:
    """Down in `edit` gives `view` the focus, on the row chosen there if it is shown, or else
    on `first` (the view's first row unless told), chosen with `choose` (the view's
    setCurrentIndex unless told)."""
    _DownToList(
        edit,
        view,
        first or (lambda: first_row(view)),
        choose or view.setCurrentIndex,
    )
