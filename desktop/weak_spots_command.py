"""`loopwise weak-spots`: the list the Trends page shows, for scripts and for people who live in
a terminal. The same reader and the same analysis as the page, so the two always agree."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from desktop.domain.weak_spot_practice import practise_with
from desktop.domain.weak_spots import (
    WEAK_SPOT_DAYS,
    WeakSpot,
    WeakSpotReport,
    certainty_text,
)
from desktop.safety_commands import opened_profile
from desktop.store.settings import load_settings
from desktop.ui.trends.reading import TrendsQuery, read_trends
from desktop.ui.trends.weak_spot_notes import SPOTS_SHOWN, weak_spot_notes

DEFAULT_PERIOD = f"{WEAK_SPOT_DAYS}d"


def parse_period(text: str) -> int | None:
    """Days, from "30d"; None for "all". ValueError for anything else."""
    if text == "all":
        return None
    match = re.fullmatch(r"([1-9][0-9]{0,4})d", text)
    if match is None:
        raise ValueError("use a number of days such as 30d or 90d, or all")
    return int(match.group(1))


def weak_spots_command(
    data_dir: str | None, path_id: str | None, period: str, *, as_json: bool
) -> int:
    try:
        days = parse_period(period)
    except ValueError as problem:
        print(f"loopwise weak-spots: --period {period}: {problem}", file=sys.stderr)
        return 2
    with opened_profile(data_dir, only_existing=True) as profile:
        if profile is None:
            return 1
        if path_id is not None and path_id not in {p.id for p in profile.library.paths}:
            known = ", ".join(p.id for p in profile.library.paths)
            print(f"loopwise weak-spots: no learning path {path_id!r} (try: {known})",
                  file=sys.stderr)  # fmt: skip
            return 2
        taxonomy = profile.taxonomy
        query = TrendsQuery(
            now=profile.clock(),
            path_id=path_id,
            days=days,
            rest_days_per_week=1,
            first_weekday=load_settings(profile.folder.settings_file).settings.calendar.first,
            kinds=taxonomy.tag_kinds,
            label=taxonomy.label,
            design_steps=taxonomy.design_step_ids,
            exercised=profile.exercised_tags(),
            paths=profile.library.paths,
        )
        data = read_trends(profile.engine, query)
        routines = profile.routines.routines

        def items(spot: WeakSpot) -> list[str]:
            practice = practise_with(
                spot.tag,
                spot.attempt_ids,
                data.records,
                data.practice_candidates,  # as the Trends page reads them
                routines,
                taxonomy.tag_kinds,
            )
            return [p.named for p in practice]

    report = data.report.weak_spot_report
    assert report is not None
    counts = PeriodCounts(data.report.attempts_in_range, len(data.mocks))
    text = (
        json.dumps(_as_json(report, counts, path_id, period, items), indent=2)
        if as_json
        else _as_text(report, items)
    )
    print(text)
    return 0


def _as_text(report: WeakSpotReport, items: Callable[[WeakSpot], list[str]]) -> str:
    lines = []
    for rank, spot in enumerate(report.spots[:SPOTS_SHOWN], start=1):  # as the page shows
        lines += [f"{rank}. {spot.explanation}", f"   {certainty_text(spot)}"]
        if practice := items(spot):
            lines.append(f"   Practise it with: {', '.join(practice)}")
    notes = weak_spot_notes(report.spots, report)
    return "\n".join(lines + ([""] if lines and notes else []) + ([notes] if notes else []))


@dataclass(frozen=True)
class PeriodCounts:
    """What the period holds, counted as the Trends page counts it: its "474 sessions" are
    practice sessions, and mock interviews are counted apart (the weak-spot model weighs
    both, so its own total was five more than the page said)."""

    sessions: int
    mock_interviews: int


def _as_json(
    report: WeakSpotReport,
    counts: PeriodCounts,
    path_id: str | None,
    period: str,
    items: Callable[[WeakSpot], list[str]],
) -> dict[str, Any]:
    return {
        "path": path_id,
        "period": period,
        "sessions": counts.sessions,  # practice sessions in the period, as Trends says
        "mock_interviews": counts.mock_interviews,  # in the period (all paths only)
        # What the weak-spot model weighed: sessions and mock interviews of its last
        # EVIDENCE_DAYS; older sessions of the period weigh too little and are left out.
        "weighed": report.sessions,
        "older_sessions": report.older_sessions,
        "weak_spots": [_spot(spot) | {"practise_with": items(spot)} for spot in report.spots],
        "watching": [_spot(spot) for spot in report.watching],
        "not_practised_lately": [
            {"tag": lapse.tag, "label": lapse.label, "days": lapse.days} for lapse in report.lapsed
        ],
        "too_little_data": report.too_little,
        "going_fine": report.covered,
    }


def _spot(spot: WeakSpot) -> dict[str, Any]:
    return {
        "tag": spot.tag,
        "label": spot.label,
        "kind": spot.kind,
        "score": spot.score,
        "certainty": spot.certainty,
        "went_wrong": spot.bad,
        "sessions": spot.seen,
        "rate": spot.rate,
        "interval": [spot.low, spot.high],
        "interval_percent": spot.interval_percent,
        "usual_rate": spot.usual,
        "explanation": spot.explanation,
        "attempt_ids": list(spot.attempt_ids),
        "mock_ids": list(spot.mock_ids),
    }
