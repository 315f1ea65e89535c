from __future__ import annotations

import pytest

from desktop.domain.data_file import DataFileError, parse_toml
from desktop.domain.routines import Cadence, Routines, load_routines
from desktop.folders import shipped_data_dir
from tests.samples import sample_text

ROUTINE = sample_text("routine.toml")


def test_shipped_routines_follow_the_source_document() -> None:
    routines = {r.id: r for r in load_routines(shipped_data_dir() / "routines.toml").routines}
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
        load_routines(file)
    assert "low <= high" in raised.value.problem


def test_a_routine_id_used_twice_is_reported_with_its_line(tmp_path) -> None:
    file = tmp_path / "routines.toml"
    text = ROUTINE + ROUTINE.split("\n", 2)[2]
    file.write_text(text)
    with pytest.raises(DataFileError) as raised:
        load_routines(file)
    second_id = [n for n, line in enumerate(text.splitlines(), 1) if line == 'id = "drill"'][1]
    assert (
        raised.value.line == second_id
        and "routine id 'drill' is used twice" in raised.value.problem
    )
    assert Routines.model_validate(parse_toml(ROUTINE, "x")).routines[0].target_minutes == 30
