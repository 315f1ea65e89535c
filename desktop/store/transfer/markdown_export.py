"""The profile as a folder of Markdown notes that opens as an Obsidian vault."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlmodel import Session

from desktop.store.transfer.sections import SECTIONS


def write_vault(
    *, session: Session, folder: Path, progress: Callable[[str], None] | None = None
) -> int:
    """Write every section's notes under `folder`; returns how many notes were written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    for section in SECTIONS:
        if section.write_markdown is None:
            continue
        if progress is not None:
            progress(section.name)
        written += section.write_markdown(session, folder)
    return written
