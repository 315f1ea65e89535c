"""End to end: plan a week, practise from the plan, watch it fill in, review the week, and
find next week's plan and suggestions, across a restart."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from desktop.domain.journal import EntryKind
from desktop.domain.planner import PlanSource
from desktop.domain.practice import Attempt, Outcome
from desktop.folders import ProfileFolder
from desktop.store import journal as journal_store
from desktop.store.database import session_scope
from desktop.ui.main_window import MainWindow
from desktop.ui.plan.page import PlanPage
from desktop.ui.plan.review_dialog import WeeklyReviewDialog
from desktop.ui.practice.session_window import PracticeSessionWindow
from desktop.ui.theme import Scheme, apply_theme
from tests.clocks import StepClock
from tests.journeys import start_app, stop_app

# Local time the test moves on: the plan is made on a Monday, reviewed on Sunday.
CLOCK = StepClock(datetime(2026, 11, 9, 9).astimezone())  # a Monday morning


def _start(folder: ProfileFolder) -> tuple[MainWindow, PlanPage]:
    return start_app(folder, "plan", PlanPage, clock=CLOCK)


def test_plan_practise_review_and_plan_the_next_week(
    qtbot, qapp, tmp_path: Path, monkeypatch
) -> None:
    apply_theme(qapp, Scheme.LIGHT)
    CLOCK.current = datetime(2026, 11, 9, 9).astimezone()
    folder = ProfileFolder(tmp_path / "planner")

    def solved_it(self: PracticeSessionWindow) -> Attempt:
        return Attempt(self.subject, self.clock.started_at, 28 * 60, Outcome.SOLVED, 4)

    def write_review(self: WeeklyReviewDialog) -> int:
        assert self.wait_until_read()
        self.set_answer("went_well", "Kept to the plan on a busy week.")
        self.save()
        return 1

    monkeypatch.setattr(PracticeSessionWindow, "ask_outcome", solved_it)
    monkeypatch.setattr(WeeklyReviewDialog, "exec", write_review)

    # Plan the week: the next path item and the weekly system-design scenario.
    window, page = _start(folder)
    suggested = page.suggestions.suggestions()
    path_item = next(s for s in suggested if s.source is PlanSource.PATH)
    design = next(s for s in suggested if s.target.routine_id == "weekly-system-design")
    page.accept_suggestions([path_item, design])
    assert page.snapshot is not None and len(page.snapshot.items) == 2
    assert page.snapshot.done == {}

    # Practise the path item from the plan: the log fills the plan in.
    planned = next(i for i in page.snapshot.items if i.target == path_item.target)
    page.grid.select(planned.id)
    session_window = page.start_selected()
    assert isinstance(session_window, PracticeSessionWindow)
    session_window.finish()
    window.show_page("plan")
    assert set(page.snapshot.done) == {planned.id}
    assert page.grid.shown_titles(planned.day)[0].endswith("done")
    assert "1 of 2 done" in page.budget_text.text()

    # Review the week on Sunday evening: numbers in the journal, the unfinished design
    # scenario carried over.
    CLOCK.current = datetime(2026, 11, 15, 19).astimezone()
    page.review_button.click()
    next_week = page.week + timedelta(days=7)
    page.show_week(next_week)
    assert page.snapshot is not None
    planned_next = {item.target.key for item in page.snapshot.items}
    assert design.target.key in planned_next
    assert len(planned_next) > 1, "ticked suggestions were added to next week"
    assert page.suggestions.suggestions() or "Nothing to suggest" in page.suggestions.empty.text()
    assert path_item.target.key not in {s.target.key for s in page.suggestions.suggestions()}
    stop_app(window)

    # After a restart the plan and the review are still there.
    window, page = _start(folder)
    page.show_week(next_week)
    assert page.snapshot is not None
    assert {item.target.key for item in page.snapshot.items} == planned_next
    with session_scope(window.context.profile.engine) as session:
        review = journal_store.newest_entry(session=session)
    assert review is not None and review.kind == EntryKind.WEEKLY_REVIEW.value
    assert "Kept to the plan on a busy week." in review.body
    assert "- Planned vs done: 1 of 2 planned items done" in review.body
    stop_app(window)
