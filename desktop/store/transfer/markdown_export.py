"""The profile as a folder of Markdown notes that opens as an Obsidian vault."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from sqlmodel import Session

from desktop.store.transfer.sections import SECTIONS
from desktop.store.transfer.vault_folder import VaultFolder, VaultReport


def write_vault(
    *, session: Session, folder: Path, progress: Callable[[str], None] | None = None
) -> VaultReport:
    """Write every section's notes under `folder`: an empty folder or a previous export,
    where notes the user changed since are left alone. Raises VaultRefused for any other
    folder, before writing anything."""
    vault = VaultFolder.open(folder)
    try:
        for section in SECTIONS:
            if section.write_markdown is None:
                continue
            if progress is not None:
                progress(section.name)
            section.write_markdown(session=session, vault=vault)
    except BaseException:
        # Remember the notes written before the failure, so the next export knows they are
        # Loopwise's own and may update them (the original error is the one to report).
        with contextlib.suppress(OSError):
            vault.finish()
        raise
    return vault.finish()
