"""The periods the Practice log and Trends offer, in the same words on both pages.

Trends needs a month at least to show a trend, and a week's sessions are on the Plan page
day by day, so neither page offers a shorter period.
"""

from __future__ import annotations

PERIODS: tuple[tuple[str, int | None], ...] = (
    ("Last 30 days", 30),
    ("Last 90 days", 90),
    ("Last 6 months", 182),
    ("Last year", 365),
    ("Everything", None),  # no limit
)
EVERYTHING = len(PERIODS) - 1  # the index of the widest period
