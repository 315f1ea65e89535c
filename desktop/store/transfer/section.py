"""One area of the app in the export: its tables and, if it has any, its Markdown notes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlmodel import Session

from desktop.store.transfer.tables import TableSpec

# Writes the area's notes into the vault folder; returns how many files it wrote.
MarkdownWriter = Callable[[Session, Path], int]


@dataclass(frozen=True)
class Section:
    name: str  # the key under "sections" in the JSON file
    tables: tuple[TableSpec, ...]  # in the order they are written (referenced tables first)
    write_markdown: MarkdownWriter | None = None
