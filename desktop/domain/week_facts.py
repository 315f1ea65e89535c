"""The facts a weekly-review journal entry starts with: what the log holds for its week.

Each is plain text for a template's fact line ("- Sessions logged: {sessions_logged}"); the
user can change any of them afterwards, as with every line of an entry.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from desktop.domain.curriculum import ItemKind
from desktop.domain.mocks import MockInterview, evidence_tags
from desktop.domain.planner import WeekNumbers, hours_text
from desktop.domain.practice import Attempt

# Enough to say where the week went wrong without turning a fact line into a list.
MOST_WRONG_SHOWN = 3


def week_facts(
    numbers: WeekNumbers,
    attempts: Sequence[Attempt],
    mocks: Sequence[MockInterview],
    label: Callable[[str], str],
) -> dict[str, str]:
    """The week's facts by template field. `label` names a taxonomy tag."""
    return {
        "sessions_logged": str(numbers.sessions),
        "time_practised": hours_text(numbers.minutes),
        "practised_by_kind": _by_kind(attempts),
        "planned_vs_done": _planned_vs_done(numbers),
        "mock_interviews": _mocks(mocks),
        "went_wrong_most": _went_wrong_most(attempts, mocks, label),
    }


def _kind_label(kind: str | None) -> str:
    try:
        return ItemKind(kind or "").label
    except ValueError:
        return "Other"


def _by_kind(attempts: Sequence[Attempt]) -> str:
    """'Code 3 (1 h 10 min), Design 1 (45 min)', the kind with most sessions first."""
    counts: Counter[str] = Counter()
    minutes: Counter[str] = Counter()
    for attempt in attempts:
        kind = _kind_label(attempt.subject.kind)
        counts[kind] += 1
        minutes[kind] += attempt.minutes
    parts = [f"{kind} {n} ({hours_text(minutes[kind])})" for kind, n in counts.most_common()]
    return ", ".join(parts) or "no sessions"


def _planned_vs_done(numbers: WeekNumbers) -> str:
    if not numbers.planned and not numbers.skipped:
        return "nothing planned"
    text = f"{numbers.done} of {numbers.planned} planned items done"
    return text + (f", {numbers.skipped} skipped" if numbers.skipped else "")


def _mocks(mocks: Sequence[MockInterview]) -> str:
    if not mocks:
        return "0"
    scores = ", ".join(f"{mock.kind.label} {mock.score_percent:.0f}%" for mock in mocks)
    return f"{len(mocks)} ({scores})"


def _went_wrong_most(
    attempts: Sequence[Attempt], mocks: Sequence[MockInterview], label: Callable[[str], str]
) -> str:
    """The struggles logged with the week's sessions, and what its mock interviews exposed
    or scored below the bar, most frequent first (ties in the order they first came up)."""
    tags: Counter[str] = Counter()
    for attempt in attempts:
        tags.update(dict.fromkeys(attempt.struggles, 1))
    for mock in mocks:
        tags.update(dict.fromkeys(evidence_tags(mock), 1))
    top = tags.most_common(MOST_WRONG_SHOWN)
    return ", ".join(f"{label(tag)} ({_times(n)})" for tag, n in top) or "nothing noted"


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")
