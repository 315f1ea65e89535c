"""Runs one `loopwise` command that stops, for good, in the middle of its work, so that the
test can kill it there (for tests/test_kill_during_import.py).

Usage: python -m tests.helpers.stalled_child import ARGS...   (stops with the import written
                                                              but not committed)
       python -m tests.helpers.stalled_child restore ARGS...  (stops after the backup made
                                                              before the restore)
       python -m tests.helpers.stalled_child restore-copied ARGS...  (stops with the backup
                                                              copied in, its note not yet gone)
       python -m tests.helpers.stalled_child import-until-ctrl-c ARGS...  (stops with the
                                                              import written, reporting)
       python -m tests.helpers.stalled_child backup ARGS...   (stops with a backup written
                                                              under its .partial name)
ARGS are the command line after `loopwise`. Prints "stalled" once it has stopped there.
"""

from __future__ import annotations

import sys
import threading
import time
from typing import Any

from desktop.cli import main


def _stall() -> None:
    print("stalled", flush=True)
    threading.Event().wait()  # until killed


def _after(module: Any, name: str, when: Any = lambda *_a, **_k: True) -> None:
    """Run `module.name` as usual, then stall if `when` says so for its arguments."""
    original = getattr(module, name)

    def stalling(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        if when(*args, **kwargs):
            _stall()
        return result

    setattr(module, name, stalling)


def _written_then_reporting(apply_import: Any) -> Any:
    """apply_import, then, before the commit, a progress report every 10 ms for up to a
    minute, where a Ctrl+C is honoured (the test sends one)."""

    def written(*, session: Any, plan: Any, progress: Any) -> None:
        apply_import(session=session, plan=plan, progress=progress)
        print("stalled", flush=True)
        for _report in range(6000):
            progress("Writing your data", 1, 1)
            time.sleep(0.01)

    return written


def run(where: str, args: list[str]) -> int:
    if where == "import":
        import desktop.store.transfer.run as run_module

        _after(run_module, "apply_import")  # inside the transaction, before its commit
        _after(run_module, "apply_notes_import")
    elif where == "import-until-ctrl-c":
        import desktop.store.transfer.run as run_module

        run_module.apply_import = _written_then_reporting(run_module.apply_import)
    elif where == "restore":
        import desktop.store.backup as backup_module

        _after(backup_module, "backup_database", lambda *a, **_k: a[2] == "before-restore")
    elif where == "restore-copied":
        import desktop.store.backup as backup_module

        _after(backup_module, "_restore_over")  # committed; the note is removed just after
    else:
        import desktop.store.backup as backup_module

        # The copy is written, under its .partial name, and checked: not yet renamed.
        _after(backup_module, "judge_backup", lambda *a, **_k: a[0].suffix == ".partial")
    return main(args)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1], sys.argv[2:]))
