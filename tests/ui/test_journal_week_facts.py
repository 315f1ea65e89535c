"""A weekly review written from the Journal starts with its week's facts from the log."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from desktop.domain.dates import local_midnight, reviewed_week, week_label, week_of
from desktop.domain.journal import EntryKind
from desktop.domain.mocks import MockInterview, MockKind
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.store import journal as journal_store
from desktop.store import mocks as mocks_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage
from tests.samples import read_back

pytestmark = pytest.mark.any_date


def _at(day: date, minutes: int) -> datetime:
    return local_midnight(day) + timedelta(minutes=minutes)


def _log(
    context: AppContext, title: str, kind: str, day: date, minutes: int, *struggles: str
) -> None:
    attempt = Attempt(
        AttemptSubject(title, kind=kind), _at(day, 60), minutes * 60, Outcome.PARTIAL, 3,
        struggles=struggles,
    )  # fmt: skip
    with session_scope(context.profile.engine) as session:
        practice_store.log_attempt(session=session, attempt=attempt, now=context.now())


def _reviewed_week(context: AppContext) -> date:
    """The week a review written today looks back on (last week on a week's first day)."""
    return reviewed_week(context.today(), first=context.preferences.first_weekday())


def _weekly_review(page: JournalPage) -> int:
    template = page.context.profile.template("weekly-review")
    assert template is not None
    entry_id = page.new_entry(entry_date=page.context.today(), template=template)
    assert entry_id is not None
    return entry_id


def _body(context: AppContext, entry_id: int) -> str:
    return read_back(
        context.profile.engine, lambda s: journal_store.get_entry(session=s, entry_id=entry_id)
    ).body


def test_a_weekly_review_fills_in_the_weeks_facts(open_page, context: AppContext) -> None:
    week = _reviewed_week(context)
    _log(context, "3Sum", "code", week, 40, "edge-cases", "off-by-one")
    _log(context, "Two Sum", "code", week + timedelta(days=1), 25, "edge-cases")
    _log(context, "URL shortener", "design", week + timedelta(days=2), 65)
    _log(context, "Last week's", "code", week - timedelta(days=1), 30, "off-by-one")
    mock = MockInterview(
        _at(week + timedelta(days=3), 120), MockKind.CODING, {"coding": 3, "testing": 1}
    )
    with session_scope(context.profile.engine) as session:
        mocks_store.log_mock(session=session, mock=mock, now=context.now())
    page = open_page(JournalPage)

    body = _body(context, _weekly_review(page))

    assert f"## The week in numbers ({week_label(week)})\n" in body
    assert "- Sessions logged: 3\n" in body
    assert "- Time practised: 2 h 10 min\n" in body
    assert "- By kind: Code 2 (1 h 5 min), Design 1 (1 h 5 min)\n" in body
    assert "- Planned vs done: nothing planned\n" in body
    assert "- Mock interviews: 1 (Coding 33%)\n" in body
    # Last week's off-by-one is not this week's: edge cases twice, then one each.
    assert (
        "- Went wrong most: Edge cases (twice), Off-by-one (once), "
        "Testing / dry run skipped (once)\n"
    ) in body


def test_a_quiet_week_says_so_and_the_facts_stay_editable(
    qtbot, open_page, context: AppContext
) -> None:
    _log(context, "Earlier", "code", _reviewed_week(context) - timedelta(days=8), 30, "edge-cases")
    page = open_page(JournalPage)
    entry_id = _weekly_review(page)
    body = _body(context, entry_id)
    assert "- Sessions logged: 0\n- Time practised: 0 min\n- By kind: no sessions\n" in body
    assert "- Went wrong most: nothing noted\n" in body

    edited = body.replace("- Sessions logged: 0", "- Sessions logged: 1 (on paper, not logged)")
    page.editor.markdown.editor.setPlainText(edited)
    assert page.editor.flush()
    assert _body(context, entry_id) == edited


def test_facts_are_the_entry_days_week_not_today(open_page, context: AppContext) -> None:
    week = _reviewed_week(context)
    _log(context, "3Sum", "code", week - timedelta(days=7), 20)
    page = open_page(JournalPage)
    template = page.context.profile.template("weekly-review")
    entry_id = page.new_entry(entry_date=week - timedelta(days=1), template=template)
    assert entry_id is not None
    entry = read_back(
        context.profile.engine, lambda s: journal_store.get_entry(session=s, entry_id=entry_id)
    )
    assert entry.kind == EntryKind.WEEKLY_REVIEW.value
    assert "- Sessions logged: 1\n- Time practised: 20 min\n" in entry.body


def test_on_a_weeks_first_day_the_review_looks_back_on_the_week_just_ended(
    open_page, context: AppContext
) -> None:
    first = week_of(context.today(), first=context.preferences.first_weekday())
    _log(context, "3Sum", "code", first - timedelta(days=3), 20)
    _log(context, "Two Sum", "code", first, 15)
    page = open_page(JournalPage)
    template = page.context.profile.template("weekly-review")
    monday = page.new_entry(entry_date=first, template=template)
    assert monday is not None
    looking_back = _body(context, monday)  # read now: the next new entry drops this untouched one
    tuesday = page.new_entry(entry_date=first + timedelta(days=1), template=template)
    assert tuesday is not None
    assert f"## The week in numbers ({week_label(first - timedelta(days=7))})\n" in looking_back
    assert "- Sessions logged: 1\n- Time practised: 20 min\n" in looking_back
    this_week = _body(context, tuesday)
    assert f"## The week in numbers ({week_label(first)})\n" in this_week
    assert "- Sessions logged: 1\n- Time practised: 15 min\n" in this_week
