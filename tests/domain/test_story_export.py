"""The story bank as Markdown and the loop sheet as HTML: complete, and safe with any title."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from desktop.domain.stories import Story, StoryDraft, plan_loop
from desktop.domain.story_export import loop_sheet_html, stories_markdown, whole_sentences
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
    assert "<td class='theme'>Production incident</td><td>The &lt;b&gt;outage" in html
    assert "The &lt;b&gt;outage&lt;/b&gt;" in html and "<b>outage</b>" not in html
    assert "I raised the pool size." in html
    assert (
        "<td class='theme'>Conflict with a colleague</td>"
        "<td><span class='gap'><b>No story yet.</b>" in html
    )


def test_a_story_answering_several_themes_is_printed_once() -> None:
    story = replace(
        OUTAGE,
        draft=replace(OUTAGE_STORY, themes=("production-incident", "ownership", "bias-for-action")),
    )
    themes = [CATALOG.theme(t) for t in ("production-incident", "ownership", "bias-for-action")]
    plan = plan_loop([t for t in themes if t is not None], [story])
    html = loop_sheet_html(plan, "Amazon", NOW)
    assert html.count("Errors were back under 0.5% within six minutes.") == 1
    assert html.count(f"<h2 class='story'>{OUTAGE_STORY.title}</h2>") == 1
    assert html.count(f"<td>{OUTAGE_STORY.title}</td>") == len(plan.answers)
    titles = ", ".join(answer.theme.title for answer in plan.answers)
    assert f"Answers: {titles}" in html


def test_an_empty_part_is_left_out() -> None:
    story = replace(OUTAGE, draft=replace(OUTAGE_STORY, result=""))
    themes = [CATALOG.theme("production-incident")]
    html = loop_sheet_html(plan_loop([t for t in themes if t is not None], [story]), "X", NOW)
    assert "<td class='label'>Situation</td>" in html
    assert "Result" not in html and "—" not in html


def test_long_parts_are_cut_after_a_whole_sentence() -> None:
    sentence = "I measured the pool and found it far too small for the sale traffic. "
    text = whole_sentences(sentence * 12, limit=200)
    assert text.endswith(". …")
    assert text[:-2].endswith("sale traffic.")
    assert len(text) <= 202
    assert whole_sentences("Short and whole.") == "Short and whole."
    assert whole_sentences('She said "ship it." We shipped. Then more.', limit=33) == (
        'She said "ship it." We shipped. …'
    )


def test_a_single_overlong_sentence_is_cut_at_a_word() -> None:
    text = whole_sentences("word " * 200, limit=50)
    assert text.endswith("…") and len(text) <= 50 and "wor…" not in text
