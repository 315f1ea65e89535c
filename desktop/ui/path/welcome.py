"""The welcome a new user sees on a first start: what Loopwise is for, and the first steps.

It sits above the learning path (the page a first start opens on) while the profile holds
nothing the user made. Once it does, or the user hides the welcome, a mark in the window's
state keeps it away for good: it does not come back on a later start, even when everything
is deleted again.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from desktop.store.database import session_scope
from desktop.store.first_start import holds_user_data, holds_user_files
from desktop.ui.context import AppContext
from desktop.ui.read_failures import reports_read_failures
from desktop.ui.widgets.controls import push_button
from desktop.ui.widgets.labels import text_label
from desktop.ui.widgets.plain_text import plain_tip

WELCOMED_KEY = "welcome/done"  # set once the welcome is not needed any more


def about(role: str | None) -> str:
    """What Loopwise is for, naming the chosen path's role (it once said "backend" to a
    user on the ML path); neutral while no path is chosen."""
    path = f"the {role} learning path" if role else "a learning path"
    return (
        "Loopwise is your practice journal for the interview loop ahead: work through "
        f"{path}, log each session with how it went, and it shows what keeps going "
        "wrong and what to practise next. Everything stays on this computer."
    )


FIRST_DAY = (
    "A good first day: pick the path for the role you want, do one item with the timer "
    "running, then say how it went."
)


class FirstStartWelcome(QFrame):
    """The welcome card; the page it sits on carries out what its buttons ask for."""

    start_first_item = Signal()
    choose_path = Signal()
    time_own_session = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("welcome")
        self.setAccessibleName("Welcome to Loopwise")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 12, 14)
        layout.setSpacing(6)

        top = QHBoxLayout()
        heading = text_label("Welcome", "heading")
        heading.setText("Welcome to Loopwise")
        top.addWidget(heading, 1)
        self.hide_button = push_button(
            "Hide", "Hide the welcome", self.dismiss, tooltip="Hide this welcome for good"
        )
        self.hide_button.setFlat(True)
        top.addWidget(self.hide_button)
        layout.addLayout(top)

        self.about = text_label("What Loopwise is for")
        self.about.setText(about(None))
        layout.addWidget(self.about)
        first_day = text_label("A good first day", "muted")
        first_day.setText(FIRST_DAY)
        layout.addWidget(first_day)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 6, 0, 0)
        self.start_button = push_button(
            "Start the first item",
            "Start a timed session on the path's first item",
            self.start_first_item,
            default=True,
        )
        self.path_button = push_button(
            "Choose a learning path…",
            "Choose the learning path to work through",
            self.choose_path,
            tooltip="Backend, SRE / DevOps or ML Engineer",
        )
        self.own_button = push_button(
            "Time a session of your own…",
            "Time a practice session of your own",
            self.time_own_session,
            tooltip="Anything you practise that is not on the path, such as a mock problem",
        )
        for button in (self.start_button, self.path_button, self.own_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        events = context.events
        for signal in (
            events.sessions_changed,
            events.journal_changed,
            events.stories_changed,
            events.plan_changed,
            events.mocks_changed,
        ):
            signal.connect(lambda: self.refresh())
        events.progress_changed.connect(lambda _path_id: self.refresh())
        events.paths_changed.connect(lambda: self.refresh())  # a path or quiz file imported
        self.hide()  # until refresh(), once the card is in its page

    def set_role(self, role: str | None) -> None:
        """The chosen path's role (from the path file: plain text) for the words above."""
        self.about.setText(about(role))

    def set_first_item(self, title: str | None) -> None:
        """Names the item the start button opens (None: the path has nothing left to do)."""
        self.start_button.setEnabled(title is not None)
        self.start_button.setToolTip(  # a title is the user's text: never markup
            plain_tip(f"Start a timed session on “{title}”")
            if title
            else "Every item is started or done"
        )

    @reports_read_failures
    def refresh(self) -> None:
        """Shown while the profile holds nothing the user made, and never again after."""
        settings = self.context.settings
        if settings.value(WELCOMED_KEY, False, type=bool):
            self.hide()
            return
        profile = self.context.profile
        needed = not holds_user_files(profile.folder)
        if needed:
            with session_scope(profile.engine) as session:
                needed = not holds_user_data(session=session)
        if not needed:
            self._mark_done()
        self.setVisible(needed)

    def dismiss(self) -> None:
        self._mark_done()
        self.hide()

    def _mark_done(self) -> None:
        self.context.settings.setValue(WELCOMED_KEY, True)
