"""How journal entries are named when a story links to them."""

from __future__ import annotations

from datetime import date

from desktop.ui.formatting import journal_choice_text, journal_link_text


def test_a_linked_entry_shows_its_title_then_its_date() -> None:
    assert journal_link_text(date(2026, 11, 1), "Incident notes") == "Incident notes (1 Nov 2026)"


def test_the_entries_to_choose_from_start_with_the_date_and_name_untitled_ones() -> None:
    assert journal_choice_text(date(2026, 11, 1), "") == "1 Nov 2026 · Untitled entry"
