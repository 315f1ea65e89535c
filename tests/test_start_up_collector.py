"""Start-up keeps Python's cycle collector out of its way, and turns it back on after."""

from __future__ import annotations

from pathlib import Path

from tests.backup_files import make_profile
from tests.fresh_python import printed_by

# Runs the real start-up in a child process and reports the collector's state at two points:
# while the window is being built, and once the event loop runs.
PROBE = """\
import gc
import sys

import desktop.app as app
from PySide6.QtWidgets import QApplication

build = app.show_main_window


def show_main_window(*args, **kwargs):
    print("building, collector on:", gc.isenabled())
    return build(*args, **kwargs)


def exec_(self):
    print("running, collector on:", gc.isenabled())
    print("frozen:", gc.get_freeze_count())
    return 0


app.show_main_window = show_main_window
QApplication.exec = exec_
from desktop.cli import main

sys.exit(main(["--data-dir", sys.argv[1]]))
"""


def test_the_collector_is_off_while_the_window_is_built_and_on_once_it_runs(
    tmp_path: Path,
) -> None:
    lines = printed_by(PROBE, str(tmp_path / "profile")).splitlines()
    assert lines[:2] == ["building, collector on: False", "running, collector on: True"]
    frozen = int(lines[2].removeprefix("frozen: "))
    assert frozen > 50_000  # start-up's long-lived objects, never walked again


# A command in a child process: what the collector holds frozen when the interpreter ends
# (atexit runs its handlers last registered first, so this one runs after the command's).
COMMAND_PROBE = """\
import atexit
import gc
import sys

atexit.register(lambda: print("frozen at exit:", gc.get_freeze_count() > 0))
from desktop.cli import main

code = main(["--data-dir", sys.argv[1], "backup"])
print("collector on after the command:", gc.isenabled(), "frozen:", gc.get_freeze_count())
sys.exit(code)
"""


def test_a_command_freezes_what_is_left_only_as_the_interpreter_ends(tmp_path: Path) -> None:
    make_profile(tmp_path / "data", entries=1)
    printed = printed_by(COMMAND_PROBE, str(tmp_path / "data")).splitlines()
    # Its final collections then skip every object left; a caller that goes on keeps its own.
    assert printed[-2:] == [
        "collector on after the command: True frozen: 0",
        "frozen at exit: True",
    ]
