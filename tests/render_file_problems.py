"""Render how the window tells a bad data file, to look at: the import dialog for a path file
with many problems and with two, the Learning path banner for broken files found at start,
and Preferences and Backups over a settings file they cannot use, in light and dark, on a
screen of 760x520, 1280x800 and 1920x1080 (the window filling it, as maximised).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.render_file_problems OUT_DIR

Each size runs in its own process, on an offscreen screen of that size, so a dialog is kept
on that screen as it would be on a real one. Not part of the test run (the layout check in
tests/ui/test_layout.py checks the dialog for cut-off text).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.folders import ProfileFolder

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.profile import Profile
    from desktop.ui.main_window import MainWindow

SIZES = ((760, 520), (1280, 800), (1920, 1080))
THEMES = ("light", "dark")

# Nine mistakes: a misspelt kind, a bound, unknown tags (near misses and not), a misspelt
# field, a value with no space to wrap at, and a duplicated id.
MANY_PROBLEMS = """format = 1
id = "mine"
title = "My path"
role = "Me"

[[stages]]
id = "s"
title = "Warm-up"

[[stages.items]]
id = "a"
title = "Drill A"
kind = "readng"
difficulty = "easy"
target_minutes = 0
topics = ["hash mapp", "vibes", "sliding windw"]

[[stages.items]]
id = "a"
title = "Drill B"
kind = "code"
difficulty = "hrd"
target_mins = 10
topics = ["an-extremely-long-topic-name-that-has-no-spaces-at-all-anywhere"]

[[stages.items]]
id = "c"
title = "Drill C"
kind = "cod"
difficulty = "easy"
target_minutes = 10
topics = ["tree"]
"""

TWO_PROBLEMS = (
    MANY_PROBLEMS.split('\n[[stages.items]]\nid = "a"\ntitle = "Drill B"')[0]
    .replace('kind = "readng"', 'kind = "reading"')
    .replace('"vibes", "sliding windw"', '"arrays"')
    .replace("target_minutes = 0", "target_minutes = 10")
    .replace('"hash mapp"', '"hash mapp", "sliding windw"')
)


# A settings file (Preferences) with four mistakes: a number out of range, one of the wrong
# kind, a choice Loopwise does not have and a misspelt key.
BROKEN_SETTINGS = """[appearance]
theme = "solarized"

[calendar]
first_weekday = "monday"

[streaks]
rest_days = 9

[backups]
keep_all_days = "forever"
dialy_days = 30
"""


# An export whose records are wrong in many ways (`loopwise import`'s file).
BAD_EXPORT = {
    "format": "loopwise-export",
    "version": 1,
    "sections": {
        "journal": {
            "entries": [
                {"id": n, "title": n, "created_at": "yesterday", "body": None} for n in range(12)
            ]
        }
    },
}


def export_problems() -> list[str]:
    from desktop.store.transfer.json_import import ImportRejected, validate_document

    try:
        validate_document(BAD_EXPORT)
    except ImportRejected as rejected:
        return rejected.problems
    raise AssertionError("the export was meant to be refused")


def main(outdir: str) -> int:
    return render_every_size("tests.render_file_problems", outdir)


def render_every_size(module: str, outdir: str) -> int:
    """Runs `python -m module --one OUTDIR THEME WxH` for every size and theme, each size on
    an offscreen screen of its own size (so a maximised window fills it)."""
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    for width, height in SIZES:
        with tempfile.TemporaryDirectory() as scratch:
            config = Path(scratch) / "screen.json"
            config.write_text(json.dumps({"screens": [_screen(width, height)]}))
            env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
            for theme in THEMES:
                args = [sys.executable, "-m", module, "--one", str(out), theme]
                subprocess.run([*args, f"{width}x{height}"], env=env, check=True)
    return 0


def _screen(width: int, height: int) -> dict[str, object]:
    return {"name": "screen", "x": 0, "y": 0, "width": width, "height": height}


def save_over_window(window: QWidget, dialog: QWidget, file: Path) -> None:
    """The window with the dialog centred over it, as a window manager puts it."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter, QPixmap

    from desktop.screenshots import settle

    dialog.move(window.geometry().center() - dialog.rect().center())
    settle()
    picture = QPixmap(window.size())
    painter = QPainter(picture)
    painter.drawPixmap(0, 0, window.grab())
    corner = dialog.mapToGlobal(QPoint(0, 0)) - window.mapToGlobal(QPoint(0, 0))
    painter.drawPixmap(corner, dialog.grab())
    painter.end()
    picture.save(str(file))


def demo_window(
    scratch: Path,
    theme: str,
    size: str,
    before_opening: Callable[[ProfileFolder], None] | None = None,
) -> tuple[MainWindow, Profile]:
    """The main window on a demo profile in `scratch`, shown at `size` ("1280x800") in
    `theme`; `before_opening` may put files in the profile's folder first."""
    from PySide6.QtCore import QSettings

    from desktop.app import create_application
    from desktop.clock import app_clock
    from desktop.profile import open_profile
    from desktop.screenshots import fill_with_demo_if_empty
    from desktop.ui.context import AppContext
    from desktop.ui.pages import build_main_window
    from desktop.ui.theme import Scheme

    width, height = (int(n) for n in size.split("x"))
    create_application(scheme=Scheme(theme))
    folder = ProfileFolder(scratch / "profile")
    folder.ensure()
    if before_opening is not None:
        before_opening(folder)
    profile = open_profile(folder, clock=app_clock())
    fill_with_demo_if_empty(profile)
    settings = QSettings(str(scratch / "ui-state.ini"), QSettings.Format.IniFormat)
    window = build_main_window(AppContext(profile, settings))
    window.resize(width, height)
    window.show()
    return window, profile


def render_one(outdir: Path, theme: str, size: str) -> None:
    from PySide6.QtWidgets import QDialog

    from desktop.screenshots import save_grab, settle
    from desktop.ui.path.page import PathPage
    from desktop.ui.preferences_dialog import PreferencesDialog
    from desktop.ui.safety.backups_dialog import BackupsDialog
    from desktop.ui.widgets import dialogs
    from desktop.ui.widgets.file_problems import FileProblemsDialog, listed, listed_as_said
    from desktop.ui.widgets.waiting import wait_until

    def broken_files(folder: ProfileFolder) -> None:
        (folder.path_files_dir / "broken-path.toml").write_text(MANY_PROBLEMS)
        (folder.quiz_files_dir / "my-quiz.toml").write_text("format = 1\nid = [\n")

    with tempfile.TemporaryDirectory() as scratch:
        window, profile = demo_window(Path(scratch), theme, size, before_opening=broken_files)
        folder = profile.folder
        page = window.open_page(PathPage.info.key, PathPage)
        settle()
        save_grab(window, outdir / f"banner-{theme}-{size}.png")
        page.banner.details_button.click()
        save_grab(window, outdir / f"banner-all-{theme}-{size}.png")
        scroll = page.banner._scroll.verticalScrollBar()
        scroll.setValue(scroll.maximum())  # the last of every problem listed
        save_grab(window, outdir / f"banner-all-end-{theme}-{size}.png")
        page.banner.details_button.click()

        shown: list[QDialog] = []

        def show(parent, title, error, outcome):  # type: ignore[no-untyped-def]
            dialog = FileProblemsDialog(title, error.file, listed(error), outcome, parent)
            dialog.show()
            shown.append(dialog)

        dialogs.tell_file_problems = show  # type: ignore[assignment]
        export = str(Path(scratch) / "loopwise-export-2026-12-05.json")
        for name, text in (("many", MANY_PROBLEMS), ("two", TWO_PROBLEMS), ("export", "")):
            if text:
                source = Path(scratch) / f"my-interview-prep-{name}.toml"
                source.write_text(text)
                page.import_path(source)
            else:
                problems = listed_as_said(export_problems())
                outcome = "Fix them and import again. Nothing was changed."
                shown.append(
                    FileProblemsDialog("Nothing was imported", export, problems, outcome, window)
                )
                shown[-1].show()
            dialog = shown[-1]
            save_over_window(window, dialog, outdir / f"import-{name}-{theme}-{size}.png")
            print(f"{name} {theme} {size}: dialog {dialog.width()}x{dialog.height()}")
            dialog.close()

        from desktop.store.transfer.json_import import CHECK_STOPPED, MAX_PROBLEMS

        # An import whose check stopped: the list says "at least", the outcome why.
        many = [f"journal entry {n}, field id: Field required." for n in range(MAX_PROBLEMS)]
        stopped = FileProblemsDialog(
            "Nothing was imported",
            export,
            listed_as_said(many),
            f"{CHECK_STOPPED} Nothing was changed.",
            window,
            stopped=True,
        )
        stopped.show()
        save_over_window(window, stopped, outdir / f"import-stopped-{theme}-{size}.png")
        stopped.close()

        page.import_path(folder.database)  # the profile's own database, refused unread
        save_over_window(window, shown[-1], outdir / f"import-own-{theme}-{size}.png")
        shown[-1].close()

        folder.settings_file.write_text(BROKEN_SETTINGS)
        preferences = PreferencesDialog(window.context, window)
        preferences.show()
        save_over_window(window, preferences, outdir / f"preferences-{theme}-{size}.png")
        print(f"preferences {theme} {size}: {preferences.width()}x{preferences.height()}")
        preferences.close()
        backups = BackupsDialog(window)
        backups.show()
        save_over_window(window, backups, outdir / f"backups-{theme}-{size}.png")
        backups.close()

        # The list itself, after a restore: two backups in one minute (their seconds shown)
        # and an automatic one, the widest date and reason; the restored one stays chosen.
        from datetime import timedelta

        from desktop.store.backup import backup_database

        now = profile.clock()
        for reason, ago in (("periodic", timedelta(hours=20)), ("manual", timedelta(hours=2))):
            backup_database(folder.database, folder.backups_dir, reason, now=now - ago)
        backups = BackupsDialog(window)
        backups.show()
        backups.table.selectRow(1)
        dialogs.confirm = lambda *_args: True  # type: ignore[assignment]
        dialogs.tell = lambda *_args: None  # type: ignore[assignment]
        backups.restore_selected()
        wait_until(lambda: backups.damaged is not None)
        settle()
        save_over_window(window, backups, outdir / f"backups-restored-{theme}-{size}.png")
        print(f"backups {theme} {size}: {backups.width()}x{backups.height()}")
        backups.close()

        # The recovery question: a lost database file, and a damaged one (SQLite's words
        # behind Show Details).
        from desktop.store.backup import newest_usable_backup
        from desktop.store.health import DAMAGED, MISSING, DatabaseProblem
        from desktop.ui.startup import RecoveryBox

        found, passed_over = newest_usable_backup(folder.backups_dir)
        for name, problem in (
            ("lost", DatabaseProblem(folder.database, MISSING, missing=True)),
            (
                "damaged",
                DatabaseProblem(
                    folder.database,
                    DAMAGED,
                    detail="SQLite reports: database disk image is malformed.",
                ),
            ),
        ):
            box = RecoveryBox(problem, found, passed_over, window)
            box.show()
            settle()
            save_over_window(window, box, outdir / f"recovery-{name}-{theme}-{size}.png")
            box.close()
        window.close()
        profile.close()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--one"]:
        render_one(Path(sys.argv[2]), sys.argv[3], sys.argv[4])
    else:
        sys.exit(main(sys.argv[1]))
