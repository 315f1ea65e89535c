"""Journal entries: templates, word counts, and turning typed text into a safe search."""

from __future__ import annotations

import re
import string
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from desktop.domain.bounded_read import TomlTooComplex, loads_toml
from desktop.domain.curriculum import Slug, Text, Title
from desktop.domain.data_file import DataFileError, decode_text, read_data_bytes, validate
from desktop.domain.template_prompts import SectionPrompt, section_prompts, without_prompts
from desktop.domain.word_forms import completions, first_match, matching_words, sought_words


class EntryKind(StrEnum):
    RETROSPECTIVE = "retrospective"
    NOTE = "note"
    WEEKLY_REVIEW = "weekly-review"
    MOCK_INTERVIEW = "mock-interview"

    @property
    def label(self) -> str:
        return self.value.replace("-", " ").capitalize()


@dataclass(frozen=True)
class Entry:
    """A saved journal entry, as every reader of the journal sees it."""

    id: int
    entry_date: date
    title: str
    body: str
    kind: EntryKind
    tags: tuple[str, ...]
    template_id: str | None
    attempt_id: int | None  # the practice attempt it is a retrospective of
    path_id: str | None
    item_id: str | None
    word_count: int
    created_at: datetime
    updated_at: datetime


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
    # A weekly review's facts (domain/week_facts.py)
    "week",
    "sessions_logged",
    "time_practised",
    "practised_by_kind",
    "planned_vs_done",
    "mock_interviews",
    "went_wrong_most",
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
        """The body with its placeholders filled; facts not given become an empty string.
        Prompt lines are left blank: the editor shows them until the user writes there."""
        values = {name: facts.get(name, "") for name in TEMPLATE_FIELDS}
        return string.Formatter().vformat(without_prompts(self.body), (), values)

    @property
    def prompts(self) -> tuple[SectionPrompt, ...]:
        return section_prompts(self.body)


_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)\r?\n\+\+\+[ \t]*\r?\n?(.*)\Z", re.DOTALL)


def parse_template(text: str, file_name: str) -> Template:
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise DataFileError(
            file_name, 1, None, "a template starts with a +++ block (id, title, kind)"
        )
    header_text, body = match.groups()
    try:
        raw = loads_toml(header_text)
    except TomlTooComplex as error:
        raise DataFileError(file_name, None, None, f"the +++ block: {error.problem}") from None
    except tomllib.TOMLDecodeError as error:
        inner = re.search(r"at line (\d+)", str(error))
        line = int(inner.group(1)) + 1 if inner else None  # the block starts on line 2
        message = re.sub(r"\s*\(at line \d+, column \d+\)$", "", str(error))
        problem = f"the +++ block is not valid TOML: {message}"
        raise DataFileError(file_name, line, None, problem) from None
    header = validate(raw, text, file_name, TemplateHeader)
    body_start = text[: match.start(2)].count("\n") + 1
    _check_placeholders(body, body_start, file_name)
    return Template(header, body)


# "{{" and "}}" are literal braces; "{name}" is a placeholder; anything else is a stray brace.
_BRACES = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def _check_placeholders(body: str, first_line: int, file_name: str) -> None:
    """Every placeholder must be a known fact, so fill() can never fail on a shipped file."""
    for match in _BRACES.finditer(body):
        token = match.group(0)
        if token in ("{{", "}}"):
            continue
        line = first_line + body.count("\n", 0, match.start())
        name = match.group(1)
        if name is None:
            problem = "a lone brace: write {{ or }} to show a brace in the text"
            raise DataFileError(file_name, line, None, problem)
        if name not in TEMPLATE_FIELDS:
            shown = name if "\n" not in name else name.split("\n")[0] + "…"
            problem = f"'{{{shown}}}' is not a fact a template can use"
            raise DataFileError(file_name, line, None, problem)


def load_templates(folder: Path) -> tuple[tuple[Template, ...], tuple[DataFileError, ...]]:
    templates: list[Template] = []
    errors: list[DataFileError] = []
    files = sorted(p for p in folder.glob("*.md") if not p.is_dir()) if folder.is_dir() else []
    for file in files:
        try:
            text = decode_text(read_data_bytes(file, inside=folder), str(file))
            templates.append(parse_template(text, str(file)))
        except DataFileError as error:
            errors.append(error)
    return tuple(templates), tuple(errors)


_WORD = re.compile("\\w[\\w'\u2019-]*", re.UNICODE)  # "don't" is one word, with either apostrophe


def word_count(text: str) -> int:
    # NFC first: an accent typed as a separate mark (as macOS pastes it) stays in its word.
    return len(_WORD.findall(unicodedata.normalize("NFC", text)))


_TERM = re.compile(r"[^\W_]+", re.UNICODE)  # as the index splits words: "retry_count" is two


def fts_query(typed: str) -> str | None:
    """A safe FTS5 query for whatever the user typed, or None if nothing is searchable.

    Every word is quoted, so FTS operators, unbalanced quotes and punctuation are just text;
    the index stems words, so each finds its other forms ("retries" finds "retry"). The last
    word matches as a prefix, so results appear while typing, and also as the whole words it
    may begin ("cachi" finds "cache", through "caching": word_forms.completions).
    """
    words = search_words(typed)
    if not words:
        return None
    quoted = [f'"{word}"' for word in words]
    forms = [f'"{words[-1]}"*', *(f'"{whole}"' for whole in completions(words[-1]))]
    quoted[-1] = forms[0] if len(forms) == 1 else "(" + " OR ".join(forms) + ")"
    # AND said, not left implied: SQLite's FTS5 refuses an implied AND before a "(".
    return " AND ".join(quoted)


def search_words(typed: str) -> list[str]:
    """The words a search looks for, as fts_query sees them."""
    return _TERM.findall(unicodedata.normalize("NFC", typed))[:32]


# Markdown punctuation that means nothing in a one-line excerpt: what starts a line ("## ",
# "- [ ] ") stands apart from its words; emphasis ("**", "_", "`") clings to the edge of a
# word, and is taken off without a space, so "**estimate**, so" reads "estimate, so" and
# "retry_count" keeps its underscore.
_LINE_MARKUP = re.compile(r"(?m)^\s*(?:#{1,6}|>|[-*+]|\d+\.)\s+|\[[ xX]\]")
_EMPHASIS = re.compile(r"(?<![^\W_])[*_`~]{1,3}(?=\S)|(?<=\S)[*_`~]{1,3}(?![^\W_])")


def without_markup(text: str) -> str:
    """`text` on one line without the Markdown punctuation ("## ", "**", "- [ ]") that
    means nothing in an excerpt."""
    return " ".join(_EMPHASIS.sub("", _LINE_MARKUP.sub(" ", text)).split())


def make_snippet(
    text: str, words: list[str], start_mark: str, end_mark: str, width: int = 180
) -> str:
    """A short excerpt around the first matching word, with the matching words marked: the
    words the search found, in whichever form the text has them ("idempotent" for
    "idempotency").

    Python does this for the few hits shown: SQLite's snippet() walks every match in a
    document, which took seconds on a long entry full of a common word.
    """
    if not words:
        return text[:width]
    sought = sought_words(words)
    position = first_match(text, sought) or 0
    begin = max(0, position - width // 3)
    while 0 < begin < position and not text[begin - 1].isspace():
        begin += 1  # start on a whole word
    excerpt = without_markup(text[begin : begin + width])
    if begin > 0:
        excerpt = "… " + excerpt
    if begin + width < len(text):
        excerpt += " …"
    marked = []
    done = 0
    for start, end in matching_words(excerpt, sought):
        marked += [excerpt[done:start], start_mark, excerpt[start:end], end_mark]
        done = end
    return "".join(marked) + excerpt[done:]
