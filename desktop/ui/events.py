"""Change signals: after a commit, views that show the changed data re-read it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal


class ChangeBus(QObject):
    progress_changed = Signal(str)  # path id
    paths_changed = Signal()
    journal_changed = Signal()
    sessions_changed = Signal()
    open_journal_entry = Signal(int)  # entry id: show it on the journal page
    open_attempt = Signal(int)  # attempt id: show it in the practice log
    stories_changed = Signal()
    plan_changed = Signal()
    mocks_changed = Signal()
    open_mock_interview = Signal(int)  # mock interview id: open it on the Plan page
    plan_focus_requested = Signal(str, str)  # taxonomy tag id, label: plan practice on it

    def emit_all_data_changed(self, path_ids: Iterable[str]) -> None:
        """Every view re-reads: the whole database changed under it (a restore or an import).

        Every data signal is listed here, so a view added later is not left showing old data.
        """
        for path_id in path_ids:
            self.progress_changed.emit(path_id)
        for signal in (
            self.paths_changed,
            self.journal_changed,
            self.sessions_changed,
            self.stories_changed,
            self.plan_changed,
            self.mocks_changed,
        ):
            signal.emit()
