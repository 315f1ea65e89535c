"""`loopwise screenshot`: render every page offscreen to one PNG per page."""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from desktop.clock import app_clock
from desktop.folders import ProfileFolder, resolve_data_dir
from desktop.profile import Profile
from desktop.store.database import session_scope
from desktop.ui.theme import Scheme

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow
    from desktop.ui.page import Page


def screenshot_command(
    *, data_dir: str | None, outdir: str, theme: str, size: tuple[int, int], demo: bool
) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.app import create_application, open_profile_or_explain

    with tempfile.TemporaryDirectory(prefix="loopwise-shots-") as scratch:
        if demo and not data_dir:
            data_dir = str(Path(scratch) / "demo-profile")
        folder = ProfileFolder(resolve_data_dir(data_dir))
        create_application(scheme=Scheme(theme))
        profile = open_profile_or_explain(
            folder, clock=app_clock(), start_fresh=False, interactive=False
        )
        if profile is None:
            return 2
        if demo:
            fill_with_demo_if_empty(profile)
        settings = QSettings(str(Path(scratch) / "ui-state.ini"), QSettings.Format.IniFormat)
        try:
            written = render_pages(profile, settings, Path(outdir), size)
        except OSError as error:
            print(f"Cannot write screenshots to {outdir}: {error.strerror}.", file=sys.stderr)
            return 1
        finally:
            profile.close()
    for file in written:
        print(file)
    return 0


def fill_with_demo_if_empty(profile: Profile) -> None:
    from sqlmodel import select

    from desktop.store.demo import populate_demo_profile
    from desktop.store.models import ItemProgress
    from desktop.store.settings import load_settings

    with session_scope(profile.engine) as session:
        if session.exec(select(ItemProgress).limit(1)).first() is None:
            today = profile.clock()
            tags = frozenset(
                entry.id for group in profile.taxonomy.groups for entry in group.entries
            )
            settings = load_settings(profile.folder.settings_file).settings
            populate_demo_profile(
                session=session,
                paths=profile.library.paths,
                today=today,
                known_tags=tags,
                first_weekday=settings.calendar.first,
            )


def render_pages(
    profile: Profile, settings: QSettings, outdir: Path, size: tuple[int, int]
) -> list[Path]:
    from desktop.ui.context import AppContext
    from desktop.ui.pages import build_main_window

    outdir.mkdir(parents=True, exist_ok=True)
    context = AppContext(profile, settings)
    window = build_main_window(context)
    window.resize(*size)
    window.show()
    written = []
    for page in show_each_page(window):
        written.append(save_grab(window, outdir / f"{slug(page.title)}.png"))
    window.close()
    return written


def show_each_page(window: MainWindow) -> Iterator[Page]:
    """Bring each page forward as a user coming back to it would see it, laid out and painted.
    The screenshots and the test suite's layout check both render through this."""
    for page in window.pages:
        window.show_page(page.page_key)
        prepare = getattr(page, "prepare_for_screenshot", None)
        if callable(prepare):
            prepare()
        settle()
        yield page


def settle() -> None:
    """Let Qt finish the layout and painting that showing or resizing queued (a layout pass
    can queue another, as a label that wraps changes its height)."""
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def save_grab(widget: QWidget, target: Path) -> Path:
    settle()
    if not widget.grab().save(str(target)):
        raise OSError(13, "the file could not be written", str(target))
    return target


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
