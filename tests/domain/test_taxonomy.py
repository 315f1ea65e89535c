"""The taxonomy is the one vocabulary: every name a tag goes by leads to its id."""

from __future__ import annotations

import pytest

from desktop.domain.data_file import DataFileError
from desktop.domain.taxonomy import load_taxonomy
from desktop.folders import shipped_data_dir

TAXONOMY = load_taxonomy(shipped_data_dir() / "patterns.toml")


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        ("load-balancing", "load-balancing"),  # its id
        ("Queues and messaging", "messaging"),  # its label
        ("capacity estimation", "capacity-estimation"),  # an alias, as the old quiz wrote it
        ("  Deep   DIVE ", "deep-dive"),  # case and spacing do not matter
        ("caching", "caching-layer"),
    ],
)
def test_ids_labels_and_aliases_all_resolve_to_the_id(name: str, entry_id: str) -> None:
    assert TAXONOMY.resolve(name) == entry_id


def test_a_name_nothing_goes_by_resolves_to_nothing_and_shows_as_written() -> None:
    assert TAXONOMY.resolve("vibes") is None
    assert TAXONOMY.label("vibes") == "vibes"


def test_a_tag_stored_under_an_older_name_shows_its_label() -> None:
    assert TAXONOMY.label("consistency") == "Consistency models"
    assert TAXONOMY.label("rate-limiting") == "Rate limiting"


def test_no_name_leads_to_two_tags() -> None:
    seen: dict[str, str] = {}
    for group in TAXONOMY.groups:
        for entry in group.entries:
            for name in (entry.id, entry.label, *entry.aliases):
                key = " ".join(name.replace("-", " ").split()).casefold()
                assert seen.setdefault(key, entry.id) == entry.id, f"{name!r} names two tags"


def test_an_entry_id_used_twice_is_refused(tmp_path) -> None:
    text = (shipped_data_dir() / "patterns.toml").read_text(encoding="utf-8")
    broken = tmp_path / "patterns.toml"
    broken.write_text(text.replace('id = "cdn"', 'id = "caching-layer"'), encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_taxonomy(broken)
    assert caught.value.line is not None and "caching-layer" in caught.value.problem


def test_the_usual_short_names_of_dynamic_programming_resolve() -> None:
    """'dp' in a path file of one's own was refused with 'did you mean tcp-udp?'."""
    for name in ("dp", "DP", "memoisation", "memoization"):
        assert TAXONOMY.resolve(name) == "dynamic-programming"
