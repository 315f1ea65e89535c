"""A Loopwise window that types a story's Action until it is killed (for the SIGKILL test).

Usage: python -m tests.helpers.story_typing_child DATA_DIR LOG_FILE
Every keystroke appends "<monotonic time> <characters typed>" to LOG_FILE, flushed to disk.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.domain.stories import Section, StoryDraft
from desktop.paths import AppPaths
from desktop.profile import open_profile
from desktop.ui.context import AppContext
from desktop.ui.pages import build_main_window
from desktop.ui.stories.page import StoriesPage

WORDS = ["I", "profiled", "the", "request", "path", "and", "batched", "the", "fraud", "calls"]


def main() -> None:
    data_dir, log_file = Path(sys.argv[1]), Path(sys.argv[2])
    app = QApplication(sys.argv[:1])
    window = build_main_window(AppContext.for_profile(open_profile(AppPaths(data_dir))))
    window.show()
    window.show_page("stories")
    page = window.current_page()
    assert isinstance(page, StoriesPage)
    page.new_story(StoryDraft(title="Typed until killed", themes=("ownership",)))
    editor = page.editor.sections[Section.ACTION].editor
    log = os.open(log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    count = 0

    def type_one() -> None:
        nonlocal count
        editor.insertPlainText(f"{WORDS[count % len(WORDS)]} ")
        count += 1
        os.write(log, f"{time.monotonic()} {len(editor.toPlainText())}\n".encode())
        os.fsync(log)

    timer = QTimer()
    timer.timeout.connect(type_one)
    timer.start(40)  # a fast typist: a word every 40 ms
    print("typing", flush=True)
    app.exec()


if __name__ == "__main__":
    main()
