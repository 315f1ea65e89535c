"""How far any rule can go on mistakes, from what the log records of them.

A mistake reaches the log only as a tick. For each simulated learner at four weeks, every
mistake ticked three times or more is one case: planted (a real weakness) or not. The cases
are put in cells by what a rule could see (ticks, coding sessions, ticks on other mistakes),
and the best rule on those counts lists the cells with the most real cases first. The cells
are ranked on the first half of the seeds and measured on the second, so the figures are not
flattered by choosing on the answers.

`python -m tests.simulation.log_limit --seeds 2000-2019` prints the trade it reaches; the
figures are quoted in docs/weak-spots.md.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import timedelta

from tests.simulation.validate import FOUR_WEEKS, START, Learner, World, cohort, load_world

Cell = tuple[int, int, bool]  # ticks (5 for 5 or more), coding sessions (in threes), others > 2


def cases(world: World, learners: Sequence[Learner]) -> Iterator[tuple[Cell, bool]]:
    """Every mistake ticked three times or more in four weeks, and whether it is planted."""
    cut = START + timedelta(days=FOUR_WEEKS)
    for learner in learners:
        if learner.person.days < FOUR_WEEKS:
            continue
        weak = {w.tag for w in learner.person.weaknesses if w.active(FOUR_WEEKS - 1)}
        coding = [
            a for a in learner.history.attempts if a.started_at < cut and a.subject.kind == "code"
        ]
        ticks = Counter(t for a in coding for t in a.struggles if t in world.mistakes)
        for mistake, count in ticks.items():
            if count >= 3:
                others = sum(ticks.values()) - count
                yield (min(count, 5), min(len(coding) // 3 * 3, 15), others > 2), mistake in weak


def tally(found: Iterator[tuple[Cell, bool]]) -> dict[Cell, tuple[int, int]]:
    """Per cell: (planted, not planted)."""
    cells: dict[Cell, tuple[int, int]] = {}
    for cell, planted in found:
        real, other = cells.get(cell, (0, 0))
        cells[cell] = (real + planted, other + (not planted))
    return cells


def trade(ranking: dict[Cell, tuple[int, int]], measured: dict[Cell, tuple[int, int]]) -> list[str]:
    """Recall and precision on `measured` as cells are listed in `ranking`'s order."""
    order = sorted(ranking, key=lambda c: -ranking[c][0] / sum(ranking[c]))
    total = sum(real for real, _other in measured.values())
    listed_real = listed = 0
    lines = []
    for cell in order:
        real, other = measured.get(cell, (0, 0))
        listed_real, listed = listed_real + real, listed + real + other
        if listed and total:
            lines.append(f"recall {listed_real / total:.0%}, precision {listed_real / listed:.0%}")
    return list(dict.fromkeys(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", default="2000-2019", help="first-last, split in two halves")
    parser.add_argument("--learners", type=int, default=200)
    args = parser.parse_args()
    first, last = (int(s) for s in args.seeds.split("-"))
    seeds = list(range(first, last + 1))
    half = len(seeds) // 2
    world = load_world()

    def cells_of(chosen: list[int]) -> dict[Cell, tuple[int, int]]:
        return tally(c for s in chosen for c in cases(world, cohort(world, args.learners, s)))

    ranking, measured = cells_of(seeds[:half]), cells_of(seeds[half:])
    print(f"cells ranked on seeds {seeds[0]}-{seeds[half - 1]}, measured on the rest")
    for line in trade(ranking, measured):
        print("-", line)


if __name__ == "__main__":
    main()
