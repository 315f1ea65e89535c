"""Progress on path items in the real database: statuses, history, notes and custom items."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from desktop.domain.curriculum import Difficulty, ItemKind, LearningPath, PathItem, Stage
from desktop.domain.progress import ItemStatus, build_checklist
from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from tests.clocks import StepClock
from tests.samples import add_custom_item

T0 = datetime(2026, 3, 1, 18, 0, tzinfo=UTC)


def _backend(profile: Profile) -> LearningPath:
    return next(path for path in profile.library.paths if path.id == "backend-senior")


def _first_stage(profile: Profile) -> tuple[LearningPath, Stage, PathItem]:
    path = _backend(profile)
    return path, path.stages[0], path.stages[0].items[0]


def _set(profile: Profile, status: ItemStatus, at: datetime, item: PathItem | None = None) -> bool:
    path, stage, first = _first_stage(profile)
    with session_scope(profile.engine) as session:
        return progress_store.set_status(
            session=session, path_id=path.id, stage_id=stage.id, item=item or first,
            status=status, now=at,
        )  # fmt: skip


def _history(profile: Profile, item_id: str) -> list[tuple[ItemStatus, datetime]]:
    with session_scope(profile.engine) as session:
        return progress_store.status_history(
            session=session, path_id="backend-senior", item_id=item_id
        )


def _custom(item_id: str = "custom-lru-cache") -> PathItem:
    return PathItem(
        id=item_id,
        title="LRU Cache",
        kind=ItemKind.CODE,
        difficulty=Difficulty.MEDIUM,
        target_minutes=25,
        topics=("hash map", "linked list"),
        link="https://leetcode.com/problems/lru-cache/",
        description="Asked in a recruiter screen.",
    )


# --- status and history -----------------------------------------------------------------------


def test_set_status_saves_and_logs_history_newest_first(profile: Profile) -> None:
    _path, _stage, item = _first_stage(profile)

    assert _set(profile, ItemStatus.IN_PROGRESS, T0)
    assert _set(profile, ItemStatus.DONE, T0 + timedelta(hours=1))
    assert _set(profile, ItemStatus.NEEDS_REVIEW, T0 + timedelta(days=3))

    assert _history(profile, item.id) == [
        (ItemStatus.NEEDS_REVIEW, T0 + timedelta(days=3)),
        (ItemStatus.DONE, T0 + timedelta(hours=1)),
        (ItemStatus.IN_PROGRESS, T0),
    ]
    with session_scope(profile.engine) as session:
        saved = progress_store.saved_progress(session=session, path_id="backend-senior")
    assert saved[item.id].status is ItemStatus.NEEDS_REVIEW
    assert saved[item.id].status_changed_at == T0 + timedelta(days=3)
    assert saved[item.id].stage_id == "foundations"
    assert saved[item.id].title == item.title


def test_setting_the_same_status_again_returns_false_and_logs_nothing(profile: Profile) -> None:
    _path, _stage, item = _first_stage(profile)
    assert _set(profile, ItemStatus.DONE, T0)

    assert not _set(profile, ItemStatus.DONE, T0 + timedelta(hours=2))

    assert _history(profile, item.id) == [(ItemStatus.DONE, T0)]
    with session_scope(profile.engine) as session:
        saved = progress_store.saved_progress(session=session, path_id="backend-senior")
    assert saved[item.id].status_changed_at == T0, "an unchanged status keeps its date"


def test_history_with_equal_times_keeps_the_order_of_changes(profile: Profile) -> None:
    _path, _stage, item = _first_stage(profile)
    for status in (ItemStatus.IN_PROGRESS, ItemStatus.DONE, ItemStatus.TODO):
        _set(profile, status, T0)

    assert [status for status, _at in _history(profile, item.id)] == [
        ItemStatus.TODO,
        ItemStatus.DONE,
        ItemStatus.IN_PROGRESS,
    ]


def test_history_is_kept_per_item_and_per_path(profile: Profile) -> None:
    path, stage, first = _first_stage(profile)
    second = stage.items[1]
    _set(profile, ItemStatus.DONE, T0, first)
    _set(profile, ItemStatus.IN_PROGRESS, T0, second)
    with session_scope(profile.engine) as session:
        progress_store.set_status(
            session=session, path_id="sre-devops", stage_id=stage.id, item=first,
            status=ItemStatus.NEEDS_REVIEW, now=T0,
        )  # fmt: skip

    assert _history(profile, first.id) == [(ItemStatus.DONE, T0)]
    assert _history(profile, second.id) == [(ItemStatus.IN_PROGRESS, T0)]
    with session_scope(profile.engine) as session:
        saved = progress_store.saved_progress(session=session, path_id=path.id)
    assert {key: value.status for key, value in saved.items()} == {
        first.id: ItemStatus.DONE,
        second.id: ItemStatus.IN_PROGRESS,
    }


def test_a_failed_action_is_rolled_back(profile: Profile) -> None:
    path, stage, item = _first_stage(profile)
    try:
        with session_scope(profile.engine) as session:
            progress_store.set_status(
                session=session, path_id=path.id, stage_id=stage.id, item=item,
                status=ItemStatus.DONE, now=T0,
            )  # fmt: skip
            raise RuntimeError("the user action failed half-way")
    except RuntimeError:
        pass

    assert _history(profile, item.id) == []
    with session_scope(profile.engine) as session:
        assert progress_store.saved_progress(session=session, path_id=path.id) == {}


# --- notes ------------------------------------------------------------------------------------


def test_notes_are_saved_and_merged_into_the_checklist(profile: Profile) -> None:
    path, stage, item = _first_stage(profile)
    notes = "Sort first.\n\n- [x] Redo from scratch\n- [ ] Explain it out loud"
    with session_scope(profile.engine) as session:
        progress_store.set_notes(
            session=session, path_id=path.id, stage_id=stage.id, item=item, notes=notes, now=T0
        )

    with session_scope(profile.engine) as session:
        saved = progress_store.saved_progress(session=session, path_id=path.id)
    checklist = build_checklist(path, saved)

    entry = checklist.find(item.id)
    assert entry is not None
    assert entry.notes == notes
    assert entry.status is ItemStatus.TODO, "writing notes does not change the status"
    assert _history(profile, item.id) == []


def test_notes_can_be_replaced_and_cleared(profile: Profile) -> None:
    path, stage, item = _first_stage(profile)
    for text in ("first draft", "second draft", ""):
        with session_scope(profile.engine) as session:
            progress_store.set_notes(
                session=session, path_id=path.id, stage_id=stage.id, item=item, notes=text,
                now=T0,
            )  # fmt: skip
        with session_scope(profile.engine) as session:
            saved = progress_store.saved_progress(session=session, path_id=path.id)
        assert saved[item.id].notes == text


# --- custom items -----------------------------------------------------------------------------


def test_custom_item_round_trips_with_topics_and_link(profile: Profile) -> None:
    path = _backend(profile)
    item = _custom()
    add_custom_item(profile.engine, item, path_id=path.id, stage_id="coding-medium", now=T0)

    with session_scope(profile.engine) as session:
        (record,) = progress_store.custom_items(session=session, path_id=path.id)

    assert record.item == item
    assert record.item.topics == ("hash map", "linked list")
    assert record.item.link == "https://leetcode.com/problems/lru-cache/"
    assert record.stage_id == "coding-medium"
    assert record.created_at == T0
    with session_scope(profile.engine) as session:
        assert progress_store.custom_items(session=session, path_id="sre-devops") == []


def test_custom_item_without_optional_fields_round_trips(profile: Profile) -> None:
    item = PathItem(
        id="custom-plain",
        title="Plain drill",
        kind=ItemKind.READING,
        difficulty=Difficulty.EASY,
        target_minutes=10,
    )
    add_custom_item(profile.engine, item, path_id="backend-senior", stage_id="foundations", now=T0)

    with session_scope(profile.engine) as session:
        (record,) = progress_store.custom_items(session=session, path_id="backend-senior")

    assert record.item == item
    assert record.item.topics == ()
    assert record.item.link is None


def test_custom_item_shows_in_its_stage_with_its_progress(profile: Profile) -> None:
    path = _backend(profile)
    item = _custom()
    with session_scope(profile.engine) as session:
        progress_store.add_custom_item(
            session=session, path_id=path.id, stage_id="coding-medium", item=item, now=T0
        )
        progress_store.set_status(
            session=session, path_id=path.id, stage_id="coding-medium", item=item,
            status=ItemStatus.DONE, now=T0,
        )  # fmt: skip

    with session_scope(profile.engine) as session:
        checklist = build_checklist(
            path,
            progress_store.saved_progress(session=session, path_id=path.id),
            progress_store.custom_items(session=session, path_id=path.id),
        )

    medium = next(stage for stage in checklist.stages if stage.id == "coding-medium")
    assert medium.items[-1].id == item.id
    assert medium.items[-1].is_custom
    assert medium.items[-1].status is ItemStatus.DONE
    assert medium.counts.total == 8
    assert medium.counts.done == 1


def test_new_custom_item_ids_are_unique_slugs() -> None:
    ids = {progress_store.new_custom_item_id() for _ in range(50)}

    assert len(ids) == 50
    assert all(item_id.startswith("custom-") for item_id in ids)
    # They must be valid item ids, or PathItem would refuse them.
    assert all(PathItem(**{**_custom().model_dump(), "id": item_id}) for item_id in ids)


def test_remove_custom_item_removes_its_progress_notes_and_history(profile: Profile) -> None:
    path = _backend(profile)
    item = _custom()
    keep = path.stages[0].items[0]
    add_custom_item(profile.engine, item, path_id=path.id, stage_id="coding-medium", now=T0)
    for status in (ItemStatus.IN_PROGRESS, ItemStatus.DONE):
        _set(profile, status, T0, item)
    _set(profile, ItemStatus.DONE, T0, keep)
    with session_scope(profile.engine) as session:
        progress_store.set_notes(
            session=session, path_id=path.id, stage_id="coding-medium", item=item,
            notes="Worth doing twice.", now=T0,
        )  # fmt: skip

    with session_scope(profile.engine) as session:
        progress_store.remove_custom_item(session=session, path_id=path.id, item_id=item.id)

    with session_scope(profile.engine) as session:
        assert progress_store.custom_items(session=session, path_id=path.id) == []
        saved = progress_store.saved_progress(session=session, path_id=path.id)
    assert item.id not in saved
    assert _history(profile, item.id) == []
    # Other items are untouched, and the removed item does not come back as "retired".
    assert saved[keep.id].status is ItemStatus.DONE
    assert _history(profile, keep.id) == [(ItemStatus.DONE, T0)]
    assert build_checklist(path, saved).find(item.id) is None


# --- persistence ------------------------------------------------------------------------------


def test_progress_survives_closing_and_reopening_the_profile(folder: ProfileFolder) -> None:
    first = open_profile(folder, clock=StepClock())
    try:
        path, stage, item = _first_stage(first)
        _set(first, ItemStatus.IN_PROGRESS, T0)
        _set(first, ItemStatus.DONE, T0 + timedelta(minutes=40))
        with session_scope(first.engine) as session:
            progress_store.set_notes(
                session=session, path_id=path.id, stage_id=stage.id, item=item,
                notes="Solved in 22 minutes.", now=T0,
            )  # fmt: skip
            progress_store.add_custom_item(
                session=session, path_id=path.id, stage_id="coding-medium", item=_custom(), now=T0
            )
    finally:
        first.close()

    second = open_profile(folder, clock=StepClock())
    try:
        assert second.upgrade_backup is None
        with session_scope(second.engine) as session:
            checklist = build_checklist(
                _backend(second),
                progress_store.saved_progress(session=session, path_id=path.id),
                progress_store.custom_items(session=session, path_id=path.id),
            )
        history = _history(second, item.id)
    finally:
        second.close()

    entry = checklist.find(item.id)
    assert entry is not None
    assert entry.status is ItemStatus.DONE
    assert entry.status_changed_at == T0 + timedelta(minutes=40)
    assert entry.notes == "Solved in 22 minutes."
    assert history == [
        (ItemStatus.DONE, T0 + timedelta(minutes=40)),
        (ItemStatus.IN_PROGRESS, T0),
    ]
    custom = checklist.find("custom-lru-cache")
    assert custom is not None
    assert custom.is_custom
    assert custom.item.topics == ("hash map", "linked list")
