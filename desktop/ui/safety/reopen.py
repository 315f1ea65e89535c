"""After the database was swapped (restore) or filled (import): every view reads it again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.ui.lazy_page import LazyPage
from desktop.ui.page import Page

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def reread_everything(window: MainWindow) -> None:
    """Every page reads the database again: the one on show at once, and only once (the
    change signals come in a burst), the others when next shown."""
    library = window.context.profile.library
    Page._holding_reloads = True
    try:
        window.context.events.emit_all_data_changed(frozenset(path.id for path in library.paths))
    finally:
        Page._holding_reloads = False
    shown = window.current_page()
    if shown._stale and shown.isVisible():
        shown.reload()
    _forget_vanished_entry(window)


def _forget_vanished_entry(window: MainWindow) -> None:
    """The journal editor may show an entry the restored database does not have."""
    from desktop.ui.journal.page import JournalPage

    for page in window.pages:
        if page.page_key != "journal" or (isinstance(page, LazyPage) and not page.built):
            continue
        journal = page.real if isinstance(page, LazyPage) else page
        assert isinstance(journal, JournalPage)
        entry_id = journal.editor.entry_id
        if entry_id is not None and not journal.open_entry(entry_id):
            journal.editor.clear()
            journal.right.setCurrentIndex(0)
