"""Edit > Preferences (Ctrl+,): the theme, the first day of the week, the weekly budget, rest
days and backup keeping.

Every choice takes effect as it is made, as preferences do on Linux desktops; there is nothing
to confirm, and Close (or Esc) keeps what was chosen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.streaks import MAX_REST_DAYS
from desktop.store.errors import WriteFailed
from desktop.store.settings import (
    AppearanceSettings,
    BackupSettings,
    CalendarSettings,
    StreakSettings,
    unusable_copy_name,
)
from desktop.ui.theme import apply_theme_choice
from desktop.ui.widgets.controls import spin_box
from desktop.ui.widgets.file_problems import FileProblemsNote, listed
from desktop.ui.widgets.labels import ProblemNote, text_label

if TYPE_CHECKING:
    from desktop.ui.context import AppContext

THEMES = [("system", "Follow the system"), ("light", "Light"), ("dark", "Dark")]
WEEK_STARTS = [("monday", "Monday"), ("sunday", "Sunday"), ("saturday", "Saturday")]
Section = AppearanceSettings | CalendarSettings | StreakSettings | BackupSettings


class PreferencesDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.store = context.preferences
        self.setWindowTitle("Preferences")
        self.setAccessibleName("Preferences")
        settings = self.store.read()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.theme = QComboBox()
        self.theme.setAccessibleName("Theme")
        for value, label in THEMES:
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(self.theme.findData(settings.appearance.theme))
        self.theme.currentIndexChanged.connect(self._theme_chosen)
        form.addRow("&Theme", self.theme)
        # Said only while "Follow the system" is chosen: it is about that choice alone.
        self.system_note = text_label("About following the system", "muted")
        self.system_note.setText(
            "Your desktop does not say whether it is light or dark, so following it shows light."
        )
        form.addRow("", self.system_note)
        self._show_system_note()

        self.first_weekday = QComboBox()
        self.first_weekday.setAccessibleName("First day of the week")
        for value, label in WEEK_STARTS:
            self.first_weekday.addItem(label, value)
        self.first_weekday.setCurrentIndex(
            self.first_weekday.findData(settings.calendar.first_weekday)
        )
        self.first_weekday.currentIndexChanged.connect(self._save_first_weekday)
        form.addRow("&First day of the week", self.first_weekday)

        self.budget = spin_box(
            "Weekly budget in hours", 1, 80, self.store.weekly_hours(), suffix=" hours a week"
        )
        self.budget.editingFinished.connect(self._save_budget)
        form.addRow("Weekly &budget", self.budget)

        self.rest_days = spin_box(
            "Rest days a week that keep a streak",
            0,
            MAX_REST_DAYS,
            settings.streaks.rest_days,
            suffix=" a week",
        )
        self.rest_days.valueChanged.connect(self._save_rest_days)
        form.addRow("&Rest days that keep a streak", self.rest_days)

        self.keep_all_days = spin_box(
            "Keep every backup for this many days",
            0,
            365,
            settings.backups.keep_all_days,
            suffix=" days",
        )
        self.daily_days = spin_box(
            "Then keep one backup a day up to this many days",
            0,
            3650,
            settings.backups.daily_days,
            suffix=" days",
        )
        for box in (self.keep_all_days, self.daily_days):
            box.valueChanged.connect(self._save_backups)
        form.addRow("Keep &every backup for", self.keep_all_days)
        daily = QHBoxLayout()
        daily.addWidget(self.daily_days)
        daily.addWidget(QLabel("then one a week"), 1)
        daily_label = QLabel("Then &one a day up to")
        daily_label.setBuddy(self.daily_days)  # a row of several widgets gets no buddy itself
        form.addRow(daily_label, daily)

        self.problem = ProblemNote("Problem saving a preference")
        layout = QVBoxLayout(self)
        # A settings file that could not be used, told as every data file's problems are:
        # above the choices, which show the defaults because of it.
        self.file_problems: FileProblemsNote | None = None
        self._fitted = False
        unusable = self.store.file_error()
        if unusable is not None:
            self.file_problems = FileProblemsNote(
                "Your saved preferences could not be read, so the defaults below apply. "
                "Changing any of them saves a new settings file; this one is kept beside it "
                f"as {unusable_copy_name(context.profile.folder.settings_file).name}.",
                unusable.file,
                listed(unusable),
                folder=context.profile.folder.data_dir,
            )
            layout.addWidget(self.file_problems)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.file_problems is not None and not self._fitted:
            self._fitted = True  # once: a user's resize afterwards is theirs
            self.file_problems.fit()
            layout = self.layout()
            if layout is not None:
                layout.activate()
            # Not adjustSize(): it keeps a window within 2/3 of the screen, which on a small
            # one squeezed the rows into each other. The note's list is capped to fit instead.
            self.resize(self.sizeHint())

    def _show_system_note(self) -> None:
        unknown = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Unknown
        self.system_note.setVisible(unknown and self.theme.currentData() == "system")
        layout = self.layout()
        if self.isVisible() and layout is not None:
            layout.activate()  # the note's room is given back before the size is taken
            self.adjustSize()  # without the note, no empty band above the other rows

    def _theme_chosen(self) -> None:
        self._show_system_note()
        choice = str(self.theme.currentData())
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme_choice(app, choice)  # at once, saved or not
        self._save(appearance=AppearanceSettings(theme=choice))  # type: ignore[arg-type]

    def _save_first_weekday(self) -> None:
        # The Plan page and the Trends calendar hear of it through the store's signal.
        choice = str(self.first_weekday.currentData())
        self._save(calendar=CalendarSettings(first_weekday=choice))  # type: ignore[arg-type]

    def _save_rest_days(self) -> None:
        self._save(streaks=StreakSettings(rest_days=self.rest_days.value()))

    def _save_backups(self) -> None:
        self._save(
            backups=BackupSettings(
                keep_all_days=self.keep_all_days.value(), daily_days=self.daily_days.value()
            )
        )

    def _save(self, **sections: Section) -> None:
        try:
            self.store.update(**sections)
        except OSError as error:
            reason = (error.strerror or str(error)).lower()
            self.problem.tell(f"Your choice could not be saved: {reason}.")
        else:
            self.problem.tell(None)
            self._file_replaced()

    def _file_replaced(self) -> None:
        """A saved choice wrote a whole new settings file: the old one's problems are gone."""
        if self.file_problems is not None and self.file_problems.isVisibleTo(self):
            self.file_problems.hide()
            layout = self.layout()
            if self.isVisible() and layout is not None:
                layout.activate()
                self.adjustSize()  # no empty band where the note was

    def _save_budget(self) -> None:
        hours = self.budget.value()
        if hours == self.store.weekly_hours():
            return
        try:
            self.store.set_weekly_hours(hours)
        except WriteFailed as failed:
            self.problem.tell(f"The weekly budget could not be saved: {failed.reason}.")
        else:
            self.problem.tell(None)

    def done(self, result: int) -> None:
        self._save_budget()  # typed but not yet left the box
        super().done(result)
