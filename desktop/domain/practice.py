"""Practice sessions: the timed attempt a user logs after working on an item."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.domain.curriculum import PathItem


class Outcome(StrEnum):
    SOLVED = "solved"
    PARTIAL = "partial"
    STUCK = "stuck"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class TagRole(StrEnum):
    """How a taxonomy entry relates to an attempt."""

    PATTERN = "pattern"  # a pattern the user applied
    STRUGGLE = "struggle"  # something the user struggled with
    STEP_COVERED = "step_covered"  # a design-interview step the user covered


CONFIDENCE_RANGE = range(1, 6)


@dataclass(frozen=True)
class AttemptSubject:
    """What was practised: a path item, a routine, or something free-form."""

    title: str
    path_id: str | None = None
    item_id: str | None = None
    routine_id: str | None = None
    kind: str | None = None
    difficulty: str | None = None
    target_minutes: int | None = None

    @classmethod
    def of_path_item(cls, path_id: str, item: PathItem) -> AttemptSubject:
        """A session on a path item, timed against the target its path gives."""
        return cls(
            title=item.title,
            path_id=path_id,
            item_id=item.id,
            kind=item.kind.value,
            difficulty=item.difficulty.value,
            target_minutes=item.target_minutes,
        )


@dataclass(frozen=True)
class Attempt:
    subject: AttemptSubject
    started_at: datetime
    active_seconds: int
    outcome: Outcome
    confidence: int
    patterns: tuple[str, ...] = ()
    struggles: tuple[str, ...] = ()
    steps_covered: tuple[str, ...] = ()
    quiz_correct: int | None = None
    quiz_total: int | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        if self.confidence not in CONFIDENCE_RANGE:
            raise ValueError("confidence must be from 1 to 5")
        if self.active_seconds < 0:
            raise ValueError("a session cannot last less than no time")

    @property
    def minutes(self) -> int:
        return round(self.active_seconds / 60)


def outcome_from_quiz(correct: int, total: int) -> Outcome:
    """A quiz score as an attempt outcome: 80% or more solved, under half stuck."""
    share = correct / total if total else 0.0
    if share >= 0.8:
        return Outcome.SOLVED
    return Outcome.PARTIAL if share >= 0.5 else Outcome.STUCK


@dataclass
class SessionClock:
    """Time spent on a session, not counting pauses. Pure: the caller passes the time."""

    started_at: datetime
    _running_since: datetime | None = None
    _banked_seconds: float = 0.0
    _pauses: list[tuple[datetime, datetime | None]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self._running_since is None and not self._pauses:
            self._running_since = self.started_at

    @property
    def running(self) -> bool:
        return self._running_since is not None

    @property
    def pauses(self) -> tuple[tuple[datetime, datetime | None], ...]:
        """Each pause's start and end (None while it lasts), oldest first."""
        return tuple(self._pauses)

    def pause(self, now: datetime) -> None:
        if self._running_since is None:
            return
        self._banked_seconds += max(0.0, (now - self._running_since).total_seconds())
        self._running_since = None
        self._pauses.append((now, None))

    def resume(self, now: datetime) -> None:
        if self._running_since is not None:
            return
        self._running_since = now
        if self._pauses:
            began, _ = self._pauses[-1]
            self._pauses[-1] = (began, now)

    def elapsed_seconds(self, now: datetime) -> int:
        running = (now - self._running_since).total_seconds() if self._running_since else 0.0
        return int(self._banked_seconds + max(0.0, running))

    def over_target(self, now: datetime, target_minutes: int | None) -> bool:
        return target_minutes is not None and self.elapsed_seconds(now) > target_minutes * 60


def retrospective_facts(
    attempt: Attempt,
    *,
    label: Callable[[str], str],
    design_steps: Sequence[str] = (),
    path_title: str = "",
) -> dict[str, str]:
    """The session's facts, ready to fill a retrospective template."""
    subject = attempt.subject
    covered = [label(step) for step in design_steps if step in attempt.steps_covered]
    missed = [label(step) for step in design_steps if step not in attempt.steps_covered]
    is_design = subject.kind == "design"
    return {
        "date": _long_date(attempt.started_at.astimezone()),
        "item_title": subject.title,
        "path_title": path_title or _no_path(subject),
        "duration_minutes": str(attempt.minutes),
        "target_minutes": str(subject.target_minutes) if subject.target_minutes else "none",
        "outcome": _outcome_text(attempt),
        "confidence": f"{attempt.confidence} of 5",
        "patterns": ", ".join(label(tag) for tag in attempt.patterns) or "none noted",
        "struggles": ", ".join(label(tag) for tag in attempt.struggles) or "none noted",
        "design_steps_covered": ", ".join(covered) if is_design else "",
        "design_steps_missed": ", ".join(missed) if is_design else "",
    }


def _no_path(subject: AttemptSubject) -> str:
    """What the retrospective's "Path:" line says for a session on no known path, rather
    than an empty "Path:" that reads as if something failed to load."""
    if subject.routine_id is not None:
        return "none (a routine)"
    if subject.path_id is None:
        return "none (a free session)"
    return f"{subject.path_id} (no longer in your library)"


def _outcome_text(attempt: Attempt) -> str:
    if attempt.quiz_total:
        return f"{attempt.outcome.label} ({attempt.quiz_correct} of {attempt.quiz_total} right)"
    return attempt.outcome.label


def _long_date(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"
