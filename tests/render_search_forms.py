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

from tests.render_file_problems import demo_window, render_every_size, save_over_window

TYPED = "caches"


def main(outdir: str) -> int:
    return render_every_size("tests.render_search_forms", outdir)


def render_one(outdir: Path, theme: str, size: str) -> None:

    from desktop.screenshots import save_grab, settle
    from desktop.ui.journal.page import JournalPage
    from desktop.ui.search_dialog import SearchDialog
    from desktop.ui.widgets.waiting import wait_until

    with tempfile.TemporaryDirectory() as scratch:
        window, profile = demo_window(Path(scratch), theme, size)
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
