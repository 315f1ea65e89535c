"""The one vocabulary data files tag things with: the taxonomy's tags, plus the story themes for
behavioral items. A name the vocabulary does not know is an error naming file, line and tag, so
a typo in a path or quiz file can never become a silent gap in the weak spots."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol, Self, TypeVar

from desktop.domain.data_file import DataFileError, did_you_mean, problem_at, records_at
from desktop.domain.story_themes import ThemeCatalog
from desktop.domain.taxonomy import Taxonomy, folded

# How many near misses an unknown tag offers: enough to find a typo's tag, few to read.
SUGGESTED_TAGS = 3
# The terminal's way to see every tag; a window says nothing about commands to type.
TAGS_COMMAND_HINT = "`loopwise tags` lists them"


@dataclass(frozen=True)
class Vocabulary:
    taxonomy: Taxonomy
    themes: ThemeCatalog | None = None

    @cached_property
    def _theme_names(self) -> dict[str, str]:
        """Every way a shipped theme may be named (id or title), folded, to its id."""
        themes = self.themes.themes if self.themes is not None else ()
        names = {folded(theme.title): theme.id for theme in themes}
        names.update({folded(theme.id): theme.id for theme in themes})
        return names

    def resolve(self, name: str, *, behavioral: bool = False) -> str | None:
        """The id `name` stands for (an id, label or alias); themes count for behavioral items."""
        tag = self.taxonomy.resolve(name)
        if tag is None and behavioral:
            tag = self._theme_names.get(folded(name))
        return tag

    def label(self, tag: str) -> str:
        """How a tag reads: the taxonomy's label, a story theme's title, or the tag itself."""
        if self.taxonomy.resolve(tag) is not None:
            return self.taxonomy.label(tag)
        theme = self._theme_names.get(folded(tag))
        return self.themes.title_of(theme) if theme and self.themes is not None else tag

    def tag_at(
        self,
        name: str,
        where: tuple[str, str, tuple[object, ...]],
        *,
        behavioral: bool = False,
    ) -> str:
        """The id of `name`, or a DataFileError at `where` (text, file name, location)."""
        tag = self.resolve(name, behavioral=behavioral)
        if tag is not None:
            return tag
        raise self.unknown_at(name, where, behavioral)

    def unknown_at(
        self, name: str, where: tuple[str, str, tuple[object, ...]], behavioral: bool = False
    ) -> DataFileError:
        """The error for a file naming `name` at `where` (text, file name, location): the
        closest known tags kept apart as well as offered in words, and the command that
        lists them all for the terminal alone."""
        text, file_name, location = where
        closest = self.closest(name, behavioral)
        return problem_at(
            text,
            file_name,
            location,
            self._not_known(name, behavioral) + did_you_mean(closest),
            suggestions=closest,
            terminal_hint=TAGS_COMMAND_HINT,
        )

    def unknown(self, name: str, behavioral: bool = False) -> str:
        """Why `name` is refused, offering the nearest known tags when some are close."""
        return self._not_known(name, behavioral) + did_you_mean(self.closest(name, behavioral))

    def closest(self, name: str, behavioral: bool = False) -> tuple[str, ...]:
        """The ids of the known tags (and, for behavioral items, themes) `name` most
        resembles, nearest first; none when nothing is close."""
        # Any name of a tag (id, label or alias) may be the near miss; the id is suggested.
        known = dict(self.taxonomy.names)
        if behavioral:
            known.update(self._theme_names)
        # Several names of one tag may be close: ask for more names than ids are kept.
        close = difflib.get_close_matches(folded(name), list(known), n=12, cutoff=0.75)
        return tuple(dict.fromkeys(known[match] for match in close))[:SUGGESTED_TAGS]

    @staticmethod
    def _not_known(name: str, behavioral: bool) -> str:
        what = "a tag or a story theme" if behavioral else "a tag"
        return f"the topic '{name}' is not {what} Loopwise knows"


def checked_tags(
    names: tuple[str, ...],
    vocabulary: Vocabulary,
    where: tuple[str, str, tuple[object, ...]],
    *,
    behavioral: bool = False,
) -> tuple[str, ...]:
    """`names` as ids, in order, each once; the first unknown one raises DataFileError."""
    text, file_name, location = where
    tags = (
        vocabulary.tag_at(name, (text, file_name, (*location, index)), behavioral=behavioral)
        for index, name in enumerate(names)
    )
    return tuple(dict.fromkeys(tags))


def topic_problems(
    raw: dict[str, Any],
    vocabulary: Vocabulary,
    source: tuple[str, str],
    tables: tuple[str, ...],
    behavioral: Callable[[Mapping[str, Any]], bool] = lambda _record: False,
) -> list[DataFileError]:
    """Every topic of the parsed file `raw` (its text and name in `source`) that the
    vocabulary does not know, in the tables at `tables`. Read before the schema is checked,
    so a file's unknown topics are reported together with its other mistakes."""
    text, file_name = source
    problems = []
    for where, record in records_at(raw, tables):
        topics = record.get("topics")
        for index, name in enumerate(topics if isinstance(topics, list) else ()):
            # Empty or non-text topics are the schema's to report.
            if not isinstance(name, str) or not name.strip():
                continue
            is_behavioral = behavioral(record)
            if vocabulary.resolve(name.strip(), behavioral=is_behavioral) is None:
                at = (text, file_name, (*where, "topics", index))
                problems.append(vocabulary.unknown_at(name.strip(), at, is_behavioral))
    return problems


class Tagged(Protocol):
    """A pydantic record with topics: a path item, a quiz question, a routine."""

    @property
    def topics(self) -> tuple[str, ...]: ...

    def model_copy(self, *, update: dict[str, object] | None = None) -> Self: ...


Record = TypeVar("Record", bound=Tagged)


def with_tag_ids(
    records: tuple[Record, ...],
    vocabulary: Vocabulary,
    source: tuple[str, str],
    table: tuple[object, ...],
    behavioral: Callable[[Record], bool] = lambda _record: False,
) -> tuple[Record, ...]:
    """`records` (the table at `table` in the file's `source` text and name) with their topics
    as ids; the first topic the vocabulary does not know raises DataFileError."""
    text, file_name = source
    return tuple(
        record.model_copy(
            update={
                "topics": checked_tags(
                    record.topics,
                    vocabulary,
                    (text, file_name, (*table, index, "topics")),
                    behavioral=behavioral(record),
                )
            }
        )
        for index, record in enumerate(records)
    )


__all__ = ["DataFileError", "Vocabulary", "checked_tags", "topic_problems", "with_tag_ids"]
