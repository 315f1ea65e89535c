"""The printable loop sheet: a real PDF whose pages carry the themes and their stories."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from desktop.domain.stories import StoryDraft
from desktop.ui.stories import exports
from desktop.ui.stories.page import StoriesPage
from desktop.ui.widgets import saved_file_message
from desktop.ui.widgets.remembered_folder import RememberedFolder
from tests.samples import OUTAGE_STORY

QtPdf = pytest.importorskip("PySide6.QtPdf")


def _pages(path: Path) -> list[tuple[str, QImage]]:
    """Each page's text and a rendering of it."""
    document = QtPdf.QPdfDocument()
    assert document.load(str(path)) == QtPdf.QPdfDocument.Error.None_
    pages = []
    for number in range(document.pageCount()):
        text = document.getAllText(number).text()
        size = document.pagePointSize(number).toSize()
        image = document.render(number, QSize(size.width(), size.height()))
        pages.append((text, image))
    document.close()
    return pages


def _inked(image: QImage) -> int:
    """How many sampled pixels are not white: a blank page has none."""
    return sum(
        1
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
        if image.pixelColor(x, y).lightness() < 200
    )


@pytest.fixture
def page(open_page) -> StoriesPage:
    return open_page(StoriesPage)


def test_the_loop_sheet_pdf_shows_each_theme_with_its_story(
    page: StoriesPage, tmp_path: Path, monkeypatch
) -> None:
    page.new_story(OUTAGE_STORY)
    page.new_story(
        StoryDraft(
            title="Finding the N+1 query", action="I counted 412 queries.", themes=("dive-deep",)
        )
    )
    page.loop_view.choose_set("backend-path")
    target = tmp_path / "loop-sheet.pdf"
    monkeypatch.setattr(exports, "ask_save_path", lambda *args: target)
    assert page.export_loop_sheet()

    pages = _pages(target)
    assert pages, "the PDF has no pages"
    text = " ".join(" ".join(page_text.split()) for page_text, _image in pages)
    assert "Loop sheet: The Backend path's five themes" in text
    for expected in (
        "Ownership",
        "Dive Deep",
        "Missed deadline or production incident",
        "The checkout outage on sale day",
        "Finding the N+1 query",
        "Errors were back under 0.5% within six minutes.",
    ):
        assert expected in text
    # Two themes have no story: the sheet says so rather than leaving them out.
    assert text.count("No story yet.") == 2
    assert all(_inked(image) > 50 for _text, image in pages)


def _long_amazon_sheet(page: StoriesPage, tmp_path: Path, monkeypatch) -> Path:
    """A loop sheet of long stories, one for every Amazon theme; story N opens with
    "OpeningN" and closes with "ClosingN."."""
    long_text = "I worked through the problem one careful step at a time. " * 6
    amazon = page.context.profile.story_themes.theme_set("amazon")
    assert amazon is not None
    for number, theme_id in enumerate(amazon.themes):
        page.new_story(
            StoryDraft(
                title=f"Story {number + 1}",
                situation=f"Opening{number + 1} {long_text}",
                task=long_text,
                action=long_text,
                result=f"{long_text} Closing{number + 1}.",
                themes=(theme_id,),
            )
        )
    page.loop_view.choose_set("amazon")
    target = tmp_path / "amazon.pdf"
    monkeypatch.setattr(exports, "ask_save_path", lambda *args: target)
    assert page.export_loop_sheet()
    return target


def test_a_long_loop_sheet_runs_over_several_pages(
    page: StoriesPage, tmp_path: Path, monkeypatch
) -> None:
    pages = _pages(_long_amazon_sheet(page, tmp_path, monkeypatch))
    assert len(pages) > 1
    text = " ".join(page_text for page_text, _image in pages)
    assert "Success and Scale Bring Broad Responsibility" in " ".join(text.split())
    assert "No story yet" not in text


def test_the_sheet_is_offered_in_the_export_folder_with_set_and_day_in_its_name(
    page: StoriesPage, tmp_path: Path, monkeypatch
) -> None:
    page.new_story(OUTAGE_STORY)
    page.loop_view.choose_set("backend-path")
    asked: list[str] = []
    exports_folder = tmp_path / "exports"
    exports_folder.mkdir()

    def answer(_parent, _title, suggested, _filter):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return exports_folder / Path(suggested).name

    monkeypatch.setattr(exports, "ask_save_path", answer)
    monkeypatch.setattr(exports, "tell_saved", lambda *args: None)
    assert page.export_loop_sheet()
    day = page.context.today().isoformat()
    assert Path(asked[0]).name == f"loop-sheet-the-backend-paths-five-themes-{day}.pdf"
    assert (exports_folder / Path(asked[0]).name).exists()
    # The next export, of any kind, starts where this one was saved.
    assert RememberedFolder(page.context.preferences, "documents").folder() == exports_folder
    assert page.export_markdown()
    assert Path(asked[1]).parent == exports_folder
    assert Path(asked[1]).name == f"story-bank-{day}.md"


def test_saving_says_so_with_open_and_show_in_folder(
    qtbot, page: StoriesPage, tmp_path: Path, monkeypatch
) -> None:
    page.new_story(OUTAGE_STORY)
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(exports, "ask_save_path", lambda *args: target)
    opened: list[Path] = []
    monkeypatch.setattr(saved_file_message, "open_path", opened.append)
    told: list[QMessageBox] = []
    real = saved_file_message.tell_saved
    monkeypatch.setattr(exports, "tell_saved", lambda *args: told.append(real(*args)))
    assert page.export_loop_sheet()
    (box,) = told
    assert box.isVisible() and box.text() == "The loop sheet is saved."
    assert box.informativeText() == f"sheet.pdf\nin {tmp_path}"
    names = [button.text() for button in box.buttons()]
    assert "Open" in names and "Show in folder" in names
    next(b for b in box.buttons() if b.text() == "Show in folder").click()
    assert opened == [tmp_path]
    assert page.export_loop_sheet()
    next(b for b in told[1].buttons() if b.text() == "Open").click()
    assert opened == [tmp_path, target]


def test_headings_on_the_sheet_have_room_above_and_below(qapp) -> None:
    from datetime import UTC, datetime

    from PySide6.QtGui import QTextDocument

    from desktop.domain.stories import Story, plan_loop
    from desktop.domain.story_export import loop_sheet_html
    from desktop.domain.story_themes import load_themes
    from desktop.folders import shipped_data_dir

    catalog = load_themes(shipped_data_dir() / "themes.toml")
    now = datetime(2026, 11, 20, tzinfo=UTC)
    theme = catalog.theme("production-incident")
    assert theme is not None
    plan = plan_loop([theme], [Story(1, OUTAGE_STORY, now, now)])
    document = QTextDocument()
    document.setDefaultStyleSheet(exports.LOOP_SHEET_CSS)
    document.setHtml(loop_sheet_html(plan, "Incidents", now))
    block = document.begin()
    headings = []
    while block.isValid():
        if block.blockFormat().headingLevel() == 2:
            headings.append(block.blockFormat())
        block = block.next()
    assert len(headings) == 2  # "Themes" and the one story
    assert all(h.topMargin() >= 18 and h.bottomMargin() >= 4 for h in headings)


def test_no_story_is_split_across_two_pages(page: StoriesPage, tmp_path: Path, monkeypatch) -> None:
    target = _long_amazon_sheet(page, tmp_path, monkeypatch)
    amazon = page.context.profile.story_themes.theme_set("amazon")
    assert amazon is not None
    pages = [" ".join(text.split()) for text, _image in _pages(target)]
    assert len(pages) > 1
    for number in range(1, len(amazon.themes) + 1):
        (opening,) = [index for index, text in enumerate(pages) if f"Opening{number} " in text]
        (closing,) = [index for index, text in enumerate(pages) if f"Closing{number}." in text]
        assert opening == closing, f"Story {number} starts on page {opening + 1}, ends later"


def test_every_page_says_its_number_and_how_many_there_are(
    page: StoriesPage, tmp_path: Path, monkeypatch
) -> None:
    pages = _pages(_long_amazon_sheet(page, tmp_path, monkeypatch))
    count = len(pages)
    assert count > 1
    for number, (text, image) in enumerate(pages, start=1):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[-1] == f"Page {number} of {count}", lines[-3:]
        assert _inked(image.copy(0, image.height() * 9 // 10, image.width(), image.height() // 10))


def test_a_one_page_sheet_is_page_1_of_1(page: StoriesPage, tmp_path: Path, monkeypatch) -> None:
    page.new_story(OUTAGE_STORY)
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(exports, "ask_save_path", lambda *args: target)
    assert page.export_loop_sheet()
    ((text, _image),) = _pages(target)
    assert "Page 1 of 1" in text
