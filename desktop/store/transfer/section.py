"""One area of the app in the export: its tables and, if it has any, its Markdown notes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from sqlmodel import Session

from desktop.store.transfer.records import Record
from desktop.store.transfer.tables import TableSpec
from desktop.store.transfer.vault_folder import VaultFolder


class MarkdownWriter(Protocol):
    """Writes the area's notes into the vault; returns how many notes it has."""

    def __call__(self, *, session: Session, vault: VaultFolder) -> int: ...


class SectionCheck(Protocol):
    """Rules across the area's records (list key -> the file's records, only the lists it
    has); returns problems naming record and field. Runs before anything is written."""

    def __call__(self, *, session: Session, records: Mapping[str, list[Record]]) -> list[str]: ...


@dataclass(frozen=True)
class Section:
    name: str  # the key under "sections" in the JSON file
    tables: tuple[TableSpec, ...]  # in the order they are written (referenced tables first)
    write_markdown: MarkdownWriter | None = None
    check: SectionCheck | None = None
