"""Help > About: version and where the data lives."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.folders import ProfileFolder
from desktop.ui.icons import app_icon


class AboutDialog(QDialog):
    def __init__(self, folder: ProfileFolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Loopwise")
        self.setAccessibleName("About Loopwise")
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAccessibleName("Loopwise logo")
        layout.addWidget(logo)
        name = QLabel(f"Loopwise {__version__}")
        name.setProperty("role", "heading")
        name.setAccessibleName("Version")
        layout.addWidget(name)
        blurb = QLabel(
            "A practice journal and planner for engineers getting ready for a senior "
            "backend interview loop. Everything stays on this computer."
        )
        blurb.setWordWrap(True)
        layout.addWidget(blurb)
        location = QLabel(f"Your data is kept in:\n{folder.data_dir}")
        location.setTextInteractionFlags(location.textInteractionFlags().TextSelectableByMouse)
        location.setProperty("role", "muted")
        location.setAccessibleName("Data location")
        location.setWordWrap(True)
        layout.addWidget(location)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        open_folder = QPushButton("Open data folder")
        open_folder.setAccessibleName("Open data folder")
        open_folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder.data_dir)))
        )
        buttons.addButton(open_folder, QDialogButtonBox.ButtonRole.ActionRole)
        # Enter closes, as in any notice; opening a file manager needs the button itself.
        open_folder.setAutoDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
