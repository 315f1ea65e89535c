"""Finds text that Qt cuts short on a shown window, and widgets or dialogs that do not fit.

Each check asks Qt how much room a piece of text needs (font metrics, the style's own size
rules, a delegate's size hint) and compares it with the room the widget got. What Qt Charts
draws is read from its scene: it shortens an axis label to "..." or hides it when the plot
leaves too little room, so a label that is missing or shortened there is one the user
cannot read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html import unescape
from types import UnionType
from typing import Any

from PySide6 import QtGui
from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QComboBox,
    QDialog,
    QGraphicsItem,
    QGraphicsTextItem,
    QHeaderView,
    QLabel,
    QLayout,
    QPushButton,
    QRadioButton,
    QSplitter,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionToolButton,
    QStyleOptionViewItem,
    QTabBar,
    QTableView,
    QToolButton,
    QTreeView,
    QWidget,
)

# A window manager's title bar, which a dialog's own height does not include.
TITLE_BAR = 32
# Rows of a list or table looked at: those on show, at most this many.
MAX_ROWS = 80
# Qt Charts' mark for a label it had to shorten.
CHART_ELLIPSIS = "..."
# QGraphicsTextItem::Type, which PySide does not expose.
TEXT_ITEM_TYPE = 8


@dataclass(frozen=True)
class LayoutProblem:
    widget: str  # which widget, by type and accessible name (or the nearest named parent)
    text: str  # the text that does not fit ("" for a widget or dialog that does not fit)
    detail: str  # what is wrong, in pixels

    def __str__(self) -> str:
        shown = f" “{self.text}”" if self.text else ""
        return f"{self.widget}{shown}: {self.detail}"


def layout_problems(window: QWidget, within: QWidget | None = None) -> list[LayoutProblem]:
    """Every cut-off text and misplaced widget on a shown window (or on one part of it)."""
    problems: list[LayoutProblem] = []
    for widget in _shown_widgets(window, within or window):
        problems += _outside(widget, window)
        problems += _overlapping_children(widget)
        problems += _squeezed(widget)
        # The first kind that matches decides (a widget gets one kind's checks).
        for kind, check in _CHECKS_BY_KIND:
            if isinstance(widget, kind):
                problems += check(widget)
                break
    return problems


def dialog_size_problems(
    dialog: QDialog, *, screen: QSize, smallest_screen: QSize
) -> list[LayoutProblem]:
    """A dialog must open within the screen and be able to shrink onto the smallest one."""
    problems = []
    name = describe(dialog)
    opened = dialog.size()
    if opened.height() + TITLE_BAR > screen.height() or opened.width() > screen.width():
        problems.append(
            LayoutProblem(
                name,
                "",
                f"opens {opened.width()}x{opened.height()} px (plus a {TITLE_BAR} px title "
                f"bar), larger than a {screen.width()}x{screen.height()} screen",
            )
        )
    smallest = dialog.minimumSizeHint().expandedTo(dialog.minimumSize())
    if (
        smallest.height() + TITLE_BAR > smallest_screen.height()
        or smallest.width() > smallest_screen.width()
    ):
        problems.append(
            LayoutProblem(
                name,
                "",
                f"cannot shrink below {smallest.width()}x{smallest.height()} px, so it does "
                f"not fit a {smallest_screen.width()}x{smallest_screen.height()} screen",
            )
        )
    return problems


def describe(widget: QWidget) -> str:
    """The widget's type and name, as a person reading a failure would look for it."""
    kind = type(widget).__name__
    name = widget.accessibleName() or widget.objectName()
    if name:
        return f"{kind} [{name}]"
    parent = widget.parentWidget()
    while parent is not None and not (parent.accessibleName() or parent.objectName()):
        parent = parent.parentWidget()
    if parent is None:
        return kind
    return f"{kind} in [{parent.accessibleName() or parent.objectName()}]"


# Which widgets ---------------------------------------------------------------------------


def _shown_widgets(window: QWidget, root: QWidget) -> Iterator[QWidget]:
    yield root
    for widget in root.findChildren(QWidget):
        if widget.isVisible() and widget.window() is window and not widget.size().isEmpty():
            yield widget


def _scrolls_with_content(widget: QWidget) -> bool:
    """Inside a scroll area's viewport: being partly out of sight is what scrolling is for."""
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and child is parent.viewport():
            return True
        child, parent = parent, parent.parentWidget()
    return False


def _outside(widget: QWidget, window: QWidget) -> list[LayoutProblem]:
    if widget is window or _scrolls_with_content(widget):
        return []
    placed = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if window.rect().contains(placed):
        return []
    return [
        LayoutProblem(
            describe(widget),
            _own_text(widget),
            f"at {placed.x()},{placed.y()} size {placed.width()}x{placed.height()}, "
            f"outside the {window.width()}x{window.height()} window",
        )
    ]


def _overlapping_children(parent: QWidget) -> list[LayoutProblem]:
    """Siblings a layout placed over each other: it had less room than their minimum sizes."""
    layout = parent.layout()
    if layout is None or isinstance(parent, QAbstractScrollArea | QSplitter):
        return []
    placed = [
        child
        for child in parent.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if child.isVisible() and not child.isWindow() and _in_layout(layout, child)
    ]
    problems = []
    for number, first in enumerate(placed):
        for second in placed[number + 1 :]:
            shared = first.geometry().intersected(second.geometry())
            if shared.width() > 1 and shared.height() > 1:
                problems.append(
                    LayoutProblem(
                        describe(first),
                        _own_text(first),
                        f"overlaps {describe(second)} “{_own_text(second)}” by "
                        f"{shared.width()}x{shared.height()} px",
                    )
                )
    return problems


def _squeezed(widget: QWidget) -> list[LayoutProblem]:
    """Given less room than its layout's minimum: Qt then cuts what is inside."""
    layout = widget.layout()
    if layout is None or _scrolls_with_content(widget):
        return []
    needed = layout.minimumSize()
    got = widget.size()
    if needed.width() <= got.width() and needed.height() <= got.height():
        return []
    return [
        LayoutProblem(
            describe(widget),
            "",
            f"squeezed: its layout needs at least {needed.width()}x{needed.height()} px, "
            f"has {got.width()}x{got.height()} px",
        )
    ]


def _in_layout(layout: QLayout, widget: QWidget) -> bool:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is widget:
            return True
        inner = item.layout()
        if inner is not None and _in_layout(inner, widget):
            return True
    return False


def _own_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return _visible(widget.text())
    return ""


# Labels and buttons ----------------------------------------------------------------------


def _visible(text: str) -> str:
    """The text as drawn: a single & marks a keyboard shortcut, && is an ampersand."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _label(label: QLabel) -> list[LayoutProblem]:
    text = label.text()
    if not text or not label.pixmap().isNull():
        return []
    if label.buddy() is not None:
        text = _visible(text)
    room = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    if label.indent() > 0:
        room.setLeft(room.left() + label.indent())
    metrics = label.fontMetrics()
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    )
    shown = _plain_of(text, label) if rich else text
    name = describe(label)
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        if needed > label.height() + 1:
            return [
                LayoutProblem(
                    name,
                    _short(shown),
                    f"wrapped text needs {needed} px of height, has {label.height()} px",
                )
            ]
        # Qt may also break a line at a zero-width space (how long values are made to wrap).
        words = shown.replace("\u200b", " ").split()
        longest = max((metrics.horizontalAdvance(word) for word in words), default=0)
        if not rich and longest > room.width() + 1:
            return [
                LayoutProblem(
                    name,
                    _short(shown),
                    f"a word needs {longest} px, the label is {room.width()} px wide",
                )
            ]
        return []
    if rich:
        width, height = _rich_size(text, label)
    else:
        lines = text.split("\n")
        width = max(metrics.horizontalAdvance(line) for line in lines)
        height = metrics.height() * len(lines)
    if width > room.width() + 1:
        return [LayoutProblem(name, _short(shown), f"needs {width} px, has {room.width()} px")]
    if height > room.height() + 2:
        return [
            LayoutProblem(
                name, _short(shown), f"needs {height} px of height, has {room.height()} px"
            )
        ]
    return []


def _plain_of(html: str, label: QLabel) -> str:
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setHtml(html)
    return document.toPlainText()


def _rich_size(html: str, label: QLabel) -> tuple[int, int]:
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(html)
    size = document.size()
    return int(size.width()), int(size.height())


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= 80 else flat[:79] + "…"


def _push_button(button: QPushButton) -> list[LayoutProblem]:
    text = _visible(button.text())
    if not text:
        return []
    option = QStyleOptionButton()
    button.initStyleOption(option)
    style = button.style()
    room = style.subElementRect(QStyle.SubElement.SE_PushButtonContents, option, button)
    width = room.width()
    if not button.icon().isNull():
        width -= button.iconSize().width() + 4
    if button.menu() is not None:
        width -= style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    return _fits_in(button, text, width, room.height())


def _check_or_radio(button: QCheckBox | QRadioButton) -> list[LayoutProblem]:
    text = _visible(button.text())
    if not text:
        return []
    option = QStyleOptionButton()
    button.initStyleOption(option)
    element = (
        QStyle.SubElement.SE_CheckBoxContents
        if isinstance(button, QCheckBox)
        else QStyle.SubElement.SE_RadioButtonContents
    )
    room = button.style().subElementRect(element, option, button)
    width = room.width()
    if not button.icon().isNull():
        width -= button.iconSize().width() + 4
    return _fits_in(button, text, width, room.height())


def _tool_button(button: QToolButton) -> list[LayoutProblem]:
    text = _visible(button.text())
    styles = Qt.ToolButtonStyle
    icon_only = button.toolButtonStyle() == styles.ToolButtonIconOnly
    if not text or (icon_only and not button.icon().isNull()):
        return []  # an icon-only button shows its text as a tooltip
    option = QStyleOptionToolButton()
    button.initStyleOption(option)
    style = button.style()
    room = style.subControlRect(
        QStyle.ComplexControl.CC_ToolButton, option, QStyle.SubControl.SC_ToolButton, button
    )
    frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, option, button)
    width = room.width() - 2 * frame
    if not button.icon().isNull() and button.toolButtonStyle() == styles.ToolButtonTextBesideIcon:
        width -= button.iconSize().width() + 4
    return _fits_in(button, text, width, room.height())


def _fits_in(button: QAbstractButton, text: str, width: int, height: int) -> list[LayoutProblem]:
    metrics = button.fontMetrics()
    needed = metrics.horizontalAdvance(text)
    if needed > width:
        return [LayoutProblem(describe(button), text, f"needs {needed} px, has {width} px")]
    if metrics.height() > height + 2:
        return [
            LayoutProblem(
                describe(button), text, f"needs {metrics.height()} px of height, has {height} px"
            )
        ]
    return []


def _combo_box(combo: QComboBox) -> list[LayoutProblem]:
    text = combo.currentText()
    if not text or combo.isEditable():
        return []
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    room = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    width = room.width()
    if not combo.itemIcon(combo.currentIndex()).isNull():
        width -= combo.iconSize().width() + 4
    needed = combo.fontMetrics().horizontalAdvance(text)
    if needed > width:
        return [LayoutProblem(describe(combo), text, f"needs {needed} px, has {width} px")]
    return []


# Tabs, headers and cells -----------------------------------------------------------------


def _tab_bar(bar: QTabBar) -> list[LayoutProblem]:
    problems = []
    for index in range(bar.count()):
        if not bar.isTabVisible(index):
            continue
        text = _visible(bar.tabText(index))
        wanted = bar.tabSizeHint(index)
        got = bar.tabRect(index)
        if wanted.width() > got.width():
            detail = f"tab needs {wanted.width()} px, has {got.width()} px"
        elif not bar.rect().contains(got):
            detail = "tab is scrolled off the tab bar"
        else:
            continue
        problems.append(LayoutProblem(describe(bar), text, detail))
    return problems


def _header(header: QHeaderView) -> list[LayoutProblem]:
    model = header.model()
    if model is None or header.orientation() != Qt.Orientation.Horizontal:
        return []
    problems = []
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        start = header.sectionViewportPosition(logical)
        size = header.sectionSize(logical)
        if start + size <= 0 or start >= header.viewport().width():
            continue  # scrolled out of sight
        text = model.headerData(logical, Qt.Orientation.Horizontal)
        if not isinstance(text, str) or not text:
            continue
        needed = header.sectionSizeFromContents(logical).width()
        if needed > size:
            problems.append(
                LayoutProblem(
                    f"QHeaderView of [{_view_name(header)}]",
                    _short(text),
                    f"column header needs {needed} px, has {size} px",
                )
            )
    return problems


def _view_name(header: QHeaderView) -> str:
    parent = header.parentWidget()
    return (parent.accessibleName() or type(parent).__name__) if parent else "?"


def _cells(view: QTableView | QTreeView) -> list[LayoutProblem]:
    """Cells Qt elides: a column may elide only where the full text is in the cell's tooltip."""
    model = view.model()
    if model is None:
        return []
    # A table that wraps words cuts text only when its rows are too short for the lines.
    wraps = isinstance(view, QTableView) and view.wordWrap()
    if not wraps and view.textElideMode() == Qt.TextElideMode.ElideNone and view.wordWrap():
        return []
    problems = []
    seen_columns: set[int] = set()
    for index in _rows_on_show(view):
        for column in range(model.columnCount(index.parent())):
            if column in seen_columns or _column_hidden(view, column):
                continue
            cell = index.siblingAtColumn(column)
            text = cell.data(Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text:
                continue
            if cell.data(Qt.ItemDataRole.ToolTipRole):
                continue  # the whole text is a hover away
            rect = view.visualRect(cell)
            if rect.right() < 0 or rect.left() >= view.viewport().width():
                continue
            option = QStyleOptionViewItem()
            view.initViewItemOption(option)
            option.rect = rect
            hint = view.itemDelegateForIndex(cell).sizeHint(option, cell)
            needed, has = (hint.height(), rect.height()) if wraps else (hint.width(), rect.width())
            if needed > has + (0 if wraps else 1):  # a line short is a line cut
                seen_columns.add(column)  # one cut cell names the column
                header = model.headerData(column, Qt.Orientation.Horizontal)
                across = "tall" if wraps else "wide"
                problems.append(
                    LayoutProblem(
                        f"{describe(view)} column [{header or column}]",
                        _short(text),
                        f"cell needs {needed} px {across}, has {has} px, and no tooltip "
                        "holds the whole text",
                    )
                )
    return problems


def _column_hidden(view: QTableView | QTreeView, column: int) -> bool:
    return view.isColumnHidden(column)


def _rows_on_show(view: QAbstractItemView) -> Iterator[QModelIndex]:
    bottom = view.viewport().height()
    index = view.indexAt(QPoint(2, 2))
    if isinstance(view, QTreeView):
        index = index.siblingAtColumn(0) if index.isValid() else index
        for _ in range(MAX_ROWS):
            if not index.isValid() or view.visualRect(index).top() >= bottom:
                return
            yield index
            index = view.indexBelow(index)
        return
    if not index.isValid():
        return
    model = view.model()
    for row in range(index.row(), min(model.rowCount(), index.row() + MAX_ROWS)):
        cell = model.index(row, 0)
        if view.visualRect(cell).top() >= bottom:
            return
        yield cell


# Charts ----------------------------------------------------------------------------------


def _chart(view: QChartView) -> list[LayoutProblem]:
    chart = view.chart()
    scene = chart.scene()
    if scene is None:
        return []
    name = describe(view) + (f" chart [{chart.title()}]" if chart.title() else "")
    frame = chart.mapRectToScene(chart.rect())
    shown: dict[str, QGraphicsTextItem] = {}
    problems = []
    for item in scene.items():
        text_item = _as_text_item(item)
        if text_item is None or not text_item.isVisible():
            continue
        text = unescape(text_item.toPlainText())
        if not text:
            continue
        shown[text] = text_item
        if text.endswith(CHART_ELLIPSIS):
            problems.append(LayoutProblem(name, text, "label shortened to fit the chart"))
        elif not frame.contains(text_item.sceneBoundingRect().adjusted(2, 2, -2, -2)):
            problems.append(LayoutProblem(name, text, "label runs off the edge of the chart"))
    for axis in chart.axes():
        if isinstance(axis, QBarCategoryAxis) and axis.labelsVisible():
            for category in axis.categories():
                if category not in shown:
                    problems.append(
                        LayoutProblem(name, category, "axis label hidden: no room for it")
                    )
        title = axis.titleText()
        if title and axis.isTitleVisible() and unescape(title) not in shown:
            problems.append(LayoutProblem(name, title, "axis title hidden or cut"))
    return problems


def _as_text_item(item: QGraphicsItem) -> QGraphicsTextItem | None:
    if item.type() != TEXT_ITEM_TYPE:
        return None
    # Qt Charts' label classes are unknown to Python: reach them as the QObject they are.
    text_item = item.toGraphicsObject()
    return text_item if isinstance(text_item, QGraphicsTextItem) else None


# What else is checked on a widget of each kind, in the order the kinds are tried.
_CHECKS_BY_KIND: tuple[tuple[type | UnionType, Callable[[Any], list[LayoutProblem]]], ...] = (
    (QLabel, _label),
    (QPushButton, _push_button),
    (QToolButton, _tool_button),
    (QCheckBox | QRadioButton, _check_or_radio),
    (QComboBox, _combo_box),
    (QTabBar, _tab_bar),
    (QHeaderView, _header),
    (QTableView | QTreeView, _cells),
    (QChartView, _chart),
)
