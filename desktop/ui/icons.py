"""SVG icons from resources/icons, tinted to the current palette so they suit light and dark."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

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
def status_dot(colour: str, size: int = 12, ring: str = "#ffffff") -> QIcon:
    """A coloured dot. On a selected row it keeps its colour, with a ring that sets it off
    from the highlight (a plain pixmap would be tinted into the highlight and vanish)."""
    result = QIcon(_dot(colour, size))
    result.addPixmap(_dot(colour, size, ring), QIcon.Mode.Selected)
    return result


def _dot(colour: str, size: int, ring: str | None = None) -> QPixmap:
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if ring is None:
        painter.setPen(Qt.PenStyle.NoPen)
    else:
        pen = QPen(QColor(ring))
        pen.setWidthF(1.5)
        painter.setPen(pen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    painter.end()
    return pixmap


def tinted_icon(name: str, normal: str, selected: str, size: int = 32) -> QIcon:
    """One icon that stays readable on a highlighted (selected) row."""
    result = icon(name, normal, size)
    result.addPixmap(icon(name, selected, size).pixmap(size, size), QIcon.Mode.Selected)
    return result


def app_icon() -> QIcon:
    return QIcon(str(resources_dir() / "icons" / "loopwise.svg"))
