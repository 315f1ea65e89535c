"""Template prompts become hints: blank lines in the entry, shown until the section is used."""

from __future__ import annotations

from desktop.domain.journal import parse_template, word_count
from desktop.domain.template_prompts import (
    Ghost,
    first_field,
    ghosts,
    next_field,
    section_prompts,
    without_prompts,
)

TEMPLATE = """+++
id = "retro"
title = "Retrospective"
kind = "retrospective"
+++
# {item_title}

- Outcome: {outcome}

## What I learned

*One or two things you understand better now.*

## Trade-offs

- *Choice made:*
- *Alternative rejected:*

## Notes
"""


def test_prompts_are_found_under_their_headings() -> None:
    template = parse_template(TEMPLATE, "retro.md")
    assert [(p.heading, p.lines) for p in template.prompts] == [
        ("## What I learned", ("One or two things you understand better now.",)),
        ("## Trade-offs", ("• Choice made:", "• Alternative rejected:")),
    ]


def test_a_filled_template_holds_no_prompt_text() -> None:
    filled = parse_template(TEMPLATE, "retro.md").fill({"item_title": "Two Sum"})
    assert "understand" not in filled and "Choice made" not in filled
    assert "## What I learned\n\n\n\n## Trade-offs\n\n\n\n\n## Notes\n" in filled
    assert word_count(filled) == 8  # the title, "Outcome" and the headings only


def test_each_empty_prompted_section_shows_its_prompt() -> None:
    template = parse_template(TEMPLATE, "retro.md")
    filled = template.fill({"item_title": "Two Sum"})
    lines = filled.split("\n")
    shown = ghosts(filled, template.prompts)
    assert [(lines[g.line - 2], g.lines) for g in shown] == [
        ("## What I learned", ("One or two things you understand better now.",)),
        ("## Trade-offs", ("• Choice made:", "• Alternative rejected:")),
    ]
    assert first_field(filled, template.prompts) == lines.index("## What I learned") + 2


def test_a_prompt_vanishes_once_its_section_has_text() -> None:
    template = parse_template(TEMPLATE, "retro.md")
    lines = template.fill({"item_title": "Two Sum"}).split("\n")
    lines[lines.index("## What I learned") + 2] = "Sorted input means two pointers."
    text = "\n".join(lines)
    assert [g.lines[0] for g in ghosts(text, template.prompts)] == ["• Choice made:"]
    assert first_field(text, template.prompts) == lines.index("## Trade-offs") + 2


def test_the_next_field_is_the_next_empty_section_below_the_cursor() -> None:
    template = parse_template(TEMPLATE, "retro.md")
    filled = template.fill({"item_title": "Two Sum"})
    lines = filled.split("\n")
    learned, trade_offs = lines.index("## What I learned"), lines.index("## Trade-offs")
    assert next_field(filled, template.prompts, after_line=0) == learned + 2
    assert next_field(filled, template.prompts, after_line=learned + 2) == trade_offs + 2
    assert next_field(filled, template.prompts, after_line=trade_offs + 2) is None


def test_a_heading_with_a_fact_still_finds_its_prompt() -> None:
    prompts = section_prompts("# {date}\n\n*Write whatever is on your mind.*\n")
    assert ghosts("# 4 December 2026\n\n\n", prompts) == [
        Ghost(2, 2, ("Write whatever is on your mind.",))
    ]
    assert ghosts("# 4 December 2026\n\nHello\n", prompts) == []


def test_italics_before_any_heading_or_inside_text_stay() -> None:
    body = "*Kept: no heading yet.*\n\n## Notes\n\nSome *emphasis* here.\n"
    assert without_prompts(body) == body
    assert section_prompts(body) == ()
