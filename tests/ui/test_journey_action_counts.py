"""The issue's figure, walked through with the real window: logging a Coding: Medium
session and writing its retrospective takes at most ten user actions (free text counts one
per field), each action below being one click, key or field typed into."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.domain.practice import Outcome
from desktop.store import journal as journal_store
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage
from desktop.ui.path.page import PathPage
from desktop.ui.practice.finish_dialog import FinishSessionDialog
from desktop.ui.practice.session_window import PracticeSessionWindow
from tests.clocks import ManualClock

pytestmark = pytest.mark.any_date

ANSWERS = (
    "Sorting first makes the inner search a two-pointer sweep.",
    "Two pointers, because the array was sorted.",
    "Skipping duplicates without missing a triplet.",
    "Write the duplicate-skipping loop before the sweep.",
)


class Actions:
    """Counts what the user does: a click, a key chord, typing into one field."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, times: int = 1) -> None:
        self.count += times


def test_a_medium_session_and_its_retrospective_in_ten_actions(
    qtbot, context: AppContext, monkeypatch, open_window
) -> None:
    clock = ManualClock(context.now())
    context.set_clock(clock)
    window = open_window()
    act = Actions()

    path_page = window.current_page()
    assert isinstance(path_page, PathPage)
    path_page.select_item("3sum")  # click the item
    act()
    session = path_page.start_practice("3sum")  # "Start practice"
    act()
    assert isinstance(session, PracticeSessionWindow)
    clock.advance(timedelta(minutes=24))

    def answer(dialog: FinishSessionDialog) -> int:
        # Its patterns are ticked already: two pointers, sorting, arrays.
        assert set(dialog.patterns.chosen()) == {"two-pointers", "sorting", "arrays-strings"}
        dialog.choose(Outcome.SOLVED, 4)  # two clicks: the outcome and the confidence
        act()
        act()
        dialog._try_accept()  # "Log session"
        act()
        return 1

    monkeypatch.setattr(FinishSessionDialog, "exec", answer)
    session.finish()  # "Finish"
    act()

    journal = window.current_page()
    assert isinstance(journal, JournalPage)
    editor = journal.editor.markdown.editor
    entry_id = journal.editor.entry_id
    assert entry_id is not None
    for text in ANSWERS:  # each section: click into it (the first has the cursor) and type
        line = editor.first_field_line()
        assert line is not None and editor.textCursor().blockNumber() == line
        editor.insertPlainText(text)
        act()
        following = editor.first_field_line()
        if following is not None:
            cursor = editor.textCursor()
            cursor.setPosition(editor.document().findBlockByNumber(following).position())
            editor.setTextCursor(cursor)
    assert journal.editor.flush()  # what autosave does after a pause
    assert act.count <= 10, act.count

    with session_scope(context.profile.engine) as db:
        entry = journal_store.get_entry(session=db, entry_id=entry_id)
        (attempt,) = practice_store.attempts_for_item(
            session=db, path_id="backend-senior", item_id="3sum"
        )
    assert entry is not None and all(text in entry.body for text in ANSWERS)
    assert attempt.outcome is Outcome.SOLVED and attempt.minutes == 24
    assert "two-pointers" in attempt.patterns


def test_the_weekly_review_and_next_weeks_plan_in_eight_actions(
    qtbot, context: AppContext, monkeypatch, open_window
) -> None:
    from desktop.ui.plan.page import PlanPage
    from desktop.ui.plan.review_dialog import WeeklyReviewDialog
    from tests.ui.test_weekly_review import _fill_last_week

    week = _fill_last_week(context)
    window = open_window()
    act = Actions()

    window.show_page("plan")  # the Plan page, from the sidebar
    act()
    plan = window.current_page()
    assert isinstance(plan, PlanPage) and plan.review_banner.isVisibleTo(plan)
    seen: list[str] = []
    saved: list[int | None] = []

    def review(dialog: WeeklyReviewDialog) -> int:
        assert dialog.wait_until_read()
        for key, text in (
            ("went_well", "Said the trade-offs out loud."),
            ("was_hard", "Capacity estimates."),
            ("change", "Estimate before drawing boxes."),
        ):
            if key in dialog.answers:
                dialog.set_answer(key, text)
                act()
        # Suggestions within the budget come ticked; each says where it goes.
        seen.extend(label.text() for label in dialog.destinations if label.text())
        dialog.save()  # "Save review"
        act()
        saved.append(dialog.saved_entry_id)
        return 1

    monkeypatch.setattr(WeeklyReviewDialog, "exec", review)
    plan.review_banner.start_requested.emit()  # "Review last week"
    act()
    assert act.count <= 8, act.count
    assert seen and all(text.startswith("→ ") for text in seen)
    (entry_id,) = saved
    with session_scope(context.profile.engine) as db:
        entry = journal_store.get_entry(session=db, entry_id=entry_id or 0)
        planned = plan_store.plan_for_week(session=db, week=week + timedelta(days=7))
        planned += plan_store.plan_for_week(session=db, week=week + timedelta(days=14))
    assert entry is not None and "Said the trade-offs out loud." in entry.body
    assert len(planned) >= 1 + len(seen)  # the carried item and every ticked suggestion


def test_a_loop_sheet_pdf_in_five_actions(
    qtbot, context: AppContext, monkeypatch, open_window, tmp_path
) -> None:
    from desktop.ui.stories import exports
    from desktop.ui.stories.page import StoriesPage
    from tests.samples import OUTAGE_STORY

    window = open_window()
    stories = window.open_page("stories", StoriesPage, show=False)
    stories.new_story(OUTAGE_STORY)  # the user's bank, before the count starts
    act = Actions()
    target = tmp_path / "sheet.pdf"

    def save_dialog(*_args):  # type: ignore[no-untyped-def]
        act()  # "Save" in the file dialog: the name and folder are filled in
        return target

    monkeypatch.setattr(exports, "ask_save_path", save_dialog)
    monkeypatch.setattr(exports, "tell_saved", lambda *args: None)
    export = next(
        a for a in window.file_menu.actions() if a.text().startswith("Export &loop sheet")
    )
    act(2)  # File, then "Export loop sheet as PDF…"
    export.trigger()
    assert target.exists() and act.count <= 5, act.count
