"""A corrected attempt rewrites the facts lines its retrospective started with, and only those."""

from __future__ import annotations

from desktop.domain.fact_lines import refreshed_facts
from desktop.domain.journal import parse_template

TEMPLATE = parse_template(
    "+++\nid = 'retro'\ntitle = 'Retro'\nkind = 'retrospective'\n+++\n"
    "# {item_title}\n\n"
    "- Time: {duration_minutes} min (target {target_minutes})\n"
    "- Outcome: {outcome}\n"
    "- Confidence: {confidence}\n\n"
    "## What I learned\n\n*One or two things.*\n",
    "retro.md",
)
BEFORE = {
    "item_title": "3Sum",
    "duration_minutes": "1",
    "target_minutes": "25",
    "outcome": "Partial",
    "confidence": "2 of 5",
}
AFTER = {**BEFORE, "duration_minutes": "31", "outcome": "Solved", "confidence": "4 of 5"}


def test_the_facts_lines_follow_the_corrected_attempt() -> None:
    body = TEMPLATE.fill(BEFORE) + "Sorting first made it easy.\n"
    refreshed = refreshed_facts(body, TEMPLATE, BEFORE, AFTER)
    assert refreshed == TEMPLATE.fill(AFTER) + "Sorting first made it easy.\n"
    assert "- Time: 31 min (target 25)" in refreshed.splitlines()


def test_a_facts_line_the_user_changed_is_left_alone() -> None:
    body = TEMPLATE.fill(BEFORE).replace("- Outcome: Partial", "- Outcome: Partial, then a hint")
    refreshed = refreshed_facts(body, TEMPLATE, BEFORE, AFTER)
    lines = refreshed.splitlines()
    assert "- Outcome: Partial, then a hint" in lines  # theirs
    assert "- Time: 31 min (target 25)" in lines and "- Confidence: 4 of 5" in lines


def test_the_users_own_text_that_reads_like_a_fact_is_not_touched() -> None:
    # Lines are matched in the template's order, so words like a fact above the heading
    # are prose, and each template line is matched once.
    body = "- Confidence: 2 of 5\n" + TEMPLATE.fill(BEFORE) + "- Confidence: 2 of 5\n"
    lines = refreshed_facts(body, TEMPLATE, BEFORE, AFTER).splitlines()
    assert lines[0] == "- Confidence: 2 of 5" and lines[-1] == "- Confidence: 2 of 5"
    assert "- Confidence: 4 of 5" in lines


def test_windows_line_endings_are_kept() -> None:
    body = TEMPLATE.fill(BEFORE).replace("\n", "\r\n")
    refreshed = refreshed_facts(body, TEMPLATE, BEFORE, AFTER)
    assert refreshed == TEMPLATE.fill(AFTER).replace("\n", "\r\n")


def test_unchanged_facts_leave_the_body_as_it_was() -> None:
    body = TEMPLATE.fill(BEFORE) + "notes"
    assert refreshed_facts(body, TEMPLATE, BEFORE, dict(BEFORE)) == body
