"""The weak-spot list against the truth, over 600 simulated learners who behave like people
(tests/simulation/learners.py): how much of what it lists is real, how much of what is real
it finds, and whether it stays quiet when there is nothing to find. The figures and the goals
are in docs/weak-spots.md; these bounds sit a little under what the model reaches today, so
a change that makes the list less true fails here."""

from __future__ import annotations

import pytest

from tests.simulation.validate import Figures, cohort, load_world, score

SEEDS = (3, 7, 11)


@pytest.fixture(scope="module")
def figures() -> Figures:
    world = load_world()
    total = Figures()
    for seed in SEEDS:
        found = score(world, cohort(world, 200, seed))
        for name, value in vars(found).items():
            setattr(total, name, getattr(total, name) + value)
    return total


def test_most_of_what_is_listed_is_real(figures: Figures) -> None:
    assert figures.top_entries > 150
    assert figures.top_real / figures.top_entries >= 0.84


def test_a_learner_with_no_weakness_is_shown_none(figures: Figures) -> None:
    assert figures.fine_learners == 120
    assert figures.fine_clean / figures.fine_learners >= 0.90


def test_a_fixed_weakness_leaves_the_list_within_three_weeks(figures: Figures) -> None:
    assert figures.fixed > 150
    assert figures.fixed_gone / figures.fixed >= 0.95


def test_a_brand_new_learner_is_not_shown_something_untrue(figures: Figures) -> None:
    assert figures.new_wrong <= 2


def test_weaknesses_with_evidence_are_found_at_four_weeks(figures: Figures) -> None:
    # Under the goal of 90% on other seeds (docs/weak-spots.md): kept here so it cannot fall.
    assert figures.planted_with_evidence > 90
    assert figures.planted_found / figures.planted_with_evidence >= 0.85


def test_clear_means_surer_than_likely(figures: Figures) -> None:
    likely = figures.top_entries - figures.clear_entries
    assert figures.clear_entries > 100 and likely > 100
    clear_share = figures.clear_real / figures.clear_entries  # 90% today
    likely_share = (figures.top_real - figures.clear_real) / likely  # 83% today
    assert clear_share >= 0.87 and clear_share > likely_share


def test_every_entry_that_is_not_real_is_accounted_for(figures: Figures) -> None:
    false = figures.top_entries - figures.top_real
    assert figures.false_fixed + figures.false_harder + figures.false_chance == false
    # Chance is what the list should not show: today 21 of 317 entries on these seeds.
    assert figures.false_chance <= 0.10 * figures.top_entries
