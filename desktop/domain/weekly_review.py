"""The weekly review: how the weak spots moved, and the review as a journal entry."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.domain.dates import week_label
from desktop.domain.planner import WeekNumbers, hours_text
from desktop.domain.weak_spots import WeakSpot


@dataclass(frozen=True)
class WeakSpotMove:
    tag: str
    before: int  # times it went wrong the week before
    now: int  # times it went wrong in the reviewed week

    @property
    def direction(self) -> str:
        if self.now > self.before:
            return "up"
        return "down" if self.now < self.before else "same"


@dataclass(frozen=True)
class WeekEvidence:
    """The attempts and mock interviews of one week, by id."""

    attempt_ids: frozenset[int] = frozenset()
    mock_ids: frozenset[int] = frozenset()

    def count(self, spot: WeakSpot) -> int:
        return len(self.attempt_ids.intersection(spot.attempt_ids)) + len(
            self.mock_ids.intersection(spot.mock_ids)
        )


def weak_spot_moves(
    spots: Sequence[WeakSpot], this_week: WeekEvidence, week_before: WeekEvidence
) -> list[WeakSpotMove]:
    """How often each ranked weak spot went wrong in the reviewed week against the week before
    (its attempts and mock interviews), in ranking order; those quiet both weeks are left out."""
    moves = [
        WeakSpotMove(spot.tag, week_before.count(spot), this_week.count(spot)) for spot in spots
    ]
    return [move for move in moves if move.now or move.before]


REFLECTION_PROMPTS = (
    ("went_well", "What went well", "Problems you solved cleanly, steps that now feel natural."),
    ("was_hard", "What was hard", "Where did you stall, guess, or run out of time?"),
    ("change", "What to change next week", "One thing you will do differently."),
)


def review_markdown(
    week: date,
    numbers: WeekNumbers,
    moves: Sequence[tuple[str, WeakSpotMove]],
    mocks: Sequence[tuple[str, float]],
    answers: Mapping[str, str],
    next_week: Sequence[str],
) -> str:
    """The weekly review as a journal entry. `moves` and `mocks` come with their labels."""
    lines = [
        f"# Weekly review, {week_label(week)}",
        "",
        "## The week in numbers",
        "",
        f"- Sessions logged: {numbers.sessions}",
        f"- Time practised: {hours_text(numbers.minutes)}",
        f"- Planned vs done: {numbers.done} of {numbers.planned} planned items done"
        + (f", {numbers.skipped} skipped" if numbers.skipped else ""),
        f"- Mock interviews: {len(mocks)}",
    ]
    lines += [f"  - {title}: {percent:.0f}%" for title, percent in mocks]
    lines += ["", "## How the weak spots moved", ""]
    arrows = {"up": "more often", "down": "less often", "same": "as often"}
    lines += [
        f"- {label}: {move.now} this week, {move.before} the week before ({arrows[move.direction]})"
        for label, move in moves
    ] or ["- None of your weak spots came up this week or the week before."]
    for key, heading, _hint in REFLECTION_PROMPTS:
        lines += ["", f"## {heading}", "", answers.get(key, "").strip() or "*Nothing written.*"]
    lines += ["", "## Plan for next week", ""]
    lines += [f"- {title}" for title in next_week] or ["- Nothing planned yet."]
    return "\n".join(lines) + "\n"
