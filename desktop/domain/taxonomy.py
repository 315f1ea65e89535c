"""The shipped vocabulary for logging practice: coding patterns, mistakes, topics, design steps."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from desktop.domain.curriculum import Slug, Text, Title
from desktop.domain.data_file import read_model


class TagKind(StrEnum):
    PATTERN = "pattern"
    MISTAKE = "mistake"
    TOPIC = "topic"
    DESIGN_STEP = "design_step"


class TaxonomyEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    label: Title
    description: Text | None = None


class TaxonomyGroup(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    title: Title
    kind: TagKind
    entries: tuple[TaxonomyEntry, ...] = Field(min_length=1)


class Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int = Field(ge=1, le=1)
    groups: tuple[TaxonomyGroup, ...] = Field(min_length=1)

    def of_kind(self, kind: TagKind) -> tuple[TaxonomyEntry, ...]:
        return tuple(
            entry for group in self.groups if group.kind is kind for entry in group.entries
        )

    def label(self, entry_id: str) -> str:
        """The label to show; an id the file no longer has is shown as it is."""
        for group in self.groups:
            for entry in group.entries:
                if entry.id == entry_id:
                    return entry.label
        return entry_id

    @property
    def design_steps(self) -> tuple[TaxonomyEntry, ...]:
        return self.of_kind(TagKind.DESIGN_STEP)


def load_taxonomy(path: Path) -> Taxonomy:
    """Entry ids must be unique across groups: attempts are tagged with them."""
    return read_model(path, Taxonomy, unique_ids=((("groups", "entries"), "entry"),))
