"""The weak-spot model on simulated learners: planted weak spots are found, fixed ones fade."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.domain.simulated_learner import Learner, Vocabulary, simulate
from desktop.domain.taxonomy import TagKind, Taxonomy, load_taxonomy
from desktop.domain.weak_spots import WeakSpot, observation_from_attempt, rank_weak_spots

START = datetime(2026, 1, 5, 8, 0, tzinfo=UTC)
FOUR_WEEKS = 28
SIMULATIONS = 200


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return load_taxonomy(Path(__file__).parents[2] / "data" / "patterns.toml")


@pytest.fixture(scope="module")
def vocabulary(taxonomy: Taxonomy) -> Vocabulary:
    return Vocabulary(
        patterns=tuple(entry.id for entry in taxonomy.of_kind(TagKind.PATTERN)),
        mistakes=tuple(entry.id for entry in taxonomy.of_kind(TagKind.MISTAKE)),
        design_steps=tuple(entry.id for entry in taxonomy.design_steps),
    )


def _weak_spots(
    taxonomy: Taxonomy, vocabulary: Vocabulary, learner: Learner, days: int, seed: int
) -> list[WeakSpot]:
    attempts = simulate(learner, vocabulary, start=START, days=days, seed=seed)
    observations = [observation_from_attempt(a, vocabulary.design_steps) for a in attempts]
    kinds = {entry.id: group.kind.value for group in taxonomy.groups for entry in group.entries}
    now = START + timedelta(days=days)
    return rank_weak_spots(observations, kinds=kinds, label=taxonomy.label, now=now)


def _plant(vocabulary: Vocabulary, seed: int) -> tuple[str, str]:
    """Two weak spots of two different kinds (pattern, mistake or design step)."""
    rng = random.Random(seed)
    pools = [vocabulary.patterns, vocabulary.mistakes, vocabulary.design_steps]
    rng.shuffle(pools)
    return rng.choice(pools[0]), rng.choice(pools[1])


def test_simulations_are_reproducible_from_their_seed(vocabulary: Vocabulary) -> None:
    learner = Learner(weak=("dynamic-programming",))
    first = simulate(learner, vocabulary, start=START, days=FOUR_WEEKS, seed=3)
    assert first == simulate(learner, vocabulary, start=START, days=FOUR_WEEKS, seed=3)
    assert first != simulate(learner, vocabulary, start=START, days=FOUR_WEEKS, seed=4)
    assert 4 * 6 <= len(first) <= 4 * 10
    assert all(START <= a.started_at < START + timedelta(days=FOUR_WEEKS) for a in first)


def test_planted_weak_spots_rank_in_the_top_three_after_four_weeks(
    taxonomy: Taxonomy, vocabulary: Vocabulary
) -> None:
    found = planted = 0
    for seed in range(SIMULATIONS):
        weak = _plant(vocabulary, seed)
        top = [s.tag for s in _weak_spots(taxonomy, vocabulary, Learner(weak), FOUR_WEEKS, seed)]
        found += sum(tag in top[:3] for tag in weak)
        planted += len(weak)
    assert found / planted >= 0.9, f"found {found} of {planted}"


def test_a_fixed_weakness_drops_out_of_the_top_three(
    taxonomy: Taxonomy, vocabulary: Vocabulary
) -> None:
    dropped = still_weak_found = 0
    for seed in range(SIMULATIONS):
        weak = _plant(vocabulary, seed)
        fixed, kept = weak[seed % 2], weak[1 - seed % 2]
        before = _weak_spots(taxonomy, vocabulary, Learner(weak), FOUR_WEEKS, seed)
        learner = Learner(weak, fixed=(fixed,), fixed_from_day=FOUR_WEEKS)
        after = _weak_spots(taxonomy, vocabulary, learner, 2 * FOUR_WEEKS, seed)
        top_after = [spot.tag for spot in after[:3]]
        dropped += fixed not in top_after
        still_weak_found += kept in top_after
        assert [s.tag for s in before] != [s.tag for s in after]
    assert dropped / SIMULATIONS >= 0.9, f"dropped in {dropped} of {SIMULATIONS}"
    assert still_weak_found / SIMULATIONS >= 0.9, f"kept found {still_weak_found}"


def test_a_learner_without_weak_spots_has_only_weak_evidence(
    taxonomy: Taxonomy, vocabulary: Vocabulary
) -> None:
    weak_planted = _weak_spots(taxonomy, vocabulary, Learner(("dynamic-programming",)), 28, 1)
    none_planted = _weak_spots(taxonomy, vocabulary, Learner(()), 28, 1)
    assert weak_planted[0].tag == "dynamic-programming"
    assert none_planted[0].score < weak_planted[0].score
