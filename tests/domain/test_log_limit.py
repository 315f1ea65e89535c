"""The bound on what a rule can read from mistake ticks (tests/simulation/log_limit.py)."""

from tests.simulation.log_limit import cases, tally, trade
from tests.simulation.validate import cohort, load_world


def test_cells_are_listed_most_real_first_and_measured_on_other_learners() -> None:
    ranking = {(3, 9, True): (1, 9), (4, 6, False): (9, 1), (3, 6, False): (5, 5)}
    measured = {(3, 9, True): (2, 8), (4, 6, False): (6, 0), (3, 6, False): (2, 2)}

    lines = trade(ranking, measured)

    assert lines == [
        "recall 60%, precision 100%",
        "recall 80%, precision 80%",
        "recall 100%, precision 50%",
    ]


def test_only_mistakes_ticked_three_times_in_four_weeks_are_cases() -> None:
    world = load_world()
    learners = cohort(world, 60, seed=5)

    found = list(cases(world, learners))

    assert found, "sixty learners tick some mistake three times"
    assert all(ticks >= 3 for (ticks, _sessions, _others), _planted in found)
    cells = tally(iter(found))
    assert sum(real + other for real, other in cells.values()) == len(found)
    assert any(planted for _cell, planted in found) and not all(p for _c, p in found)
