"""The learning-path checklist: pick a path, work through its stages, keep notes per item."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.curriculum import ItemKind, LearningPath, PathItem
from desktop.domain.path_file import PathFileError
from desktop.domain.progress import Checklist, ChecklistFilter, ItemStatus, build_checklist
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from desktop.store.errors import WriteFailed
from desktop.store.path_library import PathClash, import_path_file
from desktop.ui.context import AppContext
from desktop.ui.page import Page
from desktop.ui.path.add_item_dialog import AddItemDialog
from desktop.ui.path.checklist_model import ChecklistModel, Column
from desktop.ui.path.item_panel import ItemPanel
from desktop.ui.widgets import dialogs

_STATUS_SHORTCUTS = {
    ItemStatus.TODO: "Ctrl+Shift+T",
    ItemStatus.IN_PROGRESS: "Ctrl+Shift+P",
    ItemStatus.DONE: "Ctrl+Shift+D",
    ItemStatus.NEEDS_REVIEW: "Ctrl+Shift+R",
}


class PathPage(Page):
    page_key = "path"
    title = "Learning path"
    icon_name = "path"

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Learning path checklist")
        self.checklist: Checklist | None = None
        self._showing_path_id: str | None = None
        self.model = ChecklistModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(self._build_header())
        self.banner = self._build_banner()
        layout.addWidget(self.banner)
        layout.addLayout(self._build_filters())

        self.tree = QTreeView()
        self.tree.setAccessibleName("Stages and items")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        self._size_fixed_columns(header)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._after_reset)

        self.panel = ItemPanel()
        self.panel.status_chosen.connect(self._on_status_chosen)
        self.panel.notes_changed.connect(self._save_notes)
        self.panel.remove_requested.connect(self._remove_custom_item)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        self._build_status_actions()
        self.import_action = QAction("&Import Path File…", self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.import_path_from_dialog)

        context.events.progress_changed.connect(self._on_progress_changed)
        context.events.paths_changed.connect(self._reload_path_list)
        self._reload_path_list()

    # Building ----------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.path_picker = QComboBox()
        self.path_picker.setAccessibleName("Learning path")
        self.path_picker.setMinimumContentsLength(28)
        self.path_picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.path_picker.currentIndexChanged.connect(self._on_path_picked)
        row.addWidget(self.path_picker)
        row.addSpacing(12)
        self.overall_bar = QProgressBar()
        self.overall_bar.setAccessibleName("Overall progress")
        self.overall_bar.setTextVisible(False)
        self.overall_bar.setFixedWidth(180)
        row.addWidget(self.overall_bar)
        self.overall_label = QLabel()
        self.overall_label.setAccessibleName("Overall progress summary")
        row.addWidget(self.overall_label)
        row.addStretch(1)
        self.add_button = QPushButton("Add item…")
        self.add_button.setAccessibleName("Add an item of your own")
        self.add_button.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.add_button.setToolTip("Add an item of your own to a stage (Ctrl+Shift+N)")
        self.add_button.clicked.connect(self.add_custom_item_from_dialog)
        row.addWidget(self.add_button)
        return row

    def _build_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("banner")
        banner.setAccessibleName("Problems with path files")
        layout = QHBoxLayout(banner)
        layout.setContentsMargins(10, 6, 6, 6)
        self.banner_text = QLabel()
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.banner_text, 1)
        dismiss = QPushButton("Dismiss")
        dismiss.setAccessibleName("Dismiss the path file problems")
        dismiss.clicked.connect(banner.hide)
        layout.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
        banner.hide()
        return banner

    def _build_filters(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setAccessibleName("Filter items by title or topic")
        self.search.setPlaceholderText("Filter by title or topic  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._apply_filter)
        row.addWidget(self.search, 2)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show items with status")
        self.status_filter.addItem("All statuses", None)
        for status in ItemStatus:
            self.status_filter.addItem(status.label, status.value)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        row.addWidget(self.status_filter)
        self.kind_filter = QComboBox()
        self.kind_filter.setAccessibleName("Show items of kind")
        self.kind_filter.addItem("All kinds", None)
        for kind in ItemKind:
            self.kind_filter.addItem(kind.label, kind.value)
        self.kind_filter.currentIndexChanged.connect(self._apply_filter)
        row.addWidget(self.kind_filter)
        self.hide_difficulty = QCheckBox("Hide difficulty")
        self.hide_difficulty.setAccessibleName("Hide difficulty labels")
        self.hide_difficulty.setToolTip("Practise without knowing how hard an item is rated")
        self.hide_difficulty.toggled.connect(self._on_hide_difficulty)
        row.addWidget(self.hide_difficulty)
        return row

    def _build_status_actions(self) -> None:
        self.status_actions: dict[ItemStatus, QAction] = {}
        for status, keys in _STATUS_SHORTCUTS.items():
            action = QAction(f"Mark as {status.label.lower()}", self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, s=status: self.set_current_status(s))
            self.addAction(action)
            self.status_actions[status] = action

    def _size_fixed_columns(self, header: QHeaderView) -> None:
        """Size the short columns once from their longest label.

        Sizing to contents would measure every cell again on each change, which made
        start-up and every refresh noticeably slower.
        """
        metrics = self.tree.fontMetrics()
        widest = {
            Column.KIND: [kind.label for kind in ItemKind],
            Column.DIFFICULTY: ["Difficulty", "Medium"],
            Column.TARGET: ["Target", "240 min"],
            Column.STATUS: [status.label for status in ItemStatus],
            Column.CHANGED: ["Changed", "30 Sep 2026"],
        }
        icon_room = {Column.STATUS: 22}
        for column, labels in widest.items():
            text_width = max(metrics.horizontalAdvance(label) for label in labels)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, text_width + 24 + icon_room.get(column, 0))

    # Page protocol -----------------------------------------------------------------------

    def prepare_for_screenshot(self) -> None:
        """Show an item with notes, as a user mid-way through the path would see it."""
        if self.checklist is None:
            return
        entries = [item for stage in self.checklist.stages for item in stage.items]
        chosen = next((e for e in entries if e.notes and e.status is ItemStatus.DONE), None)
        if chosen is not None:
            self.select_item(chosen.id)

    def file_actions(self) -> list[QAction]:
        return [self.import_action]

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def flush(self) -> None:
        self.panel.flush_notes()

    def has_unsaved_work(self) -> bool:
        return self.panel.has_unsaved_notes()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("path/current", self.current_path_id() or "")
        settings.setValue("path/hide_difficulty", self.hide_difficulty.isChecked())
        settings.setValue("path/splitter", self.splitter.saveState())
        if self.current_path_id():
            settings.setValue(f"path/{self.current_path_id()}/collapsed", self._collapsed())

    def restore_state(self, settings: QSettings) -> None:
        self.hide_difficulty.setChecked(_as_bool(settings.value("path/hide_difficulty", False)))
        splitter = settings.value("path/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([700, 380])
        self.select_path(str(settings.value("path/current", "")))

    # Paths -------------------------------------------------------------------------------

    @property
    def library_paths(self) -> tuple[LearningPath, ...]:
        return self.context.profile.library.paths

    def current_path_id(self) -> str | None:
        data = self.path_picker.currentData()
        return str(data) if data else None

    def select_path(self, path_id: str) -> None:
        index = self.path_picker.findData(path_id)
        if index >= 0:
            self.path_picker.setCurrentIndex(index)

    def _reload_path_list(self) -> None:
        previous = self.current_path_id()
        self.path_picker.blockSignals(True)
        self.path_picker.clear()
        for path in self.library_paths:
            self.path_picker.addItem(path.title, path.id)
        self.path_picker.blockSignals(False)
        errors = self.context.profile.library.errors
        if errors:
            lines = "<br>".join(f"• {_html(str(error))}" for error in errors)
            self.banner_text.setText(
                f"<b>Some path files could not be loaded and were skipped.</b><br>{lines}"
            )
            self.banner.show()
        else:
            self.banner.hide()
        if previous and self.path_picker.findData(previous) >= 0:
            self.select_path(previous)
        self._on_path_picked()

    def _on_path_picked(self) -> None:
        if self.panel.has_unsaved_notes() and self._showing_path_id:
            # Notes for this path could not be saved; stay here rather than risk them.
            self.path_picker.blockSignals(True)
            self.select_path(self._showing_path_id)
            self.path_picker.blockSignals(False)
            dialogs.tell_problem(
                self,
                "Notes not saved yet",
                "Some notes on this path could not be saved yet, so Loopwise stays on it. "
                "Free some space or check the data folder, then try again.",
            )
            return
        self._showing_path_id = self.current_path_id()
        self._reload_checklist(keep_selection=False)

    # Reading -----------------------------------------------------------------------------

    def _current_path(self) -> LearningPath | None:
        path_id = self.current_path_id()
        return next((p for p in self.library_paths if p.id == path_id), None)

    def _reload_checklist(self, keep_selection: bool = True) -> None:
        path = self._current_path()
        selected = self._selected_item_id() if keep_selection else None
        if path is None:
            self.checklist = None
        else:
            with session_scope(self.context.profile.engine) as session:
                saved = progress_store.saved_progress(session=session, path_id=path.id)
                custom = progress_store.custom_items(session=session, path_id=path.id)
            self.checklist = build_checklist(path, saved, custom)
        self.model.set_checklist(self.checklist)
        self._update_overall()
        if selected:
            self.select_item(selected)
        self._show_selected()

    def _on_progress_changed(self, path_id: str) -> None:
        if path_id == self.current_path_id():
            self._reload_checklist()

    def _update_overall(self) -> None:
        if self.checklist is None:
            self.overall_bar.setValue(0)
            self.overall_label.setText("No learning paths are available.")
            return
        counts = self.checklist.counts
        self.overall_bar.setRange(0, max(counts.total, 1))
        self.overall_bar.setValue(counts.done)
        percent = round(100 * counts.fraction_done)
        text = f"{counts.done} of {counts.total} done ({percent}%)"
        if counts.needs_review:
            text += f" · {counts.needs_review} to review"
        self.overall_label.setText(text)

    def _selected_item_id(self) -> str | None:
        entry = self.model.item_at(self.tree.currentIndex())
        return entry.id if entry else None

    def select_item(self, item_id: str) -> bool:
        index = self.model.index_of_item(item_id)
        if not index.isValid():
            return False
        self.tree.expand(index.parent())
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)
        return True

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_selected()

    def _show_selected(self) -> None:
        entry = self.model.item_at(self.tree.currentIndex())
        history = []
        path_id = self.current_path_id()
        if entry is not None and path_id:
            with session_scope(self.context.profile.engine) as session:
                history = progress_store.status_history(
                    session=session, path_id=path_id, item_id=entry.id
                )
        self.panel.show_entry(entry, history)
        for action in self.status_actions.values():
            action.setEnabled(entry is not None and not entry.is_retired)

    def _after_reset(self) -> None:
        root = QModelIndex()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, root, True)
        self._restore_collapsed()

    # Filters -----------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        status = self.status_filter.currentData()
        kind = self.kind_filter.currentData()
        checklist_filter = ChecklistFilter(
            statuses=frozenset({ItemStatus(status)}) if status else frozenset(),
            kinds=frozenset({ItemKind(kind)}) if kind else frozenset(),
            text=self.search.text(),
        )
        selected = self._selected_item_id()
        self.model.set_filter(checklist_filter)
        if checklist_filter.is_active:
            self.tree.expandAll()
        if selected:
            self.select_item(selected)
        self._show_selected()

    def _on_hide_difficulty(self, hidden: bool) -> None:
        self.tree.setColumnHidden(Column.DIFFICULTY, hidden)
        self.panel.set_hide_difficulty(hidden)

    def _collapsed(self) -> list[str]:
        collapsed = []
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if not self.tree.isExpanded(index):
                stage = self.model.stage_at(index)
                if stage:
                    collapsed.append(stage.id)
        return collapsed

    def _restore_collapsed(self) -> None:
        path_id = self.current_path_id()
        if not path_id:
            return
        stored = self.context.settings.value(f"path/{path_id}/collapsed", [])
        collapsed = [stored] if isinstance(stored, str) else list(stored or [])  # type: ignore[call-overload]
        self.tree.expandAll()
        for stage_id in collapsed:
            index = self.model.index_of_stage(str(stage_id))
            if index.isValid():
                self.tree.collapse(index)

    # Writing -----------------------------------------------------------------------------

    def set_current_status(self, status: ItemStatus) -> None:
        entry = self.model.item_at(self.tree.currentIndex())
        if entry is not None:
            self.set_status(entry.id, status)

    def _on_status_chosen(self, item_id: str, status: str) -> None:
        self.set_status(item_id, ItemStatus(status))

    def set_status(self, item_id: str, status: ItemStatus) -> None:
        path_id = self.current_path_id()
        entry = self.checklist.find(item_id) if self.checklist else None
        if path_id is None or entry is None or entry.is_retired:
            return
        try:
            with self.context.writing() as session:
                changed = progress_store.set_status(
                    session=session,
                    path_id=path_id,
                    stage_id=entry.stage_id,
                    item=entry.item,
                    status=status,
                    now=self.context.now(),
                )
        except WriteFailed as failure:
            self._report_not_saved("The new status", failure)
            self._show_selected()  # put the buttons back to what is saved
            return
        if changed:
            self.context.events.progress_changed.emit(path_id)

    def _save_notes(self, item_id: str, notes: str) -> None:
        path_id = self.current_path_id()
        entry = self.checklist.find(item_id) if self.checklist else None
        if path_id is None or entry is None:
            return
        try:
            with self.context.writing() as session:
                progress_store.set_notes(
                    session=session,
                    path_id=path_id,
                    stage_id=entry.stage_id,
                    item=entry.item,
                    notes=notes,
                    now=self.context.now(),
                )
        except WriteFailed as failure:
            # The panel keeps the text and tries again on the next pause, switch or close.
            self.panel.mark_notes_unsaved(failure.reason)
            return
        self.panel.mark_notes_saved(item_id, notes)
        self.context.events.progress_changed.emit(path_id)

    def add_custom_item_from_dialog(self) -> None:
        path_id = self.current_path_id()
        if path_id is None or self.checklist is None:
            return

        def save(stage_id: str, item: PathItem) -> None:
            with self.context.writing() as session:
                progress_store.add_custom_item(
                    session=session,
                    path_id=path_id,
                    stage_id=stage_id,
                    item=item,
                    now=self.context.now(),
                )

        stage = self.model.stage_at(self.tree.currentIndex())
        added = AddItemDialog.ask(self.checklist.stages, stage.id if stage else None, save, self)
        if added is not None:
            self.context.events.progress_changed.emit(path_id)
            self.select_item(added.id)

    def _remove_custom_item(self, item_id: str) -> None:
        path_id = self.current_path_id()
        entry = self.checklist.find(item_id) if self.checklist else None
        if path_id is None or entry is None or not entry.is_custom:
            return
        question = (
            f"Remove “{entry.item.title}” from this path? Its status, history and notes "
            "will be removed too."
        )
        if not dialogs.confirm(self, "Remove item", question, "Remove"):
            return
        try:
            with self.context.writing() as session:
                progress_store.remove_custom_item(session=session, path_id=path_id, item_id=item_id)
        except WriteFailed as failure:
            self._report_not_saved("Removing the item", failure)
            return
        self.panel.show_entry(None, [])
        self.context.events.progress_changed.emit(path_id)

    def _report_not_saved(self, what: str, failure: WriteFailed) -> None:
        dialogs.tell_problem(
            self, "Not saved", f"{what} could not be saved: {failure.reason}. Nothing was lost."
        )

    def import_path_from_dialog(self) -> None:
        chosen = dialogs.choose_file_to_open(
            self, "Import a learning path", "Learning path files (*.toml);;All files (*)"
        )
        if chosen:
            self.import_path(Path(chosen))

    def import_path(self, file: Path) -> bool:
        user_dir = self.context.profile.paths.user_paths_dir
        replaced = False
        try:
            try:
                path, _target = import_path_file(file, user_dir, self.library_paths)
            except PathClash as clash:
                if not self._confirm_replace(clash):
                    return False
                path, _target = import_path_file(file, user_dir, self.library_paths, replace=True)
                replaced = True
        except PathFileError as error:
            dialogs.tell_problem(
                self,
                "This path file was not imported",
                f"{error}\n\nFix the file and import it again. Nothing was changed.",
            )
            return False
        self.context.profile.reload_library()
        self.context.events.paths_changed.emit()
        self.select_path(path.id)
        dialogs.tell(
            self,
            "Path imported",
            f"“{path.title}” was {'replaced' if replaced else 'added'}: "
            f"{len(path.stages)} stages, {path.item_count()} items.",
        )
        return True

    def _confirm_replace(self, clash: PathClash) -> bool:
        retire = clash.items_to_retire
        retired_note = (
            f" {retire} of its items are not in the new file; they will be shown as retired, "
            "with your progress and notes kept."
            if retire
            else ""
        )
        return dialogs.confirm(
            self,
            "Replace a learning path?",
            f"“{clash.existing.title}” is already here with the same id "
            f"('{clash.incoming.id}'). Replace it with “{clash.incoming.title}” from this file? "
            f"Your progress is kept.{retired_note}",
            "Replace",
        )

    def _show_context_menu(self, position: QPoint) -> None:
        self.build_context_menu().exec(self.tree.viewport().mapToGlobal(position))

    def build_context_menu(self) -> QMenu:
        entry = self.model.item_at(self.tree.currentIndex())
        menu = QMenu(self)
        if entry is not None and not entry.is_retired:
            for status, action in self.status_actions.items():
                action.setCheckable(True)
                action.setChecked(status is entry.status)
                menu.addAction(action)
            menu.addSeparator()
        menu.addAction("Add item…", self.add_custom_item_from_dialog)
        return menu


def _as_bool(value: object) -> bool:
    return value is True or str(value).lower() == "true"


def _html(text: str) -> str:
    from html import escape

    return escape(text)
