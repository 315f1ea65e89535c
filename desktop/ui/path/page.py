"""The learning-path checklist: pick a path, work through its stages, keep notes per item."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QItemSelectionModel, QModelIndex, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.curriculum import ItemKind, LearningPath, PathItem
from desktop.domain.path_file import PathFileError
from desktop.domain.practice import Attempt, AttemptSubject
from desktop.domain.progress import Checklist, ChecklistStage, ItemStatus, build_checklist
from desktop.domain.wording import counted
from desktop.store import practice as practice_store
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from desktop.store.own_data_files import is_own_file_refusal
from desktop.store.path_library import PathClash, import_path_file
from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.formatting import short_date
from desktop.ui.page import ContextPage, Page
from desktop.ui.page_keys import enter_activates
from desktop.ui.path.add_item_dialog import AddItemDialog
from desktop.ui.path.checklist_model import ChecklistModel
from desktop.ui.path.checklist_view import ChecklistView
from desktop.ui.path.filter_bar import FilterBar
from desktop.ui.path.item_actions import ADD_ITEM_KEYS, ItemActions
from desktop.ui.path.item_panel import ItemPanel
from desktop.ui.path.problems_banner import PathProblemsBanner
from desktop.ui.path.quiz_import import import_quiz_from_dialog
from desktop.ui.path.welcome import FirstStartWelcome
from desktop.ui.read_failures import reports_read_failures
from desktop.ui.saving import saved_or_told
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.controls import combo_box, push_button
from desktop.ui.widgets.down_to_list import down_moves_to
from desktop.ui.widgets.plain_text import plain_tip
from desktop.ui.widgets.remembered_folder import RememberedFolder
from desktop.ui.widgets.view_or_note import ViewOrNote

# Below this width the details panel moves under the list instead of beside it.
STACK_BELOW_WIDTH = 980


class PathPage(ContextPage):
    info = page_info.PATH

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        actions: ItemActions | None = None,
    ) -> None:
        """`actions`: the window's Item menu and import commands, made before this page;
        without them the page makes its own."""
        super().__init__(context, parent)
        self.checklist: Checklist | None = None
        self._showing_path_id: str | None = None
        self._narrow = False
        self.model = ChecklistModel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(self._build_header())
        self.banner = PathProblemsBanner()
        layout.addWidget(self.banner)
        self.welcome = FirstStartWelcome(context)
        self.welcome.start_first_item.connect(self.start_first_item)
        self.welcome.choose_path.connect(self.choose_path)
        self.welcome.time_own_session.connect(self.time_own_session)
        layout.addWidget(self.welcome)
        self.welcome.refresh()
        self.filters = FilterBar()
        self.filters.changed.connect(self._apply_filter)
        self.filters.hide_difficulty_toggled.connect(self._on_hide_difficulty)
        self.search = self.filters.search
        self.status_filter = self.filters.status_filter
        self.kind_filter = self.filters.kind_filter
        self.hide_difficulty = self.filters.hide_difficulty
        layout.addWidget(self.filters)

        self.tree = self._build_tree()
        self.list_area = ViewOrNote(self.tree, self._build_no_matches())
        down_moves_to(self.search, self.tree, first=self._first_item, choose=self._select_index)

        self.panel = ItemPanel()
        self.panel.label_tag = context.profile.vocabulary.label
        self.panel.taxonomy = context.profile.taxonomy
        self.filters.topic_label = context.profile.taxonomy.label
        self.panel.status_chosen.connect(self._on_status_chosen)
        self.panel.set_notes_writer(self._write_notes)
        self.panel.remove_requested.connect(self._remove_custom_item)
        self.panel.practice_requested.connect(self.start_practice)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list_area)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout.addWidget(self.splitter, 1)

        owns_actions = actions is None
        self.item_actions = ItemActions(self) if actions is None else actions
        self.item_actions.attach_list(self.tree)
        for status, action in self.item_actions.status.items():
            action.triggered.connect(lambda _c=False, s=status: self.set_current_status(s))
        self.item_actions.add.triggered.connect(self.add_custom_item_from_dialog)
        self.item_actions.remove.triggered.connect(self._remove_current_custom_item)
        self.item_actions.start.triggered.connect(self._start_current)
        self.status_actions = self.item_actions.status
        self.import_action = self.item_actions.import_path
        if owns_actions:  # else the shell opens this page for them (ui/path/shell.py)
            self.import_action.triggered.connect(self.import_path_from_dialog)
            self.item_actions.import_quiz.triggered.connect(
                lambda: import_quiz_from_dialog(self.context, self)
            )
        self.item_menu = self.item_actions.menu

        context.events.progress_changed.connect(self._on_progress_changed)
        context.events.paths_changed.connect(self._on_paths_changed)
        context.events.sessions_changed.connect(self._on_sessions_changed)
        self._reload_path_list()
        self._stale = False  # just read (a page starts out of date until it reads)

    def reload(self) -> None:
        """Read the paths, the checklist and the chosen item again (once, after a restore or
        an import: see _held)."""
        self._stale = False
        self._reload_path_list()

    def _held(self) -> bool:
        """True (and the page noted as out of date) while the whole database is announced as
        changed: the paths and every path's progress signal in a burst each read the
        checklist, twice for the path on show. reread_everything then reads it once."""
        if Page._holding_reloads:
            self._stale = True
        return Page._holding_reloads

    def _on_paths_changed(self) -> None:
        if not self._held():
            self._reload_path_list()

    def _on_sessions_changed(self) -> None:
        if not self._held():
            self._show_selected()

    # Building ----------------------------------------------------------------------------

    def _build_header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.path_picker = combo_box("Learning path")
        self.path_picker.setMinimumContentsLength(22)
        self.path_picker.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.path_picker.currentIndexChanged.connect(self._on_path_picked)
        row.addWidget(self.path_picker, 2)
        row.addSpacing(12)
        self.overall_bar = QProgressBar()
        self.overall_bar.setAccessibleName("Overall progress")
        self.overall_bar.setTextVisible(False)
        self.overall_bar.setMinimumWidth(80)
        self.overall_bar.setMaximumWidth(180)
        row.addWidget(self.overall_bar, 1)
        self.overall_label = QLabel()
        self.overall_label.setAccessibleName("Overall progress summary")
        self.overall_label.setTextFormat(Qt.TextFormat.PlainText)
        row.addWidget(self.overall_label)
        row.addStretch(1)
        self.add_button = push_button(
            "Add item…",
            "Add an item of your own",
            self.add_custom_item_from_dialog,
            tooltip=f"Add an item of your own to a stage ({ADD_ITEM_KEYS})",
        )
        row.addWidget(self.add_button)
        return row

    def _build_tree(self) -> ChecklistView:
        tree = ChecklistView(self.model)
        tree.setAccessibleName("Stages and items")
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setMinimumWidth(320)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._show_context_menu)
        # Enter (or a double-click) on an item starts a session on it, as on Plan.
        tree.activated.connect(self._on_activated)
        enter_activates(tree, "Start a practice session on the item")
        tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.model.modelReset.connect(self._after_reset)
        return tree

    def _build_no_matches(self) -> QWidget:
        """Shown instead of an empty list when the filters match nothing."""
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.addStretch(1)
        message = QLabel("No items match these filters.")
        message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        message.setProperty("role", "muted")
        layout.addWidget(message)
        clear = push_button("Clear filters", "Clear filters", self.filters.clear)
        layout.addWidget(clear, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        return box

    def resizeEvent(self, event: QResizeEvent) -> None:
        narrow = event.size().width() < STACK_BELOW_WIDTH
        if narrow != self._narrow:
            self._narrow = narrow
            wanted = Qt.Orientation.Vertical if narrow else Qt.Orientation.Horizontal
            self.splitter.setOrientation(wanted)
            # The path's name matters more than the bar: the label still says "29/57 done".
            self.overall_bar.setVisible(not narrow)
            self._update_overall()
        super().resizeEvent(event)

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
        return [self.import_action, self.item_actions.import_quiz]

    def menus(self) -> list[QMenu]:
        return [self.item_menu]

    def set_active(self, active: bool) -> None:
        self.item_actions.set_active(active)

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
        orientation = self.splitter.orientation()
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
            self.splitter.setOrientation(orientation)  # the width decides, not the last run
        else:
            self.splitter.setSizes([720, 360])
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
            self.path_picker.setItemData(
                self.path_picker.count() - 1,
                plain_tip(path.summary or ""),
                Qt.ItemDataRole.ToolTipRole,
            )
        if previous and self.path_picker.findData(previous) >= 0:
            self.path_picker.setCurrentIndex(self.path_picker.findData(previous))
        self.path_picker.blockSignals(False)
        profile = self.context.profile
        self.banner.show_errors(
            (*profile.library.errors, *profile.quizzes.errors), profile.folder.data_dir
        )
        self._showing_path_id = None
        self._on_path_picked()

    def _on_path_picked(self) -> None:
        if self._showing_path_id and self.panel.has_unsaved_notes():
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

    @reports_read_failures
    def _reload_checklist(self, keep_selection: bool = True) -> None:
        path = self._current_path()
        selected = self._selected_item_id() if keep_selection else None
        position = self._selected_position()
        if path is None:
            self.checklist = None
        else:
            with session_scope(self.context.profile.engine) as session:
                saved = progress_store.saved_progress(session=session, path_id=path.id)
                custom = progress_store.custom_items(session=session, path_id=path.id)
            self.checklist = build_checklist(path, saved, custom)
        self.model.set_checklist(self.checklist)
        self.tree.fit_columns()
        self._after_rows_changed(selected, position)
        self._update_overall()
        first = self._first_to_do()
        self.welcome.set_first_item(first.title if first else None)
        self.welcome.set_role(path.role if path else None)

    def _on_progress_changed(self, path_id: str) -> None:
        if path_id == self.current_path_id() and not self._held():
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
        text = f"{counts.done} of {_items(counts.total)} done ({percent}%)"
        if counts.needs_review:
            text += f" · {counts.needs_review} to review"
        self.overall_label.setText(f"{counts.done}/{counts.total} done" if self._narrow else text)
        tip = f"{text}. {_what_is_counted(self.checklist)}".strip()
        self.overall_label.setToolTip(tip)
        self.overall_bar.setToolTip(tip)

    def _selected_item_id(self) -> str | None:
        entry = self.model.item_at(self.tree.currentIndex())
        return entry.id if entry else None

    def _selected_position(self) -> tuple[int, int] | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        if index.parent().isValid():
            return index.parent().row(), index.row()
        return index.row(), -1

    def show_item(self, path_id: str, item_id: str) -> bool:
        """Select an item found elsewhere (Search everything), clearing filters that hide it."""
        self.select_path(path_id)
        if self.current_path_id() != path_id:
            return False
        if not self.select_item(item_id):
            if not self.filters.current().is_active:
                return False
            self.filters.clear()
            if not self.select_item(item_id):
                return False
        self.tree.setFocus()
        return True

    def _first_item(self) -> QModelIndex:
        """The first item the filters leave (stages are headings, not items to open)."""
        for row in range(self.model.rowCount()):
            stage = self.model.index(row, 0)
            if self.model.rowCount(stage):
                return self.model.index(0, 0, stage)
        return QModelIndex()

    def select_item(self, item_id: str) -> bool:
        index = self.model.index_of_item(item_id)
        if not index.isValid():
            return False
        self._select_index(index)
        return True

    def _select_index(self, index: QModelIndex) -> None:
        if index.parent().isValid():
            self.tree.expand(index.parent())
        self.tree.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.tree.scrollTo(index)

    def _after_rows_changed(self, selected: str | None, position: tuple[int, int] | None) -> None:
        """Keep the user's place: the same item, or the row that took its place."""
        self.list_area.show_view(self.model.rowCount() > 0)
        if selected and self.select_item(selected):
            pass
        elif selected and position is not None:
            self._select_index(self._nearest_row(position))
        self._show_selected()

    def _nearest_row(self, position: tuple[int, int]) -> QModelIndex:
        stage_row, item_row = position
        stages = self.model.rowCount()
        if stages == 0:
            return QModelIndex()
        stage = self.model.index(min(stage_row, stages - 1), 0)
        items = self.model.rowCount(stage)
        if item_row < 0 or items == 0:
            return stage
        return self.model.index(min(item_row, items - 1), 0, stage)

    def _on_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_selected()

    @reports_read_failures
    def _show_selected(self) -> None:
        index = self.tree.currentIndex()
        entry = self.model.item_at(index)
        self.item_actions.update_for(entry)
        if entry is None:
            self.panel.show_entry(None, [])
            self._show_overview(self.model.stage_at(index) if index.isValid() else None)
            return
        history = []
        path_id = self.current_path_id()
        if path_id:
            with session_scope(self.context.profile.engine) as session:
                history = progress_store.status_history(
                    session=session, path_id=path_id, item_id=entry.id
                )
                attempts = practice_store.attempts_for_item(
                    session=session, path_id=path_id, item_id=entry.id
                )
        self.panel.show_entry(entry, history, _practice_summary(attempts))

    def _show_overview(self, stage: ChecklistStage | None) -> None:
        """With no item chosen, the panel describes the stage or the path instead."""
        if isinstance(stage, ChecklistStage):
            counts = stage.counts
            facts = f"{counts.done} of {counts.total} done"
            if counts.in_progress:
                facts += f" · {counts.in_progress} in progress"
            self.panel.show_overview(stage.title, facts, stage.summary or "")
            return
        checklist = self.checklist
        if checklist is not None:
            path, counts = checklist.path, checklist.counts
            self.panel.show_overview(
                path.title,
                f"{path.role} · {counted(len(path.stages), 'stage')} · {_items(counts.total)}, "
                f"{counts.done} done",
                "\n\n".join(
                    text
                    for text in (
                        path.summary or "",
                        _what_is_counted(checklist),
                        "Choose an item on the left to see its details and write notes.",
                    )
                    if text
                ),
            )

    def _after_reset(self) -> None:
        root = QModelIndex()
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, root, True)
        if self.filters.current().is_active:
            self.tree.expandAll()
        else:
            self._restore_collapsed()

    # Filters -----------------------------------------------------------------------------

    def _apply_filter(self) -> None:
        selected = self._selected_item_id()
        self.model.set_filter(self.filters.current())
        self.tree.fit_columns()
        self.tree.expandAll()
        if not self.filters.current().is_active:
            self._restore_collapsed()
        self._after_rows_changed(selected, None)

    def _on_hide_difficulty(self, hidden: bool) -> None:
        self.tree.set_difficulty_hidden(hidden)
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
        self.tree.expandAll()
        if not path_id:
            return
        stored = self.context.settings.value(f"path/{path_id}/collapsed", [])
        collapsed = [stored] if isinstance(stored, str) else list(stored or [])  # type: ignore[call-overload]
        for stage_id in collapsed:
            index = self.model.index_of_stage(str(stage_id))
            if index.isValid():
                self.tree.collapse(index)

    # Writing -----------------------------------------------------------------------------

    def _checklist_path_id(self) -> str | None:
        """The path of the items on show. While the picker is changing it already names the
        next path, but a last save (notes typed a moment ago) belongs to this one."""
        return self.checklist.path.id if self.checklist else None

    def set_current_status(self, status: ItemStatus) -> None:
        entry = self.model.item_at(self.tree.currentIndex())
        if entry is not None:
            self.set_status(entry.id, status)

    def _on_status_chosen(self, item_id: str, status: str) -> None:
        self.set_status(item_id, ItemStatus(status))

    def set_status(self, item_id: str, status: ItemStatus) -> None:
        path_id = self._checklist_path_id()
        entry = self.checklist.find(item_id) if self.checklist else None
        if path_id is None or entry is None or entry.is_retired:
            return
        written = saved_or_told(
            self.context,
            self,
            "The new status",
            lambda session: progress_store.set_status(
                session=session,
                path_id=path_id,
                stage_id=entry.stage_id,
                item=entry.item,
                status=status,
                now=self.context.now(),
            ),
        )
        if not written:
            self._show_selected()  # put the buttons back to what is saved

    def _write_notes(self, item_id: str, notes: str, saved: Callable[[], None]) -> None:
        """The notes editor's writer: raises WriteFailed or LookupError, and the panel says so
        (and keeps the text, to try again on the next pause, switch or close)."""
        path_id = self._checklist_path_id()
        entry = self.checklist.find(item_id) if self.checklist else None
        if path_id is None or entry is None:
            raise LookupError("its item is no longer on this path")
        self.context.perform(
            lambda session: progress_store.set_notes(
                session=session,
                path_id=path_id,
                stage_id=entry.stage_id,
                item=entry.item,
                notes=notes,
                now=self.context.now(),
            ),
            "saving the notes",
            then=lambda _result: saved(),
        )

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
        added = AddItemDialog.ask(
            self.checklist.stages,
            stage.id if stage else None,
            save,
            self,
            vocabulary=self.context.profile.vocabulary,
        )
        if added is not None:
            self.select_item(added.id)

    # The welcome's first steps ----------------------------------------------------------

    def _first_to_do(self) -> PathItem | None:
        if self.checklist is None:
            return None
        entries = (entry for stage in self.checklist.stages for entry in stage.items)
        return next(
            (e.item for e in entries if e.status is ItemStatus.TODO and not e.is_retired), None
        )

    def start_first_item(self) -> QWidget | None:
        """Select the path's first item still to do and start a session on it."""
        item = self._first_to_do()
        if item is None:
            return None
        self.select_item(item.id)
        return self.start_practice(item.id)

    def choose_path(self) -> None:
        self.path_picker.setFocus(Qt.FocusReason.OtherFocusReason)
        self.path_picker.showPopup()

    def time_own_session(self) -> QWidget | None:
        from desktop.ui.practice.free_session_dialog import FreeSessionDialog
        from desktop.ui.practice.session_window import start_session

        subject = FreeSessionDialog.ask(self)
        return None if subject is None else start_session(self.context, subject, self.window())

    def start_practice(self, item_id: str) -> QWidget | None:
        """Open the timer for the item, or the quiz for a quiz item that has one."""
        from desktop.ui.practice.quiz_dialog import QuizDialog  # loaded when first needed
        from desktop.ui.practice.session_window import start_session

        path = self._current_path()
        entry = self.checklist.find(item_id) if self.checklist else None
        if path is None or entry is None or entry.is_retired:
            return None
        item = entry.item
        subject = AttemptSubject.of_path_item(path.id, item)
        try:
            quiz = self.context.profile.quiz(item.id) if item.kind is ItemKind.QUIZ else None
        except PathFileError as problem:  # a data file: same error type as path files
            dialogs.tell_file_problems(
                self, "The quiz cannot be opened", problem, "Fix the quiz file and try again."
            )
            return None
        if quiz is not None:
            dialog = QuizDialog(self.context, quiz, subject, self.window())
            dialog.open()
            return dialog
        return start_session(self.context, subject, self.window())

    def _on_activated(self, index: QModelIndex) -> None:
        entry = self.model.item_at(index)
        if entry is not None:
            self.start_practice(entry.id)

    def _start_current(self) -> None:
        entry = self.model.item_at(self.tree.currentIndex())
        if entry is not None:
            self.start_practice(entry.id)

    def _remove_current_custom_item(self) -> None:
        entry = self.model.item_at(self.tree.currentIndex())
        if entry is not None and entry.is_custom:
            self._remove_custom_item(entry.id)

    def _remove_custom_item(self, item_id: str) -> None:
        path_id = self._checklist_path_id()
        entry = self.checklist.find(item_id) if self.checklist else None
        if path_id is None or entry is None or not entry.is_custom:
            return
        question = (
            f"Remove “{entry.item.title}” from this path? Its status, history and notes "
            "will be removed too."
        )
        if not dialogs.confirm(self, "Remove item", question, "Remove"):
            return
        if not saved_or_told(
            self.context,
            self,
            "Removing the item",
            lambda session: progress_store.remove_custom_item(
                session=session, path_id=path_id, item_id=item_id
            ),
        ):
            return

    def import_path_from_dialog(self) -> None:
        chosen = dialogs.choose_file_to_open(
            self,
            "Import a learning path",
            "Learning path files (*.toml);;All files (*)",
            RememberedFolder(self.context.preferences, "learning"),
        )
        if chosen:
            self.import_path(Path(chosen))

    def import_path(self, file: Path) -> bool:
        user_dir = self.context.profile.folder.path_files_dir
        vocabulary = self.context.profile.vocabulary
        database = self.context.profile.folder.database  # never a source (own_files.py)
        replaced = False
        try:
            try:
                path, _target = import_path_file(
                    file, user_dir, vocabulary, self.library_paths, database=database
                )
            except PathClash as clash:
                if not self._confirm_replace(clash):
                    return False
                path, _target = import_path_file(
                    file, user_dir, vocabulary, self.library_paths, replace=True, database=database
                )
                replaced = True
        except PathFileError as error:
            dialogs.tell_file_problems(
                self,
                "This path file was not imported",
                error,
                "Choose another file. Nothing was changed."
                if is_own_file_refusal(error)
                else "Fix the file and import it again. Nothing was changed.",
            )
            return False
        self.context.profile.reload_library()
        self.context.events.paths_changed.emit()
        self.select_path(path.id)
        dialogs.tell(
            self,
            "Path imported",
            f"“{path.title}” was {'replaced' if replaced else 'added'}: "
            f"{counted(len(path.stages), 'stage')}, {counted(path.item_count(), 'item')}.",
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
        menu = self.build_context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one menu per right-click
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def build_context_menu(self) -> QMenu:
        return self.item_actions.build_menu("Item", self)


def _as_bool(value: object) -> bool:
    return value is True or str(value).lower() == "true"


def _items(count: int) -> str:
    return counted(count, "item")


def _what_is_counted(checklist: Checklist) -> str:
    """The header and the overview count the same items (Checklist.counts); this says so
    when it is more than the path file's own items."""
    entries = [entry for stage in checklist.stages for entry in stage.items]
    yours = sum(entry.is_custom and not entry.is_retired for entry in entries)
    retired = sum(entry.is_retired for entry in entries)
    notes = []
    if yours:
        notes.append(f"{_items(yours)} of your own {_is_are(yours)} counted")
    if retired:
        notes.append(f"{_items(retired)} no longer on the path {_is_are(retired)} not counted")
    return "; ".join(notes) + "." if notes else ""


def _is_are(count: int) -> str:
    return "is" if count == 1 else "are"


def _practice_summary(attempts: list[Attempt]) -> str:
    """'Practised 3 times. Last: 12 Sep 2026, partial, 34 of 25 min.' (newest first in)"""
    if not attempts:
        return ""
    last = attempts[0]
    times = "once" if len(attempts) == 1 else f"{len(attempts)} times"
    target = f" of {last.subject.target_minutes}" if last.subject.target_minutes else ""
    return (
        f"Practised {times}. Last: {short_date(last.started_at)}, "
        f"{last.outcome.label.lower()}, {last.minutes}{target} min."
    )
