"""Journal benchmark: search over a 100,000-entry profile, preview refresh, typing.

Run from the repository root (it is not collected by pytest):

    .venv/bin/python -m tests.benchmarks.bench_journal [--entries N] [--json FILE]

It builds a stress profile (100,000 entries by default, spread over ten years) in a temporary
folder through open_profile, so the database is the real migrated one, then measures:

a. search_entries() for a fixed set of typical queries, one session per query as the journal
   page does, against a floor: the raw FTS5 query (sqlite3 module, same database, same
   fts_query() strings). Targets: median at most 20 ms and at most 3x the floor.
b. A preview refresh of a 10 KB Markdown entry, render_markdown() + SafeMarkdownView.show_html(),
   against a floor: QTextBrowser.setPlainText() of the same text. Target: median at most 50 ms.
c. Typing 200 keystrokes into a MarkdownEditor holding the 10 KB entry, with the debounced
   preview rendering on its worker thread in between, against a bare QPlainTextEdit. Target: no
   keystroke waits for rendering (worst keystroke within a 16 ms frame).

Floor and app runs alternate so machine noise falls on both; figures are medians and the ratio
median(app) / median(floor). Qt runs with QT_QPA_PLATFORM=offscreen. It is a measurement, not a
test: the exit code is 0 whether or not a target is met, and 1 only if something it runs fails.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.domain.journal import EntryKind, fts_query, word_count
from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store import journal as journal_store
from desktop.store.database import session_scope
from tests.benchmarks.page_timing import argument_parser, at_least, write_figures
from tests.clocks import StepClock

DEFAULT_ENTRIES = 100_000
MIN_ENTRIES = 1_000
SEARCH_ROUNDS = 5
PREVIEW_RUNS = 30
KEYSTROKES = 200

TARGET_SEARCH_MS = 20.0
TARGET_SEARCH_RATIO = 3.0
TARGET_PREVIEW_MS = 50.0
FRAME_BUDGET_MS = 16.0

SEED = 20261121
BATCH = 5_000
YEARS_OF_ENTRIES = 10
PREVIEW_BYTES = 10 * 1024
TYPING_GAP_MS = 60  # a quick typist: about 16 keys a second
PAUSE_EVERY = 10  # keystrokes between pauses long enough for the debounced preview to fire
PREVIEW_TIMEOUT_S = 10.0

FLOOR_SQL = "SELECT rowid FROM journal_search WHERE journal_search MATCH ? ORDER BY rank LIMIT 50"
INSERT_SQL = (
    "INSERT INTO journal_entry (entry_date, title, body, kind, tags, template_id, session_id, "
    "path_id, item_id, word_count, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, ?, ?, ?)"
)

# Typical searches: common words, rarer topics, rare names, two words, prefixes being typed.
QUERIES = (
    "interview",
    "problem",
    "tree",
    "design",
    "stuck",
    "heap",
    "deadlock",
    "negotiation",
    "memoization",
    "dijkstra",
    "paxos",
    "fenwick",
    "byzantine",
    "binary search",
    "system design",
    "sliding window",
    "dynamic programming",
    "mock interview",
    "conc",
    "rec",
    "dyn",
    "graph bfs",
)

# Words of the entries, most frequent first; their frequencies follow Zipf's law.
COMMON_WORDS = (
    "the", "I", "to", "and", "a", "of", "it", "was", "in", "that", "for", "is", "on", "my",
    "with", "this", "but", "not", "then", "so", "at", "be", "again", "today", "time", "how",
    "when", "why", "what", "did", "could", "should", "next", "first", "more", "less", "still",
    "felt", "got", "took", "need", "want", "try", "after", "before", "without", "better",
    "worse", "because", "each", "every", "one", "two", "three", "about", "only", "also",
)  # fmt: skip
TOPIC_WORDS = (
    "problem", "solution", "interview", "practice", "approach", "minutes", "array", "string",
    "tree", "graph", "design", "question", "hint", "stuck", "solved", "edge", "case", "test",
    "code", "complexity", "runtime", "space", "optimal", "brute", "force", "pattern", "review",
    "hash", "map", "set", "binary", "search", "sort", "pointer", "window", "sliding", "stack",
    "queue", "heap", "linked", "list", "node", "recursion", "recursive", "dynamic",
    "programming", "memoization", "greedy", "interval", "merge", "partition", "backtracking",
    "bfs", "dfs", "traversal", "cycle", "topological", "shortest", "path", "union", "find",
    "trie", "prefix", "matrix", "grid", "bit", "mask", "system", "cache", "database", "index",
    "shard", "replica", "consistency", "availability", "latency", "throughput", "load",
    "balancer", "api", "rate", "limiter", "concurrency", "concurrent", "thread", "lock", "mutex",
    "deadlock", "race", "condition", "async", "behavioral", "story", "conflict", "leadership",
    "ownership", "failure", "feedback", "mock", "interviewer", "whiteboard", "explain",
    "clarify", "requirements", "tradeoff", "estimate", "confidence", "nervous", "timing",
    "medium", "hard", "easy", "leetcode", "onsite", "phone", "screen", "recruiter", "offer",
    "negotiation", "salary", "company", "team", "manager", "referral", "resume", "concept",
    "concrete", "concise", "conclusion", "bug", "debug", "mistake", "off", "by", "invariant",
    "loop", "boundary", "overflow", "null", "empty", "input", "output", "example", "dry", "run",
    "whiteboarding", "pseudocode", "refactor", "naming", "readable", "idea", "insight",
    "intuition", "proof", "amortized", "logarithmic", "linear", "quadratic", "constant",
    "memory", "allocation", "queueing", "kafka", "redis", "postgres", "sql", "nosql", "schema",
    "normalization", "transaction", "isolation", "snapshot", "replication", "leader",
    "follower", "quorum", "sharding", "hotspot", "monitoring", "alerting", "retry", "backoff",
    "idempotent", "timeout", "circuit", "breaker", "microservice", "monolith", "deployment",
)  # fmt: skip
# Names a few entries mention: each is in roughly 1 entry in 800, the last four in 1 in 20,000.
RARE_TERMS = (
    "dijkstra", "bellman", "floyd", "kruskal", "prim", "tarjan", "kosaraju", "fenwick",
    "segment", "treap", "paxos", "raft", "gossip", "vector", "clock", "lamport",
)  # fmt: skip
VERY_RARE_TERMS = ("byzantine", "hyperloglog", "manacher", "aho")
TAGS = (
    "arrays", "graphs", "trees", "dp", "system-design", "behavioral", "concurrency", "strings",
    "heaps", "mock", "offers", "databases",
)  # fmt: skip
SECTION_HEADINGS = (
    "What went well", "What to improve", "Approach", "Mistakes", "Next steps", "Notes",
    "Questions asked", "Follow-ups", "Takeaways", "Plan for tomorrow",
)  # fmt: skip
KIND_WEIGHTS = (
    (EntryKind.RETROSPECTIVE, 5),
    (EntryKind.NOTE, 3),
    (EntryKind.WEEKLY_REVIEW, 1),
    (EntryKind.MOCK_INTERVIEW, 1),
)


class BenchmarkFailed(RuntimeError):
    pass


# Building the stress profile ----------------------------------------------------------------


class EntryWriter:
    """Realistic, varied Markdown entries from a fixed seed: the same profile every run."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words = COMMON_WORDS + TOPIC_WORDS
        zipf = [1.0 / rank for rank in range(1, len(self.words) + 1)]
        self.cum_weights = list(itertools.accumulate(zipf))
        self.kinds = [kind.value for kind, _ in KIND_WEIGHTS]
        self.kind_weights = [weight for _, weight in KIND_WEIGHTS]

    def _words(self, count: int) -> list[str]:
        return self.rng.choices(self.words, cum_weights=self.cum_weights, k=count)

    def _sentences(self, words: list[str]) -> str:
        rng = self.rng
        sentences = []
        at = 0
        while at < len(words):
            length = rng.randint(6, 16)
            sentence = words[at : at + length]
            at += length
            if len(sentence) > 3 and rng.random() < 0.25:
                i = rng.randrange(1, len(sentence))
                sentence[i] = f"**{sentence[i]}**" if rng.random() < 0.5 else f"`{sentence[i]}`"
            sentences.append(sentence[0].capitalize() + " " + " ".join(sentence[1:]) + ".")
        return " ".join(sentences)

    def body(self) -> str:
        rng = self.rng
        tokens = self._words(rng.randint(80, 400))
        if rng.random() < 0.02:
            tokens[rng.randrange(len(tokens))] = rng.choice(RARE_TERMS).capitalize()
        if rng.random() < 0.0002:
            tokens[rng.randrange(len(tokens))] = rng.choice(VERY_RARE_TERMS)
        blocks: list[str] = []
        at = 0
        while at < len(tokens):
            roll = rng.random()
            if roll < 0.15 and blocks:
                blocks.append("## " + rng.choice(SECTION_HEADINGS))
            elif roll < 0.35:
                items = []
                marker = rng.choice(("- ", "- ", "1. ", "- [ ] ", "- [x] "))
                for _ in range(rng.randint(2, 5)):
                    if at >= len(tokens):
                        break
                    take = rng.randint(3, 9)
                    items.append(marker + " ".join(tokens[at : at + take]))
                    at += take
                blocks.append("\n".join(items))
            else:
                take = rng.randint(15, 60)
                blocks.append(self._sentences(tokens[at : at + take]))
                at += take
        return "\n\n".join(blocks)

    def title(self, kind: str) -> str:
        topic = f"{self._words(1)[0]} {self.rng.choice(TOPIC_WORDS)}"
        if kind == EntryKind.WEEKLY_REVIEW.value:
            return f"Weekly review: {topic}"
        if kind == EntryKind.MOCK_INTERVIEW.value:
            return f"Mock interview, {self.rng.choice(TOPIC_WORDS)}"
        return topic.capitalize()

    def rows(
        self, count: int, batch: int, first_day: date = date(2016, 11, 22)
    ) -> Iterator[list[tuple[Any, ...]]]:
        rng = self.rng
        span_days = 365 * YEARS_OF_ENTRIES + YEARS_OF_ENTRIES // 4
        rows: list[tuple[Any, ...]] = []
        for i in range(count):
            day = first_day + timedelta(days=i * span_days // count)
            kind = rng.choices(self.kinds, weights=self.kind_weights)[0]
            body = self.body()
            tags = "\n".join(rng.sample(TAGS, rng.randint(0, 3)))
            written = datetime(day.year, day.month, day.day, rng.randint(7, 23), rng.randint(0, 59))
            stamp = written.replace(microsecond=rng.randrange(1_000_000))
            stamp_text = stamp.strftime("%Y-%m-%d %H:%M:%S.%f")
            title = self.title(kind)
            rows.append(
                (day.isoformat(), title, body, kind, tags, word_count(body), stamp_text, stamp_text)
            )
            if len(rows) == batch:
                yield rows
                rows = []
        if rows:
            yield rows


def build_profile(data_dir: Path, entries: int) -> tuple[Profile, float]:
    """A real, migrated profile holding `entries` journal entries; and the seconds it took."""
    start = time.perf_counter()
    profile = open_profile(ProfileFolder(data_dir), clock=StepClock())
    writer = EntryWriter(SEED)
    raw = profile.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("BEGIN")  # one transaction; the FTS triggers fill the index
        done = 0
        for rows in writer.rows(entries, BATCH):
            cursor.executemany(INSERT_SQL, rows)
            done += len(rows)
            if done % 20_000 == 0 or done == entries:
                elapsed = time.perf_counter() - start
                print(
                    f"  {done:7,d} / {entries:,d} entries written  ({elapsed:5.1f} s)", flush=True
                )
        cursor.execute("COMMIT")
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # as a profile at rest would be
        cursor.close()
    finally:
        raw.close()
    with session_scope(profile.engine) as session:
        newest = journal_store.newest_entry(session=session)
        if newest is None or newest.id != entries:
            raise BenchmarkFailed(
                f"the profile holds {newest and newest.id} entries, not {entries}"
            )
    return profile, time.perf_counter() - start


# a. Search -------------------------------------------------------------------------------------


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def bench_search(profile: Profile, rounds: int) -> dict[str, Any]:
    floor_db = sqlite3.connect(profile.folder.database)
    queries = [(typed, fts_query(typed)) for typed in QUERIES]
    if any(query is None for _, query in queries):
        raise BenchmarkFailed("a benchmark query has nothing searchable in it")

    def floor(query: str) -> float:
        start = time.perf_counter()
        floor_db.execute(FLOOR_SQL, (query,)).fetchall()
        return time.perf_counter() - start

    def app(typed: str) -> float:
        start = time.perf_counter()
        with session_scope(profile.engine) as session:
            journal_store.search_entries(session=session, typed=typed)
        return time.perf_counter() - start

    def page(typed: str) -> float:
        """What the journal page's worker thread does with a search (the hits carry all the
        list shows, so no entry is loaded per hit)."""
        return app(typed)

    matches = {}
    hits = {}
    for typed, query in queries:  # warm-up, and a check that the app finds what FTS5 finds
        assert query is not None
        floor(query)
        app(typed)
        page(typed)
        count_sql = "SELECT count(*) FROM journal_search WHERE journal_search MATCH ?"
        matches[typed] = floor_db.execute(count_sql, (query,)).fetchone()[0]
        with session_scope(profile.engine) as session:
            hits[typed] = len(journal_store.search_entries(session=session, typed=typed))
        if hits[typed] != min(matches[typed], 50):
            raise BenchmarkFailed(f"{typed!r}: {hits[typed]} hits, FTS5 has {matches[typed]}")

    floor_times: dict[str, list[float]] = {typed: [] for typed in QUERIES}
    app_times: dict[str, list[float]] = {typed: [] for typed in QUERIES}
    page_times: dict[str, list[float]] = {typed: [] for typed in QUERIES}
    for round_number in range(1, rounds + 1):
        for typed, query in queries:
            assert query is not None
            floor_times[typed].append(floor(query))
            app_times[typed].append(app(typed))
            page_times[typed].append(page(typed))
        round_floor = statistics.median(floor_times[t][-1] for t in QUERIES)
        round_app = statistics.median(app_times[t][-1] for t in QUERIES)
        print(
            f"  round {round_number}/{rounds}   floor {_ms(round_floor):7.2f} ms"
            f"   app {_ms(round_app):7.2f} ms   (medians over {len(QUERIES)} queries)"
        )
    floor_db.close()

    print()
    print(
        f"  {'query':<22} {'matches':>8} {'floor ms':>9} {'app ms':>9} {'ratio':>6} {'page ms':>9}"
    )
    per_query = []
    for typed, query in queries:
        floor_median = _ms(statistics.median(floor_times[typed]))
        app_median = _ms(statistics.median(app_times[typed]))
        page_median = _ms(statistics.median(page_times[typed]))
        per_query.append(
            {
                "typed": typed,
                "fts_query": query,
                "matches": matches[typed],
                "floor_median_ms": floor_median,
                "app_median_ms": app_median,
                "page_median_ms": page_median,
            }
        )
        print(
            f"  {typed:<22} {matches[typed]:8,d} {floor_median:9.2f} {app_median:9.2f}"
            f" {app_median / floor_median:5.2f}x {page_median:9.2f}"
        )

    all_floor = [_ms(t) for times in floor_times.values() for t in times]
    all_app = [_ms(t) for times in app_times.values() for t in times]
    all_page = [_ms(t) for times in page_times.values() for t in times]
    floor_median = statistics.median(all_floor)
    app_median = statistics.median(all_app)
    page_median = statistics.median(all_page)
    ratio = app_median / floor_median
    slowest = max(per_query, key=lambda row: row["app_median_ms"])
    return {
        "queries": per_query,
        "rounds": rounds,
        "floor_ms": all_floor,
        "app_ms": all_app,
        "page_ms": all_page,
        "floor_median_ms": floor_median,
        "app_median_ms": app_median,
        "page_median_ms": page_median,
        "ratio": ratio,
        "slowest_query": slowest["typed"],
        "slowest_query_app_median_ms": slowest["app_median_ms"],
        "slowest_query_floor_median_ms": slowest["floor_median_ms"],
        "target_ms": TARGET_SEARCH_MS,
        "target_ratio": TARGET_SEARCH_RATIO,
        "verdict": _verdict(app_median <= TARGET_SEARCH_MS and ratio <= TARGET_SEARCH_RATIO),
    }


def _verdict(met: bool) -> str:
    return "PASS" if met else "ABOVE TARGET"


# The 10 KB entry ------------------------------------------------------------------------------

_SECTION = """\
## Session {n}: {topic}

Worked through **{topic}** for about {minutes} minutes. The first attempt used a brute-force
scan, which was `O(n^2)`; after a hint I moved to a hash map and got it down to `O(n)`. I
still lose time on *edge cases*: empty input, a single element, duplicates at the boundary.

### What went well

- Clarified the requirements before writing any code
- Talked through the tradeoff between time and memory
- Wrote a small dry run on the whiteboard before coding
  - caught an off-by-one in the loop bound
  - caught a missing null check

### To do

1. Re-solve the problem tomorrow without notes
2. Write the invariant down before the loop
3. Time myself: target {minutes} minutes

- [x] Review the {topic} pattern sheet
- [ ] Do two more medium problems on {topic}

| Attempt | Approach       | Time (min) | Result  |
|--------:|----------------|-----------:|---------|
| 1       | Brute force    | {minutes}  | TLE     |
| 2       | Hash map       | 18         | Passed  |
| 3       | Two pointers   | 12         | Passed  |
| 4       | Sorted + scan  | 15         | Passed  |

```python
def two_sum(numbers: list[int], target: int) -> tuple[int, int] | None:
    seen: dict[int, int] = {{}}
    for index, value in enumerate(numbers):
        if target - value in seen:
            return seen[target - value], index
        seen[value] = index
    return None
```

> The interviewer asked how this changes if the input is streamed: keep the map, and bound
> its size, or accept a false negative with a Bloom filter. See [the notes](https://example.com/{n}).
"""


def sample_entry() -> str:
    """About 10 KB of Markdown: headings, nested lists, task items, tables, code, quotes."""
    topics = ("two pointers", "sliding window", "graphs", "dynamic programming", "heaps")
    parts = ["# Two weeks of array and graph practice\n"]
    n = 0
    while sum(len(part) for part in parts) < PREVIEW_BYTES:
        n += 1
        parts.append(_SECTION.format(n=n, topic=topics[n % len(topics)], minutes=20 + n))
    text = "\n".join(parts)
    return text[: text.rfind("\n\n", 0, PREVIEW_BYTES + 600)] + "\n"


# Qt ---------------------------------------------------------------------------------------------


def _application() -> Any:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.theme import apply_theme

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    apply_theme(app)
    return app


def _settle(app: Any, milliseconds: float = 0.0) -> None:
    """Run the event loop for a while, sleeping between passes so worker threads get the GIL."""
    deadline = time.perf_counter() + milliseconds / 1000.0
    while True:
        app.processEvents()
        if time.perf_counter() >= deadline:
            return
        time.sleep(0.002)


def _dispose(app: Any, *widgets: Any) -> None:
    """Close and delete the widgets now, so they neither paint nor take late callbacks while
    the next measurement runs."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for widget in widgets:
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    _settle(app)


# b. Preview refresh -----------------------------------------------------------------------------


def bench_preview(app: Any, runs: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QTextBrowser

    from desktop.domain.rendering import render_markdown
    from desktop.ui.widgets.markdown_view import SafeMarkdownView

    text = sample_entry()
    view = SafeMarkdownView()
    floor_view = QTextBrowser()
    for widget in (view, floor_view):
        widget.resize(640, 800)
        widget.show()
    _settle(app, 50)

    def floor(revision: str) -> tuple[float, float]:
        start = time.perf_counter()
        floor_view.setPlainText(revision)
        shown = time.perf_counter()
        floor_view.viewport().repaint()
        painted = time.perf_counter()
        return shown - start, painted - shown

    def refresh(revision: str) -> tuple[float, float, float]:
        start = time.perf_counter()
        html = render_markdown(revision)
        rendered = time.perf_counter()
        view.show_html(html)
        shown = time.perf_counter()
        view.viewport().repaint()
        painted = time.perf_counter()
        return rendered - start, shown - rendered, painted - shown

    for warm_up in range(3):  # imports Markdown and nh3, builds fonts and caches
        floor(f"{text}\nwarm-up {warm_up}\n")
        refresh(f"{text}\nwarm-up {warm_up}\n")
        _settle(app)

    floor_set: list[float] = []
    floor_paint: list[float] = []
    render: list[float] = []
    show: list[float] = []
    paint: list[float] = []
    for run in range(runs):
        revision = f"{text}\nRevision {run}.\n"  # each refresh shows an edited text
        set_seconds, floor_paint_seconds = floor(revision)
        floor_set.append(_ms(set_seconds))
        floor_paint.append(_ms(floor_paint_seconds))
        _settle(app)
        render_seconds, show_seconds, paint_seconds = refresh(revision)
        render.append(_ms(render_seconds))
        show.append(_ms(show_seconds))
        paint.append(_ms(paint_seconds))
        _settle(app)
    if "Revision" not in view.toPlainText() or "Revision" not in floor_view.toPlainText():
        raise BenchmarkFailed("the preview does not show the text it was given")
    _dispose(app, view, floor_view)

    app_ms = [r + s for r, s in zip(render, show, strict=True)]
    floor_ms = floor_set
    app_painted = [a + p for a, p in zip(app_ms, paint, strict=True)]
    floor_painted = [f + p for f, p in zip(floor_set, floor_paint, strict=True)]
    app_median = statistics.median(app_ms)
    floor_median = statistics.median(floor_ms)
    return {
        "text_bytes": len(text.encode("utf-8")),
        "runs": runs,
        "floor_ms": floor_ms,
        "render_ms": render,
        "show_html_ms": show,
        "paint_ms": paint,
        "floor_paint_ms": floor_paint,
        "floor_median_ms": floor_median,
        "app_median_ms": app_median,
        "render_median_ms": statistics.median(render),
        "show_html_median_ms": statistics.median(show),
        "ratio": app_median / floor_median,
        "floor_painted_median_ms": statistics.median(floor_painted),
        "app_painted_median_ms": statistics.median(app_painted),
        "painted_ratio": statistics.median(app_painted) / statistics.median(floor_painted),
        "target_ms": TARGET_PREVIEW_MS,
        "verdict": _verdict(app_median <= TARGET_PREVIEW_MS),
    }


# c. Typing ------------------------------------------------------------------------------------


class _RenderProbe:
    """Wraps the editor's render_markdown: how long each render takes on the worker thread,
    and whether one is running at a given moment."""

    def __init__(self, render: Callable[[str], str]) -> None:
        self.render = render
        self.running = 0
        self.started = 0
        self.ms: list[float] = []

    def __call__(self, text: str) -> str:
        self.running += 1
        self.started += 1
        start = time.perf_counter()
        try:
            return self.render(text)
        finally:
            self.ms.append(_ms(time.perf_counter() - start))
            self.running -= 1


def bench_typing(app: Any, keystrokes: int) -> dict[str, Any]:
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QPlainTextEdit

    import desktop.ui.widgets.markdown_editor as editor_module
    from desktop.ui.background import Workers
    from desktop.ui.widgets.markdown_editor import PREVIEW_DELAY_MS, MarkdownEditor

    text = sample_entry()
    original_render = editor_module.render_markdown
    probe = _RenderProbe(original_render)
    editor_module.render_markdown = probe
    show_html_ms: list[float] = []  # each show_html call, on the UI thread
    refresh_pass_ms: list[float] = []  # each event-loop pass that showed a preview
    editor = MarkdownEditor(Workers())
    floor_edit = QPlainTextEdit()
    floor_edit.setFont(editor.editor.font())
    floor_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    show_html = editor.preview.show_html

    def timed_show_html(html: str) -> None:
        start = time.perf_counter()
        show_html(html)
        show_html_ms.append(_ms(time.perf_counter() - start))

    def pump(milliseconds: float) -> None:
        """_settle, noting how long each pass that showed a preview kept the UI thread."""
        deadline = time.perf_counter() + milliseconds / 1000.0
        while True:
            shown = len(show_html_ms)
            start = time.perf_counter()
            app.processEvents()
            if len(show_html_ms) > shown:
                refresh_pass_ms.append(_ms(time.perf_counter() - start))
            if time.perf_counter() >= deadline:
                return
            time.sleep(0.002)

    try:
        editor.preview.show_html = timed_show_html  # type: ignore[assignment]
        editor.resize(1200, 800)
        floor_edit.resize(600, 800)
        editor.show()
        floor_edit.show()
        editor.set_text(text)
        floor_edit.setPlainText(text)
        _wait_for_preview(app, editor)
        # Type into the middle of a paragraph, half way down the entry.
        middle = text.index("The first attempt", len(text) // 2)
        for edit in (editor.editor, floor_edit):
            cursor = edit.textCursor()
            cursor.setPosition(middle)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfWord)
            edit.setTextCursor(cursor)
            edit.setFocus()
        _settle(app, 50)
        show_html_ms.clear()
        probe.ms.clear()

        typed = itertools.cycle("practise graphs daily ")
        floor_key: list[float] = []
        floor_painted: list[float] = []
        app_key: list[float] = []
        app_painted: list[float] = []
        app_key_during_render: list[float] = []
        app_key_idle: list[float] = []

        def keystroke(widget: Any, char: str) -> tuple[float, float | None, bool]:
            """The key's own handling; then the event-loop pass with the repaint it asked for
            (None if that pass also showed a preview); and whether a render was running on
            the worker meanwhile."""
            shown = len(show_html_ms)
            rendering = probe.running > 0
            start = time.perf_counter()
            QTest.keyClicks(widget, char)  # one character: one key press and release
            handled = time.perf_counter()
            rendering = rendering or probe.running > 0
            app.processEvents()
            painted = time.perf_counter()
            if len(show_html_ms) > shown:
                refresh_pass_ms.append(_ms(painted - handled))
                return _ms(handled - start), None, rendering
            return _ms(handled - start), _ms(painted - handled), rendering

        for number in range(1, keystrokes + 1):
            char = next(typed)
            key, after, _ = keystroke(floor_edit, char)
            floor_key.append(key)
            if after is not None:
                floor_painted.append(key + after)
            key, after, rendering = keystroke(editor.editor, char)
            app_key.append(key)
            if after is not None:
                app_painted.append(key + after)
            (app_key_during_render if rendering else app_key_idle).append(key)
            if number % PAUSE_EVERY == 0:
                # A pause: the debounce timer fires and the worker starts rendering; typing
                # resumes as soon as it has, so the next keystrokes overlap the render.
                deadline = time.perf_counter() + PREVIEW_TIMEOUT_S
                started = probe.started
                while probe.started == started:
                    if time.perf_counter() > deadline:
                        raise BenchmarkFailed("the debounced preview never started rendering")
                    pump(1)
            else:
                pump(TYPING_GAP_MS)
        _wait_for_preview(app, editor)
        if (
            editor.text() != floor_edit.toPlainText()
            or len(editor.text()) != len(text) + keystrokes
        ):
            raise BenchmarkFailed("the keystrokes did not reach the editors")
    finally:
        editor_module.render_markdown = original_render
        _dispose(app, editor, floor_edit)

    app_median = statistics.median(app_key)
    floor_median = statistics.median(floor_key)
    worst = max(app_key)
    return {
        "keystrokes": keystrokes,
        "text_bytes": len(text.encode("utf-8")),
        "preview_delay_ms": PREVIEW_DELAY_MS,
        "typing_gap_ms": TYPING_GAP_MS,
        "floor_key_ms": floor_key,
        "app_key_ms": app_key,
        "app_key_during_render_ms": app_key_during_render,
        "floor_key_to_paint_ms": floor_painted,
        "app_key_to_paint_ms": app_painted,
        "show_html_ms": show_html_ms,
        "refresh_pass_ms": refresh_pass_ms,
        "render_ms": probe.ms,
        "floor_median_ms": floor_median,
        "app_median_ms": app_median,
        "ratio": app_median / floor_median,
        "floor_worst_ms": max(floor_key),
        "app_worst_ms": worst,
        "app_worst_idle_ms": max(app_key_idle, default=0.0),
        "keystrokes_during_render": len(app_key_during_render),
        "app_median_during_render_ms": _median_or_zero(app_key_during_render),
        "app_worst_during_render_ms": max(app_key_during_render, default=0.0),
        "app_key_to_paint_median_ms": statistics.median(app_painted),
        "app_key_to_paint_worst_ms": max(app_painted),
        "floor_key_to_paint_median_ms": statistics.median(floor_painted),
        "floor_key_to_paint_worst_ms": max(floor_painted),
        "previews_shown": len(show_html_ms),
        "longest_show_html_ms": max(show_html_ms, default=0.0),
        "median_show_html_ms": _median_or_zero(show_html_ms),
        "longest_refresh_pass_ms": max(refresh_pass_ms, default=0.0),
        "worker_render_median_ms": _median_or_zero(probe.ms),
        "frame_budget_ms": FRAME_BUDGET_MS,
        "verdict": _verdict(worst <= FRAME_BUDGET_MS),
    }


def _median_or_zero(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def _wait_for_preview(app: Any, editor: Any) -> None:
    deadline = time.perf_counter() + PREVIEW_TIMEOUT_S
    while not editor.wait_for_preview():
        if time.perf_counter() > deadline:
            raise BenchmarkFailed("the preview never showed the editor's text")
        _settle(app, 5)


# Report ---------------------------------------------------------------------------------------


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argument_parser(
        "bench_journal", "Time journal search, preview refresh and typing against their floors."
    )
    parser.add_argument(
        "--entries",
        type=at_least(MIN_ENTRIES),
        default=DEFAULT_ENTRIES,
        help=f"journal entries in the stress profile, at least {MIN_ENTRIES:,d} "
        f"(default: {DEFAULT_ENTRIES:,d})",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.pop("LOOPWISE_DATA_DIR", None)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="loopwise-bench-") as scratch:
        try:
            print(f"building a profile of {args.entries:,d} journal entries ...", flush=True)
            profile, build_seconds = build_profile(Path(scratch) / "profile", args.entries)
            size = profile.folder.database.stat().st_size
            print(f"profile ready in {build_seconds:.1f} s ({size / 1e6:.0f} MB)\n", flush=True)
            try:
                print(f"a. search, {len(QUERIES)} queries x {SEARCH_ROUNDS} rounds", flush=True)
                search = bench_search(profile, SEARCH_ROUNDS)
            finally:
                profile.close()
            app = _application()
            print(f"\nb. preview refresh of a 10 KB entry, {PREVIEW_RUNS} runs", flush=True)
            preview = bench_preview(app, PREVIEW_RUNS)
            print(f"\nc. typing {KEYSTROKES} keystrokes into a 10 KB entry", flush=True)
            typing = bench_typing(app, KEYSTROKES)
        except BenchmarkFailed as failure:
            print(f"benchmark aborted: {failure}", file=sys.stderr)
            return 1

    print()
    print(f"a. search over {args.entries:,d} entries ({len(search['app_ms'])} searches each)")
    print(f"   median floor  {search['floor_median_ms']:7.2f} ms   (raw FTS5 query, sqlite3)")
    print(f"   median app    {search['app_median_ms']:7.2f} ms   (search_entries, own session)")
    print(
        f"   ratio         {search['ratio']:7.2f} x    target <= {TARGET_SEARCH_MS:.0f} ms and "
        f"<= {TARGET_SEARCH_RATIO:.0f} x   {search['verdict']}"
    )
    print(
        f"   slowest query {search['slowest_query']!r}: app "
        f"{search['slowest_query_app_median_ms']:.2f} ms, floor "
        f"{search['slowest_query_floor_median_ms']:.2f} ms"
    )
    print(
        f"   (journal page, on its worker thread: median "
        f"{search['page_median_ms']:.2f} ms; no target)"
    )
    print(f"b. preview refresh, {preview['text_bytes']:,d} bytes of Markdown")
    print(f"   median floor  {preview['floor_median_ms']:7.2f} ms   (QTextBrowser.setPlainText)")
    print(
        f"   median app    {preview['app_median_ms']:7.2f} ms   (render_markdown "
        f"{preview['render_median_ms']:.2f} + show_html {preview['show_html_median_ms']:.2f})"
    )
    print(
        f"   ratio         {preview['ratio']:7.2f} x    target <= {TARGET_PREVIEW_MS:.0f} ms"
        f"   {preview['verdict']}"
    )
    print(
        f"   with the first paint: floor {preview['floor_painted_median_ms']:.2f} ms, app "
        f"{preview['app_painted_median_ms']:.2f} ms ({preview['painted_ratio']:.2f} x)"
    )
    print(
        f"c. typing, {typing['keystrokes']} keystrokes into a {typing['text_bytes']:,d}-byte entry"
    )
    print(
        f"   floor         keystroke median {typing['floor_median_ms']:5.2f} ms, worst "
        f"{typing['floor_worst_ms']:5.2f} ms   (bare QPlainTextEdit)"
    )
    print(
        f"   app           keystroke median {typing['app_median_ms']:5.2f} ms, worst "
        f"{typing['app_worst_ms']:5.2f} ms   ({typing['ratio']:.2f} x the floor's median)"
    )
    print(
        f"   {typing['keystrokes_during_render']:3d} of them while the worker rendered: median "
        f"{typing['app_median_during_render_ms']:.2f} ms, worst "
        f"{typing['app_worst_during_render_ms']:.2f} ms (otherwise worst "
        f"{typing['app_worst_idle_ms']:.2f} ms)"
    )
    print(
        f"   key to paint  app median {typing['app_key_to_paint_median_ms']:.2f} ms, worst "
        f"{typing['app_key_to_paint_worst_ms']:.2f} ms   (floor "
        f"{typing['floor_key_to_paint_median_ms']:.2f} ms, worst "
        f"{typing['floor_key_to_paint_worst_ms']:.2f} ms)"
    )
    print(
        f"   preview       {typing['previews_shown']} refreshes shown; render on the worker "
        f"median {typing['worker_render_median_ms']:.2f} ms; show_html on the UI thread median "
        f"{typing['median_show_html_ms']:.2f} ms, longest {typing['longest_show_html_ms']:.2f} ms"
        f" (longest event-loop pass showing one: {typing['longest_refresh_pass_ms']:.2f} ms)"
    )
    print(
        f"   worst keystroke {typing['app_worst_ms']:.2f} ms against a "
        f"{FRAME_BUDGET_MS:.0f} ms frame   {typing['verdict']}"
    )
    print(f"\ntotal {time.perf_counter() - started:.0f} s")

    if args.json:
        write_figures(
            args.json,
            {"search": search, "preview": preview, "typing": typing},
            "journal-search-preview-typing",
            entries=args.entries,
            profile_build_seconds=build_seconds,
        )
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    try:
        exit_code = main()
    except Exception:
        traceback.print_exc()
        exit_code = 1
    sys.stdout.flush()
    sys.stderr.flush()
    sys.exit(exit_code)
