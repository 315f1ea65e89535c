"""Small, valid files and records shared by tests, and the one way tests store a record and
read one back outside the code under test."""

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pytest
from sqlalchemy import Engine
from sqlmodel import Session

from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.stories import Scope, StoryDraft
from desktop.store import progress as progress_store
from desktop.store.database import session_scope

T = TypeVar("T")
E = TypeVar("E", bound=BaseException)

SAMPLE_FILES = Path(__file__).parent / "data"


def sample_text(name: str) -> str:
    """A sample file from tests/data, as text."""
    return (SAMPLE_FILES / name).read_text(encoding="utf-8")


def edited(text: str, old: str, new: str) -> str:
    """`text` with `old` replaced by `new`; `old` must occur exactly once, so that each case
    breaks a sample file in exactly one place."""
    assert text.count(old) == 1, f"{old!r} must occur exactly once"
    return text.replace(old, new)


def raised(error: type[E], parse: Callable[..., object], *args: object) -> E:
    """The `error` that `parse(*args)` must raise (the test fails if it raises none)."""
    with pytest.raises(error) as caught:
        parse(*args)
    return caught.value


def line_of(text: str, line: str, occurrence: int = 1) -> int:
    """1-based number of the `occurrence`-th line of `text` that is exactly `line`."""
    numbers = [n for n, content in enumerate(text.splitlines(), start=1) if content == line]
    return numbers[occurrence - 1]


# One stage, one reading item: the smallest learning path a user could import.
SMALL_PATH = sample_text("small-path.toml")


# A whole STAR story, as a user who has finished one would have it.
OUTAGE_STORY = StoryDraft(
    title="The checkout outage on sale day",
    situation="Checkout errors jumped to 18% as the sale began.",
    task="I was on call for payments.",
    action="I raised the pool size and turned on cached fraud decisions.",
    result="Errors were back under 0.5% within six minutes.",
    themes=("production-incident", "ownership"),
    scope=Scope.TEAMS,
    companies=("Amazon", "Stripe"),
    notes="Have the graph ready.",
)


# The least a user's own item on a path holds.
MY_ITEM = PathItem(
    id="custom-x", title="Mine", kind=ItemKind.CODE, difficulty=Difficulty.EASY, target_minutes=10
)


def add_custom_item(
    engine: Engine,
    item: PathItem = MY_ITEM,
    *,
    path_id: str = "backend-senior",
    stage_id: str = "coding-medium",
    now: datetime = datetime(2026, 11, 1, tzinfo=UTC),
) -> None:
    """Add `item` to a stage of a built-in path, as the Add item dialog does."""
    with session_scope(engine) as session:
        progress_store.add_custom_item(
            session=session, path_id=path_id, stage_id=stage_id, item=item, now=now
        )


def read_back(engine: Engine, read: Callable[[Session], T | None]) -> T:
    """What `read` finds in a database session of its own, as another reader would see it; the
    test fails if it finds nothing."""
    with session_scope(engine) as session:
        found = read(session)
    assert found is not None
    return found


def solved_attempt(title: str, started_at: datetime, *, seconds: int = 600) -> Attempt:
    """A free 15-minute session that went well, for tests that need one on record."""
    return Attempt(
        subject=AttemptSubject(title=title, target_minutes=15),
        started_at=started_at,
        active_seconds=seconds,
        outcome=Outcome.SOLVED,
        confidence=4,
    )
