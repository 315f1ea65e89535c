"""Open retrospective benchmark: finding an attempt's retrospective on a 100,000-entry profile.

Run from the repository root (it is not collected by pytest):

    .venv/bin/python -m tests.benchmarks.bench_open_retrospective [--entries N] [--runs N]

It builds bench_journal's stress profile (real, migrated, realistic entries over ten years),
gives every retrospective in it the practice attempt it was written after, then measures
journal_store.entry_for_attempt() in its own session, as the Practice log does on each
selection (to enable Open retrospective) and on the click. The floor is the least such a
lookup can cost: the same entry read by its primary key with sqlite3; beside it, the entry
read by its primary key through the ORM in its own session, which is what the lookup costs
at best the app's way. The three alternate, over attempts picked from a fixed seed; figures
are medians and their ratios.
It then drops the session index, as a profile before migration 0008 was, and measures again.
A measurement, not a test: the exit code is 1 only if something it runs fails.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from desktop.profile import Profile
from desktop.store import journal as journal_store
from desktop.store.database import session_scope
from desktop.store.models import JournalEntry
from tests.benchmarks.bench_journal import DEFAULT_ENTRIES, MIN_ENTRIES, build_profile
from tests.benchmarks.page_timing import argument_parser, at_least, offscreen, write_figures

SEED = 20261205
TARGET_MS = 2.0  # a selection in the Practice log must not wait on it
TARGET_RATIO_TO_KEY = 1.5  # no dearer than reading the entry by its id the same way
SESSION_INDEX = "ix_journal_entry_session_id"
FLOOR_SQL = "SELECT * FROM journal_entry WHERE id = ?"


def link_retrospectives(profile: Profile) -> list[int]:
    """An attempt for each retrospective, its id the entry's own; the attempts' ids."""
    with closing(sqlite3.connect(profile.folder.database)) as connection, connection:
        connection.execute(
            "INSERT INTO practice_session (id, started_at, active_seconds, outcome, confidence,"
            " title, logged_at) SELECT id, created_at, 1800, 'solved', 3, title, created_at "
            "FROM journal_entry WHERE kind = 'retrospective'"
        )
        connection.execute("UPDATE journal_entry SET session_id = id WHERE kind = 'retrospective'")
        rows = connection.execute("SELECT id FROM practice_session ORDER BY id").fetchall()
    return [int(row[0]) for row in rows]


def measure(profile: Profile, attempts: Sequence[int], runs: int) -> dict[str, Any]:
    """Three reads of each picked attempt's entry in turn: raw sqlite3 by primary key (the
    floor), the ORM by primary key in its own session (the least the app's way can cost), and
    entry_for_attempt()."""
    floor_db = sqlite3.connect(profile.folder.database)
    picked = random.Random(SEED).sample(list(attempts), runs + 1)

    def floor(entry_id: int) -> float:
        start = time.perf_counter()
        floor_db.execute(FLOOR_SQL, (entry_id,)).fetchall()
        return time.perf_counter() - start

    def by_key(entry_id: int) -> float:
        start = time.perf_counter()
        with session_scope(profile.engine) as session:
            session.get(JournalEntry, entry_id)
        return time.perf_counter() - start

    def app(attempt_id: int) -> float:
        start = time.perf_counter()
        with session_scope(profile.engine) as session:
            entry = journal_store.entry_for_attempt(session=session, attempt_id=attempt_id)
        elapsed = time.perf_counter() - start
        if entry is None or entry.attempt_id != attempt_id:
            raise RuntimeError(f"attempt {attempt_id}'s retrospective was not found")
        return elapsed

    for read in (floor, by_key, app):
        read(picked[0])  # one warm-up of each
    timings: dict[str, list[float]] = {"floor": [], "by_key": [], "app": []}
    for attempt_id in picked[1:]:  # an attempt's id is its retrospective's (see above)
        for name, read in (("floor", floor), ("by_key", by_key), ("app", app)):
            timings[name].append(read(attempt_id) * 1000)
    floor_db.close()
    medians = {name: statistics.median(values) for name, values in timings.items()}
    return {
        "floor_median_ms": round(medians["floor"], 3),
        "orm_by_key_median_ms": round(medians["by_key"], 3),
        "app_median_ms": round(medians["app"], 3),
        "ratio": round(medians["app"] / medians["floor"], 2),
        "ratio_to_orm_by_key": round(medians["app"] / medians["by_key"], 2),
        "runs": runs,
    }


def _line(label: str, figures: dict[str, Any]) -> str:
    return (
        f"{label:22s} floor {figures['floor_median_ms']:6.3f} ms  by key "
        f"{figures['orm_by_key_median_ms']:6.3f} ms  app {figures['app_median_ms']:7.3f} ms  "
        f"ratio {figures['ratio']:6.1f} x ({figures['ratio_to_orm_by_key']:.2f} x by key)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argument_parser(
        "bench_open_retrospective",
        "Time finding an attempt's retrospective against a primary-key read.",
        runs=200,
    )
    parser.add_argument(
        "--entries",
        type=at_least(MIN_ENTRIES),
        default=DEFAULT_ENTRIES,
        help=f"journal entries in the profile, at least {MIN_ENTRIES:,d} "
        f"(default: {DEFAULT_ENTRIES:,d})",
    )
    args = parser.parse_args(argv)
    offscreen()
    with tempfile.TemporaryDirectory(prefix="loopwise-bench-") as scratch:
        print(f"building a profile of {args.entries:,d} journal entries ...", flush=True)
        profile, seconds = build_profile(Path(scratch) / "profile", args.entries)
        try:
            attempts = link_retrospectives(profile)
            print(f"profile ready in {seconds:.1f} s, {len(attempts):,d} retrospectives\n")
            indexed = measure(profile, attempts, args.runs)
            with closing(sqlite3.connect(profile.folder.database)) as connection:
                connection.execute(f"DROP INDEX {SESSION_INDEX}")
            profile.engine.dispose()  # no pooled connection keeps the old schema's plans
            unindexed = measure(profile, attempts, args.runs)
        finally:
            profile.close()
    met = (
        indexed["app_median_ms"] <= TARGET_MS
        and indexed["ratio_to_orm_by_key"] <= TARGET_RATIO_TO_KEY
    )
    verdict = "met" if met else "NOT MET"
    print(f"entry_for_attempt over {args.entries:,d} entries")
    print(_line("with the index (0008)", indexed))
    print(_line("without it (0007)", unindexed))
    print(f"medians of {args.runs} runs each, interleaved")
    print(f"target <= {TARGET_MS:.0f} ms and <= {TARGET_RATIO_TO_KEY} x a read by key: {verdict}")
    if args.json:
        figures = {"indexed": indexed, "unindexed": unindexed, "verdict": verdict}
        write_figures(args.json, figures, "bench_open_retrospective", entries=args.entries)
    return 0


if __name__ == "__main__":
    sys.exit(main())
