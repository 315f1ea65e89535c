"""When to save what the user types: after a short pause, and at least every so often."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from desktop.store.errors import WriteFailed

# What a kill (or a power cut) can lose is the typing since the last save: at most MAX_WAIT_MS.
# Kept short because a save is cheap: on a ten-year profile one costs the UI thread about
# 8 ms in the journal and 13 ms in a story (the write, its fsync, the views re-reading;
# median), so saving every 0.4 s of steady typing takes about 3% of it. Not at every
# keystroke: that would be 100 ms of saving a second for a fast typist.
PAUSE_MS = 300  # save this long after typing stops
MAX_WAIT_MS = 400  # ...and never let typing go unsaved longer than this while it goes on


class Timer(Protocol):
    """A one-shot timer: what Autosave needs of QTimer (tests drive a fake one)."""

    def start(self, milliseconds: int) -> None: ...
    def stop(self) -> None: ...
    def isActive(self) -> bool: ...


TimerFactory = Callable[[QObject, Callable[[], None]], Timer]


class Autosave(QObject):
    """Calls `save` after a pause in typing, or MAX_WAIT_MS after the first unsaved change,
    whichever comes first, so a crash loses at most the last MAX_WAIT_MS of typing."""

    def __init__(
        self,
        save: Callable[[], object],
        parent: QObject | None = None,
        make_timer: TimerFactory | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        make = make_timer or _qt_timer
        self._pause = make(self, self._due)
        self._max_wait = make(self, self._due)

    def changed(self) -> None:
        self._pause.start(PAUSE_MS)
        if not self._max_wait.isActive():
            self._max_wait.start(MAX_WAIT_MS)

    def retry_in(self, milliseconds: int) -> None:
        self._max_wait.stop()
        self._pause.start(milliseconds)

    def stop(self) -> None:
        self._pause.stop()
        self._max_wait.stop()

    def _due(self) -> None:
        self.stop()  # one save covers both: the next change starts both clocks afresh
        self._save()


def _qt_timer(parent: QObject, fire: Callable[[], None]) -> Timer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.timeout.connect(fire)
    return timer


RETRY_DELAY_MS = 5000  # after a failed save (disk full, locked): try again this much later

K = TypeVar("K")  # what names a record: an entry's number, an item's id
D = TypeVar("D")
# Writes `draft` over record `key` and calls `saved` once it is committed, before the views
# re-read (AppContext.perform's `then`). Raises WriteFailed or LookupError if it cannot.
Writer = Callable[[K, D, Callable[[], None]], object]


class KeptDraft(Generic[K, D]):
    """One record being edited: what was last saved, when to save again, and what the user is
    told about it. Shared by every editor (journal, stories, item notes), so all save and
    recover alike.

    An editor that lets the user move on while a save fails (item notes) calls `set_aside`
    first: the draft is then held, shown again when its record comes back, and retried with
    every save until one succeeds."""

    def __init__(
        self,
        *,
        noun: str,
        read_draft: Callable[[], D],
        save_state: QLabel,
        warning: QLabel,
        parent: QObject,
    ) -> None:
        self.record_id: K | None = None
        self.saved: D | None = None
        self.write: Writer[K, D] | None = None  # set by the page that owns the record
        self._set_aside: dict[K, D] = {}  # drafts of records no longer on screen, not saved
        self._record_gone = False  # the record on screen was deleted elsewhere
        self._noun = noun
        self._read_draft = read_draft
        self._save_state = save_state
        self._warning = warning
        self._autosave = Autosave(self.flush, parent)

    def load(self, record_id: K | None, saved: D | None = None) -> None:
        """What is on screen now belongs to record `record_id`, whose saved state is `saved`
        (by default, what is on screen)."""
        self._autosave.stop()
        self.record_id = record_id
        self._record_gone = False
        self.saved = saved if saved is not None or record_id is None else self._read_draft()
        if record_id is not None:
            self._set_aside.pop(record_id, None)  # it is back on screen
        self._save_state.setText("Not saved yet" if self.has_unsaved_changes() else "")
        if not self._set_aside:
            self._warning.hide()

    def adopt(self, record_id: K, saved: D) -> None:
        """The typing on screen is to be saved over `saved` in record `record_id`."""
        self.record_id, self.saved = record_id, saved
        if self._on_screen_unsaved():
            self.changed()
        else:
            self.mark_saved(saved)

    def clear(self) -> None:
        """Forget the record without saving (it was deleted)."""
        self.load(None)

    def set_aside(self) -> None:
        """The record is leaving the screen with a draft that could not be saved: hold it."""
        if self.record_id is not None and self._on_screen_unsaved() and not self._record_gone:
            self._set_aside[self.record_id] = self._read_draft()

    def draft_set_aside(self, record_id: K) -> D | None:
        """The unsaved draft held for `record_id`, to show instead of what is saved."""
        return self._set_aside.get(record_id)

    def has_unsaved_changes(self) -> bool:
        return self._on_screen_unsaved() or bool(self._set_aside)

    def _on_screen_unsaved(self) -> bool:
        return self.record_id is not None and self._read_draft() != self.saved

    def changed(self) -> None:
        self._save_state.setText("Editing…")
        self._autosave.changed()

    def flush(self) -> bool:
        """Save now if anything changed (on a pause, a switch, or closing). False if it could
        not be saved: the text stays on screen, and the caller must not replace it."""
        self._autosave.stop()
        if self.write is None:
            return not self.has_unsaved_changes()
        failure = self._write_set_aside()
        if self._on_screen_unsaved():
            assert self.record_id is not None
            draft = self._read_draft()
            try:
                failure = self._try_write(self.record_id, draft, lambda: self.mark_saved(draft))
            except LookupError as missing:
                self._record_gone = True
                failure = str(missing)
        if failure is not None:
            self.mark_unsaved(failure)
        elif not self.has_unsaved_changes():
            self._warning.hide()  # a held draft went through, or the user typed it back
        return not self.has_unsaved_changes()

    def _write_set_aside(self) -> str | None:
        failure = None
        for record_id, draft in list(self._set_aside.items()):
            try:
                failure = self._try_write(record_id, draft, self._forget_set_aside(record_id))
            except LookupError:  # the record is gone: nothing is left to save it into
                self._set_aside.pop(record_id, None)
        return failure

    def _forget_set_aside(self, record_id: K) -> Callable[[], None]:
        def forget() -> None:
            self._set_aside.pop(record_id, None)

        return forget

    def _try_write(self, record_id: K, draft: D, saved: Callable[[], None]) -> str | None:
        """None once written, or why it could not be (a missing record raises LookupError)."""
        assert self.write is not None
        try:
            self.write(record_id, draft, saved)
        except WriteFailed as failure:
            return failure.reason
        return None

    def mark_saved(self, draft: D) -> None:
        self.saved = draft
        self._save_state.setText("Saved" if draft == self._read_draft() else "Editing…")
        if not self._set_aside:
            self._warning.hide()

    def mark_unsaved(self, reason: str) -> None:
        self._save_state.setText("Not saved yet")
        self._warning.setText(
            f"This {self._noun} could not be saved: {reason}. It stays here and is saved as "
            "soon as that is possible."
        )
        self._warning.show()
        self._autosave.retry_in(RETRY_DELAY_MS)
