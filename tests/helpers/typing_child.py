"""A Loopwise window that types into a journal entry or a story until it is killed (for the
SIGKILL test).

Usage: python -m tests.helpers.typing_child DATA_DIR LOG_FILE journal|story
Types typed_text() a word at a time; after each word, appends the number of words typed to
LOG_FILE, so the test knows what had been typed when it killed this process.
"""

from __future__ import annotations

import itertools
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from desktop.clock import app_clock
from desktop.domain.stories import Section, StoryDraft
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.ui.context import AppContext
from desktop.ui.journal.page import JournalPage
from desktop.ui.main_window import MainWindow
from desktop.ui.pages import build_main_window
from desktop.ui.stories.page import StoriesPage

WORDS = ("I", "profiled", "the", "request", "path", "and", "noted", "every", "mistake", "worth")


def typed_text(words: int) -> str:
    """What the child has typed after this many words."""
    return "".join(f"{word} " for word in itertools.islice(itertools.cycle(WORDS), words))


def _open_editor(window: MainWindow, area: str) -> QPlainTextEdit:
    """A new journal entry or story, and the box its text is typed into."""
    window.show_page("journal" if area == "journal" else "stories")
    page = window.current_page()
    if isinstance(page, JournalPage):
        page.new_entry(entry_date=page.context.today())
        return page.editor.markdown.editor
    assert isinstance(page, StoriesPage)
    page.new_story(StoryDraft(title="Typed until killed", themes=("ownership",)))
    return page.editor.sections[Section.ACTION].editor


def main() -> None:
    data_dir, log_file, area = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
    app = QApplication(sys.argv[:1])
    window = build_main_window(
        AppContext.for_profile(open_profile(ProfileFolder(data_dir), clock=app_clock()))
    )
    window.show()
    editor = _open_editor(window, area)
    editor.setPlainText("")  # the journal's template text: typing starts from nothing
    window.current_page().flush()
    log = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    words = itertools.count(1)

    def type_one() -> None:
        typed = next(words)
        editor.insertPlainText(f"{WORDS[(typed - 1) % len(WORDS)]} ")
        os.write(log, f"{typed}\n".encode())
        os.fsync(log)

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(40)  # a fast typist: a word every 40 ms
    print("typing", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
