"""How journal entries are named when a story links to them."""

from __future__ import annotations

from datetime import date

from desktop.ui.formatting import journal_choice_text, journal_link_text


def test_a_linked_entry_shows_its_title_then_its_date() -> None:
    assert journal_link_text(date(2026, 11, 1), "Incident notes") == "Incident notes (1 Nov 2026)"


def test_the_entries_to_choose_from_start_with_the_date_and_name_untitled_ones() -> None:
    assert journal_choice_text(date(2026, 11, 1), "") == "1 Nov 2026 · Untitled entry"


def test_a_backup_time_reads_like_every_other_date() -> None:
    from datetime import datetime

    from desktop.ui.formatting import local_time
    from desktop.ui.startup import backup_time_text

    taken = datetime(2026, 12, 3, 12, 0)  # stored in UTC, without a zone
    local = local_time(taken)
    assert backup_time_text(taken) == f"{local.day} {local:%b %Y, %H:%M}"
    assert not backup_time_text(taken).startswith("0")


def test_a_time_to_the_second_reads_like_the_others_with_its_seconds() -> None:
    from datetime import datetime

    from desktop.ui.formatting import date_and_time, local_time

    taken = datetime(2026, 12, 3, 12, 0, 7)
    local = local_time(taken)
    assert date_and_time(taken, seconds=True) == f"{local.day} {local:%b %Y, %H:%M:%S}"
    assert date_and_time(taken) == f"{local.day} {local:%b %Y, %H:%M}"
