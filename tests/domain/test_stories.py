"""STAR checks: speaking time, coach warnings, coverage, loop plans and rehearsal freshness."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest

from desktop.domain.stories import (
    Rehearsal,
    RehearsalState,
    Scope,
    Section,
    Story,
    StoryDraft,
    brief,
    coach_notes,
    coverage,
    due_for_rehearsal,
    duration_text,
    has_number,
    is_due,
    plan_loop,
    pronoun_counts,
    rehearsal_state,
    rehearsed_text,
    speaking_seconds,
    story_timing,
)
from desktop.domain.story_themes import Theme

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)


def words(count: int, word: str = "word") -> str:
    return " ".join([word] * count)


def story(
    story_id: int,
    themes: tuple[str, ...] = (),
    *,
    scope: Scope = Scope.TEAM,
    last: datetime | None = None,
    title: str = "",
) -> Story:
    draft = StoryDraft(
        title=title or f"Story {story_id}", action="I led it.", themes=themes, scope=scope
    )
    return Story(story_id, draft, NOW, NOW, last, 1 if last else 0)


def theme(theme_id: str, answered_by: tuple[str, ...] = ()) -> Theme:
    return Theme(id=theme_id, group="general", title=theme_id.title(), answered_by=answered_by)


SITUATION = (
    "Checkout p99 latency had crept from 300 ms to 900 ms over a quarter, conversion was "
    "dropping, and the big autumn sale was six weeks away. Nobody owned the problem because "
    "the slowness was spread over three services. "
)
ACTION = (
    "I profiled the request path and found three serial calls to the fraud service. "
    "I proposed batching them, wrote the design, and paired with the fraud team "
    "to add a batch endpoint. I rolled it out behind a flag and watched the dashboards. "
)
GOOD = StoryDraft(
    title="Cutting checkout latency",
    situation=SITUATION * 2,
    task="I owned the payment service and had to bring p99 under 200 ms before the sale. " * 2,
    action=ACTION * 4,
    result="p99 fell from 900 ms to 120 ms and checkout conversion rose by 4 percent. " * 3,
    themes=("ownership",),
)


# Speaking time --------------------------------------------------------------------------------


def test_speaking_time_follows_a_calm_pace_of_150_words_a_minute() -> None:
    assert speaking_seconds(150) == 60
    assert speaking_seconds(375) == 150
    assert speaking_seconds(0) == 0


@pytest.mark.parametrize(
    ("seconds", "shown"), [(0, "0 s"), (45, "45 s"), (120, "2 min"), (130, "2 min 10 s")]
)
def test_durations_read_naturally(seconds: int, shown: str) -> None:
    assert duration_text(seconds) == shown


def test_timing_counts_each_section_and_the_whole() -> None:
    draft = StoryDraft(situation=words(30), task=words(15), action=words(200), result=words(55))
    timing = story_timing(draft)
    assert timing.words[Section.ACTION] == 200
    assert timing.seconds(Section.SITUATION) == 12
    assert timing.total_words == 300
    assert timing.total_seconds == 120
    assert timing.verdict == "right"


@pytest.mark.parametrize(("count", "verdict"), [(290, "short"), (450, "right"), (460, "long")])
def test_two_to_three_minutes_is_the_aim(count: int, verdict: str) -> None:
    assert story_timing(StoryDraft(action=words(count))).verdict == verdict


# Coaching -------------------------------------------------------------------------------------


def codes(draft: StoryDraft) -> set[str]:
    return {note.code for note in coach_notes(draft)}


def test_a_well_told_story_gets_no_warnings() -> None:
    assert codes(GOOD) == set(), coach_notes(GOOD)


def test_a_result_without_a_number_is_pointed_out() -> None:
    vague = replace(GOOD, result="Customers were much happier and the team was proud.")
    notes = [n for n in coach_notes(vague) if n.code == "result-without-number"]
    assert notes and notes[0].section is Section.RESULT
    assert "number" in notes[0].message


@pytest.mark.parametrize(
    "text", ["Errors fell 40%", "we saved two days a week", "latency halved", "3x faster"]
)
def test_numbers_count_in_digits_or_words(text: str) -> None:
    assert has_number(text)


def test_an_action_that_says_we_far_more_than_i_is_pointed_out() -> None:
    team = replace(
        GOOD,
        action="We met, we decided, our team built it and we shipped it. I reviewed it. " * 4,
    )
    notes = [n for n in coach_notes(team) if n.code == "we-over-i"]
    assert notes and "“we” 16 times" in notes[0].message and "“I” 4 times" in notes[0].message


def test_we_and_i_are_counted_with_their_forms_and_curly_apostrophes() -> None:
    text = "We\u2019re sure our plan helps us. I\u2019m in; my call, me too."
    assert pronoun_counts(text) == (3, 3)


def test_a_balanced_action_with_some_we_is_fine() -> None:
    assert pronoun_counts(GOOD.action)[1] > 0
    mixed = replace(GOOD, action=GOOD.action + " We celebrated. We wrote it up.")
    assert "we-over-i" not in codes(mixed)


def test_one_section_crowding_out_the_others_is_pointed_out() -> None:
    long_setup = replace(GOOD, situation=words(200, "context"))
    notes = [n for n in coach_notes(long_setup) if n.code == "section-too-long"]
    assert [n.section for n in notes] == [Section.SITUATION]
    assert "Keep the setup short" in notes[0].message


def test_a_long_action_is_expected_but_not_one_that_is_nearly_everything() -> None:
    assert "section-too-long" not in codes(GOOD)
    all_action = replace(GOOD, situation="Slow.", task="Fix.", action=words(300))
    notes = [n for n in coach_notes(all_action) if n.code == "section-too-long"]
    assert [n.section for n in notes] == [Section.ACTION]


def test_a_story_without_a_theme_is_pointed_out() -> None:
    assert "no-theme" in codes(replace(GOOD, themes=()))


def test_empty_sections_are_listed_and_a_draft_is_not_called_short() -> None:
    draft = StoryDraft(title="Half written", situation="It was a dark and stormy sprint.")
    notes = coach_notes(draft)
    assert [n.section for n in notes if n.code == "empty"] == [
        Section.TASK,
        Section.ACTION,
        Section.RESULT,
    ]
    assert "too-short" not in codes(draft)
    assert "result-without-number" not in codes(draft)  # nothing to judge yet


def test_length_warnings() -> None:
    assert "too-long" in codes(replace(GOOD, action=GOOD.action * 4))
    terse = StoryDraft(
        situation="A", task="B", action="I did C.", result="D rose 5%", themes=("x",)
    )
    assert codes(terse) == {"too-short"}


# Coverage -------------------------------------------------------------------------------------


def test_coverage_marks_which_story_answers_which_theme() -> None:
    themes = [theme("conflict"), theme("ambiguity"), theme("mentoring")]
    stories = [story(1, ("conflict", "mentoring")), story(2, ("conflict",))]
    found = coverage(themes, stories)
    assert found.covers("conflict", 1) and found.covers("conflict", 2)
    assert not found.covers("ambiguity", 1)
    assert [s.id for s in found.stories_for("conflict")] == [1, 2]
    assert [t.id for t in found.uncovered] == ["ambiguity"]
    assert found.theme_count(1) == 2


def test_a_theme_is_answered_by_the_themes_it_names() -> None:
    either = theme("missed-deadline-or-incident", ("missed-deadline", "production-incident"))
    found = coverage([either], [story(1, ("production-incident",))])
    assert found.covers("missed-deadline-or-incident", 1)
    assert found.uncovered == ()


def test_a_story_leaned_on_for_too_many_themes_stands_out() -> None:
    themes = [theme(f"t{n}") for n in range(6)]
    busy = story(1, tuple(f"t{n}" for n in range(5)))
    fair = story(2, ("t0", "t1", "t2", "t3"))
    found = coverage(themes, [busy, fair])
    assert [s.id for s in found.overloaded] == [1]


def test_coverage_only_counts_the_themes_shown() -> None:
    found = coverage([theme("t0")], [story(1, tuple(f"t{n}" for n in range(8)))])
    assert found.overloaded == ()


def test_no_stories_leaves_every_theme_uncovered() -> None:
    found = coverage([theme("a"), theme("b")], [])
    assert [t.id for t in found.uncovered] == ["a", "b"]


# Loop preparation -----------------------------------------------------------------------------


def test_a_loop_plan_gives_each_theme_a_story_and_lists_the_gaps() -> None:
    themes = [theme("conflict"), theme("ambiguity"), theme("mentoring")]
    plan = plan_loop(themes, [story(1, ("conflict", "mentoring"))])
    assert [a.theme.id for a in plan.answers] == ["conflict", "ambiguity", "mentoring"]
    assert [t.id for t in plan.gaps] == ["ambiguity"]
    assert plan.uses(1) == 2


def test_a_loop_plan_spreads_themes_over_stories() -> None:
    # Story 1 answers both; story 2 only conflict. Mentoring has one candidate, so it chooses
    # first and conflict goes to story 2 instead of telling story 1 twice.
    themes = [theme("conflict"), theme("mentoring")]
    stories = [story(1, ("conflict", "mentoring")), story(2, ("conflict",))]
    plan = plan_loop(themes, stories)
    chosen = {a.theme.id: a.story.id for a in plan.answers if a.story}
    assert chosen == {"conflict": 2, "mentoring": 1}
    assert [s.id for s in plan.answers[0].alternatives] == [1]


def test_a_loop_plan_prefers_wider_impact_then_recent_rehearsal() -> None:
    themes = [theme("conflict")]
    small = story(1, ("conflict",), scope=Scope.SELF, last=NOW)
    wide = story(2, ("conflict",), scope=Scope.ORGANISATION)
    assert plan_loop(themes, [small, wide]).answers[0].story == wide
    stale = story(3, ("conflict",), last=NOW - timedelta(days=20))
    fresh = story(4, ("conflict",), last=NOW - timedelta(days=1))
    assert plan_loop(themes, [stale, fresh]).answers[0].story == fresh


# Rehearsal ------------------------------------------------------------------------------------


def test_rehearsal_freshness() -> None:
    assert rehearsal_state(None, NOW) is RehearsalState.NEVER
    assert rehearsal_state(NOW - timedelta(days=7), NOW) is RehearsalState.RECENT
    assert rehearsal_state(NOW - timedelta(days=8), NOW) is RehearsalState.STALE


@pytest.mark.parametrize(
    ("ago", "text"),
    [
        (None, "Never rehearsed"),
        (timedelta(hours=1), "Rehearsed today"),
        (timedelta(days=1), "Rehearsed yesterday"),
        (timedelta(days=3), "Rehearsed 3 days ago"),
        (timedelta(days=12), "Not rehearsed for 12 days"),
    ],
)
def test_last_rehearsal_is_said_plainly(ago: timedelta | None, text: str) -> None:
    assert rehearsed_text(NOW - ago if ago else None, NOW, UTC) == text


@pytest.mark.parametrize(
    ("rehearsed", "now", "text"),
    [
        # 09:00 and 11:00 in UTC+10 are the same day there, though not in UTC.
        (datetime(2026, 11, 19, 23, 0, tzinfo=UTC), datetime(2026, 11, 20, 1, 0, tzinfo=UTC),
         "Rehearsed today"),
        # 23:00 one evening and 09:00 the next morning there: yesterday, though the same UTC day.
        (datetime(2026, 11, 19, 13, 0, tzinfo=UTC), datetime(2026, 11, 19, 23, 0, tzinfo=UTC),
         "Rehearsed yesterday"),
    ],
)  # fmt: skip
def test_today_and_yesterday_follow_the_users_own_calendar(
    rehearsed: datetime, now: datetime, text: str
) -> None:
    assert rehearsed_text(rehearsed, now, timezone(timedelta(hours=10))) == text


def test_stories_not_rehearsed_lately_come_first_never_rehearsed_at_the_top() -> None:
    recent = story(1, last=NOW - timedelta(days=2))
    old = story(2, last=NOW - timedelta(days=30))
    older = story(3, last=NOW - timedelta(days=60))
    never = story(4)
    assert [s.id for s in due_for_rehearsal([recent, old, older, never], NOW)] == [4, 3, 2]


def test_a_story_with_nothing_written_is_not_due_for_rehearsal() -> None:
    written = story(1)
    empty = Story(2, StoryDraft(title="Sale-day outage", notes="ask Sam"), NOW, NOW)
    blank = Story(3, StoryDraft(situation="  \n "), NOW, NOW)
    assert [s.id for s in due_for_rehearsal([written, empty, blank], NOW)] == [1]
    assert not is_due(empty, NOW) and is_due(written, NOW)


def test_a_rehearsal_is_rated_from_one_to_five() -> None:
    assert Rehearsal(1, NOW, 150, 5).rating == 5
    with pytest.raises(ValueError, match="1 to 5"):
        Rehearsal(1, NOW, 150, 0)
    with pytest.raises(ValueError, match="no time"):
        Rehearsal(1, NOW, -1, 3)


# Summaries ------------------------------------------------------------------------------------


def test_brief_strips_markdown_and_cuts_at_a_word() -> None:
    assert brief("- **Bold** move\n- `code`") == "Bold move code"
    cut = brief("alpha beta gamma delta", limit=14)
    assert cut == "alpha beta…"
    assert brief("") == ""


def test_scope_labels_and_order() -> None:
    assert [s.label for s in Scope] == ["Myself", "My team", "Several teams", "The organisation"]
    assert Scope.ORGANISATION.rank > Scope.SELF.rank
    assert Story(1, StoryDraft(), NOW, NOW).title == "Untitled story"
