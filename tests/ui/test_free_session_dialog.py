"""Starting a free session: a title, a kind and a target time the timer counts against."""

from __future__ import annotations

from desktop.domain.practice import AttemptSubject
from desktop.ui.context import AppContext
from desktop.ui.practice import log_page as log_page_module
from desktop.ui.practice.free_session_dialog import FreeSessionDialog
from desktop.ui.practice.log_page import PracticeLogPage


def test_start_needs_a_title(qtbot) -> None:
    dialog = FreeSessionDialog()
    qtbot.addWidget(dialog)
    assert not dialog.start.isEnabled() and dialog.build_subject() is None
    dialog.title.setText("   LRU   cache ")
    assert dialog.start.isEnabled()
    subject = dialog.build_subject()
    assert subject is not None and subject.title == "LRU cache"


def test_the_kind_sets_a_usual_target_the_user_can_change(qtbot) -> None:
    dialog = FreeSessionDialog()
    qtbot.addWidget(dialog)
    dialog.title.setText("Design a URL shortener")
    assert dialog.target.value() == 25  # code, the first kind
    dialog.kind.setCurrentIndex(dialog.kind.findData("design"))
    assert dialog.target.value() == 40
    dialog.target.setValue(35)
    dialog.difficulty.setCurrentIndex(dialog.difficulty.findData("hard"))
    assert dialog.build_subject() == AttemptSubject(
        "Design a URL shortener", kind="design", difficulty="hard", target_minutes=35
    )


def test_no_target_is_a_choice(qtbot) -> None:
    dialog = FreeSessionDialog()
    qtbot.addWidget(dialog)
    dialog.title.setText("Read the Raft paper")
    dialog.kind.setCurrentIndex(dialog.kind.count() - 1)  # something else
    assert dialog.target.text() == "No target"
    subject = dialog.build_subject()
    assert subject is not None and subject.kind is None and subject.target_minutes is None


def test_the_window_title_is_short_enough_to_read(qtbot) -> None:
    dialog = FreeSessionDialog()
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Free session"


def test_the_log_page_starts_the_session_from_the_dialog(
    qtbot, open_page, context: AppContext, monkeypatch
) -> None:
    page: PracticeLogPage = open_page(PracticeLogPage)
    chosen = AttemptSubject("LRU cache", kind="code", target_minutes=25)
    started: list[AttemptSubject] = []
    monkeypatch.setattr(FreeSessionDialog, "ask", classmethod(lambda cls, parent: chosen))
    monkeypatch.setattr(
        log_page_module, "start_session", lambda ctx, subject, parent: started.append(subject)
    )
    page.start_free_session()
    assert started == [chosen]
