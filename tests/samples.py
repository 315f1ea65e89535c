"""Small, valid files and records shared by tests."""

from pathlib import Path

from desktop.domain.stories import Scope, StoryDraft

SAMPLE_FILES = Path(__file__).parent / "data"


def sample_text(name: str) -> str:
    """A sample file from tests/data, as text."""
    return (SAMPLE_FILES / name).read_text(encoding="utf-8")


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
