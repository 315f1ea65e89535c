"""Which backups are kept: all recent ones, one a day for a month, then one a week."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from desktop.domain.backups import (
    BackupName,
    Contents,
    ThinningPolicy,
    backup_file_name,
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
    assert name.counts is None  # named before backups said what they hold


def test_backup_names_say_what_the_copy_held() -> None:
    contents = Contents(412, 3104, date(2026, 1, 2))
    made = datetime(2026, 1, 3, 9, 15)
    name = backup_file_name(made, "before-restore", contents)
    assert (
        name == "loopwise-20260103-091500-000000-before-restore-412-entries-3104-sessions.sqlite3"
    )
    parsed = parse_backup_name(name)
    assert parsed == BackupName(made, "before-restore", (412, 3104))
    assert parsed.reason_label == "Before a restore"


def test_what_a_backup_holds_reads_as_a_user_counts() -> None:
    contents = Contents(412, 3104, date(2026, 1, 2))
    assert contents.describe(date(2026, 1, 3)) == (
        "412 journal entries, 3,104 sessions, last entry 2 Jan"
    )
    assert contents.describe(date(2027, 1, 3)).endswith("last entry 2 Jan 2026")
    assert Contents(1, 1).describe() == "1 journal entry, 1 session"


def test_a_damaged_backup_never_pushes_out_the_good_one_of_its_day_and_is_left_alone() -> None:
    day = NOW - timedelta(days=5)
    morning, evening = day.replace(hour=8), day.replace(hour=20)
    asked: list[datetime] = []

    def is_good(moment: datetime) -> bool:
        asked.append(moment)
        return moment != evening  # the newer one of the day is damaged

    removed = backups_to_remove([NOW, morning, evening], NOW, is_good=is_good)
    # The damaged one does not count as the day's backup, and is not deleted either: it stays
    # listed as unusable (a copy from a newer version of the app may be worth keeping).
    assert removed == set()
    assert asked == [evening, morning]  # only where there was a choice, newest first


def test_unusable_backups_are_never_removed_and_the_surplus_good_ones_are() -> None:
    day = NOW - timedelta(days=10)
    moments = [day.replace(hour=h) for h in (22, 20, 18, 8)]
    bad = {moments[0], moments[1]}
    removed = backups_to_remove([NOW, *moments], NOW, is_good=lambda m: m not in bad)
    assert removed == {moments[3]}  # 18:00 is the day's backup; 22:00 and 20:00 stay, unusable


def test_when_the_newest_backup_is_damaged_the_newest_good_one_stays_too() -> None:
    old = NOW - timedelta(days=40)
    older = old - timedelta(hours=1)
    removed = backups_to_remove([old, older], NOW, is_good=lambda moment: moment == older)
    assert removed == set()
