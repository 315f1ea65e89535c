"""Importing a learning-path file: all or nothing, and an imported path replaces a shipped one."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.domain.path_file import PathFileError
from desktop.folders import ProfileFolder, shipped_data_dir
from desktop.profile import Profile, shipped_vocabulary
from desktop.store.path_library import import_path_file, load_paths
from tests.samples import sample_text

SHIPPED_PATHS = shipped_data_dir() / "paths"
VOCABULARY = shipped_vocabulary()

MY_PATH = sample_text("my-path.toml")


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the folder, hidden ones included, with its exact content."""
    if not folder.exists():
        return {}
    return {entry.name: entry.read_bytes() for entry in sorted(folder.iterdir())}


def _source(tmp_path: Path, text: str, name: str = "download.toml") -> Path:
    folder = tmp_path / "downloads"
    folder.mkdir(exist_ok=True)
    file = folder / name
    file.write_text(text, "utf-8")
    return file


def _edited_backend(title: str) -> str:
    text = (SHIPPED_PATHS / "backend-senior.toml").read_text("utf-8")
    old = 'title = "Junior Backend to Senior Backend"'
    assert text.count(old) == 1
    return text.replace(old, f'title = "{title}"')


def test_valid_file_is_copied_into_the_user_folder(folder: ProfileFolder, tmp_path: Path) -> None:
    source = _source(tmp_path, MY_PATH)

    path, target = import_path_file(source, folder.path_files_dir, VOCABULARY)

    assert path.id == "my-path"
    assert path.title == "My own path"
    assert target == folder.path_files_dir / "my-path.toml"
    assert _snapshot(folder.path_files_dir) == {"my-path.toml": MY_PATH.encode()}
    assert source.read_text("utf-8") == MY_PATH, "the original file is left where it was"


def test_imported_path_loads_with_the_library(folder: ProfileFolder, tmp_path: Path) -> None:
    import_path_file(_source(tmp_path, MY_PATH), folder.path_files_dir, VOCABULARY)

    loaded = load_paths(SHIPPED_PATHS, folder.path_files_dir, VOCABULARY)

    ids = [path.id for path in loaded.paths]
    assert "my-path" in ids
    assert {"backend-senior", "sre-devops", "ml-engineer"} <= set(ids)
    assert loaded.errors == ()
    assert loaded.sources["my-path"] == folder.path_files_dir / "my-path.toml"


def test_imported_path_shows_up_when_the_profile_reloads(profile: Profile, tmp_path: Path) -> None:
    import_path_file(_source(tmp_path, MY_PATH), profile.folder.path_files_dir, VOCABULARY)

    library = profile.reload_library()

    assert "my-path" in {path.id for path in library.paths}


def test_imported_copy_of_a_shipped_path_replaces_it(folder: ProfileFolder, tmp_path: Path) -> None:
    source = _source(tmp_path, _edited_backend("Backend, my way"), name="backend-edited.toml")

    _path, target = import_path_file(source, folder.path_files_dir, VOCABULARY)
    loaded = load_paths(SHIPPED_PATHS, folder.path_files_dir, VOCABULARY)

    backends = [path for path in loaded.paths if path.id == "backend-senior"]
    assert [path.title for path in backends] == ["Backend, my way"]
    assert loaded.paths[0].id == "backend-senior"
    assert target.name == "backend-senior.toml"
    assert loaded.sources["backend-senior"] == target


def test_importing_again_replaces_the_earlier_import(folder: ProfileFolder, tmp_path: Path) -> None:
    import_path_file(_source(tmp_path, MY_PATH), folder.path_files_dir, VOCABULARY)
    newer = MY_PATH.replace('title = "My own path"', 'title = "My own path, v2"')

    import_path_file(_source(tmp_path, newer, name="v2.toml"), folder.path_files_dir, VOCABULARY)

    assert _snapshot(folder.path_files_dir) == {"my-path.toml": newer.encode()}
    loaded = load_paths(SHIPPED_PATHS, folder.path_files_dir, VOCABULARY)
    assert [p.title for p in loaded.paths if p.id == "my-path"] == ["My own path, v2"]


BAD_FILES = {
    "invalid-toml": MY_PATH.replace("target_minutes = 15", "target_minutes = 15 minutes"),
    "bad-kind": MY_PATH.replace('kind = "code"', 'kind = "puzzle"'),
    "missing-title": MY_PATH.replace('title = "Two Sum"\n', ""),
    "unknown-key": MY_PATH.replace("target_minutes = 15", "target_minutes = 15\nestimate = 3"),
    "unknown-topic": MY_PATH.replace(
        "target_minutes = 15", 'target_minutes = 15\ntopics = ["vibes"]'
    ),
}


def _with_topics(topics: str, kind: str = "code") -> str:
    return MY_PATH.replace('kind = "code"', f'kind = "{kind}"').replace(
        "target_minutes = 15", f"target_minutes = 15\ntopics = {topics}"
    )


def test_an_unknown_topic_names_the_file_line_and_tag(
    folder: ProfileFolder, tmp_path: Path
) -> None:
    text = _with_topics('["hash-map", "hashmaps"]')
    source = _source(tmp_path, text)

    with pytest.raises(PathFileError) as caught:
        import_path_file(source, folder.path_files_dir, VOCABULARY)

    error = caught.value
    assert error.file == str(source)
    assert error.line == text.splitlines().index('topics = ["hash-map", "hashmaps"]') + 1
    assert "'hashmaps' is not a tag Loopwise knows" in error.problem
    assert "did you mean 'hash-map'?" in error.problem
    assert _snapshot(folder.path_files_dir) == {}


def test_labels_and_aliases_are_stored_as_the_taxonomy_ids(
    folder: ProfileFolder, tmp_path: Path
) -> None:
    source = _source(tmp_path, _with_topics('["Hash map", "two pointers", "array", "hash-map"]'))

    path, _target = import_path_file(source, folder.path_files_dir, VOCABULARY)

    assert path.stages[0].items[0].topics == ("hash-map", "two-pointers", "arrays-strings")


def test_a_behavioral_item_may_name_a_story_theme_but_other_items_may_not(
    folder: ProfileFolder, tmp_path: Path
) -> None:
    behavioral = _source(tmp_path, _with_topics('["Ownership", "communication"]', "behavioral"))
    path, _target = import_path_file(behavioral, folder.path_files_dir, VOCABULARY)
    assert path.stages[0].items[0].topics == ("ownership", "communication")

    code = _source(tmp_path, _with_topics('["ownership"]'), name="code.toml")
    with pytest.raises(PathFileError) as caught:
        import_path_file(code, folder.path_files_dir, VOCABULARY, replace=True)
    assert "'ownership' is not a tag" in caught.value.problem


def test_a_kind_in_the_wrong_case_is_the_one_mistake_named_beside_a_theme(
    folder: ProfileFolder, tmp_path: Path
) -> None:
    source = _source(tmp_path, _with_topics('["Ownership"]', "Behavioral"))

    with pytest.raises(PathFileError) as caught:
        import_path_file(source, folder.path_files_dir, VOCABULARY)

    (only,) = caught.value.problems  # the theme is not also called an unknown tag
    assert only.field == "stages[1].items[1].kind"
    assert "did you mean 'behavioral'?" in only.problem


@pytest.mark.parametrize("text", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_malformed_file_is_refused_and_the_user_folder_is_unchanged(
    folder: ProfileFolder, tmp_path: Path, text: str
) -> None:
    assert text != MY_PATH
    (folder.path_files_dir / "other.toml").write_text(
        MY_PATH.replace('id = "my-path"', 'id = "other"'), "utf-8"
    )
    before = _snapshot(folder.path_files_dir)
    source = _source(tmp_path, text)

    with pytest.raises(PathFileError) as caught:
        import_path_file(source, folder.path_files_dir, VOCABULARY)

    assert caught.value.file == str(source)
    assert caught.value.line is not None
    assert _snapshot(folder.path_files_dir) == before, "no copy and no temp file left behind"


def test_malformed_file_does_not_even_create_the_user_folder(tmp_path: Path) -> None:
    user_dir = tmp_path / "profile" / "paths"
    source = _source(tmp_path, BAD_FILES["bad-kind"])

    with pytest.raises(PathFileError):
        import_path_file(source, user_dir, VOCABULARY)

    assert not user_dir.exists()


def test_non_utf8_and_missing_files_are_refused(folder: ProfileFolder, tmp_path: Path) -> None:
    latin = tmp_path / "latin.toml"
    latin.write_bytes(MY_PATH.replace("My own path", "Caf\u00e9").encode("latin-1"))
    before = _snapshot(folder.path_files_dir)

    with pytest.raises(PathFileError, match="not UTF-8"):
        import_path_file(latin, folder.path_files_dir, VOCABULARY)
    with pytest.raises(PathFileError, match="cannot be read"):
        import_path_file(tmp_path / "nowhere.toml", folder.path_files_dir, VOCABULARY)

    assert _snapshot(folder.path_files_dir) == before


def test_bad_file_for_an_existing_import_keeps_the_old_file(
    folder: ProfileFolder, tmp_path: Path
) -> None:
    import_path_file(_source(tmp_path, MY_PATH), folder.path_files_dir, VOCABULARY)
    before = _snapshot(folder.path_files_dir)
    broken = MY_PATH.replace('title = "My own path"', 'title = "My own path, v2"').replace(
        'difficulty = "easy"', 'difficulty = "trivial"'
    )

    with pytest.raises(PathFileError) as caught:
        import_path_file(
            _source(tmp_path, broken, name="v2.toml"), folder.path_files_dir, VOCABULARY
        )

    assert caught.value.field == "stages[1].items[1].difficulty"
    assert _snapshot(folder.path_files_dir) == before
    loaded = load_paths(SHIPPED_PATHS, folder.path_files_dir, VOCABULARY)
    assert [p.title for p in loaded.paths if p.id == "my-path"] == ["My own path"]


def test_bad_edit_of_a_shipped_path_keeps_the_shipped_one(
    folder: ProfileFolder, tmp_path: Path
) -> None:
    broken = _edited_backend("Backend, broken").replace("question_count = 25", "question_count = 0")

    with pytest.raises(PathFileError) as caught:
        import_path_file(_source(tmp_path, broken), folder.path_files_dir, VOCABULARY)

    assert caught.value.field is not None
    assert caught.value.field.endswith(".question_count")
    loaded = load_paths(SHIPPED_PATHS, folder.path_files_dir, VOCABULARY)
    backend = next(path for path in loaded.paths if path.id == "backend-senior")
    assert backend.title == "Junior Backend to Senior Backend"
    assert loaded.sources["backend-senior"] == SHIPPED_PATHS / "backend-senior.toml"


def test_a_failed_copy_leaves_no_partial_file_and_keeps_the_old_one(
    folder: ProfileFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_path_file(_source(tmp_path, MY_PATH), folder.path_files_dir, VOCABULARY)
    before = _snapshot(folder.path_files_dir)
    newer = MY_PATH.replace('title = "My own path"', 'title = "My own path, v2"')

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("desktop.store.files.os.fsync", disk_full)

    with pytest.raises(PathFileError, match=r"could not be copied .*No space left on device"):
        import_path_file(
            _source(tmp_path, newer, name="v2.toml"), folder.path_files_dir, VOCABULARY
        )

    assert _snapshot(folder.path_files_dir) == before


def test_markup_as_a_topic_is_refused_as_an_unknown_tag(
    folder: ProfileFolder, tmp_path: Path
) -> None:
    source = _source(tmp_path, _with_topics("['<img src=\"/tmp/x.png\">']"))
    with pytest.raises(PathFileError) as caught:
        import_path_file(source, folder.path_files_dir, VOCABULARY)
    assert "'<img src=\"/tmp/x.png\">' is not a tag" in caught.value.problem
