"""The shipped behavioral themes (data/themes.toml) and the rules every theme file follows."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.curriculum import ItemKind
from desktop.domain.data_file import DataFileError
from desktop.domain.path_file import read_path_file
from desktop.domain.story_themes import (
    CUSTOM_GROUP,
    CustomTheme,
    custom_theme_id,
    load_themes,
)
from desktop.folders import shipped_data_dir

SHIPPED = shipped_data_dir() / "themes.toml"


def test_the_shipped_themes_load_with_all_sixteen_amazon_principles() -> None:
    catalog = load_themes(SHIPPED)
    amazon = catalog.in_group("amazon")
    assert len(amazon) == 16
    assert {"Ownership", "Dive Deep", "Frugality", "Earn Trust"} <= {t.title for t in amazon}
    assert all(t.description for t in catalog.themes)
    general = {t.id for t in catalog.in_group("general")}
    for wanted in ("conflict", "disagreement", "ambiguity", "mentoring", "production-incident"):
        assert wanted in general
    amazon_set = catalog.theme_set("amazon")
    assert amazon_set is not None and set(amazon_set.themes) == {t.id for t in amazon}


def test_the_path_set_is_the_behavioral_stage_of_the_backend_path() -> None:
    catalog = load_themes(SHIPPED)
    path = read_path_file(shipped_data_dir() / "paths" / "backend-senior.toml")
    behavioral = [i.id for s in path.stages for i in s.items if i.kind is ItemKind.BEHAVIORAL]
    path_set = catalog.theme_set("backend-path")
    assert path_set is not None and len(path_set.themes) == 5 == len(behavioral)
    standing_for = {
        item: theme_id
        for theme_id in path_set.themes
        for item in (catalog.theme(theme_id) or pytest.fail(theme_id)).path_items
    }
    assert sorted(standing_for) == sorted(behavioral)


def _write(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "themes.toml"
    file.write_text(text, encoding="utf-8")
    return file


HEADER = 'format = 1\n\n[[groups]]\nid = "general"\ntitle = "General"\n\n'
THEME = '[[themes]]\nid = "{id}"\ngroup = "{group}"\ntitle = "A theme"\n\n'


def test_a_set_naming_an_unknown_theme_is_reported_with_its_line(tmp_path: Path) -> None:
    text = HEADER + THEME.format(id="conflict", group="general")
    text += '[[sets]]\nid = "mine"\ntitle = "Mine"\nthemes = ["conflict", "confict"]\n'
    with pytest.raises(DataFileError) as caught:
        load_themes(_write(tmp_path, text))
    assert caught.value.line == 15
    assert caught.value.field == "sets[1].themes"
    assert "'confict' is not the id of a theme" in str(caught.value)


def test_a_theme_in_an_unknown_group_is_reported(tmp_path: Path) -> None:
    text = HEADER + THEME.format(id="conflict", group="amazon")
    with pytest.raises(DataFileError) as caught:
        load_themes(_write(tmp_path, text))
    assert caught.value.line == 9 and caught.value.field == "themes[1].group"


def test_answered_by_must_name_another_theme(tmp_path: Path) -> None:
    text = HEADER + THEME.format(id="conflict", group="general")
    text += 'answered_by = ["conflict"]\n'
    with pytest.raises(DataFileError, match="another theme"):
        load_themes(_write(tmp_path, text))


def test_a_theme_id_used_twice_is_reported(tmp_path: Path) -> None:
    text = HEADER + THEME.format(id="conflict", group="general") * 2
    with pytest.raises(DataFileError, match="theme id 'conflict' is used twice"):
        load_themes(_write(tmp_path, text))


def test_a_missing_title_is_reported_with_the_field(tmp_path: Path) -> None:
    text = HEADER + '[[themes]]\nid = "conflict"\ngroup = "general"\n'
    with pytest.raises(DataFileError) as caught:
        load_themes(_write(tmp_path, text))
    assert caught.value.field == "themes[1].title"


def test_the_users_own_themes_join_the_catalog_in_their_own_group() -> None:
    catalog = load_themes(SHIPPED)
    mine = catalog.with_custom([CustomTheme("my-on-call", "On-call heroics", "Nights.")])
    assert mine.theme("my-on-call") is not None
    assert mine.groups[-1].id == CUSTOM_GROUP
    assert mine.title_of("my-on-call") == "On-call heroics"
    assert catalog.with_custom([]) is catalog
    assert catalog.title_of("gone-theme") == "gone-theme"


def test_custom_theme_ids_are_stable_and_never_clash() -> None:
    assert custom_theme_id("On-call heroics!", []) == "my-on-call-heroics"
    assert custom_theme_id("Café culture", []) == "my-cafe-culture"
    assert custom_theme_id("On-call heroics", ["my-on-call-heroics"]) == "my-on-call-heroics-2"
    assert custom_theme_id("???", []) == "my-theme"
