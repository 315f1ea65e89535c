"""`loopwise weak-spots` prints what the Trends page lists, as text or JSON."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.clock import CLOCK_START_ENV
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.folders import ProfileFolder
from desktop.profile import open_profile
from desktop.store import practice as practice_store
from desktop.store.database import session_scope
from tests.clocks import StepClock, clock_start

pytestmark = pytest.mark.any_date


@pytest.fixture
def data_dir(folder: ProfileFolder, monkeypatch: pytest.MonkeyPatch) -> str:
    """A profile where dynamic programming keeps going wrong and hash maps go fine."""
    now = clock_start()
    monkeypatch.setenv(CLOCK_START_ENV, now.isoformat())
    profile = open_profile(folder, clock=StepClock())
    with session_scope(profile.engine) as session:
        for day in range(12):
            stuck = day < 5
            attempt = Attempt(
                AttemptSubject("Practice", "backend-senior", kind="code", target_minutes=25),
                now - timedelta(days=day + 0.5),
                20 * 60,
                Outcome.STUCK if stuck else Outcome.SOLVED,
                2 if stuck else 4,
                patterns=("dynamic-programming",) if stuck else ("hash-map",),
                struggles=("dynamic-programming",) if stuck else (),
            )
            practice_store.log_attempt(session=session, attempt=attempt, now=now)
    profile.close()
    return str(folder.data_dir)


def test_the_list_prints_with_how_sure_it_is(
    data_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["weak-spots", "--data-dir", data_dir]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. Dynamic programming: went wrong in 5 of the last 5 attempts")
    assert "   Clear: 5 of 5 went wrong;" in out
    # The backend path's dynamic-programming items, as the Trends row names them.
    assert "   Practise it with: House Robber, Coin Change, Climbing Stairs" in out


def test_json_carries_tags_scores_intervals_counts_and_attempt_ids(
    data_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["weak-spots", "--data-dir", data_dir, "--json", "--period", "all"]) == 0
    printed = json.loads(capsys.readouterr().out)
    (spot,) = printed["weak_spots"]
    assert spot["tag"] == "dynamic-programming" and spot["certainty"] == "Clear"
    assert (spot["went_wrong"], spot["sessions"]) == (5, 5)
    low, high = spot["interval"]
    assert spot["usual_rate"] < low <= spot["rate"] <= high
    assert len(spot["attempt_ids"]) == 5 and printed["period"] == "all"
    assert spot["interval_percent"] == 80 and printed["older_sessions"] == 0
    assert "Climbing Stairs" in spot["practise_with"]


def test_a_path_filter_and_a_period_narrow_the_evidence(
    data_dir: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["weak-spots", "--data-dir", data_dir, "--json", "--path", "sre-devops"]) == 0
    assert json.loads(capsys.readouterr().out)["weak_spots"] == []
    assert main(["weak-spots", "--data-dir", data_dir, "--json", "--period", "1d"]) == 0
    assert json.loads(capsys.readouterr().out)["weak_spots"] == []  # one attempt: too little


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--period", "3 weeks"], "--period 3 weeks: use a number of days"),
        (["--path", "nope"], "no learning path 'nope'"),
    ],
)
def test_bad_arguments_are_explained(
    data_dir: str, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    assert main(["weak-spots", "--data-dir", data_dir, *args]) == 2
    assert said in capsys.readouterr().err


@pytest.mark.parametrize(
    "command", [["weak-spots"], ["export", "all.json"], ["export", "--format", "markdown", "vault"]]
)
def test_a_folder_without_a_profile_is_refused_not_started(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # A mistyped folder name must not read as an empty history, nor leave a profile there.
    missing = tmp_path / "typo"
    assert main(["--data-dir", str(missing), *command]) == 1
    assert f"There is no Loopwise profile in {missing} yet." in capsys.readouterr().err
    assert not missing.exists()


@pytest.mark.parametrize("command", [["weak-spots"], ["export", "all.json"]])
def test_a_link_to_a_missing_database_is_told_as_such_not_as_no_profile(
    tmp_path: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "profile"
    data.mkdir()
    elsewhere = tmp_path / "usb-stick" / "loopwise.sqlite3"  # a drive that is not connected
    (data / "loopwise.sqlite3").symlink_to(elsewhere)
    assert main(["--data-dir", str(data), *command]) == 1
    said = capsys.readouterr().err
    assert f"it is a link to {elsewhere}, which is not there" in said
    assert "There is no Loopwise profile" not in said
    assert not elsewhere.parent.exists()


def test_json_counts_sessions_as_trends_does_and_mock_interviews_apart(
    data_dir: str, folder: ProfileFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page's "12 sessions" are practice sessions; the model also weighs mock interviews,
    and its total was once printed as "sessions" (479 against the page's 474)."""
    from desktop.domain.mocks import RUBRIC, MockInterview, MockKind
    from desktop.store import mocks as mocks_store

    now = clock_start()
    profile = open_profile(folder, clock=StepClock())
    with session_scope(profile.engine) as session:
        scores = {key: 2 for key, _label in RUBRIC[MockKind.CODING]}
        mock = MockInterview(now - timedelta(days=2), MockKind.CODING, scores)
        mocks_store.log_mock(session=session, mock=mock, now=now)
    profile.close()
    assert main(["weak-spots", "--data-dir", data_dir, "--json", "--period", "90d"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert (printed["sessions"], printed["mock_interviews"]) == (12, 1)
    assert printed["weighed"] == 13 and printed["older_sessions"] == 0
