"""How long the Plan page takes to read a week on ten years of history.

    .venv/bin/python -m tests.benchmarks.bench_plan [--runs N]

Builds a profile with 20,000 attempts over ten years, a plan of eight items a week and a mock
interview every three weeks, then times, interleaved:

- floor: reading the last year of attempts (the one read the planner cannot avoid: SM-2 and the
  cadences look back a year);
- app: read_week, everything the Plan page shows for the current week (plan, what is done,
  budget, revisits, weak spots, suggestions).

Prints medians and the ratio app / floor. A measurement, not a test: it exits 0 either way.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.domain.dates import local_day, local_midnight, week_of
from desktop.domain.mocks import MockInterview, MockKind
from desktop.domain.planner import PlanSource, Target
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store import mocks as mocks_store
from desktop.store import plan as plan_store
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from desktop.store.week_snapshot import HISTORY_DAYS, PlannerData, read_week
from tests.clocks import StepClock

ATTEMPTS = 20_000
YEARS = 10


def _build(profile_dir: Path) -> tuple[object, PlannerData, datetime]:
    profile = open_profile(ProfileFolder(profile_dir), clock=StepClock())
    rng = random.Random(3)
    now = datetime.now(UTC)
    start = now - timedelta(days=365 * YEARS)
    items = [
        (path.id, item)
        for path in profile.library.paths
        for stage in path.stages
        for item in stage.items
    ]
    routines = profile.routines.routines
    struggles = ("edge-cases", "off-by-one", "capacity-estimation", "trade-offs", "communication")
    with session_scope(profile.engine) as session:
        for number in range(ATTEMPTS):
            began = start + timedelta(minutes=number * 365 * YEARS * 24 * 60 // ATTEMPTS)
            if rng.random() < 0.3:
                routine = rng.choice(routines)
                subject = AttemptSubject(routine.title, routine_id=routine.id, kind="design")
            else:
                path_id, item = rng.choice(items)
                subject = AttemptSubject(item.title, path_id, item.id, kind=item.kind.value)
            outcome = rng.choice(list(Outcome))
            attempt = Attempt(
                subject, began, rng.randint(10, 60) * 60, outcome, rng.randint(1, 5),
                struggles=(rng.choice(struggles),) if outcome is not Outcome.SOLVED else (),
            )  # fmt: skip
            practice_store.log_attempt(session=session, attempt=attempt, now=began)
        week = week_of(local_day(start))
        while week <= week_of(local_day(now)):
            for offset in range(8):
                path_id, item = rng.choice(items)
                plan_store.add_plan_item(
                    session=session, day=week + timedelta(days=offset % 7),
                    target=Target(item.title, path_id, item.id), minutes=30,
                    source=PlanSource.PATH, reason="Next on your path.", now=now,
                )  # fmt: skip
            if week.toordinal() // 7 % 3 == 0:
                mocks_store.log_mock(
                    session=session,
                    mock=MockInterview(local_midnight(week), MockKind.CODING, {"coding": 3}),
                    now=now,
                )
            week += timedelta(days=7)
    data = PlannerData(
        paths=profile.library.paths,
        routines=routines,
        tag_kinds=profile.taxonomy.tag_kinds,
        label=profile.taxonomy.label,
        design_steps=profile.taxonomy.design_step_ids,
    )
    return profile, data, now


def _median_seconds(work: Callable[[], object], times: list[float]) -> None:
    began = time.perf_counter()
    work()
    times.append(time.perf_counter() - began)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="loopwise-bench-plan-") as scratch:
        began = time.perf_counter()
        profile, data, now = _build(Path(scratch) / "profile")
        print(
            f"built {ATTEMPTS} attempts over {YEARS} years in {time.perf_counter() - began:.1f} s"
        )
        engine = profile.engine  # type: ignore[attr-defined]
        today = local_day(now)

        def floor() -> object:
            with session_scope(engine) as session:
                return practice_store.attempts_between(
                    session=session,
                    start=local_midnight(today - timedelta(days=HISTORY_DAYS)),
                    end=now + timedelta(days=1),
                )

        def app() -> object:
            with session_scope(engine) as session:
                return read_week(session=session, week=week_of(today), today=today, data=data)

        floor(), app()  # warm-up
        floor_times: list[float] = []
        app_times: list[float] = []
        for _ in range(args.runs):
            _median_seconds(floor, floor_times)
            _median_seconds(app, app_times)
        profile.close()  # type: ignore[attr-defined]
    floor_median, app_median = statistics.median(floor_times), statistics.median(app_times)
    print(f"median floor  {floor_median * 1000:7.1f} ms  (a year of attempts read)")
    print(
        f"median app    {app_median * 1000:7.1f} ms  (read_week: plan, done, revisits, suggestions)"
    )
    print(f"ratio         {app_median / floor_median:7.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
