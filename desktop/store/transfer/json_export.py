"""The whole profile as one JSON document (format described in docs/export-format.md).

The file is compact JSON (no indentation): Python's C encoder writes it several times faster
than the indenting one, and ten years of data come to about two thirds of the size. It is
still stable: records in key order, fields in a fixed order, so two exports of the same data
differ only in `exported_at`.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from desktop.store.files import write_atomically
from desktop.store.own_files import refuse_own_file
from desktop.store.transfer.collector import collector_paused
from desktop.store.transfer.export_text import (
    FORMAT_NAME,
    FORMAT_VERSION,
    ExportedTable,
    header,
    not_in_export,
    to_json,
)
from desktop.store.transfer.export_text import export_pieces as _pieces
from desktop.store.transfer.json_rows import export_plan_of, session_query
from desktop.store.transfer.progress_report import Progress, quiet
from desktop.store.transfer.sections import SECTIONS
from desktop.store.transfer.tables import dump_table

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "export_pieces", "not_in_export", "write_export"]


def export_document(*, session: Session, now: datetime) -> dict[str, Any]:
    sections = {
        section.name: {spec.key: dump_table(session=session, spec=spec) for spec in section.tables}
        for section in SECTIONS
    }
    return {**header(now), "sections": sections}


def document_text(document: dict[str, Any]) -> str:
    return to_json(document) + "\n"


def export_pieces(
    *, session: Session, now: datetime, progress: Progress = quiet, counts: list[int]
) -> Iterator[str]:
    """The document's text, a table at a time (each table's rows are let go once written),
    exactly as document_text(export_document(...)) has it. Appends each table's row count
    to `counts`."""
    specs = {(section.name, spec.key): spec for section in SECTIONS for spec in section.tables}

    def general(section: str, table: ExportedTable) -> tuple[str, int]:
        rows = dump_table(session=session, spec=specs[section, table.key])
        return to_json(rows), len(rows)

    return _pieces(
        plan=export_plan_of(SECTIONS),
        query=session_query(session=session),
        now=now,
        progress=progress,
        counts=counts,
        general=general,
    )


def write_export(
    *, session: Session, target: Path, now: datetime, progress: Progress = quiet
) -> int:
    """Write the export to `target` (a failure leaves `target` as it was and no scratch file).

    Returns the number of records written.
    """
    database = session.get_bind().engine.url.database
    if database:  # the profile's file: refused as the target (own_files.py)
        refuse_own_file(target, Path(database))
    counts: list[int] = []

    def write(scratch: Path) -> None:
        with scratch.open("w", encoding="utf-8") as file:
            for piece in export_pieces(session=session, now=now, progress=progress, counts=counts):
                file.write(piece)

    with collector_paused():
        write_atomically(target, write)
    return sum(counts)
