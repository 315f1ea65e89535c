"""Autosave's promise, on a clock the test moves by hand: typing is saved a moment after it
pauses, and typing that never pauses is still saved every MAX_WAIT_MS."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QObject

from desktop.ui.widgets.autosave import MAX_WAIT_MS, PAUSE_MS, Autosave


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
