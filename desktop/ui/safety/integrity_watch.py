"""The full integrity check of the open database, on a worker thread once the window is up.

Start-up only takes a quick look at the file (its header and schema), so the first paint does
not wait for a read of the whole file, which grows with years of use. Damage found here gets
the question damage found at start-up gets: go back to the newest usable backup, start a fresh
profile, or quit. Whichever is chosen, the damaged file is kept, renamed, never changed.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

from desktop.store.backup import BackupUnusable, Judged, newest_usable_backup
from desktop.store.health import DatabaseProblem, IntegrityCheck
from desktop.store.locks import DatabaseLocked
from desktop.ui.lazy_page import LazyPage
from desktop.ui.safety.damage_state import DamageState, damage_state, set_damage_state
from desktop.ui.widgets import dialogs

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

BUSY_WAIT_SECONDS = 30


@dataclass(frozen=True)
class Damage:
    problem: DatabaseProblem
    found: Judged | None  # the newest backup that can be restored
    passed_over: list[Judged]  # newer ones that cannot


# If the page on show at the first paint is not built by then (the user left it first), the
# check starts anyway.
LATEST_START_MS = 3000


def check_after_first_paint(window: MainWindow) -> None:
    """Start the check once the window has painted and the page it opened on has been built
    (that page is built after the first paint): neither shares the machine with it.

    From now until the check is done, a page whose read fails on damage leaves the telling
    to it: the first page's own read may well fail before the check begins."""
    set_damage_state(window, DamageState.CHECKING)
    _AfterFirstPaint(window)


class _AfterFirstPaint(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._started = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            front = self._window.stack.currentWidget()
            if isinstance(front, LazyPage) and not front.built:
                front.built_now.connect(self._start_soon)
                QTimer.singleShot(LATEST_START_MS, self, self._start)
            else:
                self._start_soon()
        return False

    def _start_soon(self) -> None:
        QTimer.singleShot(0, self, self._start)

    def _start(self) -> None:
        if not self._started:
            self._started = True
            check_whole_database(self._window)


def check_whole_database(window: MainWindow) -> Future[Any]:
    """Start the check; the user hears of it only if it finds damage. Quitting stops it."""
    folder = window.context.profile.folder
    check = IntegrityCheck(folder.database)
    application = QCoreApplication.instance()
    if application is not None:
        application.aboutToQuit.connect(check.cancel)
    window.destroyed.connect(check.cancel)

    def work() -> Damage | None:
        problem = check.run()
        if problem is None:
            return None
        found, passed_over = newest_usable_backup(folder.backups_dir)  # each one is checked
        return Damage(problem, found, passed_over)

    def done(damage: Damage | None) -> None:
        if damage is not None:
            offer_recovery(window, damage)
        else:
            set_damage_state(window, DamageState.UNKNOWN)

    def failed(_error: BaseException) -> None:
        set_damage_state(window, DamageState.UNKNOWN)  # reads may speak for themselves again

    if damage_state(window) is DamageState.UNKNOWN:  # a read's own box may have said it
        set_damage_state(window, DamageState.CHECKING)
    return window.context.workers.run(work, done, failed, owner=window)


def offer_recovery(window: MainWindow, damage: Damage) -> None:
    from desktop.ui.startup import Recovery, ask_about_database_problem

    set_damage_state(window, DamageState.KNOWN)  # reads failing on it now stay quiet
    window.statusBar().showMessage(str(damage.problem))
    choice = ask_about_database_problem(damage.problem, damage.found, damage.passed_over, window)
    if choice is Recovery.QUIT:
        window.close()
        return
    try:
        if choice is Recovery.RESTORE_BACKUP and damage.found is not None:
            _restore(window, damage.found)
        else:
            _start_fresh(window)
        set_damage_state(window, DamageState.UNKNOWN)  # the data open now is whole
    except (OSError, DatabaseProblem, TimeoutError, BackupUnusable, DatabaseLocked) as error:
        dialogs.tell_problem(window, "Not recovered", f"Nothing was changed: {error}")


def _restore(window: MainWindow, found: Judged) -> None:
    from desktop.ui.safety.backups_dialog import restore_into_running_app
    from desktop.ui.startup import backup_time_text

    restore_into_running_app(window, found.backup)
    when = backup_time_text(found.backup.taken_at)
    message = (
        f"Your data is back as it was on {when}. The damaged file was renamed and kept beside it."
    )
    window.statusBar().showMessage(message)
    dialogs.tell(window, "Restored", message)


def _start_fresh(window: MainWindow) -> None:
    from desktop.ui.safety.reopen import reread_everything

    for page in window.pages:
        page.flush()
    if not window.context.workers.wait_until_idle(BUSY_WAIT_SECONDS):
        raise TimeoutError("Loopwise is still busy reading your data. Try again in a moment.")
    try:
        kept = window.context.profile.start_fresh()
    finally:
        reread_everything(window)
    message = (
        f"Your old database was moved aside to {kept} and kept unchanged; this is a fresh profile."
    )
    window.statusBar().showMessage(message)
    dialogs.tell(window, "Fresh profile", message)
