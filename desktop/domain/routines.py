"""Practice routines: what to practise regularly, how often and for how long."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, model_validator

from desktop.domain.curriculum import Slug, Text, Title, Topic
from desktop.domain.data_file import (
    FORMAT_NOTE,
    check_and_validate,
    decode_text,
    parse_toml,
    read_data_bytes,
)
from desktop.domain.vocabulary import Vocabulary, topic_problems, with_tag_ids


class Cadence(StrEnum):
    AFTER_EACH_SESSION = "after-each-session"
    WEEKLY = "weekly"
    FORTNIGHTLY = "fortnightly"
    MONTHLY = "monthly"


class RoutineKind(StrEnum):
    """The kinds of path item, plus the mock interview, which is logged rather than timed."""

    CODE = "code"
    QUIZ = "quiz"
    DESIGN = "design"
    BEHAVIORAL = "behavioral"
    READING = "reading"
    MOCK = "mock"


Range = Annotated[tuple[StrictInt, StrictInt], Field(description="low and high, inclusive")]


class Routine(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    title: Title
    kind: RoutineKind
    cadence: Cadence
    per_period: Range
    minutes: Range
    description: Text
    examples: tuple[Title, ...] = ()
    # The taxonomy tags it drills, so a weak spot can be planned as this routine.
    topics: tuple[Topic, ...] = Field(default=(), max_length=12)

    @model_validator(mode="after")
    def _ranges_make_sense(self) -> Routine:
        for name, (low, high) in (("per_period", self.per_period), ("minutes", self.minutes)):
            if not 1 <= low <= high:
                raise ValueError(f"{name} must be [low, high] with 1 <= low <= high")
        if self.minutes[1] > 240:
            raise ValueError("minutes cannot go above 240")
        return self

    @property
    def target_minutes(self) -> int:
        """The time a session on this routine aims for: the top of its range."""
        return self.minutes[1]

    @property
    def cadence_text(self) -> str:
        low, high = self.per_period
        times = "once" if high == 1 else f"{low} to {high} times" if low != high else f"{low} times"
        if self.cadence is Cadence.AFTER_EACH_SESSION:
            return "after every session"
        period = {"weekly": "a week", "fortnightly": "every two weeks", "monthly": "a month"}
        return f"{times} {period[self.cadence.value]}"


class Routines(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: StrictInt = Field(ge=1, le=1, description=FORMAT_NOTE)
    routines: tuple[Routine, ...] = Field(min_length=1)


def load_routines(path: Path, vocabulary: Vocabulary) -> Routines:
    """Read a routines file; every topic must be a tag the vocabulary knows."""
    file_name = str(path)
    text = decode_text(read_data_bytes(path), file_name)
    raw = parse_toml(text, file_name)
    unknown_topics = topic_problems(raw, vocabulary, (text, file_name), ("routines",))
    unique = ((("routines",), "routine"),)
    routines = check_and_validate(raw, text, file_name, Routines, unique, unknown_topics)
    checked = with_tag_ids(routines.routines, vocabulary, (text, file_name), ("routines",))
    return routines.model_copy(update={"routines": checked})
