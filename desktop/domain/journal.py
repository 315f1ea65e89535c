"""Journal entries: templates, word counts, and turning typed text into a safe search."""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from desktop.domain.curriculum import Slug, Text, Title
from desktop.domain.data_file import DataFileError, decode_text, read_data_bytes, validate


class EntryKind(StrEnum):
    RETROSPECTIVE = "retrospective"
    NOTE = "note"
    WEEKLY_REVIEW = "weekly-review"
    MOCK_INTERVIEW = "mock-interview"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


# The facts a template may ask for; anything else in braces is an error in the template.
TEMPLATE_FIELDS = (
    "date",
    "item_title",
    "path_title",
    "duration_minutes",
    "target_minutes",
    "outcome",
    "confidence",
    "patterns",
    "struggles",
    "design_steps_covered",
    "design_steps_missed",
)


class TemplateHeader(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: Slug
    title: Title
    kind: EntryKind
    description: Text | None = None


@dataclass(frozen=True)
class Template:
    header: TemplateHeader
    body: str

    @property
    def id(self) -> str:
        return self.header.id

    def fill(self, facts: dict[str, str]) -> str:
        """The body with its placeholders filled; facts not given become an empty string."""
        values = {name: facts.get(name, "") for name in TEMPLATE_FIELDS}
        return string.Formatter().vformat(self.body, (), values)


_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*\r?\n?(.*)\Z", re.DOTALL)
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def parse_template(text: str, file_name: str) -> Template:
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise DataFileError(
            file_name, 1, None, "a template starts with a +++ block (id, title, kind)"
        )
    header_text, body = match.groups()
    try:
        raw = tomllib.loads(header_text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(
            file_name, None, None, f"the +++ block is not valid TOML: {error}"
        ) from None
    header = validate(raw, text, file_name, TemplateHeader)
    body_start = text[: match.start(2)].count("\n") + 1
    for number, line in enumerate(body.splitlines(), start=body_start):
        for name in _PLACEHOLDER.findall(line):
            if name not in TEMPLATE_FIELDS:
                raise DataFileError(
                    file_name, number, None, f"'{{{name}}}' is not a fact a template can use"
                )
    return Template(header, body)


def load_templates(folder: Path) -> tuple[tuple[Template, ...], tuple[DataFileError, ...]]:
    templates: list[Template] = []
    errors: list[DataFileError] = []
    for file in sorted(folder.glob("*.md")) if folder.is_dir() else ():
        try:
            templates.append(
                parse_template(decode_text(read_data_bytes(file), str(file)), str(file))
            )
        except DataFileError as error:
            errors.append(error)
    return tuple(templates), tuple(errors)


_WORD = re.compile("\\w[\\w'\u2019-]*", re.UNICODE)  # "don't" is one word, with either apostrophe


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


_TERM = re.compile(r"[\w]+", re.UNICODE)


def fts_query(typed: str) -> str | None:
    """A safe FTS5 query for whatever the user typed, or None if nothing is searchable.

    Every word is quoted, so FTS operators, unbalanced quotes and punctuation are just text;
    the last word matches as a prefix, so results appear while typing.
    """
    words = _TERM.findall(typed)
    if not words:
        return None
    quoted = [f'"{word}"' for word in words[:32]]
    quoted[-1] += "*"
    return " ".join(quoted)
