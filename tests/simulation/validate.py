"""Runs the simulated learners through the weak-spot analysis and scores it against the truth.

`python -m tests.simulation.validate [--learners N]` prints the figures docs/weak-spots.md
quotes; tests/domain/test_weak_spot_validation.py holds the same run to its goals.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from desktop.domain.exercised import exercised_tags
from desktop.domain.path_file import read_path_file
from desktop.domain.practice import Attempt
from desktop.domain.quiz import load_quiz
from desktop.domain.taxonomy import Taxonomy
from desktop.domain.weak_spots import (
    Observation,
    WeakSpot,
    WeakSpotReport,
    analyse,
    observation_from_attempt,
)
from desktop.folders import shipped_data_dir
from desktop.profile import shipped_vocabulary
from tests.simulation.learners import USUAL_MIX, History, Person, Weakness, simulate

START = datetime(2026, 3, 2, tzinfo=UTC)
FOUR_WEEKS = 28
FIX_DAY = 35
AFTER_FIX = 21
TOP = 3
HARDER = 1.25  # a tag this much harder than the learner's usual is "somewhat harder"


@dataclass(frozen=True)
class World:
    taxonomy: Taxonomy
    paths: Sequence
    exercised: dict
    kinds: dict[str, str]
    mistakes: tuple[str, ...]
    steps: tuple[str, ...]
    weakable: tuple[str, ...]  # tags a person can be weak at: on some item, a mistake or step


def load_world(path_ids: Sequence[str] = ("backend-senior",)) -> World:
    data = shipped_data_dir()
    vocabulary = shipped_vocabulary()
    taxonomy = vocabulary.taxonomy
    paths = [read_path_file(data / "paths" / f"{path_id}.toml", vocabulary) for path_id in path_ids]
    quizzes = [load_quiz(f, vocabulary) for f in sorted((data / "quizzes").glob("*.toml"))]
    quiz_topics = {
        q.id: tuple(dict.fromkeys(t for question in q.questions for t in question.topics))
        for q in quizzes
    }
    exercised = exercised_tags(paths, taxonomy, quiz_topics)
    kinds = taxonomy.tag_kinds
    # The slips of a coding session: behavioral-answer mistakes are never ticked on one.
    coding = next(group for group in taxonomy.groups if group.id == "mistakes")
    mistakes = tuple(entry.id for entry in coding.entries)
    steps = tuple(tag for tag, kind in kinds.items() if kind == "design_step")
    on_items: dict[str, int] = {}
    for (_path, _item), tags in exercised.items():
        for tag in tags:
            on_items[tag] = on_items.get(tag, 0) + 1
    # A weakness a learner can meet often enough to show: on three items or more.
    common = tuple(sorted(tag for tag, n in on_items.items() if n >= 3 and kinds.get(tag)))
    weakable = tuple(
        dict.fromkeys((*common, *mistakes[:6], *steps, "pace:design", "pace:behavioral"))
    )
    return World(taxonomy, paths, exercised, kinds, mistakes, steps, weakable)


@dataclass
class Learner:
    person: Person
    history: History
    kind: str  # which group of the cohort


def cohort(world: World, count: int, seed: int) -> list[Learner]:
    rng = random.Random(seed)
    learners = []
    for index in range(count):
        group = index % 10
        planted = tuple(Weakness(tag) for tag in rng.sample(world.weakable, rng.randint(1, 3)))
        common = dict(
            sessions_per_week=(rng.randint(2, 3), rng.randint(4, 6)),
            avoidance=rng.uniform(0.2, 0.6),
            tick_rate=rng.uniform(0.4, 0.7),
            wrong_tick_rate=rng.uniform(0.05, 0.15),
            pattern_tick_rate=rng.uniform(0.2, 0.9),
            base_trouble=rng.uniform(0.08, 0.18),
        )
        if group <= 3:
            kind, person = "weak", Person(planted, **common)
        elif group == 4:
            kind, person = "fine", Person((), **common)
        elif group == 5:
            kind, person = "fine", Person((), **{**common, "base_trouble": rng.uniform(0.25, 0.35)})
        elif group == 6:
            pattern = rng.choice([t for t in world.weakable if world.kinds.get(t) == "pattern"])
            mix = {"code": 1.0}
            kind, person = "one-kind", Person((Weakness(pattern),), mix=mix, **common)
        elif group == 7:
            kind, person = "new", Person(planted if rng.random() < 0.5 else (), days=10, **common)
        else:
            fixed = tuple(Weakness(w.tag, fixed_on=FIX_DAY) for w in planted)
            kind, person = "fixed", Person(fixed, days=FIX_DAY + AFTER_FIX, **common)
        if kind != "one-kind":
            person = Person(**{**person.__dict__, "mix": dict(USUAL_MIX)})
        history = simulate(
            person, world.paths, world.exercised, world.mistakes, world.steps,
            start=START, seed=seed * 1000 + index,
        )  # fmt: skip
        learners.append(Learner(person, history, kind))
    return learners


class Logged(Protocol):
    """What the app's log holds of a simulated learner, whichever simulator made it."""

    @property
    def attempts(self) -> Sequence[Attempt]: ...

    @property
    def mocks(self) -> Sequence[Observation]: ...


def report_on(world: World, history: Logged, day: int) -> WeakSpotReport:
    now = START + timedelta(days=day)
    evidence = [
        observation_from_attempt(a, world.steps, world.exercised)
        for a in history.attempts
        if a.started_at < now
    ]
    evidence += [m for m in history.mocks if m.at < now]
    return analyse(evidence, kinds=world.kinds, label=world.taxonomy.label, now=now)


def matches(listed: str, truth: str) -> bool:
    """A pace weakness of a kind of work shows as the pace of that kind at some difficulty."""
    return listed == truth or (truth.startswith("pace:") and listed.startswith(truth + ":"))


class Planted(Protocol):
    """A weakness a simulator gave a learner, and until when."""

    @property
    def tag(self) -> str: ...

    def active(self, day: int) -> bool: ...


def is_real(listed: str, weaknesses: Sequence[Planted], day: int) -> bool:
    return any(matches(listed, w.tag) and w.active(day) for w in weaknesses)


@dataclass
class Figures:
    top_entries: int = 0
    top_real: int = 0
    planted_with_evidence: int = 0
    planted_found: int = 0
    fine_learners: int = 0
    fine_clean: int = 0
    fixed: int = 0
    fixed_gone: int = 0
    new_learners: int = 0
    new_wrong: int = 0
    # The top-3 entries that are not real, by why: a fixed weakness still listed, a tag this
    # learner finds somewhat harder than their usual (not planted, so not real), or chance.
    false_fixed: int = 0
    false_harder: int = 0
    false_chance: int = 0
    # How far "Clear" can be trusted over "Likely": the top-3 entries said Clear, and real.
    clear_entries: int = 0
    clear_real: int = 0

    def count_entry(self, certainty: str, real: bool) -> None:
        """One top-3 entry: listed, and whether it is real."""
        self.top_entries += 1
        self.top_real += real
        if certainty == "Clear":
            self.clear_entries += 1
            self.clear_real += real

    def lines(self) -> list[str]:
        def share(part: int, whole: int) -> str:
            return f"{part}/{whole} = {100 * part / whole:.0f}%" if whole else "none"

        return [
            f"top-3 entries that are real (precision): {share(self.top_real, self.top_entries)}",
            "  of those said Clear: " + share(self.clear_real, self.clear_entries),
            "  of those said Likely: "
            + share(self.top_real - self.clear_real, self.top_entries - self.clear_entries),
            "planted weaknesses with 3+ bad sessions in the top 3 at four weeks (recall): "
            + share(self.planted_found, self.planted_with_evidence),
            f"learners with no weakness shown none: {share(self.fine_clean, self.fine_learners)}",
            f"fixed weaknesses gone three weeks later: {share(self.fixed_gone, self.fixed)}",
            "brand-new learners shown a wrong weak spot: "
            + share(self.new_wrong, self.new_learners),
            f"top-3 entries that are not real: {self.false_fixed} fixed weakness(es) still "
            f"listed, {self.false_harder} on tags the learner finds {HARDER:g}x as hard as "
            f"usual or more, {self.false_chance} by chance",
        ]


def _count_false(figures: Figures, tag: str, learner: Learner) -> None:
    """Why a listed tag is not a real weakness of the learner's, for the figures."""
    person, history = learner.person, learner.history
    own = history.tag_trouble.get(tag, 0.0)
    if any(matches(tag, w.tag) for w in person.weaknesses):
        figures.false_fixed += 1
    elif own >= HARDER * person.base_trouble:
        figures.false_harder += 1
    else:
        figures.false_chance += 1


def reports_at_checkpoints(
    world: World, history: Logged, kind: str, days: int
) -> dict[int, WeakSpotReport]:
    """The list at four weeks and at the end (for fixed weaknesses: three weeks after)."""
    checkpoints = {min(FOUR_WEEKS, days), days}
    if kind == "fixed":
        checkpoints = {FOUR_WEEKS, FIX_DAY + AFTER_FIX}
    return {day: report_on(world, history, day) for day in sorted(checkpoints)}


def score(world: World, learners: Sequence[Learner]) -> Figures:
    figures = Figures()
    for learner in learners:
        person, history = learner.person, learner.history
        reports = reports_at_checkpoints(world, history, learner.kind, person.days)
        for _day, spot, real in top_entries(reports, person.weaknesses):
            figures.count_entry(spot.certainty, real)
            if not real:
                _count_false(figures, spot.tag, learner)
        if learner.kind in ("weak", "one-kind", "fixed"):
            for _weakness, found in found_at_four_weeks(history, person.weaknesses, reports):
                figures.planted_with_evidence += 1
                figures.planted_found += found
        count_the_quiet_side(figures, learner.kind, person.weaknesses, person.days, reports)
    return figures


class Troubled(Protocol):
    """A simulated history: for each planted weakness, the days its trouble showed in the log."""

    @property
    def trouble_days(self) -> Mapping[str, Sequence[int]]: ...


def top_entries(
    reports: Mapping[int, WeakSpotReport], weaknesses: Sequence[Planted]
) -> Iterator[tuple[int, WeakSpot, bool]]:
    """Each checkpoint's top-3 entries, with whether each is a real weakness on that day."""
    for day, report in reports.items():
        for spot in report.spots[:TOP]:
            yield day, spot, is_real(spot.tag, weaknesses, day)


def found_at_four_weeks(
    history: Troubled, weaknesses: Sequence[Planted], reports: Mapping[int, WeakSpotReport]
) -> Iterator[tuple[Planted, bool]]:
    """The planted weaknesses whose trouble showed three times or more in four weeks, and
    whether each is in the top 3 then (the recall figure)."""
    top = [s.tag for s in reports[FOUR_WEEKS].spots[:TOP]]
    for weakness in weaknesses:
        if len([d for d in history.trouble_days[weakness.tag] if d < FOUR_WEEKS]) >= 3:
            yield weakness, any(matches(t, weakness.tag) for t in top)


def count_the_quiet_side(
    figures: Figures,
    kind: str,
    weaknesses: Sequence[Planted],
    days: int,
    reports: Mapping[int, WeakSpotReport],
) -> None:
    """The figures where the right list is short or empty: learners with no weakness, fixed
    weaknesses three weeks on, brand-new learners."""
    if kind == "fine":
        figures.fine_learners += 1
        figures.fine_clean += not reports[days].spots
    if kind == "fixed":
        listed = [s.tag for s in reports[FIX_DAY + AFTER_FIX].spots]
        for weakness in weaknesses:
            figures.fixed += 1
            figures.fixed_gone += not any(matches(t, weakness.tag) for t in listed)
    if kind == "new":
        figures.new_learners += 1
        spots = reports[days].spots
        figures.new_wrong += any(not is_real(s.tag, weaknesses, days) for s in spots)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    world = load_world()
    figures = score(world, cohort(world, args.learners, args.seed))
    print(f"{args.learners} simulated learners, seed {args.seed}")
    for line in figures.lines():
        print("-", line)


if __name__ == "__main__":
    main()
