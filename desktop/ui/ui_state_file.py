"""Opening ui-state.ini (window size, column widths, view choices) without letting it stop
or freeze the start.

QSettings reads the whole file, unbounded, on first use: a named pipe there waits for a
writer for ever, and a file of 180 MB takes 25 s and 1.5 GB before the window appears. What
the file holds is only layout, so a file that is not a plain file or is far larger than any
layout is moved aside (ui-state.ini.refused) and the window starts with its default layout.
Garbled text inside the limit is Qt's to handle: its INI reader skips what it cannot parse.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.domain.bounded_read import size_text

# Loopwise's own layout takes a few KB; this much parses in a few milliseconds.
UI_STATE_LIMIT = 250_000
REFUSED_SUFFIX = ".refused"


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def open_ui_state(path: Path, note: Callable[[str], None] = _say) -> QSettings:
    """QSettings on `path`, after moving a file there aside that could stop or freeze it."""
    problem = ui_state_problem(path)
    if problem is None:
        return QSettings(str(path), QSettings.Format.IniFormat)
    kept = path.with_name(path.name + REFUSED_SUFFIX)
    try:
        os.replace(path, kept)
    except OSError:
        # Not even moved: the layout is kept this time in a private folder instead.
        scratch = Path(tempfile.mkdtemp(prefix="loopwise-ui-state-")) / path.name
        note(f"{path} {problem}, so the window starts with its usual layout this time.")
        return QSettings(str(scratch), QSettings.Format.IniFormat)
    note(f"{path} {problem}, so it was moved to {kept}; the window starts with its usual layout.")
    return QSettings(str(path), QSettings.Format.IniFormat)


def ui_state_problem(path: Path) -> str | None:
    """Why QSettings must not read `path` (a short clause), or None."""
    try:
        info = os.stat(path)  # through a link: what QSettings would open
    except FileNotFoundError:
        return None  # a first start, or a link to nothing: QSettings writes a new file
    except OSError as error:
        return f"cannot be read ({(error.strerror or str(error)).lower()})"
    if not stat.S_ISREG(info.st_mode):
        return "is not a plain file"
    if info.st_size > UI_STATE_LIMIT:
        return f"is larger than {size_text(UI_STATE_LIMIT)}"
    return None
