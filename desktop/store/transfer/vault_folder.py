"""The folder a Markdown export is written into, without ever losing a note the user edited.

Loopwise writes only into an empty folder or one it exported to before. There it keeps a
manifest (MANIFEST_NAME) of each note it wrote and a hash of what it wrote; a note whose
content no longer matches was changed by someone else and is left exactly as it is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from desktop.domain.bounded_read import UnreadableFile, read_bounded
from desktop.store.files import write_atomically

MANIFEST_NAME = ".loopwise-export.json"
MANIFEST_FORMAT = "loopwise-vault"
MAX_MANIFEST_BYTES = 50_000_000
MAX_NOTE_BYTES = 50_000_000  # larger than any note Loopwise writes


class VaultRefused(Exception):
    """The folder is not one Loopwise may write notes into; nothing was written."""


def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(folder: Path) -> dict[str, str] | None:
    """Note (relative path) -> hash of what Loopwise last wrote there; None if the folder is
    not a Loopwise export. A damaged manifest counts as one that knows no notes."""
    marker = folder / MANIFEST_NAME
    if not marker.is_file():
        return None
    try:
        data = json.loads(read_bounded(marker, limit=MAX_MANIFEST_BYTES, inside=folder))
        notes = data["notes"] if data.get("format") == MANIFEST_FORMAT else {}
        return {str(k): str(v) for k, v in notes.items()}
    except (UnreadableFile, ValueError, AttributeError, KeyError, TypeError, RecursionError):
        return {}


@dataclass
class VaultReport:
    written: int = 0  # notes written or already up to date
    left_alone: list[str] = field(default_factory=list)  # notes the user changed

    def sentence(self, folder: Path | str) -> str:
        text = f"{self.written} {'note was' if self.written == 1 else 'notes were'} written to "
        text += f"{folder}."
        count = len(self.left_alone)
        if count == 1:
            text += " 1 note you changed was left as it is."
        elif count:
            text += f" {count} notes you changed were left as they are."
        return text


class VaultFolder:
    """Writes notes by their path inside the folder, skipping ones the user changed."""

    def __init__(self, root: Path, manifest: dict[str, str]) -> None:
        self.root = root
        self._before = manifest
        self._after: dict[str, str] = {}
        self.report = VaultReport()

    @classmethod
    def open(cls, root: Path) -> VaultFolder:
        """Raises VaultRefused for a folder with other files that Loopwise did not export."""
        if root.exists() and not root.is_dir():
            raise VaultRefused(f"{root} is a file, not a folder.")
        manifest = read_manifest(root) if root.exists() else None
        if manifest is None and root.exists() and any(root.iterdir()):
            raise VaultRefused(
                f"{root} already has files in it and is not a folder Loopwise exported to, so "
                "nothing was written. Choose an empty folder or a previous Markdown export."
            )
        root.mkdir(parents=True, exist_ok=True)
        return cls(root, manifest or {})

    def is_taken(self, relative: str) -> bool:
        """Whether a note of this export already has this name."""
        return relative in self._after

    def write(self, relative: str, text: str) -> None:
        data = text.encode("utf-8")
        target = self.root / PurePosixPath(relative)
        if target.exists() or target.is_symlink():
            try:
                current = read_bounded(target, limit=MAX_NOTE_BYTES, inside=self.root)
            except UnreadableFile:  # a pipe, a link out of the folder: not a note to replace
                self.report.left_alone.append(relative)
                return
            if current != data and _hash(current) != self._before.get(relative):
                self.report.left_alone.append(relative)
                if relative in self._before:  # still changed next time
                    self._after[relative] = self._before[relative]
                return
            if current == data:
                self._after[relative] = _hash(data)
                self.report.written += 1
                return
        write_atomically(target, lambda scratch: scratch.write_bytes(data))
        self._after[relative] = _hash(data)
        self.report.written += 1

    def finish(self) -> VaultReport:
        """Record what was written, so the next export knows which notes are Loopwise's."""
        kept = {
            name: digest
            for name, digest in self._before.items()
            if name not in self._after and (self.root / PurePosixPath(name)).exists()
        }
        manifest = {
            "format": MANIFEST_FORMAT,
            "notes": dict(sorted({**kept, **self._after}.items())),
        }
        text = json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"
        write_atomically(
            self.root / MANIFEST_NAME, lambda scratch: scratch.write_text(text, encoding="utf-8")
        )
        return self.report
