"""An import cancelled at any of its progress reports adds nothing: the last report of a
write comes before its commit, so the cancel rolls the whole transaction back."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store.database import session_scope
from desktop.store.journal import EntryDraft, create_entry
from desktop.store.transfer.cancelling import CancelSwitch, ImportCancelled
from desktop.store.transfer.progress_report import WRITING, Progress, quiet
from desktop.store.transfer.run import check_document, import_notes, write_document
from tests.backup_files import count_entries
from tests.clocks import StepClock, clock_start
from tests.store.transfer_data import exported, imported


def _with_entries(profile: Profile, count: int) -> None:
    with session_scope(profile.engine) as session:
        for number in range(count):
            draft = EntryDraft(entry_date=clock_start().date(), title=f"entry {number}", body="b")
            create_entry(session=session, draft=draft, now=clock_start())


@pytest.mark.parametrize("done_is_total", [False, True])
def test_a_json_import_cancelled_while_it_writes_adds_nothing(
    profile: Profile, tmp_path: Path, done_is_total: bool
) -> None:
    source = open_profile(ProfileFolder(tmp_path / "other"), clock=StepClock())
    try:
        _with_entries(source, 30)
        document = exported(source)
    finally:
        source.close()
    plan = check_document(engine=profile.engine, document=document)
    switch = CancelSwitch()
    folder = profile.folder

    def report(step: str, done: int, total: int) -> None:
        if step == WRITING and (done == total) == done_is_total:
            switch.cancel()

    with pytest.raises(ImportCancelled, match=r"^Import cancelled; nothing was added\.$"):
        write_document(
            engine=profile.engine,
            database=folder.database,
            backups_dir=folder.backups_dir,
            plan=plan,
            now=clock_start(),
            progress=_then_watch(report, switch),
        )
    assert count_entries(folder.database) == 0
    assert imported(profile, document) is not None  # the same plan goes in when not cancelled
    assert count_entries(folder.database) == 30


def _then_watch(report: Progress, switch: CancelSwitch) -> Progress:
    """`report` first (the user cancels there), then the switch's check, as in the app."""
    watched = switch.watching(quiet)

    def both(step: str, done: int, total: int) -> None:
        report(step, done, total)
        watched(step, done, total)

    return both


def test_a_notes_import_cancelled_at_its_last_report_adds_nothing(
    profile: Profile, tmp_path: Path
) -> None:
    notes = tmp_path / "vault"
    notes.mkdir()
    for day in (3, 4, 5):
        (notes / f"2026-11-0{day}.md").write_text(f"# Day {day}\n\nLearned.\n", encoding="utf-8")
    switch = CancelSwitch()
    steps: list[tuple[str, int, int]] = []

    def report(step: str, done: int, total: int) -> None:
        steps.append((step, done, total))
        if (step, done, total) == (WRITING, 1, 1):
            switch.cancel()

    folder = profile.folder
    with pytest.raises(ImportCancelled):
        import_notes(
            engine=profile.engine,
            database=folder.database,
            backups_dir=folder.backups_dir,
            folder=notes,
            now=clock_start(),
            progress=_then_watch(report, switch),
        )
    assert steps[-1] == (WRITING, 1, 1)
    assert count_entries(folder.database) == 0
