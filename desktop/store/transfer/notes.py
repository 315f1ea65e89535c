"""Writing one note of the Markdown vault, named after what it is about."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.domain.vault import front_matter, safe_file_name


def write_note(
    folder: Path, title: str, key: str, meta: dict[str, Any], body: str, *, fallback: str
) -> Path:
    """`folder/<title>.md` with YAML front matter; two notes with the same title in one folder
    are told apart by their key, '<title> (<key>).md'."""
    folder.mkdir(parents=True, exist_ok=True)
    name = safe_file_name(title, fallback=fallback)
    target = folder / f"{name}.md"
    if target.exists():
        target = folder / f"{name} ({safe_file_name(key)}).md"
    target.write_text(front_matter(meta) + body, encoding="utf-8")
    return target
