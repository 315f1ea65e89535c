"""The whole profile as one JSON document (format described in docs/export-format.md).

The file is compact JSON (no indentation): Python's C encoder writes it several times faster
than the indenting one, and ten years of data come to about two thirds of the size. It is
still stable: records in key order, fields in a fixed order, so two exports of the same data
differ only in `exported_at`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlmodel import Session

from desktop import __version__
from desktop.store.files import write_atomically
from desktop.store.transfer.collector import collector_paused
from desktop.store.transfer.json_rows import table_json
from desktop.store.transfer.progress_report import EXPORTING, Progress, quiet
from desktop.store.transfer.sections import SECTIONS
from desktop.store.transfer.tables import TableSpec, dump_table

FORMAT_NAME = "loopwise-export"
FORMAT_VERSION = 1


def export_document(*, session: Session, now: datetime) -> dict[str, Any]:
    sections = {
        section.name: {spec.key: dump_table(session=session, spec=spec) for spec in section.tables}
        for section in SECTIONS
    }
    return {**_header(now), "sections": sections}


def _header(now: datetime) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": now.isoformat(timespec="seconds"),
    }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def document_text(document: dict[str, Any]) -> str:
    return _json(document) + "\n"


def export_pieces(
    *, session: Session, now: datetime, progress: Progress = quiet, counts: list[int]
) -> Iterator[str]:
    """The document's text, a table at a time (each table's rows are let go once written),
    exactly as document_text(export_document(...)) has it. Appends each table's row count
    to `counts`."""
    total = sum(_exported_rows(session, spec) for section in SECTIONS for spec in section.tables)
    done = 0
    progress(EXPORTING, 0, total)
    yield _json(_header(now))[:-1] + ',"sections":{'
    for section_number, section in enumerate(SECTIONS):
        yield ("," if section_number else "") + _json(section.name) + ":{"
        for table_number, spec in enumerate(section.tables):
            made = table_json(session=session, spec=spec)
            if made is None:  # a value stored in an unusual form: the general way
                rows = dump_table(session=session, spec=spec)
                made = _json(rows), len(rows)
            text, count = made
            yield ("," if table_number else "") + _json(spec.key) + ":" + text
            counts.append(count)
            done += count
            progress(EXPORTING, min(done, total), total)
        yield "}"
    yield "}}\n"
    progress(EXPORTING, total, total)


def _exported_rows(session: Session, spec: TableSpec) -> int:
    counted = select(func.count()).select_from(spec.sql_table).where(*spec.exported())
    return int(session.execute(counted).scalar_one())


def write_export(
    *, session: Session, target: Path, now: datetime, progress: Progress = quiet
) -> int:
    """Write the export to `target` (a failure leaves `target` as it was and no scratch file).

    Returns the number of records written.
    """
    counts: list[int] = []

    def write(scratch: Path) -> None:
        with scratch.open("w", encoding="utf-8") as file:
            for piece in export_pieces(session=session, now=now, progress=progress, counts=counts):
                file.write(piece)

    with collector_paused():
        write_atomically(target, write)
    return sum(counts)


# What an export does not hold, said wherever one is made: files, not database records.
NOT_IN_EXPORT = (
    "Path and quiz files you imported are not in it: copy the paths and quizzes folders "
    "of your data folder along."
)
