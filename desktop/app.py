"""Composition root: paths, database, QApplication, main window. No globals."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

# Before the app's other modules load: PySide would otherwise keep each one's source.
import desktop.ui.module_sources  # noqa: F401
from desktop import APP_ID, __version__
from desktop.clock import Clock, app_clock
from desktop.folders import ProfileFolder, resolve_data_dir
from desktop.profile import Profile, open_profile
from desktop.store.backup import BackupUnusable, sweep_partials
from desktop.store.health import READ_ONLY, DatabaseProblem, move_aside, plain_reason
from desktop.store.locks import DatabaseLocked
from desktop.store.migrate import upgrade_database
from desktop.ui.context import AppContext
from desktop.ui.icons import app_icon
from desktop.ui.single_instance import Claim, SingleInstanceGuard
from desktop.ui.theme import Scheme, apply_theme, follow_system_scheme

if TYPE_CHECKING:
    from desktop.domain.path_file import LoadedPaths
    from desktop.store.quiz_library import LoadedQuizzes
    from desktop.ui.main_window import MainWindow


def create_application(argv: list[str] | None = None, scheme: Scheme | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Loopwise")
    app.setApplicationDisplayName("Loopwise")
    app.setOrganizationName("Loopwise")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # matches packaging/APP_ID.desktop
    app.setWindowIcon(app_icon())
    apply_theme(app, scheme)
    if scheme is None:
        follow_system_scheme(app)
    return app


UNCHANGED = "The file has not been changed."


def open_profile_or_explain(
    folder: ProfileFolder,
    *,
    clock: Clock,
    start_fresh: bool,
    interactive: bool,
    thorough: bool = True,
) -> Profile | None:
    """Open the profile; on a damaged database explain it and, if asked, start fresh beside it.

    While start-up waits for a database another program holds, a window says so (there is
    no main window yet), and the terminal too. With `thorough` False only a quick look is
    taken at the file (see check_database): the caller runs the full check afterwards."""
    notices: list[QWidget] = []

    def note(message: str) -> None:
        _say(message)
        if interactive:
            from desktop.ui.startup import waiting_notice

            notices.append(waiting_notice(message))

    try:
        return _open_or_explain(folder, clock, start_fresh, interactive, note, thorough)
    finally:
        for notice in notices:  # hidden, not closed: a box without buttons refuses to close
            notice.hide()
            notice.deleteLater()


def _open_or_explain(
    folder: ProfileFolder,
    clock: Clock,
    start_fresh: bool,
    interactive: bool,
    note: Callable[[str], None],
    thorough: bool,
) -> Profile | None:
    try:
        return open_profile(folder, clock=clock, note=note, thorough=thorough)
    except DatabaseProblem as problem:
        _say(str(problem))
        if problem.detail:
            _say(f"(In detail: {problem.detail})")
        if not problem.can_start_fresh:
            _say(UNCHANGED)
            if interactive:
                from desktop.ui.startup import tell_cannot_start

                tell_cannot_start(f"{problem}\n\n{UNCHANGED}")
            return None
        from desktop.store.backup import newest_usable_backup

        found, passed_over = newest_usable_backup(folder.backups_dir)
        choice = "fresh" if start_fresh else "quit"
        if not start_fresh and interactive:
            from desktop.ui.startup import ask_about_database_problem

            choice = ask_about_database_problem(problem, found, passed_over).value
        if choice == "quit":
            if problem.missing:
                _say("To start a new, empty profile, run: loopwise --start-fresh")
            else:
                _say(UNCHANGED)
                _say(
                    "To keep it and start a new, empty profile beside it, run: "
                    "loopwise --start-fresh"
                )
            if found is not None:
                _say(
                    f"Or go back to your newest usable backup ({found.describe()}): "
                    f"loopwise restore {found.backup.path.name}"
                )
            return None
        try:
            # A missing file leaves nothing to move aside (and nothing to keep).
            kept = None if problem.missing else move_aside(folder.database, now=clock())
            done = "starting a fresh profile"
            if choice != "restore-backup" or found is None:
                # Made here: beside backups, a missing file is refused by open_profile.
                upgrade_database(folder.database, folder.backups_dir, clock=clock)
            if choice == "restore-backup" and found is not None:
                from desktop.store.backup import restore_backup

                restored = restore_backup(
                    folder.database, found.backup.path, folder.backups_dir, now=clock()
                )
                # Brought up to this version now: its backup as restored is the copy from
                # before the upgrade, which open_profile would otherwise make again.
                upgrade_database(
                    folder.database, folder.backups_dir, clock=clock, copied=restored.as_restored
                )
                done = f"restored the backup {found.backup.path.name}"
            if kept is not None:
                _say(f"Your old database was moved aside to {kept} and kept unchanged; {done}.")
            else:
                _say(f"{done[0].upper()}{done[1:]}.")
            return open_profile(folder, clock=clock, note=note)
        except (OSError, DatabaseProblem, BackupUnusable, DatabaseLocked) as second:
            _say(f"Loopwise could not recover either: {second}")
            if interactive:
                from desktop.ui.startup import tell_cannot_start

                tell_cannot_start(f"Loopwise could not recover: {second}")
            return None
    except OSError as error:
        reason = plain_reason(error, folder.data_dir)
        message = f"Loopwise cannot use its data folder {folder.data_dir}: {reason}."
        _say(message)
        if interactive:
            from desktop.ui.startup import tell_cannot_start

            tell_cannot_start(message)
        return None


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class _FirstPaintQuitter(QObject):
    """Quits the app once the window has painted: the end of start-up, for the benchmark."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


class _ReadDataFilesAfterFirstPaint(QObject):
    """Reads the path and quiz files on the turn after the window's first paint, ahead of
    the page it opened on (queued first, from the window's own paint), so files that are
    skipped are printed at start-up whichever page opens, not when the Learning path is
    first built. Reading them takes a few tens of ms: after the paint, not before it."""

    def __init__(self, window: QWidget, profile: Profile) -> None:
        super().__init__(window)
        self._window = window
        self._profile = profile
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._read)
        return False

    def _read(self) -> None:
        self._profile.library  # noqa: B018 (reading is the point: the hooks print)
        self._profile.quizzes  # noqa: B018


def run_gui(*, data_dir: str | None, exit_after_startup: bool, start_fresh: bool) -> int:
    folder = ProfileFolder(resolve_data_dir(data_dir))
    app = create_application()
    interactive = not exit_after_startup and os.environ.get("QT_QPA_PLATFORM") != "offscreen"
    try:
        folder.ensure()
    except OSError as error:
        message = (
            f"Loopwise cannot use its data folder {folder.data_dir}: "
            f"{plain_reason(error, folder.data_dir)}. Choose another folder with --data-dir."
        )
        print(message, file=sys.stderr)
        if interactive:
            from desktop.ui.startup import tell_cannot_start

            tell_cannot_start(message)
        return 1
    try:
        return _run_window(folder, app, interactive, exit_after_startup, start_fresh)
    finally:
        gc.enable()  # whichever way start-up ended (cli.py turned the collector off)


def _run_window(
    folder: ProfileFolder,
    app: QApplication,
    interactive: bool,
    exit_after_startup: bool,
    start_fresh: bool,
) -> int:
    guard = SingleInstanceGuard(folder, note=_say)
    claim = guard.claim()
    if claim is Claim.RAISED_OTHER:
        print("Loopwise is already open with this data folder; its window was brought forward.")
        return 0
    if claim is not Claim.OWNER:
        message = _claim_problem(claim, guard, folder)
        _say(message)
        if interactive:
            from desktop.ui.startup import tell_already_running, tell_cannot_start

            if claim is Claim.HELD_ELSEWHERE or claim is Claim.OTHER_HOST:
                tell_already_running(message)
            else:
                tell_cannot_start(message)
        return 1
    try:
        # Only the owner of the data folder sweeps at start; a partial that a command-line
        # backup is writing right now is held by it and left alone.
        sweep_partials(folder.backups_dir)
        # A quick look before the window; the full integrity check runs once it is up.
        profile = open_profile_or_explain(
            folder,
            clock=app_clock(),
            start_fresh=start_fresh,
            interactive=interactive,
            thorough=False,
        )
        if profile is None:
            return 2

        if interactive:
            from desktop.ui.startup import report_unexpected_errors

            report_unexpected_errors()
        context = AppContext.for_profile(profile)
        # The path and quiz files are read right after the first paint, before any page is
        # built (see show_main_window); these print the files skipped then.
        profile.library_read = report_skipped_path_files
        profile.quizzes_read = report_skipped_quiz_files
        window = show_main_window(
            context,
            offer_recovery=not exit_after_startup,
            # A start that quits at its first paint (the benchmark's, the start-up tests')
            # would otherwise read the files in the turn before it quits.
            read_files_after_paint=not exit_after_startup,
        )
        settle_start_up_objects()
        guard.raise_requested.connect(window.bring_to_front)
        if exit_after_startup:
            quitter = _FirstPaintQuitter(window)
            window.installEventFilter(quitter)
        code = app.exec()
        context.workers.shut_down()
        profile.close()
        return code
    finally:
        guard.release()


def report_skipped_path_files(library: LoadedPaths) -> None:
    """Path files that could not be used, on the terminal (the page shows them too)."""
    for problem in library.errors:
        print(f"Skipped a path file: {problem}", file=sys.stderr)


def report_skipped_quiz_files(quizzes: LoadedQuizzes) -> None:
    """Quiz files that could not be used, on the terminal, as path files are."""
    for problem in quizzes.errors:
        print(f"Skipped a quiz file: {problem}", file=sys.stderr)


def settle_start_up_objects() -> None:
    """Take what start-up made out of the cycle collector's way, then turn it back on.

    The modules, classes and window made at start-up live as long as the app; collecting
    while they were made, and walking them again in every later full collection and at
    exit, cost about a fifth of start-up's CPU time. Frozen, they are never walked again
    (the few hundred kilobytes of start-up garbage among them are never freed)."""
    gc.freeze()
    gc.enable()


def _claim_problem(claim: Claim, guard: SingleInstanceGuard, folder: ProfileFolder) -> str:
    """Why this start cannot have the data folder, and what to do about it."""
    if claim is Claim.CANNOT_WRITE:
        return (
            f"Loopwise cannot use the data folder {folder.data_dir}: {READ_ONLY}. "
            "Loopwise needs to save your work there. Make the folder writable, or use "
            "--data-dir to choose another one (a copy of this folder works too)."
        )
    if claim is Claim.DISK_FULL:
        return (
            f"Loopwise cannot start: the disk holding {folder.data_dir} is full, and Loopwise "
            "needs to save your work there. Free some space and start Loopwise again."
        )
    if claim is Claim.CANNOT_LOCK:
        return (
            f"Loopwise cannot start: its lock file {folder.lock_file} {guard.lock_problem}. "
            "Check the folder, or use --data-dir to choose another one."
        )
    if claim is Claim.OTHER_HOST:
        return (
            f"The data folder {folder.data_dir} is in use by Loopwise on another computer, "
            f"{guard.other_host} (process {guard.other_pid}): it looks like a folder that is "
            f"synced or shared between computers. Close Loopwise on {guard.other_host} and let "
            "the folder finish syncing, then start again. If Loopwise is not running there, "
            f"delete {folder.lock_file} and start again."
        )
    owner = f" (process {guard.other_pid})" if guard.other_pid else ""
    return (
        f"Loopwise is already running with the data folder {folder.data_dir}{owner}, "
        "and did not answer (it may be busy or not responding). Close that window first, "
        "or use --data-dir to open another profile."
    )


def show_main_window(
    context: AppContext, *, offer_recovery: bool, read_files_after_paint: bool = True
) -> MainWindow:
    """Build and show the window; then, once it is up, check the whole database file on a
    worker thread (start-up only took a quick look), offer any practice session a crash
    left running (its code loads then, not before the first paint), start the backups,
    load the pages' code on a worker and, a little later, empty the trash of what was
    deleted more than 30 days ago."""
    from desktop.ui.page_code import load_page_code_later
    from desktop.ui.pages import build_main_window
    from desktop.ui.safety.integrity_watch import check_after_first_paint
    from desktop.ui.safety.periodic import keep_backing_up

    window = build_main_window(context)
    if read_files_after_paint:
        _ReadDataFilesAfterFirstPaint(window, context.profile)
    window.show()
    check_after_first_paint(window)
    QTimer.singleShot(0, lambda: _tell_settings_problem(window))
    if offer_recovery:
        QTimer.singleShot(0, lambda: _offer_unfinished_sessions(context, window))
        QTimer.singleShot(0, lambda: _tell_unfinished_work(window))
    keep_backing_up(window)  # every 12 hours, for as long as the window stays open
    load_page_code_later(context.workers, window)  # so a first click only builds its page
    QTimer.singleShot(EMPTY_TRASH_AFTER_MS, window, lambda: _empty_old_trash(window))
    return window


# Once the first pages are built and the whole-file check is under way: nobody waits for it.
EMPTY_TRASH_AFTER_MS = 10_000


def _empty_old_trash(window: MainWindow) -> None:
    from desktop.ui.safety.trash_after_start import empty_trash  # the story tables load then

    empty_trash(window)


def _offer_unfinished_sessions(context: AppContext, window: QWidget) -> None:
    from desktop.ui.practice.unfinished import offer_unfinished_sessions

    offer_unfinished_sessions(context, window)


def _tell_settings_problem(window: MainWindow) -> None:
    from desktop.ui.safety.settings_notice import tell_settings_problem

    tell_settings_problem(window)


def _tell_unfinished_work(window: MainWindow) -> None:
    from desktop.ui.safety.unfinished_work import tell_unfinished_work

    tell_unfinished_work(window)
