"""The story bank as Markdown and the loop sheet as HTML: complete, and safe with any title."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from desktop.domain.stories import Story, StoryDraft, plan_loop
from desktop.domain.story_export import loop_sheet_html, stories_markdown
from desktop.domain.story_themes import load_themes
from desktop.folders import shipped_data_dir
from tests.samples import OUTAGE_STORY

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
CATALOG = load_themes(shipped_data_dir() / "themes.toml")

OUTAGE = Story(
    1,
    replace(
        OUTAGE_STORY,
        title="The <b>outage</b>\non sale day",
        action="- I raised the **pool** size.",
        themes=("production-incident", "my-gone-theme"),
    ),
    NOW,
    NOW,
    last_rehearsed=datetime(2026, 11, 18, 9, 0, tzinfo=UTC),
    rehearsals=3,
)
DRAFTY = Story(2, StoryDraft(title="Draft"), NOW, NOW, NOW, 1)


def test_the_markdown_export_has_every_story_with_its_facts_and_sections() -> None:
    text = stories_markdown([OUTAGE, DRAFTY], CATALOG, NOW)
    assert text.startswith("# Story bank\n\n2 stories, exported from Loopwise on 20 November 2026.")
    assert "## The <b>outage</b> on sale day" in text  # one line, as the user wrote it
    assert "- Themes: Production incident, my-gone-theme" in text
    assert "- Impact: Several teams" in text and "- For: Amazon, Stripe" in text
    assert "- Rehearsed 3 times, last on 18 Nov 2026" in text
    assert "### Action\n\n- I raised the **pool** size.\n" in text
    assert "### Notes\n\nHave the graph ready." in text
    assert "- Rehearsed once, on 20 Nov 2026" in text
    assert "### Result\n\n_(empty)_" in text
    assert "- Themes: none yet" in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_an_empty_bank_exports_cleanly() -> None:
    assert stories_markdown([], CATALOG, NOW) == (
        "# Story bank\n\n0 stories, exported from Loopwise on 20 November 2026.\n"
    )


def test_the_loop_sheet_names_each_theme_its_story_and_the_gaps() -> None:
    themes = [CATALOG.theme("production-incident"), CATALOG.theme("conflict")]
    plan = plan_loop([t for t in themes if t is not None], [OUTAGE])
    html = loop_sheet_html(plan, "My <loop>", NOW)
    assert "<h1>Loop sheet: My &lt;loop&gt;</h1>" in html
    assert "2 themes · 1 without a story · made 20 November 2026" in html
    assert "<h2>Production incident</h2>" in html
    assert "The &lt;b&gt;outage&lt;/b&gt;" in html and "<b>outage</b>" not in html
    assert "I raised the pool size." in html
    assert "<h2>Conflict with a colleague</h2>\n<p class='gap'><b>No story yet.</b>" in html
