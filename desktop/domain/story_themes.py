"""Behavioral themes a STAR story can answer, and the theme sets a loop is prepared against.

The shipped themes and sets live in data/themes.toml; themes a user adds are kept in the
database and joined in with ThemeCatalog.with_custom().
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, StrictInt

from desktop.domain.curriculum import Slug, Text, Title
from desktop.domain.data_file import (
    FORMAT_NOTE,
    check_and_validate,
    decode_text,
    parse_toml,
    problem_at,
    read_data_bytes,
)

CUSTOM_GROUP = "custom"
CUSTOM_GROUP_TITLE = "Your own themes"
CUSTOM_PREFIX = "my-"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ThemeGroup(_Strict):
    id: Slug
    title: Title


class Theme(_Strict):
    id: Slug
    group: Slug
    title: Title
    description: Text | None = None
    answered_by: tuple[Slug, ...] = ()
    path_items: tuple[Slug, ...] = ()


class ThemeSet(_Strict):
    id: Slug
    title: Title
    description: Text | None = None
    themes: tuple[Slug, ...] = Field(min_length=1)


class ThemeCatalog(_Strict):
    format: StrictInt = Field(ge=1, le=1, description=FORMAT_NOTE)
    groups: tuple[ThemeGroup, ...] = Field(min_length=1)
    themes: tuple[Theme, ...] = Field(min_length=1)
    sets: tuple[ThemeSet, ...] = ()

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def title_of(self, theme_id: str) -> str:
        """The theme's title; an id no longer known (a removed theme) is shown as itself."""
        found = self.theme(theme_id)
        return found.title if found else theme_id

    def theme_set(self, set_id: str) -> ThemeSet | None:
        return next((s for s in self.sets if s.id == set_id), None)

    def in_group(self, group_id: str) -> tuple[Theme, ...]:
        return tuple(t for t in self.themes if t.group == group_id)

    def with_custom(self, custom: Iterable[CustomTheme]) -> ThemeCatalog:
        """This catalog plus the user's own themes, in a group of their own at the end."""
        known = {t.id for t in self.themes}
        added = tuple(
            Theme(id=c.id, group=CUSTOM_GROUP, title=c.title, description=c.description or None)
            for c in custom
            if c.id not in known
        )
        if not added:
            return self
        groups = self.groups
        if all(g.id != CUSTOM_GROUP for g in groups):
            groups = (*groups, ThemeGroup(id=CUSTOM_GROUP, title=CUSTOM_GROUP_TITLE))
        return self.model_copy(update={"groups": groups, "themes": (*self.themes, *added)})


@dataclass(frozen=True)
class CustomTheme:
    """A theme the user added (stored in the database)."""

    id: str
    title: str
    description: str = ""


def load_themes(path: Path) -> ThemeCatalog:
    """Read and check data/themes.toml: unique ids, and every reference names a real theme."""
    file_name = str(path)
    text = decode_text(read_data_bytes(path), file_name)
    raw = parse_toml(text, file_name)
    unique = ((("groups",), "group"), (("themes",), "theme"), (("sets",), "theme set"))
    catalog = check_and_validate(raw, text, file_name, ThemeCatalog, unique)
    groups = {g.id for g in catalog.groups}
    themes = {t.id for t in catalog.themes}
    for number, theme in enumerate(catalog.themes):
        if theme.group not in groups:
            problem = f"'{theme.group}' is not one of the groups in this file"
            raise problem_at(text, file_name, ("themes", number, "group"), problem)
        for other in theme.answered_by:
            if other not in themes or other == theme.id:
                problem = f"'{other}' must be the id of another theme in this file"
                raise problem_at(text, file_name, ("themes", number, "answered_by"), problem)
    for number, theme_set in enumerate(catalog.sets):
        for theme_id in theme_set.themes:
            if theme_id not in themes:
                problem = f"'{theme_id}' is not the id of a theme in this file"
                raise problem_at(text, file_name, ("sets", number, "themes"), problem)
    return catalog


def custom_theme_id(title: str, taken: Iterable[str]) -> str:
    """A stable id for a theme the user names, unlike any id already in use."""
    plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-") or "theme"
    used = set(taken)
    candidate = f"{CUSTOM_PREFIX}{slug}"
    number = 2
    while candidate in used:
        candidate = f"{CUSTOM_PREFIX}{slug}-{number}"
        number += 1
    return candidate
