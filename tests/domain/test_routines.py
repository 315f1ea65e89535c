from __future__ import annotations

import pytest

from desktop.domain.data_file import DataFileError, parse_toml
from desktop.domain.routines import Cadence, RoutineKind, Routines, load_routines
from desktop.folders import shipped_data_dir
from desktop.profile import shipped_vocabulary
from tests.samples import sample_text

ROUTINE = sample_text("routine.toml")
VOCABULARY = shipped_vocabulary()


def test_shipped_routines_follow_the_source_document() -> None:
    routines = {
        r.id: r for r in load_routines(shipped_data_dir() / "routines.toml", VOCABULARY).routines
    }
    design = routines["weekly-system-design"]
    assert design.cadence is Cadence.WEEKLY and design.minutes == (30, 45)
    api = routines["api-design-exercise"]
    assert api.cadence is Cadence.MONTHLY and api.per_period == (1, 2)
    assert routines["retrospective"].cadence is Cadence.AFTER_EACH_SESSION
    assert {"coding-backend-context", "data-structure-drill", "load-latency-scenario",
            "mock-interview"} <= set(routines)  # fmt: skip
    assert api.cadence_text == "1 to 2 times a month"


def test_a_routine_with_a_backwards_range_is_refused(tmp_path) -> None:
    file = tmp_path / "routines.toml"
    file.write_text(ROUTINE.replace("minutes = [20, 30]", "minutes = [30, 20]"))
    with pytest.raises(DataFileError) as raised:
        load_routines(file, VOCABULARY)
    assert "low <= high" in raised.value.problem


def test_a_routine_id_used_twice_is_reported_with_its_line(tmp_path) -> None:
    file = tmp_path / "routines.toml"
    text = ROUTINE + ROUTINE.split("\n", 2)[2]
    file.write_text(text)
    with pytest.raises(DataFileError) as raised:
        load_routines(file, VOCABULARY)
    second_id = [n for n, line in enumerate(text.splitlines(), 1) if line == 'id = "drill"'][1]
    assert (
        raised.value.line == second_id
        and "routine id 'drill' is used twice" in raised.value.problem
    )
    assert Routines.model_validate(parse_toml(ROUTINE, "x")).routines[0].target_minutes == 30


def test_the_mock_interview_is_its_own_kind_and_drilling_routines_name_their_tags() -> None:
    routines = {
        r.id: r for r in load_routines(shipped_data_dir() / "routines.toml", VOCABULARY).routines
    }
    assert routines["mock-interview"].kind is RoutineKind.MOCK
    assert "capacity-estimation" in routines["weekly-system-design"].topics
    assert {"api-design", "auth", "rate-limiting"} <= set(routines["api-design-exercise"].topics)
    assert all(VOCABULARY.taxonomy.has(tag) for r in routines.values() for tag in r.topics)


def test_a_routine_topic_the_taxonomy_lacks_names_file_line_and_tag(tmp_path) -> None:
    file = tmp_path / "routines.toml"
    text = ROUTINE.replace("minutes = [20, 30]", 'minutes = [20, 30]\ntopics = ["trie", "tries"]')
    file.write_text(text)
    with pytest.raises(DataFileError) as raised:
        load_routines(file, VOCABULARY)
    assert raised.value.file == str(file)
    assert raised.value.line == text.splitlines().index('topics = ["trie", "tries"]') + 1
    assert "'tries' is not a tag" in raised.value.problem
