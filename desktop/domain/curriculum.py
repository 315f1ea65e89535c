"""Learning paths: stages of items, as shipped in data/paths and validated on load."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints, model_validator

from desktop.domain.data_file import FORMAT_NOTE

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Topic = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
Link = Annotated[str, StringConstraints(pattern=r"^https?://\S+$", max_length=500)]


class ItemKind(StrEnum):
    CODE = "code"
    QUIZ = "quiz"
    DESIGN = "design"
    BEHAVIORAL = "behavioral"
    READING = "reading"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ItemKind.CODE: "Code",
    ItemKind.QUIZ: "Quiz",
    ItemKind.DESIGN: "Design",
    ItemKind.BEHAVIORAL: "Behavioral",
    ItemKind.READING: "Reading / drill",
}


class Difficulty(StrEnum):
    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PathItem(_Strict):
    id: Slug
    title: Title
    kind: ItemKind
    difficulty: Difficulty
    target_minutes: StrictInt = Field(ge=5, le=240)
    topics: tuple[Topic, ...] = Field(default=(), max_length=12)
    link: Link | None = None
    description: Text | None = None
    question_count: StrictInt | None = Field(default=None, ge=1, le=500)


class Stage(_Strict):
    id: Slug
    title: Title
    summary: Text | None = None
    items: tuple[PathItem, ...] = ()


class LearningPath(_Strict):
    format: StrictInt = Field(ge=1, le=1, description=FORMAT_NOTE)
    id: Slug
    title: Title
    role: Title
    summary: Text | None = None
    stages: tuple[Stage, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_are_unique(self) -> LearningPath:
        seen_stages: set[str] = set()
        seen_items: set[str] = set()
        for stage in self.stages:
            if stage.id in seen_stages:
                raise ValueError(f"stage id '{stage.id}' is used twice")
            seen_stages.add(stage.id)
            for item in stage.items:
                if item.id in seen_items:
                    raise ValueError(f"item id '{item.id}' is used twice")
                seen_items.add(item.id)
        return self

    def item_count(self) -> int:
        return sum(len(stage.items) for stage in self.stages)
