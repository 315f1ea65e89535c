"""Prompts in journal templates: the italic lines under a heading ("*What did you learn?*").

They are shown as grey hints in an empty section and are never part of the entry: a new
entry gets a blank line where each prompt was, the editor paints the prompt there until the
user writes in that section, and so the prompt is neither counted as words nor saved."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A whole line in italics, as a paragraph or a list item: "*Why?*", "- *Choice made:*".
_PROMPT = re.compile(r"^(?:[-*+] )?\*(?P<text>[^*\n]+?)\*[ \t]*$")
_HEADING = re.compile(r"^#{1,6}[ \t]+\S")
# Facts in a heading ("# {item_title}") match any text once filled in.
_FACT = re.compile(r"\\\{[a-z_]+\\\}")


@dataclass(frozen=True)
class SectionPrompt:
    heading: str  # the heading line in the template, facts unfilled
    lines: tuple[str, ...]

    def matches(self, heading_line: str) -> bool:
        pattern = _FACT.sub(".*", re.escape(self.heading.strip()))
        return re.fullmatch(pattern, heading_line.strip()) is not None


@dataclass(frozen=True)
class Ghost:
    """Where a prompt shows: from `line` (the first blank line under the heading) over
    `room` blank lines, in a section that is still empty."""

    line: int
    room: int
    lines: tuple[str, ...]


def _prompt_text(line: str) -> str | None:
    found = _PROMPT.match(line.strip())
    if found is None:
        return None
    bullet = "• " if line.lstrip()[0] in "-+" or line.lstrip().startswith("* ") else ""
    return bullet + found.group("text").strip()


def section_prompts(body: str) -> tuple[SectionPrompt, ...]:
    """The prompts of a template body, by the heading they stand under."""
    found: list[SectionPrompt] = []
    heading: str | None = None
    lines: list[str] = []
    for line in [*body.splitlines(), "# end"]:
        if _HEADING.match(line):
            if heading is not None and lines:
                found.append(SectionPrompt(heading, tuple(lines)))
            heading, lines = line, []
            continue
        prompt = _prompt_text(line)
        if prompt is not None and heading is not None:
            lines.append(prompt)
    return tuple(found)


def without_prompts(body: str) -> str:
    """The template body with every prompt line left blank (the editor shows it instead)."""
    kept = []
    heading_seen = False
    for line in body.splitlines(keepends=True):
        heading_seen = heading_seen or bool(_HEADING.match(line))
        if heading_seen and _prompt_text(line.rstrip("\r\n")) is not None:
            kept.append("\n" if line.endswith("\n") else "")
        else:
            kept.append(line)
    return "".join(kept)


def ghosts(text: str, prompts: tuple[SectionPrompt, ...]) -> list[Ghost]:
    """The prompts to show in `text`: one per prompted section whose body is still blank."""
    if not prompts:
        return []
    lines = text.split("\n")
    headings = [number for number, line in enumerate(lines) if _HEADING.match(line)]
    shown = []
    for index, number in enumerate(headings):
        end = headings[index + 1] if index + 1 < len(headings) else len(lines)
        body = lines[number + 1 : end]
        if not body or any(line.strip() for line in body):
            continue  # written in, or no line to write on
        prompt = next((p for p in prompts if p.matches(lines[number])), None)
        if prompt is None:
            continue
        start = number + 2 if len(body) > 1 else number + 1  # after the blank line, if any
        shown.append(Ghost(start, end - start, prompt.lines))
    return shown


def first_field(text: str, prompts: tuple[SectionPrompt, ...]) -> int | None:
    """The line to put the cursor on: the first empty prompted section."""
    found = ghosts(text, prompts)
    return found[0].line if found else None


def next_field(text: str, prompts: tuple[SectionPrompt, ...], after_line: int) -> int | None:
    """The line of the next empty prompted section below `after_line` (Tab goes there)."""
    return next((g.line for g in ghosts(text, prompts) if g.line > after_line), None)
