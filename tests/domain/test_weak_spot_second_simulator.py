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


def test_most_of_what_is_listed_is_real(scored: Scored) -> None:
    figures = scored.figures
    assert figures.top_entries > 150
    assert figures.top_real / figures.top_entries >= 0.46  # 50% today


def test_weaknesses_the_log_shows_are_found_at_four_weeks(scored: Scored) -> None:
    figures = scored.figures
    assert figures.planted_with_evidence > 110
    assert figures.planted_found / figures.planted_with_evidence >= 0.65  # 70% today


def test_a_learner_with_no_weakness_is_shown_none(scored: Scored) -> None:
    figures = scored.figures
    assert figures.fine_learners == 180
    assert figures.fine_clean / figures.fine_learners >= 0.89  # 93% today


def test_a_fixed_weakness_leaves_the_list_within_three_weeks(scored: Scored) -> None:
    figures = scored.figures
    assert figures.fixed > 110
    assert figures.fixed_gone / figures.fixed >= 0.87  # 91% today


def test_a_brand_new_learner_is_not_shown_something_untrue(scored: Scored) -> None:
    assert scored.figures.new_learners == 60
    assert scored.figures.new_wrong <= 3  # 1 of 60 today
