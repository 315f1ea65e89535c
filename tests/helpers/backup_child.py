"""Restores or backs up again and again, as a user at the command line would, until it is
killed (for the SIGKILL tests in tests/test_kill_during_backup_and_restore.py).

Usage: python -m tests.helpers.backup_child restore DATA_DIR BACKUP_A BACKUP_B
       python -m tests.helpers.backup_child backup DATA_DIR
Prints "ready" once loaded, then one line after each finished command.
"""

from __future__ import annotations

import contextlib
import io
import sys

from desktop.cli import main


def _quietly(args: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()):
        return main(args)


def run(mode: str, data_dir: str, backups: list[str]) -> None:
    import desktop.safety_commands
    import desktop.ui.single_instance  # noqa: F401  (loaded before "ready", as the commands load them)

    print("ready", flush=True)
    turn = 0
    while True:
        if mode == "restore":
            name = backups[turn % len(backups)]
            code = _quietly(["restore", name, "--yes", "--data-dir", data_dir])
        else:
            name = "backup"
            code = _quietly(["backup", "--data-dir", data_dir])
        if code != 0:
            raise SystemExit(f"{mode} failed with {code}")
        print(name, flush=True)
        turn += 1


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2], sys.argv[3:])
