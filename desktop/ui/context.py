"""What every page needs from the app, handed in by the composition root (no globals)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, QSettings
from sqlmodel import Session

from desktop.clock import Clock
from desktop.domain.dates import local_day
from desktop.profile import Profile
from desktop.store.changes import ChangeRecorder, Changes
from desktop.store.database import session_scope
from desktop.store.errors import SAVE_ERRORS, Trouble, WriteFailed, classify, explain
from desktop.store.health import failure_text
from desktop.store.reports import write_bug_report
from desktop.ui.background import Workers
from desktop.ui.events import ChangeBus
from desktop.ui.ui_state_file import open_ui_state

if TYPE_CHECKING:
    from desktop.ui.settings_store import SettingsStore

T = TypeVar("T")


@dataclass
class AppContext:
    profile: Profile
    settings: QSettings
    events: ChangeBus = field(default_factory=ChangeBus)
    workers: Workers = field(default_factory=Workers)

    @cached_property
    def preferences(self) -> SettingsStore:
        """The user's preferences (settings.toml, and the budget in the plan)."""
        from desktop.ui.settings_store import SettingsStore

        return SettingsStore(self)

    def now(self) -> datetime:
        """The current moment (aware) from the profile's clock, the app's only clock."""
        return self.profile.clock()

    def set_clock(self, clock: Clock) -> None:
        self.profile.clock = clock

    def today(self) -> date:
        """The user's local calendar day by the app's clock."""
        return local_day(self.now())

    @staticmethod
    def for_profile(profile: Profile) -> AppContext:
        return AppContext(profile, open_ui_state(profile.folder.ui_state_file))

    @contextmanager
    def writing(self, what: str = "saving") -> Iterator[Session]:
        """The one way the window writes: one session for one user action.

        On commit the change signals follow what the session wrote (store/changes.py).
        A failure becomes WriteFailed with a plain reason; a bug also leaves a report.
        """
        with self._committed(what) as (session, recorder):
            yield session
        self.events.announce(recorder.changes)

    def perform(
        self,
        change: Callable[[Session], T],
        what: str = "saving",
        *,
        then: Callable[[T], object] | None = None,
    ) -> T:
        """Run `change` in one session, commit, call `then` with its result, and only then
        announce what changed (so an editor marks itself saved before the views re-read).
        Raises WriteFailed."""
        with self._committed(what) as (session, recorder):
            result = change(session)
        if then is not None:
            then(result)
        self.events.announce(recorder.changes)
        return result

    def perform_on_worker(
        self,
        change: Callable[[Session], T],
        what: str,
        *,
        owner: QObject,
        then: Callable[[T], object] | None = None,
        failed: Callable[[BaseException], None] | None = None,
    ) -> Future[Any]:
        """As perform, on a worker thread, for housekeeping nobody waits for: `then` and the
        change signals follow on the UI thread once it is committed; a failure reaches
        `failed` as WriteFailed (a bug leaves a report, as perform's do)."""

        def work() -> tuple[T, Changes]:
            with self._committed(what) as (session, recorder):
                result = change(session)
            return result, recorder.changes

        def done(outcome: tuple[T, Changes]) -> None:
            result, changes = outcome
            if then is not None:
                then(result)
            self.events.announce(changes)

        return self.workers.run(work, done, failed, owner=owner)

    @contextmanager
    def _committed(self, what: str) -> Iterator[tuple[Session, ChangeRecorder]]:
        try:
            with session_scope(self.profile.engine) as session:
                yield session, ChangeRecorder(session)
        except SAVE_ERRORS as error:
            raise self._write_failed(error, what) from error

    def _write_failed(self, error: BaseException, what: str) -> WriteFailed:
        trouble = classify(error)
        if trouble is Trouble.DISK_FULL:  # which disk, as a backup or an import says it
            return WriteFailed(failure_text(error, self.profile.folder.data_dir), trouble)
        if trouble is not Trouble.BUG:
            return WriteFailed(explain(error), trouble)
        report = write_bug_report(self.profile.folder.data_dir, error, what=what, now=self.now())
        # Read as "... could not be saved: <reason>." by the dialogs.
        return WriteFailed(f"Loopwise ran into a bug while {what} (a report is in {report})")
