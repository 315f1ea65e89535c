"""The notes under the weak spots hide nothing: the weak spots ranked past the fifth are named,
and a list cut short says how many more it holds."""

from __future__ import annotations

from dataclasses import replace

from desktop.domain.weak_spots import Lapse, WeakSpot, WeakSpotReport
from desktop.ui.trends.weak_spot_notes import SPOTS_SHOWN, weak_spot_notes


def _spot(number: int) -> WeakSpot:
    return WeakSpot(f"tag-{number}", f"Tag {number}", "pattern", 50.0, "", (), seen=5, bad=4)


def _report(spots: int = 0, watching: int = 0, lapsed: int = 0) -> WeakSpotReport:
    return WeakSpotReport(
        spots=[_spot(n) for n in range(1, spots + 1)],
        watching=[_spot(n) for n in range(101, 101 + watching)],
        lapsed=[Lapse(f"lapse-{n}", f"Lapse {n}", 40 + n) for n in range(1, lapsed + 1)],
        too_little=[],
    )


def test_weak_spots_past_the_fifth_are_named() -> None:
    report = _report(spots=SPOTS_SHOWN + 2)
    assert weak_spot_notes(report.spots, report) == (
        "Also weak, further down the ranking: Tag 6 (4 of 5 went wrong) "
        "and Tag 7 (4 of 5 went wrong)."
    )
    assert weak_spot_notes(report.spots[:SPOTS_SHOWN], report) == ""


def test_a_cut_list_says_how_many_more_it_holds() -> None:
    notes = weak_spot_notes([], _report(watching=6, lapsed=4))
    assert "Tag 104 (4 of 5 went wrong) and 2 more." in notes
    assert "Tag 105" not in notes
    # Four fit: listed in full, with no count.
    assert "Lapse 3 (43 days ago) and Lapse 4 (44 days ago)." in notes


def test_sessions_too_old_to_weigh_are_counted_in_a_sentence_that_agrees() -> None:
    def said(older: int) -> str:
        report = WeakSpotReport([], [], [], [], covered=["Hash map"], sessions=3)
        return weak_spot_notes([], replace(report, older_sessions=older)).split("\n\n")[-1]

    assert said(1) == (
        "Weak spots weigh the last 120 days of practice. The 1 session before that counts "
        "only for what has not been practised lately."
    )
    assert said(12_000).startswith(
        "Weak spots weigh the last 120 days of practice. The 12,000 sessions before that count only"
    )
    assert "120 days" not in said(0)
