"""Exporting the story bank as Markdown and the loop sheet as a printable PDF: asking where,
writing the whole file or nothing, and saying how it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter
from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.domain.file_suffix import fitted_name
from desktop.domain.stories import LoopPlan
from desktop.domain.story_export import loop_sheet_html, stories_markdown
from desktop.domain.story_themes import ThemeCatalog
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from desktop.store.errors import SAVE_ERRORS, explain
from desktop.store.files import write_atomically, write_text_atomically
from desktop.ui.context import AppContext
from desktop.ui.stories.sheet_pages import paginated_sheet, print_sheet
from desktop.ui.widgets import dialogs
from desktop.ui.widgets.export_names import dated_name
from desktop.ui.widgets.remembered_folder import RememberedFolder
from desktop.ui.widgets.saved_file_message import tell_saved

# Qt's rich text takes margins in px only ("pt" margins are read as none).
LOOP_SHEET_CSS = """
h1 { font-size: 15pt; margin-bottom: 4px; }
h2 { font-size: 11.5pt; margin-top: 22px; margin-bottom: 6px; }
p { margin-top: 2px; margin-bottom: 6px; }
.muted { color: #555b66; }
.gap { color: #8a5300; }
td { vertical-align: top; }
td.theme { font-weight: bold; padding-right: 12px; }
td.label { font-weight: bold; color: #2f6fde; padding-right: 10px; }
"""


def export_markdown(parent: QWidget, context: AppContext, catalog: ThemeCatalog) -> bool:
    """Ask where, then write every story as one Markdown file; True once it is written."""

    def write(target: Path) -> str:
        with session_scope(context.profile.engine) as session:
            stories = story_store.all_stories(session=session)
        write_text_atomically(
            target, stories_markdown(stories, catalog, context.now().astimezone())
        )
        return f"Saved {len(stories)} {'story' if len(stories) == 1 else 'stories'}."

    name = dated_name("story-bank", "", context.today(), ".md")
    return _export(
        parent,
        context,
        ("Export the story bank", name, "Markdown (*.md)"),
        write,
        "The stories were not exported",
    )


def export_loop_sheet(parent: QWidget, context: AppContext, plan: LoopPlan, title: str) -> bool:
    """Ask where (the export folder, a name with the theme set and the day), then print the
    loop plan as a PDF; True once it is written."""

    def write(target: Path) -> str:
        write_pdf(target, loop_sheet_html(plan, title, context.now().astimezone()))
        return "The loop sheet is saved."

    name = dated_name("loop-sheet", title, context.today(), ".pdf")
    return _export(
        parent,
        context,
        ("Save the loop sheet", name, "PDF document (*.pdf)"),
        write,
        "The loop sheet was not saved",
    )


def _export(
    parent: QWidget,
    context: AppContext,
    question: tuple[str, str, str],
    write: Callable[[Path], str],
    failed: str,
) -> bool:
    """Ask where (dialog title, suggested name, filter) starting in the export folder, write,
    and say how it went, with a way to open the file."""
    title, name, name_filter = question
    place = RememberedFolder(context.preferences, "documents")
    chosen = ask_save_path(parent, title, place.suggested(name), name_filter)
    if chosen is None:
        return False
    target, renamed = fitted_name(chosen, Path(name).suffix)
    try:
        done = write(target)
    except SAVE_ERRORS as error:
        dialogs.tell_problem(parent, "Export failed", f"{failed}: {explain(error)}.")
        return False
    place.remember(target.parent)
    window = parent.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(f"{done} {target}", 8000)
    tell_saved(parent, "Saved", f"{done}\n{renamed}" if renamed else done, target)
    return True


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str, name_filter: str
) -> Path | None:
    """Ask where to save, offering the path `suggested` (kept separate so tests can answer)."""
    chosen = dialogs.choose_file_to_save(parent, title, suggested, name_filter)
    return Path(chosen) if chosen else None


def write_pdf(target: Path, html: str) -> None:
    """An A4 PDF of the HTML with real, searchable text, its pages numbered."""

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
        document = paginated_sheet(html, LOOP_SHEET_CSS, writer)
        print_sheet(document, writer)
        del writer  # finishes the file
        if not scratch.exists() or scratch.stat().st_size == 0:
            raise OSError(5, "the PDF could not be written", str(scratch))

    write_atomically(target, render)  # a half-written PDF never replaces a good one
