"""Running Loopwise in a fresh interpreter, for what only a new process shows: which modules
a command loads, and what start-up does before anything else is imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence


def child_env() -> dict[str, str]:
    """The tests' environment for a child process: headless Qt, and no data folder set by
    the user's shell (each test names its own)."""
    env = {k: v for k, v in os.environ.items() if k != "LOOPWISE_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def printed_by(script: str, *args: str, timeout: float = 120) -> str:
    """What `script` prints, run with `args` in a fresh interpreter; it must succeed."""
    result = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True, text=True, timeout=timeout, env=child_env(), check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def modules_loaded_by(argv: Sequence[str], *, timeout: float = 120) -> list[str]:
    """`loopwise ARGV` run in a fresh interpreter (it must succeed): the modules it had
    loaded when it returned, in the order they were loaded."""
    script = (
        "import json, sys\n"
        "from desktop.cli import main\n"
        f"code = main({list(argv)!r})\n"
        "print(json.dumps(list(sys.modules)))\n"
        "sys.exit(code)\n"
    )
    return list(json.loads(printed_by(script, timeout=timeout).splitlines()[-1]))
