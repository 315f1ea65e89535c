"""Edit > Search everything (Ctrl+K): one box for path items, journal entries, stories and
attempts. Type, move with the arrow keys, Enter opens the hit on its page, Esc closes. A kind
lists its first few hits; when more match, its "Show all" row lists the rest.

The search runs on a worker thread a moment after typing stops, so the box never waits for
the database; a result that arrives after newer typing is dropped.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.store.database import session_scope
from desktop.store.search import HITS_PER_KIND, Hit, HitKind, path_item_texts, search_everything
from desktop.ui.formatting import day_with_year, short_date
from desktop.ui.search_rows import FACTS_ROLE, HitRowDelegate
from desktop.ui.widgets.controls import filter_edit
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip
from desktop.ui.window_keys import MOVE_THROUGH_HITS, OPEN_HIT

if TYPE_CHECKING:
    from desktop.ui.context import AppContext

TYPING_PAUSE_MS = 150
HIT_ROLE = Qt.ItemDataRole.UserRole + 2
SHOW_ALL_ROLE = Qt.ItemDataRole.UserRole + 3  # the kind a "Show all" row lists in full
# "Show all" lists this many of a kind at most; past that, more words narrow the search.
ALL_OF_A_KIND = 200


class SearchDialog(QDialog):
    chosen = Signal(object)  # the Hit to open

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle("Search everything")
        self.setAccessibleName("Search everything")
        self._asked = 0  # which search the shown results belong to
        self._open_when_shown = False  # Enter came before the results for the typing did
        self._searching = False
        self._listed_in_full: set[HitKind] = set()  # kinds whose "Show all" was chosen
        self._select_after_show: tuple[HitKind, int] | None = None
        self._items = path_item_texts(context.profile.library.paths, context.profile.taxonomy.label)
        layout = QVBoxLayout(self)
        self.box = filter_edit(
            "Search everything", "Search path items, journal, stories and attempts", self._typed
        )
        self.box.installEventFilter(self)
        layout.addWidget(self.box)
        self.results = QListWidget()
        self.results.setAccessibleName("Results")
        self.results.setItemDelegate(HitRowDelegate(self.results))
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.itemActivated.connect(self._open)
        layout.addWidget(self.results, 1)
        self.status = text_label("Search status", "muted")
        self.status.setText("Type a word or two.")
        layout.addWidget(self.status)
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(TYPING_PAUSE_MS)
        self._pause.timeout.connect(self.search_now)
        self.resize(620, 460)

    # Searching ---------------------------------------------------------------------------

    def _typed(self) -> None:
        self._listed_in_full.clear()  # new words: each kind starts short again
        self._pause.start()

    def _most_shown(self, kind: HitKind) -> int:
        return ALL_OF_A_KIND if kind in self._listed_in_full else HITS_PER_KIND

    def search_now(self) -> None:
        typed = self.box.text()
        self._pause.stop()
        self._asked += 1
        asked = self._asked
        if not typed.strip():
            self._show([], typed)
            return
        self.status.setText("Searching…")
        self._searching = True
        engine = self.context.profile.engine
        items = self._items
        # One more than is shown: whether it comes says whether there are more to show.
        limits = {kind: self._most_shown(kind) + 1 for kind in HitKind}

        def work() -> list[Hit]:
            with session_scope(engine) as session:
                return search_everything(session=session, typed=typed, items=items, limits=limits)

        self.context.workers.run(
            work,
            lambda hits: self._show(hits, typed) if asked == self._asked else None,
            lambda error: self._failed(error) if asked == self._asked else None,
            owner=self,
        )

    def _failed(self, error: BaseException) -> None:
        from desktop.store.errors import explain

        self._searching = self._open_when_shown = False
        self.results.clear()
        self.status.setText(f"Could not search: {explain(error)}")

    def _show(self, hits: list[Hit], typed: str) -> None:
        self._searching = False
        self.results.clear()
        by_kind: dict[HitKind, list[Hit]] = {}
        for hit in hits:
            by_kind.setdefault(hit.kind, []).append(hit)
        for kind, found in by_kind.items():
            self.results.addItem(_heading(kind.heading))
            most = self._most_shown(kind)
            for hit in found[:most]:
                self.results.addItem(_hit_row(hit))
            if len(found) > most:
                self.results.addItem(self._more_row(kind, most))
        if not typed.strip():
            self.status.setText("Type a word or two.")
        elif not hits:
            self.status.setText(f"Nothing matches “{typed.strip()}”. Try fewer or shorter words.")
        else:
            self.status.setText("↑ ↓ to choose, Enter to open, Esc to close.")
        self._select_first_hit()
        self._select_listed_in_full()
        if self._open_when_shown:
            self._open_when_shown = False
            self.open_current()

    def hits(self) -> list[Hit]:
        """The hits listed, in order (headings left out)."""
        found = (self.results.item(row).data(HIT_ROLE) for row in range(self.results.count()))
        return [hit for hit in found if isinstance(hit, Hit)]

    # Choosing ----------------------------------------------------------------------------

    def _select_first_hit(self) -> None:
        for row in range(self.results.count()):
            if self.results.item(row).data(HIT_ROLE) is not None:
                self.results.setCurrentRow(row)
                return

    def _select_listed_in_full(self) -> None:
        """After "Show all", the first hit that was not listed before it."""
        if self._select_after_show is None:
            return
        kind, shown_before = self._select_after_show
        self._select_after_show = None
        of_kind = [
            row
            for row in range(self.results.count())
            if isinstance(hit := self.results.item(row).data(HIT_ROLE), Hit) and hit.kind is kind
        ]
        if len(of_kind) > shown_before:
            self.results.setCurrentRow(of_kind[shown_before])
            self.results.scrollToItem(self.results.currentItem())

    def _more_row(self, kind: HitKind, shown: int) -> QListWidgetItem:
        """ "Show all …" under a kind cut short, or, once that was chosen, a note that the
        list stops at ALL_OF_A_KIND."""
        if kind in self._listed_in_full:
            note = QListWidgetItem(f"Only the first {shown:,} are listed: add a word to narrow it.")
            note.setFlags(Qt.ItemFlag.NoItemFlags)
            return note
        text = f"Show all {kind.heading.lower()}…"
        row = QListWidgetItem(text)
        row.setData(SHOW_ALL_ROLE, kind)
        row.setData(
            Qt.ItemDataRole.AccessibleTextRole, f"{text} Only the first {shown} are listed."
        )
        row.setToolTip(f"Only the first {shown} are listed; Enter or a click lists them all.")
        row.setForeground(self.results.palette().color(QPalette.ColorRole.Link))
        return row

    def show_all(self, kind: HitKind) -> None:
        """List every hit of this kind (up to ALL_OF_A_KIND) for the same words."""
        self._select_after_show = (kind, self._most_shown(kind))
        self._listed_in_full.add(kind)
        self.search_now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The arrow keys move through the results while the keyboard stays in the box."""
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if MOVE_THROUGH_HITS.matches(event):
                self.results.setFocus()
                self.results.keyPressEvent(event)
                self.box.setFocus()
                return True
            if OPEN_HIT.matches(event):
                if self._pause.isActive() or self._searching:
                    self._open_when_shown = True  # open the first hit for what was typed
                    if self._pause.isActive():
                        self.search_now()
                else:
                    self.open_current()
                return True
        return super().eventFilter(watched, event)

    def open_current(self) -> None:
        current = self.results.currentItem()
        if current is not None:
            self._open(current)

    def _open(self, item: QListWidgetItem) -> None:
        kind = item.data(SHOW_ALL_ROLE)  # Qt hands a str enum back as its str
        if kind is not None:
            self.show_all(HitKind(kind))
            return
        hit = item.data(HIT_ROLE)
        if isinstance(hit, Hit):
            self.accept()
            self.chosen.emit(hit)


def _hit_row(hit: Hit) -> QListWidgetItem:
    facts = _facts(hit)
    item = QListWidgetItem(hit.title)
    item.setData(HIT_ROLE, hit)
    item.setData(FACTS_ROLE, facts)
    item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{hit.title}, {facts}")
    item.setToolTip(plain_tip(f"{hit.title}\n{facts}"))
    return item


def _heading(text: str) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable: the arrow keys pass over it
    font = item.font()
    font.setBold(True)
    item.setFont(font)
    return item


def _facts(hit: Hit) -> str:
    """The hit's second line: its date, then where it is or the words around the match."""
    return " · ".join(part for part in (_when_text(hit.when), hit.detail) if part)


def _when_text(when: date | datetime | None) -> str:
    if when is None:
        return ""
    if isinstance(when, datetime):
        return short_date(when)
    return day_with_year(when)
