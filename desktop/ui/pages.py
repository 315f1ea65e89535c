"""The pages of the app, in navigation order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.lazy_page import LazyPage
from desktop.ui.main_window import MainWindow
from desktop.ui.page import Page
from desktop.ui.path.shell import PathPageShell
from desktop.ui.safety.transfer_actions import data_actions
from desktop.ui.theme import apply_theme_choice, follows_system
from desktop.ui.widgets.plain_text import plain_tip

if TYPE_CHECKING:
    from desktop.store.search import Hit
    from desktop.ui.journal.page import JournalPage
    from desktop.ui.plan.page import PlanPage
    from desktop.ui.practice.log_page import PracticeLogPage
    from desktop.ui.stories.page import StoriesPage

REVIEW_OFFER_DELAY_MS = 1500


def _practice_log(context: AppContext) -> Page:
    from desktop.ui.practice.log_page import PracticeLogPage

    return PracticeLogPage(context)


def _journal(context: AppContext) -> Page:
    from desktop.ui.journal.page import JournalPage

    return JournalPage(context)


def _stories(context: AppContext) -> Page:
    from desktop.ui.stories.page import StoriesPage

    return StoriesPage(context)


def _plan(context: AppContext) -> Page:
    from desktop.ui.plan.page import PlanPage

    return PlanPage(context)


def _trends(context: AppContext) -> Page:
    from desktop.ui.trends.page import TrendsPage

    return TrendsPage(context)


def build_pages(context: AppContext) -> list[Page]:
    """Each page is built when first shown, the remembered one just after the window's first
    paint (start-up stays quick)."""
    return [
        PathPageShell(context),
        LazyPage(page_info.PRACTICE, lambda: _practice_log(context)),
        LazyPage(page_info.JOURNAL, lambda: _journal(context)),
        LazyPage(page_info.STORIES, lambda: _stories(context)),
        LazyPage(page_info.TRENDS, lambda: _trends(context)),
        LazyPage(page_info.PLAN, lambda: _plan(context)),
    ]


def build_main_window(context: AppContext) -> MainWindow:
    _apply_preferences(context)
    pages = build_pages(context)
    window = MainWindow(context, pages)
    file_actions = [_new_entry_action(window), _new_story_action(window)]
    for page in pages:
        for action in page.file_actions():  # usable from any page; the result shows on its own
            action.triggered.connect(lambda _c=False, key=page.page_key: window.show_page(key))
            file_actions.append(action)
    file_actions += _story_export_actions(window)
    file_actions += data_actions(window)
    window.add_file_actions(file_actions)

    def show_entry(entry_id: int) -> None:
        journal = _journal_page(window)
        journal.open_from_elsewhere(entry_id)
        journal.editor.focus_text()

    events = context.events
    events.open_journal_entry.connect(show_entry)
    events.open_attempt.connect(lambda attempt_id: _log_page(window).show_attempt(attempt_id))
    events.plan_focus_requested.connect(
        lambda tag, label, practice: _show_plan(window).focus_weak_spot(tag, label, practice)
    )
    events.open_mock_interview.connect(lambda mock_id: _show_plan(window).open_mock(mock_id))
    # After the window has painted: offer the weekly review on the first start in a new week.
    QTimer.singleShot(REVIEW_OFFER_DELAY_MS, window, lambda: _announce_weekly_review(window))
    window.practice_menu.addAction(_free_session_action(window))
    window.practice_menu.addMenu(_routine_menu(window))
    window.practice_menu.addAction(_log_mock_action(window))
    window.search_action.triggered.connect(lambda: _search_everything(window))
    window.keep_mnemonics_unique()
    return window


def _search_everything(window: MainWindow) -> None:
    from desktop.ui.search_dialog import SearchDialog

    dialog = SearchDialog(window.context, window)
    dialog.chosen.connect(lambda hit: open_hit(window, hit))
    dialog.exec()
    dialog.deleteLater()


def open_hit(window: MainWindow, hit: Hit) -> None:
    """Show a search hit on its page, selected."""
    from desktop.store.search import HitKind

    if hit.kind is HitKind.ITEM and hit.path_id and hit.item_id:
        from desktop.ui.path.page import PathPage

        window.show_page(page_info.PATH.key)
        path = window.open_page(page_info.PATH.key, PathPage)
        path.show_item(hit.path_id, hit.item_id)
    elif hit.kind is HitKind.ENTRY and hit.record_id is not None:
        window.context.events.open_journal_entry.emit(hit.record_id)
    elif hit.kind is HitKind.STORY and hit.record_id is not None:
        _stories_page(window).open_story(hit.record_id)
    elif hit.kind is HitKind.ATTEMPT and hit.record_id is not None:
        window.context.events.open_attempt.emit(hit.record_id)


def _apply_preferences(context: AppContext) -> None:
    """Bring preferences kept elsewhere by earlier versions into the settings file, and show
    the chosen theme (unless one was given on the command line)."""
    context.preferences.adopt_old_places(context.settings)
    app = QApplication.instance()
    if isinstance(app, QApplication) and follows_system(app):
        apply_theme_choice(app, context.preferences.read().appearance.theme)


def _routine_menu(window: MainWindow) -> QMenu:
    """Practice > Start a routine: one entry per routine, read when the menu first opens."""
    menu = QMenu("Start a &routine", window)
    menu.setAccessibleName("Start a routine")

    def fill() -> None:
        from desktop.domain.practice import AttemptSubject
        from desktop.domain.routines import RoutineKind
        from desktop.ui.practice.session_window import start_session

        menu.clear()
        for routine in window.context.profile.routines.routines:
            action = menu.addAction(f"{routine.title}  ({routine.cadence_text})")
            action.setToolTip(plain_tip(routine.description))
            if routine.kind is RoutineKind.MOCK:  # logged with its scores, not timed
                action.triggered.connect(lambda _c=False: _show_plan(window).log_mock())
                continue
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


# The pages other parts of the window reach into, each imported when first needed.


def _journal_page(window: MainWindow) -> JournalPage:
    from desktop.ui.journal.page import JournalPage

    return window.open_page(page_info.JOURNAL.key, JournalPage)


def _log_page(window: MainWindow, *, show: bool = True) -> PracticeLogPage:
    from desktop.ui.practice.log_page import PracticeLogPage

    return window.open_page(page_info.PRACTICE.key, PracticeLogPage, show=show)


def _stories_page(window: MainWindow) -> StoriesPage:
    from desktop.ui.stories.page import StoriesPage

    return window.open_page(page_info.STORIES.key, StoriesPage)


def _show_plan(window: MainWindow) -> PlanPage:
    from desktop.ui.plan.page import PlanPage

    return window.open_page(page_info.PLAN.key, PlanPage)


def _announce_weekly_review(window: MainWindow) -> None:
    from desktop.ui.plan.review_offer import announce_weekly_review

    announce_weekly_review(window)


def _new_entry_action(window: MainWindow) -> QAction:
    action = QAction("&New journal entry", window)
    action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
    action.triggered.connect(lambda: _journal_page(window).new_entry())
    return action


NEW_STORY_KEYS = "Ctrl+Shift+N"  # as the Stories page's New story button says


def _new_story_action(window: MainWindow) -> QAction:
    """File > New story, from any page (the Learning path too: its Add item has keys of its
    own): the Stories page comes forward with a new story, as its New story button makes one."""
    action = QAction("New &story", window)
    action.setShortcut(QKeySequence(NEW_STORY_KEYS))
    action.triggered.connect(lambda: _stories_page(window).new_story())
    return action


def _free_session_action(window: MainWindow) -> QAction:
    action = QAction("Start a &free session…", window)
    action.setShortcut(QKeySequence("Ctrl+Shift+S"))
    action.triggered.connect(lambda: _log_page(window, show=False).start_free_session())
    return action


def _log_mock_action(window: MainWindow) -> QAction:
    """Practice > Log a mock interview: a new user looks for it beside the other practice,
    not only on the Plan page's second tab."""
    action = QAction("Log a &mock interview…", window)
    action.triggered.connect(lambda: _show_plan(window).log_mock())
    return action


def _story_export_actions(window: MainWindow) -> list[QAction]:
    """File > Export stories as Markdown / loop sheet as PDF (the page is built when used)."""

    markdown = QAction("Export stories as &Markdown…", window)
    markdown.triggered.connect(lambda: _stories_page(window).export_markdown())
    pdf = QAction("Export &loop sheet as PDF…", window)
    pdf.triggered.connect(lambda: _stories_page(window).export_loop_sheet())
    return [markdown, pdf]
