"""How the window tells an import refused for many problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest

from desktop.store.transfer.json_import import CHECK_STOPPED, MAX_PROBLEMS, ImportRejected
from desktop.ui.safety import transfer_actions
from desktop.ui.widgets import dialogs


def _told(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Sequence[str], str]]:
    told: list[tuple[Sequence[str], str]] = []

    def keep(_parent: Any, _title: str, _file: str, problems: Sequence[str], outcome: str) -> None:
        told.append((problems, outcome))

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


def test_problems_found_in_full_ask_to_fix_them(monkeypatch: pytest.MonkeyPatch) -> None:
    told = _told(monkeypatch)
    found = ["journal entry 1, field id: Field required.", "journal entry 2, field id: Bad."]

    transfer_actions._import_failed(None, ImportRejected(found), "small.json")  # type: ignore[arg-type]

    assert told == [(found, "Fix them and import again. Nothing was changed.")]
