"""What Trends says with nothing to go on: a path or period without a session is "too little
data", not "No weak spots yet" (which reads as practice that went fine), and a new user is not
told that struggle ticks are needed."""

from __future__ import annotations

import pytest

from desktop.domain.weak_spots import WeakSpotReport
from desktop.ui.context import AppContext
from desktop.ui.trends.page import TrendsPage
from desktop.ui.trends.weak_spot_notes import NO_SESSIONS, weak_spot_notes
from tests.ui.test_trends_page import _log

pytestmark = pytest.mark.any_date


def test_no_sessions_is_said_as_too_little_data() -> None:
    empty = WeakSpotReport(spots=[], watching=[], lapsed=[], too_little=[], sessions=0)
    assert weak_spot_notes([], empty) == NO_SESSIONS
    assert NO_SESSIONS.startswith("Too little data yet:")  # not "No weak spots yet"


def test_sessions_that_went_fine_still_say_no_weak_spots_yet() -> None:
    fine = WeakSpotReport(spots=[], watching=[], lapsed=[], too_little=[], sessions=2)
    assert weak_spot_notes([], fine).startswith("No weak spots yet.")


def test_a_path_without_sessions_says_there_is_nothing_to_go_on(
    open_page, context: AppContext
) -> None:
    _log(context, 1, path_id="backend-senior")
    page: TrendsPage = open_page(TrendsPage, (1100, 800))
    page.path_filter.setCurrentIndex(page.path_filter.findData("sre-devops"))
    assert page.count_label.text() == "0 sessions"
    assert page.no_weak_spots.text() == NO_SESSIONS


def test_the_welcome_does_not_make_struggle_ticks_sound_required(open_page) -> None:
    """Every session counts towards the weak spots; the welcome once told a new user to tick
    their struggles for the page to show them."""
    page: TrendsPage = open_page(TrendsPage, (1100, 800))
    assert page.area.currentWidget() is page.welcome
    assert "Every session you log counts" in page.welcome.text()
    assert "is not needed" in page.welcome.text()


def test_a_free_session_without_a_difficulty_is_told_why_it_has_no_time_bars(
    open_page, context: AppContext
) -> None:
    """Time against target is drawn per difficulty: a free session left "Not rated" had a
    target, yet the card said there were no attempts with a target at all."""
    _log(context, 1, title="LRU cache in Go", path_id=None, difficulty="", kind="code")
    page: TrendsPage = open_page(TrendsPage, (1100, 800))
    card = page.time_chart
    assert card.stack.currentWidget() is card.empty
    assert "give a free session a difficulty" in card.empty.text()


def test_a_ticked_mistake_is_not_lost_on_the_struggles_chart(
    open_page, context: AppContext
) -> None:
    """The chart counts patterns only: a new user who ticked Off-by-one under "Struggled
    with" was told only to tick patterns, as if the tick had gone nowhere."""
    _log(context, 1, patterns=("hash-map",), struggles=("off-by-one",))
    page: TrendsPage = open_page(TrendsPage, (1100, 800))
    card = page.struggle_chart
    assert card.is_empty
    assert "Mistakes you tick" in card.empty.text()
    assert "weak spots" in card.empty.text()


def test_the_empty_scores_chart_names_a_quiz_the_path_has(open_page, context: AppContext) -> None:
    """It pointed to "the system-design basics quiz", a name no item has: a new user who
    filtered the path for it found nothing."""
    _log(context, 1)
    page: TrendsPage = open_page(TrendsPage, (1100, 800))
    card = page.score_chart
    assert card.is_empty
    (path,) = [p for p in context.profile.library.paths if p.id == "backend-senior"]
    quizzes = [
        (stage.title, item.title)
        for stage in path.stages
        for item in stage.items
        if item.kind.value == "quiz"
    ]
    assert any(f"\u201c{item}\u201d in {stage}" in card.empty.text() for stage, item in quizzes), (
        quizzes
    )
