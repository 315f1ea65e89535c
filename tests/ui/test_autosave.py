"""Autosave's promise, on a clock the test moves by hand: typing is saved a moment after it
pauses, and typing that never pauses is still saved every MAX_WAIT_MS."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from desktop.store.errors import Trouble, WriteFailed
from desktop.ui.widgets.autosave import MAX_WAIT_MS, PAUSE_MS, Autosave, KeptDraft


class ManualClock:
    """Fake one-shot timers that fire, in order, only when the test moves the clock on."""

    def __init__(self) -> None:
        self.now = 0
        self._timers: list[FakeTimer] = []

    def make_timer(self, _parent: QObject, fire: Callable[[], None]) -> FakeTimer:
        timer = FakeTimer(self, fire)
        self._timers.append(timer)
        return timer

    def advance_to(self, moment: int) -> None:
        while True:
            due = [t for t in self._timers if t.due is not None and t.due <= moment]
            if not due:
                break
            first = min(due, key=lambda t: t.due or 0)
            self.now = first.due or 0
            first.due = None
            first.fire()
        self.now = moment


class FakeTimer:
    def __init__(self, clock: ManualClock, fire: Callable[[], None]) -> None:
        self.clock, self.fire = clock, fire
        self.due: int | None = None

    def start(self, milliseconds: int) -> None:
        self.due = self.clock.now + milliseconds

    def stop(self) -> None:
        self.due = None

    def isActive(self) -> bool:
        return self.due is not None


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


def _autosave(clock: ManualClock, saves: list[int]) -> Autosave:
    return Autosave(lambda: saves.append(clock.now), make_timer=clock.make_timer)


@pytest.mark.parametrize("every", [40, 150, PAUSE_MS - 1])
def test_typing_that_never_pauses_is_saved_every_max_wait(clock: ManualClock, every: int) -> None:
    saves: list[int] = []
    autosave = _autosave(clock, saves)
    first_unsaved: list[int] = []
    for moment in range(0, 10_000, every):
        clock.advance_to(moment)
        if len(first_unsaved) == len(saves):  # this keystroke is the first one not yet saved
            first_unsaved.append(moment)
        autosave.changed()
    assert len(saves) >= 10_000 // (MAX_WAIT_MS + every)
    assert [saved - typed for saved, typed in zip(saves, first_unsaved, strict=False)] == [
        MAX_WAIT_MS
    ] * len(saves)


# What a kill may lose: no keystroke stays unsaved longer than this (docs/data-safety.md).
LONGEST_UNSAVED_MS = 400


@pytest.mark.parametrize("rhythm", [[40], [150], [299, 40], [350, 90, 30], [700], [2_000, 10]])
def test_no_keystroke_stays_unsaved_longer_than_the_promised_moment(
    clock: ManualClock, rhythm: list[int]
) -> None:
    saves: list[int] = []
    autosave = _autosave(clock, saves)
    typed, moment = [], 0
    while moment < 10_000:
        for gap in rhythm:
            clock.advance_to(moment)
            autosave.changed()
            typed.append(moment)
            moment += gap
    clock.advance_to(moment + 5_000)
    waits = [min(s for s in saves if s >= keystroke) - keystroke for keystroke in typed]
    assert max(waits) <= LONGEST_UNSAVED_MS


def test_a_pause_in_typing_saves_without_waiting_for_the_max(clock: ManualClock) -> None:
    saves: list[int] = []
    autosave = _autosave(clock, saves)
    autosave.changed()
    clock.advance_to(50)
    autosave.changed()
    clock.advance_to(5_000)
    assert saves == [min(50 + PAUSE_MS, MAX_WAIT_MS)]


def test_a_failed_save_is_retried_later_not_at_every_keystroke(clock: ManualClock) -> None:
    saves: list[int] = []
    autosave = _autosave(clock, saves)
    autosave.retry_in(5_000)
    clock.advance_to(4_999)
    assert saves == []
    clock.advance_to(5_000)
    assert saves == [5_000]


def test_nothing_is_saved_once_stopped(clock: ManualClock) -> None:
    saves: list[int] = []
    autosave = _autosave(clock, saves)
    autosave.changed()
    autosave.stop()
    clock.advance_to(10_000)
    assert saves == []


def test_the_real_timers_save_after_a_pause(qtbot) -> None:
    saves: list[str] = []
    autosave = Autosave(lambda: saves.append("saved"))
    autosave.changed()
    qtbot.waitUntil(lambda: saves == ["saved"], timeout=10_000)


class _Shelf:
    """A store of notes by name that can be told to fail, for KeptDraft's writer."""

    def __init__(self) -> None:
        self.saved: dict[str, str] = {}
        self.failing = False

    def write(self, key: str, draft: str, saved: Callable[[], None]) -> None:
        if self.failing:
            raise WriteFailed("the disk is full", Trouble.DISK_FULL)
        if key == "gone":
            raise LookupError("it was removed")
        self.saved[key] = draft
        saved()


def _kept(qtbot, shelf: _Shelf) -> tuple[KeptDraft[str, str], QPlainTextEdit, QLabel]:
    editor, state, warning = QPlainTextEdit(), QLabel(), QLabel()
    for widget in (editor, state, warning):
        qtbot.addWidget(widget)
    kept: KeptDraft[str, str] = KeptDraft(
        noun="note",
        read_draft=editor.toPlainText,
        save_state=state,
        warning=warning,
        parent=editor,
    )
    kept.write = shelf.write
    return kept, editor, warning


def _show(kept: KeptDraft[str, str], editor: QPlainTextEdit, key: str, saved: str) -> None:
    kept.flush()
    kept.set_aside()
    held = kept.draft_set_aside(key)
    editor.setPlainText(saved if held is None else held)
    kept.load(key, saved=saved)


def test_a_draft_set_aside_comes_back_and_is_saved_once_possible(qtbot) -> None:
    shelf = _Shelf()
    kept, editor, warning = _kept(qtbot, shelf)
    _show(kept, editor, "a", "")
    shelf.failing = True
    editor.setPlainText("typed while the disk was full")
    _show(kept, editor, "b", "b's notes")  # the user moves on; the save fails
    assert "the disk is full" in warning.text()
    assert kept.has_unsaved_changes() and shelf.saved == {}
    assert editor.toPlainText() == "b's notes"
    _show(kept, editor, "a", "")  # back: the held text is what the user sees
    assert editor.toPlainText() == "typed while the disk was full"
    _show(kept, editor, "b", "b's notes")
    shelf.failing = False
    assert kept.flush()  # the next save takes the held draft along
    assert shelf.saved == {"a": "typed while the disk was full"}
    assert not kept.has_unsaved_changes() and warning.isHidden()


def test_a_draft_whose_record_is_gone_is_not_held_for_ever(qtbot) -> None:
    shelf = _Shelf()
    kept, editor, _warning = _kept(qtbot, shelf)
    _show(kept, editor, "gone", "")
    editor.setPlainText("text for a removed item")
    assert not kept.flush()  # said once, on screen
    kept.set_aside()
    _show(kept, editor, "b", "")
    assert not kept.has_unsaved_changes()
