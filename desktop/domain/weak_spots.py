"""Recurring weak spots: what keeps going wrong, how sure that is, and what is not known yet.

Every practice attempt and mock interview becomes an Observation. Each one says, for every tag
it exercised (a pattern or topic of the item, a mistake, a design step, a quiz topic) and for
the pace of its kind of work, how badly that went: a ticked struggle or a missed design step
says it outright; otherwise the outcome, the time against the target and the confidence say
it for every tag of the session.

A tag's rate of going wrong is a Beta posterior over its (recency-weighted) sessions, started
at the learner's own usual rate for that kind of tag. A tag is a weak spot only when it has
been seen several times, gone wrong more than once, and even the pessimistic end of its
interval is clearly above that usual rate; the list is ranked by how far above it that end
is, so patterns, mistakes, steps and pace compare on one scale. Tags that went wrong but are
not yet clear are "watching"; kinds of work with too few sessions, and tags not practised
lately, are said as such rather than passed off as fine.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import NamedTuple

from desktop.domain.practice import Attempt, Outcome

HALF_LIFE_DAYS = 45.0  # evidence loses half its weight in six weeks or so
EVIDENCE_DAYS = 120  # older evidence weighs under a four-thousandth: left out
# The period weak spots are read over unless the user picks another (Trends' period): the Plan
# and `loopwise weak-spots` read the same, so all three quote the same counts.
WEAK_SPOT_DAYS = 90
PRIOR_SESSIONS = 2.0  # how many sessions' worth the usual rate counts for at the start
Z_LOWER = 1.2816  # the lower end of an 80% interval (the 10th percentile)
INTERVAL_PERCENT = 80
# Topics are held to a 90% interval. They ride on design sessions, which go wrong for many
# reasons at once (a step left out, the pace, any of their topics), and on fewer items each
# than patterns, so a few sessions speak for several topics at once and a run of bad luck is
# more common: at 80%, listed topics were real for 58% of simulated learners, patterns 81%.
Z_LOWER_TOPIC = 1.6449  # the 5th percentile
INTERVAL_PERCENT_TOPIC = 90
MARGIN = 0.05  # the lower end must clear the usual rate by this much to be a weak spot
RATIO = 1.5  # ... and be this many times the usual rate (rare mistakes need more than a tick)
RATIO_GAP_CAP = 0.1  # ... but no more than this far above a high usual rate
MIN_SEEN = 3  # sessions that exercised it, at the least
MIN_BAD = 2  # of which went wrong, at the least ("more than once")
# Mistakes, design steps and pace go wrong rarely and come in many tags, so two slips of one
# of them happen by chance often enough: they need three.
MIN_BAD_RARE = 3
MIN_BAD_WEIGHT = 1.2  # recency-weighted: two bad sessions of months ago are not enough
SETTLED_DAYS = 21  # no trouble in this long: not a weak spot now
SETTLED_CLEAN_DAYS = 14  # ... nor in this long, with this many clean sessions since
SETTLED_CLEAN = 2
BAD = 0.5  # a session this bad or worse went wrong for the tag
LAPSE_DAYS = 30  # "not practised lately"
TOO_LITTLE = 3  # fewer sessions than this of a kind of work is "too little data yet"
SLOW = 1.5  # over this multiple of the target a session was slow
SOMEWHAT_SLOW = 1.25
# A session that went wrong runs about this much longer whatever the cause: that much of its
# time says nothing about pace.
TROUBLE_SLOWDOWN = 1.25
# A step left out now and then is how design sessions go, more so for some steps than others:
# a weak step is left out in about two design sessions of five or more.
STEP_OFTEN = 0.4
# A learner who ticks at least this share of the patterns and topics of every session that went
# wrong (over this many such sessions) ticks the session, not its cause.
BLANKET_SHARE = 0.9
BLANKET_SESSIONS = 3
RECENT_COUNT = 8  # "in N of the last M" looks at this many
# Before the learner's own log says more: how often each kind of tag goes wrong for anyone.
TYPICAL_RATE = {"pattern": 0.2, "topic": 0.2, "mistake": 0.05, "design_step": 0.15, "pace": 0.2,
                "quizzed": 0.2}  # fmt: skip
QUIZZED = "quizzed"  # the bar quiz topics share, whatever their kind (see _bar_kind)
QUIZZED_KINDS = ("pattern", "topic", "design_step")
TYPICAL_WEIGHT = 6.0
QUIET_SHARE = 0.3  # never-ticked mistakes count this much: some were surely made and not ticked

KINDS = ("pattern", "mistake", "topic", "design_step", "pace")
PACE = "pace"
PACE_PREFIX = "pace:"
WORK_NAMES = {"code": "Coding problems", "design": "System design", "behavioral":
              "Behavioral answers", "quiz": "Quizzes", "reading": "Reading and drills",
              "mock": "Mock interviews"}  # fmt: skip


class Observation(NamedTuple):
    """One piece of evidence about how practice went, whatever it came from."""

    at: datetime
    source: str  # "attempt" or "mock"
    ref_id: int
    practised: tuple[str, ...] = ()  # tags the session exercised: patterns, topics, quiz topics
    struggles: tuple[str, ...] = ()  # ticked, missed quiz topics, or exposed in a mock
    missed_steps: tuple[str, ...] = ()
    design: bool = False  # design steps apply: the ones not covered were missed
    outcome: Outcome | None = None
    confidence: int | None = None
    minutes: float | None = None
    target_minutes: int | None = None
    work: str | None = None  # the kind of work: code, design, behavioral, quiz, ...
    difficulty: str | None = None
    # Each practised tag was scored on its own (a quiz's questions): one not among the
    # struggles went right, whatever the session's overall score.
    scored_per_tag: bool = False


@dataclass(frozen=True)
class WeakSpot:
    tag: str
    label: str
    kind: str  # "pattern" | "mistake" | "topic" | "design_step" | "pace"
    score: float  # 0..100: how far the pessimistic rate is above the usual one, in points
    explanation: str
    attempt_ids: tuple[int, ...]  # attempts behind it, newest first
    mock_ids: tuple[int, ...] = ()
    seen: int = 0  # sessions that exercised it
    bad: int = 0  # of which went wrong
    rate: float = 0.0  # the posterior's mean rate of going wrong
    low: float = 0.0  # ... and its interval (80%, or 90% for a topic)
    high: float = 0.0
    interval_percent: int = INTERVAL_PERCENT
    usual: float = 0.0  # the learner's usual rate for its kind
    certainty: str = ""  # "Clear" or "Likely"; "Watching" for those not yet clear


@dataclass(frozen=True)
class Lapse:
    """A tag practised before, but not lately."""

    tag: str
    label: str
    days: int  # since it was last practised


@dataclass(frozen=True)
class EarlierPractice:
    """What sessions too old to weigh still say: that something was practised, and when."""

    sessions: int = 0
    last_practised: Mapping[str, datetime] = field(default_factory=dict)  # by tag
    by_work: Mapping[str, int] = field(default_factory=dict)  # sessions by kind of work


@dataclass(frozen=True)
class WeakSpotReport:
    spots: list[WeakSpot]  # clear enough to act on, weakest first
    watching: list[WeakSpot]  # went wrong, but not often or surely enough yet
    lapsed: list[Lapse]  # not practised in LAPSE_DAYS, longest first
    too_little: list[str]  # kinds of work with too few sessions, as sentences
    covered: list[str] = field(default_factory=list)  # labels practised without trouble
    sessions: int = 0
    # Sessions of the period older than EVIDENCE_DAYS: they weigh too little to count, and
    # say only what was practised when (for "not practised lately").
    older_sessions: int = 0


def observation_from_attempt(
    attempt: Attempt,
    design_steps: Sequence[str],
    exercised: Mapping[tuple[str, str], Sequence[str]] | None = None,
) -> Observation:
    """An attempt as evidence. The item's own tags (from `exercised`, by path and item id)
    count as practised even when not ticked; a design session that did not cover a step
    missed it."""
    subject = attempt.subject
    design = subject.kind == "design"
    missed = tuple(s for s in design_steps if s not in attempt.steps_covered) if design else ()
    item_tags = tags_of_item(exercised, subject.path_id, subject.item_id)
    return Observation(
        at=attempt.started_at,
        source="attempt",
        ref_id=attempt.id or 0,
        practised=tuple(dict.fromkeys((*attempt.patterns, *item_tags))),
        struggles=attempt.struggles,
        missed_steps=missed,
        design=design,
        outcome=attempt.outcome,
        confidence=attempt.confidence,
        minutes=attempt.active_seconds / 60,
        target_minutes=subject.target_minutes,
        work=subject.kind,
        difficulty=subject.difficulty,
        scored_per_tag=bool(attempt.quiz_total),
    )


def tags_of_item(
    exercised: Mapping[tuple[str, str], Sequence[str]] | None,
    path_id: str | None,
    item_id: str | None,
) -> Sequence[str]:
    """The taxonomy tags a path item exercises, if the session was on one."""
    if not exercised or not path_id or not item_id:
        return ()
    return exercised.get((path_id, item_id), ())


def observation_from_mock(
    mock_id: int, held_at: datetime, score_percent: float, exposed: Sequence[str]
) -> Observation:
    """A mock interview as evidence: what it exposed went wrong there."""
    if score_percent >= 80:
        outcome = Outcome.SOLVED
    else:
        outcome = Outcome.PARTIAL if score_percent >= 50 else Outcome.STUCK
    return Observation(
        at=held_at,
        source="mock",
        ref_id=mock_id,
        struggles=tuple(exposed),
        outcome=outcome,
        work="mock",
    )


def rank_weak_spots(
    observations: Iterable[Observation],
    *,
    kinds: Mapping[str, str],
    label: Callable[[str], str],
    now: datetime,
    limit: int = 10,
) -> list[WeakSpot]:
    """The weak spots clear enough to act on, weakest first (see `analyse`)."""
    return analyse(observations, kinds=kinds, label=label, now=now).spots[:limit]


def analyse(
    observations: Iterable[Observation],
    *,
    kinds: Mapping[str, str],
    label: Callable[[str], str],
    now: datetime,
    earlier: EarlierPractice | None = None,
) -> WeakSpotReport:
    """Everything the Trends page says about weak spots. `kinds` maps each taxonomy id to
    its kind; other tags are ignored. Recency counts from `now`, or from the newest evidence
    if that is older: after a break, the weak spots are those of when the user last practised.
    `earlier` is what sessions left out as too old to weigh still say (trends.weak_spots_of).
    """
    earlier = earlier or EarlierPractice()
    ordered = sorted(observations, key=lambda o: o.at)
    last_seen: dict[str, datetime] = dict(earlier.last_practised)
    for obs in ordered:
        for tag in (*obs.practised, *obs.struggles):
            last_seen[tag] = obs.at
    clock = min(now, ordered[-1].at) if ordered else now
    recent = _discerning(
        [o for o in ordered if o.at >= clock - timedelta(days=EVIDENCE_DAYS)], kinds
    )
    tallies = _tally(recent, kinds, clock)
    # Twice: the second time, the usual rates leave out what the first found weak, so one
    # big weakness does not hide a second one by raising the bar for its kind.
    quiet = _quiet_mistakes(recent, tallies, kinds, clock)
    spots, _watching = _rate_all(tallies, _usual_rates(tallies, quiet), label, clock)
    found = {spot.tag for spot in spots}
    usual = _usual_rates({tag: t for tag, t in tallies.items() if tag not in found}, quiet)
    spots, watching = _rate_all(tallies, usual, label, clock, left_out=found)
    spots.sort(key=lambda spot: (-spot.score, spot.label))
    watching.sort(key=lambda spot: (-spot.rate, spot.label))
    listed = {spot.tag for spot in (*spots, *watching)}
    covered = sorted(
        label(t.tag)
        for t in tallies.values()
        if t.seen >= MIN_SEEN and t.tag not in listed
        if t.kind in ("pattern", "topic", "design_step")
    )
    return WeakSpotReport(
        spots=spots,
        watching=watching,
        lapsed=_lapsed(last_seen, kinds, label, now),
        too_little=_too_little(ordered, earlier.by_work),
        covered=covered,
        sessions=len(ordered),
        older_sessions=earlier.sessions,
    )


def _rate_all(
    tallies: dict[str, _Tally],
    usual: Totals,
    label: Callable[[str], str],
    clock: datetime,
    left_out: Set[str] = frozenset(),
) -> tuple[list[WeakSpot], list[WeakSpot]]:
    """`left_out`: tags whose own sessions `usual` was counted without."""
    spots: list[WeakSpot] = []
    watching: list[WeakSpot] = []
    for tally in tallies.values():
        if tally.kind in SHARED_KINDS:
            continue  # rated below, one at a time
        own_counted = tally.tag not in left_out
        rated = _rated(tally, _usual_without(tally, usual, own_counted=own_counted), label, clock)
        if rated is not None:
            (spots if rated.certainty in ("Clear", "Likely") else watching).append(rated)
    spots, watching = _without_narrower_paces(spots), _without_narrower_paces(watching, spots)
    # What a listed mistake, design step or pace explains no longer counts against the
    # session's patterns and topics.
    explained = {(o.source, o.ref_id) for spot in spots for o in tallies[spot.tag].bad_ones}
    shared_spots, shared_watching = _explain_away(tallies, usual, label, clock, explained)
    return spots + shared_spots, watching + shared_watching


def _without_narrower_paces(
    spots: list[WeakSpot], also_listed: Sequence[WeakSpot] = ()
) -> list[WeakSpot]:
    """A kind of work slow at every difficulty says all there is: its hard items being slow
    too is not a second weak spot."""
    whole = {s.tag for s in (*spots, *also_listed) if s.kind == PACE and not _narrower_pace(s.tag)}
    return [s for s in spots if not (_narrower_pace(s.tag) and s.tag.rsplit(":", 1)[0] in whole)]


def _narrower_pace(tag: str) -> bool:
    """The pace of one difficulty of a kind of work ("pace:code:hard")."""
    return tag.startswith(PACE_PREFIX) and tag.count(":") == 2


def _discerning(observations: list[Observation], kinds: Mapping[str, str]) -> list[Observation]:
    """The observations, with ticks on patterns and topics left out when the learner ticks
    nearly all of them whenever a session with several goes wrong: such a tick says the
    session went badly, which its outcome says already, not which of them was the trouble."""
    went_wrong = [
        (o, shared)
        for o in observations
        if o.outcome not in (None, Outcome.SOLVED) and not o.scored_per_tag
        if len(shared := [tag for tag in o.practised if kinds.get(tag) in SHARED_KINDS]) >= 2
    ]
    offered = sum(len(shared) for _o, shared in went_wrong)
    ticked = sum(tag in o.struggles for o, shared in went_wrong for tag in shared)
    if len(went_wrong) < BLANKET_SESSIONS or ticked < BLANKET_SHARE * offered:
        return observations
    return [o if o.scored_per_tag else _without_shared_ticks(o, kinds) for o in observations]


def _without_shared_ticks(obs: Observation, kinds: Mapping[str, str]) -> Observation:
    kept = (t for t in obs.struggles if not (kinds.get(t) in SHARED_KINDS and t in obs.practised))
    return obs._replace(struggles=tuple(kept))


# Counting ---------------------------------------------------------------------------------


@dataclass
class _Tally:
    """What is known about one tag: its weighted sessions and how badly each went."""

    tag: str
    kind: str
    seen_weight: float = 0.0
    bad_weight: float = 0.0
    seen: int = 0
    bad: int = 0
    bad_ones: list[Observation] = field(default_factory=list)
    entries: list[tuple[Observation, float, float]] = field(default_factory=list)
    by_work: dict[str | None, tuple[float, float]] = field(default_factory=dict)  # bad, seen

    @property
    def observations(self) -> list[Observation]:
        """Oldest first."""
        return [obs for obs, _weight, _badness in self.entries]

    def add(self, obs: Observation, weight: float, badness: float) -> None:
        self.entries.append((obs, weight, badness))
        self.seen_weight += weight
        self.bad_weight += weight * badness
        self.seen += 1
        bad, seen = self.by_work.get(obs.work, (0.0, 0.0))
        self.by_work[obs.work] = (bad + weight * badness, seen + weight)
        if badness >= BAD:
            self.bad += 1
            self.bad_ones.append(obs)


def _tally(
    observations: Sequence[Observation], kinds: Mapping[str, str], clock: datetime
) -> dict[str, _Tally]:
    tallies: dict[str, _Tally] = {}
    steps = [tag for tag, kind in kinds.items() if kind == "design_step"]
    # A mistake can happen in any session, but only a tick says it did: once ticked in a kind
    # of work (coding, say), every attempt of that kind counts for it, the clean ones too.
    mistake_work: dict[str, set[str | None]] = {}
    for o in observations:
        for tag in o.struggles:
            if kinds.get(tag) == "mistake":
                mistake_work.setdefault(tag, set()).add(o.work)
    mistakes = sorted(mistake_work)

    def count(tag: str, kind: str, obs: Observation, weight: float, badness: float) -> None:
        tallies.setdefault(tag, _Tally(tag, kind)).add(obs, weight, badness)

    for obs in observations:
        weight = _recency(obs, clock)
        struggles = set(obs.struggles)
        session = _session_badness(obs)
        for tag in dict.fromkeys((*obs.practised, *obs.struggles)):
            kind = kinds.get(tag)
            # Design steps of a design session are counted below, covered or missed.
            if kind in ("pattern", "topic") or (kind == "design_step" and not obs.design):
                went = 1.0 if tag in struggles else 0.0 if obs.scored_per_tag else session
                count(tag, str(kind), obs, weight, went)
        if obs.source == "attempt":
            for tag in mistakes:
                if obs.work in mistake_work[tag]:
                    count(tag, "mistake", obs, weight, 1.0 if tag in struggles else 0.0)
        else:
            for tag in struggles:
                if kinds.get(tag) == "mistake":
                    count(tag, "mistake", obs, weight, 1.0)
        if obs.design:
            missed = set(obs.missed_steps)
            for tag in steps:
                count(tag, "design_step", obs, weight, 1.0 if tag in missed | struggles else 0.0)
        pace = _pace_badness(obs)
        if pace is not None and obs.work:
            # Slow at a kind of work, or only at its hard (or easy) items.
            count(pace_tag(obs.work), PACE, obs, weight, pace)
            if obs.difficulty:
                count(pace_tag(obs.work, obs.difficulty), PACE, obs, weight, pace)
    return tallies


def _recency(obs: Observation, clock: datetime) -> float:
    """How much a piece of evidence still weighs: half as much every HALF_LIFE_DAYS."""
    return 0.5 ** (max(0.0, (clock - obs.at).total_seconds()) / 86400 / HALF_LIFE_DAYS)


def _session_badness(obs: Observation) -> float:
    """How badly the session went, for every tag in it that was not ticked on its own."""
    bad = {Outcome.STUCK: 0.8, Outcome.PARTIAL: 0.5}.get(obs.outcome, 0.0) if obs.outcome else 0.0
    if obs.confidence is not None and obs.confidence <= 2:
        bad += 0.1
    if (_pace_badness(obs) or 0.0) >= 1.0:
        bad += 0.1
    return min(0.9, bad)  # never as sure as a tick: the trouble may have been something else


def _pace_badness(obs: Observation) -> float | None:
    if obs.minutes is None or not obs.target_minutes or obs.source != "attempt":
        return None
    ratio = obs.minutes / obs.target_minutes
    if obs.outcome is not None and obs.outcome is not Outcome.SOLVED:
        ratio /= TROUBLE_SLOWDOWN
    return 1.0 if ratio > SLOW else 0.3 if ratio > SOMEWHAT_SLOW else 0.0


def pace_tag(work: str, difficulty: str | None = None) -> str:
    return f"{PACE_PREFIX}{work}" + (f":{difficulty}" if difficulty else "")


def pace_work(tag: str) -> str | None:
    """The kind of work a pace tag is about ("pace:code:hard" is "code"); None for others."""
    return tag.split(":")[1] if tag.startswith(PACE_PREFIX) else None


def pace_label(tag: str) -> str:
    """ "pace:code:hard" reads "Pace: hard coding problems"."""
    _prefix, work, *rest = tag.split(":")
    name = WORK_NAMES.get(work, work.capitalize())
    return f"Pace: {rest[0]} {name[:1].lower()}{name[1:]}" if rest else f"Pace: {name}"


# Rating -----------------------------------------------------------------------------------

SHARED_KINDS = ("pattern", "topic")  # their evidence is mostly their sessions' outcome


def _explain_away(
    tallies: dict[str, _Tally],
    totals: Totals,
    label: Callable[[str], str],
    clock: datetime,
    explained: set[tuple[str, int]],
) -> tuple[list[WeakSpot], list[WeakSpot]]:
    """Patterns and topics share their sessions' outcome: when one weakness sinks a session,
    every other tag of it looks weak too. So they are listed one at a time: the clearest
    first, and then the sessions it explains no longer count against the others (unless a
    tag was ticked there itself)."""
    remaining = {tag: t for tag, t in tallies.items() if t.kind in SHARED_KINDS}
    explained = set(explained)
    spots: list[WeakSpot] = []
    while remaining:
        if explained:
            remaining = {tag: _leaving_out(t, explained) for tag, t in remaining.items()}
        # The bar: the sessions left, so what is explained does not raise it either.
        usual = {
            **{key: v for key, v in totals.items() if key[0] not in SHARED_KINDS},
            **{key: v for key, v in _usual_rates(remaining).items() if key[0] in SHARED_KINDS},
        }
        rated = [
            r
            for t in remaining.values()
            if (r := _rated(t, _usual_without(t, usual), label, clock))
        ]
        listed = [r for r in rated if r.certainty in ("Clear", "Likely")]
        if not listed:
            watching = [r for r in rated if r.certainty == "Watching"]
            return spots, watching
        best = max(listed, key=lambda spot: _first_to_list(spot, remaining[spot.tag]))
        spots.append(best)
        explained |= {(o.source, o.ref_id) for o in remaining.pop(best.tag).bad_ones}
    return spots, []


def _first_to_list(spot: WeakSpot, tally: _Tally) -> tuple[float, int, int, str]:
    """Which of the tags that share their sessions is listed first: the clearest; on the same
    evidence (the only item on them, say), the one ticked more, then the one the items name
    first ("Climbing Stairs" is dynamic programming before it is recursion)."""
    ticked = sum(spot.tag in obs.struggles for obs in tally.bad_ones)
    place = min((obs.practised.index(spot.tag) for obs in tally.bad_ones
                 if spot.tag in obs.practised), default=99)  # 99: not among them  # fmt: skip
    return (spot.score, ticked, -place, spot.label)


def _leaving_out(tally: _Tally, explained: set[tuple[str, int]]) -> _Tally:
    kept = _Tally(tally.tag, tally.kind)
    for obs, weight, badness in tally.entries:
        if (obs.source, obs.ref_id) not in explained or tally.tag in obs.struggles:
            kept.add(obs, weight, badness)
    return kept


def _quiet_mistakes(
    observations: Sequence[Observation],
    tallies: Mapping[str, _Tally],
    kinds: Mapping[str, str],
    clock: datetime,
) -> float:
    """The weighted sessions of the mistakes never ticked: each went right in every coding
    session. Only ticked mistakes have tallies, so without these the usual rate of mistakes
    would be the rate of the ones that do go wrong, and a real one would not stand out."""
    never = sum(1 for tag, kind in kinds.items() if kind == "mistake" and tag not in tallies)
    coding = sum(
        _recency(obs, clock)
        for obs in observations
        if obs.source == "attempt" and obs.work == "code"
    )
    return QUIET_SHARE * never * coding


Totals = Mapping[tuple[str, str | None], tuple[float, float]]


def _usual_rates(tallies: Mapping[str, _Tally], quiet_mistakes: float = 0.0) -> Totals:
    """Per kind of tag and kind of work, the weighted bad and seen totals (to leave one tag
    out of its own bar). By work too, because work differs in how often anything goes wrong:
    a design session with six topics goes wrong more often than a one-topic drill, and a
    quiz scores each topic on its own."""
    totals: dict[tuple[str, str | None], tuple[float, float]] = {}
    totals[("mistake", "code")] = (0.0, quiet_mistakes)
    for tally in tallies.values():
        if _narrower_pace(tally.tag):
            continue  # its sessions are its kind of work's already: counted once
        for work, (bad_part, seen_part) in tally.by_work.items():
            key = (_bar_kind(tally.kind, work), work)
            bad, seen = totals.get(key, (0.0, 0.0))
            totals[key] = (bad + bad_part, seen + seen_part)
    return totals


def _bar_kind(kind: str, work: str | None) -> str:
    """Which tags share a bar. A quiz asks the same kind of question of every topic it
    covers, whether the taxonomy calls the topic a pattern, a topic or a design step
    ("Data model"), so in quizzes they share one bar: the learner's own rate of missing
    questions. Each kind alone has too few topics in a quiz to say it."""
    if work == "quiz" and kind in QUIZZED_KINDS:
        return QUIZZED
    return kind


def _blended(kind: str, bad: float, seen: float) -> float:
    """A rate from weighted counts, leaning on a typical learner's while there is little."""
    return max(0.01, (bad + TYPICAL_RATE[kind] * TYPICAL_WEIGHT) / (seen + TYPICAL_WEIGHT))


def _usual_without(tally: _Tally, totals: Totals, *, own_counted: bool = True) -> float:
    """The learner's usual rate of going wrong on things of the tag's kind in the same kinds
    of work, from the other tags (so a weakness does not raise its own bar), leaning on a
    typical learner's rate while there is little to go on. `own_counted`: whether `totals`
    hold the tag's own sessions (those of a tag found weak are left out of them already)."""
    if tally.seen_weight <= 0:
        return TYPICAL_RATE[tally.kind]
    usual = 0.0
    for work, (own_bad, own_seen) in tally.by_work.items():
        bad, seen = totals.get((_bar_kind(tally.kind, work), work), (0.0, 0.0))
        if own_counted:
            bad, seen = max(0.0, bad - own_bad), max(0.0, seen - own_seen)
        rate = _blended(_bar_kind(tally.kind, work), bad, seen)
        usual += rate * own_seen / tally.seen_weight
    if _narrower_pace(tally.tag):
        # Held to the same bar as its whole kind of work: three difficulties of each kind
        # are three more chances for a run of slow sessions.
        return max(usual, TYPICAL_RATE[PACE])
    return usual


def _settled(tally: _Tally, clock: datetime) -> bool:
    """No trouble lately: nothing has gone wrong in SETTLED_DAYS, or in SETTLED_CLEAN_DAYS
    with SETTLED_CLEAN clean sessions since. Either way, not a weak spot now. (The clock is
    the newest evidence, so a learner who stopped a week ago needs the clean sessions.)"""
    if not tally.bad_ones:
        return True
    last = tally.bad_ones[-1].at
    if last < clock - timedelta(days=SETTLED_DAYS):
        return True
    clean_since = sum(1 for obs in tally.observations if obs.at > last)
    return last < clock - timedelta(days=SETTLED_CLEAN_DAYS) and clean_since >= SETTLED_CLEAN


def _rated(
    tally: _Tally, usual: float, label: Callable[[str], str], clock: datetime
) -> WeakSpot | None:
    """Rated against `usual`, the learner's rate of going wrong on other things of its kind."""
    if tally.bad == 0:
        return None
    alpha = usual * PRIOR_SESSIONS + tally.bad_weight
    beta = (1 - usual) * PRIOR_SESSIONS + (tally.seen_weight - tally.bad_weight)
    mean = alpha / (alpha + beta)
    spread = math.sqrt(alpha * beta / ((alpha + beta) ** 2 * (alpha + beta + 1)))
    topic = tally.kind == "topic"
    z = Z_LOWER_TOPIC if topic else Z_LOWER
    low, high = max(0.0, mean - z * spread), min(1.0, mean + z * spread)
    min_bad = MIN_BAD if tally.kind in SHARED_KINDS else MIN_BAD_RARE
    enough = tally.seen >= MIN_SEEN and tally.bad >= min_bad and tally.bad_weight >= MIN_BAD_WEIGHT
    clear_of_usual = low > usual + max(MARGIN, min((RATIO - 1) * usual, RATIO_GAP_CAP))
    often = tally.kind != "design_step" or mean >= STEP_OFTEN
    if enough and clear_of_usual and often and not _settled(tally, clock):
        certainty = "Clear" if tally.seen >= 5 and low > usual + 2 * MARGIN else "Likely"
    elif mean > usual and tally.bad_weight >= 0.5:
        certainty = "Watching"
    else:
        return None
    tag_label = pace_label(tally.tag) if tally.kind == PACE else label(tally.tag)
    return WeakSpot(
        tag=tally.tag,
        label=tag_label,
        kind=tally.kind,
        score=round(max(0.0, 100 * (low - usual)), 1),
        explanation=_explain(tag_label, tally),
        attempt_ids=tuple(o.ref_id for o in reversed(tally.bad_ones) if o.source == "attempt"),
        mock_ids=tuple(o.ref_id for o in reversed(tally.bad_ones) if o.source == "mock"),
        seen=tally.seen,
        bad=tally.bad,
        rate=round(mean, 3),
        low=round(low, 3),
        high=round(high, 3),
        interval_percent=INTERVAL_PERCENT_TOPIC if topic else INTERVAL_PERCENT,
        usual=round(usual, 3),
        certainty=certainty,
    )


# What else is worth saying ------------------------------------------------------------------


def _lapsed(
    last_seen: Mapping[str, datetime],
    kinds: Mapping[str, str],
    label: Callable[[str], str],
    now: datetime,
) -> list[Lapse]:
    lapses = []
    for tag, when in last_seen.items():
        days = (now - when).days
        if kinds.get(tag) in ("pattern", "topic") and days >= LAPSE_DAYS:
            lapses.append(Lapse(tag, label(tag), days))
    return sorted(lapses, key=lambda lapse: (-lapse.days, lapse.label))


def _too_little(
    observations: Sequence[Observation], earlier: Mapping[str, int] | None = None
) -> list[str]:
    # Only the kinds said here count, old sessions as recent ones: a quiz long ago is no
    # more a reason to list what is missing than a quiz yesterday.
    told = ("code", "design", "behavioral")
    counts = {work: count for work, count in (earlier or {}).items() if work in told}
    for obs in observations:
        if obs.source == "attempt" and obs.work in told:
            counts[obs.work] = counts.get(obs.work, 0) + 1
    said: list[str] = []
    if not counts:
        return said  # nothing logged yet: the page welcomes rather than lists what is missing
    for work in ("code", "design", "behavioral"):
        count = counts.get(work, 0)
        noun = {"code": "coding session", "design": "design session",
                "behavioral": "behavioral session"}[work]  # fmt: skip
        if count == 0:
            # Not "fine": nothing can be said about a kind of work never practised.
            said.append(f"no {noun}s yet")
        elif count < TOO_LITTLE:
            said.append(f"{count} {noun}{'s' if count > 1 else ''} so far")
    return said


# Explaining -------------------------------------------------------------------------------


def _explain(label: str, tally: _Tally) -> str:
    recent = [o for o in tally.observations if o.source == "attempt"][-RECENT_COUNT:]
    bad_recent = [o for o in recent if o in tally.bad_ones]
    parts = []
    if tally.kind == PACE:
        timed = [o for o in recent if o.minutes and o.target_minutes]
        if timed:
            ratios = sorted((o.minutes or 0) / (o.target_minutes or 1) for o in timed)
            median = ratios[len(ratios) // 2]
            slow = sum(r > SLOW for r in ratios)
            parts.append(f"{median:.1f}x the target time, over {SLOW:g}x in {_of(slow, timed)}")
    elif tally.kind == "design_step":
        missed = sum(tally.tag in o.missed_steps for o in recent)
        if missed:
            parts.append(f"missed in {_of(missed, recent, 'design session')}")
    elif tally.kind == "mistake":
        ticked = sum(tally.tag in o.struggles for o in recent)
        recently = f" ({ticked} of the last {len(recent)})" if ticked else ""
        parts.append(f"ticked in {tally.bad} of {tally.seen} sessions{recently}")
    elif recent:
        ticked = sum(tally.tag in o.struggles for o in recent)
        went = len(bad_recent)
        if went:
            parts.append(f"went wrong in {_of(went, recent)}")
        if ticked:
            parts.append(f"ticked as a struggle {_times(ticked)}")
        timed = [o for o in recent if o.minutes is not None and o.target_minutes]
        if timed:
            minutes = sorted(o.minutes or 0.0 for o in timed)[len(timed) // 2]
            target = sorted(o.target_minutes or 0 for o in timed)[len(timed) // 2]
            if minutes > target * SOMEWHAT_SLOW:
                parts.append(f"median {round(minutes)} min against a {target} min target")
        shaky = sum(o.confidence is not None and o.confidence <= 2 for o in recent)
        if shaky:
            parts.append(f"confidence 2 or lower in {shaky} of {len(recent)}")
    mocks = sum(o.source == "mock" for o in tally.bad_ones)
    if mocks:
        parts.append(f"exposed in {mocks} mock interview{'s' if mocks > 1 else ''}")
    if not parts:
        parts.append(f"went wrong in {tally.bad} of {tally.seen} sessions")
    return f"{label}: " + "; ".join(parts)


def _of(count: int, among: Sequence[object], noun: str = "attempt") -> str:
    """Like "3 of the last 8 attempts", or "its only attempt" when there is just the one."""
    total = len(among)
    if total == 1:
        return f"its only {noun}"
    return f"{count} of the last {total} {noun}s"


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def certainty_text(spot: WeakSpot) -> str:
    """How sure the list is, in plain words, with the counts behind it."""
    counts = f"{spot.bad} of {spot.seen} went wrong"
    rate = f"{round(spot.usual * 100)}%"
    usual = {
        "mistake": f"other mistakes come up in {rate} of sessions",
        "design_step": f"you usually miss {rate} of design steps",
        "pace": f"your sessions usually run over in {rate} of cases",
    }.get(spot.kind, f"you usually go wrong {rate} of the time on {_kind(spot.kind)}")
    if spot.certainty == "Clear":
        return f"Clear: {counts}; {usual}."
    if spot.certainty == "Likely":
        return f"Likely: {counts}; {usual}. A few more sessions will say for sure."
    return f"Watching: {counts}, not yet enough to call it a weak spot."


def _kind(kind: str) -> str:
    return {"pattern": "patterns", "topic": "topics"}.get(kind, kind)
