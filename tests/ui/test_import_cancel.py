"""Cancel in the window's import dialogs: the import stops and rolls back, all or nothing, and
the user is told that nothing was added."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QProgressDialog, QPushButton

from desktop.store.transfer.progress_report import WRITING
from desktop.ui.context import AppContext
from desktop.ui.safety import transfer_actions
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.waiting import wait_until
from tests.ui.test_data_safety import (
    _export_then_retitle,
    _file_action,
    _journal_titles,
    _window_with_entry,
)


def _dialogs_made(monkeypatch: pytest.MonkeyPatch) -> list[QProgressDialog]:
    made: list[QProgressDialog] = []

    class Kept(QProgressDialog):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            made.append(self)

    monkeypatch.setattr(transfer_actions, "QProgressDialog", Kept)
    return made


def _ready_to_import(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> tuple[Any, list[str], list[QProgressDialog]]:
    """A window with an entry exported and then retitled, and the progress dialogs noted."""
    window, told = _window_with_entry(qtbot, context, monkeypatch, "Exported entry")
    _export_then_retitle(window, told, monkeypatch, tmp_path)
    return window, told, _dialogs_made(monkeypatch)


def test_cancel_while_an_import_writes_rolls_it_back_and_says_nothing_was_added(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from desktop.store.transfer import run

    window, told, made = _ready_to_import(qtbot, context, monkeypatch, tmp_path)
    written = threading.Event()
    real = run.apply_import

    def write_then_report(*, session: Any, plan: Any, progress: Any) -> None:
        real(session=session, plan=plan, progress=progress)  # in the transaction, uncommitted
        written.set()
        for _report in range(3000):  # until Cancel is honoured (a minute at most)
            progress(WRITING, 1, 1)
            threading.Event().wait(0.02)

    monkeypatch.setattr(run, "apply_import", write_then_report)
    window.show_page("journal")
    told.clear()
    _file_action(window, "import-json").trigger()
    assert wait_until(written.is_set)
    writing = made[-1]
    button = writing.findChild(QPushButton)
    assert button is not None and button.text() == "Cancel"
    button.click()
    assert writing.labelText() == "Cancelling the import…" and not button.isEnabled()

    assert wait_until(lambda: bool(told))
    assert told == ["Import cancelled; nothing was added."]
    assert _journal_titles(window) == ["Exported entry"]  # the replaced title rolled back
    assert not list(context.profile.folder.data_dir.glob("under-way-*"))


def test_cancel_while_the_file_is_checked_stops_before_anything_is_asked_or_written(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from desktop.store.transfer import run

    window, told, made = _ready_to_import(qtbot, context, monkeypatch, tmp_path)
    checking = threading.Event()
    real = run.check_document

    def slow_check(*, engine: Any, document: Any, progress: Any) -> Any:
        checking.set()
        for _report in range(3000):
            progress("Checking the records", 0, 1)
            threading.Event().wait(0.02)
        return real(engine=engine, document=document, progress=progress)

    monkeypatch.setattr(run, "check_document", slow_check)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "confirm", lambda *args: asked.append(args[2]))
    window.show_page("journal")
    told.clear()
    _file_action(window, "import-json").trigger()
    assert wait_until(checking.is_set)
    button = made[-1].findChild(QPushButton)
    assert button is not None
    button.click()

    assert wait_until(lambda: bool(told))
    assert told == ["Import cancelled; nothing was added."] and asked == []
    assert _journal_titles(window) == ["Exported entry"]


def test_the_progress_dialog_of_a_quick_import_stays_away_while_its_outcome_is_told(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A check that fails at once (an empty file) is told in a modal box; the progress
    dialog, closed before it was ever shown, must not pop up over the box later saying it
    cancels the import (its deletion waits for the box's own event loop to end)."""
    from PySide6.QtCore import QEventLoop, QTimer

    from tests.ui.test_data_safety import _window_with_entry

    window, _told = _window_with_entry(qtbot, context, monkeypatch, "An entry")
    made: list[QProgressDialog] = []

    class KeptWhileTheBoxIsOpen(QProgressDialog):
        def __init__(self, *args: Any) -> None:
            super().__init__(*args)
            made.append(self)

        def deleteLater(self) -> None:  # as inside a modal box's loop: not yet
            pass

    monkeypatch.setattr(transfer_actions, "QProgressDialog", KeptWhileTheBoxIsOpen)
    seen: list[tuple[bool, str]] = []

    def fail(_progress: Any) -> None:
        raise ValueError("the file is empty")

    def tell(_error: BaseException) -> None:  # as a modal box does: a loop of its own
        loop = QEventLoop()
        QTimer.singleShot(800, loop.quit)
        loop.exec()
        seen.append((made[-1].isVisible(), made[-1].labelText()))

    transfer_actions._with_progress(
        window, "Checking the file…", fail, print, tell, cancellable=True
    )

    assert wait_until(lambda: bool(seen))
    assert seen == [(False, "Checking the file…")]
    made[-1].setParent(None)
