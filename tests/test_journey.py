"""End to end: the real main window on a temporary data folder, used and restarted."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.progress import ItemStatus
from desktop.folders import ProfileFolder
from desktop.ui.main_window import MainWindow
from desktop.ui.path.page import PathPage
from desktop.ui.theme import Scheme, apply_theme
from tests.journeys import start_app, stop_app
from tests.samples import SMALL_PATH


def _start(folder: ProfileFolder) -> tuple[MainWindow, PathPage]:
    return start_app(folder, "path", PathPage, show=False)


def test_progress_and_notes_survive_a_restart(qtbot, qapp, tmp_path: Path) -> None:
    apply_theme(qapp, Scheme.DARK)
    folder = ProfileFolder(tmp_path / "journey")

    window, page = _start(folder)
    page.select_item("number-of-islands")
    page.set_current_status(ItemStatus.IN_PROGRESS)
    page.set_current_status(ItemStatus.DONE)
    page.panel.notes_editor.setPlainText("BFS from every unvisited land cell.\n\n- [x] visited set")
    page.select_item("course-schedule")
    page.status_actions[ItemStatus.NEEDS_REVIEW].trigger()
    page.select_path("sre-devops")
    first_sre = page.model.item_at(page.model.index(0, 0, page.model.index(0, 0)))
    assert first_sre is not None
    page.set_status(first_sre.id, ItemStatus.IN_PROGRESS)
    page.select_path("backend-senior")
    page.hide_difficulty.setChecked(True)
    stop_app(window)

    window, page = _start(folder)
    assert page.current_path_id() == "backend-senior"
    assert page.hide_difficulty.isChecked()
    checklist = page.checklist
    assert checklist is not None
    islands = checklist.find("number-of-islands")
    assert islands is not None and islands.status is ItemStatus.DONE
    assert islands.notes.startswith("BFS from every unvisited land cell.")
    course = checklist.find("course-schedule")
    assert course is not None and course.status is ItemStatus.NEEDS_REVIEW
    page.select_item("number-of-islands")
    assert "Done since" in page.panel.history.text()
    assert "In progress" in page.panel.history.text()
    page.select_path("sre-devops")
    assert page.checklist is not None
    sre = page.checklist.find(first_sre.id)
    assert sre is not None and sre.status is ItemStatus.IN_PROGRESS
    stop_app(window)


def test_an_item_dropped_from_a_path_file_is_shown_as_retired(qtbot, qapp, tmp_path: Path) -> None:
    apply_theme(qapp, Scheme.LIGHT)
    folder = ProfileFolder(tmp_path / "retired")
    folder.ensure()
    mine = SMALL_PATH
    extra = '\n[[stages.items]]\nid = "b"\ntitle = "Drill B"\nkind = "code"\n'
    extra += 'difficulty = "easy"\ntarget_minutes = 15\ntopics = ["two-pointers"]\n'
    (folder.path_files_dir / "mine.toml").write_text(mine + extra)

    window, page = _start(folder)
    page.select_path("mine")
    page.set_status("b", ItemStatus.DONE)
    page.select_item("b")
    page.panel.notes_editor.setPlainText("keep me")
    stop_app(window)

    # A new version of the file no longer has item "b".
    (folder.path_files_dir / "mine.toml").write_text(mine)
    window, page = _start(folder)
    page.select_path("mine")
    assert page.checklist is not None
    retired = page.checklist.find("b")
    assert retired is not None and retired.is_retired
    assert retired.status is ItemStatus.DONE and retired.notes == "keep me"
    assert page.overall_label.toolTip().startswith("0 of 1 item done")
    assert "1 item no longer on the path is not counted" in page.overall_label.toolTip()
    stop_app(window)


def test_practice_retrospective_and_search_survive_a_restart(
    qtbot, qapp, tmp_path: Path, monkeypatch
) -> None:
    from desktop.domain.practice import Outcome
    from desktop.ui.journal.page import JournalPage
    from desktop.ui.practice.finish_dialog import FinishSessionDialog
    from desktop.ui.practice.session_window import PracticeSessionWindow

    apply_theme(qapp, Scheme.LIGHT)
    folder = ProfileFolder(tmp_path / "practice")

    def how_it_went(self: PracticeSessionWindow):  # type: ignore[no-untyped-def]
        dialog = FinishSessionDialog(
            self.subject, self.clock.started_at, 26 * 60, self.context.profile.taxonomy
        )
        dialog.choose(Outcome.PARTIAL, 3)
        dialog.patterns.set_chosen(["two-pointers"])
        dialog.struggles.set_chosen(["edge-cases"])
        return dialog.build_attempt()

    monkeypatch.setattr(PracticeSessionWindow, "ask_outcome", how_it_went)

    window, page = _start(folder)
    page.select_item("3sum")
    session_window = page.start_practice("3sum")
    assert isinstance(session_window, PracticeSessionWindow)
    session_window.finish()
    journal = window.current_page()
    assert isinstance(journal, JournalPage)  # the retrospective opened by itself
    body = journal.editor.markdown.text()
    assert "3Sum" in body and "Two pointers" in body and "Edge cases" in body
    journal.editor.markdown.editor.appendPlainText(
        "Skipping duplicates after sorting was the trick: a zebra of a bug."
    )
    stop_app(window)  # closing saves what was typed, without waiting

    window, page = _start(folder)
    assert window.current_page().page_key == "journal"  # where the user left off
    journal = window.current_page()
    assert isinstance(journal, JournalPage)
    shown = journal.searches_shown
    journal.search.setText("zebra")
    journal._run_search()
    qtbot.waitUntil(lambda: journal.searches_shown > shown, timeout=5000)
    assert journal.model.rowCount() == 1
    journal.list.setCurrentIndex(journal.model.index(0, 0))
    assert "a zebra of a bug" in journal.editor.markdown.text()
    assert "written after a practice session" in journal.editor.links.text()
    window.show_page("practice")
    log = window.current_page()
    assert log.model.rowCount() == 1  # type: ignore[attr-defined]
    assert page.checklist is not None
    three_sum = page.checklist.find("3sum")
    assert three_sum is not None and three_sum.status.value == "in_progress"
    stop_app(window)


def test_a_week_of_logged_practice_shows_its_weak_spot_on_top(
    qtbot, qapp, tmp_path: Path, monkeypatch
) -> None:
    from datetime import datetime, timedelta

    from PySide6.QtCore import Qt

    from desktop.domain.practice import Outcome
    from desktop.ui.practice.finish_dialog import FinishSessionDialog
    from desktop.ui.practice.log_page import PracticeLogPage
    from desktop.ui.practice.session_window import PracticeSessionWindow
    from desktop.ui.trends.page import TrendsPage

    apply_theme(qapp, Scheme.DARK)
    moment = [datetime(2026, 11, 2, 7, 30).astimezone()]  # a Monday morning where the test runs
    folder = ProfileFolder(tmp_path / "week")
    window, path_page = start_app(folder, "path", PathPage, clock=lambda: moment[0], show=False)

    # How each problem goes: binary search keeps going wrong, often missing an edge case; the
    # rest goes fine.
    plans = {
        "binary-search": (Outcome.STUCK, 2, ["binary-search"], ["binary-search", "edge-cases"],
                          31),
        "search-in-rotated-sorted-array": (Outcome.PARTIAL, 2, ["binary-search"],
                                           ["binary-search", "edge-cases"], 40),
        "two-sum": (Outcome.SOLVED, 4, ["hash-map"], [], 12),
        "two-sum-ii-sorted": (Outcome.SOLVED, 5, ["two-pointers"], [], 15),
        "contains-duplicate": (Outcome.SOLVED, 4, ["hash-map"], ["off-by-one"], 10),
    }  # fmt: skip

    def how_it_went(self: PracticeSessionWindow):  # type: ignore[no-untyped-def]
        outcome, confidence, patterns, struggles, minutes = plans[self.subject.item_id or ""]
        dialog = FinishSessionDialog(
            self.subject, self.clock.started_at, minutes * 60, self.context.profile.taxonomy
        )
        dialog.choose(outcome, confidence)
        dialog.patterns.set_chosen(patterns)
        dialog.struggles.set_chosen(struggles)
        return dialog.build_attempt()

    monkeypatch.setattr(PracticeSessionWindow, "ask_outcome", how_it_went)
    week = [["binary-search", "two-sum"], ["two-sum-ii-sorted"], ["search-in-rotated-sorted-array"],
            ["contains-duplicate", "two-sum"], ["binary-search"], ["two-sum-ii-sorted"],
            ["search-in-rotated-sorted-array", "contains-duplicate"]]  # fmt: skip
    for day in week:
        for item_id in day:
            window.show_page("path")
            path_page.select_item(item_id)
            session_window = path_page.start_practice(item_id)
            assert isinstance(session_window, PracticeSessionWindow)
            session_window.finish()
            moment[0] += timedelta(hours=2)
        moment[0] += timedelta(days=1) - timedelta(hours=2 * len(day))

    window.show_page("trends")
    trends = window.current_page()
    assert isinstance(trends, TrendsPage)
    assert trends.report is not None and trends.report.streaks.current == 7
    top = trends.weak_spot_rows[0]
    assert top.spot.tag == "binary-search"
    assert "Went wrong in 4 of the last 4 attempts; ticked as a struggle 4 times" in (
        top.explanation.text()
    )
    top.show_button.click()
    assert trends.details.count() == 4
    newest = trends.details.item(0)
    kind, attempt_id = newest.data(Qt.ItemDataRole.UserRole)
    assert kind == "attempt"
    trends.details.itemActivated.emit(newest)

    log = window.current_page()
    assert isinstance(log, PracticeLogPage)
    selected = log.selected()
    assert selected is not None and selected.id == attempt_id
    assert selected.subject.item_id == "search-in-rotated-sorted-array"

    # A mock interview logged on the Plan page shows on Trends: its score, and the weak spot
    # it exposed, which opens the mock again.
    from desktop.domain.mocks import MockInterview, MockKind
    from desktop.domain.planner import PlanSource
    from desktop.ui.plan import mock_dialog
    from desktop.ui.plan.page import PlanPage

    mock = MockInterview(
        moment[0] - timedelta(hours=3), MockKind.CODING, {"coding": 2, "testing": 1},
        exposed=("edge-cases",),
    )  # fmt: skip
    opened: list[MockInterview | None] = []

    def ask_for_mock(taxonomy, now, parent, save, existing=None):  # type: ignore[no-untyped-def]
        opened.append(existing)
        if existing:
            return None
        save(mock, True)
        return mock

    monkeypatch.setattr(mock_dialog, "ask_for_mock", ask_for_mock)
    window.show_page("plan")
    plan = window.current_page()
    assert isinstance(plan, PlanPage)
    plan.log_mock()
    window.show_page("trends")
    assert [s.name() for s in trends.score_chart.chart.series()] == ["Mock interviews"]
    edge = next(row for row in trends.weak_spot_rows if row.spot.tag == "edge-cases")
    assert "exposed in 1 mock interview" in edge.explanation.text()
    edge.show_button.click()
    assert trends.details.item(0).data(Qt.ItemDataRole.UserRole)[0] == "mock"
    trends.details.itemActivated.emit(trends.details.item(0))
    assert window.current_page() is plan
    assert opened[-1] is not None and opened[-1].exposed == ("edge-cases",)

    # Plan practice on the top weak spot puts it first among the Plan page's weak spots.
    window.show_page("trends")
    trends.weak_spot_rows[0].plan_button.click()
    assert window.current_page() is plan
    chosen = plan.suggestions.selected()
    assert chosen is not None and chosen.weak_spot == "binary-search"
    assert chosen.source is PlanSource.WEAK_SPOT or "weak spot" in chosen.reason
    plan.suggestions.add_button.click()
    assert plan.snapshot is not None
    assert chosen.target in {item.target for item in plan.snapshot.items}
    stop_app(window)
