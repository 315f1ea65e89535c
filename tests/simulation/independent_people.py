"""The second simulator's people: who they are and how well they do on a session.

Written from an idea of how people prepare for an interview loop, not from the weak-spot
model (which this module has not read): a general ability that grows with practice, partial
weaknesses that fail more often on harder items, slips that everyone makes now and then,
tiredness late at night or after a few sessions in a day. How a person keeps the log is
in `Habits`; when they practise is in `Rhythm`.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from enum import StrEnum

# Logit shift of solving an item, by difficulty: a fine learner fails easy items about one
# time in ten, medium ones one in five and hard ones nearly half the time.
DIFFICULTY_SHIFT = {"easy": 1.0, "medium": 0.0, "hard": -1.1}
# Everyone skips some design steps more than others: estimates and the deep dive most.
STEP_COVERAGE = {"capacity-estimation": 0.72, "deep-dive": 0.8, "scaling-and-bottlenecks": 0.82}
USUAL_STEP_COVERAGE = 0.9
WEAK_STEP_COVERAGE = 0.3
# A habitual mistake happens in this share of sessions of its kind, by difficulty.
WEAK_MISTAKE_RATE = {"easy": 0.4, "medium": 0.55, "hard": 0.7}


class LogStyle(StrEnum):
    CAREFUL = "careful"  # ticks most real causes, and the design steps covered
    CASUAL = "casual"  # ticks some, now and then the wrong one, reports a partial as solved
    SILENT = "silent"  # never opens the "struggled with" tab, confidence always 3
    EVERYTHING = "everything"  # ticks every topic of a session that went badly, and more


@dataclass(frozen=True)
class Habits:
    """How a person fills in the "How did it go?" dialog."""

    style: LogStyle
    tick_cause: float  # chance a real cause of trouble gets ticked
    tick_wrong: float  # chance something that was not the cause gets ticked too
    step_tick: float  # chance a design step covered gets its box ticked
    rosy: float  # chance a partial is logged as solved
    writes_exposed: float  # chance a mock interview's remarks are written down


def habits_of(style: LogStyle, rng: random.Random) -> Habits:
    if style is LogStyle.CAREFUL:
        return Habits(style, rng.uniform(0.7, 0.9), 0.03, 1.0, 0.0, 0.95)
    if style is LogStyle.CASUAL:
        return Habits(
            style, rng.uniform(0.3, 0.6), rng.uniform(0.05, 0.15), 0.9, rng.uniform(0.1, 0.25), 0.7
        )
    if style is LogStyle.SILENT:
        return Habits(style, 0.0, 0.0, rng.uniform(0.6, 0.85), rng.uniform(0.0, 0.2), 0.3)
    return Habits(style, 1.0, 0.3, 1.0, 0.0, 1.0)


@dataclass(frozen=True)
class Rhythm:
    """Bursts of practice and gaps: a burst ends, a gap of a week or more follows. Someone
    with a loop booked crams: long bursts, several sessions a day."""

    burst_end: float  # chance a burst ends on a given day
    gap_end: float  # chance a gap ends on a given day
    practise_on_burst_day: float
    most_per_day: int
    night_owl: bool  # practises late, and tired
    another_session: float = 0.45  # chance of one more session on a day already practised


@dataclass(frozen=True)
class Weakness:
    tag: str  # a taxonomy id, or "pace:<kind of work>"
    fixed_on: int | None = None  # the day it stops being a weakness

    def active(self, day: int) -> bool:
        return self.fixed_on is None or day < self.fixed_on


@dataclass(frozen=True)
class Person:
    weaknesses: tuple[Weakness, ...]
    habits: Habits
    rhythm: Rhythm
    ability: float  # logit of solving a medium item, unpractised and rested
    learning: float  # logit gained per doubling of practice on a tag
    deficit: float  # logit lost on an item of a weak pattern or topic
    kinds: tuple[str, ...]  # kinds of item practised
    strict_order: bool  # one stage after another, or coding and systems side by side
    redoes_failures: bool  # revisits what went wrong; otherwise avoids it
    skips_easy: float  # chance an easy new item is skipped as already known
    mock_every: int | None  # days between mock interviews
    slips: tuple[str, ...]  # mistakes this person makes now and then, like anyone
    days: int = 28
    skips_like_everyone: bool = True  # skips the steps in STEP_COVERAGE more than others

    def weak(self, tag: str, day: int) -> bool:
        return any(w.tag == tag and w.active(day) for w in self.weaknesses)


def chance(logit: float) -> float:
    return 1 / (1 + math.exp(-logit))


def practice_gain(person: Person, practised: int, weak: bool) -> float:
    """A learning curve: each doubling of practice on a tag helps as much; less if weak."""
    return person.learning * math.log2(1 + practised) * (0.5 if weak else 1.0)


def tiredness(hour: int, earlier_today: int) -> float:
    """Logit lost late at night and after sessions earlier the same day."""
    late = 0.5 if hour >= 22 or hour < 5 else 0.0
    return late + 0.3 * earlier_today


def step_coverage(person: Person, step: str, day: int, tired: float) -> float:
    usual = (
        STEP_COVERAGE.get(step, USUAL_STEP_COVERAGE)
        if person.skips_like_everyone
        else USUAL_STEP_COVERAGE
    )
    covered = WEAK_STEP_COVERAGE if person.weak(step, day) else usual
    return max(0.05, covered - 0.05 * tired)


def pace_factor(person: Person, kind: str, day: int, rng: random.Random) -> float:
    """How long a session takes against its target: noisy for all, long for a slow kind."""
    factor = rng.lognormvariate(0.0, 0.25)
    if person.weak(f"pace:{kind}", day):
        factor *= rng.uniform(1.7, 2.4)
    return factor
