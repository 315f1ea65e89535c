"""The weak-spot list against the truth, over 2,000 simulated learners who behave like people
(tests/simulation/learners.py): how much of what it lists is real, how much of what is real
it finds, and whether it stays quiet when there is nothing to find. The figures and the goals
are in docs/weak-spots.md; these bounds sit two to four points under what the model reaches
today (a standard error is one to two points), so a change that makes the list less true
fails here. 2,000 learners rather than the 600 the settings were chosen on: on 600, a change
to the path file alone (three new items, so the learners draw other items) moved precision
by five points, which is noise, not the model."""

from __future__ import annotations

import pytest

from tests.simulation.validate import Figures, cohort, load_world, score

SEEDS = tuple(range(1, 11))


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
    assert figures.top_entries > 800
    assert figures.top_real / figures.top_entries >= 0.87  # 90% today


def test_a_learner_with_no_weakness_is_shown_none(figures: Figures) -> None:
    assert figures.fine_learners == 400
    assert figures.fine_clean / figures.fine_learners >= 0.93  # 96% today


def test_a_fixed_weakness_leaves_the_list_within_three_weeks(figures: Figures) -> None:
    assert figures.fixed > 600
    assert figures.fixed_gone / figures.fixed >= 0.95  # 97% today


def test_a_brand_new_learner_is_not_shown_something_untrue(figures: Figures) -> None:
    assert figures.new_wrong <= 3  # 0 of 200 today


def test_weaknesses_with_evidence_are_found_at_four_weeks(figures: Figures) -> None:
    # Under the goal of 90% on other seeds (docs/weak-spots.md): kept here so it cannot fall.
    assert figures.planted_with_evidence > 300
    assert figures.planted_found / figures.planted_with_evidence >= 0.83  # 85% today


def test_clear_means_surer_than_likely(figures: Figures) -> None:
    likely = figures.top_entries - figures.clear_entries
    assert figures.clear_entries > 400 and likely > 400
    clear_share = figures.clear_real / figures.clear_entries  # 92% today
    likely_share = (figures.top_real - figures.clear_real) / likely  # 88% today
    assert clear_share >= 0.87 and clear_share > likely_share


def test_every_entry_that_is_not_real_is_accounted_for(figures: Figures) -> None:
    false = figures.top_entries - figures.top_real
    assert figures.false_fixed + figures.false_harder + figures.false_chance == false
    # Chance is what the list should not show: today 53 of 935 entries on these seeds.
    assert figures.false_chance <= 0.10 * figures.top_entries
