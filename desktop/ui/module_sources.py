"""Keep PySide from holding the source of every module imported after it.

On each import PySide6 asks whether the new module names "PySide6" in its source (for its
`__feature__` switches) through `inspect.getsource`, which leaves the whole file in
`linecache` for good: about 700 modules by the end of a session, some 25 MiB of lines.
The check still runs and answers as before; only the copy it leaves is dropped.
Importing this module does it (desktop.app imports it before the app's other modules).
"""

from __future__ import annotations

import linecache
import sys
from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401  (loads the check this wraps)

_PYSIDE_CHECK = "shibokensupport.feature"


def keep_no_module_sources() -> None:
    """Wrap PySide's check (once) and drop the sources it has already left behind."""
    feature = sys.modules.get(_PYSIDE_CHECK)
    check = getattr(feature, "_mod_uses_pyside", None)
    if feature is not None and callable(check) and not hasattr(check, "__wrapped_check__"):
        feature._mod_uses_pyside = _without_keeping(check)  # type: ignore[attr-defined]
    _forget_file_sources()


def _without_keeping(check: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        cached = set(linecache.cache)
        try:
            return check(module)
        finally:
            for name in set(linecache.cache) - cached:
                linecache.cache.pop(name, None)

    uses_pyside.__wrapped_check__ = check  # type: ignore[attr-defined]
    return uses_pyside


def _forget_file_sources() -> None:
    """Files' lines are read again if a traceback needs them; lines registered for code
    made at run time ("<...>" names, as SQLAlchemy's) cannot be, and stay."""
    for name in [name for name in linecache.cache if not name.startswith("<")]:
        linecache.cache.pop(name, None)


keep_no_module_sources()
