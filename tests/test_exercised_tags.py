"""Which taxonomy tags each path item exercises, as the weak spots read them."""

from __future__ import annotations

from desktop.domain.curriculum import Difficulty, ItemKind, PathItem
from desktop.profile import Profile
from tests.samples import SMALL_PATH, add_custom_item


def test_item_topics_and_quiz_topics_become_taxonomy_tags(profile: Profile) -> None:
    tags = profile.exercised_tags()
    assert "heap-top-k" in tags[("backend-senior", "implement-binary-heap")]  # "heap" resolved
    quiz = tags[("backend-senior", "system-design-quiz")]
    assert {"load-balancing", "rate-limiting", "cdn"} <= set(quiz)  # its questions' topics
    assert profile.exercised_tags() is tags  # worked out once per library


def test_a_path_added_later_is_read_after_the_library_reloads(profile: Profile) -> None:
    before = profile.exercised_tags()
    mine = SMALL_PATH.replace('topics = ["hash-map"]', 'topics = ["heap"]')
    (profile.folder.path_files_dir / "mine.toml").write_text(mine, encoding="utf-8")
    profile.reload_library()
    after = profile.exercised_tags()
    assert after is not before
    assert after[("mine", "a")] == ("heap-top-k",)  # an alias is read as its id


def test_a_path_file_with_a_topic_the_taxonomy_lacks_is_reported_not_loaded(
    profile: Profile,
) -> None:
    mine = SMALL_PATH.replace('topics = ["hash-map"]', 'topics = ["heap", "made-up"]')
    (profile.folder.path_files_dir / "mine.toml").write_text(mine, encoding="utf-8")
    library = profile.reload_library()
    assert "mine" not in {path.id for path in library.paths}
    (error,) = [e for e in library.errors if e.file.endswith("mine.toml")]
    assert error.line is not None and "'made-up' is not a tag" in error.problem


def test_an_item_added_in_the_app_counts_with_its_topics_at_once(profile: Profile) -> None:
    item = PathItem(
        id="custom-lru",
        title="LRU cache from scratch",
        kind=ItemKind.CODE,
        difficulty=Difficulty.MEDIUM,
        target_minutes=30,
        topics=("hash-map", "Linked list", "not-a-tag"),
    )
    add_custom_item(profile.engine, item, stage_id="foundations", now=profile.clock())
    tags = profile.exercised_tags()
    assert tags[("backend-senior", "custom-lru")] == ("hash-map", "linked-list")
    assert ("backend-senior", "implement-binary-heap") in tags  # the path files' still there
