"""Exporting the story bank as Markdown and the loop sheet as a printable PDF: asking where,
writing the whole file or nothing, and saying how it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.domain.stories import LoopPlan
from desktop.domain.story_export import loop_sheet_html, stories_markdown
from desktop.domain.story_themes import ThemeCatalog
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.store.errors import SAVE_ERRORS, explain
from desktop.store.files import write_atomically, write_text_atomically
from desktop.ui.context import AppContext
from desktop.ui.widgets import dialogs

LOOP_SHEET_CSS = """
h1 { font-size: 14pt; margin-bottom: 2pt; }
h2 { font-size: 11pt; margin-top: 9pt; margin-bottom: 1pt; }
p { margin-top: 2pt; margin-bottom: 2pt; }
.muted { color: #555b66; }
.gap { color: #8a5300; }
table.star td { padding: 1pt 4pt; vertical-align: top; }
td.label { font-weight: bold; color: #2f6fde; }
"""


def export_markdown(parent: QWidget, context: AppContext, catalog: ThemeCatalog) -> bool:
    """Ask where, then write every story as one Markdown file; True once it is written."""

    def write(target: Path) -> str:
        with session_scope(context.profile.engine) as session:
            stories = story_store.all_stories(session=session)
        write_text_atomically(
            target, stories_markdown(stories, catalog, context.now().astimezone())
        )
        return f"Saved {len(stories)} stories to {target}"

    return _export(
        parent,
        ("Export the story bank", "story-bank.md", "Markdown (*.md)"),
        write,
        "The stories were not exported",
    )


def export_loop_sheet(parent: QWidget, context: AppContext, plan: LoopPlan, title: str) -> bool:
    """Ask where, then print the loop plan as a one-page PDF; True once it is written."""

    def write(target: Path) -> str:
        write_pdf(target, loop_sheet_html(plan, title, context.now().astimezone()))
        return f"Saved the loop sheet to {target}"

    return _export(
        parent,
        ("Save the loop sheet", "loop-sheet.pdf", "PDF document (*.pdf)"),
        write,
        "The loop sheet was not saved",
    )


def _export(
    parent: QWidget,
    question: tuple[str, str, str],
    write: Callable[[Path], str],
    failed: str,
) -> bool:
    """Ask where (dialog title, suggested name, filter), write, and say how it went."""
    chosen = ask_save_path(parent, *question)
    if chosen is None:
        return False
    suffix = Path(question[1]).suffix
    target = chosen if chosen.suffix.lower() == suffix else chosen.with_name(chosen.name + suffix)
    try:
        done = write(target)
    except SAVE_ERRORS as error:
        dialogs.tell_problem(parent, "Export failed", f"{failed}: {explain(error)}.")
        return False
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(done, 8000)
    return True


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str, name_filter: str
) -> Path | None:
    """Ask where to save (kept separate so tests can answer it)."""
    chosen = dialogs.choose_file_to_save(parent, title, str(Path.home() / suggested), name_filter)
    return Path(chosen) if chosen else None


def write_pdf(target: Path, html: str) -> None:
    """An A4 PDF of the HTML with real, searchable text, paginated by Qt."""

    def render(scratch: Path) -> None:
        writer = QPdfWriter(str(scratch))
        writer.setTitle("Loop sheet")
        writer.setCreator("Loopwise")
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(8, 8, 8, 8),
                QPageLayout.Unit.Millimeter,
            )
        )
        writer.setResolution(300)
        document = QTextDocument()
        font = QFont("Sans Serif")
        font.setPointSizeF(9)
        document.setDefaultFont(font)
        document.setDefaultStyleSheet(LOOP_SHEET_CSS)
        document.setHtml(html)
        document.print_(writer)
        del writer  # finishes the file
        if not scratch.exists() or scratch.stat().st_size == 0:
            raise OSError(5, "the PDF could not be written", str(scratch))

    write_atomically(target, render)  # a half-written PDF never replaces a good one
