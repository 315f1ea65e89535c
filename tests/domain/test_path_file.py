"""Reading learning-path files: a person who mistypes one must be told the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.curriculum import Difficulty, ItemKind
from desktop.domain.path_file import (
    MAX_FILE_BYTES,
    PathFileError,
    load_path_dirs,
    parse_path_text,
    read_path_file,
)
from tests.samples import edited, line_of, raised, sample_text

VALID = sample_text("tiny-path.toml")


def _edit(old: str, new: str, text: str = VALID) -> str:
    return edited(text, old, new)


def _parse_error(text: str, file_name: str = "my-path.toml") -> PathFileError:
    return raised(PathFileError, parse_path_text, text, file_name)


# --- a good file ------------------------------------------------------------------------------


def test_valid_file_parses_into_stages_and_items_in_file_order() -> None:
    path = parse_path_text(VALID, "tiny.toml")

    assert (path.id, path.title, path.role) == ("tiny-path", "Tiny path", "Backend")
    assert [stage.id for stage in path.stages] == ["warm-up", "design"]
    assert [item.id for item in path.stages[1].items] == ["design-quiz", "url-shortener"]
    two_sum = path.stages[0].items[0]
    assert two_sum.kind is ItemKind.CODE
    assert two_sum.difficulty is Difficulty.EASY
    assert two_sum.target_minutes == 15
    assert two_sum.topics == ("hash map", "array")
    assert two_sum.link == "https://leetcode.com/problems/two-sum/"
    assert path.stages[1].items[0].question_count == 25
    assert path.stages[1].summary == "Bounded designs."
    assert path.item_count() == 3


def test_read_path_file_reads_a_utf8_file_from_disk(tmp_path: Path) -> None:
    file = tmp_path / "tiny.toml"
    file.write_text(_edit('title = "Tiny path"', 'title = "Kleiner Pfad für Übungen"'), "utf-8")

    assert read_path_file(file).title == "Kleiner Pfad für Übungen"


def test_windows_line_endings_are_accepted(tmp_path: Path) -> None:
    file = tmp_path / "tiny.toml"
    file.write_bytes(VALID.replace("\n", "\r\n").encode("utf-8"))

    assert read_path_file(file).item_count() == 3


# --- invalid TOML -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "bad_line"),
    [
        ("target_minutes = 35", "target_minutes = 35 minutes", "target_minutes = 35 minutes"),
        ('title = "Design"', 'title = "Design', 'title = "Design'),
        ("question_count = 25", "question_count 25", "question_count 25"),
    ],
    ids=["trailing-word", "unterminated-string", "missing-equals"],
)
def test_invalid_toml_names_the_file_and_the_line(old: str, new: str, bad_line: str) -> None:
    text = _edit(old, new)

    error = _parse_error(text)

    assert error.file == "my-path.toml"
    assert error.line == line_of(text, bad_line)
    assert error.field is None
    assert error.problem.startswith("this is not valid TOML")
    assert f"my-path.toml, line {error.line}: this is not valid TOML" in str(error)
    assert "(at line" not in str(error), "the line must be reported once, not twice"


def test_a_key_given_twice_points_at_the_second_one() -> None:
    text = _edit('role = "Backend"\n', 'role = "Backend"\nrole = "SRE"\n')

    error = _parse_error(text)

    assert error.line == line_of(text, 'role = "SRE"')
    assert "not valid TOML" in error.problem


# --- schema errors: file, 1-based line and dotted field ----------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "line", "occurrence", "field", "problem"),
    [
        (
            'kind = "quiz"',
            'kind = "puzzle"',
            'kind = "puzzle"',
            1,
            "stages[2].items[1].kind",
            "must be one of",
        ),
        (
            'kind = "code"',
            'kind = "Code"',
            'kind = "Code"',
            1,
            "stages[1].items[1].kind",
            "must be one of",
        ),
        (
            'title = "Design a URL Shortener"\n',
            "",
            "[[stages.items]]",
            3,
            "stages[2].items[2].title",
            "required but missing",
        ),
        (
            'title = "Design"\n',
            "",
            "[[stages]]",
            2,
            "stages[2].title",
            "required but missing",
        ),
        (
            "target_minutes = 35\n",
            "target_minutes = 35\nestimate = 20\n",
            "estimate = 20",
            1,
            "stages[2].items[2].estimate",
            "not known",
        ),
        (
            'summary = "Bounded designs."\n',
            'summary = "Bounded designs."\ncolour = "blue"\n',
            'colour = "blue"',
            1,
            "stages[2].colour",
            "not known",
        ),
        (
            'role = "Backend"\n',
            'role = "Backend"\nversion = 2\n',
            "version = 2",
            1,
            "version",
            "not known",
        ),
        (
            "target_minutes = 15",
            "target_minutes = 0",
            "target_minutes = 0",
            1,
            "stages[1].items[1].target_minutes",
            "must be 5 or more",
        ),
        (
            "target_minutes = 35",
            "target_minutes = 600",
            "target_minutes = 600",
            1,
            "stages[2].items[2].target_minutes",
            "must be 240 or less",
        ),
        (
            "target_minutes = 30",
            'target_minutes = "half an hour"',
            'target_minutes = "half an hour"',
            1,
            "stages[2].items[1].target_minutes",
            "integer",
        ),
        (
            "target_minutes = 30",
            "target_minutes = true",
            "target_minutes = true",
            1,
            "stages[2].items[1].target_minutes",
            "integer",
        ),
        (
            "question_count = 25",
            "question_count = 25.0",
            "question_count = 25.0",
            1,
            "stages[2].items[1].question_count",
            "integer",
        ),
        (
            "question_count = 25",
            "question_count = 0",
            "question_count = 0",
            1,
            "stages[2].items[1].question_count",
            "must be 1 or more",
        ),
        (
            'link = "https://leetcode.com/problems/two-sum/"',
            'link = "ftp://example.com/two-sum"',
            'link = "ftp://example.com/two-sum"',
            1,
            "stages[1].items[1].link",
            "web address",
        ),
        (
            'id = "warm-up"',
            'id = "Warm Up"',
            'id = "Warm Up"',
            1,
            "stages[1].id",
            "lowercase letters",
        ),
        (
            'topics = ["hash map", "array"]',
            'topics = ["hash map", ""]',
            'topics = ["hash map", ""]',
            1,
            "stages[1].items[1].topics[2]",
            "at least 1 character",
        ),
        (
            "format = 1",
            "format = 2",
            "format = 2",
            1,
            "format",
            "must be 1 or less (the file format",
        ),
    ],
    ids=[
        "bad-kind",
        "kind-wrong-case",
        "item-title-missing",
        "stage-title-missing",
        "unknown-item-key",
        "unknown-stage-key",
        "unknown-top-level-key",
        "target-too-small",
        "target-too-large",
        "target-not-a-number",
        "target-true-is-not-a-number",
        "question-count-not-whole",
        "question-count-zero",
        "link-not-web",
        "stage-id-not-a-slug",
        "empty-topic",
        "unknown-format",
    ],
)
def test_schema_error_names_file_line_and_field(
    old: str, new: str, line: str, occurrence: int, field: str, problem: str
) -> None:
    text = _edit(old, new)

    error = _parse_error(text)

    assert error.file == "my-path.toml"
    assert error.field == field
    assert error.line == line_of(text, line, occurrence)
    assert problem in error.problem
    assert str(error).startswith(f"my-path.toml, line {error.line} (field '{field}'): ")


def test_missing_top_level_title_names_the_field() -> None:
    error = _parse_error(_edit('title = "Tiny path"\n', ""))

    assert error.field == "title"
    assert "required" in error.problem


def test_a_path_without_stages_is_rejected() -> None:
    start_of_stages = VALID.index("[[stages]]")
    text = VALID[:start_of_stages] + "stages = []\n"

    error = _parse_error(text)

    assert error.field == "stages"
    assert error.line == line_of(text, "stages = []")


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ('id = "url-shortener"', 'id = "two-sum"', "stages[2].items[2].id"),
        ('id = "design"', 'id = "warm-up"', "stages[2].id"),
    ],
    ids=["item", "stage"],
)
def test_duplicate_id_names_the_second_use(old: str, new: str, field: str) -> None:
    text = _edit(old, new)

    error = _parse_error(text)

    assert "used twice" in error.problem
    assert error.field == field
    assert error.line == line_of(text, new, 2)


def test_duplicate_item_id_is_rejected_and_named() -> None:
    """The part of the duplicate-id report that works today: the file and the id are named."""
    error = _parse_error(_edit('id = "url-shortener"', 'id = "two-sum"'))

    assert error.file == "my-path.toml"
    assert "item id 'two-sum' is used twice" in error.problem


def test_header_with_a_comment_does_not_shift_the_reported_line() -> None:
    stage_three = (
        '\n[[stages]]\nid = "wrap-up"\ntitle = "Wrap-up"\n\n[[stages.items]]\nid = "retro"\n'
        'title = "Retro"\nkind = "quiz"\ndifficulty = "easy"\ntarget_minutes = 10\n'
    )
    text = _edit('[[stages]]\nid = "warm-up"', '[[stages]]  # start here\nid = "warm-up"')
    text = _edit(
        'kind = "quiz"\ndifficulty = "medium"', 'kind = "puzzle"\ndifficulty = "medium"', text
    )
    text += stage_three

    error = _parse_error(text)

    assert error.field == "stages[2].items[1].kind"
    assert error.line == line_of(text, 'kind = "puzzle"')


# --- files that cannot be read ---------------------------------------------------------------


def test_non_utf8_file_is_reported_clearly(tmp_path: Path) -> None:
    file = tmp_path / "latin1.toml"
    file.write_bytes(_edit('title = "Tiny path"', 'title = "Caf\u00e9"').encode("latin-1"))

    with pytest.raises(PathFileError) as caught:
        read_path_file(file)

    assert caught.value.file == str(file)
    assert caught.value.line is None
    assert "not UTF-8" in caught.value.problem


def test_missing_file_is_reported_clearly(tmp_path: Path) -> None:
    file = tmp_path / "gone.toml"

    with pytest.raises(PathFileError) as caught:
        read_path_file(file)

    assert caught.value.file == str(file)
    assert "cannot be read" in caught.value.problem
    assert "No such file" in caught.value.problem


def test_unreadable_file_is_reported_clearly(tmp_path: Path) -> None:
    # A folder named like a path file: it exists but cannot be read as a file (works as root too).
    folder = tmp_path / "folder.toml"
    folder.mkdir()

    with pytest.raises(PathFileError) as caught:
        read_path_file(folder)

    assert caught.value.file == str(folder)
    assert "cannot be read" in caught.value.problem


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "huge.toml"
    file.write_bytes(VALID.encode() + b"#" * MAX_FILE_BYTES)

    with pytest.raises(PathFileError) as caught:
        read_path_file(file)

    assert "larger than 2 MB" in caught.value.problem


# --- loading folders --------------------------------------------------------------------------


def _write_path(folder: Path, name: str, path_id: str, title: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / name
    text = _edit('id = "tiny-path"', f'id = "{path_id}"')
    file.write_text(_edit('title = "Tiny path"', f'title = "{title}"', text), "utf-8")
    return file


def test_load_path_dirs_skips_a_bad_file_and_keeps_the_good_ones(tmp_path: Path) -> None:
    folder = tmp_path / "paths"
    _write_path(folder, "a.toml", "alpha", "Alpha")
    _write_path(folder, "c.toml", "gamma", "Gamma")
    broken = folder / "b.toml"
    broken.write_text(_edit('kind = "quiz"', 'kind = "puzzle"'), "utf-8")
    (folder / "notes.txt").write_text("not a path file", "utf-8")

    loaded = load_path_dirs([folder])

    assert sorted(path.id for path in loaded.paths) == ["alpha", "gamma"]
    assert len(loaded.errors) == 1
    assert loaded.errors[0].file == str(broken)
    assert loaded.errors[0].field == "stages[2].items[1].kind"


def test_later_folder_replaces_a_path_with_the_same_id(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    user = tmp_path / "user"
    _write_path(shipped, "alpha.toml", "alpha", "Alpha as shipped")
    _write_path(shipped, "beta.toml", "beta", "Beta")
    edited = _write_path(user, "my-alpha.toml", "alpha", "Alpha as edited")

    loaded = load_path_dirs([shipped, user])

    titles = {path.id: path.title for path in loaded.paths}
    assert titles == {"alpha": "Alpha as edited", "beta": "Beta"}
    assert loaded.sources["alpha"] == edited
    assert loaded.errors == ()


def test_a_broken_override_does_not_hide_the_earlier_path(tmp_path: Path) -> None:
    shipped = tmp_path / "shipped"
    user = tmp_path / "user"
    _write_path(shipped, "alpha.toml", "alpha", "Alpha as shipped")
    user.mkdir()
    (user / "alpha.toml").write_text('format = 1\nid = "alpha"\n[[stages', "utf-8")

    loaded = load_path_dirs([shipped, user])

    assert [path.title for path in loaded.paths] == ["Alpha as shipped"]
    assert [error.file for error in loaded.errors] == [str(user / "alpha.toml")]


def test_missing_folder_is_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "paths"
    _write_path(folder, "a.toml", "alpha", "Alpha")

    loaded = load_path_dirs([tmp_path / "does-not-exist", folder])

    assert [path.id for path in loaded.paths] == ["alpha"]
    assert loaded.errors == ()


def test_backend_path_is_listed_first_then_by_title(tmp_path: Path) -> None:
    folder = tmp_path / "paths"
    _write_path(folder, "1.toml", "zeta", "zeta path")
    _write_path(folder, "2.toml", "backend-senior", "Whatever title")
    _write_path(folder, "3.toml", "alpha", "Alpha path")

    loaded = load_path_dirs([folder])

    assert [path.id for path in loaded.paths] == ["backend-senior", "alpha", "zeta"]


def test_a_missing_top_level_field_points_at_the_top_of_the_file() -> None:
    # The tester's file: a title that is not text, and no format line at all.
    text = _edit('title = "Tiny path"', "title = 5", _edit("format = 1\n", ""))

    error = _parse_error(text)

    assert error.field == "format" and error.line == 1
    assert "top of the file" in error.problem
    assert str(error).startswith("my-path.toml, line 1 (field 'format'): ")


def test_every_schema_error_has_a_line_even_for_keys_of_a_plain_table() -> None:
    from pydantic import BaseModel, ConfigDict

    from desktop.domain.data_file import DataFileError, check_and_validate, parse_toml

    class Settings(BaseModel):
        model_config = ConfigDict(extra="forbid")
        keep_days: int

    class File(BaseModel):
        model_config = ConfigDict(extra="forbid")
        name: str
        settings: Settings

    text = 'name = "mine"\n\n# how long to keep things\n[settings]\nkeep_days = "ten"\n'
    with pytest.raises(DataFileError) as wrong_type:
        check_and_validate(parse_toml(text, "s.toml"), text, "s.toml", File, ())
    assert (wrong_type.value.line, wrong_type.value.field) == (5, "settings.keep_days")

    missing = 'name = "mine"\n[settings]\n'
    with pytest.raises(DataFileError) as missing_key:
        check_and_validate(parse_toml(missing, "s.toml"), missing, "s.toml", File, ())
    assert (missing_key.value.line, missing_key.value.field) == (2, "settings.keep_days")


def test_a_bad_topic_in_an_array_over_several_lines_points_at_its_own_line() -> None:
    text = _edit(
        'topics = ["hash map", "array"]',
        'topics = [\n  "hash map",  # the usual one\n  "a, b",\n  "",\n]',
    )
    error = _parse_error(text)
    assert error.field == "stages[1].items[1].topics[3]"
    assert error.line == line_of(text, '  "",')


# --- every mistake at once ---------------------------------------------------------------------


def test_every_mistake_in_a_file_is_reported_at_once_in_line_order() -> None:
    text = _edit('kind = "design"', 'kind = "desgn"')
    text = _edit("target_minutes = 15", "target_minute = 15", text)
    text = _edit('id = "url-shortener"', 'id = "two-sum"', text)

    error = _parse_error(text)

    found = [(problem.line, problem.field) for problem in error.problems]
    # The misspelt field is one mistake, not also a missing 'target_minutes'.
    assert found == [
        (line_of(text, "target_minute = 15"), "stages[1].items[1].target_minute"),
        (line_of(text, 'id = "two-sum"', 2), "stages[2].items[2].id"),
        (line_of(text, 'kind = "desgn"'), "stages[2].items[2].kind"),
    ]
    assert all(problem.file == "my-path.toml" for problem in error.problems)
    lines = str(error).splitlines()
    assert len(lines) == 3
    assert all(line.startswith("my-path.toml, line ") for line in lines)
    assert "did you mean 'target_minutes'?" in lines[0]
    assert "'two-sum' is used twice" in lines[1]


def test_a_file_full_of_mistakes_lists_the_first_ones_and_counts_the_rest() -> None:
    items = "".join(
        f'\n[[stages.items]]\nid = "item-{n}"\ntitle = "Item {n}"\nkind = "puzzle"\n'
        'difficulty = "easy"\ntarget_minutes = 15\n'
        for n in range(14)
    )
    error = _parse_error(VALID + '\n[[stages]]\nid = "more"\ntitle = "More"\n' + items)

    assert len(error.problems) == 14
    lines = str(error).splitlines()
    assert len(lines) == 11
    assert lines[-1] == "…and 4 more problems in this file."


@pytest.mark.parametrize(
    ("written", "hint"),
    [("desgn", "did you mean 'design'?"), ("Code", "did you mean 'code'?")],
)
def test_a_near_miss_of_an_allowed_value_suggests_it(written: str, hint: str) -> None:
    error = _parse_error(_edit('kind = "design"', f'kind = "{written}"'))

    assert error.problem.startswith("must be one of 'code', 'quiz'")
    assert error.problem.endswith(f"; {hint}")


def test_a_value_nothing_resembles_gets_no_hint() -> None:
    error = _parse_error(_edit('kind = "design"', 'kind = "puzzle"'))
    assert "did you mean" not in error.problem


def test_a_misspelt_field_name_suggests_the_field_it_resembles() -> None:
    error = _parse_error(_edit("target_minutes = 35", "target_mins = 35"))

    assert error.field == "stages[2].items[2].target_mins"
    assert error.problem == "this field is not known; did you mean 'target_minutes'?"


def test_unknown_topics_are_reported_with_the_schema_mistakes_and_suggest_a_tag() -> None:
    from desktop.domain.taxonomy import load_taxonomy
    from desktop.domain.vocabulary import Vocabulary
    from desktop.folders import shipped_data_dir

    vocabulary = Vocabulary(load_taxonomy(shipped_data_dir() / "patterns.toml"))
    text = _edit('topics = ["hash map", "array"]', 'topics = ["hash mapp", "array"]')
    text = _edit('difficulty = "hard"', 'difficulty = "hrd"', text)

    with pytest.raises(PathFileError) as caught:
        parse_path_text(text, "my-path.toml", vocabulary)

    topic, difficulty = caught.value.problems
    assert (topic.line, topic.field) == (
        line_of(text, 'topics = ["hash mapp", "array"]'),
        "stages[1].items[1].topics[1]",
    )
    assert "did you mean 'hash-map'?" in topic.problem
    assert difficulty.field == "stages[2].items[2].difficulty"
    assert "did you mean 'hard'?" in difficulty.problem
