"""What a weak spot is practised with: one rule for the Trends row, `loopwise weak-spots`, Plan
practice and the Plan's weekly suggestions, so what the row names first is what gets planned.

An unfinished item on a path the user follows comes first, then the item it last went wrong
on, then a finished item to redo, and only with no item at all the routine that drills it."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from desktop.domain.curriculum import LearningPath, PathItem
from desktop.domain.exercised import routine_for, works_on
from desktop.domain.planner import Target
from desktop.domain.routines import Routine

SHOWN = 3  # items the Trends row names


@dataclass(frozen=True)
class PathCandidate:
    """A path item in stage order, with whether the user has finished it."""

    path_id: str
    stage_title: str
    item: PathItem
    finished: bool
    # The tags it exercises (Profile.exercised_tags): its topics, and a quiz's question topics.
    tags: tuple[str, ...] = ()
    to_review: bool = False  # the user marked it Needs review

    def exercises(self, tag: str) -> bool:
        return works_on(tag, self.item, self.tags or self.item.topics)

    @property
    def target(self) -> Target:
        return Target(self.item.title, self.path_id, self.item.id, kind=self.item.kind.value)


class SessionSubject(Protocol):
    """What was practised in a session (an AttemptSubject, or a Trends PracticeRecord)."""

    @property
    def title(self) -> str: ...
    @property
    def path_id(self) -> str | None: ...
    @property
    def item_id(self) -> str | None: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def target_minutes(self) -> int | None: ...


@dataclass(frozen=True)
class Practice:
    """One thing to practise a weak spot with."""

    target: Target
    minutes: int
    how: str  # how it was chosen, as the plan's reason says it
    note: str = ""  # what the Trends row adds after the title

    @property
    def named(self) -> str:
        title = self.target.title
        if not self.note:
            return title
        if title.endswith(")"):
            # "Design a Cache (Redis; it went wrong there last)": two brackets in a row read badly.
            return f"{title[:-1]}; {self.note})"
        return f"{title} ({self.note})"


def practice_paths(
    paths: Sequence[LearningPath], followed: Collection[str], chosen: str | None = None
) -> list[LearningPath]:
    """The paths a weak spot is practised on: the one chosen on Trends, else those the user
    follows (any progress on them). Before they follow any, every path counts, first path
    first: an item on the weak spot from any of them beats a routine."""
    if chosen is not None:
        return [path for path in paths if path.id == chosen]
    return [path for path in paths if path.id in followed] or list(paths)


def practice_for(
    tag: str,
    candidates: Sequence[PathCandidate],
    went_wrong: Iterable[SessionSubject],
    routines: Sequence[Routine],
    tag_kinds: Mapping[str, str],
    limit: int = SHOWN,
) -> list[Practice]:
    """What to practise `tag` with, best first (Plan practice plans the first). `went_wrong`
    holds the sessions it went wrong in, newest first."""
    on_it = [candidate for candidate in candidates if candidate.exercises(tag)]
    found = [
        Practice(c.target, c.item.target_minutes, "next path item on it")
        for c in on_it
        if not c.finished
    ]
    last = next((session for session in went_wrong if session.path_id and session.item_id), None)
    if last is not None:
        target = Target(last.title, last.path_id, last.item_id, kind=last.kind)
        how = f"you struggled with it on {last.title}"
        found.append(Practice(target, last.target_minutes or 30, how, "it went wrong there last"))
    redo = "a path item to redo"
    found += [Practice(c.target, c.item.target_minutes, redo) for c in on_it if c.finished]
    routine = None if found else routine_for(tag, routines, tag_kinds)
    if routine is not None:
        drills = "a routine that drills it"
        found.append(Practice(routine_target(routine), routine.target_minutes, drills, "a routine"))
    seen: set[tuple[str, ...]] = set()
    unique = []
    for practice in found:  # the item it went wrong on may be on the path too
        if practice.target.key not in seen:
            seen.add(practice.target.key)
            unique.append(practice)
    return unique[:limit]


def practise_with(
    tag: str,
    attempt_ids: Sequence[int],
    sessions: Mapping[int, SessionSubject],
    candidates: Sequence[PathCandidate],
    routines: Sequence[Routine],
    tag_kinds: Mapping[str, str],
) -> list[Practice]:
    """What a Trends weak spot is practised with: `attempt_ids` are the attempts it went
    wrong in (newest first), `sessions` those attempts as Trends read them."""
    wrong = (sessions[i] for i in attempt_ids if i in sessions)  # read up to the first
    return practice_for(tag, candidates, wrong, routines, tag_kinds)


def routine_target(routine: Routine) -> Target:
    return Target(routine.title, routine_id=routine.id, kind=routine.kind.value)
