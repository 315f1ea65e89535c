"""Story bank benchmark: refreshing the Stories page, and the coach's checks while typing.

Run from the repository root (it is not collected by pytest):

    .venv/bin/python -m tests.benchmarks.bench_stories [--stories N] [--runs N] [--json FILE]

It builds a profile through open_profile (the real migrated database) holding 60 stories by
default, each about 320 words with three or four themes and 20 rehearsals, then measures:

a. A full refresh of the Stories page (StoriesPage.reload: read every story with its themes,
   links and last rehearsal, then the list, the coverage matrix of all themes and the loop
   plan), as after every save, against a floor: the same three reads as raw SQL through the
   sqlite3 module. Target: median at most 50 ms.
b. The per-keystroke guidance (word counts, speaking time and the coach's notes for the open
   story, StoryEditor._update_guidance), against a floor: counting the words of the four
   sections. Target: median within a 16 ms frame.

Floor and app runs alternate so machine noise falls on both; figures are medians and the ratio
median(app) / median(floor). It is a measurement, not a test: the exit code is 0 whether or not
a target is met, and 1 only if something it runs fails.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import sqlite3
import statistics
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from desktop.domain.journal import word_count
from desktop.domain.stories import Rehearsal, Scope, StoryDraft
from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store import stories as story_store
from desktop.store.database import session_scope
from tests.clocks import StepClock

DEFAULT_STORIES = 60
DEFAULT_RUNS = 30
REHEARSALS_EACH = 20
TARGET_REFRESH_MS = 50.0
FRAME_BUDGET_MS = 16.0
SEED = 20261122

FLOOR_SQL = (
    "SELECT * FROM story WHERE deleted_at IS NULL ORDER BY updated_at DESC",
    "SELECT story_id, theme_id FROM story_theme",
    "SELECT story_id, max(rehearsed_at), count(id) FROM story_rehearsal GROUP BY story_id",
)
WORDS = re.findall(
    r"\S+",
    (
        "I profiled the request path and found three serial calls to the fraud service so I "
        "proposed batching them wrote the design and paired with the team to ship it behind a flag "
        "while we watched latency fall from 900 ms to 120 ms"
    ),
)


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def build_profile(data_dir: Path, stories: int) -> Profile:
    profile = open_profile(ProfileFolder(data_dir), clock=StepClock())
    write_stories(profile, stories, now=datetime(2026, 11, 22, tzinfo=UTC))
    return profile


def write_stories(profile: Profile, stories: int, now: datetime) -> None:
    """`stories` stories of about 320 words, REHEARSALS_EACH rehearsals each, ending at `now`."""
    rng = random.Random(SEED)
    theme_ids = [t.id for t in profile.story_themes.themes]
    with session_scope(profile.engine) as session:
        for number in range(stories):
            draft = StoryDraft(
                title=f"Story {number + 1}: {_text(rng, 5)}",
                situation=_text(rng, 50),
                task=_text(rng, 30),
                action=_text(rng, 190),
                result=_text(rng, 50),
                themes=tuple(rng.sample(theme_ids, rng.randint(3, 4))),
                scope=rng.choice(list(Scope)),
            )
            story_id = story_store.create_story(
                session=session, draft=draft, now=now - timedelta(days=number)
            )
            for day in range(REHEARSALS_EACH):
                story_store.log_rehearsal(
                    session=session,
                    rehearsal=Rehearsal(
                        story_id, now - timedelta(days=day * 3 + number), 150, rng.randint(1, 5)
                    ),
                )


def _alternate(
    floor: Callable[[], object], app: Callable[[], object], runs: int
) -> tuple[list[float], list[float]]:
    floors, apps = [], []
    for _ in range(runs):
        for work, into in ((floor, floors), (app, apps)):
            began = time.perf_counter()
            work()
            into.append((time.perf_counter() - began) * 1000)
    return floors, apps


def _figures(name: str, floors: list[float], apps: list[float], target_ms: float) -> dict[str, Any]:
    floor, app = statistics.median(floors), statistics.median(apps)
    met = app <= target_ms
    print(
        f"{name}: floor {floor:.2f} ms, app {app:.2f} ms (worst {max(apps):.2f} ms), "
        f"ratio {app / floor:.1f}x; target median <= {target_ms:.0f} ms: "
        f"{'met' if met else 'NOT met'}"
    )
    return {
        "floor_median_ms": round(floor, 3),
        "app_median_ms": round(app, 3),
        "app_worst_ms": round(max(apps), 3),
        "ratio": round(app / floor, 2),
        "target_ms": target_ms,
        "met": met,
    }


def bench_refresh(profile: Profile, runs: int) -> dict[str, Any]:
    from PySide6.QtCore import QSettings

    from desktop.ui.context import AppContext
    from desktop.ui.stories.page import StoriesPage

    settings = QSettings(str(profile.folder.ui_state_file), QSettings.Format.IniFormat)
    page = StoriesPage(AppContext(profile, settings))
    page.resize(1280, 760)
    page.show()
    page.prepare_for_screenshot()  # first load, story open in the editor

    def floor() -> None:
        with closing(sqlite3.connect(profile.folder.database)) as connection:
            for statement in FLOOR_SQL:
                connection.execute(statement).fetchall()

    floors, apps = _alternate(floor, page.reload, runs)
    page.close()
    page.deleteLater()
    return _figures("a. page refresh", floors, apps, TARGET_REFRESH_MS)


def bench_guidance(runs: int) -> dict[str, Any]:
    from desktop.domain.stories import Section
    from desktop.ui.background import Workers
    from desktop.ui.stories.editor import StoryEditor

    rng = random.Random(SEED)
    editor = StoryEditor(Workers())
    editor.kept.record_id = 1  # as if a story were open
    for section, words in zip(Section, (60, 40, 280, 70), strict=True):
        editor.sections[section].editor.blockSignals(True)
        editor.sections[section].editor.setPlainText(_text(rng, words))
        editor.sections[section].editor.blockSignals(False)
    texts = [editor.sections[s].text() for s in Section]

    def floor() -> None:
        for text in texts:
            word_count(text)

    floors, apps = _alternate(floor, editor._update_guidance, runs)
    editor.deleteLater()
    return _figures("b. guidance per keystroke", floors, apps, FRAME_BUDGET_MS)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=DEFAULT_STORIES)
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    parser.add_argument("--json", metavar="FILE", help="also write the figures to FILE as JSON")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    try:
        with tempfile.TemporaryDirectory(prefix="loopwise-bench-stories-") as scratch:
            profile = build_profile(Path(scratch) / "profile", args.stories)
            print(
                f"{args.stories} stories, {args.stories * REHEARSALS_EACH} rehearsals; "
                f"{args.runs} runs each; Python {platform.python_version()}, {platform.system()}"
            )
            figures = {
                "stories": args.stories,
                "runs": args.runs,
                "refresh": bench_refresh(profile, args.runs),
                "guidance": bench_guidance(args.runs),
            }
            profile.close()
    except Exception:
        traceback.print_exc()
        return 1
    finally:
        app.processEvents()
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
