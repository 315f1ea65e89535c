"""STAR stories: speaking time, the warnings a coach would give, theme coverage, loop plans
and which stories need rehearsing. Pure functions over plain records; no Qt, no SQL."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum

from desktop.domain.journal import word_count
from desktop.domain.story_themes import Theme

WORDS_PER_MINUTE = 150  # a calm interview pace
TARGET_SECONDS = (120, 180)  # a spoken answer should take two to three minutes
OVERLOADED_AFTER = 4  # a story answering more themes than this in one set is leaned on too much
STALE_AFTER = timedelta(days=7)
RATINGS = range(1, 6)


class Section(StrEnum):
    SITUATION = "situation"
    TASK = "task"
    ACTION = "action"
    RESULT = "result"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Scope(StrEnum):
    """How far the story's impact reached; senior answers should reach beyond oneself."""

    SELF = "self"
    TEAM = "team"
    TEAMS = "teams"
    ORGANISATION = "organisation"

    @property
    def label(self) -> str:
        return _SCOPE_LABELS[self]

    @property
    def rank(self) -> int:
        return list(Scope).index(self)


_SCOPE_LABELS = {
    Scope.SELF: "Myself",
    Scope.TEAM: "My team",
    Scope.TEAMS: "Several teams",
    Scope.ORGANISATION: "The organisation",
}


@dataclass(frozen=True)
class StoryDraft:
    """Everything the user writes about one story."""

    title: str = ""
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    themes: tuple[str, ...] = ()
    scope: Scope = Scope.TEAM
    companies: tuple[str, ...] = ()
    notes: str = ""
    journal_entry_ids: tuple[int, ...] = ()

    def section(self, section: Section) -> str:
        return str(getattr(self, section.value))

    @property
    def has_text(self) -> bool:
        """Something written in a STAR section: a title alone is nothing to rehearse yet."""
        return any(self.section(section).strip() for section in Section)


@dataclass(frozen=True)
class Story:
    id: int
    draft: StoryDraft
    created_at: datetime
    updated_at: datetime
    last_rehearsed: datetime | None = None
    rehearsals: int = 0

    @property
    def title(self) -> str:
        return self.draft.title.strip() or "Untitled story"


@dataclass(frozen=True)
class Rehearsal:
    story_id: int
    rehearsed_at: datetime
    seconds: int
    rating: int
    note: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        if self.rating not in RATINGS:
            raise ValueError("a rehearsal is rated from 1 to 5")
        if self.seconds < 0:
            raise ValueError("a rehearsal cannot last less than no time")


# Speaking time -------------------------------------------------------------------------------


def speaking_seconds(words: int) -> int:
    return round(words * 60 / WORDS_PER_MINUTE)


def duration_text(seconds: int) -> str:
    """'45 s', '2 min', '2 min 10 s'."""
    minutes, rest = divmod(max(0, seconds), 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


@dataclass(frozen=True)
class StoryTiming:
    words: dict[Section, int]

    @property
    def total_words(self) -> int:
        return sum(self.words.values())

    def seconds(self, section: Section) -> int:
        return speaking_seconds(self.words[section])

    @property
    def total_seconds(self) -> int:
        return speaking_seconds(self.total_words)

    @property
    def verdict(self) -> str:
        """'short', 'right' or 'long' against the two-to-three-minute aim."""
        low, high = TARGET_SECONDS
        if self.total_seconds < low:
            return "short"
        return "long" if self.total_seconds > high else "right"


def story_timing(draft: StoryDraft) -> StoryTiming:
    return StoryTiming({section: word_count(draft.section(section)) for section in Section})


# Coaching ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoachNote:
    code: str
    message: str
    section: Section | None = None


_TOKEN = re.compile(r"[a-z]+(?:['\u2019][a-z]+)?")
_WE = frozenset({"we", "we're", "we've", "we'd", "we'll", "us", "our", "ours", "ourselves"})
_I = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"})
_NUMBER_WORDS = frozenset(
    re.findall(
        r"\w+",
        "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty "
        "forty fifty hundred thousand million billion dozen half halved twice double doubled "
        "triple tripled percent",
    )
)
# The most of the story's words a section should take before it crowds out the others.
_MAX_SHARE = {Section.SITUATION: 0.35, Section.TASK: 0.3, Section.ACTION: 0.7, Section.RESULT: 0.4}
_SHARE_FROM_WORDS = 80  # shares mean little in a story this short


def pronoun_counts(text: str) -> tuple[int, int]:
    """How often the text says "we" (and us, our) and "I" (and me, my)."""
    words = [w.replace("\u2019", "'") for w in _TOKEN.findall(text.lower())]
    return sum(w in _WE for w in words), sum(w in _I for w in words)


def has_number(text: str) -> bool:
    if re.search(r"\d", text):
        return True
    return any(word in _NUMBER_WORDS for word in _TOKEN.findall(text.lower()))


def coach_notes(draft: StoryDraft) -> tuple[CoachNote, ...]:
    """What a coach would point out, most important first. An empty tuple means: well done."""
    notes: list[CoachNote] = []
    timing = story_timing(draft)
    empty = [s for s in Section if not draft.section(s).strip()]
    for section in empty:
        notes.append(CoachNote("empty", f"The {section.label} is still empty.", section))
    if Section.RESULT not in empty and not has_number(draft.result):
        notes.append(
            CoachNote(
                "result-without-number",
                "The Result has no number in it. Say what changed and by how much "
                "(time saved, errors avoided, people helped).",
                Section.RESULT,
            )
        )
    we, i = pronoun_counts(draft.action)
    if we >= 3 and we > 2 * i:
        notes.append(
            CoachNote(
                "we-over-i",
                f"The Action says “we” {_times(we)} and “I” {_times(i)}. "
                "The interviewer wants to hear what you did yourself.",
                Section.ACTION,
            )
        )
    if timing.total_words >= _SHARE_FROM_WORDS:
        for section in Section:
            share = timing.words[section] / timing.total_words
            if share > _MAX_SHARE[section]:
                advice = (
                    "Keep the setup short so the Action gets the time."
                    if section is not Section.ACTION
                    else "Leave room for the Situation and the Result."
                )
                notes.append(
                    CoachNote(
                        "section-too-long",
                        f"The {section.label} is {round(share * 100)}% of the story. {advice}",
                        section,
                    )
                )
    if not draft.themes:
        notes.append(
            CoachNote(
                "no-theme",
                "No theme yet: tag the questions this story answers, so it counts in "
                "coverage and loop preparation.",
            )
        )
    if timing.verdict == "long":
        notes.append(
            CoachNote(
                "too-long",
                f"Spoken, this takes about {duration_text(timing.total_seconds)}; "
                "aim for two to three minutes.",
            )
        )
    elif timing.verdict == "short" and not empty:
        notes.append(
            CoachNote(
                "too-short",
                f"Spoken, this takes about {duration_text(timing.total_seconds)}; "
                "two to three minutes gives the interviewer enough to go on.",
            )
        )
    return tuple(notes)


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


# Coverage ------------------------------------------------------------------------------------


def answers(story_themes: Iterable[str], theme: Theme) -> bool:
    """A story answers a theme it is tagged with, or one the theme says it is answered by."""
    tags = set(story_themes)
    return theme.id in tags or any(other in tags for other in theme.answered_by)


@dataclass(frozen=True)
class Coverage:
    themes: tuple[Theme, ...]
    stories: tuple[Story, ...]
    cells: frozenset[tuple[str, int]] = field(default_factory=frozenset)  # (theme id, story id)

    def covers(self, theme_id: str, story_id: int) -> bool:
        return (theme_id, story_id) in self.cells

    def stories_for(self, theme_id: str) -> tuple[Story, ...]:
        return tuple(s for s in self.stories if (theme_id, s.id) in self.cells)

    def theme_count(self, story_id: int) -> int:
        return sum(1 for theme in self.themes if (theme.id, story_id) in self.cells)

    @property
    def uncovered(self) -> tuple[Theme, ...]:
        """Themes no story answers yet."""
        return tuple(t for t in self.themes if not self.stories_for(t.id))

    @property
    def overloaded(self) -> tuple[Story, ...]:
        """Stories leaned on for more themes than one story can carry in a loop."""
        return tuple(s for s in self.stories if self.theme_count(s.id) > OVERLOADED_AFTER)


def coverage(themes: Sequence[Theme], stories: Sequence[Story]) -> Coverage:
    cells = frozenset(
        (theme.id, story.id)
        for theme in themes
        for story in stories
        if answers(story.draft.themes, theme)
    )
    return Coverage(tuple(themes), tuple(stories), cells)


# Loop preparation ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LoopAnswer:
    theme: Theme
    story: Story | None
    alternatives: tuple[Story, ...] = ()


@dataclass(frozen=True)
class LoopPlan:
    answers: tuple[LoopAnswer, ...]

    @property
    def gaps(self) -> tuple[Theme, ...]:
        return tuple(a.theme for a in self.answers if a.story is None)

    def uses(self, story_id: int) -> int:
        return sum(1 for a in self.answers if a.story is not None and a.story.id == story_id)


def plan_loop(themes: Sequence[Theme], stories: Sequence[Story]) -> LoopPlan:
    """One story per theme, spread so that as few stories as possible answer several themes.

    Themes with the fewest candidate stories choose first; among candidates the least used so
    far wins, then the widest scope of impact, then the most recently rehearsed.
    """
    found = coverage(themes, stories)
    uses: dict[int, int] = {}
    chosen: dict[str, Story | None] = {}
    order = sorted(themes, key=lambda t: len(found.stories_for(t.id)))  # stable: set order
    for theme in order:
        candidates = found.stories_for(theme.id)
        if not candidates:
            chosen[theme.id] = None
            continue
        best = min(
            candidates,
            key=lambda s: (
                uses.get(s.id, 0),
                -s.draft.scope.rank,
                -(s.last_rehearsed.timestamp() if s.last_rehearsed else 0.0),
                s.title.casefold(),
            ),
        )
        uses[best.id] = uses.get(best.id, 0) + 1
        chosen[theme.id] = best
    return LoopPlan(
        tuple(
            LoopAnswer(
                theme,
                chosen[theme.id],
                tuple(s for s in found.stories_for(theme.id) if s is not chosen[theme.id]),
            )
            for theme in themes
        )
    )


# Rehearsal -----------------------------------------------------------------------------------


class RehearsalState(StrEnum):
    NEVER = "never"
    STALE = "stale"
    RECENT = "recent"


def rehearsal_state(
    last: datetime | None, now: datetime, stale_after: timedelta = STALE_AFTER
) -> RehearsalState:
    if last is None:
        return RehearsalState.NEVER
    return RehearsalState.STALE if now - last > stale_after else RehearsalState.RECENT


def rehearsed_text(last: datetime | None, now: datetime, tz: tzinfo | None = None) -> str:
    """Days are counted on the user's calendar (tz; None is the system's zone), not UTC's:
    a rehearsal at 09:00 in Sydney is "today" all day there."""
    if last is None:
        return "Never rehearsed"
    days = (_local_day(now, tz) - _local_day(last, tz)).days
    if days <= 0:
        return "Rehearsed today"
    if days == 1:
        return "Rehearsed yesterday"
    if rehearsal_state(last, now) is RehearsalState.STALE:
        return f"Not rehearsed for {days} days"
    return f"Rehearsed {days} days ago"


def _local_day(moment: datetime, tz: tzinfo | None) -> date:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # stored times are UTC
    return aware.astimezone(tz).date()


def is_due(story: Story, now: datetime) -> bool:
    """Not rehearsed lately, and with something written to rehearse: a brand-new empty story
    is not yet due."""
    recent = rehearsal_state(story.last_rehearsed, now) is RehearsalState.RECENT
    return not recent and story.draft.has_text


def due_for_rehearsal(stories: Sequence[Story], now: datetime) -> tuple[Story, ...]:
    """Stories never rehearsed, then those rehearsed longest ago, leaving out recent ones and
    those with nothing written yet."""
    due = [s for s in stories if is_due(s, now)]
    return tuple(sorted(due, key=lambda s: (s.last_rehearsed is not None, s.last_rehearsed or now)))


# Summaries -----------------------------------------------------------------------------------

_MARKUP = re.compile(r"(?m)^\s*(?:#{1,6}|>|[-*+]|\d+\.)\s+|[*_`~]{1,3}|\[[ xX]\]")


def brief(text: str, limit: int = 160) -> str:
    """A one-line version of a Markdown section for the loop sheet, cut at a word."""
    plain = " ".join(_MARKUP.sub(" ", text).split())
    if len(plain) <= limit:
        return plain
    cut = plain[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.") + "…"
