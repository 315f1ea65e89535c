"""Subcommands for backups, restore, export and import: work without a window."""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from desktop.clock import app_clock
from desktop.folders import ProfileFolder, resolve_data_dir
from desktop.store.health import DatabaseProblem, holds_backups, plain_reason

if TYPE_CHECKING:
    from collections.abc import Iterator

    from desktop.profile import Profile
    from desktop.store.transfer.cancelling import CancelSwitch
    from desktop.store.transfer.json_import import ImportPlan
    from desktop.store.under_way import UnderWay


def _say(message: str) -> None:
    print(message, file=sys.stderr)


class ProgressLine:
    """'Checking the records… 45%' on one line of the terminal, redrawn in place; nothing
    at all when stderr is not a terminal (a log or a pipe gets only the result)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._on = stream.isatty()
        self._shown = ""
        self._width = 0

    def __call__(self, step: str, done: int, total: int) -> None:
        if not self._on:
            return
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        text = f"{step}… {percent}%"
        if text != self._shown:
            self._stream.write("\r" + text.ljust(self._width))  # over a longer line
            self._stream.flush()
            self._shown = text
            self._width = max(self._width, len(text))

    def clear(self) -> None:
        """Take the line away before anything else is written or asked."""
        if self._shown:
            self._stream.write("\r" + " " * self._width + "\r")
            self._stream.flush()
            self._shown = ""
            self._width = 0


@contextmanager
def opened_profile(
    data_dir: str | None, *, thorough: bool = True, only_existing: bool = False
) -> Iterator[Profile | None]:
    """The profile, or None after saying why not. With `thorough` False only the quick look
    is taken (health.check_database): for a command that only reads, or that runs the full
    check itself before it writes (see _FullCheck). With `only_existing`, a folder without a
    profile is refused rather than started: a command that only reads would otherwise report
    a mistyped folder as an empty history (and leave a new profile there)."""
    from desktop.profile import open_profile

    folder = ProfileFolder(resolve_data_dir(data_dir))
    # A link to a missing file is a profile on a drive not connected: check_database says so.
    database = folder.database
    if only_existing and not (
        database.exists() or database.is_symlink() or holds_backups(folder.backups_dir)
    ):  # beside backups a missing file is lost data, not a new folder: check_database says so
        _say(
            f"There is no Loopwise profile in {folder.data_dir} yet. Check the folder name, "
            "or start Loopwise with it first."
        )
        yield None
        return
    try:
        profile = open_profile(folder, clock=app_clock(), note=_say, thorough=thorough)
    except (DatabaseProblem, OSError) as error:
        _say_unusable(folder, error)
        yield None
        return
    try:
        yield profile
    finally:
        profile.close()


def _say_unusable(folder: ProfileFolder, error: DatabaseProblem | OSError) -> None:
    if isinstance(error, DatabaseProblem):
        detail = f"\n(In detail: {error.detail})" * bool(error.detail)
        unchanged = "" if error.missing else "\nThe file has not been changed."
        _say(f"{error}{detail}{unchanged}")
    else:
        reason = plain_reason(error, folder.data_dir)
        _say(f"Loopwise cannot use its data folder {folder.data_dir}: {reason}.")


def _refuse_while_open(folder: ProfileFolder, instead: str) -> bool:
    """True (after saying so) while the app holds this data folder: it would lose our writes
    or overwrite them with its own."""
    if not folder.lock_file.exists():  # the app holds its lock file while it runs
        return False
    from desktop.ui.single_instance import is_held  # the app's own lock check (needs Qt)

    if not is_held(folder):
        return False
    _say(f"Loopwise is open with this data folder. Close it, or {instead}.")
    return True


def _ask(question: str, assume_yes: bool) -> bool:
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        _say(f"{question} Run again with --yes to go ahead.")
        return False
    answer = input(f"{question} [y/N] ")
    return answer.strip().lower() in {"y", "yes"}


def tell_unfinished_work(data_dir: str | None) -> None:
    """An import or restore that a kill cut short, said once, before anything else."""
    from desktop.store.under_way import left_unfinished

    folder = ProfileFolder(resolve_data_dir(data_dir))
    if folder.data_dir.is_dir():
        for unfinished in left_unfinished(folder.data_dir):
            _say(unfinished.sentence())


def backup_command(data_dir: str | None) -> int:
    import sqlite3

    from desktop.store.backup import DamagedCopy, backup_database, not_made_text, thin_backups
    from desktop.store.locks import DatabaseLocked, LockWait
    from desktop.store.settings import load_settings

    folder = ProfileFolder(resolve_data_dir(data_dir))
    if not folder.database.exists():
        _say(f"There is no Loopwise database in {folder.data_dir} yet: nothing to back up.")
        return 1
    loaded = load_settings(folder.settings_file)
    if loaded.problem:
        _say(loaded.problem)
    try:
        now = app_clock()()
        wait = LockWait(folder.database, note=_say)
        made = backup_database(folder.database, folder.backups_dir, "manual", now=now, wait=wait)
        thin_backups(folder.backups_dir, now=now, policy=loaded.settings.backups.policy)
    except DamagedCopy as damaged:
        _say(not_made_text(damaged))
        return 1
    except (DatabaseLocked, OSError, ValueError, sqlite3.Error) as error:
        return _refused("The backup was not made", error, folder.backups_dir)
    print(f"Backed up to {made}")
    return 0


def _refused(opening: str, error: BaseException, folder: Path) -> int:
    """A backup or restore that did not happen, and why: a lock in its own words, other
    trouble as every failed write says it."""
    from desktop.store.health import failure_text
    from desktop.store.locks import DatabaseLocked

    reason = str(error) if isinstance(error, DatabaseLocked) else failure_text(error, folder)
    _say(f"{opening}: {reason}.")
    return 1


UNUSABLE_MARK = "CANNOT BE RESTORED"


def restore_command(data_dir: str | None, which: str | None, *, assume_yes: bool) -> int:
    import sqlite3

    from desktop.store.backup import BackupUnusable, judge_backups, restore_backup
    from desktop.store.backup_check import judge_backup
    from desktop.store.health import READ_ONLY, is_writable
    from desktop.store.locks import DatabaseLocked, LockWait

    folder = ProfileFolder(resolve_data_dir(data_dir))
    if which is None:
        judged = judge_backups(folder.backups_dir)
        if not judged:
            print(f"There are no backups in {folder.backups_dir} yet.")
            return 0
        for each in judged:
            label = each.backup.name.reason_label
            held = (
                each.describe()
                if each.verdict.usable
                else f"{UNUSABLE_MARK}: {each.verdict.problem}"
            )
            print(f"{_when(each.backup.taken_at)}  {label:<28} {each.backup.path.name}  ({held})")
        if not all(each.verdict.usable for each in judged):
            print(
                "A file that can never be restored is deleted by the next backup once it is "
                "a day old (one from a newer version of Loopwise is kept)."
            )
        print("Restore one with: loopwise restore NAME")
        return 0
    listed = folder.backups_dir / which  # a name from the list above
    path = listed if os.path.lexists(listed) else Path(which)
    verdict = judge_backup(path)
    if verdict.contents is None:
        _say(f"Nothing was restored. The backup {path} cannot be restored: {verdict.problem}.")
        return 1
    if not is_writable(folder.data_dir):
        _say(f"Nothing was restored: {READ_ONLY} ({folder.data_dir}).")
        return 1
    if _refuse_while_open(folder, "restore from File > Backups"):
        return 1
    if not _ask(
        f"Replace your current data with the backup {path.name} "
        f"({verdict.contents.describe()})? (Your current data is backed up first.)",
        assume_yes,
    ):
        return 1
    try:
        wait = LockWait(folder.database, note=_say)
        restored = restore_backup(
            folder.database, path, folder.backups_dir, now=app_clock()(), wait=wait
        )
    except BackupUnusable as error:
        _say(f"Nothing was restored. {error}")
        return 1
    except (DatabaseLocked, OSError, sqlite3.Error) as error:
        return _refused("Nothing was restored", error, folder.data_dir)
    where = f" Your data as it was is in {restored.kept}." if restored.kept else ""
    print(f"Restored {path.name}.{where}")
    return _upgrade_restored(folder, restored.as_restored)


def _upgrade_restored(folder: ProfileFolder, as_restored: Path | None) -> int:
    """An older backup brought up to this version's schema at once: its backup as restored
    is the copy from before the upgrade, which the next start would otherwise make again."""
    from desktop.store.migrate import upgrade_database

    try:
        upgrade_database(folder.database, folder.backups_dir, clock=app_clock(), copied=as_restored)
    except DatabaseProblem as problem:
        _say(f"{problem}\nThe next start of Loopwise will ask what to do.")
        return 1
    return 0


def _when(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def export_command(data_dir: str | None, file_format: str, target: str) -> int:
    if file_format == "json":
        from desktop.domain.file_suffix import fitted_name

        fitted, foreign = fitted_name(Path(target), ".json")
        if foreign:  # a script asked for this very name: refused, not quietly renamed
            _say(f"A JSON export is written to a .json file, not {target} (try {fitted}).")
            return 2
        plainly = _plain_export(data_dir, Path(target))
        if plainly is not None:
            return plainly
    return _export_through_the_profile(data_dir, file_format, target)


def _plain_export(data_dir: str | None, target: Path) -> int | None:
    """The JSON export of a profile of the current schema through the sqlite3 module alone
    (store/transfer/plain_export.py): the same checks and file as through the profile, without
    loading the database layer. None when the profile must be opened (no database yet, an
    older schema to migrate, a value only the general way writes)."""
    import sqlite3

    from desktop.store.health import check_database
    from desktop.store.locks import LockWait
    from desktop.store.transfer.plain_export import write_plain_export

    folder = ProfileFolder(resolve_data_dir(data_dir))
    # What open_profile checks first, told the same way; the rest is left to it.
    try:
        database = folder.database
        if not database.exists() or database.stat().st_size == 0:
            return None
        folder.ensure()
        check_database(database, wait=LockWait(database, note=_say), thorough=False)
    except (DatabaseProblem, OSError) as error:
        _say_unusable(folder, error)
        return 1
    progress = ProgressLine(sys.stderr)
    try:
        count = write_plain_export(database, target, now=app_clock()(), progress=progress)
    except (sqlite3.DatabaseError, OSError) as error:
        return _export_failed(error, target, progress)
    if count is None:
        return None
    progress.clear()
    print(_exported(f"Exported {_records(count)} to {target}.", folder))
    return 0


def _exported(saved: str, folder: ProfileFolder) -> str:
    """What was exported, then what the export leaves out, only when there is some."""
    from desktop.store.transfer.export_text import not_in_export

    left_out = not_in_export(folder.path_files_dir, folder.quiz_files_dir)
    return f"{saved} {left_out}" if left_out else saved


def _records(count: int) -> str:
    from desktop.domain.wording import counted

    return counted(count, "record")


def _export_failed(error: BaseException, target: str | Path, progress: ProgressLine) -> int:
    """Either way of exporting says a failure the same way: the target could not be written,
    or the data could not be read."""
    progress.clear()
    if isinstance(error, OSError):
        _say(f"The export could not be written: {error.strerror or error} ({target}).")
    else:
        _say(_unreadable(error))
    return 1


def _unreadable(error: BaseException) -> str:
    # Damage further in than the quick look reads: SQLite refuses the damaged page.
    reason = getattr(error, "orig", None) or error
    return (
        f"Nothing was exported: your data could not be read (SQLite reports: {reason}). "
        "Start Loopwise to check the file and restore a backup."
    )


def _export_through_the_profile(data_dir: str | None, file_format: str, target: str) -> int:
    import sqlite3

    from sqlalchemy.exc import DatabaseError

    from desktop.store.database import session_scope
    from desktop.store.transfer.json_export import write_export
    from desktop.store.transfer.markdown_export import write_vault
    from desktop.store.transfer.vault_folder import VaultRefused

    # Only reads: the quick look is enough (SQLite refuses a damaged page when it reads it).
    with opened_profile(data_dir, thorough=False, only_existing=True) as profile:
        if profile is None:
            return 1
        progress = ProgressLine(sys.stderr)
        try:
            with session_scope(profile.engine) as session:
                if file_format == "json":
                    count = write_export(
                        session=session, target=Path(target), now=profile.clock(), progress=progress
                    )
                    progress.clear()
                    print(_exported(f"Exported {_records(count)} to {target}.", profile.folder))
                else:
                    report = write_vault(session=session, folder=Path(target))
                    print(report.sentence(target))
        except VaultRefused as refused:
            _say(str(refused))
            return 1
        except (DatabaseError, sqlite3.DatabaseError, OSError) as error:
            return _export_failed(error, target, progress)
    return 0


def import_command(data_dir: str | None, source: str, *, assume_yes: bool) -> int:
    # The database layer before PySide6 (which the lock check below loads): PySide6 inspects
    # every module imported after it, and the profile's are many (docs/benchmarks.md).
    import desktop.profile  # noqa: F401
    from desktop.ctrl_c import INTERRUPTED, ctrl_c_cancels
    from desktop.store.transfer.cancelling import CANCELLED, CancelSwitch, ImportCancelled
    from desktop.store.transfer.json_import import ImportRejected
    from desktop.store.under_way import IMPORT, under_way

    if _refuse_while_open(
        ProfileFolder(resolve_data_dir(data_dir)), "import from File > Import data… there"
    ):
        return 1
    with opened_profile(data_dir, thorough=False) as profile:
        if profile is None:
            return 1
        folder = profile.folder
        whole = _FullCheck(folder.database)  # runs while the file is read
        try:
            switch = CancelSwitch()
            # Until the outcome is printed: a Ctrl+C just after the commit must not be
            # told as a cancel.
            with (
                under_way(folder.data_dir, IMPORT, str(Path(source).absolute())) as note,
                ctrl_c_cancels(switch),
            ):
                return _import_source(profile, Path(source), assume_yes, whole, switch, note)
        except (ImportCancelled, KeyboardInterrupt):  # Ctrl+C, or at the question
            _say(CANCELLED)
            return INTERRUPTED
        except DatabaseProblem as problem:
            _say(f"{problem}\nNothing was imported. The file has not been changed.")
            return 1
        except ImportRejected as rejected:
            _say(rejected.summary())
            return 1


def _import_source(
    profile: Profile,
    source: Path,
    assume_yes: bool,
    whole: _FullCheck,
    switch: CancelSwitch,
    note: UnderWay,
) -> int:
    """Import a folder of notes or an export file, and say what came of it. Ctrl+C cancels
    it through `switch` (ImportCancelled), except at the question, where it interrupts
    (KeyboardInterrupt)."""
    from desktop.store.transfer.progress_report import quiet
    from desktop.store.transfer.run import import_notes

    folder = profile.folder
    if source.is_dir():
        whole.refuse_damage()
        notes = import_notes(
            engine=profile.engine,
            database=folder.database,
            backups_dir=folder.backups_dir,
            folder=source,
            now=profile.clock(),
            progress=switch.watching(quiet),
            committing=note.committing,
        )
        print(notes.summary())
        _too_late(switch)
        return 0
    plan = _import_file(profile, source, assume_yes, whole, switch, note)
    if plan is None:
        _say("Nothing was imported.")
        return 1
    print(f"Imported: {plan.describe()}.")
    _too_late(switch)
    return 0


def _too_late(switch: CancelSwitch) -> None:
    if switch.cancelled:
        _say("Ctrl+C came after the import was written, so it was not cancelled.")


class _FullCheck:
    """SQLite's full integrity check of the profile on a thread of its own, started as an
    import opens the profile (which took only the quick look), so it runs while the import
    file is read and parsed. refuse_damage() waits for it: called before the import reads
    the profile's tables, so a damaged profile is refused before anything is written."""

    def __init__(self, database: Path) -> None:
        import threading

        from desktop.store.health import IntegrityCheck

        self._found: list[DatabaseProblem | None] = []
        check = IntegrityCheck(database)
        self._thread = threading.Thread(
            target=lambda: self._found.append(check.run()), name="integrity-check", daemon=True
        )
        self._thread.start()

    def refuse_damage(self) -> None:
        """Raise DatabaseProblem if the check found damage."""
        self._thread.join()
        problem = self._found[0] if self._found else None
        if problem is not None:
            raise problem


def _import_file(
    profile: Profile,
    source: Path,
    assume_yes: bool,
    whole: _FullCheck,
    switch: CancelSwitch,
    note: UnderWay,
) -> ImportPlan | None:
    """Read and check the file once, ask if it replaces anything, then back up and write;
    None if the user said no. The file's parsed text is let go once its records are
    checked, so a big file is not held twice. Raises DatabaseProblem if the profile is
    damaged (the full check runs while the file is read)."""
    from desktop.ctrl_c import ctrl_c_interrupts
    from desktop.store.transfer.json_import import read_document
    from desktop.store.transfer.progress_report import READING
    from desktop.store.transfer.run import check_document, write_document

    line = ProgressLine(sys.stderr)
    progress = switch.watching(line)
    try:
        progress(READING, 0, 1)
        document = read_document(source, database=profile.folder.database)
        whole.refuse_damage()
        plan = check_document(engine=profile.engine, document=document, progress=progress)
        line.clear()
        if plan.needs_confirmation:
            with ctrl_c_interrupts():
                if not _ask(f"{plan.question()} Go ahead?", assume_yes):
                    return None
        return write_document(
            engine=profile.engine,
            database=profile.folder.database,
            backups_dir=profile.folder.backups_dir,
            plan=plan,
            now=profile.clock(),
            progress=progress,
            committing=note.committing,
        )
    finally:
        line.clear()
