"""A data file's problems are kept as data (one item each, with its line, field, near misses
and a hint for the terminal), so the command line and the window each say them their way."""

from __future__ import annotations

import pytest

from desktop.domain.data_file import DataFileError, did_you_mean
from desktop.domain.path_file import parse_path_text
from desktop.domain.vocabulary import SUGGESTED_TAGS, TAGS_COMMAND_HINT
from desktop.profile import shipped_vocabulary
from tests.samples import SMALL_PATH

VOCABULARY = shipped_vocabulary()


def _refused(text: str) -> DataFileError:
    with pytest.raises(DataFileError) as caught:
        parse_path_text(text, "/home/me/paths/mine.toml", VOCABULARY)
    return caught.value


def test_a_file_with_several_problems_gives_one_item_per_problem() -> None:
    error = _refused(
        SMALL_PATH.replace('kind = "reading"', 'kind = "readng"')
        .replace("target_minutes = 10", "target_minutes = 1")
        .replace('topics = ["hash-map"]', 'topics = ["hash mapp", "vibes"]')
    )

    found = [(p.file, p.line, p.field) for p in error.problems]
    assert found == [
        ("/home/me/paths/mine.toml", 13, "stages[1].items[1].kind"),
        ("/home/me/paths/mine.toml", 15, "stages[1].items[1].target_minutes"),
        ("/home/me/paths/mine.toml", 16, "stages[1].items[1].topics[1]"),
        ("/home/me/paths/mine.toml", 16, "stages[1].items[1].topics[2]"),
    ]
    assert all(not problem.more for problem in error.problems)
    kind, _bound, near_miss, far_off = error.problems
    assert kind.suggestions == ("reading",)
    assert near_miss.suggestions == ("hash-map",)
    assert far_off.suggestions == ()


def test_an_unknown_tag_offers_the_closest_tags_and_keeps_the_command_apart() -> None:
    error = _refused(SMALL_PATH.replace('topics = ["hash-map"]', 'topics = ["hash mapp"]'))

    assert error.suggestions == ("hash-map",)
    assert error.problem == (
        "the topic 'hash mapp' is not a tag Loopwise knows; did you mean 'hash-map'?"
    )
    assert "loopwise tags" not in error.problem  # what a window shows
    assert error.terminal_hint == TAGS_COMMAND_HINT
    # The command line's form still says where every tag is listed.
    assert str(error) == (
        "/home/me/paths/mine.toml, line 16 (field 'stages[1].items[1].topics[1]'): "
        f"{error.problem} (`loopwise tags` lists them)"
    )


def test_a_short_name_near_several_tags_offers_a_few_nearest_first() -> None:
    closest = VOCABULARY.closest("tree")

    assert 1 < len(closest) <= SUGGESTED_TAGS
    assert closest[0] == "trees"
    assert VOCABULARY.unknown("tree").endswith(did_you_mean(closest))


def test_nothing_close_offers_nothing() -> None:
    assert VOCABULARY.closest("vibes") == ()
    assert VOCABULARY.unknown("vibes") == "the topic 'vibes' is not a tag Loopwise knows"


@pytest.mark.parametrize(
    ("names", "said"),
    [
        ((), ""),
        (("a",), "; did you mean 'a'?"),
        (("a", "b"), "; did you mean 'a' or 'b'?"),
        (("a", "b", "c"), "; did you mean 'a', 'b' or 'c'?"),
    ],
)
def test_near_misses_read_as_one_question(names: tuple[str, ...], said: str) -> None:
    assert did_you_mean(names) == said


def test_problems_said_twice_are_kept_once_with_their_suggestions() -> None:
    from desktop.domain.data_file import all_problems

    same = DataFileError("f.toml", 3, "kind", "wrong", suggestions=("code",))
    merged = all_problems([same, DataFileError("f.toml", 1, "id", "missing"), same])

    assert [(p.line, p.suggestions) for p in merged.problems] == [(1, ()), (3, ("code",))]
