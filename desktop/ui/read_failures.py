"""Reading the database can fail too (locked by another program, a disk error): say so plainly."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar

from PySide6.QtWidgets import QWidget

from desktop.store.errors import SAVE_ERRORS, explain
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
    dialogs.tell_problem(
        parent,
        "Could not read your data",
        f"Loopwise could not {doing}: {explain(error)}. Nothing was changed; try again in a "
        "moment.",
    )
