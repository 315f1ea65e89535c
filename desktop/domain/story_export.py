"""The story bank as Markdown, and the loop sheet as simple HTML ready to print."""

from __future__ import annotations

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


def loop_sheet_html(plan: LoopPlan, set_title: str, made_at: datetime) -> str:
    """One block per theme: the story to tell and its four parts in brief; gaps stand out."""
    parts = [
        "<html><body>",
        f"<h1>Loop sheet: {escape(set_title)}</h1>",
        f"<p class='muted'>{len(plan.answers)} themes · {len(plan.gaps)} without a story · "
        f"made {made_at.day} {made_at:%B %Y}</p>",
    ]
    for answer in plan.answers:
        parts.append(f"<h2>{escape(answer.theme.title)}</h2>")
        story = answer.story
        if story is None:
            parts.append("<p class='gap'><b>No story yet.</b> Write one before the loop.</p>")
            continue
        timing = story_timing(story.draft)
        parts.append(
            f"<p><b>{escape(story.title)}</b> "
            f"<span class='muted'>({story.draft.scope.label.lower()} · about "
            f"{duration_text(timing.total_seconds)})</span></p><table class='star'>"
        )
        for section in Section:
            text = brief(story.draft.section(section)) or "—"
            parts.append(
                f"<tr><td class='label'>{section.label[0]}</td><td>{escape(text)}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _one_line(text: str) -> str:
    return " ".join(text.split())
