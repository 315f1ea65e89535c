"""The second simulator: a person's weeks of practice, as the app logs them.

Written apart from the weak-spot model and from tests/simulation/learners.py, from an idea of
how people prepare for an interview loop: they practise in bursts and then stop for a week or
more; they follow the path's stages in order, coding and systems side by side or strictly one
stage after the next, skipping easy items they think they know and coming back to old ones;
some redo what went wrong, others steer round it; some book a mock interview every couple of
weeks. The person's skill is in tests.simulation.independent_people, one session in
tests.simulation.independent_sessions, a mock interview in tests.simulation.independent_mocks.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from desktop.domain.mocks import evidence_tags
from desktop.domain.practice import Attempt, Outcome
from desktop.domain.weak_spots import Observation, observation_from_mock
from tests.simulation.independent_mocks import mock_interview, round_for
from tests.simulation.independent_people import Person
from tests.simulation.independent_sessions import Item, Library, Moment, attempt_on

REVISIT_SHARE = 0.25  # of sessions spent on an item done before
SLOW = 1.5  # a session this many times its target is slow, as anyone reading the log sees


@dataclass
class History:
    attempts: list[Attempt] = field(default_factory=list)
    mocks: list[Observation] = field(default_factory=list)
    # Per planted weakness, the day of every record in which the log shows trouble on it.
    trouble_days: dict[str, list[int]] = field(default_factory=dict)


def simulate(person: Person, library: Library, *, start: datetime, seed: int) -> History:
    rng = random.Random(seed)
    picker = _Picker(person, library, rng)
    history = History()
    practice: Counter[str] = Counter()
    recent: list[str] = []
    mock_day = person.mock_every + rng.randint(-3, 3) if person.mock_every else None
    bursting = True
    for day in range(person.days):
        sessions = _sessions_on(person, bursting, rng)
        hour = (
            rng.choice((20, 21, 22, 23)) if person.rhythm.night_owl else rng.choice((7, 12, 18, 19))
        )
        for earlier in range(sessions):
            at = start + timedelta(days=day, hours=hour + 1.5 * earlier, minutes=rng.randint(0, 40))
            item = picker.next()
            if item is None:
                break
            moment = Moment(day, at, earlier)
            attempt = attempt_on(person, item, moment, practice, library, rng)
            attempt = replace(attempt, id=len(history.attempts) + 1)
            history.attempts.append(attempt)
            picker.went(item, attempt.outcome)
            practice.update(item.tags)
            recent = [*recent[-7:], item.kind]
        if mock_day is not None and person.mock_every and day >= mock_day and sessions:
            at = start + timedelta(days=day, hours=17)
            mock = mock_interview(person, round_for(recent, rng), day, at, library, rng)
            mock_id = len(history.mocks) + 1
            tags = evidence_tags(mock)
            history.mocks.append(observation_from_mock(mock_id, at, mock.score_percent, tags))
            mock_day = day + person.mock_every + rng.randint(-3, 3)
        bursting = _next_state(person, bursting, rng)
    history.trouble_days = {
        w.tag: trouble_days(w.tag, history, library, start) for w in person.weaknesses
    }
    return history


def _sessions_on(person: Person, bursting: bool, rng: random.Random) -> int:
    if not bursting or rng.random() >= person.rhythm.practise_on_burst_day:
        return 0
    sessions = 1
    while sessions < person.rhythm.most_per_day and rng.random() < person.rhythm.another_session:
        sessions += 1
    return sessions


def _next_state(person: Person, bursting: bool, rng: random.Random) -> bool:
    if bursting:
        return rng.random() >= person.rhythm.burst_end
    return rng.random() < person.rhythm.gap_end


class _Picker:
    """Which item comes next: the next new one on a track of stages, or a revisit."""

    def __init__(self, person: Person, library: Library, rng: random.Random) -> None:
        self.person, self.rng = person, rng
        items = [i for i in library.items if i.kind in person.kinds]
        self.tracks: dict[str, list[Item]] = {}
        for item in items:
            name = "all" if person.strict_order else _track_of(item, library)
            self.tracks.setdefault(name, []).append(item)
        self.weights = {"coding": rng.uniform(0.45, 0.7), "systems": rng.uniform(0.2, 0.4)}
        self.done: dict[str, tuple[Item, Outcome]] = {}
        self.failures: Counter[str] = Counter()
        self.deferred: set[str] = set()

    def next(self) -> Item | None:
        if self.done and self.rng.random() < REVISIT_SHARE:
            return self._revisit()
        open_tracks = [name for name, queue in self.tracks.items() if queue]
        while open_tracks:
            name = self.rng.choices(open_tracks, [self.weights.get(n, 0.1) for n in open_tracks])[0]
            item = self._take(self.tracks[name])
            if item is not None:
                return item
            open_tracks = [name for name, queue in self.tracks.items() if queue]
        return self._revisit()

    def _take(self, queue: list[Item]) -> Item | None:
        while queue:
            item = queue.pop(0)
            easy = item.item.difficulty.value == "easy"
            if easy and self.rng.random() < self.person.skips_easy:
                continue  # "I know this one"
            dreaded = any(self.failures[t] >= 2 for t in item.tags)
            avoids = not self.person.redoes_failures and item.item.id not in self.deferred
            if dreaded and avoids and self.rng.random() < 0.5:
                self.deferred.add(item.item.id)
                queue.append(item)  # later, maybe
                continue
            return item
        return None

    def _revisit(self) -> Item | None:
        if not self.done:
            return None
        entries = list(self.done.values())
        redo = 3.0 if self.person.redoes_failures else 0.3
        weights = [1.0 if outcome is Outcome.SOLVED else redo for _item, outcome in entries]
        return self.rng.choices(entries, weights)[0][0]

    def went(self, item: Item, outcome: Outcome) -> None:
        self.done[item.item.id] = (item, outcome)
        if outcome is not Outcome.SOLVED:
            self.failures.update(item.tags)


def _track_of(item: Item, library: Library) -> str:
    """Coding stages and the systems stages are worked on side by side, behavioral last."""
    stage = [i.kind for i in library.items if i.stage_id == item.stage_id]
    main = Counter(stage).most_common(1)[0][0]
    return {"code": "coding", "behavioral": "behavioral"}.get(main, "systems")


def trouble_days(tag: str, history: History, library: Library, start: datetime) -> list[int]:
    """The days of the records in which the log itself shows trouble on `tag`, whatever
    caused it: a tick or a missed quiz question on it, a session on an item that exercises
    it that did not go well, a design step left unticked, a session of a slow kind of work
    over 1.5x its target, or a mock interview that counted against it."""
    tags_of = {(i.path_id, i.item.id): i.tags for i in library.items}
    kind = "pace" if tag.startswith("pace:") else library.kinds.get(tag, "")
    days = []
    for attempt in history.attempts:
        subject = attempt.subject
        on_item = tag in tags_of.get((subject.path_id or "", subject.item_id or ""), ())
        if _shows_trouble(tag, kind, attempt, on_item):
            days.append((attempt.started_at - start).days)
    days += [(m.at - start).days for m in history.mocks if tag in m.struggles]
    return sorted(days)


def _shows_trouble(tag: str, kind: str, attempt: Attempt, on_item: bool) -> bool:
    subject = attempt.subject
    if tag in attempt.struggles:
        return True
    if kind in ("pattern", "topic"):  # a quiz says per question, in its struggles
        return on_item and subject.kind != "quiz" and attempt.outcome is not Outcome.SOLVED
    if kind == "design_step":
        return subject.kind == "design" and tag not in attempt.steps_covered
    if kind == "pace" and tag == f"pace:{subject.kind}" and subject.target_minutes:
        return attempt.active_seconds > SLOW * 60 * subject.target_minutes
    return False
