"""Writing one note of the Markdown vault, named after what it is about."""

from __future__ import annotations

from typing import Any

from desktop.domain.vault import front_matter, safe_file_name
from desktop.store.transfer.vault_folder import VaultFolder


def write_note(
    vault: VaultFolder,
    folder: str,
    title: str,
    key: str,
    meta: dict[str, Any],
    body: str,
    *,
    fallback: str,
) -> str:
    """`folder/<title>.md` with YAML front matter; two notes with the same title in one folder
    are told apart by their key, '<title> (<key>).md'. Returns the note's path in the vault."""
    name = safe_file_name(title, fallback=fallback)
    relative = f"{folder}/{name}.md"
    if vault.is_taken(relative):
        relative = f"{folder}/{name} ({safe_file_name(key)}).md"
    vault.write(relative, front_matter(meta) + body)
    return relative
