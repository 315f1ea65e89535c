"""Subcommands for backups, restore, export and import: work without a window."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.paths import AppPaths, resolve_data_dir
from desktop.store.health import DatabaseProblem

if TYPE_CHECKING:
    from collections.abc import Iterator

    from desktop.profile import Profile
    from desktop.store.transfer.json_import import ImportPlan


def _say(message: str) -> None:
    print(message, file=sys.stderr)


@contextmanager
def _opened(data_dir: str | None) -> Iterator[Profile | None]:
    from desktop.profile import open_profile

    app_paths = AppPaths(resolve_data_dir(data_dir))
    try:
        profile = open_profile(app_paths)
    except DatabaseProblem as problem:
        _say(f"{problem}\nThe file has not been changed.")
        yield None
        return
    except OSError as error:
        _say(f"Loopwise cannot use its data folder {app_paths.data_dir}: {error.strerror}.")
        yield None
        return
    try:
        yield profile
    finally:
        profile.close()


def _app_is_open(app_paths: AppPaths) -> bool:
    """True while the app holds this data folder: a restore under it would lose its writes."""
    if not app_paths.lock_file.exists():
        return False
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(app_paths.lock_file))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        lock.unlock()
        return False
    return True


def _ask(question: str, assume_yes: bool) -> bool:
    if assume_yes:
        return True
    if not sys.stdin.isatty():
        _say(f"{question} Run again with --yes to go ahead.")
        return False
    answer = input(f"{question} [y/N] ")
    return answer.strip().lower() in {"y", "yes"}


def backup_command(data_dir: str | None) -> int:
    from desktop.store.backup import backup_database, read_thinning_policy, thin_backups

    app_paths = AppPaths(resolve_data_dir(data_dir))
    if not app_paths.database.exists():
        _say(f"There is no Loopwise database in {app_paths.data_dir} yet: nothing to back up.")
        return 1
    try:
        made = backup_database(app_paths.database, app_paths.backups_dir, "manual")
        thin_backups(app_paths.backups_dir, policy=read_thinning_policy(app_paths.ui_state_file))
    except (OSError, ValueError) as error:
        _say(f"The backup could not be made: {error}")
        return 1
    print(f"Backed up to {made}")
    return 0


def restore_command(data_dir: str | None, which: str | None, *, assume_yes: bool) -> int:
    from desktop.store.backup import BackupUnusable, list_backups, restore_backup

    app_paths = AppPaths(resolve_data_dir(data_dir))
    backups = list_backups(app_paths.backups_dir)
    if which is None:
        if not backups:
            print(f"There are no backups in {app_paths.backups_dir} yet.")
            return 0
        for backup in backups:
            print(f"{_when(backup.taken_at)}  {backup.name.reason_label:<28} {backup.path.name}")
        print("Restore one with: loopwise restore NAME")
        return 0
    chosen = next((b.path for b in backups if which in (b.path.name, str(b.path))), None)
    path = chosen or Path(which)
    if _app_is_open(app_paths):
        _say("Loopwise is open with this data folder. Close it, or restore from File > Backups.")
        return 1
    if not _ask(
        f"Replace your current data with the backup {path.name}? "
        "(Your current data is backed up first.)",
        assume_yes,
    ):
        return 1
    try:
        kept = restore_backup(app_paths.database, path, app_paths.backups_dir)
    except BackupUnusable as error:
        _say(f"Nothing was restored. {error}")
        return 1
    except OSError as error:
        _say(f"Nothing was restored: {error}")
        return 1
    where = f" Your data as it was is in {kept}." if kept else ""
    print(f"Restored {path.name}.{where}")
    return 0


def _when(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def export_command(data_dir: str | None, file_format: str, target: str) -> int:
    from desktop.store.database import session_scope
    from desktop.store.transfer.json_export import write_export
    from desktop.store.transfer.markdown_export import write_vault
    from desktop.store.transfer.vault_folder import VaultRefused

    with _opened(data_dir) as profile:
        if profile is None:
            return 1
        try:
            with session_scope(profile.engine) as session:
                if file_format == "json":
                    count = write_export(
                        session=session, target=Path(target), now=datetime.now(UTC)
                    )
                    print(f"Exported {count} records to {target}")
                else:
                    report = write_vault(session=session, folder=Path(target))
                    print(report.sentence(target))
        except VaultRefused as refused:
            _say(str(refused))
            return 1
        except OSError as error:
            _say(f"The export could not be written: {error.strerror or error} ({target}).")
            return 1
    return 0


def import_command(data_dir: str | None, source: str, *, assume_yes: bool) -> int:
    from desktop.store.transfer.json_import import ImportRejected, read_document
    from desktop.store.transfer.run import import_document, import_notes

    with _opened(data_dir) as profile:
        if profile is None:
            return 1
        paths = profile.paths
        try:
            if Path(source).is_dir():
                notes = import_notes(
                    engine=profile.engine,
                    database=paths.database,
                    backups_dir=paths.backups_dir,
                    folder=Path(source),
                    now=datetime.now(UTC),
                )
                print(notes.summary())
                return 0
            document = read_document(Path(source))
            plan = import_document(
                engine=profile.engine,
                database=paths.database,
                backups_dir=paths.backups_dir,
                document=document,
                confirm=_confirm_replacing(assume_yes),
            )
        except ImportRejected as rejected:
            _say(rejected.summary())
            return 1
        if plan is None:
            _say("Nothing was imported.")
            return 1
        print(f"Imported: {plan.describe()}.")
        return 0


def _confirm_replacing(assume_yes: bool) -> Callable[[ImportPlan], bool]:
    def confirm(plan: ImportPlan) -> bool:
        return _ask(f"{plan.question()} Go ahead?", assume_yes)

    return confirm
