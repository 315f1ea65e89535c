"""Reading a week's facts for a weekly-review journal entry from the log."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlmodel import Session

from desktop.domain.week_facts import week_facts
from desktop.store.week_snapshot import read_week_plan


def read_week_facts(*, session: Session, week: date, label: Callable[[str], str]) -> dict[str, str]:
    """The facts of the week starting on `week`: only that week's log is read, so it is
    quick however long the history. `label` names a taxonomy tag."""
    plan = read_week_plan(session=session, week=week)
    return week_facts(plan.numbers, plan.attempts, plan.mocks, label)
