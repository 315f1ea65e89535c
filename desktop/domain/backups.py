"""Which backups to keep: recent ones all, then one a day, then one a week (pure rules)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

# loopwise-20261102-091500-123456-before-import.sqlite3 (the stamp is UTC)
_NAME = re.compile(r"^loopwise-(\d{8}-\d{6}-\d{6})-([a-z0-9-]+)\.sqlite3$")
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"

REASON_LABELS = {
    "periodic": "Automatic (every 12 hours)",
    "manual": "Made by you",
    "before-upgrade": "Before an upgrade",
    "before-import": "Before an import",
    "before-restore": "Before a restore",
}


@dataclass(frozen=True)
class BackupName:
    taken_at: datetime  # naive UTC
    reason: str

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason.replace("-", " ").capitalize())


def parse_backup_name(name: str) -> BackupName | None:
    """The time and reason in a backup's file name, or None if it is not one of ours."""
    match = _NAME.match(name)
    if match is None:
        return None
    try:
        taken_at = datetime.strptime(match.group(1), STAMP_FORMAT)
    except ValueError:
        return None
    return BackupName(taken_at, match.group(2))


@dataclass(frozen=True)
class ThinningPolicy:
    keep_all_days: int = 2
    daily_days: int = 30
    # Beyond daily_days one backup a week is kept, for as long as they go back.


def backups_to_remove(
    taken: Sequence[datetime],
    now: datetime,
    policy: ThinningPolicy | None = None,
    is_good: Callable[[datetime], bool] | None = None,
) -> set[datetime]:
    """The times of the backups that thinning removes. The newest is never removed.

    Within keep_all_days everything stays; up to daily_days one backup of each day stays;
    older than that one of each ISO week stays. The one kept is the newest that `is_good`
    accepts (a damaged copy never pushes out a good one); `is_good` is asked only where there
    is a choice, newest first, and stops at the first good one.
    """
    rules = policy or ThinningPolicy()
    newest_first = sorted(taken, reverse=True)
    buckets: dict[tuple[str, object], list[datetime]] = {}
    for moment in newest_first:
        age = now - moment
        if age <= timedelta(days=rules.keep_all_days):
            continue
        bucket: tuple[str, object]
        if age <= timedelta(days=rules.daily_days):
            bucket = ("day", moment.date())
        else:
            bucket = ("week", moment.isocalendar()[:2])
        buckets.setdefault(bucket, []).append(moment)
    remove: set[datetime] = set()
    for members in buckets.values():
        if len(members) == 1:
            continue
        kept = next((m for m in members if is_good is None or is_good(m)), members[0])
        remove.update(m for m in members if m != kept)
    if newest_first:
        remove.discard(newest_first[0])
    return remove


def backup_is_due(newest: datetime | None, now: datetime, every: timedelta) -> bool:
    return newest is None or now - newest >= every
