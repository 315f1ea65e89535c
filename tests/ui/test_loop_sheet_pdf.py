"""The printable loop sheet: a real PDF whose pages carry the themes and their stories."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from desktop.domain.stories import StoryDraft
from desktop.ui.stories import exports
from desktop.ui.stories.page import StoriesPage
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


def test_a_long_loop_sheet_runs_over_several_pages(
    page: StoriesPage, tmp_path: Path, monkeypatch
) -> None:
    long_text = "I worked through the problem one careful step at a time. " * 6
    amazon = page.context.profile.story_themes.theme_set("amazon")
    assert amazon is not None
    for number, theme_id in enumerate(amazon.themes):
        page.new_story(
            StoryDraft(
                title=f"Story {number + 1}",
                situation=long_text,
                task=long_text,
                action=long_text,
                result=long_text,
                themes=(theme_id,),
            )
        )
    page.loop_view.choose_set("amazon")
    target = tmp_path / "amazon.pdf"
    monkeypatch.setattr(exports, "ask_save_path", lambda *args: target)
    assert page.export_loop_sheet()
    pages = _pages(target)
    assert len(pages) > 1
    text = " ".join(page_text for page_text, _image in pages)
    assert "Success and Scale Bring Broad Responsibility" in " ".join(text.split())
    assert "No story yet" not in text
