"""Turning database failures into sentences a user can act on."""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

_KNOWN = (
    ("disk is full", "the disk is full. Free some space and try again"),
    ("readonly database", "the data folder is read-only"),
    ("read-only", "the data folder is read-only"),
    ("locked", "another program is using the database right now"),
    ("disk i/o error", "the disk reported an error while writing"),
    ("malformed", "the database file is damaged"),
)


class WriteFailed(Exception):
    """A change the user made could not be saved. What they typed is still on screen."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def explain(error: BaseException) -> str:
    text = str(getattr(error, "orig", None) or error).lower()
    for needle, sentence in _KNOWN:
        if needle in text:
            return sentence
    return str(getattr(error, "orig", None) or error).split("\n")[0]


SAVE_ERRORS = (SQLAlchemyError, OSError)
