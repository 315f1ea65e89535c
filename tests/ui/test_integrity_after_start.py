"""Start-up takes only a quick look at the database; the full integrity check runs on a worker
once the window is up, and damage it finds gets the start-up question over the window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.app import show_main_window
from desktop.folders import ProfileFolder
from desktop.store.backup import backup_database, passes_integrity_check
from desktop.store.health import DAMAGED, DatabaseProblem
from desktop.ui import startup
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import build_main_window
from desktop.ui.safety.integrity_watch import check_whole_database
from desktop.ui.startup import Recovery
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.waiting import wait_until
from tests.backup_files import add_rows, count_entries, damage

ENTRIES = 400


class Asked:
    """Answers the recovery question as the user would, and keeps what was shown."""

    def __init__(self, answer: Recovery) -> None:
        self.answer = answer
        self.problems: list[DatabaseProblem] = []
        self.offered: list[str | None] = []
        self.told: list[str] = []

    def __call__(
        self, problem: DatabaseProblem, found: Any, _passed_over: Any, parent: Any
    ) -> Recovery:
        assert isinstance(parent, MainWindow)  # asked over the window, not before it
        self.problems.append(problem)
        self.offered.append(found.backup.path.name if found is not None else None)
        return self.answer


@dataclass(frozen=True)
class DamagedStart:
    """The window after damage was found once it was up and the user answered."""

    window: MainWindow
    asked: Asked
    folder: ProfileFolder
    good: Path  # the backup taken before the damage
    before: bytes  # the damaged file, where the answer was to quit ("" otherwise)


@pytest.fixture
def damaged(
    request: pytest.FixtureRequest, qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> DamagedStart:
    """Parametrized (indirectly) with the user's answer to the recovery question."""
    answer: Recovery = request.param
    folder = context.profile.folder
    add_rows(folder.database, entries=ENTRIES)
    good = backup_database(
        folder.database, folder.backups_dir, "periodic", now=context.now() - timedelta(hours=2)
    )
    damage(folder.database)  # in the middle of the file: the quick look cannot see it
    asked = Asked(answer)
    monkeypatch.setattr(startup, "ask_about_database_problem", asked)
    monkeypatch.setattr(dialogs, "tell", lambda _p, _t, message: asked.told.append(message))
    monkeypatch.setattr(dialogs, "tell_problem", lambda _p, _t, message: asked.told.append(message))
    if answer is Recovery.QUIT:  # start-up as the app does it: the check starts on its own
        window = show_main_window(context, offer_recovery=False)
        qtbot.addWidget(window)
    else:
        window = build_main_window(context)
        qtbot.addWidget(window)
        window.show()
        check_whole_database(window)
    qtbot.waitUntil(lambda: bool(asked.told) or not window.isVisible(), timeout=20_000)
    before = folder.database.read_bytes() if answer is Recovery.QUIT else b""
    return DamagedStart(window, asked, folder, good, before)


@pytest.mark.parametrize("damaged", [Recovery.RESTORE_BACKUP], indirect=True)
def test_damage_found_after_start_up_can_go_back_to_the_newest_backup(
    damaged: DamagedStart,
) -> None:
    assert len(damaged.asked.problems) == 1
    reason = damaged.asked.problems[0].reason
    detail = damaged.asked.problems[0].detail
    assert reason == DAMAGED and ("integrity check failed" in detail or "malformed" in detail)
    assert damaged.asked.offered == [damaged.good.name]
    assert damaged.asked.told[0].startswith("Your data is back as it was on ")
    assert passes_integrity_check(damaged.folder.database)
    assert count_entries(damaged.folder.database) == ENTRIES
    (kept,) = damaged.folder.data_dir.glob("loopwise.damaged-*.sqlite3")
    assert not passes_integrity_check(kept)  # kept as it was found, damage and all
    assert damaged.window.isVisible()


@pytest.mark.parametrize("damaged", [Recovery.START_FRESH], indirect=True)
def test_damage_found_after_start_up_can_start_a_fresh_profile_and_keeps_the_file(
    damaged: DamagedStart,
) -> None:
    (kept,) = damaged.folder.data_dir.glob("loopwise.damaged-*.sqlite3")
    assert damaged.asked.told == [
        f"Your old database was moved aside to {kept} and kept unchanged; this is a fresh profile."
    ]
    assert not passes_integrity_check(kept)
    assert passes_integrity_check(damaged.folder.database)
    assert count_entries(damaged.folder.database) == 0
    assert damaged.window.isVisible() and kept.name in damaged.window.statusBar().currentMessage()


@pytest.mark.parametrize("damaged", [Recovery.QUIT], indirect=True)
def test_damage_found_after_start_up_and_quit_leaves_the_file_as_it_is(
    damaged: DamagedStart,
) -> None:
    assert len(damaged.asked.problems) == 1
    assert not damaged.window.isVisible()
    assert damaged.folder.database.read_bytes() == damaged.before
    assert list(damaged.folder.data_dir.glob("loopwise.damaged-*")) == []


def test_a_whole_database_is_checked_after_start_up_without_a_word(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch, open_window
) -> None:
    add_rows(context.profile.folder.database, entries=ENTRIES)
    asked = Asked(Recovery.QUIT)
    monkeypatch.setattr(startup, "ask_about_database_problem", asked)
    window = open_window()

    future = check_whole_database(window)

    assert wait_until(future.done)
    assert future.result() is None
    assert asked.problems == [] and window.isVisible()


def test_the_check_waits_for_the_page_the_window_opens_on(
    qtbot: Any, context: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.ui.lazy_page import LazyPage
    from desktop.ui.safety import integrity_watch

    monkeypatch.setattr(integrity_watch, "LATEST_START_MS", 60_000)  # only the page counts
    page_built_when_checked: list[bool] = []

    def check(window: MainWindow) -> None:
        front = window.stack.currentWidget()
        assert isinstance(front, LazyPage)
        page_built_when_checked.append(front.built)

    monkeypatch.setattr(integrity_watch, "check_whole_database", check)
    window = show_main_window(context, offer_recovery=False)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(page_built_when_checked), timeout=10_000)
    assert page_built_when_checked == [True]  # built after the first paint, then checked
