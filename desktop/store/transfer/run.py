"""Imports as the user runs them: check, ask if needed, back up, then write in one transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from desktop.store.backup import DamagedCopy, backup_database
from desktop.store.database import session_scope
from desktop.store.errors import SAVE_ERRORS, explain
from desktop.store.locks import DatabaseLocked
from desktop.store.transfer.collector import collector_paused
from desktop.store.transfer.json_import import (
    ImportPlan,
    ImportRejected,
    apply_import,
    plan_import,
    plan_records,
)
from desktop.store.transfer.markdown_import import (
    NotesPlan,
    apply_notes_import,
    plan_notes_import,
)
from desktop.store.transfer.progress_report import BACKING_UP, WRITING, Progress, quiet


def import_document(
    *,
    engine: Engine,
    database: Path,
    backups_dir: Path,
    document: Any,
    confirm: Callable[[ImportPlan], bool],
    now: datetime,
    progress: Progress = quiet,
) -> ImportPlan | None:
    """Import an export document; None if the user declined. Raises ImportRejected."""
    plan = check_document(engine=engine, document=document, progress=progress)
    if plan.needs_confirmation and not confirm(plan):
        return None
    return write_document(
        engine=engine,
        database=database,
        backups_dir=backups_dir,
        plan=plan,
        now=now,
        progress=progress,
    )


def check_document(*, engine: Engine, document: Any, progress: Progress = quiet) -> ImportPlan:
    """What importing the document would do; nothing is written. Raises ImportRejected.

    The file is checked here, once: the plan keeps its checked records for the write."""
    try:
        with collector_paused(), session_scope(engine) as session:
            return plan_import(session=session, document=document, progress=progress)
    except SAVE_ERRORS as error:
        raise ImportRejected([f"the profile could not be read: {explain(error)}."]) from error


def write_document(
    *,
    engine: Engine,
    database: Path,
    backups_dir: Path,
    plan: ImportPlan,
    now: datetime,
    progress: Progress = quiet,
    committing: Callable[[], None] = lambda: None,
) -> ImportPlan:
    """Back up, then import the checked records in one transaction. Raises ImportRejected.
    `committing` is called just before the commit (see UnderWay.committing)."""
    if not plan.changes_anything:
        return plan
    with _rejected_on_failure("the profile"):
        progress(BACKING_UP, 0, 1)
        backup_database(database, backups_dir, "before-import", now=now)
        progress(BACKING_UP, 1, 1)
        with collector_paused(), session_scope(engine) as session:
            # Compared again with the profile as it is now (it may have changed while the
            # user was asked), from the records already checked.
            plan = plan_records(session=session, validated=plan.validated)
            apply_import(session=session, plan=plan, progress=progress)
            committing()
    return plan


def import_notes(
    *,
    engine: Engine,
    database: Path,
    backups_dir: Path,
    folder: Path,
    now: datetime,
    progress: Progress = quiet,
    committing: Callable[[], None] = lambda: None,
) -> NotesPlan:
    """Import a folder of daily notes. Raises ImportRejected. `committing` is called just
    before the commit (see UnderWay.committing).

    Progress is reported by step (each report is a point where a cancel stops it: the
    last one comes before the commit)."""
    with _rejected_on_failure("the journal"):
        with session_scope(engine) as session:
            plan = plan_notes_import(session=session, folder=folder)
        if plan.new:
            progress(BACKING_UP, 0, 1)
            backup_database(database, backups_dir, "before-import", now=now)
            progress(BACKING_UP, 1, 1)
            with session_scope(engine) as session:
                plan = plan_notes_import(session=session, folder=folder)
                progress(WRITING, 0, 1)
                apply_notes_import(session=session, plan=plan, now=now)
                progress(WRITING, 1, 1)
                committing()
    return plan


@contextmanager
def _rejected_on_failure(written: str) -> Iterator[None]:
    """The backup or the write failing, told as ImportRejected: every import says the same
    about a damaged backup, a locked database or a failed write (`written` names what)."""
    try:
        yield
    except DamagedCopy as damaged:
        raise ImportRejected([f"nothing was imported: {damaged}"]) from damaged
    except DatabaseLocked as locked:
        raise ImportRejected([f"nothing was imported: {locked}."]) from locked
    except SAVE_ERRORS as error:
        raise ImportRejected([f"{written} could not be written: {explain(error)}."]) from error
