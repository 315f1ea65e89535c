"""Where a user is with one checklist item: light enough for the window's Item menu to
read before the curriculum model (pydantic) is imported."""

from __future__ import annotations

from enum import StrEnum


class ItemStatus(StrEnum):
    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NEEDS_REVIEW = "needs_review"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self]


_STATUS_LABELS = {
    ItemStatus.TODO: "To do",
    ItemStatus.IN_PROGRESS: "In progress",
    ItemStatus.DONE: "Done",
    ItemStatus.NEEDS_REVIEW: "Needs review",
}
