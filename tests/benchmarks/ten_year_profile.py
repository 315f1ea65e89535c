"""A profile of ten years of daily use, from a fixed seed, for the benchmarks.

Build one into a folder (it must not hold a profile yet) with:

    .venv/bin/python -m tests.benchmarks.ten_year_profile OUT_DIR [--now 2026-12-04T12:00:00Z]

or from a benchmark: `build_ten_year_profile(data_dir, now)`. Its history runs up to the day
before `now` (so "Last 30 days" has practice in it). It holds about 3,650 journal entries
(one a day, some linked to that day's practice), 20,000 attempts with about 67,000 tags, a
mock interview every two weeks (260, with scores and exposed weak spots), 60 STAR stories with
1,200 rehearsals and a few journal links, 4,160 plan items (eight a week for 520 weeks), the
checklist progress of a learner who went through the main path, and the planner's budget.

The database is the real migrated one (`open_profile`). Attempts, journal entries, plan items
and story links are written through the tables with the `sqlite3` module for speed (the
journal's full-text triggers still fill its index); stories, rehearsals, mock interviews and
checklist progress go through the app's own stores. The same seed and `now` give the same
profile.
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import time
from collections.abc import Sequence
from contextlib import closing
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from desktop.domain.dates import MONDAY, local_day, week_of
from desktop.domain.journal import EntryKind
from desktop.domain.planner import PlanSource
from desktop.domain.progress import ItemStatus
from desktop.profile import Profile
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from tests.benchmarks.bench_journal import EntryWriter
from tests.benchmarks.bench_stories import write_stories
from tests.benchmarks.bench_trends import build_profile as build_practice_profile

SEED = 20261204
DAYS = 3650
ATTEMPTS = 20_000
JOURNAL_ENTRIES = 3_650
STORIES = 60  # with bench_stories.REHEARSALS_EACH (20) rehearsals each
PLAN_WEEKS = 520
PLAN_ITEMS_A_WEEK = 8
LINKS_PER_STORY = 2
HOURS_PER_WEEK = "8"

INSERT_ENTRY = (
    "INSERT INTO journal_entry (entry_date, title, body, kind, tags, template_id, session_id, "
    "path_id, item_id, word_count, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, NULL, ?, ?, ?)"
)
INSERT_PLAN_ITEM = (
    "INSERT INTO plan_item (day, title, path_id, item_id, routine_id, kind, minutes, source, "
    "reason, skipped, carried_over, carried_from, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NULL, ?)"
)
INSERT_LINK = "INSERT OR IGNORE INTO story_journal_link (story_id, entry_id) VALUES (?, ?)"
TABLES = (
    "journal_entry",
    "practice_session",
    "session_tag",
    "story",
    "story_theme",
    "story_rehearsal",
    "story_journal_link",
    "plan_item",
    "mock_interview",
    "mock_score",
    "mock_exposed",
    "item_progress",
    "status_change",
)


def build_ten_year_profile(data_dir: Path, now: datetime) -> Profile:
    """Ten years of daily use ending at `now` (aware), in `data_dir`; the profile is open."""
    profile = build_practice_profile(data_dir, ATTEMPTS, now)  # attempts, tags, mocks
    rng = random.Random(SEED)
    # The journal's writer spreads its entries over DAYS + 1 days: the last is yesterday's.
    first_day = local_day(now) - timedelta(days=DAYS + 1)
    with closing(sqlite3.connect(profile.folder.database)) as connection, connection:
        _write_journal(connection, first_day)
        _write_plan(connection, profile, now, rng)
    write_stories(profile, STORIES, now=now)
    with closing(sqlite3.connect(profile.folder.database)) as connection, connection:
        _link_stories(connection, rng)
    _write_progress(profile, now)
    with closing(sqlite3.connect(profile.folder.database)) as connection, connection:
        connection.execute(
            "INSERT OR REPLACE INTO planner_setting (key, value) VALUES ('hours_per_week', ?)",
            (HOURS_PER_WEEK,),
        )
    return profile


def row_counts(database: Path) -> dict[str, int]:
    """How many rows each of the user's tables holds."""
    with closing(sqlite3.connect(database)) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in TABLES
        }


def _write_journal(connection: sqlite3.Connection, first_day: date) -> None:
    """One entry a day; a retrospective points at the first attempt logged that day."""
    first_attempt = dict(
        connection.execute(
            "SELECT date(started_at), min(id) FROM practice_session GROUP BY date(started_at)"
        ).fetchall()
    )
    retrospective = EntryKind.RETROSPECTIVE.value
    writer = EntryWriter(SEED)
    for rows in writer.rows(JOURNAL_ENTRIES, batch=1_000, first_day=first_day):
        connection.executemany(
            INSERT_ENTRY,
            [
                (day, title, body, kind, tags,
                 first_attempt.get(day) if kind == retrospective else None,
                 words, created, updated)
                for day, title, body, kind, tags, words, created, updated in rows
            ],
        )  # fmt: skip


def _write_plan(
    connection: sqlite3.Connection, profile: Profile, now: datetime, rng: random.Random
) -> None:
    """Eight planned items a week for ten years: path items, and a routine now and then."""
    items = [
        (path.id, item)
        for path in profile.library.paths
        for stage in path.stages
        for item in stage.items
    ]
    routines = profile.routines.routines
    last_week = week_of(local_day(now), first=MONDAY)
    rows = []
    for back in range(PLAN_WEEKS, 0, -1):
        week = last_week - timedelta(days=7 * (back - 1))
        made = datetime(week.year, week.month, week.day, 8) - timedelta(days=2)
        created = made.strftime("%Y-%m-%d %H:%M:%S.%f")
        for slot in range(PLAN_ITEMS_A_WEEK):
            day = (week + timedelta(days=slot % 7)).isoformat()
            skipped = int(rng.random() < 0.1)
            if slot == 0:
                routine = rng.choice(routines)
                rows.append((
                    day, routine.title, None, None, routine.id, "design", 45,
                    PlanSource.ROUTINE.value, "This week's routine.", skipped, created,
                ))  # fmt: skip
            else:
                path_id, item = rng.choice(items)
                source = rng.choice((PlanSource.PATH, PlanSource.REVISIT, PlanSource.WEAK_SPOT))
                rows.append((
                    day, item.title, path_id, item.id, None, item.kind.value,
                    item.target_minutes, source.value, "Next on your path.", skipped, created,
                ))  # fmt: skip
    connection.executemany(INSERT_PLAN_ITEM, rows)


def _link_stories(connection: sqlite3.Connection, rng: random.Random) -> None:
    stories = [row[0] for row in connection.execute("SELECT id FROM story ORDER BY id")]
    entries = [row[0] for row in connection.execute("SELECT id FROM journal_entry ORDER BY id")]
    connection.executemany(
        INSERT_LINK,
        [(story, entry) for story in stories for entry in rng.sample(entries, LINKS_PER_STORY)],
    )


def _write_progress(profile: Profile, now: datetime) -> None:
    """The main path worked through over the ten years: each item started, then done; every
    fifth needs review again, with a short note."""
    path = profile.library.paths[0]
    items = [(stage.id, item) for stage in path.stages for item in stage.items]
    step = timedelta(days=DAYS) / (len(items) + 1)
    with session_scope(profile.engine) as session:
        for number, (stage_id, item) in enumerate(items):
            began = now - timedelta(days=DAYS) + step * number
            for status, at in (
                (ItemStatus.IN_PROGRESS, began),
                (ItemStatus.DONE, began + step / 2),
            ):
                progress_store.set_status(
                    session=session, path_id=path.id, stage_id=stage_id, item=item,
                    status=status, now=at,
                )  # fmt: skip
            if number % 5 == 0:
                progress_store.set_status(
                    session=session, path_id=path.id, stage_id=stage_id, item=item,
                    status=ItemStatus.NEEDS_REVIEW, now=began + step * 0.9,
                )  # fmt: skip
                progress_store.set_notes(
                    session=session, path_id=path.id, stage_id=stage_id, item=item,
                    notes="Came back to this: redo it without the hint.", now=began + step,
                )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks.ten_year_profile",
        description="Build the ten-year benchmark profile into a folder.",
    )
    parser.add_argument("out_dir", type=Path, help="an empty or new folder")
    parser.add_argument(
        "--now",
        type=datetime.fromisoformat,
        help="when the ten years end (ISO time, default: now); the same value gives the "
        "same profile",
    )
    args = parser.parse_args(argv)
    if args.out_dir.exists() and any(args.out_dir.iterdir()):
        parser.error(f"{args.out_dir} is not empty")
    now = args.now or datetime.now(UTC).replace(microsecond=0)
    if now.tzinfo is None:
        now = now.replace(tzinfo=UTC)
    began = time.perf_counter()
    profile = build_ten_year_profile(args.out_dir, now)
    profile.close()
    print(f"built in {time.perf_counter() - began:.1f} s: {args.out_dir}")
    for table, count in row_counts(profile.folder.database).items():
        print(f"  {table:20s} {count:8,d}")
    size = profile.folder.database.stat().st_size
    print(f"  database             {size / 1_000_000:8.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
