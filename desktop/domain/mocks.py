"""Mock interviews: a checkpoint with scores on a rubric and the weak spots it exposed."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

SCORE_RANGE = range(1, 5)  # 1 = well below the bar, 4 = strong hire signal
SCORE_WORDS = {1: "Well below", 2: "Below the bar", 3: "At the bar", 4: "Strong"}


class MockKind(StrEnum):
    CODING = "coding"
    SYSTEM_DESIGN = "system-design"
    BEHAVIORAL = "behavioral"
    MIXED = "mixed"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


# The dimensions each kind of round is scored on, in the order an interviewer reads them.
RUBRIC: dict[MockKind, tuple[tuple[str, str], ...]] = {
    MockKind.CODING: (
        ("problem-solving", "Problem solving"),
        ("coding", "Coding"),
        ("testing", "Testing and edge cases"),
        ("communication", "Communication"),
    ),
    MockKind.SYSTEM_DESIGN: (
        ("requirements", "Requirements"),
        ("high-level-design", "High-level design"),
        ("deep-dive", "Deep dive"),
        ("trade-offs", "Trade-offs"),
        ("communication", "Communication"),
    ),
    MockKind.BEHAVIORAL: (
        ("structure", "Story structure"),
        ("impact", "Impact and numbers"),
        ("ownership", "Ownership"),
        ("communication", "Communication"),
    ),
    MockKind.MIXED: (
        ("problem-solving", "Problem solving"),
        ("coding", "Coding"),
        ("design", "Design"),
        ("trade-offs", "Trade-offs"),
        ("communication", "Communication"),
    ),
}


# The taxonomy tag a score below the bar on each dimension is evidence about.
RUBRIC_TAGS = {
    "problem-solving": "pattern-not-spotted",
    "coding": "naming-clarity",
    "testing": "skipped-testing",
    "communication": "communication",
    "requirements": "requirements",
    "high-level-design": "high-level-architecture",
    "deep-dive": "deep-dive",
    "trade-offs": "trade-offs",
    "design": "high-level-architecture",
    "structure": "story-structure",
    "impact": "impact-numbers",
    "ownership": "ownership-voice",
}
BELOW_THE_BAR = 2  # a score this low on a dimension counts against its tag


def dimension_label(dimension: str) -> str:
    for dimensions in RUBRIC.values():
        for key, label in dimensions:
            if key == dimension:
                return label
    return dimension.replace("-", " ").capitalize()


@dataclass(frozen=True)
class MockInterview:
    held_at: datetime
    kind: MockKind
    scores: Mapping[str, int]
    with_whom: str = ""
    feedback: str = ""
    exposed: tuple[str, ...] = ()  # taxonomy tag ids
    minutes: int = 60
    id: int = 0  # 0 until logged
    journal_entry_id: int | None = None

    def __post_init__(self) -> None:
        allowed = {key for key, _label in RUBRIC[self.kind]}
        for dimension, score in self.scores.items():
            if dimension not in allowed:
                raise ValueError(f"'{dimension}' is not scored in a {self.kind.label} round")
            if score not in SCORE_RANGE:
                raise ValueError(f"the score for {dimension_label(dimension)} must be 1 to 4")
        if not self.scores:
            raise ValueError("score at least one dimension of the rubric")
        if not 1 <= self.minutes <= 480:
            raise ValueError("a mock interview lasts 1 to 480 minutes")

    @property
    def score_percent(self) -> float:
        """The rubric mean mapped onto 0..100 (all 1s is 0, all 4s is 100)."""
        mean = sum(self.scores.values()) / len(self.scores)
        return round((mean - 1) / 3 * 100, 1)

    @property
    def title(self) -> str:
        who = f" with {self.with_whom}" if self.with_whom else ""
        return f"{self.kind.label} mock interview{who}"


def weakest_dimensions(mock: MockInterview) -> list[str]:
    """Dimensions scored below the bar (1 or 2), lowest first."""
    low = [(score, key) for key, score in mock.scores.items() if score <= 2]
    return [key for _score, key in sorted(low)]


def journal_body(mock: MockInterview, label: Callable[[str], str]) -> str:
    """The mock interview as a journal entry, so it can be searched with the rest."""
    moment = mock.held_at.astimezone()
    lines = [
        f"# {mock.title}, {moment.day} {moment:%B %Y}",
        "",
        "## Format",
        "",
        f"- Round: {mock.kind.label}",
        f"- Interviewer or platform: {mock.with_whom or 'not noted'}",
        f"- Length: {mock.minutes} min",
        "",
        f"## Scores ({mock.score_percent:.0f}%)",
        "",
    ]
    lines += [
        f"- {dimension_label(key)}: {score} of 4 ({SCORE_WORDS[score].lower()})"
        for key, score in mock.scores.items()
    ]
    lines += ["", "## Interviewer feedback", "", mock.feedback.strip() or "*None noted.*"]
    lines += ["", "## Weak spots exposed", ""]
    lines += [f"- {label(tag)}" for tag in mock.exposed] or ["- None noted."]
    return "\n".join(lines) + "\n"


def evidence_tags(mock: MockInterview) -> tuple[str, ...]:
    """What the mock interview counts against in the weak spots: what the interviewer
    exposed, and the tag of every rubric dimension scored below the bar."""
    below = (
        RUBRIC_TAGS[key]
        for key, score in mock.scores.items()
        if score <= BELOW_THE_BAR and key in RUBRIC_TAGS
    )
    return tuple(dict.fromkeys((*mock.exposed, *below)))
