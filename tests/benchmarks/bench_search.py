"""Search everything benchmark (Ctrl+K) on a ten-year profile.

Run from the repository root (it is not collected by pytest):

    .venv/bin/python -m tests.benchmarks.bench_search [--runs N]

It builds the ten-year profile (tests/benchmarks/ten_year_profile.py: 3,650 journal entries,
about half of them attempts' retrospectives, 20,000 practice attempts, 60 stories) in a
temporary folder, then times, alternating floor and app runs, each query as the search box
runs it (one session, on its worker thread):

- App: search_everything() for typical queries (common and rare words, two words, prefixes,
  other forms of a word and starts of one while typing).
- Floor: what any such search must read: the raw FTS5 query on the journal index and a LIKE
  scan of attempt titles, through the sqlite3 module, with the same LIMIT.

Figures are medians, and the ratio median(app) / median(floor). Target: at most 100 ms (the
most the box may wait; it runs off the UI thread anyway). It is a measurement, not a test:
the exit code is 0 whether or not the target is met, and 1 only if something it runs fails.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from desktop.domain.journal import fts_query
from desktop.profile import Profile
from desktop.store.database import session_scope
from desktop.store.search import HITS_PER_KIND, path_item_texts, search_everything
from tests.benchmarks.ten_year_profile import build_ten_year_profile

DEFAULT_RUNS = 9
TARGET_MS = 100.0
QUERIES = ("interview", "two sum", "tree", "dyn", "design cache", "paxos", "the", "fraud")
# Other forms of indexed words, and starts of words while typing ("cachi" of "caching").
FORM_QUERIES = ("caching", "idempotency", "retries", "cachi", "replicati", "designing sharded")

FLOOR_SQL = (
    "SELECT rowid FROM journal_search WHERE journal_search MATCH ? ORDER BY rank LIMIT ?",
    "SELECT id, title, started_at FROM practice_session WHERE deleted_at IS NULL "
    "AND title LIKE ? ORDER BY started_at DESC LIMIT ?",
)


def build(data_dir: Path) -> Profile:
    """The shared ten-year profile: half its journal entries are attempts' retrospectives,
    which attempts are found by too."""
    return build_ten_year_profile(data_dir, datetime(2026, 11, 22, tzinfo=UTC))


def measure(profile: Profile, runs: int) -> list[tuple[str, float, float]]:
    items = path_item_texts(profile.library.paths, profile.taxonomy.label)
    raw = sqlite3.connect(profile.folder.database)
    results = []
    for typed in QUERIES + FORM_QUERIES:
        fts = fts_query(typed)
        floors, apps = [], []
        for _ in range(runs):
            began = time.perf_counter()
            if fts is not None:
                raw.execute(FLOOR_SQL[0], (fts, HITS_PER_KIND)).fetchall()
            raw.execute(FLOOR_SQL[1], (f"%{typed}%", HITS_PER_KIND)).fetchall()
            floors.append((time.perf_counter() - began) * 1000)
            began = time.perf_counter()
            with session_scope(profile.engine) as session:
                search_everything(session=session, typed=typed, items=items)
            apps.append((time.perf_counter() - began) * 1000)
        results.append((typed, statistics.median(floors), statistics.median(apps)))
    raw.close()
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    args = parser.parse_args(argv)
    os.environ.pop("LOOPWISE_DATA_DIR", None)
    with tempfile.TemporaryDirectory(prefix="loopwise-bench-") as scratch:
        try:
            print("building a ten-year profile ...", flush=True)
            profile = build(Path(scratch) / "profile")
            try:
                results = measure(profile, args.runs)
            finally:
                profile.close()
        except Exception as failure:  # reported, not raised: it is a measurement
            print(f"benchmark aborted: {failure!r}", file=sys.stderr)
            return 1
    print(f"\n{'query':>14}  {'floor ms':>9}  {'app ms':>8}  {'ratio':>6}")
    for typed, floor, app in results:
        print(f"{typed:>14}  {floor:9.2f}  {app:8.2f}  {app / floor:6.2f}")
    floor = statistics.median(f for _, f, _ in results)
    app = statistics.median(a for _, _, a in results)
    worst = max(a for _, _, a in results)
    verdict = "met" if worst <= TARGET_MS else "NOT met"
    print(
        f"\nmedian floor {floor:.2f} ms, median app {app:.2f} ms, ratio {app / floor:.2f}; "
        f"slowest query {worst:.2f} ms, target <= {TARGET_MS:.0f} ms: {verdict}"
        f" ({args.runs} runs each, interleaved)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
