"""The learning paths shipped in data/paths: they load, and the Backend path matches its source."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.curriculum import Difficulty, ItemKind, LearningPath, Stage
from desktop.domain.path_file import load_path_dirs, read_path_file
from desktop.folders import shipped_data_dir
from desktop.profile import shipped_vocabulary

SHIPPED_DIR = shipped_data_dir() / "paths"
SHIPPED_FILES = sorted(SHIPPED_DIR.glob("*.toml"))
VOCABULARY = shipped_vocabulary()

# Stage titles of "Junior Backend to Senior Backend", in the order of the source document.
BACKEND_STAGES = [
    "Foundations: Algorithms and Data Structures",
    "Coding: Easy patterns",
    "Coding: Medium patterns",
    "Coding: Hard patterns",
    "Database fundamentals",
    "System Design basics",
    "Behavioral: Ownership evidence",
]
MEDIUM_PROBLEMS = [
    "Longest Substring Without Repeating Characters",
    "3Sum",
    "Group Anagrams",
    "Product of Array Except Self",
    "Number of Islands",
    "Course Schedule",
    "Kth Largest Element in an Array",
]
DESIGNS = [
    ("Design a URL Shortener (bit.ly)", Difficulty.MEDIUM),
    ("Design a Rate Limiter (API Throttling)", Difficulty.MEDIUM),
    ("Design a Distributed Cache (Memcached / Redis Cluster)", Difficulty.HARD),
    ("Design a News Feed (Twitter / Facebook)", Difficulty.HARD),
    ("Design a Chat System (WhatsApp / Slack)", Difficulty.HARD),
]
BEHAVIORAL_THEMES = [
    "Ownership (Amazon Leadership Principle)",
    "Dive Deep (Amazon Leadership Principle)",
    "Missed Deadline or Production Incident",
    "Leadership Without Authority",
    "Learning from Failure (Microsoft)",
]


@pytest.fixture(scope="module")
def shipped() -> dict[str, LearningPath]:
    loaded = load_path_dirs([SHIPPED_DIR], VOCABULARY)
    assert loaded.errors == ()
    return {path.id: path for path in loaded.paths}


@pytest.fixture(scope="module")
def backend(shipped: dict[str, LearningPath]) -> LearningPath:
    return shipped["backend-senior"]


def _stage(path: LearningPath, title: str) -> Stage:
    matches = [stage for stage in path.stages if stage.title == title]
    assert len(matches) == 1, f"expected exactly one stage titled {title!r}"
    return matches[0]


def test_there_are_shipped_path_files() -> None:
    assert SHIPPED_DIR.is_dir()
    assert len(SHIPPED_FILES) >= 3


@pytest.mark.parametrize("file", SHIPPED_FILES, ids=[file.name for file in SHIPPED_FILES])
def test_every_shipped_file_loads_without_errors(file: Path) -> None:
    path = read_path_file(file)

    assert path.item_count() > 0
    assert all(stage.items for stage in path.stages), "no shipped stage should be empty"


@pytest.mark.parametrize("file", SHIPPED_FILES, ids=[file.name for file in SHIPPED_FILES])
def test_item_ids_are_unique_within_each_path(file: Path) -> None:
    path = read_path_file(file)
    ids = [item.id for stage in path.stages for item in stage.items]

    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("file", SHIPPED_FILES, ids=[file.name for file in SHIPPED_FILES])
def test_file_is_named_after_its_path_id(file: Path) -> None:
    # Importing writes <id>.toml to the user folder; the shipped files follow the same rule.
    assert read_path_file(file).id == file.stem


def test_backend_path_is_present_and_listed_first(shipped: dict[str, LearningPath]) -> None:
    loaded = load_path_dirs([SHIPPED_DIR])

    assert loaded.paths[0].id == "backend-senior"
    assert shipped["backend-senior"].title == "Junior Backend to Senior Backend"


def test_backend_has_the_seven_stages_in_source_order(backend: LearningPath) -> None:
    assert [stage.title for stage in backend.stages] == BACKEND_STAGES


def test_medium_coding_stage_has_exactly_the_seven_named_problems(backend: LearningPath) -> None:
    stage = _stage(backend, "Coding: Medium patterns")

    assert [item.title for item in stage.items] == MEDIUM_PROBLEMS
    assert {item.kind for item in stage.items} == {ItemKind.CODE}
    assert {item.difficulty for item in stage.items} == {Difficulty.MEDIUM}
    assert {item.target_minutes for item in stage.items} == {25}


def test_system_design_starts_with_a_quiz_then_five_designs(backend: LearningPath) -> None:
    stage = _stage(backend, "System Design basics")
    quiz, *rest = stage.items
    designs = rest[: len(DESIGNS)]

    assert quiz.kind is ItemKind.QUIZ
    assert quiz.question_count == 25
    assert "System Design questions" in quiz.title
    assert [(item.title, item.difficulty) for item in designs] == DESIGNS
    assert {item.kind for item in designs} == {ItemKind.DESIGN}
    assert all(30 <= item.target_minutes <= 45 for item in designs)


# The practice document's backend focus areas, each a tag with an item of its own.
FOCUS_AREAS = [
    "locking-concurrency",
    "async-batch-processing",
    "streaming-pipelines",
    "api-design",
    "idempotency",
    "auth",
    "rate-limiting",
    "http-semantics",
    "load-latency",
]


@pytest.mark.parametrize("tag", FOCUS_AREAS)
def test_every_backend_focus_area_has_an_item_that_works_on_it(
    backend: LearningPath, tag: str
) -> None:
    assert VOCABULARY.taxonomy.has(tag)
    assert any(tag in item.topics for stage in backend.stages for item in stage.items)


@pytest.mark.parametrize(
    ("tag", "stages"),
    [
        ("dynamic-programming", {"Coding: Easy patterns", "Coding: Hard patterns"}),
        ("backtracking", {"Coding: Hard patterns"}),
        ("trie", {"Foundations: Algorithms and Data Structures", "Coding: Hard patterns"}),
        ("intervals", {"Foundations: Algorithms and Data Structures"}),
        ("heap-top-k", {"Coding: Easy patterns", "Coding: Medium patterns"}),
    ],
)
def test_the_coding_patterns_the_practice_document_names_have_real_problems(
    backend: LearningPath, tag: str, stages: set[str]
) -> None:
    found = {
        stage.title
        for stage in backend.stages
        for item in stage.items
        if tag in item.topics and item.kind is ItemKind.CODE and item.link
    }
    assert stages <= found


@pytest.mark.parametrize("file", SHIPPED_FILES, ids=lambda f: f.name)
def test_every_shipped_topic_is_written_as_its_id(file: Path) -> None:
    """Shipped files use the ids themselves, not labels or aliases, so they read as stored."""
    plain = read_path_file(file)
    checked = read_path_file(file, VOCABULARY)
    assert [i.topics for s in plain.stages for i in s.items] == [
        i.topics for s in checked.stages for i in s.items
    ]
    assert all(item.topics for stage in plain.stages for item in stage.items)


def test_behavioral_stage_has_the_five_themes(backend: LearningPath) -> None:
    stage = _stage(backend, "Behavioral: Ownership evidence")

    assert [item.title for item in stage.items] == BEHAVIORAL_THEMES
    assert {item.kind for item in stage.items} == {ItemKind.BEHAVIORAL}


@pytest.mark.parametrize(
    "title",
    [
        "Foundations: Algorithms and Data Structures",
        "Coding: Easy patterns",
        "Coding: Hard patterns",
        "Database fundamentals",
    ],
)
def test_stages_without_a_listed_curriculum_have_six_to_fifteen_items(
    backend: LearningPath, title: str
) -> None:
    stage = _stage(backend, title)

    assert 6 <= len(stage.items) <= 15
    assert all(item.description for item in stage.items), "each item should say what to do"


def test_coding_stages_climb_in_difficulty(backend: LearningPath) -> None:
    easy = _stage(backend, "Coding: Easy patterns")
    hard = _stage(backend, "Coding: Hard patterns")

    assert {item.difficulty for item in easy.items} == {Difficulty.EASY}
    assert {item.difficulty for item in hard.items} == {Difficulty.HARD}
    assert all(item.kind is ItemKind.CODE and item.link for item in hard.items)


def test_item_ids_are_unique_across_the_backend_path(backend: LearningPath) -> None:
    ids = [item.id for stage in backend.stages for item in stage.items]

    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("role", ["SRE / DevOps", "ML Engineer"])
def test_other_role_paths_exist_with_five_to_seven_stages(
    shipped: dict[str, LearningPath], role: str
) -> None:
    matches = [path for path in shipped.values() if path.role == role]

    assert len(matches) == 1, f"expected one shipped path for the {role} role"
    path = matches[0]
    assert 5 <= len(path.stages) <= 7
    assert all(stage.items for stage in path.stages)
