"""Scores the weak-spot list against the second simulator's learners, on validate.py's figures.

`python -m tests.simulation.independent --learners 200 --seed N` prints the figures, and
what kind of tag each wrongly listed entry was. The learners are in
tests.simulation.independent_cohort; the figures are counted as validate.py counts them (the
same checkpoints and the same `Figures`), so the two simulators' numbers compare.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from tests.simulation.independent_cohort import LEAVE_OUT, Learner, cohort, library_of
from tests.simulation.independent_people import STEP_COVERAGE, LogStyle, Person
from tests.simulation.independent_sessions import Library
from tests.simulation.validate import (
    Figures,
    World,
    count_the_quiet_side,
    found_at_four_weeks,
    load_world,
    matches,
    reports_at_checkpoints,
    top_entries,
)


@dataclass
class Scored:
    figures: Figures = field(default_factory=Figures)
    false_kinds: Counter[str] = field(default_factory=Counter)  # wrongly listed, by kind of tag
    false_groups: Counter[str] = field(default_factory=Counter)  # ... by the learner's group
    false_causes: Counter[str] = field(default_factory=Counter)  # ... by what lay behind it
    evidence_kinds: Counter[str] = field(default_factory=Counter)  # planted, 3+ evidence, by kind
    found_kinds: Counter[str] = field(default_factory=Counter)  # ... of which in the top 3
    style_entries: Counter[str] = field(default_factory=Counter)  # top-3 entries by log style
    style_real: Counter[str] = field(default_factory=Counter)  # ... of which real

    def add(self, other: Scored) -> None:
        for name, value in vars(other.figures).items():
            setattr(self.figures, name, getattr(self.figures, name) + value)
        self.false_kinds += other.false_kinds
        self.false_groups += other.false_groups
        self.false_causes += other.false_causes
        self.evidence_kinds += other.evidence_kinds
        self.found_kinds += other.found_kinds
        self.style_entries += other.style_entries
        self.style_real += other.style_real

    def lines(self) -> list[str]:
        """The figures, then what the wrong entries were and how each way of logging fares."""
        # The first simulator's split of the wrong entries does not apply here: its own follows.
        lines = [x for x in self.figures.lines() if not x.startswith("top-3 entries that are not")]
        for title, counts in (
            ("by kind of tag", self.false_kinds),
            ("by what lay behind them", self.false_causes),
            ("by group", self.false_groups),
        ):
            shown = ", ".join(f"{name} {n}" for name, n in counts.most_common()) or "none"
            lines.append(f"wrong top-3 entries {title}: {shown}")
        precision = ", ".join(
            f"{style} {self.style_real[style]}/{n}" for style, n in self.style_entries.most_common()
        )
        lines.append(f"real top-3 entries by how the learner keeps the log: {precision}")
        recall = ", ".join(
            f"{kind} {self.found_kinds[kind]}/{n}" for kind, n in self.evidence_kinds.most_common()
        )
        lines.append(f"planted weaknesses with evidence found, by kind: {recall}")
        return lines


def cause_of(tag: str, person: Person, day: int, library: Library) -> str:
    """What the simulator knows lay behind a wrong entry, the first of these that fits."""
    if any(matches(tag, w.tag) for w in person.weaknesses):
        return "a weakness fixed by then"
    if tag in STEP_COVERAGE:
        return "a design step everyone skips more often"
    if tag in person.slips:
        return "one of the learner's ordinary slips"
    if person.habits.style is LogStyle.EVERYTHING:
        return "a learner who ticks everything"
    if tag.startswith("pace:"):
        return "a pace from failed or tired sessions, no slow kind planted"
    if any(tag in i.tags and any(person.weak(t, day) for t in i.tags) for i in library.items):
        return "on items shared with a real weakness"
    return "chance"


def score(world: World, library: Library, learners: Sequence[Learner]) -> Scored:
    scored = Scored()
    figures = scored.figures
    for learner in learners:
        person, history = learner.person, learner.history
        reports = reports_at_checkpoints(world, history, learner.kind, person.days)
        for day, spot, real in top_entries(reports, person.weaknesses):
            figures.count_entry(spot.certainty, real)
            scored.style_entries[person.habits.style.value] += 1
            scored.style_real[person.habits.style.value] += real
            if not real:
                scored.false_kinds[spot.kind] += 1
                scored.false_causes[cause_of(spot.tag, person, day, library)] += 1
                scored.false_groups[f"group {learner.group} ({learner.kind})"] += 1
        if learner.kind in ("weak", "one-kind", "fixed"):
            for weakness, found in found_at_four_weeks(history, person.weaknesses, reports):
                figures.planted_with_evidence += 1
                figures.planted_found += found
                kind = "pace" if weakness.tag.startswith("pace:") else world.kinds[weakness.tag]
                scored.evidence_kinds[kind] += 1
                scored.found_kinds[kind] += found
        count_the_quiet_side(figures, learner.kind, person.weaknesses, person.days, reports)
    return scored


def run(count: int, seeds: Sequence[int], without: Collection[str] = ()) -> Scored:
    world = load_world()
    library = library_of(world)
    total = Scored()
    for seed in seeds:
        total.add(score(world, library, cohort(world, library, count, seed, without)))
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--seed", type=int, nargs="+", default=[1])
    parser.add_argument(
        "--without", nargs="*", default=[], choices=LEAVE_OUT, help="leave these traits out"
    )
    args = parser.parse_args()
    scored = run(args.learners, args.seed, args.without)
    seeds = " ".join(map(str, args.seed))
    left_out = f", without {', '.join(args.without)}" if args.without else ""
    print(f"{args.learners} learners of the second simulator, seed {seeds}{left_out}")
    for line in scored.lines():
        print("-", line)


if __name__ == "__main__":
    main()
