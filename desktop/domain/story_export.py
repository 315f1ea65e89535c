"""The story bank as Markdown, and the loop sheet as simple HTML ready to print."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from html import escape

from desktop.domain.stories import LoopPlan, Section, Story, brief, duration_text, story_timing
from desktop.domain.story_themes import ThemeCatalog


def stories_markdown(stories: Sequence[Story], catalog: ThemeCatalog, made_at: datetime) -> str:
    """Every story with its facts and sections; readable as it is and in any Markdown viewer."""
    lines = [
        "# Story bank",
        "",
        f"{len(stories)} {'story' if len(stories) == 1 else 'stories'}, "
        f"exported from Loopwise on {made_at.day} {made_at:%B %Y}.",
        "",
    ]
    for story in stories:
        draft = story.draft
        timing = story_timing(draft)
        themes = ", ".join(catalog.title_of(t) for t in draft.themes) or "none yet"
        lines += [f"## {_one_line(story.title)}", ""]
        lines.append(f"- Themes: {themes}")
        lines.append(f"- Impact: {draft.scope.label}")
        if draft.companies:
            lines.append(f"- For: {', '.join(draft.companies)}")
        lines.append(
            f"- Length: {timing.total_words} words, about "
            f"{duration_text(timing.total_seconds)} spoken"
        )
        if story.last_rehearsed is not None:
            when = story.last_rehearsed
            lines.append(
                f"- Rehearsed {story.rehearsals} times, last on {when.day} {when:%b %Y}"
                if story.rehearsals != 1
                else f"- Rehearsed once, on {when.day} {when:%b %Y}"
            )
        lines.append("")
        for section in Section:
            lines += [f"### {section.label}", "", draft.section(section).strip() or "_(empty)_", ""]
        if draft.notes.strip():
            lines += ["### Notes", "", draft.notes.strip(), ""]
    return "\n".join(lines).rstrip() + "\n"


SECTION_LIMIT = 480  # characters per STAR part on the sheet: about four sentences
# After ". ", "! ", "? " or "… ", or the same with a closing quote or bracket in between.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?\u2026])|(?<=[.!?\u2026][\"'\u201d\u2019)]))\s+")


def whole_sentences(text: str, limit: int = SECTION_LIMIT) -> str:
    """A STAR part as one paragraph: whole, or cut after the last whole sentence that fits,
    with an ellipsis to say so. Never mid-sentence, unless one sentence alone is too long
    (then it is cut at a word, with an ellipsis)."""
    plain = brief(text, limit=len(text) + 1)  # Markdown marks out, on one line
    if len(plain) <= limit:
        return plain
    kept = ""
    for sentence in _SENTENCE_END.split(plain):
        longer = f"{kept} {sentence}".strip()
        if len(longer) > limit:
            break
        kept = longer
    return f"{kept} …" if kept else brief(plain, limit)


def loop_sheet_html(plan: LoopPlan, set_title: str, made_at: datetime) -> str:
    """The themes and which story answers each, then each story once, in full or cut at a
    sentence; a theme without a story stands out; empty parts are left out."""
    parts = [
        "<html><body>",
        f"<h1>Loop sheet: {escape(set_title)}</h1>",
        f"<p class='muted'>{len(plan.answers)} themes · {len(plan.gaps)} without a story · "
        f"made {made_at.day} {made_at:%B %Y}</p>",
        "<h2>Themes</h2>",
        "<table class='themes' cellspacing='0' cellpadding='2'>",
    ]
    stories: list[Story] = []
    themes_of: dict[int, list[str]] = {}
    for answer in plan.answers:
        story = answer.story
        if story is None:
            told = "<span class='gap'><b>No story yet.</b> Write one before the loop.</span>"
        else:
            told = escape(story.title)
            if story.id not in themes_of:
                stories.append(story)
                themes_of[story.id] = []
            themes_of[story.id].append(answer.theme.title)
        parts.append(f"<tr><td class='theme'>{escape(answer.theme.title)}</td><td>{told}</td></tr>")
    parts.append("</table>")
    for story in stories:
        timing = story_timing(story.draft)
        answers = ", ".join(themes_of[story.id])
        parts.append(f"<h2 class='story'>{escape(story.title)}</h2>")
        parts.append(
            f"<p class='muted'>Answers: {escape(answers)} · "
            f"{story.draft.scope.label.lower()} · about "
            f"{duration_text(timing.total_seconds)} spoken</p>"
        )
        rows = [
            (section.label, whole_sentences(story.draft.section(section))) for section in Section
        ]
        parts.append("<table class='star' cellspacing='0' cellpadding='3'>")
        parts += [
            f"<tr><td class='label'>{label}</td><td>{escape(text)}</td></tr>"
            for label, text in rows
            if text
        ]
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _one_line(text: str) -> str:
    return " ".join(text.split())
