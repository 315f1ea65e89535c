"""Every dialog opens inside the screen its parent window is on.

A window manager places dialogs on screen, but without one (a bare X server, some kiosk and
tiling set-ups) a dialog goes where Qt puts it: centred over its parent, which can leave a
tall one (the weekly review) hanging off the bottom. One filter on the application sees each
dialog as it is shown or resized, whichever code opened it (our own dialogs, message boxes,
file choosers), and shrinks and moves it to fit the available area of its parent's screen.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize
from PySide6.QtWidgets import QApplication, QDialog, QWidget

# Room kept for the title bar and frame a window manager adds (not known before it does).
TITLE_BAR_ROOM = 32


def available_area(dialog: QWidget) -> QRect | None:
    """The free area (without panels and docks) of the screen the dialog's parent is on."""
    parent = dialog.parentWidget()
    screen = parent.window().screen() if parent is not None else dialog.screen()
    return screen.availableGeometry() if screen is not None else None


def keep_on_screen(dialog: QWidget) -> None:
    """Shrink the dialog (not below its minimum size) and move it so that it lies within
    its parent's screen, title bar included."""
    area = available_area(dialog)
    if area is None:
        return
    frame = dialog.frameGeometry()
    margins = QSize(frame.width() - dialog.width(), frame.height() - dialog.height())
    # A frame not known yet (not mapped, or no window manager) may still come: keep room
    # for a title bar the frame does not already hold.
    title = max(0, TITLE_BAR_ROOM - margins.height())
    most = QSize(area.width() - margins.width(), area.height() - margins.height() - title)
    fitted = dialog.size().boundedTo(most).expandedTo(dialog.minimumSize())
    if fitted != dialog.size():
        dialog.resize(fitted)
        frame = dialog.frameGeometry()
    left = max(area.left(), min(frame.left(), area.right() + 1 - frame.width()))
    top = max(area.top(), min(frame.top(), area.bottom() + 1 - frame.height() - title))
    if QPoint(left, top) != frame.topLeft():
        dialog.move(left, top)


class _DialogKeeper(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every event of the app comes here: the cheap test first (asking an event its type
        # costs more from Python, and a page being built sends thousands).
        if (
            isinstance(watched, QDialog)
            and event.type() in _PLACED_ON
            and watched.isWindow()
            and watched.isVisible()
        ):
            keep_on_screen(watched)
        return False


_PLACED_ON = (QEvent.Type.Show, QEvent.Type.Resize)


def keep_dialogs_on_screen(owner: QObject) -> None:
    """From now until `owner` goes, keep every dialog the application shows on screen."""
    app = QApplication.instance()
    if app is not None:
        app.installEventFilter(_DialogKeeper(owner))
