"""A path or period without a session says there is nothing to go on, not "No weak spots yet",
which reads as practice that went fine."""

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
    assert "No weak spots yet" not in NO_SESSIONS


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
