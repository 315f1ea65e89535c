"""Small questions the story editor asks: which journal entry to link, and a new theme's name."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QWidget

from desktop.store.stories import JournalLink
from desktop.ui.formatting import journal_choice_text, journal_link_text


def link_labels(links: list[JournalLink]) -> dict[int, str]:
    """How each linked journal entry is listed under a story."""
    return {link.id: journal_link_text(link.day, link.title) for link in links}


def ask_journal_entry(parent: QWidget, entries: list[JournalLink]) -> JournalLink | None:
    """Let the user pick one of the newest journal entries; None if they cancel."""
    labels = [journal_choice_text(entry.day, entry.title) for entry in entries]
    label, accepted = QInputDialog.getItem(
        parent, "Link a journal entry", "Journal entry:", labels, 0, False
    )
    if not accepted or label not in labels:
        return None
    return entries[labels.index(label)]


def ask_theme_title(parent: QWidget) -> str:
    """The name of a theme of the user's own, tidied; empty if they cancel."""
    text, accepted = QInputDialog.getText(
        parent, "Add a theme", "A theme interviewers might ask about:"
    )
    return " ".join(text.split())[:120] if accepted else ""
