"""The trends page: practice calendar, streaks, charts and recurring weak spots."""
