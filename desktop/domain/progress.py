"""The checklist as a user sees it: a path's items merged with their saved progress."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from desktop.domain.curriculum import Difficulty, ItemKind, LearningPath, PathItem

# Re-exported: most callers read the status with the checklist.
from desktop.domain.item_status import ItemStatus as ItemStatus


@dataclass(frozen=True)
class SavedProgress:
    """What the database remembers about one item, keyed by the item's stable id."""

    item_id: str
    stage_id: str
    title: str
    status: ItemStatus
    status_changed_at: datetime | None
    notes: str


@dataclass(frozen=True)
class CustomItemRecord:
    """An item the user added to a stage of a shipped or imported path."""

    item: PathItem
    stage_id: str
    created_at: datetime


@dataclass(frozen=True)
class ChecklistItem:
    item: PathItem
    stage_id: str
    status: ItemStatus = ItemStatus.TODO
    status_changed_at: datetime | None = None
    notes: str = ""
    is_custom: bool = False
    is_retired: bool = False

    @property
    def id(self) -> str:
        return self.item.id


@dataclass(frozen=True)
class StageProgressCounts:
    total: int
    done: int
    in_progress: int
    needs_review: int

    @property
    def fraction_done(self) -> float:
        return self.done / self.total if self.total else 0.0


@dataclass(frozen=True)
class ChecklistStage:
    id: str
    title: str
    summary: str | None
    items: tuple[ChecklistItem, ...] = field(default=())

    @property
    def counts(self) -> StageProgressCounts:
        return count_progress(self.items)


@dataclass(frozen=True)
class Checklist:
    path: LearningPath
    stages: tuple[ChecklistStage, ...]

    @property
    def counts(self) -> StageProgressCounts:
        return count_progress(item for stage in self.stages for item in stage.items)

    def find(self, item_id: str) -> ChecklistItem | None:
        for stage in self.stages:
            for item in stage.items:
                if item.id == item_id:
                    return item
        return None


def count_progress(items: Iterable[ChecklistItem]) -> StageProgressCounts:
    """Retired items keep their history but no longer count towards progress."""
    active = [item for item in items if not item.is_retired]
    statuses = [item.status for item in active]
    return StageProgressCounts(
        total=len(active),
        done=statuses.count(ItemStatus.DONE),
        in_progress=statuses.count(ItemStatus.IN_PROGRESS),
        needs_review=statuses.count(ItemStatus.NEEDS_REVIEW),
    )


def build_checklist(
    path: LearningPath,
    saved: Mapping[str, SavedProgress],
    custom: Iterable[CustomItemRecord] = (),
) -> Checklist:
    """Merge the path file with saved progress and custom items.

    Saved progress for an item the file no longer has is kept and shown as retired, in the
    stage it used to belong to (or the last stage if that stage is gone too).
    """
    known_stages = {stage.id for stage in path.stages}
    fallback_stage = path.stages[-1].id
    custom_by_stage: dict[str, list[CustomItemRecord]] = {}
    for record in sorted(custom, key=lambda r: r.created_at):
        # A custom item whose stage left the file stays visible (and removable) in the last one.
        stage_id = record.stage_id if record.stage_id in known_stages else fallback_stage
        custom_by_stage.setdefault(stage_id, []).append(record)
    shipped_ids = {item.id for stage in path.stages for item in stage.items}
    custom_ids = {record.item.id for records in custom_by_stage.values() for record in records}
    retired_by_stage: dict[str, list[SavedProgress]] = {}
    for progress in saved.values():
        if progress.item_id in shipped_ids or progress.item_id in custom_ids:
            continue
        stage_id = progress.stage_id if progress.stage_id in known_stages else fallback_stage
        retired_by_stage.setdefault(stage_id, []).append(progress)

    stages = []
    for stage in path.stages:
        items = [_merge(item, stage.id, saved.get(item.id)) for item in stage.items]
        items += [
            _merge(record.item, stage.id, saved.get(record.item.id), is_custom=True)
            for record in custom_by_stage.get(stage.id, [])
        ]
        items += [_retired(progress, stage.id) for progress in retired_by_stage.get(stage.id, [])]
        stages.append(ChecklistStage(stage.id, stage.title, stage.summary, tuple(items)))
    return Checklist(path, tuple(stages))


def _merge(
    item: PathItem, stage_id: str, progress: SavedProgress | None, *, is_custom: bool = False
) -> ChecklistItem:
    if progress is None:
        return ChecklistItem(item, stage_id, is_custom=is_custom)
    return ChecklistItem(
        item,
        stage_id,
        progress.status,
        progress.status_changed_at,
        progress.notes,
        is_custom=is_custom,
    )


def _retired(progress: SavedProgress, stage_id: str) -> ChecklistItem:
    placeholder = PathItem(
        id=progress.item_id,
        title=progress.title,
        kind=ItemKind.READING,
        difficulty=Difficulty.MEDIUM,
        target_minutes=30,
        description="This item is no longer part of the path. Your progress and notes are kept.",
    )
    return ChecklistItem(
        placeholder,
        stage_id,
        progress.status,
        progress.status_changed_at,
        progress.notes,
        is_retired=True,
    )


def item_words(
    item: PathItem,
    stage_title: str,
    *,
    retired: bool = False,
    topic_label: Callable[[str], str] | None = None,
) -> tuple[str, ...]:
    """What a search for path items looks at: the title, the kind as the row shows it
    ("Quiz", "Reading / drill"), the stage and the topics (with their labels if given). A
    retired item's kind is a placeholder its row leaves blank, so it is not matched."""
    kind = "" if retired else item.kind.label
    labels = [topic_label(topic) for topic in item.topics] if topic_label else []
    topics = dict.fromkeys([*item.topics, *labels])  # a label that is its id, once
    return (item.title, kind, stage_title, *topics)


@dataclass(frozen=True)
class ChecklistFilter:
    """What the user chose to see. Empty sets mean 'everything'."""

    statuses: frozenset[ItemStatus] = frozenset()
    kinds: frozenset[ItemKind] = frozenset()
    text: str = ""
    # The rows show topics by their labels ("Hash map"), so the text matches labels too.
    topic_label: Callable[[str], str] | None = field(default=None, compare=False)

    def accepts(self, entry: ChecklistItem, stage_title: str = "") -> bool:
        if self.statuses and entry.status not in self.statuses:
            return False
        if self.kinds and (entry.is_retired or entry.item.kind not in self.kinds):
            return False
        needle = self.text.strip().casefold()
        if needle:
            words = item_words(
                entry.item, stage_title, retired=entry.is_retired, topic_label=self.topic_label
            )
            haystack = " ".join(words).casefold()
            return needle in haystack
        return True

    @property
    def is_active(self) -> bool:
        return bool(self.statuses or self.kinds or self.text.strip())
