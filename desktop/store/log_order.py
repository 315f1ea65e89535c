"""The orders the practice log can list a period's attempts in (a click on a column title).

Ten years are 20,000 attempts, read a page at a time: the order is SQL, so a page is still
one query, and an attempt's place in the list (to select it) is one count. Ties are broken
newest first, so every order is total and a row's place is the same in both queries.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class LogSortKey(StrEnum):
    WHEN = "when"
    TITLE = "title"
    TIME = "time"
    OUTCOME = "outcome"
    CONFIDENCE = "confidence"


_EXPRESSIONS = {
    LogSortKey.WHEN: "started_at",
    LogSortKey.TITLE: "title COLLATE NOCASE",  # as a reader sorts: "binary" beside "Binary"
    LogSortKey.TIME: "active_seconds",
    # From the worst to the best, not in the alphabet's order of their names.
    LogSortKey.OUTCOME: "CASE outcome WHEN 'stuck' THEN 0 WHEN 'partial' THEN 1 ELSE 2 END",
    LogSortKey.CONFIDENCE: "confidence",
}
_NEWEST_FIRST = "started_at DESC, id DESC"


@dataclass(frozen=True)
class LogOrder:
    key: LogSortKey = LogSortKey.WHEN
    descending: bool = True

    @property
    def expression(self) -> str:
        """The SQL value the attempts are ordered by."""
        return _EXPRESSIONS[self.key]

    @property
    def order_by(self) -> str:
        direction = "DESC" if self.descending else "ASC"
        return f"{self.expression} {direction}, {_NEWEST_FIRST}"

    @property
    def listed_before(self) -> str:
        """A condition true of the attempts listed before one whose value, started_at and id
        are the five parameters (value, value, started_at, started_at, id)."""
        beyond = ">" if self.descending else "<"
        value = self.expression
        return (
            f"({value} {beyond} ? OR ({value} = ? AND "
            "(started_at > ? OR (started_at = ? AND id > ?))))"
        )


NEWEST_FIRST = LogOrder()
