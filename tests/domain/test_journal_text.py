"""Journal text: word counts, typed text turned into a safe search, and entry templates."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from desktop.domain.data_file import DataFileError
from desktop.domain.journal import (
    TEMPLATE_FIELDS,
    EntryKind,
    fts_query,
    load_templates,
    parse_template,
    word_count,
)
from tests.samples import edited, line_of, raised

# --- word_count -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("   \n\t  ", 0),
        ("two sum", 2),
        ("don't give up", 3),  # straight apostrophe: one word
        ("don\u2019t give up", 3),  # typographic apostrophe, as editors type it
        ("a state-of-the-art design", 3),  # hyphenated words are one word
        ("... -- !!! ? *** ```", 0),  # punctuation only
        ("- item one\n- item two", 4),  # Markdown bullets are not words
        ("# Heading\n\n**bold** and _emphasis_", 4),
        ("naïve café über Straße", 4),
        ("日本語 テキスト", 2),
        ("solved it 🙂 🎉", 2),  # emoji are not words
        ("O(n log n)", 4),
    ],
)
def test_word_count(text: str, words: int) -> None:
    assert word_count(text) == words


def test_word_count_does_not_depend_on_how_accents_are_encoded() -> None:
    text = "a naïve cache of cafés"

    assert word_count(unicodedata.normalize("NFD", text)) == word_count(text) == 5


# --- fts_query --------------------------------------------------------------------------------


def test_every_word_is_quoted_and_the_last_is_a_prefix() -> None:
    assert fts_query("sliding window") == '"sliding" AND "window"*'
    assert fts_query("recur") == '"recur"*'


def test_punctuation_between_words_only_separates_them() -> None:
    assert fts_query('  two-sum, "hash map"!  ') == '"two" AND "sum" AND "hash" AND "map"*'


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        ("AND", '"AND"*'),
        ("cache OR queue", '"cache" AND "OR" AND ("queue"* OR "queued")'),
        ("NOT sharding", '"NOT" AND "sharding"*'),
        ("NEAR(a b)", '"NEAR" AND "a" AND "b"*'),
        ("title:cache", '"title" AND "cache"*'),
        ("^start", '"start"*'),
        ("prefix* -minus +plus", '"prefix" AND "minus" AND "plus"*'),
    ],
)
def test_fts_operators_become_plain_words(typed: str, query: str) -> None:
    assert fts_query(typed) == query


@pytest.mark.parametrize(
    "typed", ["", "   ", '"', '""', "*", "^", "()", "-", ":", "🙂", "🙂 🎉 !!", "\u200d"]
)
def test_nothing_searchable_gives_none(typed: str) -> None:
    assert fts_query(typed) is None


def test_accented_and_non_latin_words_are_kept() -> None:
    assert fts_query("naïve 日本") == '"naïve" AND "日本"*'


def test_at_most_32_words_are_searched() -> None:
    typed = " ".join(f"word{number}" for number in range(1, 41))

    query = fts_query(typed)

    assert query is not None
    terms = query.split(" AND ")
    assert len(terms) == 32
    assert terms[0] == '"word1"'
    assert terms[-1] == '"word32"*', "the prefix goes on the last word kept"


def test_no_quote_inside_a_term_can_break_out() -> None:
    query = fts_query('a" OR "b')

    assert query == '"a" AND "OR" AND "b"*'


# --- templates --------------------------------------------------------------------------------

TEMPLATE = """\
+++
id = "retro"
title = "Retrospective"
kind = "retrospective"
description = "Look back at one session."
+++
# {item_title}

- Date: {date}
- Time: {duration_minutes} min (target {target_minutes})
- Patterns: {patterns}

## What I learned
"""


def _template_error(text: str, file_name: str = "retro.md") -> DataFileError:
    return raised(DataFileError, parse_template, text, file_name)


def test_parse_template_reads_the_front_matter_and_keeps_the_body() -> None:
    template = parse_template(TEMPLATE, "retro.md")

    assert template.id == "retro"
    assert template.header.title == "Retrospective"
    assert template.header.kind is EntryKind.RETROSPECTIVE
    assert template.header.description == "Look back at one session."
    assert template.body.startswith("# {item_title}\n")
    assert template.body.endswith("## What I learned\n")
    assert "+++" not in template.body


def test_parse_template_accepts_windows_line_endings() -> None:
    template = parse_template(TEMPLATE.replace("\n", "\r\n"), "retro.md")

    assert template.id == "retro"
    assert "{item_title}" in template.body


def test_an_unknown_placeholder_is_rejected_with_its_line() -> None:
    text = TEMPLATE.replace("- Patterns: {patterns}", "- Patterns: {pattern}")

    error = _template_error(text)

    assert error.file == "retro.md"
    assert error.line == line_of(text, "- Patterns: {pattern}")
    assert "'{pattern}'" in error.problem
    assert "retro.md, line 11" in str(error)


def test_an_unknown_placeholder_on_the_first_body_line_has_the_right_line() -> None:
    text = TEMPLATE.replace("# {item_title}", "# {title}")

    error = _template_error(text)

    assert error.line == 7


def test_a_template_without_front_matter_is_rejected() -> None:
    text = TEMPLATE.split("+++\n", 2)[2]  # the body alone

    error = _template_error(text)

    assert error.line == 1
    assert "+++" in error.problem


def test_an_unclosed_front_matter_is_rejected() -> None:
    error = _template_error(TEMPLATE.replace("+++\n# {item_title}", "# {item_title}"))

    assert "+++" in error.problem


def test_a_missing_title_in_the_front_matter_is_reported() -> None:
    error = _template_error(TEMPLATE.replace('title = "Retrospective"\n', ""))

    assert error.field == "title"
    assert "required" in error.problem


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        pytest.param('kind = "retrospective"', 'kind = "diary"', "kind", id="a bad kind"),
        pytest.param('title = "Retrospective"', "title = Retrospective", None, id="invalid toml"),
    ],
)
def test_a_broken_front_matter_line_is_reported_on_the_files_line(
    old: str, new: str, field: str | None
) -> None:
    text = edited(TEMPLATE, old, new)

    error = _template_error(text)

    assert (error.file, error.field) == ("retro.md", field)
    assert error.line == line_of(text, new)


def test_fill_puts_in_the_known_facts_and_blanks_the_missing_ones() -> None:
    template = parse_template(TEMPLATE, "retro.md")

    filled = template.fill(
        {"item_title": "Two Sum", "date": "2026-03-01", "duration_minutes": "18"}
    )

    assert filled.startswith("# Two Sum\n")
    assert "- Date: 2026-03-01\n" in filled
    assert "- Time: 18 min (target )\n" in filled
    assert "- Patterns: \n" in filled
    assert "{" not in filled and "}" not in filled


def test_fill_does_not_read_braces_inside_the_facts_as_placeholders() -> None:
    template = parse_template(TEMPLATE, "retro.md")

    filled = template.fill({"item_title": "Implement {date} parsing"})

    assert filled.startswith("# Implement {date} parsing\n")


def test_every_known_fact_can_be_used() -> None:
    body = "\n".join(f"{name}: {{{name}}}" for name in TEMPLATE_FIELDS)
    text = f'+++\nid = "all"\ntitle = "All"\nkind = "note"\n+++\n{body}\n'

    filled = parse_template(text, "all.md").fill({name: name.upper() for name in TEMPLATE_FIELDS})

    for name in TEMPLATE_FIELDS:
        assert f"{name}: {name.upper()}" in filled


def test_a_template_that_loads_can_be_filled_even_with_a_code_block() -> None:
    text = TEMPLATE + '\n```json\n{\n  "status": "done"\n}\n```\n'

    try:
        template = parse_template(text, "retro.md")
    except DataFileError:
        return  # refusing the file up front is fine too; crashing later is not
    filled = template.fill({"item_title": "Two Sum"})

    assert '"status": "done"' in filled


def test_doubled_braces_give_literal_braces() -> None:
    text = TEMPLATE + "\nUse a set like {{1, 2, 3}} or {{name}}.\n"

    filled = parse_template(text, "retro.md").fill({})

    assert "Use a set like {1, 2, 3} or {name}." in filled


def test_load_templates_keeps_the_good_files_and_reports_the_bad_ones(tmp_path: Path) -> None:
    (tmp_path / "a-retro.md").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "b-broken.md").write_text(
        TEMPLATE.replace("{patterns}", "{mood}"), encoding="utf-8"
    )
    (tmp_path / "c-note.md").write_text(
        '\ufeff+++\nid = "note"\ntitle = "Note"\nkind = "note"\n+++\nFree text.\n',
        encoding="utf-8",  # with a byte-order mark, as Windows editors write
    )
    (tmp_path / "ignored.txt").write_text("not a template", encoding="utf-8")

    templates, errors = load_templates(tmp_path)

    assert [template.id for template in templates] == ["retro", "note"]
    assert len(errors) == 1
    assert errors[0].file == str(tmp_path / "b-broken.md")
    assert errors[0].line == 11


def test_load_templates_from_a_missing_folder_is_empty(tmp_path: Path) -> None:
    assert load_templates(tmp_path / "nowhere") == ((), ())
