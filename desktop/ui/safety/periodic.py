"""The 12-hourly backup, made on a worker thread once the window is up (start-up stays quick).

While the window stays open (for days, sometimes) it checks every hour whether a backup is due;
the check only lists the backups folder, so it costs next to nothing.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from desktop.ui.safety.backup_not_made import tell_backup_not_made
from desktop.ui.safety.damage_state import DamageState, set_damage_state

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


FIRST_CHECK_AFTER_MS = 1000  # the first paint never waits for a backup
CHECK_EVERY_MS = 60 * 60 * 1000
_TOLD_DAMAGED = "told_backup_not_kept"


def keep_backing_up(
    window: MainWindow,
    *,
    first_after_ms: int = FIRST_CHECK_AFTER_MS,
    every_ms: int = CHECK_EVERY_MS,
) -> QTimer:
    """Check whether a backup is due shortly after start-up, then every hour while open."""
    timer = QTimer(window)
    timer.setObjectName("periodic-backup")
    latest: list[Future[Any]] = []

    def check() -> None:
        timer.setInterval(every_ms)
        if latest and not latest[0].done():
            return  # the last backup is still being written (a slow disk)
        latest[:] = [back_up_when_due(window)]

    timer.timeout.connect(check)
    timer.start(first_after_ms)
    return timer


def back_up_when_due(window: MainWindow) -> Future[Any]:
    from desktop.store.backup import DamagedCopy, backup_if_due, not_made_text
    from desktop.store.database import session_scope
    from desktop.store.health import failure_text
    from desktop.store.locks import DatabaseLocked
    from desktop.store.settings import load_settings
    from desktop.store.user_data import holds_user_data

    folder = window.context.profile.folder

    def told(error: BaseException) -> None:
        if isinstance(error, DamagedCopy):
            window.statusBar().showMessage(not_made_text(error, automatic=True))
            if not window.property(_TOLD_DAMAGED):  # once per run, not every hour
                window.setProperty(_TOLD_DAMAGED, True)
                set_damage_state(window, DamageState.KNOWN)  # reads need not say it again
                tell_backup_not_made(window, error, automatic=True)
            return
        if isinstance(error, DatabaseLocked):
            window.statusBar().showMessage(
                f"The automatic backup was not made: another program is using "
                f"{folder.database.name} right now. Loopwise tries again within the hour."
            )
            return
        reason = failure_text(error, folder.backups_dir)
        window.statusBar().showMessage(
            f"The automatic backup could not be made: {reason}. Your data itself is fine."
        )

    def done(worth_saying: bool) -> None:
        if worth_saying:
            window.statusBar().showMessage("Your data was backed up.", 5000)

    now = window.context.now()
    engine = window.context.profile.engine

    def back_up() -> bool:
        """Whether a backup was made of something: a new, empty profile's is not news."""
        made = backup_if_due(
            folder.database,
            folder.backups_dir,
            now=now,
            policy=load_settings(folder.settings_file).settings.backups.policy,
        )
        if made is None:
            return False
        with session_scope(engine) as session:
            return holds_user_data(session=session)

    return window.context.workers.run(back_up, done, told, owner=window)
