"""Scores the weak-spot list against the second simulator's learners, on validate.py's figures.

`python -m tests.simulation.independent --learners 200 --seed N` prints the figures, and
what kind of tag each wrongly listed entry was. The learners are in
tests.simulation.independent_cohort; the figures are counted as validate.py counts them (the
same checkpoints and the same `Figures`), so the two simulators' numbers compare.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from desktop.domain.weak_spots import WeakSpotReport, analyse, observation_from_attempt
from tests.simulation.independent_cohort import Learner, cohort, library_of
from tests.simulation.independent_learners import History
from tests.simulation.independent_people import Person
from tests.simulation.validate import (
    AFTER_FIX,
    FIX_DAY,
    FOUR_WEEKS,
    START,
    TOP,
    Figures,
    World,
    load_world,
)


@dataclass
class Scored:
    figures: Figures = field(default_factory=Figures)
    false_kinds: Counter[str] = field(default_factory=Counter)  # wrongly listed, by kind of tag
    false_groups: Counter[str] = field(default_factory=Counter)  # ... by the learner's group
    false_styles: Counter[str] = field(default_factory=Counter)  # ... by how they keep the log

    def add(self, other: Scored) -> None:
        for name, value in vars(other.figures).items():
            setattr(self.figures, name, getattr(self.figures, name) + value)
        self.false_kinds += other.false_kinds
        self.false_groups += other.false_groups
        self.false_styles += other.false_styles


def report_at(world: World, history: History, day: int) -> WeakSpotReport:
    now = START + timedelta(days=day)
    evidence = [
        observation_from_attempt(a, world.steps, world.exercised)
        for a in history.attempts
        if a.started_at < now
    ]
    evidence += [m for m in history.mocks if m.at < now]
    return analyse(evidence, kinds=world.kinds, label=world.taxonomy.label, now=now)


def matches(listed: str, truth: str) -> bool:
    """A slow kind of work may be listed as the pace of that kind at one difficulty."""
    return listed == truth or (truth.startswith("pace:") and listed.startswith(truth + ":"))


def real(listed: str, person: Person, day: int) -> bool:
    return any(matches(listed, w.tag) and w.active(day) for w in person.weaknesses)


def score(world: World, learners: Sequence[Learner]) -> Scored:
    scored = Scored()
    figures = scored.figures
    for learner in learners:
        person, history = learner.person, learner.history
        checkpoints = {min(FOUR_WEEKS, person.days), person.days}
        if learner.kind == "fixed":
            checkpoints = {FOUR_WEEKS, FIX_DAY + AFTER_FIX}
        reports = {day: report_at(world, history, day) for day in sorted(checkpoints)}
        for day, report in reports.items():
            for spot in report.spots[:TOP]:
                figures.top_entries += 1
                if real(spot.tag, person, day):
                    figures.top_real += 1
                else:
                    scored.false_kinds[spot.kind] += 1
                    scored.false_groups[f"group {learner.group} ({learner.kind})"] += 1
                    scored.false_styles[person.habits.style.value] += 1
        if learner.kind in ("weak", "one-kind", "fixed"):
            top = [s.tag for s in reports[FOUR_WEEKS].spots[:TOP]]
            for weakness in person.weaknesses:
                if len([d for d in history.trouble_days[weakness.tag] if d < FOUR_WEEKS]) >= 3:
                    figures.planted_with_evidence += 1
                    figures.planted_found += any(matches(t, weakness.tag) for t in top)
        if learner.kind == "fine":
            figures.fine_learners += 1
            figures.fine_clean += not reports[person.days].spots
        if learner.kind == "fixed":
            listed = [s.tag for s in reports[FIX_DAY + AFTER_FIX].spots]
            for weakness in person.weaknesses:
                figures.fixed += 1
                figures.fixed_gone += not any(matches(t, weakness.tag) for t in listed)
        if learner.kind == "new":
            figures.new_learners += 1
            spots = reports[person.days].spots
            figures.new_wrong += any(not real(s.tag, person, person.days) for s in spots)
    return scored


def run(count: int, seeds: Sequence[int]) -> Scored:
    world = load_world()
    library = library_of(world)
    total = Scored()
    for seed in seeds:
        total.add(score(world, cohort(world, library, count, seed)))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--seed", type=int, nargs="+", default=[1])
    args = parser.parse_args()
    scored = run(args.learners, args.seed)
    print(f"{args.learners} learners of the second simulator, seed {' '.join(map(str, args.seed))}")
    for line in scored.figures.lines():
        print("-", line)
    for title, counts in (
        ("by kind of tag", scored.false_kinds),
        ("by group", scored.false_groups),
        ("by how the learner keeps the log", scored.false_styles),
    ):
        shown = ", ".join(f"{name} {n}" for name, n in counts.most_common()) or "none"
        print(f"- wrong top-3 entries {title}: {shown}")


if __name__ == "__main__":
    main()
