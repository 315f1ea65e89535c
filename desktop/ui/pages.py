"""The pages of the app, in navigation order."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.ui.context import AppContext
from desktop.ui.lazy_page import LazyPage
from desktop.ui.main_window import MainWindow
from desktop.ui.page import Page
from desktop.ui.path.page import PathPage


def _practice_log(context: AppContext) -> Page:
    from desktop.ui.practice.log_page import PracticeLogPage

    return PracticeLogPage(context)


def _journal(context: AppContext) -> Page:
    from desktop.ui.journal.page import JournalPage

    return JournalPage(context)


def _trends(context: AppContext) -> Page:
    from desktop.ui.trends.page import TrendsPage

    return TrendsPage(context)


def build_pages(context: AppContext) -> list[Page]:
    """The first page is built now; the others when first shown (start-up stays quick)."""
    return [
        PathPage(context),
        LazyPage("practice", "Practice log", "timer", lambda: _practice_log(context)),
        LazyPage("journal", "Journal", "journal", lambda: _journal(context)),
        LazyPage("trends", "Trends", "trends", lambda: _trends(context)),
    ]


def build_main_window(context: AppContext) -> MainWindow:
    pages = build_pages(context)
    window = MainWindow(context, pages)
    file_actions = [_new_entry_action(window)]
    file_actions += [action for page in pages for action in page.file_actions()]
    window.add_file_actions(file_actions)

    def show_entry(entry_id: int) -> None:
        from desktop.ui.journal.page import JournalPage

        window.show_page("journal")
        journal = window.page("journal")
        assert isinstance(journal, JournalPage)
        journal.open_entry(entry_id)
        journal.editor.focus_text()

    context.events.open_journal_entry.connect(show_entry)

    def show_attempt(attempt_id: int) -> None:
        from desktop.ui.practice.log_page import PracticeLogPage

        window.show_page("practice")
        log = window.page("practice")
        assert isinstance(log, PracticeLogPage)
        log.show_attempt(attempt_id)

    context.events.open_attempt.connect(show_attempt)
    window.practice_menu.addAction(_free_session_action(window))
    window.practice_menu.addMenu(_routine_menu(window))
    return window


def _routine_menu(window: MainWindow) -> QMenu:
    """Practice > Start a routine: one entry per routine, read when the menu first opens."""
    menu = QMenu("Start a &routine", window)
    menu.setAccessibleName("Start a routine")

    def fill() -> None:
        from desktop.domain.practice import AttemptSubject
        from desktop.ui.practice.session_window import start_session

        menu.clear()
        for routine in window.context.profile.routines.routines:
            action = menu.addAction(f"{routine.title}  ({routine.cadence_text})")
            action.setToolTip(routine.description)
            subject = AttemptSubject(
                title=routine.title,
                routine_id=routine.id,
                kind=routine.kind.value,
                target_minutes=routine.target_minutes,
            )
            action.triggered.connect(
                lambda _c=False, s=subject: start_session(window.context, s, window)
            )

    menu.aboutToShow.connect(fill)
    return menu


def _new_entry_action(window: MainWindow) -> QAction:
    def new_entry() -> None:
        from desktop.ui.journal.page import JournalPage

        window.show_page("journal")
        journal = window.page("journal")
        assert isinstance(journal, JournalPage)
        journal.new_entry()

    action = QAction("&New journal entry", window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
    action.triggered.connect(new_entry)
    return action


def _free_session_action(window: MainWindow) -> QAction:
    def free_session() -> None:
        from desktop.ui.practice.log_page import PracticeLogPage

        log = window.page("practice")
        assert isinstance(log, PracticeLogPage)
        log.start_free_session()

    action = QAction("Start a &free session…", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+S"))
    action.triggered.connect(free_session)
    return action
