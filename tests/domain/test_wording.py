"""Counts said the way people read them."""

from __future__ import annotations

from desktop.domain.wording import counted


def test_a_count_reads_with_its_noun_and_thousands_grouped() -> None:
    assert counted(1, "session") == "1 session"
    assert counted(0, "session") == "0 sessions"
    assert counted(20000, "session") == "20,000 sessions"
