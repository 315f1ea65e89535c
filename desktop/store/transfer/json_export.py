"""The whole profile as one JSON document (format described in docs/export-format.md)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from desktop import __version__
from desktop.store.files import write_text_atomically
from desktop.store.transfer.sections import SECTIONS
from desktop.store.transfer.tables import dump_table

FORMAT_NAME = "loopwise-export"
FORMAT_VERSION = 1


def export_document(*, session: Session, now: datetime) -> dict[str, Any]:
    sections = {
        section.name: {spec.key: dump_table(session=session, spec=spec) for spec in section.tables}
        for section in SECTIONS
    }
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "exported_at": now.isoformat(timespec="seconds"),
        "sections": sections,
    }


def document_text(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def write_export(*, session: Session, target: Path, now: datetime) -> int:
    """Write the export to `target` (a failure leaves `target` as it was and no scratch file).

    Returns the number of records written.
    """
    document = export_document(session=session, now=now)
    write_text_atomically(target, document_text(document))
    return sum(len(rows) for part in document["sections"].values() for rows in part.values())
