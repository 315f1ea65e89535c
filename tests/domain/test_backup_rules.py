"""Which backups are kept: all recent ones, one a day for a month, then one a week."""

from __future__ import annotations

from datetime import datetime, timedelta

from desktop.domain.backups import (
    ThinningPolicy,
    backup_is_due,
    backups_to_remove,
    parse_backup_name,
)

NOW = datetime(2026, 11, 22, 12, 0)


def test_everything_from_the_last_two_days_is_kept() -> None:
    taken = [NOW - timedelta(hours=h) for h in range(0, 47, 3)]
    assert backups_to_remove(taken, NOW) == set()


def test_one_a_day_is_kept_for_a_month_the_newest_of_each_day() -> None:
    day = NOW - timedelta(days=5)
    morning, evening = day.replace(hour=8), day.replace(hour=20)
    removed = backups_to_remove([NOW, morning, evening], NOW)
    assert removed == {morning}


def test_one_a_week_is_kept_beyond_a_month() -> None:
    # Every day for 60 days: the old half keeps one per ISO week.
    taken = [NOW - timedelta(days=d) for d in range(60)]
    removed = backups_to_remove(taken, NOW)
    kept = sorted(set(taken) - removed)
    old = [moment for moment in kept if NOW - moment > timedelta(days=30)]
    weeks = [moment.isocalendar()[:2] for moment in old]
    assert len(weeks) == len(set(weeks))
    assert len(old) in range(4, 6)
    recent = [moment for moment in kept if NOW - moment <= timedelta(days=30)]
    assert len(recent) == 31  # one for each day up to 30 days back, today included


def test_the_newest_backup_is_never_removed_however_old() -> None:
    old = NOW - timedelta(days=400)
    assert backups_to_remove([old, old - timedelta(hours=1)], NOW) == {old - timedelta(hours=1)}


def test_the_policy_is_configurable() -> None:
    taken = [NOW - timedelta(hours=h) for h in (0, 30, 31)]
    assert backups_to_remove(taken, NOW, ThinningPolicy(keep_all_days=0)) == {
        NOW - timedelta(hours=31)
    }


def test_a_backup_is_due_after_twelve_hours_or_when_there_is_none() -> None:
    every = timedelta(hours=12)
    assert backup_is_due(None, NOW, every)
    assert not backup_is_due(NOW - timedelta(hours=11, minutes=59), NOW, every)
    assert backup_is_due(NOW - timedelta(hours=12), NOW, every)


def test_backup_names_give_their_time_and_reason() -> None:
    name = parse_backup_name("loopwise-20261102-091500-000123-before-import.sqlite3")
    assert name is not None
    assert name.taken_at == datetime(2026, 11, 2, 9, 15, 0, 123)
    assert name.reason_label == "Before an import"
    assert parse_backup_name("loopwise.sqlite3") is None
    assert parse_backup_name("loopwise-20261399-000000-000000-x.sqlite3") is None


def test_a_damaged_backup_never_pushes_out_the_good_one_of_its_day() -> None:
    day = NOW - timedelta(days=5)
    morning, evening = day.replace(hour=8), day.replace(hour=20)
    asked: list[datetime] = []

    def is_good(moment: datetime) -> bool:
        asked.append(moment)
        return moment != evening  # the newer one of the day is damaged

    removed = backups_to_remove([NOW, morning, evening], NOW, is_good=is_good)
    assert removed == {evening}
    assert asked == [evening, morning]  # only where there was a choice, newest first


def test_when_the_newest_backup_is_damaged_the_newest_good_one_stays_too() -> None:
    old = NOW - timedelta(days=40)
    older = old - timedelta(hours=1)
    removed = backups_to_remove([old, older], NOW, is_good=lambda moment: moment == older)
    assert removed == set()
