"""The Plan page: planning a week, moving and skipping by keys, done from the log, mocks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QStyleOptionViewItem

from desktop.domain.dates import MONDAY, local_day, local_midnight, week_of
from desktop.domain.journal import EntryKind
from desktop.domain.mocks import MockInterview, MockKind
from desktop.domain.planner import PlanSource, Target, hours_text
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.store import journal as journal_store
from desktop.store import mocks as mocks_store
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.store.errors import WriteFailed
from desktop.ui.context import AppContext
from desktop.ui.plan import mock_dialog
from desktop.ui.plan.page import PlanPage
from desktop.ui.theme import STATUS_COLOURS, Scheme, apply_theme, colours
from desktop.ui.widgets.rich_text_delegate import HTML_ROLE, RichTextDelegate
from tests.helpers.told import problems_told

pytestmark = pytest.mark.any_date

DESIGN = Target("System-design scenario", routine_id="weekly-system-design", kind="design")


@pytest.fixture
def page(open_page) -> PlanPage:
    page = open_page(PlanPage, (1100, 760))
    page.set_active(True)
    return page


def _today(context: AppContext) -> date:
    return local_day(context.now())


def _plan(context: AppContext, day: date, target: Target = DESIGN, minutes: int = 45) -> int:
    with session_scope(context.profile.engine) as session:
        return plan_store.add_plan_item(
            session=session, day=day, target=target, minutes=minutes,
            source=PlanSource.ROUTINE, reason="Routine, once a week.", now=context.now(),
        )  # fmt: skip


def _log(context: AppContext, subject: AttemptSubject, when: datetime | None = None) -> None:
    attempt = Attempt(subject, when or context.now(), 40 * 60, Outcome.PARTIAL, 2)
    with session_scope(context.profile.engine) as session:
        practice_store.log_attempt(session=session, attempt=attempt, now=context.now())


def _first_landing_day(page: PlanPage) -> date:
    """Where the first accepted suggestion goes: today, or on a Sunday next Monday."""
    today = _today(page.context)
    return today if today.weekday() < 6 else week_of(today, first=MONDAY) + timedelta(days=7)


def _planned_this_and_next_week(context: AppContext) -> list:  # type: ignore[type-arg]
    week = week_of(_today(context), first=MONDAY)
    with session_scope(context.profile.engine) as session:
        return [
            *plan_store.plan_for_week(session=session, week=week),
            *plan_store.plan_for_week(session=session, week=week + timedelta(days=7)),
        ]


def _action(page: PlanPage, text: str):  # type: ignore[no-untyped-def]
    return next(action for action in page.page_actions if action.text() == text)


def test_an_empty_week_suggests_path_items_and_routines(page: PlanPage) -> None:
    assert page.week == week_of(_today(page.context), first=MONDAY)
    assert [column.total.text() for column in page.grid.columns] == ["free"] * 7
    suggested = page.suggestions.suggestions()
    sources = {s.source for s in suggested}
    assert {PlanSource.PATH, PlanSource.ROUTINE} <= sources
    assert all(s.reason for s in suggested)
    assert "0 min planned of 6 h" in page.budget_text.text()
    today_column = next(c for c in page.grid.columns if c.day == _today(page.context))
    assert today_column.property("today") is True
    assert today_column.header.text().startswith("Today")
    total = hours_text(sum(s.minutes for s in suggested))
    assert page.suggestions.summary.text() == (
        f"{len(suggested)} suggestions · {total} in all · based on your last 90 days"
    )  # the span the weak spots are read over: Trends may show another
    assert "90 days" in page.suggestions.summary.toolTip()


def test_accepting_a_suggestion_plans_it_and_it_leaves_the_suggestions(page: PlanPage) -> None:
    first = page.suggestions.suggestions()[0]
    page.suggestions.list.setCurrentRow(0)
    page.suggestions.add_button.click()
    landing = _first_landing_day(page)
    page.show_week(week_of(landing, first=MONDAY))
    assert page.snapshot is not None
    (planned,) = page.snapshot.items
    assert planned.target == first.target and planned.reason == first.reason
    assert planned.day == landing  # the emptiest day from today
    shown = page.grid.shown_titles(planned.day)
    assert shown[0].startswith(first.target.title)
    assert first.target.key not in {s.target.key for s in page.suggestions.suggestions()}
    assert f"{planned.minutes} min planned of 6 h" in page.budget_text.text()


def test_add_all_spreads_suggestions_over_the_week(page: PlanPage) -> None:
    suggested = page.suggestions.suggestions()
    page.suggestions.add_all_button.click()
    placed = _planned_this_and_next_week(page.context)
    assert sorted(p.target.key for p in placed) == sorted(s.target.key for s in suggested)
    assert len({item.day for item in placed}) > 1
    assert page.snapshot is not None
    this_week = hours_text(sum(item.minutes for item in page.snapshot.items))
    assert page.budget_text.text().startswith(f"{this_week} planned of 6 h")


def test_items_move_and_skip_by_keys_and_buttons(page: PlanPage, context: AppContext) -> None:
    monday = page.week
    item_id = _plan(context, monday)
    context.events.plan_changed.emit()
    assert page.grid.select(item_id)
    assert not page.earlier_button.isEnabled()  # Monday is the first day
    _action(page, "Move a day later").trigger()
    assert page.grid.selected() is not None and page.grid.selected().day == monday + timedelta(1)  # type: ignore[union-attr]
    page.later_button.click()
    assert page.grid.selected().day == monday + timedelta(2)  # type: ignore[union-attr]
    _action(page, "Move a day earlier").trigger()
    assert page.grid.selected().day == monday + timedelta(1)  # type: ignore[union-attr]
    _action(page, "Skip or unskip").trigger()
    assert page.grid.selected().skipped  # type: ignore[union-attr]
    assert page.skip_button.text() == "Unskip"
    assert "0 min planned" in page.budget_text.text()
    page.skip_button.click()
    assert not page.grid.selected().skipped  # type: ignore[union-attr]


def test_dropping_an_item_on_another_day_moves_it(page: PlanPage, context: AppContext) -> None:
    item_id = _plan(context, page.week)
    context.events.plan_changed.emit()
    friday = page.grid.columns[4]
    friday.list.dropped.emit(item_id, friday.day)
    assert page.snapshot is not None and page.snapshot.items[0].day == friday.day


def test_removing_an_item(page: PlanPage, context: AppContext) -> None:
    item_id = _plan(context, page.week)
    context.events.plan_changed.emit()
    page.grid.select(item_id)
    page.remove_button.click()
    assert page.snapshot is not None and page.snapshot.items == []
    assert not page.remove_button.isEnabled()


def test_a_logged_session_fills_in_the_plan(page: PlanPage, context: AppContext) -> None:
    _plan(context, page.week + timedelta(days=3))
    context.events.plan_changed.emit()
    assert page.snapshot is not None and page.snapshot.done == {}
    subject = AttemptSubject(DESIGN.title, routine_id=DESIGN.routine_id, kind="design")
    _log(context, subject)
    context.events.sessions_changed.emit()
    assert len(page.snapshot.done) == 1
    assert page.grid.shown_titles(page.week + timedelta(days=3))[0].endswith("done")
    page.grid.select(page.snapshot.items[0].id)
    assert page.item_hint.text().endswith(": 40 min logged.")
    assert "1 of 1 done" in page.budget_text.text()


def test_the_budget_is_saved_and_read_back(page: PlanPage, context: AppContext) -> None:
    _plan(context, page.week, minutes=150)
    page.budget.setValue(2)
    page.budget.editingFinished.emit()
    with session_scope(context.profile.engine) as session:
        assert plan_store.hours_per_week(session=session) == 2
    assert page.budget_bar.property("over") is True
    assert "2 h 30 min planned of 2 h · 30 min over budget" in page.budget_text.text()


def test_weeks_can_be_paged_and_past_weeks_get_no_suggestions(page: PlanPage) -> None:
    this_week = page.week
    _action(page, "Previous week").trigger()
    assert page.week == this_week - timedelta(days=7)
    assert page.suggestions.suggestions() == []
    assert "This week is over" in page.suggestions.empty.text()
    assert page.this_week_button.isEnabled()
    page.this_week_button.click()
    assert page.week == this_week and not page.this_week_button.isEnabled()


def test_last_weeks_unfinished_items_can_be_carried_over(
    page: PlanPage, context: AppContext
) -> None:
    last_monday = page.week - timedelta(days=7)
    _plan(context, last_monday + timedelta(days=2))
    context.events.plan_changed.emit()
    assert page.review_banner.isVisible() and not page.carry_banner.isVisible()  # one at a time
    page.review_banner.later_button.click()
    context.events.plan_changed.emit()
    assert page.carry_banner.isVisible()
    assert page.carry_banner.text.text() == "1 item from last week did not get done."
    page.carry_banner.button.click()
    assert page.snapshot is not None
    (carried,) = page.snapshot.items
    assert carried.day == page.week + timedelta(days=2)
    assert carried.carried_from == last_monday + timedelta(days=2)
    assert not page.carry_banner.isVisible()


def test_logging_a_mock_interview(page: PlanPage, context: AppContext, monkeypatch) -> None:
    mock = MockInterview(
        held_at=datetime(2026, 11, 1, 16, tzinfo=UTC),
        kind=MockKind.SYSTEM_DESIGN,
        scores={"requirements": 2, "trade-offs": 3},
        with_whom="Sam",
        exposed=("capacity-estimation",),
    )

    def ask_for_mock(taxonomy, now, parent, save, existing=None):  # type: ignore[no-untyped-def]
        save(mock, True)
        return mock

    monkeypatch.setattr(mock_dialog, "ask_for_mock", ask_for_mock)
    _action(page, "Log a mock interview").trigger()
    assert page.tabs.currentWidget() is page.mocks
    assert page.mocks.list.count() == 1
    assert "Capacity estimation" in page.mocks.list.item(0).text()
    with session_scope(context.profile.engine) as session:
        (stored,) = mocks_store.mock_interviews_between(
            session=session, start=mock.held_at, end=mock.held_at + timedelta(1)
        )
        assert stored.journal_entry_id is not None
        entry = journal_store.get_entry(session=session, entry_id=stored.journal_entry_id)
        assert entry is not None and entry.kind == EntryKind.MOCK_INTERVIEW.value
    # One remark in one mock is evidence, not yet a weak spot: nothing is suggested for it.
    # (tests/ui/test_weak_spots_across_pages.py shows a mock tipping one into the plan.)
    assert "capacity-estimation" not in {s.weak_spot for s in page.suggestions.suggestions()}


def test_the_mock_dialog_scores_the_rubric_of_the_round(qtbot, context: AppContext) -> None:
    saved: list[tuple[MockInterview, bool]] = []
    dialog = mock_dialog.MockInterviewDialog(
        context.profile.taxonomy, context.now(), lambda mock, entry: saved.append((mock, entry))
    )
    qtbot.addWidget(dialog)
    dialog.accept_if_valid()
    assert not saved
    assert dialog.problem.isVisibleTo(dialog)
    assert "score at least one dimension" in dialog.problem.text()
    dialog.set_kind(MockKind.CODING)
    dialog.set_score("coding", 4)
    dialog.set_score("communication", 2)
    dialog.with_whom.setText("  Pramp ")
    dialog.exposed.set_chosen(["edge-cases"])
    dialog.set_kind(MockKind.MIXED)  # scores of shared dimensions stay
    built = dialog.build_mock()
    assert built.kind is MockKind.MIXED
    assert dict(built.scores) == {"coding": 4, "communication": 2}
    assert built.with_whom == "Pramp" and built.exposed == ("edge-cases",)
    assert dialog.wants_journal_entry
    dialog.accept_if_valid()
    assert saved == [(built, True)]
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_mock_that_fails_to_save_stays_in_its_dialog(qtbot, context: AppContext) -> None:
    def fail(_mock: MockInterview, _entry: bool) -> None:
        raise WriteFailed("the disk is full")

    dialog = mock_dialog.MockInterviewDialog(context.profile.taxonomy, context.now(), fail)
    qtbot.addWidget(dialog)
    dialog.set_kind(MockKind.CODING)
    dialog.set_score("coding", 3)
    dialog.feedback.setPlainText("Talk through the edge cases first.")
    dialog.exposed.set_chosen(["edge-cases"])
    dialog.accept_if_valid()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.result_mock is None
    assert dialog.problem.isVisibleTo(dialog) and "the disk is full" in dialog.problem.text()
    kept = dialog.build_mock()
    assert dict(kept.scores) == {"coding": 3} and kept.exposed == ("edge-cases",)
    assert kept.feedback == "Talk through the edge cases first."


def test_the_page_saves_a_mock_through_the_dialog(
    page: PlanPage, context: AppContext, monkeypatch
) -> None:
    mock = MockInterview(
        held_at=datetime(2026, 11, 1, 16, tzinfo=UTC), kind=MockKind.CODING, scores={"coding": 2}
    )
    failures: list[str] = []

    def ask_for_mock(taxonomy, now, parent, save, existing=None):  # type: ignore[no-untyped-def]
        try:
            save(mock, False)
        except WriteFailed as failure:
            failures.append(failure.reason)
            return None
        return mock

    monkeypatch.setattr(mock_dialog, "ask_for_mock", ask_for_mock)
    real_writing = type(context).writing
    monkeypatch.setattr(type(context), "writing", lambda self: _Failing())
    page.log_mock()
    assert failures == ["the disk is full"] and page.mocks.list.count() == 0
    monkeypatch.setattr(type(context), "writing", real_writing)
    page.log_mock()
    assert page.mocks.list.count() == 1 and page.tabs.currentWidget() is page.mocks


class _Failing:
    def __enter__(self):  # type: ignore[no-untyped-def]
        raise WriteFailed("the disk is full")

    def __exit__(self, *args: object) -> None:
        return None


def test_a_weak_spot_from_trends_goes_first_in_the_suggestions(page: PlanPage) -> None:
    page.show_week(page.week + timedelta(days=7))
    page.focus_weak_spot("trie", "Trie")
    assert page.week == week_of(_today(page.context), first=MONDAY)
    chosen = page.suggestions.selected()
    assert chosen is not None and chosen.weak_spot == "trie"
    assert "Trie" in chosen.reason
    assert page.tabs.currentWidget() is page.suggestions


def test_the_window_state_is_kept(page: PlanPage, context: AppContext) -> None:
    page.tabs.setCurrentIndex(1)
    page.save_state(context.settings)
    again = PlanPage(context)
    again.restore_state(context.settings)
    assert again.tabs.currentIndex() == 1
    again.deleteLater()


def test_the_arrow_keys_walk_the_days_that_have_items(
    qtbot, page: PlanPage, context: AppContext
) -> None:
    from PySide6.QtCore import Qt

    monday = _plan(context, page.week)
    thursday = _plan(context, page.week + timedelta(days=3))
    context.events.plan_changed.emit()
    page.grid.select(monday)
    qtbot.keyClick(page.grid.columns[0].list, Qt.Key.Key_Right)
    assert page.grid.selected_id() == thursday  # the empty days in between are passed over
    qtbot.keyClick(page.grid.columns[3].list, Qt.Key.Key_Right)
    assert page.grid.selected_id() == thursday  # nothing later in the week
    qtbot.keyClick(page.grid.columns[3].list, Qt.Key.Key_Left)
    assert page.grid.selected_id() == monday


def test_a_routine_can_be_added_to_the_selected_day(page: PlanPage, context: AppContext) -> None:
    page.routine_menu.aboutToShow.emit()
    titles = [action.text() for action in page.routine_menu.actions()]
    assert any(title.startswith("API-design exercise") for title in titles)
    assert not any(title.startswith("Retrospective") for title in titles)
    friday = _plan(context, page.week + timedelta(days=4))
    context.events.plan_changed.emit()
    page.grid.select(friday)
    api = next(a for a in page.routine_menu.actions() if a.text().startswith("API-design"))
    api.trigger()
    assert page.snapshot is not None
    added = next(i for i in page.snapshot.items if i.target.routine_id == "api-design-exercise")
    assert added.day == page.week + timedelta(days=4) and added.minutes == 45
    assert added.reason == "Added by you: 1 to 2 times a month."


def test_a_planned_quiz_item_starts_its_quiz(page: PlanPage, context: AppContext) -> None:
    from desktop.ui.practice.quiz_dialog import QuizDialog

    quiz = Target("System-design quiz", "backend-senior", "system-design-quiz", kind="quiz")
    item_id = _plan(context, page.week, quiz)
    context.events.plan_changed.emit()
    page.grid.select(item_id)
    opened = page.start_selected()
    assert isinstance(opened, QuizDialog)
    opened.reject()


def test_a_past_days_unfinished_item_is_marked_not_done(
    page: PlanPage, context: AppContext
) -> None:
    week = week_of(_today(context), first=MONDAY)
    wednesday = local_midnight(week + timedelta(days=2)) + timedelta(hours=9)
    context.set_clock(lambda: wednesday)
    _plan(context, week)  # Monday: over, nothing logged
    _plan(context, week + timedelta(days=4))  # Friday: still ahead
    page.reload()
    assert page.grid.shown_titles(week)[0].endswith("45 min · not done")
    assert page.grid.shown_titles(week + timedelta(days=4))[0].endswith("45 min · routine")


@pytest.mark.parametrize("scheme", [Scheme.LIGHT, Scheme.DARK])
def test_not_done_on_a_selected_card_takes_the_selection_text_colour(
    page: PlanPage, context: AppContext, qapp, scheme: Scheme
) -> None:
    """Amber "not done" on the blue selection was hard to read: selected, it is drawn in
    the selection's text colour, and amber again once the card is not selected."""
    week = week_of(_today(context), first=MONDAY)
    context.set_clock(lambda: local_midnight(week + timedelta(days=2)) + timedelta(hours=9))
    item_id = _plan(context, week)
    page.reload()
    day_list = page.grid.list_for_keys(week)
    assert day_list is not None
    delegate = day_list.itemDelegate()
    assert isinstance(delegate, RichTextDelegate)
    html = str(day_list.item(0).data(HTML_ROLE))

    def not_done_colour(selected: bool) -> QColor:
        document = delegate._document(QStyleOptionViewItem(), html, selected)
        block = document.lastBlock()
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if "not done" in fragment.text():
                return fragment.charFormat().foreground().color()
            iterator += 1
        raise AssertionError("no 'not done' on the card")

    try:
        apply_theme(qapp, scheme)
        assert page.grid.select(item_id)
        assert not_done_colour(True) == QColor(colours(scheme)["highlighted_text"])
        assert not_done_colour(False) == QColor(STATUS_COLOURS[scheme]["needs_review"])
    finally:
        apply_theme(qapp, Scheme.LIGHT)


def test_a_garbled_saved_tab_falls_back_to_the_first(page: PlanPage, context: AppContext) -> None:
    context.settings.setValue("plan/tab", "mocks, please")
    page.tabs.setCurrentIndex(1)
    page.restore_state(context.settings)
    assert page.tabs.currentIndex() == 0


def test_the_review_offer_does_not_load_the_plan_page() -> None:
    import subprocess
    import sys

    code = "import sys, desktop.ui.plan.review_offer; print('desktop.ui.plan.page' in sys.modules)"
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"


# --- a long history: suggestions from a worker thread ------------------------------------------


def test_a_long_history_shows_the_week_at_once_and_its_suggestions_after(
    qtbot, open_page, context: AppContext, monkeypatch
) -> None:
    from desktop.ui.plan import page as plan_page
    from desktop.ui.plan.data import load_week

    monkeypatch.setattr(plan_page, "ADVISE_AT_ONCE_ATTEMPTS", -1)  # any history is long
    _plan(context, week_of(_today(context), first=MONDAY))
    page = open_page(PlanPage, (1100, 760))

    assert page.snapshot is not None and len(page.snapshot.items) == 1  # the week, at once
    assert page.suggestions.busy and page.suggestions.suggestions() == []
    assert page.tabs.tabText(0) == "Suggestions (…)"
    assert not page.suggestions.add_all_button.isEnabled()
    qtbot.waitUntil(lambda: page.advice_shown == 1)
    expected = load_week(context, page.week).suggestions
    assert expected and page.suggestions.suggestions() == expected
    assert not page.suggestions.busy
    assert page.tabs.tabText(0) == f"Suggestions ({len(expected)})"


def test_suggestions_for_a_week_left_meanwhile_are_dropped(
    qtbot, open_page, context: AppContext, monkeypatch
) -> None:
    import threading

    from desktop.ui.plan import data as plan_data
    from desktop.ui.plan import page as plan_page

    monkeypatch.setattr(plan_page, "ADVISE_AT_ONCE_ATTEMPTS", -1)
    first_started, release_first = threading.Event(), threading.Event()
    weeks_asked: list[date] = []
    real_reader = plan_data.advice_reader

    def held_reader(context_, plan, focus):  # type: ignore[no-untyped-def]
        work = real_reader(context_, plan, focus)
        weeks_asked.append(plan.week)
        if len(weeks_asked) > 1:
            return work

        def held():  # type: ignore[no-untyped-def]
            first_started.set()
            release_first.wait(10)
            return work()

        return held

    monkeypatch.setattr(plan_page, "advice_reader", held_reader)
    page = open_page(PlanPage, (1100, 760))
    this_week = page.week
    qtbot.waitUntil(first_started.is_set)
    _action(page, "Next week").trigger()  # before this week's suggestions came
    qtbot.waitUntil(lambda: page.advice_shown == 1)
    next_weeks = page.suggestions.suggestions()
    release_first.set()
    qtbot.waitUntil(lambda: context.workers.wait_until_idle(0))
    qtbot.wait(50)  # this week's late answer is delivered, and dropped

    assert weeks_asked == [this_week, this_week + timedelta(days=7)]
    assert page.advice_shown == 1 and page.suggestions.suggestions() == next_weeks
    assert page.week == this_week + timedelta(days=7)


def test_paging_through_weeks_works_out_suggestions_for_the_last_only(
    qtbot, open_page, context: AppContext, monkeypatch
) -> None:
    from desktop.ui.plan import data as plan_data
    from desktop.ui.plan import page as plan_page

    monkeypatch.setattr(plan_page, "ADVISE_AT_ONCE_ATTEMPTS", -1)
    worked_out: list[date] = []
    real_reader = plan_data.advice_reader

    def counting_reader(context_, plan, focus):  # type: ignore[no-untyped-def]
        work = real_reader(context_, plan, focus)

        def counted():  # type: ignore[no-untyped-def]
            worked_out.append(plan.week)
            return work()

        return counted

    monkeypatch.setattr(plan_page, "advice_reader", counting_reader)
    page = open_page(PlanPage, (1100, 760))
    for _ in range(3):
        _action(page, "Next week").trigger()
    qtbot.waitUntil(lambda: page.advice_shown == 1)
    qtbot.wait(plan_page.ADVICE_DELAY_MS + 50)
    assert worked_out == [page.week] and page.week == week_of(
        _today(context), first=MONDAY
    ) + timedelta(21)
    assert page.advice_shown == 1 and not page.suggestions.busy


def test_switching_weeks_shows_each_weeks_own_items(page: PlanPage, context: AppContext) -> None:
    this_week = page.week
    other = Target("Two Sum", "backend-senior", "two-sum", kind="code")
    _plan(context, this_week + timedelta(days=1))
    _plan(context, this_week - timedelta(days=5), other, minutes=20)
    context.events.plan_changed.emit()

    _action(page, "Previous week").trigger()
    assert [column.day for column in page.grid.columns] == [
        this_week - timedelta(days=7 - n) for n in range(7)
    ]
    assert page.grid.shown_titles(this_week - timedelta(days=5))[0].startswith("Two Sum")
    assert sum(len(page.grid.shown_titles(c.day)) for c in page.grid.columns) == 1
    assert page.grid.columns[2].list.accessibleName().startswith("Planned on Wednesday")
    _action(page, "Next week").trigger()
    assert page.grid.columns[0].day == this_week
    assert page.grid.shown_titles(this_week + timedelta(days=1))[0].startswith(DESIGN.title)
    assert sum(len(page.grid.shown_titles(c.day)) for c in page.grid.columns) == 1


def test_suggestions_that_cannot_be_worked_out_are_told(
    qtbot, open_page, context: AppContext, monkeypatch
) -> None:
    from desktop.ui.plan import page as plan_page
    from tests.failures import SQLITE_BUSY, sqlite_failure

    monkeypatch.setattr(plan_page, "ADVISE_AT_ONCE_ATTEMPTS", -1)
    told = problems_told(monkeypatch)

    def locked_reader(*_args: object):  # type: ignore[no-untyped-def]
        def fail() -> None:
            raise sqlite_failure(SQLITE_BUSY, "SELECT")

        return fail

    monkeypatch.setattr(plan_page, "advice_reader", locked_reader)
    page = open_page(PlanPage, (1100, 760))
    qtbot.waitUntil(lambda: bool(told))
    assert "another program is using the database" in told[0]
    assert not page.suggestions.busy and page.suggestions.suggestions() == []


def test_a_week_switch_reads_only_the_week_until_something_changes(
    page: PlanPage, context: AppContext, monkeypatch
) -> None:
    from desktop.domain.mocks import RUBRIC

    reads: list[str] = []
    real_mocks, real_review = mocks_store.mock_interviews_between, plan_store.review_due

    def counted_mocks(**kwargs):  # type: ignore[no-untyped-def]
        reads.append("mocks")
        return real_mocks(**kwargs)

    def counted_review(**kwargs):  # type: ignore[no-untyped-def]
        reads.append("review")
        return real_review(**kwargs)

    monkeypatch.setattr(mocks_store, "mock_interviews_between", counted_mocks)
    monkeypatch.setattr(plan_store, "review_due", counted_review)
    _action(page, "Previous week").trigger()
    _action(page, "Next week").trigger()
    assert reads.count("review") == 0  # the mocks read is the week's own, for what is done

    scores = {key: 3 for key, _label in RUBRIC[MockKind.CODING]}
    mock = MockInterview(context.now() - timedelta(hours=1), MockKind.CODING, scores)
    with context.writing() as session:
        mocks_store.log_mock(session=session, mock=mock, now=context.now())
    assert reads.count("review") == 1
    assert page.mocks.list.count() == 1  # the new mock interview, read again


def test_a_screenshot_of_the_plan_waits_for_its_suggestions(
    open_page, context: AppContext, monkeypatch
) -> None:
    from desktop.ui.plan import page as plan_page

    monkeypatch.setattr(plan_page, "ADVISE_AT_ONCE_ATTEMPTS", -1)
    page = open_page(PlanPage, (1100, 760))
    assert page.suggestions.busy
    page.prepare_for_screenshot()
    assert not page.suggestions.busy and page.suggestions.suggestions()


def test_a_mock_stays_selected_after_it_is_edited(
    page: PlanPage, context: AppContext, monkeypatch
) -> None:
    first = MockInterview(
        held_at=datetime(2026, 11, 1, 16, tzinfo=UTC), kind=MockKind.CODING, scores={"coding": 2}
    )
    second = replace(first, held_at=datetime(2026, 11, 3, 16, tzinfo=UTC))
    chosen: list[MockInterview] = []

    def ask_for_mock(taxonomy, now, parent, save, existing=None):  # type: ignore[no-untyped-def]
        mock = replace(existing, with_whom="Sam") if existing else chosen.pop(0)
        save(mock, existing is None)
        return mock

    monkeypatch.setattr(mock_dialog, "ask_for_mock", ask_for_mock)
    chosen += [first, second]
    page.log_mock()
    page.log_mock()
    page.mocks.list.setCurrentRow(1)  # the older one
    older = page.mocks.selected()
    assert older is not None
    page.mocks.edit_button.click()
    assert page.mocks.selected() is not None and page.mocks.selected().id == older.id  # type: ignore[union-attr]
    assert page.mocks.edit_button.isEnabled()
