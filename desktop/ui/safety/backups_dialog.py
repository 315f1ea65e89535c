"""File > Backups…: the backups with their date, reason and size; restore or delete one."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.backup import (
    Backup,
    BackupUnusable,
    DamagedCopy,
    backup_database,
    delete_backup,
    list_backups,
)
from desktop.store.backup_check import Verdict
from desktop.store.backup_verdicts import judge_with_cache
from desktop.store.health import DatabaseProblem, failure_text
from desktop.store.locks import DatabaseLocked
from desktop.store.settings import (
    BackupSettings,
    load_settings,
    unusable_copy_name,
    update_settings,
)
from desktop.ui import window_keys
from desktop.ui.focus_guard import FocusGuard
from desktop.ui.safety.backup_not_made import tell_backup_not_made
from desktop.ui.safety.reopen import reread_everything
from desktop.ui.safety.restore_from_file import restore_from_file
from desktop.ui.startup import backup_time_text
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.file_problems import FileProblemsNote, listed
from desktop.ui.widgets.tables import align_headers_with_cells, tab_leaves

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def size_text(size: int) -> str:
    if size == 0:
        return "0 bytes"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def backup_times(backups: Sequence[Backup]) -> dict[Path, str]:
    """Each backup's time as the list names it: to the minute, as every time in the app, and
    to the second where two backups share a minute and would otherwise look alike."""
    minutes = {backup.path: backup_time_text(backup.taken_at) for backup in backups}
    shared = Counter(minutes.values())
    return {
        backup.path: backup_time_text(backup.taken_at, seconds=True)
        if shared[minutes[backup.path]] > 1
        else minutes[backup.path]
        for backup in backups
    }


# Wide enough that what a backup holds ("3,650 journal entries, 20,000 sessions, 60 stories,
# 4,160 plan items, last entry 4 Dec") takes one line beside the longest date and reason, and
# no more than two on the smallest screen.
WIDEST = 900
HEIGHT = 520


def first_size(window: QWidget) -> QSize:
    """The dialog's size when it opens: as wide as WIDEST where the screen has room."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    return QSize(min(WIDEST, room.width() - 40), min(HEIGHT, room.height() - 60))


class BackupsDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        self.setWindowTitle("Backups")
        self.setAccessibleName("Backups")
        self.resize(first_size(window))
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        folder = window.context.profile.folder.backups_dir
        intro = QLabel(
            "Loopwise backs up your data every 12 hours while you use it, and before every "
            f"upgrade, import and restore. They are kept in {folder}. A file there that "
            "cannot be restored is listed with the reason, and deleted after a day."
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        layout.addLayout(self._build_thinning())
        # A settings file that could not be used, told as Preferences tells it: the numbers
        # above are the defaults because of it.
        self.file_problems: FileProblemsNote | None = None
        if self.loaded_error is not None:
            kept_as = unusable_copy_name(self.window_.context.profile.folder.settings_file)
            self.file_problems = FileProblemsNote(
                "Your saved settings could not be read, so the numbers above are the "
                "defaults. Changing one saves a new settings file; this one is kept beside "
                f"it as {kept_as.name}.",
                self.loaded_error.file,
                listed(self.loaded_error),
                most_lines=6,
                folder=self.window_.context.profile.folder.data_dir,
            )
            layout.addWidget(self.file_problems)
        self.settings_problem = QLabel()
        self.settings_problem.setWordWrap(True)
        self.settings_problem.setAccessibleName("Problem with the backup settings")
        layout.addWidget(self.settings_problem)
        self._show_settings_problem(None)
        self.table = QTableWidget(0, 4)
        self.table.setAccessibleName("Backups, newest first")
        self.table.setHorizontalHeaderLabels(["Date", "Reason", "Holds", "Size"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        align_headers_with_cells(self.table)
        tab_leaves(self.table)
        size_title = QTableWidgetItem("Size")  # over the sizes, as they are aligned
        size_title.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setHorizontalHeaderItem(3, size_title)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # A damaged backup's reason wraps in its row rather than ending in "…".
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table, 1)
        # The chosen backup in full: when, why it was made, and what it holds or why it
        # cannot be restored.
        self.details = QLabel()
        self.details.setAccessibleName("The chosen backup")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.details)
        self.empty = QLabel("No backups yet. Use “Back up now” to make one.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.empty, 1)  # in the table's place, so the rest stays together
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.back_up_button = QPushButton("&Back up now")
        self.restore_button = QPushButton("&Restore…")
        self.delete_button = QPushButton("&Delete…")
        self.from_file_button = QPushButton("Restore from a &file…")
        self.from_file_button.setToolTip("Restore a backup or database file kept elsewhere")
        buttons.addButton(self.back_up_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.from_file_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        # Enter must never write or ask to: only Close answers to it. (A dialog's push
        # buttons are "auto default", so Enter on the list clicked Back up now.)
        actions = (self.back_up_button, self.restore_button, self.from_file_button)
        for button in (*actions, self.delete_button):
            button.setAutoDefault(False)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.from_file_button.clicked.connect(lambda: restore_from_file(self))
        self.delete_button.clicked.connect(self.delete_selected)
        # The Delete key on the list asks the same question as the button.
        window_keys.bind_to(self.table, window_keys.DELETE_BACKUP, self.delete_button.click)
        # The rows grow as what they hold comes in, and the list shrinks as the details
        # below it wrap: the chosen backup is kept in view through both.
        self.table.verticalScrollBar().rangeChanged.connect(lambda *_range: self._keep_in_view())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemSelectionChanged.connect(self._show_details)
        self.table.doubleClicked.connect(lambda _index: self.restore_selected())
        layout.addWidget(buttons)
        self.backups: list[Backup] = []
        self.times: dict[Path, str] = {}  # each backup's time as the list shows it
        # Why each backup that cannot be restored cannot be; None until the check is back.
        self.damaged: dict[Path, str] | None = None
        self.holds: dict[Path, str] = {}  # what each usable backup holds, once checked
        self.reload()
        self.table.setFocus()  # the arrow keys choose a backup straight away
        # Back up now turns itself off while it works: the keys go back to the list, not on
        # to Restore, where a second Space would start a restore.
        FocusGuard(self, lambda _left: self.table)

    def _build_thinning(self) -> QHBoxLayout:
        """Keep every backup for N days, then one a day up to M days, then one a week."""
        loaded = load_settings(self.window_.context.profile.folder.settings_file)
        self.loaded_error = loaded.error
        policy = loaded.settings.backups.policy
        row = QHBoxLayout()
        self.keep_all_days = QSpinBox()
        self.keep_all_days.setRange(0, 365)
        self.keep_all_days.setValue(policy.keep_all_days)
        self.keep_all_days.setAccessibleName("Keep every backup for this many days")
        self.daily_days = QSpinBox()
        self.daily_days.setRange(0, 3650)
        self.daily_days.setValue(policy.daily_days)
        self.daily_days.setAccessibleName("Then keep one a day up to this many days")
        for widget in (
            QLabel("Keep every backup for"), self.keep_all_days,
            QLabel("days, then one a day up to"), self.daily_days,
            QLabel("days, then one a week."),
        ):  # fmt: skip
            row.addWidget(widget)
        row.addStretch(1)
        self.keep_all_days.valueChanged.connect(self._save_thinning)
        self.daily_days.valueChanged.connect(self._save_thinning)
        return row

    def _save_thinning(self) -> None:
        path = self.window_.context.profile.folder.settings_file
        backups = BackupSettings(
            keep_all_days=self.keep_all_days.value(), daily_days=self.daily_days.value()
        )
        try:
            update_settings(path, backups=backups)  # keeps an unusable file beside the new
        except OSError as error:
            reason = (error.strerror or str(error)).lower()
            self._show_settings_problem(f"Your choice could not be saved: {reason}.")
        else:
            self._show_settings_problem(None)
            if self.file_problems is not None:
                self.file_problems.hide()  # a new settings file now stands

    def _show_settings_problem(self, problem: str | None) -> None:
        self.settings_problem.setText(problem or "")
        self.settings_problem.setVisible(problem is not None)

    def reload(self, chosen: Path | None = None, near: int = 0) -> None:
        """List the backups again, with `chosen` selected if it is listed (else the row
        `near`, or the last): the choice stays where the user left it."""
        self.backups = list_backups(self.window_.context.profile.folder.backups_dir)
        self.times = backup_times(self.backups)
        self.damaged = None  # not known until the check below is back
        self.table.setRowCount(len(self.backups))
        for row, backup in enumerate(self.backups):
            cells = (
                self.times[backup.path],
                backup.name.reason_label,
                "Checking…",
                size_text(backup.size),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(1)
        self.table.setVisible(bool(self.backups))
        self.empty.setVisible(not self.backups)
        if self.backups:
            paths = [b.path for b in self.backups]
            chosen_row = paths.index(chosen) if chosen in paths else min(near, len(paths) - 1)
            self.table.selectRow(chosen_row)
            self._keep_in_view()
        self._update_buttons()
        self._show_details()
        self.checks = self._check_backups([b.path for b in self.backups])

    def _check_backups(self, paths: list[Path]) -> Future[Any]:
        """Check the backups off the UI thread: a new or changed one is read whole, the rest
        come from the verdicts remembered beside the backups."""
        folder = self._folder()
        return self.window_.context.workers.run(
            lambda: judge_with_cache(folder, paths),
            self._show_verdicts,
            owner=self,
        )

    def _show_verdicts(self, verdicts: dict[Path, Verdict]) -> None:
        if [b.path for b in self.backups] != [b.path for b in list_backups(self._folder())]:
            return  # the list changed meanwhile; its own check is on the way
        self.damaged = {
            path: verdict.problem for path, verdict in verdicts.items() if verdict.problem
        }
        for row, backup in enumerate(self.backups):
            verdict = verdicts.get(backup.path)
            holds = self.table.item(row, 2)
            if verdict is None or holds is None:
                continue
            if verdict.contents is not None:
                holds.setText(verdict.contents.describe(backup.taken_at.date()))
                self.holds[backup.path] = holds.text()
                continue
            holds.setText(f"Cannot be restored: {verdict.problem}")
            holds.setToolTip(f"{backup.path.name}: {verdict.problem}.")
        self._update_buttons()
        self._show_details()

    def _keep_in_view(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.table.scrollTo(rows[0])

    def _show_details(self) -> None:
        backup = self.selected()
        self.details.setVisible(backup is not None)
        if backup is None:
            return
        if self.damaged is not None and backup.path in self.damaged:
            what = f"cannot be restored: {self.damaged[backup.path]}."
        elif backup.path in self.holds:
            what = f"holds {self.holds[backup.path]}."
        else:
            what = "checking what it holds…"
        reason = backup.name.reason_label
        self.details.setText(f"{self.times[backup.path]} ({reason}): {what}")

    def _folder(self) -> Path:
        return self.window_.context.profile.folder.backups_dir

    def _update_buttons(self) -> None:
        selected = self.selected()
        usable = selected is not None and (
            self.damaged is None or selected.path not in self.damaged
        )
        self.restore_button.setEnabled(usable)
        # Once the check is back: the question says what the backup holds, or why it is
        # unusable, and whether it is the only one that can be restored.
        self.delete_button.setEnabled(selected is not None and self.damaged is not None)

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def back_up_now(self) -> Future[Any]:
        """Copy and check the database on a worker thread (a large one takes a moment)."""
        folder = self.window_.context.profile.folder
        self.back_up_button.setEnabled(False)

        def made(_path: Path) -> None:
            self.back_up_button.setEnabled(True)
            self.reload()

        def failed(error: BaseException) -> None:
            self.back_up_button.setEnabled(True)
            if isinstance(error, DamagedCopy):
                tell_backup_not_made(self, error, automatic=False)
            elif isinstance(error, DatabaseLocked):
                dialogs.tell_problem(self, "Backup not made", f"The backup was not made: {error}.")
            elif isinstance(error, (OSError, ValueError, sqlite3.Error)):
                reason = failure_text(error, folder.backups_dir)
                dialogs.tell_problem(
                    self, "Backup not made", f"The backup could not be made: {reason}."
                )
            else:
                raise error
            self.reload()

        now = self.window_.context.now()
        return self.window_.context.workers.run(
            lambda: backup_database(folder.database, folder.backups_dir, "manual", now=now),
            made,
            failed,
            owner=self,
        )

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        when = self.times[backup.path]
        holds = self.holds.get(backup.path)
        what = f" ({holds})" if holds else ""
        if not dialogs.confirm(
            self,
            "Restore this backup?",
            f"Your data will be replaced by the backup from {when}{what}. Your data as it is now "
            "is backed up first, so you can come back to it from this list.",
            "Restore",
        ):
            return
        self.restore_path(backup.path, f"Your data is back as it was on {when}.")

    def restore_path(self, source: Path, done: str) -> None:
        """Restore `source` into the running app and say how it went (`done` on success).
        The list stays on the backup restored: two new ones come in above it."""
        listed = {backup.path for backup in self.backups}
        try:
            restore_file_into_running_app(self.window_, source)
        except DatabaseLocked as locked:
            self.reload(chosen=source)
            dialogs.tell_problem(self, "Not restored", f"Nothing was restored: {locked}.")
        except (BackupUnusable, DatabaseProblem, OSError) as error:
            self.reload(chosen=source)
            dialogs.tell_problem(self, "Not restored", f"Nothing was restored. {error}")
        else:
            self.reload(chosen=source)  # the list behind the message is already the new one
            added = {b.name.reason for b in self.backups if b.path not in listed}
            kept = f" {KEPT_BEFORE_RESTORE}" if "before-restore" in added else ""
            dialogs.tell(self, "Restored", f"{done}{kept}")

    def delete_selected(self) -> None:
        """Delete the chosen backup after a question naming it; deleting the only backup
        that can be restored is said plainly first."""
        backup = self.selected()
        if backup is None:
            return
        when = self.times[backup.path]
        if self.damaged is not None and backup.path in self.damaged:
            what = f"It cannot be restored ({self.damaged[backup.path]})."
        else:
            holds = self.holds.get(backup.path)
            what = f"It holds {holds}." if holds else ""
            others = [b for b in self.backups if b.path != backup.path]
            if not any(b.path not in (self.damaged or {}) for b in others):
                what += (
                    " It is the only backup that can be restored: without it, there is no "
                    "way back to your data if the database is damaged. Use “Back up now” "
                    "first if you want to keep one."
                )
        question = f"Delete the backup from {when} ({backup.path.name})? {what}".strip()
        if not dialogs.confirm(self, "Delete this backup?", question, "Delete"):
            return
        near = self.backups.index(backup)
        try:
            delete_backup(backup.path)
        except OSError as error:
            reason = failure_text(error, self._folder())
            dialogs.tell_problem(self, "Not deleted", f"The backup was not deleted: {reason}.")
        self.reload(chosen=backup.path, near=near)  # the next one down, once it is gone


RESTORE_WAITS_SECONDS = 30
# Said with a restore's outcome: the list now holds the data the user left.
KEPT_BEFORE_RESTORE = (
    "Your data as it was just before is kept in this list as the backup “Before a restore”."
)


def restore_into_running_app(window: MainWindow, backup: Backup) -> None:
    restore_file_into_running_app(window, backup.path)


def restore_file_into_running_app(window: MainWindow, source: Path) -> None:
    """Close the database, put the file in its place, open it again, re-read every view."""
    for page in window.pages:
        page.flush()  # what is being typed goes into the backup taken before the restore
    if not window.context.workers.wait_until_idle(RESTORE_WAITS_SECONDS):
        # A worker still reads the database (a long Trends read, the automatic backup).
        raise TimeoutError("Loopwise is still busy reading your data. Try again in a moment.")
    try:
        window.context.profile.restore(source)
    finally:
        reread_everything(window)
