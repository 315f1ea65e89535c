"""A learner weak at more than five things: the Trends page names every weak spot (five in
full, the rest in its notes), and `loopwise weak-spots` prints what the page shows."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.clock import CLOCK_START_ENV
from desktop.domain.practice import Outcome
from desktop.ui.context import AppContext
from desktop.ui.trends.page import TrendsPage
from desktop.ui.trends.weak_spot_notes import SPOTS_SHOWN
from tests.ui.test_plan_practice_every_kind import _log

pytestmark = pytest.mark.any_date

STUCK_ON = (
    "n-queens",
    "implement-trie",
    "merge-intervals",
    "course-schedule",
    "reverse-linked-list",
    "valid-parentheses",
    "binary-search",
    "climbing-stairs",
)
FINE_ON = ("two-sum", "valid-anagram", "contains-duplicate", "flood-fill", "3sum", "group-anagrams")


def test_every_weak_spot_is_named_on_the_page_and_in_the_terminal(
    qtbot, context: AppContext, open_window, monkeypatch, capsys
) -> None:
    for day in range(40):
        _log(context, day * 0.5 + 0.1, STUCK_ON[day % len(STUCK_ON)], outcome=Outcome.STUCK)
    for day in range(60):
        _log(context, day * 0.5 + 0.2, FINE_ON[day % len(FINE_ON)])
    window = open_window()
    window.show_page("trends")
    trends = window.current_page()
    assert isinstance(trends, TrendsPage)
    qtbot.waitUntil(
        lambda: trends.report is not None and trends.report.weak_spot_report is not None
    )
    assert trends.report is not None
    spots = trends.report.weak_spots
    assert len(spots) > SPOTS_SHOWN
    assert [row.spot.tag for row in trends.weak_spot_rows] == [s.tag for s in spots[:SPOTS_SHOWN]]
    notes = trends.no_weak_spots.text()
    further = notes.split("\n\n")[0]
    assert further.startswith("Also weak, further down the ranking: ")
    assert all(spot.label in further for spot in spots[SPOTS_SHOWN:])

    monkeypatch.setenv(CLOCK_START_ENV, context.now().isoformat())
    assert main(["weak-spots", "--data-dir", str(context.profile.folder.data_dir)]) == 0
    printed = capsys.readouterr().out
    ranked = [line for line in printed.splitlines() if line[:1].isdigit()]
    assert [line.split(":")[0] for line in ranked] == [
        f"{rank}. {spot.label}" for rank, spot in enumerate(spots[:SPOTS_SHOWN], start=1)
    ]
    assert printed.rstrip().endswith(notes)
