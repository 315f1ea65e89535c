"""What synchronous=FULL costs one autosave, against synchronous=NORMAL in the same run.

Run from the repository root (it is not collected by pytest):

    .venv/bin/python -m tests.benchmarks.bench_durability [--saves N]

One autosave is what the journal editor does after typing pauses: save_entry in one session,
one commit. The same profile is saved N times with each setting, alternating so machine noise
falls on both; the figures are the median milliseconds per save and FULL / NORMAL.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import event

from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store.database import session_scope
from desktop.store.journal import EntryDraft, create_entry, save_entry
from tests.benchmarks.page_timing import print_medians_ms

WHEN = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


def _saves(data_dir: Path, synchronous: str, saves: int) -> list[float]:
    profile = open_profile(ProfileFolder(data_dir), clock=lambda: WHEN)
    event.listen(
        profile.engine,
        "connect",
        lambda connection, _record: connection.execute(f"PRAGMA synchronous={synchronous}"),
    )
    profile.engine.dispose()  # new connections get the setting
    try:
        draft = EntryDraft(entry_date=date(2026, 11, 2), title="Typing", body="")
        with session_scope(profile.engine) as session:
            entry_id = create_entry(session=session, draft=draft, now=WHEN)
        took = []
        for number in range(saves):
            body = "what I learned today " * (20 + number % 50)
            draft = EntryDraft(entry_date=date(2026, 11, 2), title="Typing", body=body)
            start = time.perf_counter()
            with session_scope(profile.engine) as session:
                save_entry(session=session, entry_id=entry_id, draft=draft, now=WHEN)
            took.append((time.perf_counter() - start) * 1000)
        return took
    finally:
        profile.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--saves", type=int, default=200)
    args = parser.parse_args(argv)
    results: dict[str, list[float]] = {"NORMAL": [], "FULL": []}
    with tempfile.TemporaryDirectory() as scratch:
        for round_ in range(4):
            for setting in ("NORMAL", "FULL"):
                folder = Path(scratch) / f"{setting}-{round_}"
                results[setting] += _saves(folder, setting, args.saves // 4)
    normal, full = print_medians_ms(
        {f"autosave, synchronous={setting}": results[setting] for setting in ("NORMAL", "FULL")},
        width=29,
    )
    print(f"FULL / NORMAL: {full / normal:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
