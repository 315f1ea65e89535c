"""Mock interviews: the rubric, its score and the journal text."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.domain.mocks import MockInterview, MockKind, journal_body, weakest_dimensions

HELD = datetime(2026, 11, 4, 15, tzinfo=UTC)


def test_score_percent_maps_the_rubric_mean_onto_0_to_100() -> None:
    assert MockInterview(HELD, MockKind.CODING, {"coding": 4, "testing": 4}).score_percent == 100
    assert MockInterview(HELD, MockKind.CODING, {"coding": 1}).score_percent == 0
    mixed = MockInterview(HELD, MockKind.CODING, {"problem-solving": 3, "coding": 2})
    assert mixed.score_percent == 50.0


def test_a_dimension_from_another_kind_of_round_is_refused() -> None:
    with pytest.raises(ValueError, match="not scored in a Coding round"):
        MockInterview(HELD, MockKind.CODING, {"trade-offs": 3})


@pytest.mark.parametrize("score", [0, 5])
def test_scores_stay_on_the_1_to_4_scale(score: int) -> None:
    with pytest.raises(ValueError, match="must be 1 to 4"):
        MockInterview(HELD, MockKind.SYSTEM_DESIGN, {"requirements": score})


def test_an_unscored_mock_is_refused() -> None:
    with pytest.raises(ValueError, match="at least one"):
        MockInterview(HELD, MockKind.BEHAVIORAL, {})


def test_journal_text_names_scores_feedback_and_weak_spots() -> None:
    mock = MockInterview(
        HELD,
        MockKind.SYSTEM_DESIGN,
        {"requirements": 2, "trade-offs": 1, "communication": 4},
        with_whom="Priya (ex-colleague)",
        feedback="Jumped to the database before agreeing on **scale**.",
        exposed=("capacity-estimation",),
    )
    body = journal_body(mock, lambda tag: {"capacity-estimation": "Capacity estimation"}[tag])
    assert "System design mock interview with Priya (ex-colleague)" in body
    assert "- Trade-offs: 1 of 4 (well below)" in body
    assert "**scale**" in body and "- Capacity estimation" in body
    assert f"## Scores ({mock.score_percent:.0f}%)" in body
    assert weakest_dimensions(mock) == ["trade-offs", "requirements"]


def test_every_rubric_line_counts_against_a_taxonomy_tag() -> None:
    from desktop.domain.mocks import RUBRIC, RUBRIC_TAGS
    from desktop.profile import shipped_vocabulary

    taxonomy = shipped_vocabulary().taxonomy
    for dimensions in RUBRIC.values():
        for key, _label in dimensions:
            assert taxonomy.has(RUBRIC_TAGS[key]), key


def test_a_score_below_the_bar_is_evidence_beside_what_was_exposed() -> None:
    from desktop.domain.mocks import evidence_tags

    mock = MockInterview(
        held_at=datetime(2026, 5, 1, tzinfo=UTC),
        kind=MockKind.BEHAVIORAL,
        scores={"structure": 3, "impact": 1, "ownership": 2, "communication": 4},
        exposed=("impact-numbers", "edge-cases"),
    )
    assert evidence_tags(mock) == ("impact-numbers", "edge-cases", "ownership-voice")
