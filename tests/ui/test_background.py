"""The app's worker threads belong to its context: results come back on the UI thread, and
work asked for after the window closed is dropped, not run."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future

from PySide6.QtCore import QObject

from desktop.ui.background import Workers
from desktop.ui.widgets.waiting import wait_until


def test_work_runs_off_the_ui_thread_and_its_result_comes_back_on_it(qtbot) -> None:
    workers, owner = Workers(), QObject()
    ran_on: list[str] = []
    results: list[tuple[int, str]] = []
    workers.run(
        lambda: ran_on.append(threading.current_thread().name) or 42,
        lambda value: results.append((value, threading.current_thread().name)),
        owner=owner,
    )
    assert wait_until(lambda: bool(results))
    assert ran_on[0].startswith("loopwise-background")
    assert results == [(42, threading.main_thread().name)]
    workers.shut_down()


def test_a_failure_is_handed_to_the_failure_callback(qtbot) -> None:
    workers, owner = Workers(), QObject()
    failures: list[BaseException] = []

    def broken() -> None:
        raise ValueError("no good")

    workers.run(broken, lambda _value: None, failures.append, owner=owner)
    assert wait_until(lambda: bool(failures))
    assert str(failures[0]) == "no good"
    workers.shut_down()


def test_work_asked_for_after_closing_is_dropped(qtbot) -> None:
    workers, owner = Workers(), QObject()
    workers.shut_down()
    ran: list[int] = []
    future = workers.run(lambda: ran.append(1), lambda _value: ran.append(2), owner=owner)
    assert future.cancelled() and workers.wait_until_idle(1)
    qtbot.wait(50)
    assert ran == []


def test_work_done_before_run_returns_still_calls_back_through_the_event_loop(qtbot) -> None:
    class DoneAtOnce:  # as if the worker finished before `run` attached its callbacks
        def submit(self, work: Callable[[], object]) -> Future[object]:
            done: Future[object] = Future()
            done.set_result(work())
            return done

    workers, owner = Workers(), QObject()
    workers._pool = DoneAtOnce()  # type: ignore[assignment]
    said: list[str] = []
    workers.run(lambda: "result", said.append, owner=owner)
    said.append("after run")
    assert wait_until(lambda: len(said) == 2)
    assert said == ["after run", "result"]
