"""End to end: write two stories, tag them, watch coverage change, export, restart, find it all."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.stories import Section
from desktop.folders import ProfileFolder
from desktop.ui.main_window import MainWindow
from desktop.ui.stories import exports
from desktop.ui.stories.page import TAB_COVERAGE, TAB_LOOP, StoriesPage
from desktop.ui.theme import Scheme, apply_theme
from tests.journeys import start_app, stop_app


def _start(folder: ProfileFolder) -> tuple[MainWindow, StoriesPage]:
    return start_app(folder, "stories", StoriesPage)


def _write(page: StoriesPage, title: str, sections: dict[Section, str], themes: list[str]) -> None:
    assert page.new_story() is not None
    page.editor.title.setText(title)
    page.editor.title.textEdited.emit(title)
    for section, text in sections.items():
        page.editor.sections[section].editor.setPlainText(text)
    for theme_id in themes:
        page.editor.themes.set_checked(theme_id, True)


def test_stories_coverage_and_loop_sheet_survive_a_restart(
    qtbot, qapp, tmp_path: Path, monkeypatch
) -> None:
    apply_theme(qapp, Scheme.LIGHT)
    folder = ProfileFolder(tmp_path / "stories")
    sheet = tmp_path / "exports" / "loop-sheet.pdf"
    monkeypatch.setattr(exports, "ask_save_path", lambda *args: sheet)

    window, page = _start(folder)
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    page.coverage_view.choose_set("backend-path")
    assert "0 of 5 themes have a story" in page.coverage_view.summary.text()

    page.tabs.setCurrentIndex(0)
    _write(
        page,
        "The checkout outage on sale day",
        {
            Section.SITUATION: "Checkout errors jumped to 18% as the sale began.",
            Section.TASK: "I was on call for payments.",
            Section.ACTION: "I raised the pool size and turned on cached fraud decisions.",
            Section.RESULT: "Errors were back under 0.5% within six minutes.",
        },
        ["production-incident", "ownership"],
    )
    _write(
        page,
        "Finding the N+1 query",
        {Section.ACTION: "I counted 412 queries for one page and fixed the serializer."},
        ["dive-deep"],
    )
    page.flush()
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    assert "3 of 5 themes have a story" in page.coverage_view.summary.text()
    assert "Influence without authority" in page.coverage_view.gaps.text()

    page.tabs.setCurrentIndex(TAB_LOOP)
    page.loop_view.choose_set("backend-path")
    file_menu = [a for a in window.file_menu.actions() if "loop sheet" in a.text()]
    assert len(file_menu) == 1
    file_menu[0].trigger()  # File > Export loop sheet as PDF…
    assert sheet.exists() and sheet.read_bytes().startswith(b"%PDF")
    stop_app(window)

    window, page = _start(folder)
    assert window.current_page().page_key == "stories"
    assert page.tabs.currentIndex() == TAB_LOOP
    assert page.loop_view.chosen_set() == "backend-path"
    told = {
        page.loop_view.table.item(r, 0).text(): page.loop_view.table.item(r, 1).text()
        for r in range(page.loop_view.table.rowCount())
    }
    assert told["Dive Deep"] == "Finding the N+1 query"
    assert told["Missed deadline or production incident"] == "The checkout outage on sale day"
    assert page.coverage_view.chosen_set() == "backend-path"
    page.tabs.setCurrentIndex(TAB_COVERAGE)
    assert "3 of 5 themes have a story" in page.coverage_view.summary.text()
    assert page.model.rowCount() == 2
    page.filter.setText("checkout")
    assert page.model.rowCount() == 1
    page.list.setCurrentIndex(page.model.index(0, 0))
    assert page.editor.title.text() == "The checkout outage on sale day"
    assert page.editor.sections[Section.RESULT].text().startswith("Errors were back")
    assert set(page.editor.themes.chosen()) == {"production-incident", "ownership"}
    stop_app(window)
