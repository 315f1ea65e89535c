"""The ending a saved file must have: a name typed without one gets it, and a name ending in
another file type's ending (Markdown asked for, '.json' typed) is corrected, never written
as the wrong kind of file."""

from __future__ import annotations

from pathlib import Path

# Endings that name a file type: typed where another type was asked for, they are replaced.
# Any other dot in a name ("bank v1.2") is part of the name and kept.
FILE_TYPE_SUFFIXES = frozenset(
    {".md", ".markdown", ".txt", ".json", ".pdf", ".csv", ".html", ".htm", ".toml", ".xml"}
    | {".yaml", ".yml", ".doc", ".docx", ".odt", ".rtf", ".zip", ".db", ".sqlite"}
)

KIND_NAMES = {".md": "Markdown", ".json": "JSON", ".pdf": "PDF"}  # the app's own exports


def fitted_name(chosen: Path, suffix: str) -> tuple[Path, str | None]:
    """`chosen` with the ending `suffix` (".md"), and a plain note when a foreign ending was
    replaced (None when the name was fine or only lacked the ending)."""
    current = chosen.suffix.lower()
    if current == suffix.lower():
        return chosen, None
    if current in FILE_TYPE_SUFFIXES:
        fitted = chosen.with_suffix(suffix)
        kind = KIND_NAMES.get(suffix, suffix.lstrip(".").upper())
        note = (
            f"The file is saved as {fitted.name}, not {chosen.name}: "
            f"this export is a {kind} ({suffix}) file."
        )
        return fitted, note
    return chosen.with_name(chosen.name + suffix), None
