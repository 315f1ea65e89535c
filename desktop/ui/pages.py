"""The pages of the app, in navigation order."""

from __future__ import annotations

from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage
from desktop.ui.main_window import MainWindow
from desktop.ui.page import Page
from desktop.ui.path.page import PathPage
from desktop.ui.practice.log_page import PracticeLogPage


def build_pages(context: AppContext) -> list[Page]:
    return [PathPage(context), PracticeLogPage(context), JournalPage(context)]


def build_main_window(context: AppContext) -> MainWindow:
    pages = build_pages(context)
    window = MainWindow(context, pages)
    window.add_file_actions([action for page in pages for action in page.file_actions()])
    journal = next(page for page in pages if isinstance(page, JournalPage))

    def show_entry(entry_id: int) -> None:
        window.show_page(journal.page_key)
        journal.open_entry(entry_id)
        journal.editor.focus_text()

    context.events.open_journal_entry.connect(show_entry)
    return window
