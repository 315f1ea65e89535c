"""The weak-spot list against a second simulator of learners (tests/simulation/independent*.py),
written apart from the model and from the first simulator. The floors sit a few points under
what the model reaches today on seeds 1, 2 and 3 (docs/weak-spots.md), not at the issue's
goals, which it does not meet here: a change that makes the list less true fails."""

from __future__ import annotations

import pytest

from tests.simulation.independent import Scored, run

SEEDS = (1, 2, 3)


@pytest.fixture(scope="module")
def scored() -> Scored:
    return run(200, SEEDS)


# (what is held, the share's part and whole in Figures, the least whole, the floor; today)
SHARES = [
    ("listed entries that are real", "top_real", "top_entries", 150, 0.55),  # 59% today
    ("weaknesses found at four weeks", "planted_found", "planted_with_evidence", 110, 0.61),  # 64%
    ("learners with no weakness shown none", "fine_clean", "fine_learners", 180, 0.89),  # 92%
    ("fixed weaknesses gone three weeks on", "fixed_gone", "fixed", 110, 0.89),  # 96% today
]


@pytest.mark.parametrize(("what", "part", "whole", "least", "floor"), SHARES)
def test_the_list_stays_as_true_as_today(
    scored: Scored, what: str, part: str, whole: str, least: int, floor: float
) -> None:
    counted = getattr(scored.figures, whole)
    assert counted >= least, f"too few to judge: {what}"
    assert getattr(scored.figures, part) / counted >= floor, what


def test_a_brand_new_learner_is_not_shown_something_untrue(scored: Scored) -> None:
    assert scored.figures.new_learners == 60
    assert scored.figures.new_wrong <= 3  # 0 of 60 today
