"""SVG icons from resources/icons, tinted to the current palette so they suit light and dark."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from desktop.folders import resources_dir


@cache
def _svg_text(name: str) -> str:
    return (resources_dir() / "icons" / f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, colour: str, size: int = 32) -> QIcon:
    # Qt's SVG image plugin does the drawing; importing the QtSvg bindings instead cost
    # about 30 ms of start-up.
    svg = _svg_text(name).replace("currentColor", colour)
    svg = svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)
    source = QPixmap()
    source.loadFromData(QByteArray(svg.encode("utf-8")), "SVG")
    return QIcon(
        source.scaled(
            QSize(size, size),
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    )


@cache
def status_dot(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


def tinted_icon(name: str, normal: str, selected: str, size: int = 32) -> QIcon:
    """One icon that stays readable on a highlighted (selected) row."""
    result = icon(name, normal, size)
    result.addPixmap(icon(name, selected, size).pixmap(size, size), QIcon.Mode.Selected)
    return result


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "loopwise.svg"))
