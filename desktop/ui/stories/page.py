"""The Stories page: the story bank and editor, the coverage matrix, and loop preparation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.stories import (
    Rehearsal,
    Story,
    StoryDraft,
    coverage,
    due_for_rehearsal,
    duration_text,
    plan_loop,
    story_timing,
)
from desktop.domain.story_themes import CustomTheme, Theme, ThemeCatalog, custom_theme_id
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.store.errors import WriteFailed
from desktop.ui import page_info
from desktop.ui.context import AppContext
from desktop.ui.formatting import setting_int, short_date
from desktop.ui.page import ContextPage
from desktop.ui.read_failures import reports_read_failures
from desktop.ui.saving import created_or_told, saved_or_told
from desktop.ui.stories import exports, links
from desktop.ui.stories.coverage_view import ALL_THEMES, CoverageView
from desktop.ui.stories.editor import StoryEditor
from desktop.ui.stories.loop_prep import LoopPrepView
from desktop.ui.stories.story_list import story_list_model, story_rows
from desktop.ui.undoable_delete import UndoableDelete, add_delete_key
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.controls import combo_box, filter_edit, push_button
from desktop.ui.widgets.down_to_list import down_moves_to
from desktop.ui.widgets.empty_state import EmptyState
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.record_list import record_list_area, select_record, select_row

SORT_RECENT = "recent"
SORT_DUE = "due"
TAB_STORIES, TAB_COVERAGE, TAB_LOOP = range(3)
# What the right side of the story bank shows: no stories yet, a story, none that match, or
# nothing while the stories are read for the first show.
SHOW_WELCOME, SHOW_EDITOR, SHOW_NO_MATCH, SHOW_READING = range(4)
# A bank longer than this is read on a worker the first time the page shows: reading and
# listing 60 stories held the click about 100 ms on top of building the page.
READ_AT_ONCE_STORIES = 40


class StoriesPage(ContextPage):
    info = page_info.STORIES

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._stories: list[Story] = []
        self._catalog: ThemeCatalog = context.profile.story_themes
        self._catalog_shown = False
        self._restored: dict[str, str] = {}  # view choices, until their views have a catalog
        # Coverage and Loop preparation are built when first needed (their tab chosen): the
        # page's first show builds only the story bank it shows.
        self._coverage: CoverageView | None = None
        self._loop: LoopPrepView | None = None
        self._remembered: int | None = None  # the story open when the app last closed
        self._reading = 0  # counts reads: a background read overtaken by another is dropped
        self._read_pending = False  # the first show's read is on a worker thread

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        self.deletes = UndoableDelete(
            context, self, "story", "the story “{title}”", story_store.STORIES
        )
        self.undo_bar = self.deletes.bar
        self.undo_bar.undo_requested.connect(self.undo_delete)
        layout.addWidget(self.undo_bar)
        # Each part is put in its place before it is filled: under the app's style sheet a
        # part moved into a new parent has its whole subtree styled again (built the other
        # way, the editor was styled six times over on the first show).
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Story views")
        self.tabs.setDocumentMode(True)
        layout.addWidget(self.tabs, 1)
        self._build_bank()
        self.tabs.addTab(_tab_holder(), "Coverage")
        self.tabs.addTab(_tab_holder(), "Loop preparation")
        self.tabs.currentChanged.connect(lambda _tab: self._show_current_tab())
        self._build_actions()
        context.events.stories_changed.connect(self.data_changed)
        # Links show journal entries' titles: a renamed entry is renamed here too.
        context.events.journal_changed.connect(self.data_changed)

    # Building ----------------------------------------------------------------------------

    def _build_bank(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tabs.addTab(self.splitter, "Story bank")
        self.splitter.addWidget(self._build_sidebar())
        self.right = QStackedWidget()
        self.splitter.addWidget(self.right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.editor = StoryEditor(self.context.workers, self.right)
        self.editor.kept.write = self._write
        self.editor.title.textEdited.connect(self._title_typed)
        self.editor.delete_requested.connect(self._delete)
        self.editor.rehearse_requested.connect(lambda story_id: self.rehearse(story_id))
        self.editor.link_requested.connect(self.link_journal_entry)
        self.editor.open_entry_requested.connect(self.context.events.open_journal_entry)
        self.editor.add_theme_requested.connect(self.add_custom_theme)
        self.empty_state = EmptyState(
            "Story bank empty state",
            "Behavioral rounds reward a few well-rehearsed stories. Write each one as "
            "Situation, Task, Action and Result, tag the themes it answers, and rehearse it "
            "out loud until it fits in two to three minutes.",
            "Write your first story",
            self.new_story,
        )
        self.no_match = EmptyState(
            "No story matches", "No story matches.", "Clear the filter", self.filter.clear
        )
        self.right.addWidget(self.empty_state)
        self.right.addWidget(self.editor)
        self.right.addWidget(self.no_match)
        self.right.addWidget(QWidget())  # SHOW_READING: no welcome before the stories are in

    def _build_sidebar(self) -> QWidget:
        box = QWidget(self.splitter)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 8, 8, 0)
        top = QHBoxLayout()
        self.filter = filter_edit(
            "Filter stories", "Filter stories  (Ctrl+F)", lambda _text: self._filter_changed()
        )
        top.addWidget(self.filter, 1)
        self.new_button = push_button(
            "New story",
            "New story",
            lambda: self.new_story(),
            tooltip="Start a new STAR story (Ctrl+Shift+N)",
        )
        top.addWidget(self.new_button)
        layout.addLayout(top)

        second = QHBoxLayout()
        self.sort = combo_box("Order of the stories")
        self.sort.addItem("Recently changed", SORT_RECENT)
        self.sort.addItem("Due for rehearsal first", SORT_DUE)
        self.sort.currentIndexChanged.connect(lambda _i: self._show_list())
        self.sort.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.sort.setMinimumContentsLength(8)
        second.addWidget(self.sort, 1)
        # A push button with a menu, like Plan's "Add a routine": the style sheet leaves its
        # arrow room, where a tool button's arrow covered the label.
        self.export_button = QPushButton("Export")
        self.export_button.setAccessibleName("Export stories")
        second.addWidget(self.export_button)
        layout.addLayout(second)

        self.list_heading = text_label("List heading", "muted")
        layout.addWidget(self.list_heading)
        self.model = story_list_model(self)
        self.list, self.list_empty, self.list_area = record_list_area(
            self.model, "Stories", self._open_row, "No stories"
        )
        layout.addWidget(self.list_area, 1)
        add_delete_key(self.list, "Delete story", self._delete_chosen)
        down_moves_to(self.filter, self.list)
        box.setMinimumWidth(200)
        return box

    def _build_actions(self) -> None:
        # New story (Ctrl+Shift+N) is File > New story, the window's: see pages.py.
        self.rehearse_action = QAction("Rehearse this story", self)
        self.rehearse_action.setShortcut(QKeySequence("Ctrl+R"))
        self.rehearse_action.triggered.connect(lambda: self.rehearse())
        # Edit > Undo (Ctrl+Z) runs this outside a text box: see page_undo.
        self.undo_action = self.deletes.action
        self.undo_action.triggered.connect(self.undo_delete)
        # Window-wide, so the keys work while the sidebar has the focus; set_active turns them
        # off while another page is on show.
        for action in (self.rehearse_action, self.undo_action):
            self.addAction(action)
        menu = QMenu(self.export_button)
        markdown = menu.addAction("Story bank as Markdown…")
        markdown.triggered.connect(lambda: self.export_markdown())
        pdf = menu.addAction("Loop sheet as PDF…")
        pdf.triggered.connect(lambda: self.export_loop_sheet())
        self.export_button.setMenu(menu)

    @property
    def coverage_view(self) -> CoverageView:
        if self._coverage is None:
            view = self._coverage = CoverageView()
            self._hold_in_tab(TAB_COVERAGE, view)
            if self._catalog_shown:
                self._give_coverage_catalog(view)
            view.theme_set_changed.connect(self._show_coverage)
            view.open_story.connect(self.open_story)
        return self._coverage

    @property
    def loop_view(self) -> LoopPrepView:
        if self._loop is None:
            view = self._loop = LoopPrepView()
            self._hold_in_tab(TAB_LOOP, view)
            if self._catalog_shown:
                self._give_loop_catalog(view)
            view.changed.connect(self._show_loop_plan)
            view.open_story.connect(self.open_story)
            view.export_requested.connect(self.export_loop_sheet)
        return self._loop

    def _hold_in_tab(self, tab: int, view: QWidget) -> None:
        place = self.tabs.widget(tab)
        holder = place.layout() if place is not None else None
        assert place is not None and holder is not None
        holder.addWidget(view)
        # Laid out now, as a view built with the page is when its tab is chosen: shown only
        # on the next turn of the event loop, it would be measured at no size until then.
        if place.isVisible():
            view.show()
            holder.activate()

    # Page protocol -----------------------------------------------------------------------

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(TAB_STORIES)
        self.filter.setFocus()
        self.filter.selectAll()

    def flush(self) -> None:
        self.editor.flush()

    def has_unsaved_work(self) -> bool:
        self.editor.flush()
        return self.editor.has_unsaved_changes()

    def page_undo(self) -> QAction:
        return self.undo_action

    def set_active(self, active: bool) -> None:
        self.rehearse_action.setEnabled(active)
        self.deletes.set_active(active)  # and on only with something to bring back

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("stories/splitter", self.splitter.saveState())
        settings.setValue("stories/tab", self.tabs.currentIndex())
        settings.setValue("stories/sort", self.sort.currentData())
        # A view never built leaves the choices it was restored with as they are.
        if self._coverage is not None:
            settings.setValue("stories/coverage_set", self._coverage.chosen_set())
        if self._loop is not None:
            settings.setValue("stories/loop_set", self._loop.chosen_set())
            settings.setValue("stories/custom_set", ",".join(self._loop.custom_ids()))
        # Closed before the first read came back: the story to open is still the remembered one.
        current = self.editor.story_id or (self._remembered if self._read_pending else None)
        settings.setValue("stories/current", current or "")

    def restore_state(self, settings: QSettings) -> None:
        state = settings.value("stories/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([260, 940])
        self.sort.setCurrentIndex(max(0, self.sort.findData(settings.value("stories/sort"))))
        self._restored = {
            "coverage": str(settings.value("stories/coverage_set", ALL_THEMES)),
            "loop": str(settings.value("stories/loop_set", "backend-path")),
            "custom": str(settings.value("stories/custom_set", "")),
        }
        self.tabs.setCurrentIndex(setting_int(settings.value("stories/tab"), TAB_STORIES))
        self._remembered = setting_int(settings.value("stories/current"), 0) or None

    @reports_read_failures
    def prepare_for_screenshot(self) -> None:
        """Open the story most in need of rehearsal, as a user preparing for a loop would."""
        self.reload()
        due = due_for_rehearsal(self._stories, self.context.now())
        chosen = due[0] if due else (self._stories[0] if self._stories else None)
        if chosen is not None:
            self.open_story(chosen.id)

    # Reading -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale and self.editor.story_id is None and self._many_stories():
            self._read_in_background()
        super().showEvent(event)  # reads at once if still out of date

    @reports_read_failures
    def _many_stories(self) -> bool:
        with session_scope(self.context.profile.engine) as session:
            return story_store.story_count(session=session) > READ_AT_ONCE_STORIES

    def _read_in_background(self) -> None:
        """The page paints at once, with a note where the list goes; the stories follow."""
        self._stale = False
        self._reading += 1
        reading = self._reading
        self._read_pending = True
        self.list_heading.hide()
        self.export_button.setEnabled(False)
        self.list_empty.setText("Reading your stories…")
        self.list_area.show_view(False)
        self.right.setCurrentIndex(SHOW_READING)
        engine = self.context.profile.engine

        def read() -> tuple[list[Story], list[CustomTheme]]:
            with session_scope(engine) as session:
                stories = story_store.all_stories(session=session)
                return stories, story_store.custom_themes(session=session)

        self.context.workers.run(
            read,
            lambda found: self._received(reading, *found),
            lambda _error: self._received(reading, None, []),
            owner=self,
        )

    def _received(
        self, reading: int, stories: list[Story] | None, custom: list[CustomTheme]
    ) -> None:
        if reading != self._reading:
            return  # read again meanwhile (a save, a restore): that read is newer
        self._read_pending = False
        if stories is None:
            self.reload()  # read here instead, which says what went wrong
            return
        self._show_read(stories, custom)

    @reports_read_failures
    def reload(self) -> None:
        self._stale = False
        self._reading += 1  # a background read still on its way is older than this one
        self._read_pending = False
        self._follow_stored_story()
        shown = self.editor.story_id
        with session_scope(self.context.profile.engine) as session:
            stories = story_store.all_stories(session=session)
            custom = story_store.custom_themes(session=session)
            rehearsals = (
                story_store.rehearsals_of(session=session, story_id=shown)
                if shown is not None
                else []
            )
        self._show_read(stories, custom, rehearsals)

    def _show_read(
        self,
        stories: list[Story],
        custom: list[CustomTheme],
        rehearsals: list[Rehearsal] | None = None,
    ) -> None:
        self._stories = stories
        shown = self.editor.story_id
        if shown is not None and rehearsals is not None:
            self.editor.show_rehearsals(_rehearsal_text(rehearsals))
            story = next((s for s in self._stories if s.id == shown), None)
            if story is not None:
                self.editor.relabel_links(self._link_labels(story))
        catalog = self.context.profile.story_themes.with_custom(custom)
        if catalog != self._catalog or not self._catalog_shown:
            self._show_catalog(catalog)
        self._show_list()
        self._show_current_tab()

    def _follow_stored_story(self) -> None:
        """A restore or import may change or remove the story open in the editor. Show the
        stored story, unless the user has unsaved typing: that is kept, and they are told."""
        shown = self.editor.story_id
        if shown is None:
            return
        with session_scope(self.context.profile.engine) as session:
            story = story_store.get_story(session=session, story_id=shown)
        saved = self.editor.saved_draft
        if (
            story is not None
            and saved is not None
            and story_store.same_as_stored(story.draft, saved)
        ):
            return  # our own save, or a change elsewhere that left this story alone
        title = (saved.title if saved else "") or "Untitled story"
        if not self.editor.has_unsaved_changes():
            if story is None:
                self.editor.clear()
                self.right.setCurrentIndex(SHOW_WELCOME)
            else:
                self.editor.load(story, self._link_labels(story), "")  # rehearsals follow
        elif story is None:
            self._keep_typing_as_new_story(title)
        else:
            self.editor.keep_typing(
                shown,
                story.draft,
                f"“{title}” was changed outside this editor (by a restore or an import) while "
                "you were typing. Your version stays here and will be saved over it.",
            )

    def _keep_typing_as_new_story(self, title: str) -> None:
        draft = self.editor.draft()
        notice = (
            f"“{title}” is not in the story bank any more (after a restore or an import). "
            "What you had typed is kept as a new story."
        )
        try:
            self.context.perform(
                lambda session: story_store.create_story(
                    session=session, draft=draft, now=self.context.now()
                ),
                "keeping your typing as a new story",
                then=lambda story_id: self.editor.keep_typing(story_id, draft, notice),
            )
        except WriteFailed as failure:
            self.editor.kept.mark_unsaved(failure.reason)

    def _show_current_tab(self) -> None:
        """Coverage and loop plans are worked out only while on show (not on every save)."""
        if self._stale or self._read_pending:
            # Built before the stories are read (a tab restored, or chosen while they are
            # read), a view would say no theme has a story and fit its choice of theme sets
            # to an empty list: it is built when they come in.
            return
        tab = self.tabs.currentIndex()
        if tab == TAB_COVERAGE:
            self._show_coverage()
        elif tab == TAB_LOOP:
            self._show_loop_plan()

    def _show_catalog(self, catalog: ThemeCatalog) -> None:
        self._catalog = catalog
        self._catalog_shown = True
        self.editor.set_catalog(catalog)
        if self._coverage is not None:
            self._give_coverage_catalog(self._coverage)
        if self._loop is not None:
            self._give_loop_catalog(self._loop)

    def _give_coverage_catalog(self, view: CoverageView) -> None:
        """The catalog's theme sets to choose from; the first time, the set chosen last."""
        view.set_catalog(self._catalog)
        restored = self._restored.pop("coverage", None)
        if restored is not None:
            view.choose_set(restored)

    def _give_loop_catalog(self, view: LoopPrepView) -> None:
        custom_ids = [i for i in self._restored.pop("custom", "").split(",") if i]
        view.set_catalog(self._catalog, custom_ids)
        restored = self._restored.pop("loop", None)
        if restored is not None:
            view.choose_set(restored)

    def _filter_changed(self) -> None:
        """Like a notes app, the editor follows the filter: a story the filter now hides is
        saved and closed, and the first story that matches opens (or, with none, a note that
        says so and offers to clear the filter). Typing that cannot be saved keeps its story
        open and listed, with the editor's warning."""
        current = self.editor.story_id
        if current is not None:
            saved = self.editor.flush()  # the story as on screen decides whether it matches
            if self._stale:
                self.reload()  # the save's change signal found the page hidden
            if saved and not self._matches(current):
                self._remembered = current  # opened again if the filter is cleared at once
                self.editor.clear()
        self._show_list()

    def _matches(self, story_id: int) -> bool:
        needle = self.filter.text().strip().casefold()
        story = next((s for s in self._stories if s.id == story_id), None)
        return story is not None and (not needle or needle in _haystack(story, self._catalog))

    def _show_list(self) -> None:
        if self._read_pending:
            return  # the filter and the order apply when the stories come in
        now = self.context.now()
        needle = self.filter.text().strip().casefold()
        current = self.editor.story_id
        matching = [s for s in self._stories if not needle or needle in _haystack(s, self._catalog)]
        # The story open in the editor stays listed while it is open, even when an edit to it
        # (or typing that could not be saved) leaves it outside the filter: the list and the
        # editor agree, and it does not vanish under the user's typing. A new filter closes it.
        listed = {s.id for s in matching} | {current}
        stories = [s for s in self._stories if s.id in listed]
        if self.sort.currentData() == SORT_DUE:
            due = due_for_rehearsal(stories, now)
            due_ids = {s.id for s in due}
            stories = [*due, *(s for s in stories if s.id not in due_ids)]
        current = self.editor.story_id
        self.model.set_rows(story_rows(stories, now))
        due_count = len(due_for_rehearsal(self._stories, now))
        total = len(self._stories)
        heading = f"{total} {'story' if total == 1 else 'stories'}"
        if needle and total:
            # "60 stories" above the five that match read as if the filter had not run.
            heading = f"{len(matching)} of {total} {'story' if total == 1 else 'stories'} match"
        elif due_count:
            # In the sort menu's words ("Due for rehearsal first"), short enough for one line.
            heading += f" · {due_count} due for rehearsal"
        self.list_heading.setText(heading)
        # With no stories at all the welcome beside the list says what to do: no count of
        # nothing above an empty list, and nothing to export yet.
        self.list_heading.setVisible(bool(total))
        self.export_button.setEnabled(bool(total))
        # An empty list leaves the words to the side beside it: the welcome, or "No story
        # matches …" with its Clear the filter button (saying it twice read as two problems).
        self.list_empty.setText("")
        self.list_area.show_view(bool(stories))
        if current is not None:
            select_record(self.list, current, open_it=False, scroll=False)
        elif stories:
            # A list of stories beside "Write your first story" misleads: open one.
            self._open_remembered_or_first(stories)
        if self.editor.story_id is None:
            if stories or not total:
                self.right.setCurrentIndex(SHOW_WELCOME)
            else:
                self.no_match.message.setText(f"No story matches “{self.filter.text().strip()}”.")
                self.right.setCurrentIndex(SHOW_NO_MATCH)

    def _open_remembered_or_first(self, shown: list[Story]) -> None:
        remembered, self._remembered = self._remembered, None
        ids = [story.id for story in shown]
        self.open_story(remembered if remembered in ids else ids[0], switch_tab=False)

    def _coverage_themes(self) -> list[Theme]:
        chosen = self.coverage_view.chosen_set()
        theme_set = self._catalog.theme_set(chosen)
        if chosen == ALL_THEMES or theme_set is None:
            return list(self._catalog.themes)
        return [t for t in (self._catalog.theme(i) for i in theme_set.themes) if t is not None]

    def _show_coverage(self) -> None:
        self.coverage_view.show_coverage(coverage(self._coverage_themes(), self._stories))

    def _show_loop_plan(self) -> None:
        self.loop_view.show_plan(plan_loop(self.loop_view.themes(), self._stories))

    def _open_row(self, row: int) -> None:
        found = self.model.row_at(row)
        if found is not None:
            self.open_story(found.id)

    @reports_read_failures
    def open_story(self, story_id: int, *, switch_tab: bool = True) -> bool:
        """Show a story in the editor (switching to the story bank unless told not to)."""
        if self._read_pending:
            self.reload()  # asked for before the first read came back: the list must agree
        with session_scope(self.context.profile.engine) as session:
            story = story_store.get_story(session=session, story_id=story_id)
            if story is None:
                return False
            rehearsals = story_store.rehearsals_of(session=session, story_id=story_id)
        titles = self._link_labels(story)
        if switch_tab:
            self.tabs.setCurrentIndex(TAB_STORIES)
        if self.editor.story_id != story_id:
            if not self.editor.load(story, titles, _rehearsal_text(rehearsals)):
                self._keep_current_selected()  # its typing could not be saved: stay on it
                return False
        else:
            self.editor.show_rehearsals(_rehearsal_text(rehearsals))
        self.right.setCurrentIndex(SHOW_EDITOR)
        if self.model.row_of(story_id) < 0 and self.filter.text():
            self.filter.clear()  # opened from elsewhere (Coverage, Search everything): list it
        row = self.model.row_of(story_id)
        if row >= 0 and self.list.currentIndex().row() != row:
            select_row(self.list, row, open_it=False)
        return True

    def _link_labels(self, story: Story) -> dict[int, str]:
        with session_scope(self.context.profile.engine) as session:
            found = story_store.journal_titles(
                session=session, entry_ids=story.draft.journal_entry_ids
            )
        return links.link_labels(found)

    def _title_typed(self, text: str) -> None:
        """The open story's row shows the title as it is typed, not "Untitled story" until
        the autosave a second later: display only, the save goes the usual way."""
        story_id = self.editor.story_id
        shown = self.model.row_at(self.model.row_of(story_id)) if story_id is not None else None
        if shown is not None:
            story = replace(shown.story, draft=replace(shown.story.draft, title=text))
            self.model.replace_row(replace(shown, story=story))

    def _keep_current_selected(self) -> None:
        if self.editor.story_id is not None:
            select_record(self.list, self.editor.story_id, open_it=False)

    # Writing -----------------------------------------------------------------------------

    def new_story(self, draft: StoryDraft | None = None) -> int | None:
        if not self.editor.flush():
            return None  # the editor says why, and keeps the typing that could not be saved
        story_id = created_or_told(
            self.context,
            self,
            "The new story",
            lambda session: story_store.create_story(
                session=session, draft=draft or StoryDraft(), now=self.context.now()
            ),
        )
        if story_id is None:
            return None
        self.filter.clear()
        if self._stale:
            self.reload()
        self.open_story(story_id)
        self.editor.focus_title()
        return story_id

    def _write(self, story_id: int, draft: StoryDraft, saved: Callable[[], None]) -> None:
        """The editor's writer: raises WriteFailed or LookupError, and the editor says so."""
        self.context.perform(
            lambda session: story_store.save_story(
                session=session, story_id=story_id, draft=draft, now=self.context.now()
            ),
            "saving the story",
            then=lambda _changed: saved(),
        )

    def _delete(self, story_id: int) -> None:
        title = self.editor.title.text().strip() or "Untitled story"
        neighbour = self._neighbour_of(story_id)
        self.editor.flush()
        if not self.deletes.delete(story_id, title):
            return
        self.editor.clear()
        # Like a mail app: the next story opens, not a welcome beside a list of stories,
        # and the keys go to the list (a second Enter on Delete would take that one too).
        if neighbour is None or not self.open_story(neighbour, switch_tab=False):
            self._show_list()  # the welcome, or "No story matches" under a filter
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    def _delete_chosen(self) -> None:
        """The story chosen in the list is the one open: the Delete key deletes it."""
        if self.editor.story_id is not None:
            self._delete(self.editor.story_id)

    def _neighbour_of(self, story_id: int) -> int | None:
        """The story listed after this one (or before it, for the last)."""
        row = self.model.row_of(story_id)
        for near in (row + 1, row - 1):
            found = self.model.row_at(near) if row >= 0 and near >= 0 else None
            if found is not None:
                return found.id
        return None

    def undo_delete(self) -> None:
        story_id = self.deletes.undo()
        if story_id is not None:
            self.open_story(story_id)

    def add_custom_theme(self) -> str | None:
        title = links.ask_theme_title(self)
        if not title:
            return None
        taken = [t.id for t in self._catalog.themes]
        existing = next(
            (t for t in self._catalog.themes if t.title.casefold() == title.casefold()), None
        )
        if existing is not None:
            theme_id = existing.id
        else:
            theme_id = custom_theme_id(title, taken)
            if not saved_or_told(
                self.context,
                self,
                "The new theme",
                lambda session: story_store.add_custom_theme(
                    session=session, theme=CustomTheme(theme_id, title), now=self.context.now()
                ),
            ):
                return None
            if self._stale:
                self.reload()
        if self.editor.story_id is not None:
            self.editor.themes.set_checked(theme_id, True)
        return theme_id

    @reports_read_failures
    def link_journal_entry(self) -> None:
        with session_scope(self.context.profile.engine) as session:
            entries = story_store.recent_journal_entries(session=session)
        if not entries:
            dialogs.tell(self, "No journal entries", "Your journal has no entries to link yet.")
            return
        chosen = links.ask_journal_entry(self, entries)
        if chosen is not None:
            self.editor.add_link(chosen.id, links.link_labels([chosen])[chosen.id])

    # Rehearsal ---------------------------------------------------------------------------

    def rehearse(self, story_id: int | None = None) -> int | None:
        """Open the rehearsal timer for the story; the id of the logged rehearsal, if any."""
        story_id = story_id if story_id is not None else self.editor.story_id
        story = next((s for s in self._stories if s.id == story_id), None)
        if story is None:
            return None
        self.editor.flush()
        # What the editor shows may be newer than the list's copy.
        draft = self.editor.draft() if story.id == self.editor.story_id else story.draft
        if story_timing(draft).total_words == 0:
            dialogs.tell(
                self,
                "Nothing to rehearse yet",
                "Write the story's Situation, Task, Action and Result first, then rehearse "
                "it against the clock.",
            )
            return None
        return self.run_rehearsal(story)

    def run_rehearsal(self, story: Story) -> int | None:
        from desktop.ui.stories.rehearsal_dialog import RehearsalDialog

        dialog = RehearsalDialog(self.context, story, self)
        dialog.exec()
        dialog.deleteLater()
        return dialog.logged_id

    # Exports -----------------------------------------------------------------------------

    def export_markdown(self) -> bool:
        self.editor.flush()
        return exports.export_markdown(self, self.context, self._catalog)

    def export_loop_sheet(self) -> bool:
        self.editor.flush()
        if self._read_pending:
            self.reload()
        themes = self.loop_view.themes()
        if not themes:
            dialogs.tell(
                self,
                "Choose the themes first",
                "Pick a theme set on the Loop preparation tab (or tick themes for your own set).",
            )
            self.tabs.setCurrentIndex(TAB_LOOP)
            return False
        plan = plan_loop(themes, self._stories)
        return exports.export_loop_sheet(self, self.context, plan, self.loop_view.set_title())


def _tab_holder() -> QWidget:
    """A tab's place, empty until its view is built."""
    holder = QWidget()
    QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
    return holder


def _haystack(story: Story, catalog: ThemeCatalog) -> str:
    draft = story.draft
    themes = " ".join(catalog.title_of(t) for t in draft.themes)
    return " ".join((story.title, themes, " ".join(draft.companies))).casefold()


def _rehearsal_text(rehearsals: list[Rehearsal]) -> str:
    if not rehearsals:
        return "Not rehearsed yet."
    last = rehearsals[0]
    times = "once" if len(rehearsals) == 1 else f"{len(rehearsals)} times"
    return (
        f"Rehearsed {times}; last on {short_date(last.rehearsed_at)}, "
        f"spoken in {duration_text(last.seconds)}, rated {last.rating} of 5."
    )
