"""Shared pieces of the benchmarks: a themed QApplication, floor and app runs interleaved,
waiting for a worker while timing how long the window stays unresponsive, memory in use,
medians, and the command line and JSON report every benchmark script has."""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

PAGE_SIZE = (1090, 780)  # a page's share of a 1280x800 window
PAGE_RUNS = 15  # a page benchmark's runs unless told
STATM = Path("/proc/self/statm")


def application() -> Any:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.theme import Scheme, apply_theme

    app = QApplication.instance() or QApplication([])
    apply_theme(app, Scheme.LIGHT)  # type: ignore[arg-type]
    return app


def painted_after(widget: Any, began: float, paint: Callable[[Any], object] | None = None) -> float:
    """Show `widget` at a page's size, paint it as the app's pages are painted (on the next
    turn of the event loop; or by `paint`, where the page measured paints so), and give the
    seconds since `began`; then let it go."""
    from PySide6.QtWidgets import QApplication

    widget.resize(*PAGE_SIZE)
    widget.show()
    if paint is None:
        QApplication.processEvents()
        widget.grab()
    else:
        paint(widget)
    elapsed = time.perf_counter() - began
    widget.close()
    widget.deleteLater()
    return elapsed


def read_raw(database: Path, queries: Iterable[tuple[str, Sequence[Any]]]) -> None:
    """The least a read can cost: each query's rows fetched with sqlite3, nothing parsed."""
    connection = sqlite3.connect(database)
    for sql, parameters in queries:
        connection.execute(sql, parameters).fetchall()
    connection.close()


def print_medians_ms(timings: Mapping[str, Sequence[float]], width: int) -> list[float]:
    """Print each median (of times in milliseconds) and how many runs it is of; give them."""
    medians = [statistics.median(values) for values in timings.values()]
    for (label, values), median in zip(timings.items(), medians, strict=True):
        print(f"{label + ':':{width}s} {median:.2f} ms (median of {len(values)})")
    return medians


def drain(app: Any) -> None:
    """Run what is posted (deferred deletes, late results) before the next run."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    app.processEvents()


def wait_responsive(app: Any, done: Callable[[], bool], timeout_seconds: float = 30.0) -> float:
    """Turn the event loop until `done()`, as an idle window would; return the longest time
    one turn took (how long the window would have been unresponsive meanwhile), in seconds."""
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout_seconds
    longest = 0.0
    while not done():
        if time.perf_counter() > deadline:
            raise RuntimeError("the page never finished its background read")
        began = time.perf_counter()
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        longest = max(longest, time.perf_counter() - began)
        time.sleep(0.001)  # an idle loop sleeps too; the worker needs the interpreter
    return longest


class AwakeSpells:
    """The longest the UI thread's event loop stayed awake in one go while this watched it
    (from waking up to going back to sleep): at most that long the window would not have
    answered. Noted through the event dispatcher's own signals, so the watching does not
    poll the interpreter's lock away from a worker thread."""

    def __init__(self) -> None:
        from PySide6.QtCore import QAbstractEventDispatcher

        self.longest = 0.0
        self._awake_at: float | None = None
        self._dispatcher = QAbstractEventDispatcher.instance()
        self._dispatcher.awake.connect(self._awake)
        self._dispatcher.aboutToBlock.connect(self._asleep)

    def _awake(self) -> None:
        if self._awake_at is None:
            self._awake_at = time.perf_counter()

    def _asleep(self) -> None:
        if self._awake_at is not None:
            self.note(time.perf_counter() - self._awake_at)
            self._awake_at = None

    def note(self, seconds: float) -> None:
        """A spell of UI-thread work the caller timed itself (work it drove directly)."""
        self.longest = max(self.longest, seconds)

    def stop(self) -> float:
        self._dispatcher.awake.disconnect(self._awake)
        self._dispatcher.aboutToBlock.disconnect(self._asleep)
        return self.longest


def rss_mib() -> float:
    """Memory the process holds now (resident set), in MiB; NaN where it cannot be read."""
    gc.collect()
    try:
        resident_pages = int(STATM.read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return float("nan")
    import resource

    return resident_pages * resource.getpagesize() / 2**20


def median_ms(values: Sequence[float]) -> float:
    return statistics.median(values) * 1000


def verdict(median: float, target: float) -> str:
    return "met" if median <= target else "NOT met"


def at_least(smallest: int) -> Callable[[str], int]:
    """An argparse type: a whole number no smaller than `smallest`."""

    def whole_number(text: str) -> int:
        if int(text) < smallest:
            raise argparse.ArgumentTypeError(f"must be at least {smallest:,d}")
        return int(text)

    return whole_number


def argument_parser(
    module: str, description: str, *, runs: int | None = None, min_runs: int = 5
) -> argparse.ArgumentParser:
    """The options every benchmark has: `--runs` (where it repeats runs; fewer than `min_runs`
    give no median worth reading) and `--json`."""
    parser = argparse.ArgumentParser(
        prog=f"python -m tests.benchmarks.{module}", description=description
    )
    if runs is not None:
        parser.add_argument(
            "--runs",
            type=at_least(min_runs),
            default=runs,
            help=f"measured runs of each, at least {min_runs} (default: {runs})",
        )
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE as JSON")
    return parser


def offscreen() -> None:
    """Qt without a screen, and no data folder borrowed from the caller's environment."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.pop("LOOPWISE_DATA_DIR", None)


def interleaved(
    app: Any, runs: int, floor: Callable[[], float], steps: Callable[[], Mapping[str, float]]
) -> tuple[list[float], dict[str, list[float]]]:
    """One warm-up of each, then `runs` floor and app runs taken in turn (so a slow spell of
    the machine weighs on both), with what they posted drained between them. `steps` times
    one app run and names each step's seconds."""
    floor()
    steps()
    drain(app)
    floors: list[float] = []
    timings: dict[str, list[float]] = {}
    for _ in range(runs):
        floors.append(floor())
        drain(app)
        for name, seconds in steps().items():
            timings.setdefault(name, []).append(seconds)
        drain(app)
    return floors, timings


def report_steps(
    timings: Mapping[str, Sequence[float]],
    floor_ms: float,
    targets_ms: Mapping[str, float],
    width: int,
) -> dict[str, dict[str, Any]]:
    """Print each step's median, its ratio to the floor and (where it has one) its target;
    give the same figures for the JSON report."""
    figures: dict[str, dict[str, Any]] = {}
    for name, target in targets_ms.items():
        median = median_ms(timings[name])
        ratio = median / floor_ms
        figures[name] = {"median_ms": median, "ratio": ratio}
        goal = ""
        if target:
            figures[name]["verdict"] = verdict(median, target)
            goal = f"target <= {target:.0f} ms: {verdict(median, target)}"
        label = f"({name})".ljust(width + 2)
        print(
            f"   median app {label} {median:7.1f} ms   {ratio:5.2f} x the floor   {goal}".rstrip()
        )
    return figures


def report_memory(memory: Mapping[str, float], width: int) -> None:
    print("   memory (resident set)")
    for name, mib in memory.items():
        print(f"      {name:{width}s} {mib:7.1f} MiB")


def write_figures(path: str, figures: Mapping[str, Any], benchmark: str, **facts: Any) -> None:
    """Write `figures` as JSON with what they were measured on, so runs can be compared."""
    report = {
        **figures,
        "benchmark": benchmark,
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
        **facts,
    }
    Path(path).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


def built(what: str, build: Callable[[], T]) -> T:
    """Build the profile a benchmark measures, saying how long that took."""
    print(f"building {what} ...", flush=True)
    began = time.perf_counter()
    result = build()
    print(f"profile ready in {time.perf_counter() - began:.1f} s\n", flush=True)
    return result


def page_context(
    profile: Any, scratch: Path, now: datetime, remembered: Mapping[str, object] | None = None
) -> tuple[Any, Any]:
    """An AppContext on `profile` with its clock stopped at `now`, and the UI state it reads
    (a file in `scratch` holding `remembered`): what a page is built from."""
    from PySide6.QtCore import QSettings

    from desktop.ui.context import AppContext

    settings = QSettings(str(scratch / "ui-state.ini"), QSettings.Format.IniFormat)
    for key, value in (remembered or {}).items():
        settings.setValue(key, value)
    context = AppContext(profile, settings)
    context.set_clock(lambda: now)
    return context, settings


def measured(prefix: str, measure: Callable[[Path, datetime], T]) -> T | None:
    """Run `measure` offscreen with a scratch folder and the time now (UTC, whole seconds).
    A measurement that fails says so and gives None: the script then exits non-zero."""
    offscreen()
    now = datetime.now(UTC).replace(microsecond=0)
    with tempfile.TemporaryDirectory(prefix=prefix) as scratch:
        try:
            return measure(Path(scratch), now)
        except Exception as error:
            print(f"benchmark aborted: {error!r}", file=sys.stderr)
            return None


class PageRun:
    """One pass over a page: each step timed from the user's choice to the painted page.
    Subclasses time their steps in `__call__`, giving each step's seconds by name."""

    def __init__(self, context: Any, app: Any) -> None:
        self.context = context
        self.app = app

    def show(self, make_page: Callable[[Any], Any]) -> Any:
        """Build a page as the window does (with its remembered state), show it at a page's
        size and paint it."""
        page = make_page(self.context)
        page.restore_state(self.context.settings)
        page.resize(*PAGE_SIZE)
        page.show()
        self.paint(page)
        return page

    def first_show(
        self, make_page: Callable[[Any], Any], times: dict[str, float]
    ) -> tuple[Any, float]:
        """`show` timed as "first show"; gives the page and when its building began."""
        began = time.perf_counter()
        page = self.show(make_page)
        times["first show"] = time.perf_counter() - began
        return page, began

    def step(
        self, page: Any, name: str, choice: Callable[[], object], times: dict[str, float]
    ) -> None:
        """The user's `choice` on the page, timed until the page is painted."""
        began = time.perf_counter()
        choice()
        self.paint(page)
        times[name] = time.perf_counter() - began

    def paint(self, page: Any) -> None:
        """Turn the event loop once (Qt lays out and reads from there), render the whole page."""
        self.app.processEvents()
        page.grab()


# floors, each step's runs, memory by moment
Measured = tuple[list[float], dict[str, list[float]], dict[str, float]]


def page_benchmark(
    argv: Sequence[str] | None,
    *,
    module: str,
    benchmark: str,
    what: str,
    floor_is: str,
    page_run: Callable[[Any, Any], PageRun],
    floor: Callable[[Path, datetime], float],
    memory: Callable[[Any], dict[str, float]],
    targets_ms: Mapping[str, float],
    width: int,
    remembered: Mapping[str, object] | None = None,
) -> int:
    """The command line, run and report of a page benchmark on the ten-year profile: `floor`
    (given the database and the time) and `page_run(context, app)` are timed in turn, then
    `memory(run)` is noted; steps without a target (0) are reported without a verdict. The
    exit code is 1 only if the measurement failed."""
    args = argument_parser(
        module, f"Time the {what} on the ten-year profile against its floor.", runs=PAGE_RUNS
    ).parse_args(argv)

    def measure(scratch: Path, now: datetime) -> Measured:
        from tests.benchmarks.ten_year_profile import build_ten_year_profile

        profile = built(
            "the ten-year profile", lambda: build_ten_year_profile(scratch / "profile", now)
        )
        app = application()
        context, _settings = page_context(profile, scratch, now, remembered)
        run = page_run(context, app)
        database = profile.folder.database
        floors, steps = interleaved(app, args.runs, lambda: floor(database, now), run)
        figures = memory(run)
        context.workers.shut_down()
        profile.close()
        return floors, steps, figures

    result = measured(f"loopwise-{module}-", measure)
    if result is None:
        return 1
    floors, steps, memory_mib = result
    floor_ms = median_ms(floors)
    print(f"{what}, ten-year profile, {args.runs} runs each")
    print(f"   median floor {' ' * width} {floor_ms:7.1f} ms   ({floor_is})")
    figures: dict[str, Any] = {"floor_median_ms": floor_ms}
    figures.update(report_steps(steps, floor_ms, targets_ms, width=width))
    report_memory(memory_mib, width=width + 22)
    figures["memory_mib"] = memory_mib
    if args.json:
        write_figures(args.json, figures, benchmark, runs=args.runs)
    return 0
