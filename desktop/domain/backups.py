"""Which backups to keep: recent ones all, then one a day, then one a week (pure rules)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

# loopwise-20261102-091500-123456-before-import-412-entries-3104-sessions.sqlite3 (the stamp
# is UTC). The counts say what the copy held when it was made, so a file that lost its rows
# later is found out; backups made before they were named so carry no counts.
_NAME = re.compile(
    r"^loopwise-(\d{8}-\d{6}-\d{6})-([a-z]+(?:-[a-z]+)*?)"
    r"(?:-(\d+)-entries-(\d+)-sessions)?\.sqlite3$"
)
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"

REASON_LABELS = {
    "periodic": "Automatic (every 12 hours)",
    "manual": "Made by you",
    "before-upgrade": "Before an upgrade",
    "before-import": "Before an import",
    "before-restore": "Before a restore",
    "after-restore": "Restored data",
}


@dataclass(frozen=True)
class Contents:
    """What a copy of the database holds, in the numbers a user recognises."""

    journal_entries: int
    sessions: int
    last_entry: date | None = None
    stories: int = 0
    plan_items: int = 0

    def describe(self, reference: date | None = None) -> str:
        """'412 journal entries, 3,104 sessions, 12 stories, 80 plan items, last entry 2 Jan'
        (the year is given when it is not the year of `reference`, the day the copy was
        made). Stories and plan items are named when there are some: many never write one."""
        parts = [
            _count(self.journal_entries, "journal entry", "journal entries"),
            _count(self.sessions, "session", "sessions"),
        ]
        if self.stories:
            parts.append(_count(self.stories, "story", "stories"))
        if self.plan_items:
            parts.append(_count(self.plan_items, "plan item", "plan items"))
        if self.last_entry is not None:
            day = f"{self.last_entry.day} {self.last_entry:%b}"
            if reference is None or reference.year != self.last_entry.year:
                day += f" {self.last_entry.year}"
            parts.append(f"last entry {day}")
        return ", ".join(parts)


def _count(number: int, one: str, many: str) -> str:
    return f"{number:,} {one if number == 1 else many}"


@dataclass(frozen=True)
class BackupName:
    taken_at: datetime  # naive UTC
    reason: str
    # What the copy held when it was made; None for backups named before counts were kept.
    counts: tuple[int, int] | None = None

    @property
    def reason_label(self) -> str:
        return REASON_LABELS.get(self.reason, self.reason.replace("-", " ").capitalize())


def parse_backup_name(name: str) -> BackupName | None:
    """The time and reason in a backup's file name, or None if it is not one of ours."""
    match = _NAME.match(name)
    if match is None:
        return None
    stamp = match.group(1)  # YYYYMMDD-HHMMSS-ffffff, read by hand: strptime is slow enough
    try:  # to be most of listing 60 backups
        taken_at = datetime(
            int(stamp[0:4]), int(stamp[4:6]), int(stamp[6:8]),
            int(stamp[9:11]), int(stamp[11:13]), int(stamp[13:15]), int(stamp[16:22]),
        )  # fmt: skip
    except ValueError:  # a day or an hour that does not exist
        return None
    counts = None
    if match.group(3) is not None:
        counts = (int(match.group(3)), int(match.group(4)))
    return BackupName(taken_at, match.group(2), counts)


def backup_file_name(taken_at: datetime, reason: str, contents: Contents) -> str:
    stamp = taken_at.strftime(STAMP_FORMAT)
    held = f"{contents.journal_entries}-entries-{contents.sessions}-sessions"
    return f"loopwise-{stamp}-{reason}-{held}.sqlite3"


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
    accepts: an unusable copy never counts as the one kept, and is never removed either (it
    stays listed, with what is wrong, for the user to look at). `is_good` is asked only where
    there is a choice, newest first, and stops at the first good one.
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
        unusable: list[datetime] = []
        for moment in members:
            if is_good is None or is_good(moment):
                # Everything older in the bucket is surplus (and is not read to find out).
                remove.update(members[len(unusable) + 1 :])
                break
            unusable.append(moment)
    if newest_first:
        remove.discard(newest_first[0])
    return remove


def backup_is_due(newest: datetime | None, now: datetime, every: timedelta) -> bool:
    return newest is None or now - newest >= every
