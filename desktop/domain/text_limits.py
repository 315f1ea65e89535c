"""How long imported text may be: the one place these limits are set.

A field far longer than anyone types (a 60 MB journal entry) freezes the editor that opens
it, so imports refuse it with a message naming the record and the field.
"""

from __future__ import annotations

LONG_TEXT = 1_000_000  # an entry's body, a story part, notes, feedback: about 1 MB
SHORT_TEXT = 1_000  # a title, a name, a link
LIST_TEXT = 10_000  # tags or companies, one per line


def length_problem(value: str, limit: int) -> str | None:
    """Why `value` is too long, or None if it fits."""
    if len(value) <= limit:
        return None
    return f"is {len(value):,} characters long; Loopwise takes at most {limit:,} here"
