"""A Loopwise window with a practice session running until it is killed (for the SIGKILL test).

Usage: python -m tests.helpers.session_child DATA_DIR
The session's clock runs 40 minutes ahead within a second (every reading moves it one minute)
and its record is saved every 50 ms instead of every minute, so the test need not wait long.
Prints "running" once the saved record has reached 40 minutes.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.domain.practice import AttemptSubject
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store.running_sessions import running_sessions
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.practice import session_window

SUBJECT = AttemptSubject(
    title="Design a Rate Limiter",
    path_id="backend-senior",
    item_id="design-rate-limiter",
    kind="design",
    target_minutes=45,
)
STARTED = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def main() -> None:
    data_dir = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    readings = iter(range(10_000))

    def now() -> datetime:
        return STARTED + timedelta(minutes=next(readings))

    profile = open_profile(ProfileFolder(data_dir), clock=now)
    settings = QSettings(str(profile.folder.ui_state_file), QSettings.Format.IniFormat)
    window = build_main_window(AppContext(profile, settings))
    window.show()
    session_window.RECORD_EVERY_MS = 50
    session_window.start_session(window.context, SUBJECT, window)

    def report_when_saved() -> None:
        saved = running_sessions(profile.folder.running_sessions_file)
        if saved and saved[0].elapsed_seconds >= 40 * 60:
            print("running", flush=True)
            watcher.stop()

    watcher = QTimer()
    watcher.timeout.connect(report_when_saved)
    watcher.start(20)
    app.exec()


if __name__ == "__main__":
    main()
