"""The shipped vocabulary for logging practice: coding patterns, mistakes, topics, design steps."""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from desktop.domain.curriculum import Slug, Text, Title
from desktop.domain.data_file import FORMAT_NOTE, read_model


class TagKind(StrEnum):
    PATTERN = "pattern"
    MISTAKE = "mistake"
    TOPIC = "topic"
    DESIGN_STEP = "design_step"


class TaxonomyEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    label: Title
    # Other names for the same thing (older tags, the way quizzes and notes word it).
    aliases: tuple[Title, ...] = Field(default=(), max_length=8)
    description: Text | None = None


class TaxonomyGroup(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    title: Title
    kind: TagKind
    entries: tuple[TaxonomyEntry, ...] = Field(min_length=1)


class Taxonomy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: StrictInt = Field(ge=1, le=1, description=FORMAT_NOTE)
    groups: tuple[TaxonomyGroup, ...] = Field(min_length=1)

    def of_kind(self, kind: TagKind) -> tuple[TaxonomyEntry, ...]:
        return tuple(
            entry for group in self.groups if group.kind is kind for entry in group.entries
        )

    def label(self, entry_id: str) -> str:
        """The label to show; an id the file no longer has is shown as it is."""
        resolved = self.resolve(entry_id)
        return self._entries[resolved].label if resolved is not None else entry_id

    @cached_property
    def _entries(self) -> dict[str, TaxonomyEntry]:
        return {entry.id: entry for group in self.groups for entry in group.entries}

    @cached_property
    def _names(self) -> dict[str, str]:
        """Every way an entry may be named (id, label, aliases), folded, to its id."""
        names: dict[str, str] = {}
        for entry in self._entries.values():
            for name in (*entry.aliases, entry.label, entry.id):  # the id wins a clash
                names[folded(name)] = entry.id
        return names

    @property
    def names(self) -> dict[str, str]:
        """Every folded name (id, label, alias) to the id it stands for."""
        return self._names

    def has(self, entry_id: str) -> bool:
        return entry_id in self._entries

    def resolve(self, name: str) -> str | None:
        """The id of the entry `name` stands for (its id, label or an alias), if any."""
        return self._names.get(folded(name))

    @property
    def design_steps(self) -> tuple[TaxonomyEntry, ...]:
        return self.of_kind(TagKind.DESIGN_STEP)

    @property
    def design_step_ids(self) -> list[str]:
        return [step.id for step in self.design_steps]

    @cached_property
    def tag_kinds(self) -> dict[str, str]:
        """Each tag's kind ("pattern", "mistake", ...), as the weak-spot analysis reads them."""
        return {entry.id: group.kind.value for group in self.groups for entry in group.entries}


def folded(name: str) -> str:
    return " ".join(name.replace("-", " ").replace("_", " ").split()).casefold()


def load_taxonomy(path: Path) -> Taxonomy:
    """Entry ids must be unique across groups: attempts are tagged with them."""
    return read_model(path, Taxonomy, unique_ids=((("groups", "entries"), "entry"),))
