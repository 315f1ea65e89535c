"""The layout check finds each kind of cut-off text it claims to, and passes text that fits."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.screenshots import settle
from tests.helpers.layout_check import LayoutProblem, dialog_size_problems, layout_problems

LONG = "Start a free practice session on anything you like"


def _window(qtbot, child: QWidget, size: tuple[int, int] = (400, 300)) -> QWidget:
    """A window holding the widget at a fixed place and size (no layout to rescue it)."""
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(*size)
    child.setParent(window)
    window.show()
    settle()
    return window


def _placed(widget: QWidget, width: int, height: int = 30) -> QWidget:
    widget.setGeometry(10, 10, width, height)
    return widget


def _named(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    return widget


def _label(wrap: bool) -> QLabel:
    label = QLabel(LONG)
    label.setWordWrap(wrap)
    return label


CUT_WIDGETS: dict[str, Callable[[int], QWidget]] = {
    "label": lambda width: _placed(_label(False), width),
    "wrapped label": lambda width: _placed(_label(True), width, 16),
    "push button": lambda width: _placed(QPushButton(LONG), width),
    "tool button": lambda width: _placed(_tool_button(), width),
    "check box": lambda width: _placed(QCheckBox(LONG), width),
    "combo box": lambda width: _placed(_combo(), width),
}


def _tool_button() -> QToolButton:
    button = QToolButton()
    button.setText(LONG)
    return button


def _combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(LONG)
    return combo


@pytest.mark.parametrize("kind", CUT_WIDGETS)
def test_text_cut_short_is_named_with_its_widget_and_text(qtbot, themed_app, kind: str) -> None:
    widget = _named(CUT_WIDGETS[kind](90), "The widget")
    window = _window(qtbot, widget)
    problems = layout_problems(window)
    assert [p.text for p in problems] == [LONG]
    assert "[The widget]" in problems[0].widget
    assert "px" in problems[0].detail


@pytest.mark.parametrize("kind", CUT_WIDGETS)
def test_text_with_room_to_spare_passes(qtbot, themed_app, kind: str) -> None:
    widget = CUT_WIDGETS[kind](560)
    window = _window(qtbot, widget, (600, 300))
    assert layout_problems(window) == []


def _table(width: int, tooltip: bool = False) -> QTableView:
    view = QTableView()
    # The view owns its model: a model only Python holds is freed when this returns, and the
    # view then paints from freed memory (a crash some runs later).
    model = QStandardItemModel(2, 2, view)
    model.setHorizontalHeaderLabels(["Practised on the day", "Time"])
    for row in range(2):
        cell = QStandardItem(LONG)
        if tooltip:
            cell.setToolTip(LONG)
        model.setItem(row, 0, cell)
        model.setItem(row, 1, QStandardItem("20 min"))
    view.setModel(model)
    view.setWordWrap(False)
    view.setAccessibleName("Attempts")
    view.horizontalHeader().resizeSection(0, width)
    view.horizontalHeader().resizeSection(1, 120)
    return _placed(view, 380, 200)  # type: ignore[return-value]


def test_an_elided_cell_and_a_narrow_column_header_are_named(qtbot, themed_app) -> None:
    window = _window(qtbot, _table(60))
    problems = {str(p) for p in layout_problems(window)}
    assert any(
        "[Attempts]" in p and "Practised on the day" in p and "header" in p for p in problems
    )
    assert any("column [Practised on the day]" in p and LONG in p for p in problems)


def test_a_cell_may_elide_when_its_tooltip_holds_the_whole_text(qtbot, themed_app) -> None:
    window = _window(qtbot, _table(200, tooltip=True))
    assert layout_problems(window) == []


def _wrapping_table(rows_fit: bool) -> QTableView:
    view = _table(200)
    view.setWordWrap(True)
    view.horizontalHeader().resizeSection(0, 160)  # LONG takes three lines or so here
    if rows_fit:
        view.resizeRowsToContents()
    else:
        for row in range(2):
            view.setRowHeight(row, view.fontMetrics().lineSpacing() + 4)
    return view


def test_a_wrapping_table_with_rows_too_short_for_its_lines_is_named(qtbot, themed_app) -> None:
    window = _window(qtbot, _wrapping_table(rows_fit=False))
    problems = [str(p) for p in layout_problems(window)]
    assert any("column [Practised on the day]" in p and "tall" in p for p in problems)


def test_a_wrapping_table_with_rows_that_fit_passes(qtbot, themed_app) -> None:
    window = _window(qtbot, _wrapping_table(rows_fit=True))
    assert [p for p in layout_problems(window) if "column [" in str(p)] == []


def test_an_elided_tab_title_is_named(qtbot, themed_app) -> None:
    tabs = QTabWidget()
    tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
    tabs.addTab(QWidget(), LONG)
    tabs.addTab(QWidget(), "Mock interviews and everything about them")
    window = _window(qtbot, _placed(tabs, 200, 100))
    assert LONG in {p.text for p in layout_problems(window)}


def _chart(width: int) -> QChartView:
    labels = [f"Category number {n}" for n in range(8)]
    bars = QBarSet("Missed")
    bars.append([float(n) for n in range(8)])
    series = QBarSeries()
    series.append(bars)
    chart = QChart()
    chart.addSeries(series)
    axis = QBarCategoryAxis()
    axis.append(labels)
    chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis)
    chart.legend().hide()
    view = QChartView(chart)
    view.setAccessibleName("Missed steps")
    return _placed(view, width, 220)  # type: ignore[return-value]


def test_chart_axis_labels_cut_or_hidden_are_named(qtbot, themed_app) -> None:
    window = _window(qtbot, _chart(300), (400, 300))
    problems = layout_problems(window)
    assert problems
    assert all("[Missed steps]" in p.widget for p in problems)
    assert any(p.text.startswith("Category number") for p in problems)


def test_a_chart_with_room_for_its_labels_passes(qtbot, themed_app) -> None:
    window = _window(qtbot, _chart(1500), (1600, 300))
    assert layout_problems(window) == []


def test_a_widget_outside_the_window_is_named(qtbot, themed_app) -> None:
    button = _named(QPushButton("Save"), "Save the entry")
    button.setGeometry(360, 10, 100, 30)
    window = _window(qtbot, button)
    [problem] = layout_problems(window)
    assert problem.widget == "QPushButton [Save the entry]"
    assert "outside the 400x300 window" in problem.detail


def _dialog(qtbot, height: int) -> QDialog:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.setAccessibleName("Weekly review")
    layout = QVBoxLayout(dialog)
    body = QLabel("Body")
    body.setMinimumHeight(height)
    layout.addWidget(body)
    dialog.show()
    settle()
    return dialog


def test_a_dialog_taller_than_the_screen_is_named(qtbot, themed_app) -> None:
    dialog = _dialog(qtbot, 900)
    problems = dialog_size_problems(
        dialog, screen=QSize(1280, 800), smallest_screen=QSize(760, 520)
    )
    assert [p.widget for p in problems] == ["QDialog [Weekly review]"] * 2
    assert "larger than a 1280x800 screen" in problems[0].detail
    assert "does not fit a 760x520 screen" in problems[1].detail


def test_a_dialog_that_fits_passes(qtbot, themed_app) -> None:
    dialog = _dialog(qtbot, 300)
    assert (
        dialog_size_problems(dialog, screen=QSize(1280, 800), smallest_screen=QSize(760, 520)) == []
    )


def test_a_problem_reads_as_widget_text_and_detail() -> None:
    problem = LayoutProblem("QLabel [Summary]", "388 sessions", "needs 169 px, has 134 px")
    assert str(problem) == "QLabel [Summary] “388 sessions”: needs 169 px, has 134 px"


def test_widgets_a_layout_put_over_each_other_are_named(qtbot, themed_app) -> None:
    box = QWidget()
    grid = QGridLayout(box)
    grid.addWidget(_named(QLabel("388 sessions"), "Summary"), 0, 0)
    grid.addWidget(_named(QPushButton("Start a free session…"), "Start"), 0, 0)
    window = _window(qtbot, _placed(box, 300, 60))
    [problem] = layout_problems(window)
    assert problem.widget == "QLabel [Summary]"
    assert problem.detail.startswith("overlaps QPushButton [Start] “Start a free session…” by")


def test_a_widget_given_less_than_its_layout_needs_is_named(qtbot, themed_app) -> None:
    box = _named(QWidget(), "Suggestions")
    column = QVBoxLayout(box)
    tall = QLabel("Second Highest Salary")
    tall.setMinimumHeight(200)
    column.addWidget(tall)
    window = _window(qtbot, _placed(box, 300, 60))
    squeezed = [p for p in layout_problems(window) if p.widget == "QWidget [Suggestions]"]
    assert len(squeezed) == 1
    assert squeezed[0].detail.startswith("squeezed: its layout needs at least")
