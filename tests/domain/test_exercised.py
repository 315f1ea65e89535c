"""Which path items practise a weak spot: their tags, or for the pace of a kind of work the
items of that kind (at that difficulty, where the weak spot names one)."""

from __future__ import annotations

from desktop.domain.curriculum import PathItem
from desktop.domain.exercised import works_on


def _item(kind: str, difficulty: str, topics: tuple[str, ...] = ()) -> PathItem:
    return PathItem.model_validate({"id": "x", "title": "X", "kind": kind,
                                    "difficulty": difficulty, "target_minutes": 30,
                                    "topics": topics})  # fmt: skip


def test_a_tag_is_practised_by_the_items_that_name_it() -> None:
    item = _item("code", "easy", ("hash-map",))
    assert works_on("hash-map", item, ("hash-map",))
    assert not works_on("two-pointers", item, ("hash-map",))


def test_the_pace_of_one_difficulty_is_practised_by_items_of_that_kind_and_difficulty() -> None:
    assert works_on("pace:code:hard", _item("code", "hard"), ())
    assert not works_on("pace:code:hard", _item("code", "medium"), ())
    assert not works_on("pace:code:hard", _item("design", "hard"), ())


def test_the_pace_of_a_kind_of_work_is_practised_by_any_item_of_that_kind() -> None:
    assert works_on("pace:design", _item("design", "medium"), ())
    assert works_on("pace:design", _item("design", "hard"), ())
    assert not works_on("pace:design", _item("reading", "medium"), ())
