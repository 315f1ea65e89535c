"""Every page at the smallest, a laptop and a desktop window size, and the dialogs a user
opens, in light and dark, on the demo profile: no text cut short, nothing outside the window,
no dialog taller than the screen.

The pages are rendered by the same code as `loopwise screenshot` (desktop/screenshots.py), so
what the README shows is what is checked here. One window and one demo profile serve every
size and theme: the whole check takes a few seconds.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QSettings, QSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from desktop.domain.data_file import DataFileError
from desktop.domain.dates import MONDAY, week_of
from desktop.domain.path_file import parse_path_text
from desktop.domain.practice import AttemptSubject
from desktop.domain.vocabulary import Vocabulary
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.screenshots import fill_with_demo_if_empty, settle, show_each_page, slug
from desktop.store import practice as practice_store
from desktop.store import stories as stories_store
from desktop.store.backup import backup_database
from desktop.store.database import session_scope
from desktop.ui.about_dialog import AboutDialog
from desktop.ui.context import AppContext
from desktop.ui.main_window import MainWindow
from desktop.ui.page import Page
from desktop.ui.pages import REVIEW_OFFER_DELAY_MS, build_main_window
from desktop.ui.path.add_item_dialog import AddItemDialog
from desktop.ui.path.page import PathPage
from desktop.ui.plan.mock_dialog import MockInterviewDialog
from desktop.ui.plan.review_dialog import WeeklyReviewDialog
from desktop.ui.practice.finish_dialog import FinishSessionDialog
from desktop.ui.practice.quiz_dialog import QuizDialog
from desktop.ui.preferences_dialog import PreferencesDialog
from desktop.ui.safety.backups_dialog import BackupsDialog
from desktop.ui.search_dialog import SearchDialog
from desktop.ui.shortcuts_sheet import ShortcutsSheet, shortcut_groups
from desktop.ui.stories.rehearsal_dialog import RehearsalDialog
from desktop.ui.theme import Scheme, apply_theme
from desktop.ui.widgets.file_problems import (
    FileProblemsDialog,
    ListedProblem,
    listed,
    listed_as_said,
)
from desktop.ui.widgets.waiting import wait_until
from tests.clocks import ManualClock
from tests.helpers.layout_check import (
    TITLE_BAR,
    LayoutProblem,
    dialog_size_problems,
    layout_problems,
)
from tests.render_file_problems import export_problems
from tests.samples import SMALL_PATH

SIZES = ((760, 520), (1280, 800), (1920, 1080))
THEMES = (Scheme.LIGHT, Scheme.DARK)
SCREEN = QSize(1280, 800)
SMALLEST_SCREEN = QSize(760, 520)
# A Friday evening in a week across two months: the longest week heading ("30 Nov - 6 Dec
# 2026") and a week with days done, left and to come.
LAYOUT_MOMENT = datetime(2026, 12, 4, 19, 0).astimezone().astimezone(UTC)


@dataclass(frozen=True)
class KnownIssue:
    """A problem the check finds on a page or dialog another branch is fixing."""

    surface: str  # a page key or a dialog's name, as in a finding
    widget: str  # part of the finding's text that picks it out
    reason: str


# Remove an entry once its fix is merged: the last test here fails while one matches nothing.
KNOWN_LAYOUT_ISSUES: tuple[KnownIssue, ...] = ()


DIALOGS = (
    "finish session", "edit attempt", "weekly review", "add item", "backups", "about",
    "mock interview", "rehearsal", "quiz", "keyboard shortcuts", "preferences",
    "search everything", "file problems", "export problems", "preferences, settings unusable",
)  # fmt: skip


@dataclass(frozen=True)
class Finding:
    surface: str
    size: str
    theme: str
    problem: LayoutProblem

    def __str__(self) -> str:
        return f"{self.surface} at {self.size}, {self.theme}: {self.problem}"

    def known(self) -> KnownIssue | None:
        return next(
            (
                issue
                for issue in KNOWN_LAYOUT_ISSUES
                if issue.surface == self.surface and issue.widget in str(self.problem)
            ),
            None,
        )


@dataclass
class LayoutReport:
    findings: list[Finding]
    rendered: set[tuple[str, str, str]]  # (page key or dialog, size, theme) looked at


@pytest.fixture(scope="module")
def layout_report(qapp: QApplication, tmp_path_factory: pytest.TempPathFactory) -> LayoutReport:
    scratch = tmp_path_factory.mktemp("layout")
    folder = ProfileFolder(scratch / "profile")
    folder.ensure()
    profile = open_profile(folder, clock=ManualClock(LAYOUT_MOMENT))
    fill_with_demo_if_empty(profile)
    backup_database(folder.database, folder.backups_dir, "manual", now=LAYOUT_MOMENT)
    settings = QSettings(str(scratch / "ui-state.ini"), QSettings.Format.IniFormat)
    context = AppContext(profile, settings)
    look = (qapp.style().name(), qapp.property("loopwise_scheme"))
    findings: list[Finding] = []
    rendered: set[tuple[str, str, str]] = set()
    try:
        for theme in THEMES:
            # Themed before the window is built, as the app starts: one window per theme,
            # reused across the sizes.
            apply_theme(qapp, theme)
            window = build_main_window(context)
            try:
                window.show()
                # The weekly-review offer comes a moment after start-up; wait for it, so every
                # render shows its banner and status line however fast the machine is.
                QTest.qWait(REVIEW_OFFER_DELAY_MS + 200)
                findings += _check_window(window, theme, rendered)
            finally:
                window.close()
                _tear_down(window)
    finally:
        context.workers.shut_down()
        profile.close()
        apply_theme(qapp, Scheme(look[1]) if look[1] else None)
        qapp.setStyle(look[0])
    return LayoutReport(findings, rendered)


def _tear_down(window: QWidget) -> None:
    """Let the window and everything Python still holds of it go now, in a known order: the
    Python side first, then Qt's deferred deletes. Left to a garbage collection at some later
    test, wrappers of objects Qt had already deleted crashed the run now and then."""
    gc.collect()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()


def _check_window(
    window: MainWindow, theme: Scheme, rendered: set[tuple[str, str, str]]
) -> list[Finding]:
    findings: list[Finding] = []
    for width, height in SIZES:
        window.resize(width, height)
        for page in show_each_page(window):
            for surface, part in _parts(window, page):
                rendered.add((surface, f"{width}x{height}", theme.value))
                findings += [
                    Finding(surface, f"{width}x{height}", theme.value, problem)
                    for problem in layout_problems(window, part)
                ]
    for name, dialog in _dialogs(window):
        problems = layout_problems(dialog) + dialog_size_problems(
            dialog, screen=SCREEN, smallest_screen=SMALLEST_SCREEN
        )
        size = f"{dialog.width()}x{dialog.height()}"
        rendered.add((name, size, theme.value))
        findings += [Finding(name, size, theme.value, p) for p in problems]
        # As small as the smallest screen makes it: its text must still fit.
        dialog.resize(
            min(dialog.width(), SMALLEST_SCREEN.width()),
            min(dialog.height(), SMALLEST_SCREEN.height() - TITLE_BAR),
        )
        settle()
        size = f"{dialog.width()}x{dialog.height()}"
        findings += [Finding(name, size, theme.value, p) for p in layout_problems(dialog)]
    return findings


def _parts(window: MainWindow, page: Page) -> Iterator[tuple[str, QWidget]]:
    """The window as the page opens, then each other tab of the page's tab widgets."""
    yield page.page_key, window
    for tabs in page.findChildren(QTabWidget):
        if not tabs.isVisible():
            continue
        opened = tabs.currentIndex()
        for index in range(tabs.count()):
            if index != opened:
                tabs.setCurrentIndex(index)
                settle()
                yield f"{page.page_key}/{slug(tabs.tabText(index))}", tabs.widget(index)
        tabs.setCurrentIndex(opened)
        settle()


def _dialogs(window: MainWindow) -> Iterator[tuple[str, QDialog]]:
    """Each dialog a user can open, filled from the demo profile, shown and laid out."""
    context = window.context
    profile = context.profile
    now = context.now()
    with session_scope(profile.engine) as session:
        attempts = practice_store.attempts_between(
            session=session, start=now - timedelta(days=30), end=now
        )
        story = stories_store.all_stories(session=session)[0]
    attempt = next(a for a in attempts if a.subject.item_id)
    quiz = next(iter(profile.quizzes.by_id.values()))
    path_page = window.open_page(PathPage.info.key, PathPage, show=False)
    assert path_page.checklist is not None
    builders = {
        "finish session": lambda: FinishSessionDialog(
            attempt.subject, attempt.started_at, attempt.active_seconds, profile.taxonomy, window
        ),
        "edit attempt": lambda: FinishSessionDialog(
            attempt.subject,
            attempt.started_at,
            attempt.active_seconds,
            profile.taxonomy,
            window,
            existing=attempt,
        ),
        "weekly review": lambda: _read(
            WeeklyReviewDialog(
                context, week_of(now.astimezone().date(), first=MONDAY) - timedelta(days=7), window
            )
        ),
        "add item": lambda: AddItemDialog(
            path_page.checklist.stages if path_page.checklist else [], None, _never, window
        ),
        "backups": lambda: BackupsDialog(window),
        "about": lambda: AboutDialog(profile.folder, window),
        "mock interview": lambda: MockInterviewDialog(profile.taxonomy, now, _never, window),
        "rehearsal": lambda: RehearsalDialog(context, story, window),
        "quiz": lambda: QuizDialog(
            context, quiz, AttemptSubject(quiz.title, kind="quiz", target_minutes=10), window
        ),
        "keyboard shortcuts": lambda: ShortcutsSheet(shortcut_groups(window), window),
        "preferences": lambda: PreferencesDialog(context, window),
        "search everything": lambda: _searched(SearchDialog(context, window), "design"),
        "preferences, settings unusable": lambda: _over_unusable_settings(context, window),
        "file problems": lambda: FileProblemsDialog(
            "This path file was not imported",
            *_refused_path_file(profile.vocabulary),
            "Fix the file and import it again. Nothing was changed.",
            window,
        ),
        "export problems": lambda: FileProblemsDialog(
            "Nothing was imported",
            "/home/someone/Downloads/loopwise-export-2026-12-05.json",
            listed_as_said(export_problems()),
            "Fix them and import again. Nothing was changed.",
            window,
        ),
    }
    for name, build in builders.items():
        dialog = build()
        dialog.show()
        settle()
        try:
            yield name, dialog
        finally:
            dialog.setProperty("holds_unsaved_work", False)
            dialog.hide()
            dialog.deleteLater()
            settle()


def _searched(dialog: SearchDialog, query: str) -> SearchDialog:
    """The search dialog with hits of every kind listed, as after typing."""
    dialog.box.setText(query)
    dialog.search_now()
    assert wait_until(lambda: dialog.results.count() > 0), "the search never came back"
    return dialog


def _refused_path_file(vocabulary: Vocabulary) -> tuple[str, tuple[ListedProblem, ...]]:
    """A path file with more problems than the dialog lists, some long, one a near miss."""
    text = SMALL_PATH.replace('kind = "reading"', 'kind = "readng"').replace(
        'topics = ["hash-map"]',
        'topics = ["hash mapp", "sliding windw", "vibes", "%s", "two pointer", "heep", "dp"]'
        % ("an-unbroken-topic-name-" * 4),
    )
    try:
        parse_path_text(text, "/home/someone/Downloads/my-interview-prep-path.toml", vocabulary)
    except DataFileError as error:
        return error.file, listed(error)
    raise AssertionError("the file was meant to be refused")


def _over_unusable_settings(context: AppContext, window: MainWindow) -> PreferencesDialog:
    """Preferences telling the problems of a settings file it cannot use (the file is put
    back once the dialog has read it, so no other dialog sees it)."""
    settings_file = context.profile.folder.settings_file
    kept = settings_file.read_bytes() if settings_file.exists() else None
    settings_file.write_text(
        '[appearance]\ntheme = "solarized"\n\n[streaks]\nrest_days = 9\n\n'
        '[backups]\nkeep_all_days = "forever"\ndialy_days = 30\n'
    )
    try:
        return PreferencesDialog(context, window)
    finally:
        if kept is None:
            settings_file.unlink()
        else:
            settings_file.write_bytes(kept)


def _never(*_args: object) -> None:
    raise AssertionError("the layout check saves nothing")


def _unknown(findings: list[Finding], *, dialogs: bool) -> list[str]:
    return [
        str(finding)
        for finding in findings
        if (finding.surface in DIALOGS) == dialogs and finding.known() is None
    ]


def test_every_page_fits_at_every_size_in_both_themes(layout_report: LayoutReport) -> None:
    problems = _unknown(layout_report.findings, dialogs=False)
    assert not problems, "Cut-off text or misplaced widgets:\n" + "\n".join(problems)


def test_every_dialog_fits_the_screen_in_both_themes(layout_report: LayoutReport) -> None:
    problems = _unknown(layout_report.findings, dialogs=True)
    assert not problems, "Dialogs that do not fit:\n" + "\n".join(problems)


def test_every_known_layout_issue_still_shows(layout_report: LayoutReport) -> None:
    """A fixed issue leaves the list, so the check guards the fix from then on."""
    seen = {finding.known() for finding in layout_report.findings}
    stale = [
        f"{issue.surface}: {issue.widget}" for issue in KNOWN_LAYOUT_ISSUES if issue not in seen
    ]
    assert not stale, "Fixed: remove from KNOWN_LAYOUT_ISSUES:\n" + "\n".join(stale)


def test_the_check_looked_at_every_page_and_dialog(layout_report: LayoutReport) -> None:
    # A page or dialog that failed to show would otherwise pass without being looked at.
    rendered = layout_report.rendered
    pages = {"path", "practice", "journal", "stories", "trends", "plan"}
    expected = {(key, f"{w}x{h}", t.value) for key in pages for w, h in SIZES for t in THEMES}
    assert expected <= rendered
    assert {(name, theme.value) for name in DIALOGS for theme in THEMES} <= {
        (surface, theme) for surface, _size, theme in rendered
    }


def _read(dialog: WeeklyReviewDialog) -> WeeklyReviewDialog:
    """The review reads its weeks on a worker: checked once they are on show."""
    assert dialog.wait_until_read()
    return dialog
