"""The weekly review: numbers, weak spots, reflection, next week's plan; and when it is offered."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest

from desktop.domain.dates import MONDAY, local_day, week_of
from desktop.domain.journal import EntryKind
from desktop.domain.mocks import MockInterview, MockKind
from desktop.domain.planner import PlanSource, Target
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.store import journal as journal_store
from desktop.store import mocks as mocks_store
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.store.errors import WriteFailed
from desktop.ui.context import AppContext
from desktop.ui.plan.page import PlanPage
from desktop.ui.plan.review_dialog import WeeklyReviewDialog
from desktop.ui.widgets import dialogs

DESIGN = Target("System-design scenario", routine_id="weekly-system-design", kind="design")
THREE_SUM = Target("3Sum", "backend-senior", "3sum", kind="code")
BUT_CAPACITY = ("requirements", "api", "data-model", "high-level-architecture", "deep-dive",
                "scaling-and-bottlenecks", "trade-offs")  # fmt: skip


def _at(day: date, hour: int = 18) -> datetime:
    return datetime(day.year, day.month, day.day, hour).astimezone()


def _last_week(context: AppContext) -> date:
    return week_of(local_day(context.now()), first=MONDAY) - timedelta(days=7)


def _fill_last_week(context: AppContext) -> date:
    """Two planned items, one of them done by a session that also noted a struggle."""
    week = _last_week(context)
    with session_scope(context.profile.engine) as session:
        for offset, target in ((1, DESIGN), (3, THREE_SUM)):
            plan_store.add_plan_item(
                session=session, day=week + timedelta(days=offset), target=target, minutes=40,
                source=PlanSource.ROUTINE, reason="Planned.", now=_at(week, 8),
            )  # fmt: skip
        subject = AttemptSubject(DESIGN.title, routine_id=DESIGN.routine_id, kind="design")
        # Capacity estimation was left out twice a fortnight earlier, and is again.
        for days, seconds in ((-13, 40 * 60), (-10, 40 * 60), (1, 35 * 60)):
            attempt = Attempt(
                subject, _at(week + timedelta(days=days)), seconds, Outcome.PARTIAL, 3,
                steps_covered=BUT_CAPACITY,
                struggles=("capacity-estimation",) if days > 0 else (),
            )  # fmt: skip
            practice_store.log_attempt(session=session, attempt=attempt, now=_at(week, 19))
    return week


def test_the_review_shows_the_week_in_numbers(qtbot, context: AppContext) -> None:
    week = _fill_last_week(context)
    dialog = WeeklyReviewDialog(context, week)
    assert dialog.wait_until_read()
    qtbot.addWidget(dialog)
    n = dialog.numbers
    assert (n.sessions, n.minutes, n.planned, n.done) == (1, 35, 2, 1)
    assert "Capacity estimation: 1 this week, 0 the week before" in dialog.moves_label.text()
    assert [item.target for item in dialog.left_over] == [THREE_SUM]
    assert dialog.carry.isChecked() and "unfinished item" in dialog.carry.text()
    assert dialog.suggestions, "next week has suggestions"
    assert THREE_SUM.key not in {s.target.key for s in dialog.suggestions}  # it is carried


def test_a_mock_interview_counts_in_how_its_weak_spots_moved(qtbot, context: AppContext) -> None:
    week = _fill_last_week(context)
    mock = MockInterview(
        _at(week + timedelta(days=4)), MockKind.SYSTEM_DESIGN, {"requirements": 2},
        exposed=("capacity-estimation",),
    )  # fmt: skip
    with session_scope(context.profile.engine) as session:
        mocks_store.log_mock(session=session, mock=mock, now=_at(week + timedelta(days=4), 20))
    dialog = WeeklyReviewDialog(context, week)
    assert dialog.wait_until_read()
    qtbot.addWidget(dialog)
    assert dialog.moves_label.text().startswith(
        "Capacity estimation: 2 this week, 0 the week before (▲ more often)"
    )


def test_saving_writes_the_journal_entry_and_next_weeks_plan(qtbot, context: AppContext) -> None:
    week = _fill_last_week(context)
    dialog = WeeklyReviewDialog(context, week)
    assert dialog.wait_until_read()
    qtbot.addWidget(dialog)
    dialog.set_answer("went_well", "Said the trade-offs out loud.")
    for box in dialog.suggestion_boxes:
        box.setChecked(False)
    dialog.suggestion_boxes[0].setChecked(True)
    chosen = dialog.chosen_suggestions()
    with qtbot.waitSignal(context.events.plan_changed):
        dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    with session_scope(context.profile.engine) as session:
        entry = journal_store.get_entry(session=session, entry_id=dialog.saved_entry_id or 0)
        assert entry is not None and entry.kind == EntryKind.WEEKLY_REVIEW.value
        assert "Said the trade-offs out loud." in entry.body
        assert "- Planned vs done: 1 of 2 planned items done" in entry.body
        assert "- 3Sum" in entry.body  # carried into next week's plan
        upcoming = plan_store.plan_for_week(session=session, week=week + timedelta(days=7))
    assert {item.target.key for item in upcoming} == {THREE_SUM.key, chosen[0].target.key}
    carried = next(item for item in upcoming if item.target == THREE_SUM)
    assert carried.carried_from == week + timedelta(days=3)


def test_a_failed_save_keeps_what_was_typed(qtbot, context: AppContext, monkeypatch) -> None:
    week = _fill_last_week(context)
    dialog = WeeklyReviewDialog(context, week)
    assert dialog.wait_until_read()
    qtbot.addWidget(dialog)
    dialog.set_answer("was_hard", "Capacity estimates.")

    told: list[str] = []
    monkeypatch.setattr(type(context), "writing", lambda self: _Failing())
    monkeypatch.setattr(dialogs, "tell_not_saved", lambda _p, what, why: told.append(why))
    dialog.save()
    assert told == ["the disk is full"]
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.answers["was_hard"].toPlainText() == "Capacity estimates."
    with session_scope(context.profile.engine) as session:
        assert journal_store.newest_entry(session=session) is None


def test_cancelling_asks_before_dropping_what_was_written(
    qtbot, context: AppContext, monkeypatch
) -> None:
    week = _fill_last_week(context)
    dialog = WeeklyReviewDialog(context, week)
    assert dialog.wait_until_read()
    qtbot.addWidget(dialog)
    dialog.show()
    asked: list[str] = []
    answer = {"discard": False}

    def confirm(_parent: object, title: str, _question: str, _action: str) -> bool:
        asked.append(title)
        return answer["discard"]

    monkeypatch.setattr(dialogs, "confirm", confirm)
    dialog.set_answer("went_well", "Said the trade-offs out loud.")
    dialog.reject()  # Esc or Cancel
    assert asked == ["Discard this review?"]
    assert dialog.isVisible()  # still open, the text still there
    answer["discard"] = True
    dialog.reject()
    assert not dialog.isVisible()


def test_cancelling_an_empty_review_does_not_ask(qtbot, context: AppContext, monkeypatch) -> None:
    dialog = WeeklyReviewDialog(context, _fill_last_week(context))
    assert dialog.wait_until_read()
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: pytest.fail("asked for nothing"))
    dialog.reject()
    assert not dialog.isVisible()


def test_ctrl_s_saves_the_review(qtbot, context: AppContext, monkeypatch) -> None:
    from PySide6.QtGui import QKeySequence, QShortcut

    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)  # no question left open
    dialog = WeeklyReviewDialog(context, _fill_last_week(context))
    assert dialog.wait_until_read()
    qtbot.addWidget(dialog)
    dialog.set_answer("went_well", "Kept to the plan.")
    (save_key,) = [
        key
        for key in dialog.findChildren(QShortcut)
        if key.key() == QKeySequence(QKeySequence.StandardKey.Save)
    ]
    with qtbot.waitSignal(context.events.plan_changed):
        save_key.activated.emit()
    assert dialog.saved_entry_id is not None


class _Failing:
    def __enter__(self):  # type: ignore[no-untyped-def]
        raise WriteFailed("the disk is full")

    def __exit__(self, *args: object) -> None:
        return None


@pytest.fixture
def page(open_page) -> PlanPage:
    return open_page(PlanPage)


def test_the_page_offers_the_review_until_it_is_written(
    qtbot, context: AppContext, monkeypatch
) -> None:
    _fill_last_week(context)
    page = PlanPage(context)
    qtbot.addWidget(page)
    page.show()
    assert page.review_banner.isVisible()

    def review(self: WeeklyReviewDialog) -> int:
        assert self.wait_until_read()
        self.save()
        return 1

    monkeypatch.setattr(WeeklyReviewDialog, "exec", review)
    page.start_review(_last_week(context))
    assert not page.review_banner.isVisible()


def test_not_now_hides_the_offer(qtbot, context: AppContext) -> None:
    _fill_last_week(context)
    page = PlanPage(context)
    qtbot.addWidget(page)
    page.show()
    next(
        b
        for b in page.review_banner.findChildren(type(page.carry_banner.button))
        if b.text() == "Not now"
    ).click()
    assert not page.review_banner.isVisible()
    context.events.plan_changed.emit()
    assert not page.review_banner.isVisible()


def test_nothing_to_review_means_no_offer(page: PlanPage) -> None:
    assert not page.review_banner.isVisible()


def test_the_new_week_is_announced_once_in_the_status_bar(
    qtbot, context: AppContext, open_window
) -> None:
    from desktop.ui.plan.review_offer import announce_weekly_review

    _fill_last_week(context)
    window = open_window()
    assert announce_weekly_review(window)
    plan_key = f"Ctrl+{[page.page_key for page in window.pages].index('plan') + 1}"
    assert f"Last week is over: look back at it on the Plan page ({plan_key})" in (
        window.statusBar().currentMessage()
    )
    assert not announce_weekly_review(window)  # once a week, even after a restart
    with session_scope(context.profile.engine) as session:
        assert plan_store.review_offered_on(session=session) == local_day(context.now())


def test_trends_can_ask_the_plan_page_to_work_on_a_weak_spot(
    qtbot, context: AppContext, open_window
) -> None:

    window = open_window()
    context.events.plan_focus_requested.emit("union-find", "Union-find", None)  # no row pick
    page = window.current_page()
    assert isinstance(page, PlanPage)
    chosen = page.suggestions.selected()
    assert chosen is not None and chosen.weak_spot == "union-find"
    assert chosen.reason.startswith("Weak spot: Union-find")


def test_a_sunday_review_of_this_week_keeps_todays_items_and_nothing_comes_back(
    qtbot, context: AppContext
) -> None:
    context.set_clock(lambda: datetime(2026, 11, 8, 9).astimezone())  # a Sunday morning
    week = week_of(local_day(context.now()), first=MONDAY)
    sunday = week + timedelta(days=6)
    with session_scope(context.profile.engine) as session:
        for day, target in ((week + timedelta(days=2), THREE_SUM), (sunday, DESIGN)):
            plan_store.add_plan_item(
                session=session, day=day, target=target, minutes=40,
                source=PlanSource.PATH, reason="Planned.", now=context.now(),
            )  # fmt: skip
    dialog = WeeklyReviewDialog(context, week)
    assert dialog.wait_until_read()
    qtbot.addWidget(dialog)
    assert [item.target for item in dialog.left_over] == [THREE_SUM]  # today's is still open
    dialog.save()
    with session_scope(context.profile.engine) as session:
        still = plan_store.plan_for_week(session=session, week=week)
    assert [(i.target, i.carried_over) for i in still] == [(THREE_SUM, True), (DESIGN, False)]
    page = PlanPage(context)
    qtbot.addWidget(page)
    page.show()
    suggested = {s.target.key for s in page.suggestions.suggestions()}
    assert THREE_SUM.key not in suggested  # carried into next week: not offered again
    assert "last day of this week" in page.suggestions.rule.text()


def _held_read(monkeypatch) -> threading.Event:  # type: ignore[no-untyped-def]
    """The review's read waits on its worker until the returned event is set."""
    from desktop.ui.plan import review_dialog

    let_go = threading.Event()
    reader = review_dialog.review_reader

    def held(context: AppContext, week: date):  # type: ignore[no-untyped-def]
        read = reader(context, week)

        def wait_then_read():  # type: ignore[no-untyped-def]
            let_go.wait(10)
            return read()

        return wait_then_read

    monkeypatch.setattr(review_dialog, "review_reader", held)
    return let_go


def test_the_review_reads_its_weeks_on_a_worker_with_a_busy_note(
    qtbot, context: AppContext, monkeypatch
) -> None:
    week = _fill_last_week(context)
    let_go = _held_read(monkeypatch)
    dialog = WeeklyReviewDialog(context, week)  # returns while the weeks are being read
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ready and dialog.busy.isVisible()
    assert not hasattr(dialog, "numbers")
    let_go.set()
    qtbot.waitUntil(lambda: dialog.ready)
    assert not dialog.busy.isVisible()
    assert (dialog.numbers.sessions, dialog.numbers.planned) == (1, 2)


def test_a_review_closed_before_its_read_came_drops_it(
    qtbot, context: AppContext, monkeypatch
) -> None:
    week = _fill_last_week(context)
    let_go = _held_read(monkeypatch)
    dialog = WeeklyReviewDialog(context, week)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reject()  # Cancel while the weeks are read
    let_go.set()
    assert context.workers.wait_until_idle(10)
    qtbot.wait(100)  # the result is handed back, and dropped
    assert not dialog.ready and not hasattr(dialog, "numbers")
