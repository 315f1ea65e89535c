"""Markdown notes with YAML front matter, as Obsidian reads them: writing and reading them.

A daily note (YYYY-MM-DD.md) holds every journal entry of that day, each after a marker
comment (invisible when the note is shown) and under its own heading, so several entries on one
day come back apart when the folder is imported again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import yaml

ENTRY_MARKER = "<!-- loopwise entry -->"
DAILY_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})\.md$")
_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_HEADING = re.compile(r"\A#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*(?:\r?\n|\Z)")
_UNSAFE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f]+')


class NoteProblem(ValueError):
    """A note that cannot be read: the message names what is wrong."""


@dataclass(frozen=True)
class VaultEntry:
    """One journal entry as it appears in (or is read from) a daily note."""

    title: str
    body: str
    kind: str = "note"
    tags: tuple[str, ...] = ()
    path_id: str | None = None
    item_id: str | None = None
    facts: dict[str, Any] = field(default_factory=dict)  # linked item and session, for reading


def safe_file_name(title: str, fallback: str = "Untitled") -> str:
    cleaned = _UNSAFE.sub(" ", title).strip(" .")
    return (cleaned or fallback)[:120]


def front_matter(data: dict[str, Any]) -> str:
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False)
    return f"---\n{text}---\n"


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """The note's front matter (empty if it has none) and the rest of its text."""
    match = _FRONT.match(text)
    if match is None:
        return {}, text
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        where = getattr(error, "problem_mark", None)
        line = f" on line {where.line + 2}" if where is not None else ""
        raise NoteProblem(f"its front matter is not valid YAML{line}") from None
    except (ValueError, RecursionError) as error:  # e.g. "date: 2026-02-30"
        raise NoteProblem(f"its front matter has a value that cannot be read ({error})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise NoteProblem("its front matter is not a list of 'name: value' fields")
    return data, text[match.end() :]


def render_daily_note(day: date, entries: Sequence[VaultEntry]) -> str:
    tags = sorted({tag for entry in entries for tag in entry.tags})
    meta: dict[str, Any] = {"date": day, "tags": tags, "entries": []}
    parts = []
    for entry in entries:
        facts: dict[str, Any] = {"title": entry.title, "kind": entry.kind, "tags": list(entry.tags)}
        if entry.path_id and entry.item_id:
            facts["item"] = {"path": entry.path_id, "id": entry.item_id}
        facts.update(entry.facts)
        meta["entries"].append(facts)
        heading = entry.title.replace("\n", " ").strip() or "Untitled"
        parts.append(f"{ENTRY_MARKER}\n## {heading}\n\n{entry.body.strip(chr(10))}\n")
    return front_matter(meta) + "\n" + "\n".join(parts)


def note_day(file_name: str, meta: dict[str, Any]) -> date | None:
    """The day a note belongs to: its file name YYYY-MM-DD.md, or a 'date' field."""
    match = DAILY_NAME.match(file_name)
    if match:
        try:
            return date.fromisoformat(match.group(1))
        except ValueError:
            pass
    value = meta.get("date")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def read_note(file_name: str, text: str) -> tuple[date, list[VaultEntry]]:
    """The entries in a daily note: this app's own format, or any Markdown note with a date.

    Raises NoteProblem if the note has no date (neither in its name nor its front matter).
    """
    meta, body = split_front_matter(text)
    day = note_day(file_name, meta)
    if day is None:
        raise NoteProblem(
            "it has no date: name it YYYY-MM-DD.md or add 'date:' to its front matter"
        )
    described = meta.get("entries")
    if ENTRY_MARKER in body and isinstance(described, list):
        chunks = body.split(ENTRY_MARKER)[1:]
        if len(chunks) != len(described):
            raise NoteProblem(
                f"it lists {len(described)} entries in its front matter but has {len(chunks)}"
            )
        return day, [
            _own_entry(chunk, facts) for chunk, facts in zip(chunks, described, strict=True)
        ]
    title, rest = _take_heading(body.lstrip("\r\n"))
    stem = file_name[:-3] if file_name.endswith(".md") else file_name
    return day, [
        VaultEntry(
            title=title if title is not None else ("" if DAILY_NAME.match(file_name) else stem),
            body=rest.strip("\r\n"),
            tags=_tags(meta.get("tags")),
        )
    ]


def _own_entry(chunk: str, facts: object) -> VaultEntry:
    info = facts if isinstance(facts, dict) else {}
    _heading, rest = _take_heading(chunk.lstrip("\r\n"))
    item = info.get("item")
    path_id = item_id = None
    if (
        isinstance(item, dict)
        and isinstance(item.get("path"), str)
        and isinstance(item.get("id"), str)
    ):
        path_id, item_id = item["path"], item["id"]
    title = info.get("title")
    kind = info.get("kind")
    return VaultEntry(
        title=title if isinstance(title, str) else (_heading or ""),
        body=rest.strip("\r\n"),
        kind=kind if isinstance(kind, str) else "note",
        tags=_tags(info.get("tags")),
        path_id=path_id,
        item_id=item_id,
    )


def _take_heading(text: str) -> tuple[str | None, str]:
    match = _HEADING.match(text)
    if match is None:
        return None, text
    return match.group(1), text[match.end() :]


def _tags(value: object) -> tuple[str, ...]:
    """Obsidian writes tags as a list or as one string; '#' is optional."""
    if isinstance(value, str):
        items: list[object] = re.split(r"[,\s]+", value)
    elif isinstance(value, list):
        items = list(value)
    else:
        return ()
    tags = []
    for item in items:
        if isinstance(item, str | int | float) and not isinstance(item, bool):
            tag = str(item).strip().lstrip("#").strip()
            if tag and tag not in tags:
                tags.append(tag)
    return tuple(tags)
