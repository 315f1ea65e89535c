"""The one rule for what a weak spot is practised with (the Trends row names it, Plan practice
plans its first): an unfinished path item on it, where it went wrong last, a finished item to
redo, and only with none of those the routine that drills it."""

from __future__ import annotations

from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
from desktop.domain.planner import Target
from desktop.domain.practice import AttemptSubject
from desktop.domain.routines import load_routines
from desktop.domain.weak_spot_practice import (
    PathCandidate,
    Practice,
    practice_for,
    practice_paths,
)
from desktop.folders import shipped_data_dir
from desktop.profile import Profile, shipped_vocabulary

ROUTINES = load_routines(shipped_data_dir() / "routines.toml", shipped_vocabulary()).routines
KINDS = {"dynamic-programming": "pattern", "observability": "topic"}


def _candidate(item_id: str, finished: bool, *tags: str) -> PathCandidate:
    item = PathItem(
        id=item_id,
        title=item_id.replace("-", " ").title(),
        kind=ItemKind.CODE,
        difficulty=Difficulty.MEDIUM,
        target_minutes=25,
        topics=tags,
    )
    return PathCandidate("backend", "Stage", item, finished, tags)


def _wrong_on(item_id: str) -> AttemptSubject:
    title = item_id.replace("-", " ").title()
    return AttemptSubject(title, "backend", item_id, kind="code", target_minutes=40)


STAIRS = _candidate("climbing-stairs", True, "dynamic-programming")
ROBBER = _candidate("house-robber", False, "dynamic-programming")
REGEX = _candidate("regex-matching", True, "dynamic-programming")
TWO_SUM = _candidate("two-sum", False, "hash-map")


def _titles(*args, **kwargs) -> list[str]:  # type: ignore[no-untyped-def]
    return [practice.named for practice in practice_for(*args, **kwargs)]


def test_an_unfinished_item_first_then_where_it_went_wrong_then_one_to_redo() -> None:
    wrong = [_wrong_on("regex-matching"), _wrong_on("climbing-stairs")]  # newest first
    found = practice_for("dynamic-programming", [STAIRS, ROBBER, REGEX, TWO_SUM], wrong,
                         ROUTINES, KINDS)  # fmt: skip
    assert [p.named for p in found] == [
        "House Robber",
        "Regex Matching (it went wrong there last)",
        "Climbing Stairs",  # done: to redo (Regex Matching is named once)
    ]
    assert [p.how for p in found] == [
        "next path item on it",
        "you struggled with it on Regex Matching",
        "a path item to redo",
    ]
    assert found[1].minutes == 40  # as the session it went wrong in was timed


def test_with_every_item_done_where_it_went_wrong_comes_first() -> None:
    wrong = [_wrong_on("regex-matching")]
    assert _titles("dynamic-programming", [STAIRS, REGEX], wrong, ROUTINES, KINDS) == [
        "Regex Matching (it went wrong there last)",
        "Climbing Stairs",
    ]


def test_a_session_off_the_paths_is_not_where_it_went_wrong() -> None:
    free = AttemptSubject("Free practice", kind="code", target_minutes=25)
    assert _titles("dynamic-programming", [STAIRS], [free], ROUTINES, KINDS) == ["Climbing Stairs"]


def test_the_routine_only_when_no_item_works_on_it() -> None:
    found = practice_for("observability", [STAIRS, TWO_SUM], [], ROUTINES, KINDS)
    assert [p.named for p in found] == ["System-design scenario (a routine)"]
    assert found[0].target.routine_id == "weekly-system-design"
    assert practice_for("observability", [], [], (), KINDS) == []


def test_the_paths_it_is_practised_on(profile: Profile) -> None:
    paths = profile.library.paths
    ids = [path.id for path in paths]
    assert len(ids) >= 3
    # The chosen one; else those followed, in library order; else every path.
    assert [p.id for p in practice_paths(paths, {ids[0]}, ids[2])] == [ids[2]]
    assert [p.id for p in practice_paths(paths, {ids[2], ids[0]})] == [ids[0], ids[2]]
    assert [p.id for p in practice_paths(paths, set())] == ids


def test_a_title_ending_in_brackets_takes_the_note_inside_them() -> None:
    cache = Target("Design a Distributed Cache (Memcached / Redis Cluster)", "p", "cache")
    named = Practice(cache, 45, "you struggled with it", "it went wrong there last").named
    assert (
        named == "Design a Distributed Cache (Memcached / Redis Cluster; it went wrong there last)"
    )
