"""Reading the database can fail too (locked by another program, a disk error): say so plainly.

A failure because the file is damaged is different: trying again will not help. While the
integrity check that follows start-up runs, or once it has asked the recovery question, such
a failure says nothing of its own (the question covers it); found later, it says the file is
damaged and where to go back to a backup.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from PySide6.QtWidgets import QMainWindow, QWidget

from desktop.store.errors import SAVE_ERRORS, Trouble, classify, explain
from desktop.ui.safety.damage_state import DamageState, damage_state, set_damage_state
from desktop.ui.widgets import dialogs

Params = ParamSpec("Params")
Result = TypeVar("Result")
Widget = TypeVar("Widget", bound=QWidget)


def reports_read_failures(
    method: Callable[Concatenate[Widget, Params], Result],
) -> Callable[Concatenate[Widget, Params], Result | None]:
    """For slots that read: on a database error, explain it and leave the view as it was.

    Connect decorated methods through a lambda: Qt passes a signal's arguments to a slot
    that looks like it accepts any (*args), and these methods take none.
    """

    @functools.wraps(method)
    def wrapper(self: Widget, *args: Params.args, **kwargs: Params.kwargs) -> Result | None:
        try:
            return method(self, *args, **kwargs)
        except SAVE_ERRORS as error:
            tell_read_failure(self, "read from its database", error)
            return None

    return wrapper


def tell_read_failure(parent: QWidget | None, doing: str, error: BaseException) -> None:
    """Say that a read failed, what Loopwise was `doing` ("read your practice log"), why,
    and that nothing changed."""
    # Over the window, centred on it: a page (often a hidden one) is no place to centre on.
    window = parent.window() if parent is not None else None
    if classify(error) is Trouble.DAMAGED:
        _tell_damaged(window, doing)
        return
    dialogs.tell_problem(
        window,
        "Could not read your data",
        f"Loopwise could not {doing}: {explain(error)}. Nothing was changed; try again in a "
        "moment.",
    )


def _tell_damaged(window: QWidget | None, doing: str) -> None:
    if window is not None:
        if damage_state(window) is not DamageState.UNKNOWN:
            return  # the recovery question is asked (or soon will be) about this damage
        set_damage_state(window, DamageState.KNOWN)  # once is enough
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(f"Loopwise could not {doing}: the file is damaged.")
    dialogs.tell_problem(
        window,
        "Your data file is damaged",
        f"Loopwise could not {doing}: the database file is damaged, so part of your data "
        "cannot be read. Nothing was changed, and trying again will not help. Go back to "
        "your newest backup with File > Backups…; the damaged file is kept beside it.",
    )
