"""Writing a file in one step: a failure leaves the old file and no scratch file behind."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop.profile import Profile
from desktop.store.database import session_scope
from desktop.store.files import write_atomically
from desktop.store.transfer.json_export import write_export


def test_a_failed_write_keeps_the_old_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("what the user had", encoding="utf-8")

    def half_then_fail(scratch: Path) -> None:
        scratch.write_text("half of the new", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space left"):
        write_atomically(target, half_then_fail)

    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]
    assert target.read_text(encoding="utf-8") == "what the user had"
    write_atomically(target, lambda scratch: scratch.write_text("new", encoding="utf-8"))
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]
    assert target.read_text(encoding="utf-8") == "new"


def test_a_json_export_that_fails_leaves_no_partial_file(
    profile: Profile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()

    def disk_full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", disk_full)
    with session_scope(profile.engine) as session, pytest.raises(OSError):
        write_export(session=session, target=folder / "all.json", now=datetime.now(UTC))

    assert list(folder.iterdir()) == []
