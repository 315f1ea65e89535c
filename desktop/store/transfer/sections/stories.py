"""Export section "stories": STAR stories (not deleted ones), their themes, journal links and
rehearsals, and the user's own themes; in the vault, one note per story."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated

from pydantic import AfterValidator, Field
from sqlmodel import Session, col, select

from desktop.domain.curriculum import Slug
from desktop.domain.stories import RATINGS, Scope
from desktop.domain.stories import Section as StarPart
from desktop.store.models import JournalEntry
from desktop.store.story_tables import (
    CustomStoryTheme,
    StoryJournalLink,
    StoryRehearsal,
    StoryRow,
    StoryTheme,
)
from desktop.store.transfer.notes import write_note
from desktop.store.transfer.records import (
    Count,
    Key,
    Lines,
    Record,
    RowId,
    Text,
    Time,
    Title,
    Whole,
)
from desktop.store.transfer.section import Section
from desktop.store.transfer.tables import TableSpec
from desktop.store.transfer.vault_folder import VaultFolder

STORIES_FOLDER = "Stories"


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return value


def _blank_or_words(value: str) -> str:
    if value and not value.strip():
        raise ValueError("must be empty or have some text")
    return value


class StoryRecord(Record):
    id: RowId
    title: Title = ""
    situation: Text = ""
    task: Text = ""
    action: Text = ""
    result: Text = ""
    scope: Scope = Scope.TEAM
    companies: Lines = ""  # one per line
    notes: Text = ""
    created_at: Time
    updated_at: Time


class StoryThemeRecord(Record):
    story_id: RowId
    theme_id: Key


class StoryJournalLinkRecord(Record):
    story_id: RowId
    entry_id: RowId


class StoryRehearsalRecord(Record):
    id: RowId
    story_id: RowId
    rehearsed_at: Time
    seconds: Count
    rating: Annotated[Whole, Field(ge=RATINGS.start, le=RATINGS.stop - 1)]
    note: Text = ""


class CustomThemeRecord(Record):
    # The same limits as a theme in data/themes.toml: the catalog is built from these rows.
    id: Slug
    title: Annotated[Text, Field(max_length=200), AfterValidator(_not_blank)]
    description: Annotated[Text, Field(max_length=4000), AfterValidator(_blank_or_words)] = ""
    created_at: Time


STORIES = TableSpec(
    "stories",
    StoryRow,
    StoryRecord,
    "story",
    fixed={"deleted_at": None},
    identity=("created_at",),
)


def write_story_notes(*, session: Session, vault: VaultFolder) -> int:
    """One note per story: the facts in front matter, the four STAR parts as headings."""
    stories = session.exec(
        select(StoryRow).where(*STORIES.exported()).order_by(col(StoryRow.id))
    ).all()
    themes: dict[int, list[str]] = defaultdict(list)
    for story_id, theme_id in session.exec(
        select(StoryTheme.story_id, StoryTheme.theme_id).order_by(col(StoryTheme.theme_id))
    ):
        themes[story_id].append(theme_id)
    days: dict[int, list[str]] = defaultdict(list)
    for story_id, day in session.exec(
        select(col(StoryJournalLink.story_id), col(JournalEntry.entry_date))
        .join(JournalEntry, col(JournalEntry.id) == col(StoryJournalLink.entry_id))
        .order_by(col(JournalEntry.entry_date))
    ):
        days[story_id].append(day.isoformat())
    for story in stories:
        assert story.id is not None
        title = story.title.strip() or "Untitled story"
        meta = {
            "title": title,
            "themes": themes[story.id],
            "scope": story.scope,
            "companies": [c for c in story.companies.splitlines() if c.strip()],
            "tags": ["star-story"],
        }
        body = [f"\n# {title}\n"]
        for part in StarPart:
            body.append(f"\n## {part.label}\n\n{getattr(story, part.value).strip()}\n")
        if story.notes.strip():
            body.append(f"\n## Notes\n\n{story.notes.strip()}\n")
        if days[story.id]:
            links = "\n".join(f"- [[{day}]]" for day in dict.fromkeys(days[story.id]))
            body.append(f"\n## Journal\n\n{links}\n")
        write_note(
            vault,
            STORIES_FOLDER,
            title,
            str(story.id),
            meta,
            "".join(body),
            fallback="Untitled story",
        )
    return len(stories)


SECTION = Section(
    "stories",
    (
        STORIES,
        TableSpec(
            "themes",
            StoryTheme,
            StoryThemeRecord,
            "story theme",
            parent=("story_id", STORIES),
            exact=True,
        ),
        TableSpec(
            "journal_links",
            StoryJournalLink,
            StoryJournalLinkRecord,
            "story journal link",
            references={"entry_id": ("journal_entry", "id")},
            parent=("story_id", STORIES),
            exact=True,
        ),
        TableSpec(
            "rehearsals",
            StoryRehearsal,
            StoryRehearsalRecord,
            "story rehearsal",
            parent=("story_id", STORIES),
            identity=("rehearsed_at", "seconds"),
        ),
        TableSpec("custom_themes", CustomStoryTheme, CustomThemeRecord, "custom story theme"),
    ),
    write_markdown=write_story_notes,
)
