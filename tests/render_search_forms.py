"""Render both searches finding other forms of a word, to look at: the Journal page with
"caches" typed (entries saying "cache", "caching" and "cached", each marked in its excerpt),
and Search everything over the window with the same word, in light and dark, on a screen of
760x520, 1280x800 and 1920x1080 (the window filling it, as maximised).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.render_search_forms OUT_DIR

Each size runs in its own process, on an offscreen screen of that size. Not part of the test
run: the behaviour is tested in tests/store/test_search_word_forms.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.render_file_problems import render_every_size, save_over_window

TYPED = "caches"


def main(outdir: str) -> int:
    return render_every_size("tests.render_search_forms", outdir)


def render_one(outdir: Path, theme: str, size: str) -> None:
    from PySide6.QtCore import QSettings

    from desktop.app import create_application
    from desktop.clock import app_clock
    from desktop.folders import ProfileFolder
    from desktop.profile import open_profile
    from desktop.screenshots import fill_with_demo_if_empty, save_grab, settle
    from desktop.ui.context import AppContext
    from desktop.ui.journal.page import JournalPage
    from desktop.ui.pages import build_main_window
    from desktop.ui.search_dialog import SearchDialog
    from desktop.ui.theme import Scheme
    from desktop.ui.widgets.waiting import wait_until

    width, height = (int(n) for n in size.split("x"))
    with tempfile.TemporaryDirectory() as scratch:
        create_application(scheme=Scheme(theme))
        folder = ProfileFolder(Path(scratch) / "profile")
        folder.ensure()
        profile = open_profile(folder, clock=app_clock())
        fill_with_demo_if_empty(profile)
        settings = QSettings(str(Path(scratch) / "ui-state.ini"), QSettings.Format.IniFormat)
        window = build_main_window(AppContext(profile, settings))
        window.resize(width, height)
        window.show()
        page = window.open_page(JournalPage.info.key, JournalPage)
        settle()
        shown = page.searches_shown
        page.search.setText(TYPED)
        page._run_search()
        if not wait_until(lambda: page.searches_shown > shown):
            raise RuntimeError("the journal's search did not finish")
        save_grab(window, outdir / f"journal-search-{theme}-{size}.png")
        print(f"journal {theme} {size}: {page.model.rowCount()} hits")

        dialog = SearchDialog(window.context, window)
        dialog.show()
        dialog.box.setText(TYPED)
        dialog.search_now()
        if not wait_until(lambda: not dialog._searching):
            raise RuntimeError("Search everything did not finish")
        save_over_window(window, dialog, outdir / f"search-everything-{theme}-{size}.png")
        print(f"search everything {theme} {size}: {[hit.title for hit in dialog.hits()]}")
        dialog.close()
        window.close()
        profile.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        render_one(Path(sys.argv[2]), sys.argv[3], sys.argv[4])
    else:
        sys.exit(main(sys.argv[1]))
