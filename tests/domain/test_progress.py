"""The checklist a user sees: path items merged with saved progress, custom and retired items."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop.domain.curriculum import Difficulty, ItemKind, LearningPath, PathItem
from desktop.domain.progress import (
    Checklist,
    ChecklistFilter,
    ChecklistItem,
    CustomItemRecord,
    ItemStatus,
    SavedProgress,
    build_checklist,
    count_progress,
)

T0 = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)


def _item(item_id: str, title: str, kind: str = "code", topics: tuple[str, ...] = ()) -> dict:
    return {
        "id": item_id,
        "title": title,
        "kind": kind,
        "difficulty": "medium",
        "target_minutes": 25,
        "topics": list(topics),
    }


PATH = LearningPath.model_validate(
    {
        "format": 1,
        "id": "backend-senior",
        "title": "Backend",
        "role": "Backend",
        "stages": [
            {
                "id": "coding",
                "title": "Coding",
                "items": [
                    _item("two-sum", "Two Sum", topics=("hash map", "array")),
                    _item("3sum", "3Sum", topics=("two pointers",)),
                    _item("course-schedule", "Course Schedule", topics=("Topological Sort",)),
                ],
            },
            {
                "id": "design",
                "title": "System design",
                "summary": "Bounded designs.",
                "items": [
                    _item("design-quiz", "System Design questions", kind="quiz"),
                    _item("url-shortener", "Design a URL Shortener", kind="design"),
                ],
            },
            {
                "id": "behavioral",
                "title": "Behavioral",
                "items": [_item("ownership", "Ownership", kind="behavioral")],
            },
        ],
    }
)


def _saved(
    item_id: str,
    status: ItemStatus,
    *,
    stage_id: str = "coding",
    title: str = "",
    notes: str = "",
    at: datetime = T0,
) -> SavedProgress:
    return SavedProgress(item_id, stage_id, title or item_id, status, at, notes)


def _by_id(*progress: SavedProgress) -> dict[str, SavedProgress]:
    return {entry.item_id: entry for entry in progress}


def _custom(item_id: str, stage_id: str, title: str, created: datetime) -> CustomItemRecord:
    item = PathItem(
        id=item_id,
        title=title,
        kind=ItemKind.CODE,
        difficulty=Difficulty.MEDIUM,
        target_minutes=25,
        topics=("linked list",),
    )
    return CustomItemRecord(item=item, stage_id=stage_id, created_at=created)


def _ids(checklist: Checklist, stage_id: str) -> list[str]:
    stage = next(stage for stage in checklist.stages if stage.id == stage_id)
    return [entry.id for entry in stage.items]


def _entry(checklist: Checklist, item_id: str) -> ChecklistItem:
    entry = checklist.find(item_id)
    assert entry is not None, f"{item_id} should be in the checklist"
    return entry


# --- merging ----------------------------------------------------------------------------------


def test_without_saved_progress_everything_is_todo_in_file_order() -> None:
    checklist = build_checklist(PATH, {})

    assert [stage.id for stage in checklist.stages] == ["coding", "design", "behavioral"]
    assert _ids(checklist, "coding") == ["two-sum", "3sum", "course-schedule"]
    assert all(
        entry.status is ItemStatus.TODO and not entry.is_custom and not entry.is_retired
        for stage in checklist.stages
        for entry in stage.items
    )
    assert checklist.stages[1].summary == "Bounded designs."


def test_saved_progress_is_merged_by_stable_id() -> None:
    saved = _by_id(
        _saved("3sum", ItemStatus.DONE, notes="Sort first."),
        _saved("url-shortener", ItemStatus.IN_PROGRESS, stage_id="design", at=T0 + timedelta(1)),
    )

    checklist = build_checklist(PATH, saved)

    three_sum = _entry(checklist, "3sum")
    assert (three_sum.status, three_sum.notes, three_sum.status_changed_at) == (
        ItemStatus.DONE,
        "Sort first.",
        T0,
    )
    assert _entry(checklist, "url-shortener").status is ItemStatus.IN_PROGRESS
    assert _entry(checklist, "two-sum").status is ItemStatus.TODO
    assert _entry(checklist, "two-sum").notes == ""


def test_progress_follows_an_item_that_moved_to_another_stage() -> None:
    # Saved while "ownership" was in the coding stage; the file now has it in behavioral.
    saved = _by_id(_saved("ownership", ItemStatus.DONE, stage_id="coding", title="Old title"))

    checklist = build_checklist(PATH, saved)

    assert "ownership" not in _ids(checklist, "coding")
    entry = _entry(checklist, "ownership")
    assert entry.stage_id == "behavioral"
    assert entry.status is ItemStatus.DONE
    assert entry.item.title == "Ownership", "the file's current title wins"
    assert not entry.is_retired


# --- retired items ----------------------------------------------------------------------------


def test_progress_for_a_removed_item_shows_as_retired_in_its_old_stage() -> None:
    saved = _by_id(
        _saved("lru-cache", ItemStatus.DONE, stage_id="design", title="LRU Cache", notes="Twice.")
    )

    checklist = build_checklist(PATH, saved)

    assert _ids(checklist, "design") == ["design-quiz", "url-shortener", "lru-cache"]
    entry = _entry(checklist, "lru-cache")
    assert entry.is_retired
    assert not entry.is_custom
    assert entry.stage_id == "design"
    assert entry.item.title == "LRU Cache"
    assert entry.status is ItemStatus.DONE
    assert entry.notes == "Twice."
    assert entry.status_changed_at == T0


def test_retired_item_whose_stage_is_gone_goes_to_the_last_stage() -> None:
    saved = _by_id(_saved("old-drill", ItemStatus.NEEDS_REVIEW, stage_id="warm-up", notes="Hmm"))

    checklist = build_checklist(PATH, saved)

    assert _ids(checklist, "behavioral")[-1] == "old-drill"
    entry = _entry(checklist, "old-drill")
    assert entry.is_retired
    assert entry.stage_id == "behavioral"
    assert (entry.status, entry.notes) == (ItemStatus.NEEDS_REVIEW, "Hmm")


def test_retired_items_do_not_count_towards_progress() -> None:
    saved = _by_id(
        _saved("two-sum", ItemStatus.DONE),
        _saved("gone-done", ItemStatus.DONE),
        _saved("gone-review", ItemStatus.NEEDS_REVIEW),
    )

    checklist = build_checklist(PATH, saved)
    coding = checklist.stages[0]

    assert len(coding.items) == 5
    assert (coding.counts.total, coding.counts.done, coding.counts.needs_review) == (3, 1, 0)
    assert checklist.counts.total == PATH.item_count()
    assert checklist.counts.done == 1


# --- custom items -----------------------------------------------------------------------------


def test_custom_items_come_at_the_end_of_their_stage_in_creation_order() -> None:
    custom = [
        _custom("custom-b", "coding", "Later one", T0 + timedelta(days=2)),
        _custom("custom-a", "coding", "Earlier one", T0 + timedelta(days=1)),
        _custom("custom-c", "design", "Design extra", T0),
    ]
    saved = _by_id(_saved("gone", ItemStatus.DONE))

    checklist = build_checklist(PATH, saved, custom)

    assert _ids(checklist, "coding") == [
        "two-sum",
        "3sum",
        "course-schedule",
        "custom-a",
        "custom-b",
        "gone",
    ]
    assert _ids(checklist, "design")[-1] == "custom-c"
    entry = _entry(checklist, "custom-a")
    assert entry.is_custom
    assert not entry.is_retired
    assert entry.item.title == "Earlier one"
    assert not _entry(checklist, "two-sum").is_custom


def test_custom_items_carry_their_progress_and_count() -> None:
    custom = [_custom("custom-lru", "coding", "LRU Cache", T0)]
    saved = _by_id(_saved("custom-lru", ItemStatus.DONE, title="LRU Cache", notes="Redo"))

    checklist = build_checklist(PATH, saved, custom)

    entry = _entry(checklist, "custom-lru")
    assert entry.is_custom
    assert not entry.is_retired, "progress on a custom item must not make it look retired"
    assert (entry.status, entry.notes) == (ItemStatus.DONE, "Redo")
    assert _ids(checklist, "coding").count("custom-lru") == 1
    assert checklist.stages[0].counts.total == 4
    assert checklist.stages[0].counts.done == 1


def test_custom_item_whose_stage_is_gone_is_still_shown() -> None:
    custom = [_custom("custom-lru", "old-stage", "LRU Cache", T0)]
    saved = _by_id(_saved("custom-lru", ItemStatus.DONE, stage_id="old-stage", notes="Redo"))

    checklist = build_checklist(PATH, saved, custom)

    entry = checklist.find("custom-lru")
    assert entry is not None
    assert entry.notes == "Redo"


# --- counts -----------------------------------------------------------------------------------


def test_counts_per_stage_and_overall() -> None:
    saved = _by_id(
        _saved("two-sum", ItemStatus.DONE),
        _saved("3sum", ItemStatus.NEEDS_REVIEW),
        _saved("course-schedule", ItemStatus.IN_PROGRESS),
        _saved("design-quiz", ItemStatus.DONE, stage_id="design"),
        _saved("ownership", ItemStatus.TODO, stage_id="behavioral"),
    )

    checklist = build_checklist(PATH, saved)

    coding, design, behavioral = (stage.counts for stage in checklist.stages)
    assert (coding.total, coding.done, coding.in_progress, coding.needs_review) == (3, 1, 1, 1)
    assert (design.total, design.done) == (2, 1)
    assert design.fraction_done == pytest.approx(0.5)
    assert (behavioral.total, behavioral.done) == (1, 0)
    overall = checklist.counts
    assert (overall.total, overall.done, overall.in_progress, overall.needs_review) == (6, 2, 1, 1)


def test_empty_stage_has_zero_fraction_done() -> None:
    assert count_progress([]).fraction_done == 0.0


# --- filtering --------------------------------------------------------------------------------


def _visible(checklist: Checklist, chosen: ChecklistFilter) -> list[str]:
    return [
        entry.id for stage in checklist.stages for entry in stage.items if chosen.accepts(entry)
    ]


@pytest.fixture
def mixed() -> Checklist:
    saved = _by_id(
        _saved("two-sum", ItemStatus.DONE),
        _saved("url-shortener", ItemStatus.NEEDS_REVIEW, stage_id="design"),
        _saved("retired-one", ItemStatus.DONE, stage_id="design", title="Old Hash Map drill"),
    )
    custom = [_custom("custom-lru", "coding", "LRU Cache", T0)]
    return build_checklist(PATH, saved, custom)


def test_empty_filter_shows_everything(mixed: Checklist) -> None:
    chosen = ChecklistFilter()

    assert not chosen.is_active
    assert len(_visible(mixed, chosen)) == sum(len(stage.items) for stage in mixed.stages)


def test_filter_by_status(mixed: Checklist) -> None:
    chosen = ChecklistFilter(statuses=frozenset({ItemStatus.DONE, ItemStatus.NEEDS_REVIEW}))

    assert chosen.is_active
    assert _visible(mixed, chosen) == ["two-sum", "url-shortener", "retired-one"]


def test_filter_by_kind_hides_retired_placeholders(mixed: Checklist) -> None:
    # A retired item's kind is a placeholder ("reading"), so it never matches a kind filter.
    assert _visible(mixed, ChecklistFilter(kinds=frozenset({ItemKind.DESIGN}))) == ["url-shortener"]
    assert _visible(mixed, ChecklistFilter(kinds=frozenset({ItemKind.READING}))) == []
    assert _visible(
        mixed, ChecklistFilter(kinds=frozenset({ItemKind.QUIZ, ItemKind.BEHAVIORAL}))
    ) == ["design-quiz", "ownership"]


def test_filter_by_text_matches_title_and_topics_ignoring_case(mixed: Checklist) -> None:
    assert _visible(mixed, ChecklistFilter(text="  HASH map ")) == ["two-sum", "retired-one"]
    assert _visible(mixed, ChecklistFilter(text="topological")) == ["course-schedule"]
    assert _visible(mixed, ChecklistFilter(text="linked list")) == ["custom-lru"]
    assert _visible(mixed, ChecklistFilter(text="no such thing")) == []
    assert not ChecklistFilter(text="   ").is_active


def test_filter_by_text_matches_the_kind_the_row_shows(mixed: Checklist) -> None:
    assert _visible(mixed, ChecklistFilter(text="quiz")) == ["design-quiz"]
    assert _visible(mixed, ChecklistFilter(text="Behavioral")) == ["ownership"]
    # The retired item's placeholder kind ("Reading / drill") is not on its row.
    assert _visible(mixed, ChecklistFilter(text="drill")) == ["retired-one"]  # its title


def test_filters_combine(mixed: Checklist) -> None:
    chosen = ChecklistFilter(
        statuses=frozenset({ItemStatus.TODO}), kinds=frozenset({ItemKind.CODE}), text="sum"
    )

    # "Two Sum" is done, so only "3Sum" passes all three.
    assert _visible(mixed, chosen) == ["3sum"]


def test_status_and_kind_labels_are_human_readable() -> None:
    assert [status.label for status in ItemStatus] == [
        "To do",
        "In progress",
        "Done",
        "Needs review",
    ]
    assert ItemKind.READING.label == "Reading / drill"
    assert Difficulty.HARD.label == "Hard"


def test_item_words_hold_the_kind_stage_and_topics_with_their_labels() -> None:
    from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
    from desktop.domain.progress import item_words

    item = PathItem(
        id="regularisation",
        title="Regularisation techniques",
        kind=ItemKind.QUIZ,
        difficulty=Difficulty.MEDIUM,
        target_minutes=30,
        topics=("bias-variance",),
    )
    labels = {"bias-variance": "Bias-variance and overfitting"}
    assert item_words(item, "ML fundamentals", topic_label=labels.__getitem__) == (
        "Regularisation techniques",
        "Quiz",
        "ML fundamentals",
        "bias-variance",
        "Bias-variance and overfitting",
    )
    assert item_words(item, "ML fundamentals", retired=True)[1:] == (
        "",
        "ML fundamentals",
        "bias-variance",
    )
