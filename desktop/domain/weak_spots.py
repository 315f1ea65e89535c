"""Recurring weak spots: which patterns, topics, mistakes and design steps keep going wrong.

The model reads neutral observations (a practice attempt, and later a mock interview, each
becomes one) and scores every taxonomy tag by how much more often it went badly than the other
things of its kind (the other patterns, the other mistakes, ...), weighting recent evidence
more. Each score is explained with the numbers behind it.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from desktop.domain.practice import Attempt, Outcome

HALF_LIFE_DAYS = 7.0  # evidence loses half its weight every week
PRIOR_WEIGHT = 3.0  # how much "nothing wrong" a tag starts with, so one bad day is not a trend
RECENT_COUNT = 8  # "in N of the last M attempts" looks at this many
OVER_TARGET = 1.15  # more than 15% over the target time counts as over
MIN_SCORE = 5.0  # below this a tag is not a weak spot worth listing
# Evidence this much older than the newest weighs under a hundred-thousandth: left out.
EVIDENCE_DAYS = 120
# How badly each kind of thing goes for a typical learner, before their own log says more.
TYPICAL_BADNESS = {"pattern": 0.15, "topic": 0.15, "mistake": 0.03, "design_step": 0.1}

KINDS = ("pattern", "mistake", "topic", "design_step")


class Observation(NamedTuple):
    """One piece of evidence about how practice went, whatever it came from."""

    at: datetime
    source: str  # "attempt" or "mock"
    ref_id: int
    practised: tuple[str, ...] = ()  # patterns and topics applied
    struggles: tuple[str, ...] = ()
    missed_steps: tuple[str, ...] = ()
    design: bool = False  # design steps apply: the ones not covered were missed
    outcome: Outcome | None = None
    confidence: int | None = None
    minutes: float | None = None
    target_minutes: int | None = None


@dataclass(frozen=True)
class WeakSpot:
    tag: str
    label: str
    kind: str  # "pattern" | "mistake" | "topic" | "design_step"
    score: float  # 0..100, higher is weaker
    explanation: str
    attempt_ids: tuple[int, ...]  # attempts behind it, newest first
    mock_ids: tuple[int, ...] = ()


def observation_from_attempt(attempt: Attempt, design_steps: Sequence[str]) -> Observation:
    """An attempt as evidence. A design session that did not cover a step missed it."""
    design = attempt.subject.kind == "design"
    missed = tuple(s for s in design_steps if s not in attempt.steps_covered) if design else ()
    return Observation(
        at=attempt.started_at,
        source="attempt",
        ref_id=attempt.id or 0,
        practised=attempt.patterns,
        struggles=attempt.struggles,
        missed_steps=missed,
        design=design,
        outcome=attempt.outcome,
        confidence=attempt.confidence,
        minutes=attempt.active_seconds / 60,
        target_minutes=attempt.subject.target_minutes,
    )


def observation_from_mock(
    mock_id: int, held_at: datetime, score_percent: float, exposed: Sequence[str]
) -> Observation:
    """A mock interview as evidence: what it exposed counts as a struggle."""
    if score_percent >= 80:
        outcome = Outcome.SOLVED
    else:
        outcome = Outcome.PARTIAL if score_percent >= 50 else Outcome.STUCK
    return Observation(
        at=held_at, source="mock", ref_id=mock_id, struggles=tuple(exposed), outcome=outcome
    )


def rank_weak_spots(
    observations: Iterable[Observation],
    *,
    kinds: Mapping[str, str],
    label: Callable[[str], str],
    now: datetime,
    limit: int = 10,
) -> list[WeakSpot]:
    """The weakest tags first. `kinds` maps each taxonomy id to its kind; others are ignored.

    Recency counts from `now`, or from the newest evidence if that is older: after a break,
    the weak spots are those of when the user last practised.
    """
    ordered = sorted(observations, key=lambda o: o.at)
    if ordered:
        now = min(now, ordered[-1].at)
        oldest = now - timedelta(days=EVIDENCE_DAYS)
        ordered = [o for o in ordered if o.at >= oldest]
    tallies: dict[str, _Tally] = {}
    # Mistakes can happen in any session and steps be missed in any design session: those
    # tallies share one record of every session they apply to and only add the bad ones.
    every, design = _Tally(), _Tally()
    steps = tuple(tag for tag, kind in kinds.items() if kind == "design_step")
    for obs in ordered:
        age_days = max(0.0, (now - obs.at).total_seconds() / 86400)
        weight = 0.5 ** (age_days / HALF_LIFE_DAYS)
        every.add(obs, weight, 0.0)
        struggles = set(obs.struggles)
        for tag in dict.fromkeys((*obs.practised, *obs.struggles)):
            kind = kinds.get(tag)
            if kind in ("pattern", "topic"):
                tally = tallies.setdefault(tag, _Tally())
                tally.add(obs, weight, _applied_badness(obs, tag in struggles))
            elif kind == "mistake":
                tallies.setdefault(tag, _Tally(every)).add_bad(obs, weight, 1.0)
        if obs.design or obs.missed_steps or any(kinds.get(t) == "design_step" for t in struggles):
            design.add(obs, weight, 0.0)
            missed = set(obs.missed_steps)
            for tag in steps:
                bad = (0.9 if tag in missed else 0.0) + (0.4 if tag in struggles else 0.0)
                if bad:
                    tallies.setdefault(tag, _Tally(design)).add_bad(obs, weight, min(1.0, bad))

    usual = _Usual(tallies, kinds, every.weight, design.weight)
    spots = []
    for tag, tally in tallies.items():
        # Worse than usual for its kind, with little evidence pulled towards the usual.
        expected = usual.without(tag) * tally.weight
        score = 100 * (tally.bad_weight - expected) / (tally.weight + PRIOR_WEIGHT)
        if score < MIN_SCORE or not tally.bad:
            continue
        kind = kinds[tag]
        tag_label = label(tag)
        spots.append(
            WeakSpot(
                tag=tag,
                label=tag_label,
                kind=kind,
                score=round(score, 1),
                explanation=_explain(tag_label, kind, tag, tally),
                attempt_ids=tuple(o.ref_id for o in reversed(tally.bad) if o.source == "attempt"),
                mock_ids=tuple(o.ref_id for o in reversed(tally.bad) if o.source == "mock"),
            )
        )
    spots.sort(key=lambda spot: (-spot.score, spot.label))
    return spots[:limit]


class _Usual:
    """How badly things of each kind usually go for this learner (weighted, 0..1)."""

    def __init__(
        self, tallies: Mapping[str, _Tally], kinds: Mapping[str, str], every: float, design: float
    ) -> None:
        self._tallies, self._kinds = tallies, kinds
        self._bad: dict[str, float] = dict.fromkeys(KINDS, 0.0)
        self._seen: dict[str, float] = dict.fromkeys(KINDS, 0.0)
        for tag, tally in tallies.items():
            self._bad[kinds[tag]] += tally.bad_weight
            if kinds[tag] in ("pattern", "topic"):
                self._seen[kinds[tag]] += tally.weight
        self._seen["mistake"] = every * sum(kind == "mistake" for kind in kinds.values())
        self._seen["design_step"] = design * sum(kind == "design_step" for kind in kinds.values())

    def without(self, tag: str) -> float:
        """The usual for the tag's kind, from the other tags of that kind (so a weak spot does
        not raise its own bar), starting from a typical learner's when there is little else."""
        kind, tally = self._kinds[tag], self._tallies[tag]
        bad = self._bad[kind] - tally.bad_weight + TYPICAL_BADNESS[kind] * PRIOR_WEIGHT
        return bad / (max(0.0, self._seen[kind] - tally.weight) + PRIOR_WEIGHT)


def _applied_badness(obs: Observation, struggled: bool) -> float:
    # Naming it as a struggle says most; how the session went is shared by all its tags.
    bad = 0.75 if struggled else 0.0
    if obs.outcome is Outcome.STUCK:
        bad += 0.15
    elif obs.outcome is Outcome.PARTIAL:
        bad += 0.075
    if obs.confidence is not None and obs.confidence <= 2:
        bad += 0.05
    if _over_target(obs):
        bad += 0.05
    return min(1.0, bad)


def _over_target(obs: Observation) -> bool:
    return bool(
        obs.minutes is not None
        and obs.target_minutes
        and obs.minutes > obs.target_minutes * OVER_TARGET
    )


class _Tally:
    """What is known about one tag: weighted badness, and the observations behind it.

    A tally with a `base` shares the base's record of sessions seen and only keeps its own bad
    ones (mistakes against every session, design steps against every design session).
    """

    __slots__ = ("_base", "_seen", "_weight", "bad", "bad_weight")

    def __init__(self, base: _Tally | None = None) -> None:
        self._base = base
        self._weight = 0.0
        self.bad_weight = 0.0
        self._seen: list[Observation] = []  # oldest first
        self.bad: list[Observation] = []

    @property
    def weight(self) -> float:
        return self._base.weight if self._base is not None else self._weight

    @property
    def seen(self) -> list[Observation]:
        return self._base.seen if self._base is not None else self._seen

    def add(self, obs: Observation, weight: float, badness: float) -> None:
        self._weight += weight
        self._seen.append(obs)
        self.add_bad(obs, weight, badness)

    def add_bad(self, obs: Observation, weight: float, badness: float) -> None:
        if badness > 0:
            self.bad_weight += weight * badness
            self.bad.append(obs)


def _explain(label: str, kind: str, tag: str, tally: _Tally) -> str:
    # The numbers are about practice attempts; mock interviews are named on their own.
    attempts = [o for o in tally.seen if o.source == "attempt"]
    recent = attempts[-RECENT_COUNT:]
    total = len(recent)
    parts = []
    if kind == "mistake":
        noted = sum(tag in o.struggles for o in recent)
        if noted:
            parts.append(f"noted as a struggle in {_of_last(noted, total)}")
    elif kind == "design_step":
        missed = sum(tag in o.missed_steps for o in recent)
        if missed:
            parts.append(f"missed in {_of_last(missed, total, 'design session')}")
        struggled = sum(tag in o.struggles for o in recent)
        if struggled:
            parts.append(f"a struggle in {struggled}" if parts else _struggled(struggled, total))
    elif recent:
        struggled = sum(tag in o.struggles for o in recent)
        if struggled:
            parts.append(_struggled(struggled, total))
        poor = sum(o.outcome in (Outcome.STUCK, Outcome.PARTIAL) for o in recent)
        if poor:
            of = _of_last(poor, total) if not parts else f"{poor} of {total}"
            parts.append(f"stuck or partial in {of}")
        timed = [o for o in recent if o.minutes is not None and o.target_minutes]
        if timed:
            median = statistics.median(o.minutes or 0.0 for o in timed)
            target = statistics.median(o.target_minutes or 0 for o in timed)
            if median > target * OVER_TARGET:
                parts.append(f"median {round(median)} min against a {round(target)} min target")
        shaky = sum(o.confidence is not None and o.confidence <= 2 for o in recent)
        if shaky:
            parts.append(f"confidence 2 or lower in {shaky} of {total}")
    bad_attempts = sum(o.source == "attempt" for o in tally.bad)
    if not parts and bad_attempts:
        parts.append(f"went badly in {bad_attempts} of {_sessions(len(attempts))}")
    mocks = len(tally.bad) - bad_attempts
    if mocks:
        parts.append(f"exposed in {_sessions(mocks, 'mock interview')}")
    return f"{label}: " + "; ".join(parts)


def _struggled(count: int, total: int) -> str:
    return f"a struggle in {_of_last(count, total)}"


def _of_last(count: int, total: int, noun: str = "attempt") -> str:
    """Like "3 of the last 8 attempts", or "its only attempt" when there is just the one."""
    if total == 1:
        return f"its only {noun}"
    return f"{count} of the last {_sessions(total, noun)}"


def _sessions(count: int, noun: str = "attempt") -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
