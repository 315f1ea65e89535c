"""Change signals: after a commit, views that show the changed data re-read it."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.store.changes import EVERYTHING, Area, Changes


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
    # Taxonomy tag id, label, and the Practice its Trends row names first: plan practice on it.
    plan_focus_requested = Signal(str, str, object)

    def announce(self, changes: Changes, path_ids: frozenset[str] = frozenset()) -> None:
        """Emit the signals for what a committed write changed (and nothing else).

        `path_ids` are the learning paths to name when the changes do not say which path's
        progress moved (a whole profile replaced by a restore or an import).
        """
        if Area.PROGRESS in changes.areas:
            for path_id in sorted(changes.path_ids or path_ids):
                self.progress_changed.emit(path_id)
        signals = {
            Area.PRACTICE: self.sessions_changed,
            Area.JOURNAL: self.journal_changed,
            Area.STORIES: self.stories_changed,
            Area.PLAN: self.plan_changed,
            Area.MOCKS: self.mocks_changed,
        }
        for area, signal in signals.items():
            if area in changes.areas:
                signal.emit()

    def emit_all_data_changed(self, path_ids: frozenset[str]) -> None:
        """Every view re-reads: the whole database changed under it (a restore or an import)."""
        self.paths_changed.emit()
        self.announce(EVERYTHING, path_ids)
