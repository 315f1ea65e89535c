"""How the window tells an import refused for many problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from desktop.store.transfer.json_import import CHECK_STOPPED, MAX_PROBLEMS, ImportRejected
from desktop.ui.safety import transfer_actions
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.file_problems import FileProblemsDialog, listed_as_said

stopped: list[bool] = []  # whether each list above was told the check had stopped


def _told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Sequence[str], str]]:
    told: list[tuple[Sequence[str], str]] = []

    def keep(
        _parent: Any, _title: str, _file: str, problems: Sequence[str], outcome: str, **how: Any
    ) -> None:
        told.append((problems, outcome))
        stopped.append(how.get("stopped", False))

    stopped.clear()

    monkeypatch.setattr(dialogs, "tell_file_problem_list", keep)
    return told


def test_a_check_that_stopped_says_so_below_the_list_not_as_a_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    told = _told(monkeypatch)
    found = [f"journal entry {n}, field id: Field required." for n in range(MAX_PROBLEMS)]

    transfer_actions._import_failed(None, ImportRejected([*found, CHECK_STOPPED]), "big.json")  # type: ignore[arg-type]

    [(problems, outcome)] = told
    assert list(problems) == found
    assert outcome == f"{CHECK_STOPPED} Nothing was changed."
    assert stopped == [True]


def test_a_list_cut_short_by_the_check_says_at_least_so_many(qtbot: Any) -> None:
    found = [f"journal entry {n}, field id: Field required." for n in range(MAX_PROBLEMS)]
    outcome = f"{CHECK_STOPPED} Nothing was changed."

    shown = FileProblemsDialog(
        "Nothing was imported", "/x/big.json", listed_as_said(found), outcome, stopped=True
    )
    qtbot.addWidget(shown)
    whole = FileProblemsDialog(
        "Nothing was imported", "/x/small.json", listed_as_said(found[:2]), outcome
    )
    qtbot.addWidget(whole)

    assert shown.problem_list.file_label.text() == "big.json has at least 1,000 problems:"
    assert whole.problem_list.file_label.text() == "small.json has 2 problems:"


def test_problems_found_in_full_ask_to_fix_them(monkeypatch: pytest.MonkeyPatch) -> None:
    told = _told(monkeypatch)
    found = ["journal entry 1, field id: Field required.", "journal entry 2, field id: Bad."]

    transfer_actions._import_failed(None, ImportRejected(found), "small.json")  # type: ignore[arg-type]

    assert told == [(found, "Fix them and import again. Nothing was changed.")]
    assert stopped == [False]
