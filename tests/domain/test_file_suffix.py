"""Exports insist on their own file ending: added when missing, a foreign one replaced and
the user told (a Markdown export once wrote Markdown into 'bank.json')."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.file_suffix import fitted_name


def test_a_missing_ending_is_added_quietly() -> None:
    assert fitted_name(Path("/x/bank"), ".md") == (Path("/x/bank.md"), None)


def test_a_dot_inside_the_name_is_kept() -> None:
    assert fitted_name(Path("/x/bank v1.2"), ".md") == (Path("/x/bank v1.2.md"), None)


def test_the_right_ending_in_any_case_is_kept() -> None:
    assert fitted_name(Path("/x/Bank.MD"), ".md") == (Path("/x/Bank.MD"), None)


def test_a_foreign_file_type_ending_is_replaced_and_said() -> None:
    fitted, note = fitted_name(Path("/x/bank.json"), ".md")
    assert fitted == Path("/x/bank.md")
    assert note is not None and "bank.md" in note and "bank.json" in note


def test_the_note_names_the_kind_of_file_in_words() -> None:
    _fitted, note = fitted_name(Path("/x/sheet.md"), ".pdf")
    assert note == "The file is saved as sheet.pdf, not sheet.md: this export is a PDF (.pdf) file."
