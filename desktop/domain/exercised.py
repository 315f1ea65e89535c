"""Which taxonomy tags each path item exercises: its topics in the taxonomy's words, and for a
quiz item the topics of its questions. A session on an item is evidence about these tags
even when the learner ticks nothing."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence

from desktop.domain.curriculum import LearningPath, PathItem
from desktop.domain.routines import Routine
from desktop.domain.taxonomy import Taxonomy
from desktop.domain.weak_spots import PACE_PREFIX, pace_work

ItemKey = tuple[str, str]  # (path id, item id)


def exercised_tags(
    paths: Iterable[LearningPath],
    taxonomy: Taxonomy,
    quiz_topics: Mapping[str, Sequence[str]] | None = None,
) -> dict[ItemKey, tuple[str, ...]]:
    """Topics the taxonomy does not know (such as "string") are left out; a quiz item (its
    id names its quiz) adds the topics its questions ask about."""
    found: dict[ItemKey, tuple[str, ...]] = {}
    for path in paths:
        for stage in path.stages:
            for item in stage.items:
                tags = [taxonomy.resolve(topic) for topic in item.topics]
                tags += list((quiz_topics or {}).get(item.id, ()))
                known = tuple(dict.fromkeys(tag for tag in tags if tag))
                if known:
                    found[(path.id, item.id)] = known
    return found


def works_on(tag: str, item: PathItem, tags: Collection[str]) -> bool:
    """Whether a session on `item` practises `tag`: one of its tags, or for a pace weak spot
    ("pace:code:hard") an item of that kind of work, at that difficulty if it names one."""
    if not tag.startswith(PACE_PREFIX):
        return tag in tags
    work, *difficulty = tag.removeprefix(PACE_PREFIX).split(":")
    return item.kind.value == work and (not difficulty or item.difficulty.value == difficulty[0])


# The kind of work that drills a tag of each taxonomy kind, when no routine names the tag.
_WORK_FOR_KIND = {"pattern": "code", "mistake": "code", "topic": "design", "design_step": "design"}


def routine_for(
    tag: str, routines: Sequence[Routine], tag_kinds: Mapping[str, str]
) -> Routine | None:
    """The routine that drills a tag: one that names it, else one of its kind of work."""
    named = next((routine for routine in routines if tag in routine.topics), None)
    if named is not None:
        return named
    work = pace_work(tag) or _WORK_FOR_KIND.get(tag_kinds.get(tag, ""))
    return next((routine for routine in routines if routine.kind.value == work), None)
