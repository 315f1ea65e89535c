"""HTML typed into every field stays text: no page, list, tooltip or dialog renders it or loads
the file an <img> in it names.

Every free-text column of a well-used profile (journal, stories, notes, plan, mocks, sessions,
custom themes and items) and a path file of the user's own start with markup that points at a
canary image. Then every page is visited, rows are opened and dialogs are shown. The canary's
folder is watched with inotify: any opening of a file there fails the test, and so does any
label, tooltip or list row that Qt would draw as HTML while it holds the markup as typed.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMessageBox,
    QWidget,
)

from desktop.profile import Profile
from desktop.screenshots import fill_with_demo_if_empty, show_each_page
from desktop.ui.context import AppContext
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses inotify")

SHOWN_AS_TYPED = "<b>bold</b>"  # found as such only where it was not escaped

# Free text a user types, by table: each gets the markup in front of what it held.
TEXT_COLUMNS = {
    "journal_entry": ("title", "body", "tags"),
    "story": ("title", "situation", "task", "action", "result", "companies", "notes"),
    "story_rehearsal": ("note",),
    "item_progress": ("notes",),
    "practice_session": ("title",),
    "plan_item": ("title", "reason"),
    "mock_interview": ("with_whom", "feedback"),
    "custom_story_theme": ("title", "description"),
    "custom_item": ("title", "description"),
}


class OpenWatch:
    """Counts every opening of a file in one folder (Linux inotify)."""

    IN_ACCESS, IN_OPEN = 0x1, 0x20

    def __init__(self, folder: Path) -> None:
        self._libc = ctypes.CDLL(None, use_errno=True)
        self._fd = self._libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
        assert self._fd >= 0
        watched = self._libc.inotify_add_watch(
            self._fd, str(folder).encode(), self.IN_OPEN | self.IN_ACCESS
        )
        assert watched >= 0

    def events(self) -> int:
        count = 0
        while True:
            try:
                data = os.read(self._fd, 65536)
            except BlockingIOError:
                return count
            count += len(data)

    def close(self) -> None:
        os.close(self._fd)


@pytest.fixture
def canary() -> Iterator[tuple[Path, OpenWatch]]:
    # A short path: the markup must fit in a title (200 characters) with the title itself.
    folder = Path(tempfile.mkdtemp(prefix="lw-"))
    image = folder / "c.png"
    picture = QImage(8, 8, QImage.Format.Format_RGB32)
    picture.fill(0xFF0000)
    assert picture.save(str(image))
    watch = OpenWatch(folder)
    assert watch.events() == 0
    yield image, watch
    watch.close()
    shutil.rmtree(folder)


def _markup(image: Path) -> str:
    return (
        f'<img src="file://{image}"><img src="{image}"> {SHOWN_AS_TYPED} '
        '<a href="https://example.com">link</a> &amp; '
    )


def _fill_every_field(profile: Profile, markup: str) -> None:
    fill_with_demo_if_empty(profile)
    with closing(sqlite3.connect(profile.folder.database)) as connection:
        now = "2026-11-02 09:00:00"
        connection.execute(
            "INSERT INTO custom_story_theme (id, title, description, created_at) "
            "VALUES ('mine', 'Mine', 'Mine too', ?)",
            (now,),
        )
        connection.execute(
            "INSERT INTO custom_item (path_id, item_id, stage_id, title, kind, difficulty, "
            "target_minutes, topics, link, description, created_at) "
            "SELECT 'backend-senior', 'my-item', stage_id, 'My item', 'reading', 'easy', 10, "
            "'', 'https://example.com', 'About it', ? FROM item_progress LIMIT 1",
            (now,),
        )
        connection.execute(
            "INSERT INTO session_tag SELECT id, 'struggle', ? FROM practice_session LIMIT 3",
            (markup,),
        )
        connection.execute("INSERT INTO mock_exposed SELECT id, ? FROM mock_interview", (markup,))
        for table, columns in TEXT_COLUMNS.items():
            count = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert count, f"the demo profile has no {table} rows to fill"
            for column in columns:
                connection.execute(
                    f"UPDATE {table} SET {column} = ? || coalesce({column}, '')", (markup,)
                )
        connection.commit()
    (profile.folder.path_files_dir / "mine.toml").write_text(
        f"""format = 1
id = "mine"
title = '{markup}My path'
role = '{markup}'
summary = '{markup}A path of my own'

[[stages]]
id = "s"
title = '{markup}Warm-up'
summary = '{markup}'

[[stages.items]]
id = "a"
title = '{markup}Drill A'
kind = "reading"
difficulty = "easy"
target_minutes = 10
topics = ['hash-map']  # a topic must be a tag: markup there is refused with the file and line
description = '{markup}'
"""
    )
    profile.reload_library()
    assert not profile.library.errors, profile.library.errors


def _shown_as_html(text: str) -> bool:
    return SHOWN_AS_TYPED in text and GuiQt.mightBeRichText(text)


def _rich_label(label: QLabel) -> bool:
    if SHOWN_AS_TYPED not in label.text():
        return False
    kind = label.textFormat()
    return kind == Qt.TextFormat.RichText or (
        kind == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text())
    )


def _model_problems(model: QAbstractItemModel, where: str) -> list[str]:
    problems: list[str] = []
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        try:
            columns = model.columnCount(parent)
        except TypeError:  # a list model keeps columnCount private: it has one column
            columns = 1
        for row in range(min(model.rowCount(parent), 200)):
            for column in range(columns):
                index = model.index(row, column, parent)
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if isinstance(tip, str) and _shown_as_html(tip):
                    problems.append(f"{where} row {row} tooltip: {tip[:80]!r}")
                html = index.data(HTML_ROLE)
                if isinstance(html, str) and SHOWN_AS_TYPED in html:
                    problems.append(f"{where} row {row} drawn as HTML: {html[:80]!r}")
                if problems:
                    return problems  # one row says it for the whole list
            child = model.index(row, 0, parent)
            if model.rowCount(child):
                pending.append(child)
    return problems


def _problems(widgets: list[QWidget]) -> list[str]:
    """Every place in these widgets where user markup would be drawn as HTML."""
    problems: list[str] = []
    for widget in widgets:
        where = f"{type(widget).__name__} {widget.objectName() or widget.accessibleName()}"
        if isinstance(widget, QLabel) and _rich_label(widget):
            problems.append(f"{where} label: {widget.text()[:80]!r}")
        if _shown_as_html(widget.toolTip()):
            problems.append(f"{where} tooltip: {widget.toolTip()[:80]!r}")
        for action in widget.actions():
            if _shown_as_html(action.toolTip()):
                problems.append(f"{where} action tooltip: {action.toolTip()[:80]!r}")
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            problems += _model_problems(widget.model(), where)
        if isinstance(widget, QComboBox):
            problems += _model_problems(widget.model(), where)
    return problems


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_html_in_every_user_field_is_shown_as_text_and_loads_no_file(
    qtbot,
    context: AppContext,
    canary: tuple[Path, OpenWatch],
    monkeypatch: pytest.MonkeyPatch,
    open_window,
) -> None:
    image, watch = canary
    _fill_every_field(context.profile, _markup(image))
    assert watch.events() == 0
    problems: list[str] = []
    dialogs_seen: list[str] = []

    def inspect(dialog: QWidget) -> None:
        dialog.show()
        dialog.adjustSize()  # lays the text out, as showing it would
        _settle()
        problems.extend(_problems([dialog, *dialog.findChildren(QWidget)]))
        dialogs_seen.append(dialog.windowTitle())
        dialog.hide()

    def box_exec(box: QMessageBox) -> int:
        inspect(box)
        return int(QMessageBox.StandardButton.Cancel)

    def dialog_exec(dialog: QDialog) -> int:
        inspect(dialog)
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    monkeypatch.setattr(QDialog, "exec", dialog_exec)
    monkeypatch.setattr(QDialog, "open", dialog_exec)

    window = open_window(size=(1280, 800))
    for _page in show_each_page(window):  # as the screenshots show each page
        pass
    _open_rows_and_dialogs(window)
    _settle()

    problems += _problems(QApplication.allWidgets())
    assert not problems, "\n".join(sorted(set(problems)))
    assert len(dialogs_seen) >= 4, dialogs_seen
    assert watch.events() == 0, "the UI opened the canary image named in user text"


def _open_rows_and_dialogs(window: QWidget) -> None:
    """Open a record on each page and the dialogs that name it (delete, edit, rehearse)."""
    from desktop.ui.journal.page import JournalPage
    from desktop.ui.path.page import PathPage
    from desktop.ui.plan.page import PlanPage
    from desktop.ui.practice.log_page import PracticeLogPage
    from desktop.ui.stories.page import StoriesPage

    real = [getattr(page, "real", page) for page in window.pages]  # type: ignore[attr-defined]
    pages = {type(page): page for page in real}

    journal = pages[JournalPage]
    journal._open_row(0)
    _settle()
    journal._delete(journal.editor.entry_id)

    stories = pages[StoriesPage]
    stories._open_row(0)
    _settle()
    story_id = stories.editor.story_id
    stories.rehearse(story_id)
    stories._delete(story_id)

    path = pages[PathPage]
    path.select_path("mine")
    path.select_item("a")
    path.select_path("backend-senior")
    path.select_item("my-item")
    _settle()
    path._remove_custom_item("my-item")

    log = pages[PracticeLogPage]
    log.table.selectRow(0)
    log.edit_selected()
    log.delete_selected()

    plan = pages[PlanPage]
    mocks = plan.mocks.list
    mocks.setCurrentRow(0)
    mock = plan.mocks.selected()
    if mock is not None:
        plan.edit_mock(mock)
        plan.delete_mock(mock)


def test_the_watch_sees_qt_load_an_image_named_in_html(
    qtbot, canary: tuple[Path, OpenWatch]
) -> None:
    """The check above can fail: rich text naming the canary makes Qt open it."""
    image, watch = canary
    label = QLabel()
    qtbot.addWidget(label)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(_markup(image))
    label.show()
    label.adjustSize()
    _settle()
    assert watch.events() > 0


def test_messages_before_and_around_the_window_show_user_text_as_typed(
    qtbot, canary: tuple[Path, OpenWatch], monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from desktop.domain.practice import AttemptSubject
    from desktop.store.running_sessions import RunningSession
    from desktop.ui import startup
    from desktop.ui.practice.unfinished import ask_about
    from desktop.ui.widgets import dialogs

    image, watch = canary
    markup = _markup(image)
    shown: list[QMessageBox] = []

    def box_exec(box: QMessageBox) -> int:
        box.show()
        box.adjustSize()
        _settle()
        shown.append(box)
        return int(QMessageBox.StandardButton.Cancel)

    monkeypatch.setattr(QMessageBox, "exec", box_exec)
    moment = datetime(2026, 11, 2, 9, tzinfo=UTC)
    running = RunningSession("k", AttemptSubject(title=markup), moment, 600, False, (), moment)
    ask_about(running, None)
    dialogs.confirm(None, "Delete entry", f"Delete “{markup}”?", "Delete")
    dialogs.tell(None, "Imported", f"These files were not read:\n• {markup}.md: a link")
    dialogs.tell_problem(None, "Not imported", markup)
    dialogs.tell_not_saved(None, markup, "the disk is full")
    startup.tell_cannot_start(markup)
    startup.tell_already_running(markup)

    assert len(shown) == 7
    labels = [label for box in shown for label in box.findChildren(QLabel)]
    assert not [label.text() for label in labels if _rich_label(label)]
    assert any(SHOWN_AS_TYPED in label.text() for label in labels)
    assert watch.events() == 0
