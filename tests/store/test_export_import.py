"""Export and import: the JSON round trip, merging by id, errors that name record and field,
the Markdown vault, and every table in the schema accounted for."""

from __future__ import annotations

import copy
import dataclasses
import sqlite3
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop.domain.journal import word_count as document_words
from desktop.domain.practice import Attempt, AttemptSubject, Outcome
from desktop.domain.stories import StoryDraft
from desktop.domain.vault import split_front_matter
from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store import practice as practice_store
from desktop.store import stories as story_store
from desktop.store.backup import list_backups
from desktop.store.database import session_scope
from desktop.store.demo import populate_demo_profile
from desktop.store.journal import EntryDraft, create_entry, delete_entry
from desktop.store.transfer.json_import import ImportPlan, ImportRejected, parse_document
from desktop.store.transfer.markdown_export import write_vault
from desktop.store.transfer.sections import DERIVED_TABLES, SECTIONS, UNDO_ONLY_TABLES
from desktop.store.transfer.vault_folder import VaultRefused
from tests.clocks import StepClock
from tests.failures import SQLITE_FULL, sqlite_failure
from tests.store.transfer_data import (
    NOW,
    exported,
    imported,
    notes_imported,
    stories_and_plans,
)


def _demo(profile: Profile) -> dict[str, Any]:
    """Fill `profile` as the demo is filled; gives its export."""
    with session_scope(profile.engine) as session:
        populate_demo_profile(session=session, paths=profile.library.paths, today=NOW)
    return exported(profile)


def _import(profile: Profile, document: Any, answer: bool = True) -> ImportPlan | None:
    asked: list[ImportPlan] = []

    def confirm(plan: ImportPlan) -> bool:
        asked.append(plan)
        return answer

    result = imported(profile, document, confirm)
    _import.asked = asked  # type: ignore[attr-defined]
    return result


@pytest.fixture
def other(tmp_path: Path) -> Any:
    opened = open_profile(ProfileFolder(tmp_path / "other"), clock=StepClock())
    yield opened
    opened.close()


def test_export_import_into_an_empty_profile_and_export_again_gives_the_same_json(
    profile: Profile, other: Profile
) -> None:
    _demo(profile)
    stories_and_plans(profile)
    first = exported(profile)
    assert sum(len(rows) for part in first["sections"].values() for rows in part.values()) > 100
    empty = [f"{name}.{key}" for name, part in first["sections"].items() for key in part]
    assert [where for where in empty if not _lists(first, where)] == []
    stories = first["sections"]["stories"]
    assert "Deleted draft" not in {story["title"] for story in stories["stories"]}
    assert {r["note"] for r in stories["rehearsals"]} >= {"good pace"}
    assert "too long" not in {r["note"] for r in stories["rehearsals"]}
    plan = _import(other, first)
    assert plan is not None and plan.added > 100 and plan.replaced == 0
    assert exported(other) == first
    with session_scope(other.engine) as session:  # the imported journal is searchable
        from desktop.store.journal import search_entries

        word = first["sections"]["journal"]["entries"][0]["title"].split()[0]
        assert search_entries(session=session, typed=word)


def test_an_imported_entry_counts_its_own_words(profile: Profile, other: Profile) -> None:
    """A file's word count may be missing or wrong: the body says how many words there are."""
    document = _demo(profile)
    entries = document["sections"]["journal"]["entries"]
    entries[0]["body"] = "six words in this short body"
    entries[0]["word_count"] = 9
    del entries[1]["word_count"]
    _import(other, document)
    counted = {e["id"]: e["word_count"] for e in exported(other)["sections"]["journal"]["entries"]}
    assert counted[entries[0]["id"]] == 6
    assert counted[entries[1]["id"]] == document_words(entries[1]["body"]) > 0


def _lists(document: dict[str, Any], where: str) -> list[dict[str, Any]]:
    section, key = where.split(".")
    rows: list[dict[str, Any]] = document["sections"][section][key]
    return rows


def test_importing_the_same_file_twice_changes_nothing(profile: Profile, other: Profile) -> None:
    document = _demo(profile)
    _import(other, document)
    again = _import(other, document)
    assert again is not None and (again.added, again.replaced) == (0, 0)
    assert exported(other) == document


def test_records_with_the_same_id_are_replaced_and_asked_about_first(
    profile: Profile, other: Profile
) -> None:
    document = _demo(profile)
    _import(other, document)
    changed = copy.deepcopy(document)
    entries = changed["sections"]["journal"]["entries"]
    entries[0]["title"] = "Rewritten elsewhere"

    assert _import(other, changed, answer=False) is None  # asked, declined: nothing written
    assert _import.asked[0].replaced == 1  # type: ignore[attr-defined]
    assert exported(other) == document

    plan = _import(other, changed, answer=True)
    assert plan is not None and plan.replaced == 1
    assert exported(other)["sections"]["journal"]["entries"][0]["title"] == "Rewritten elsewhere"


def test_a_replaced_record_ends_up_exactly_as_in_the_file_with_its_own_lists(
    profile: Profile, other: Profile
) -> None:
    _demo(profile)
    stories_and_plans(profile)
    document = exported(profile)
    _import(other, document)
    changed = copy.deepcopy(document)
    sections = changed["sections"]
    tags = sections["practice"]["tags"]
    session_id = tags[0]["session_id"]
    kept = [t for t in tags if t["session_id"] != session_id]
    only = {"session_id": session_id, "role": "pattern", "tag": "only-this-one"}
    sections["practice"]["tags"] = sorted(
        [*kept, only], key=lambda t: (t["session_id"], t["role"], t["tag"])
    )
    story = next(s for s in sections["stories"]["stories"] if s["title"] == "The midnight failover")
    story["title"] = "The failover"
    themes = sections["stories"]["themes"]
    sections["stories"]["themes"] = [
        t for t in themes if (t["story_id"], t["theme_id"]) != (story["id"], "my-pager-duty")
    ]
    sections["stories"]["journal_links"] = [
        link for link in sections["stories"]["journal_links"] if link["story_id"] != story["id"]
    ]
    mock = next(m for m in sections["planner"]["mocks"] if m["with_whom"] == "Sam")
    sections["planner"]["scores"] = [
        score
        for score in sections["planner"]["scores"]
        if (score["mock_id"], score["dimension"]) != (mock["id"], "coding")
    ]
    exposed = sections["planner"]["exposed"]
    for row in exposed:
        if row["mock_id"] == mock["id"]:
            row["tag"] = "sliding-window"
    sections["planner"]["exposed"] = sorted(exposed, key=lambda row: (row["mock_id"], row["tag"]))

    plan = _import(other, changed)

    assert plan is not None and plan.removed >= 5 and plan.needs_confirmation
    assert f"replace {plan.replaced} and remove {plan.removed} of your records" in plan.question()
    assert _import.asked  # type: ignore[attr-defined]
    assert exported(other) == changed  # the old tags, themes, links and scores are gone


def test_an_import_that_only_adds_does_not_ask_and_one_that_replaces_anything_does(
    profile: Profile, other: Profile
) -> None:
    document = _demo(profile)
    entries = document["sections"]["journal"]["entries"]
    alone = dict(entries[0], session_id=None)  # its practice session is not imported with it
    plan = _import(other, {**document, "sections": {"journal": {"entries": [alone]}}})
    assert plan is not None and plan.added == 1 and _import.asked == []  # type: ignore[attr-defined]
    changed = copy.deepcopy(document)
    changed["sections"]["journal"]["entries"][0]["title"] = "Changed"
    assert _import(other, changed, answer=False) is None
    asked = _import.asked  # type: ignore[attr-defined]
    assert len(asked) == 1 and asked[0].replaced == 1 and asked[0].added > 1
    assert "replace 1 of your records" in asked[0].question()


def _journal_and_practice(profile: Profile, now: datetime, titles: list[str]) -> None:
    """Journal entries (the first on a practice session with tags), made at `now`."""
    with session_scope(profile.engine) as session:
        session_id = practice_store.log_attempt(
            session=session,
            attempt=Attempt(
                AttemptSubject(f"{titles[0]} practice"),
                now,
                600,
                Outcome.SOLVED,
                4,
                patterns=(f"{titles[0].lower()}-pattern",),
            ),
            now=now,
        )
        for index, title in enumerate(titles):
            draft = EntryDraft(
                entry_date=now.date(),
                title=title,
                body=f"{title} body",
                attempt_id=session_id if index == 0 else None,
            )
            create_entry(session=session, draft=draft, now=now + timedelta(seconds=index))


def test_a_record_of_another_profile_with_the_same_id_is_added_not_written_over(
    profile: Profile, other: Profile
) -> None:
    _journal_and_practice(profile, NOW, ["Mine one", "Mine two", "Mine three"])
    _journal_and_practice(other, NOW + timedelta(days=1), [f"Theirs {n}" for n in range(10)])
    mine = exported(profile)

    plan = _import(profile, exported(other))

    assert plan is not None and (plan.added, plan.replaced, plan.removed) == (10 + 1 + 1, 0, 0)
    assert _import.asked == []  # type: ignore[attr-defined]
    assert plan.added_under_new_ids == 3 + 1  # entries 1-3 and session 1 were taken
    assert plan.describe().endswith(
        "(4 of the new records had ids your profile uses for other records, so they got new ids)"
    )
    after = exported(profile)
    for section, part in mine["sections"].items():
        for key, rows in part.items():
            assert all(row in after["sections"][section][key] for row in rows), key
    entries = after["sections"]["journal"]["entries"]
    assert sorted(e["title"] for e in entries) == sorted(
        ["Mine one", "Mine two", "Mine three", *(f"Theirs {n}" for n in range(10))]
    )
    sessions = {s["id"]: s["title"] for s in after["sections"]["practice"]["sessions"]}
    tags = {(sessions[t["session_id"]], t["tag"]) for t in after["sections"]["practice"]["tags"]}
    assert tags == {
        ("Mine one practice", "mine one-pattern"),
        ("Theirs 0 practice", "theirs 0-pattern"),
    }
    linked = {e["title"]: sessions.get(e["session_id"]) for e in entries if e["session_id"]}
    assert linked == {"Mine one": "Mine one practice", "Theirs 0": "Theirs 0 practice"}
    assert _import(profile, exported(other)).added == 0  # type: ignore[union-attr]


def test_an_import_is_backed_up_first(profile: Profile, other: Profile) -> None:
    _import(other, _demo(profile))
    assert [b.name.reason for b in list_backups(other.folder.backups_dir)] == ["before-import"]


def test_an_import_into_a_database_whose_backup_fails_its_check_is_refused_cleanly(
    profile: Profile, other: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the copy made before an import fails its integrity check, the database may be
    damaged: nothing is imported, and the user is told why instead of seeing a crash."""
    from desktop.store.backup import DamagedCopy
    from desktop.store.transfer import run

    def damaged(database: Path, *_args: object, **_kwargs: object) -> Path:
        raise DamagedCopy(database)

    monkeypatch.setattr(run, "backup_database", damaged)
    _demo(profile)
    with pytest.raises(ImportRejected) as rejected:
        _import(other, exported(profile))
    assert "nothing was imported" in rejected.value.problems[0]
    assert "came out damaged" in rejected.value.problems[0]
    assert exported(other)["sections"]["journal"]["entries"] == []


def test_errors_name_the_record_and_the_field_and_nothing_is_written(
    profile: Profile, other: Profile
) -> None:
    document = _demo(profile)
    entries = document["sections"]["journal"]["entries"]
    entries[2]["entry_date"] = "the third of May"
    document["sections"]["practice"]["sessions"][1]["confidence"] = 9
    with pytest.raises(ImportRejected) as rejected:
        _import(other, document)
    text = "\n".join(rejected.value.problems)
    assert f"journal entry 3 (id {entries[2]['id']!r}), field entry_date" in text
    assert "practice session 2" in text and "field confidence" in text
    assert exported(other)["sections"]["journal"]["entries"] == []


def test_a_record_twice_in_the_file_is_rejected_and_named(profile: Profile, other: Profile) -> None:
    document = _demo(profile)
    entries = document["sections"]["journal"]["entries"]
    entries.append(copy.deepcopy(entries[1]))
    tags = document["sections"]["practice"]["tags"]
    tags.append(dict(tags[0]))  # a key of three fields
    with pytest.raises(ImportRejected) as rejected:
        _import(other, document)
    assert rejected.value.problems == [  # in the file's order: practice, then the journal
        f"session tag {len(tags)} (session_id {tags[0]['session_id']!r}, role "
        f"{tags[0]['role']!r}, tag {tags[0]['tag']!r}) appears twice in the file.",
        f"journal entry {len(entries)} (id {entries[1]['id']!r}) appears twice in the file.",
    ]
    assert exported(other)["sections"]["journal"]["entries"] == []


def test_a_tag_pointing_at_a_missing_session_is_rejected(other: Profile) -> None:
    document = {
        "format": "loopwise-export",
        "version": 1,
        "sections": {"practice": {"tags": [{"session_id": 41, "role": "pattern", "tag": "x"}]}},
    }
    with pytest.raises(ImportRejected) as rejected:
        _import(other, document)
    assert "session tag 1 (session_id 41, role 'pattern', tag 'x'), field session_id" in str(
        rejected.value
    )


def _file(**sections: Any) -> dict[str, Any]:
    return {"format": "loopwise-export", "version": 1, "sections": sections}


STORY = {
    "id": 1,
    "title": "T",
    "created_at": "2026-11-01T09:00:00Z",
    "updated_at": "2026-11-01T09:00:00Z",
}
MOCK = {
    "id": 1,
    "held_at": "2026-11-01T09:00:00Z",
    "kind": "coding",
    "minutes": 60,
    "created_at": "2026-11-01T09:00:00Z",
    "updated_at": "2026-11-01T09:00:00Z",
}


def test_a_big_file_of_bad_records_stops_being_checked_after_enough_problems(
    other: Profile,
) -> None:
    """Each bad record gives a problem or two: a file of millions took minutes and
    gigabytes to list them all, when the first show what is wrong."""
    from desktop.store.transfer.json_import import CHECK_STOPPED, MAX_PROBLEMS

    junk = [{"x": "y"}] * (3 * MAX_PROBLEMS)
    document = {
        "format": "loopwise-export",
        "version": 1,
        "sections": {"journal": {"entries": junk}},
    }
    with pytest.raises(ImportRejected) as rejected:
        _import(other, document)

    problems = rejected.value.problems
    assert len(problems) == MAX_PROBLEMS + 1 and problems[-1] == CHECK_STOPPED
    summary = rejected.value.summary().splitlines()
    assert summary[-2:] == [f"… and {MAX_PROBLEMS - 20} more problems", CHECK_STOPPED]
    assert exported(other)["sections"]["journal"]["entries"] == []


@pytest.mark.parametrize(
    ("document", "says"),
    [
        (
            _file(stories={"stories": [STORY], "journal_links": [{"story_id": 1, "entry_id": 9}]}),
            "story journal link 1 (story_id 1, entry_id 9), field entry_id: "
            "there is no journal entry with id 9",
        ),
        (
            _file(stories={"themes": [{"story_id": 4, "theme_id": "ownership"}]}),
            "story theme 1 (story_id 4, theme_id 'ownership'), field story_id: "
            "there is no story with id 4",
        ),
        (
            _file(planner={"mocks": [dict(MOCK, journal_entry_id=3)], "scores": []}),
            "mock interview 1 (id 1), field journal_entry_id: there is no journal entry with id 3",
        ),
        (
            _file(
                planner={
                    "mocks": [MOCK],
                    "scores": [{"mock_id": 1, "dimension": "design", "score": 3}],
                }
            ),
            "mock interview 1 (id 1), field scores: 'design' is not scored in a Coding round",
        ),
        (
            _file(planner={"mocks": [MOCK], "scores": []}),
            "mock interview 1 (id 1), field scores: score at least one dimension",
        ),
        (
            _file(planner={"settings": [{"key": "hours_per_week", "value": "lots"}]}),
            "planner setting 1 (key 'hours_per_week'), field value",
        ),
        (
            _file(
                planner={
                    "plan_items": [
                        {
                            "id": 1,
                            "day": "2026-11-23",
                            "title": "Both",
                            "path_id": "p",
                            "item_id": "i",
                            "routine_id": "r",
                            "minutes": 30,
                            "source": "path",
                            "created_at": "2026-11-01T09:00:00Z",
                        }
                    ]
                }
            ),
            "plan item 1 (id 1), field routine_id: a planned item is either",
        ),
    ],
)
def test_stories_and_plans_that_point_at_nothing_or_break_a_rule_are_rejected(
    other: Profile, document: Any, says: str
) -> None:
    with pytest.raises(ImportRejected) as rejected:
        _import(other, document)
    assert says in str(rejected.value)
    assert all(
        rows == [] for part in exported(other)["sections"].values() for rows in part.values()
    )


def test_a_deleted_story_is_not_exported_and_cannot_be_pointed_at(profile: Profile) -> None:
    with session_scope(profile.engine) as session:
        story = story_store.create_story(session=session, draft=StoryDraft(title="Gone"), now=NOW)
        story_store.delete_story(session=session, story_id=story, now=NOW)
    assert exported(profile)["sections"]["stories"]["stories"] == []
    theme = {"story_id": story, "theme_id": "ownership"}
    with pytest.raises(ImportRejected, match=f"there is no story with id {story}"):
        _import(profile, _file(stories={"themes": [theme]}))

    other_story = dict(STORY, id=story)  # made elsewhere: it does not take the deleted one's id
    plan = _import(profile, _file(stories={"stories": [other_story]}))
    assert (
        plan is not None and plan.added == 1 and plan.renumbering == {("story", story): story + 1}
    )

    same = dict(STORY, id=story, created_at=NOW.isoformat())  # the deleted story itself
    plan = _import(profile, _file(stories={"stories": [same], "themes": [theme]}))

    assert plan is not None and plan.replaced == 1  # brought back exactly as in the file
    with session_scope(profile.engine) as session:
        restored = story_store.get_story(session=session, story_id=story)
    assert restored is not None and restored.draft.themes == ("ownership",)


def test_a_mock_whose_journal_entry_was_deleted_exports_without_the_link(
    profile: Profile, other: Profile
) -> None:
    stories_and_plans(profile)
    mock = exported(profile)["sections"]["planner"]["mocks"][0]
    assert mock["journal_entry_id"] is not None
    with session_scope(profile.engine) as session:
        delete_entry(session=session, entry_id=mock["journal_entry_id"])
    document = exported(profile)
    assert document["sections"]["planner"]["mocks"][0]["journal_entry_id"] is None
    _import(other, document)
    assert exported(other) == document


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        (
            "body",
            "x" * 1_000_001,
            "is 1,000,001 characters long; Loopwise takes at most 1,000,000 here",
        ),
        ("title", "t" * 1_001, "is 1,001 characters long; Loopwise takes at most 1,000 here"),
        ("tags", "tag\n" * 3_000, "is 12,000 characters long; Loopwise takes at most 10,000 here"),
        ("entry_date", 12, "expected a date like 2026-11-22"),
        ("created_at", "yesterday", "expected a time like 2026-11-22T09:15:00Z"),
    ],
)
def test_a_field_too_long_or_not_a_date_is_refused_saying_what_is_expected(
    other: Profile, field: str, value: Any, says: str
) -> None:
    entry = {
        "id": 4,
        "entry_date": "2026-11-13",
        "title": "Huge",
        "body": "text",
        "kind": "note",
        "created_at": "2026-11-13T09:00:00Z",
        "updated_at": "2026-11-13T09:00:00Z",
        field: value,
    }
    document = {"format": "loopwise-export", "version": 1, "sections": {}}
    document["sections"] = {"journal": {"entries": [entry]}}
    with pytest.raises(ImportRejected) as rejected:
        _import(other, document)
    assert rejected.value.problems == [f"journal entry 1 (id 4), field {field}: {says}."]
    assert exported(other)["sections"]["journal"]["entries"] == []


def test_a_cut_off_file_says_where_the_unfinished_part_starts() -> None:
    text = '{\n  "format": "loopwise-export",\n  "sections": {"journal": {"title": "Half a'
    with pytest.raises(ImportRejected) as rejected:
        parse_document(text, "all.json")
    assert rejected.value.problems == [
        "all.json is not valid JSON: an unfinished string starts at line 3, column 37 "
        "(the file may have been cut off)."
    ]


@pytest.mark.parametrize("text", ["root:x:0:0:root:/root:/bin/bash\n", "\n# Notes\n- a\n"])
def test_a_file_that_is_not_json_at_all_is_said_to_be_no_export(text: str) -> None:
    with pytest.raises(ImportRejected) as rejected:
        parse_document(text, "passwd.json")
    assert rejected.value.problems == [
        "passwd.json is not a Loopwise export: it is not JSON at all (an export begins with “{”)."
    ]


def test_a_value_missing_later_in_the_file_is_still_placed() -> None:
    with pytest.raises(ImportRejected) as rejected:
        parse_document('{"format": }', "all.json")
    assert rejected.value.problems == [
        "all.json is not valid JSON: a value is missing at line 1, column 12."
    ]


@pytest.mark.parametrize("text", ["", "  \n\n"])
def test_an_empty_file_is_said_to_be_empty(text: str) -> None:
    with pytest.raises(ImportRejected) as rejected:
        parse_document(text, "all.json")
    assert rejected.value.problems == ["all.json is empty: there is nothing in it to import."]


def test_a_file_from_before_stories_and_plans_still_imports(
    profile: Profile, other: Profile
) -> None:
    document = _demo(profile)
    older = {
        **document,
        "sections": {k: document["sections"][k] for k in ("progress", "practice", "journal")},
    }
    plan = _import(other, older)
    assert plan is not None and plan.added > 100


@pytest.mark.parametrize(
    ("document", "says"),
    [
        ([], "expected a JSON object"),
        ({"format": "something-else"}, "not a Loopwise export"),
        ({"format": "loopwise-export", "version": 99, "sections": {}}, "update the app"),
        ({"format": "loopwise-export", "version": 1, "sections": {"x": {}}}, "Unknown section"),
        (
            {"format": "loopwise-export", "version": 1, "sections": {"journal": {"rows": []}}},
            "unknown list 'rows'",
        ),
    ],
)
def test_files_that_are_not_exports_say_why(other: Profile, document: Any, says: str) -> None:
    with pytest.raises(ImportRejected, match=says):
        _import(other, document)


def test_every_table_in_the_schema_is_exported_or_listed_as_derived(profile: Profile) -> None:
    with closing(sqlite3.connect(profile.folder.database)) as connection:
        tables = {
            str(row[0])
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        }
    exported = {spec.table_name for section in SECTIONS for spec in section.tables}
    left_out = DERIVED_TABLES | UNDO_ONLY_TABLES
    assert tables - exported - left_out == set(), "add a section for these tables"
    assert exported & left_out == set()


def test_the_vault_has_daily_notes_and_path_notes(profile: Profile, tmp_path: Path) -> None:
    _demo(profile)
    vault = tmp_path / "vault"
    with session_scope(profile.engine) as session:
        written = write_vault(session=session, folder=vault).written
    daily = sorted((vault / "Journal").glob("*.md"))
    item_notes = list((vault / "Path notes").rglob("*.md"))
    story_notes = list((vault / "Stories").glob("*.md"))
    assert written == len(daily) + len(item_notes) + len(story_notes)
    assert daily and item_notes and story_notes
    first = daily[0].read_text(encoding="utf-8")
    assert first.startswith("---\ndate: ") and "\nentries:\n" in first
    assert "## " in first


def test_each_star_story_is_a_note_with_its_facts_in_front_matter(
    profile: Profile, tmp_path: Path
) -> None:
    stories_and_plans(profile)
    with session_scope(profile.engine) as session:
        write_vault(session=session, folder=tmp_path / "vault")
    notes = sorted(path.name for path in (tmp_path / "vault" / "Stories").glob("*.md"))
    assert notes == ["The midnight failover.md"]  # the deleted story is left out
    text = (tmp_path / "vault" / "Stories" / notes[0]).read_text(encoding="utf-8")
    meta, body = split_front_matter(text)
    assert meta == {
        "title": "The midnight failover",
        "themes": ["my-pager-duty", "ownership"],
        "scope": "teams",
        "companies": ["Acme", "Globex"],
        "tags": ["star-story"],
    }
    headings = [line for line in body.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Situation",
        "## Task",
        "## Action",
        "## Result",
        "## Notes",
        "## Journal",
    ]
    assert "I failed over the database." in body and "[[2026-11-03]]" in body


def _notes(profile: Profile, folder: Path) -> Any:
    return notes_imported(profile, folder)


def _entries(profile: Profile) -> list[tuple[str, str, str, str, str]]:
    rows = exported(profile)["sections"]["journal"]["entries"]
    # Leading and trailing blank lines are not kept in a note; the text itself is.
    return sorted(
        (r["entry_date"], r["title"], r["body"].strip(), r["kind"], r["tags"]) for r in rows
    )


def test_the_vault_imports_back_into_an_empty_journal_and_twice_adds_nothing(
    profile: Profile, other: Profile, tmp_path: Path
) -> None:
    _demo(profile)
    with session_scope(profile.engine) as session:
        for title in ("Second of the day", "Third of the day"):
            draft = EntryDraft(entry_date=NOW.date(), title=title, body=f"## {title}\n\nbody")
            create_entry(session=session, draft=draft, now=NOW)
        write_vault(session=session, folder=tmp_path / "vault")

    first = _notes(other, tmp_path / "vault")
    assert len(first.new) == len(_entries(profile))
    assert _entries(other) == _entries(profile)

    second = _notes(other, tmp_path / "vault")
    assert second.new == [] and second.already_there == len(first.new)
    assert len(_entries(other)) == len(first.new)


def test_obsidian_daily_notes_are_imported(other: Profile, tmp_path: Path) -> None:
    vault = tmp_path / "obsidian"
    (vault / "Daily").mkdir(parents=True)
    (vault / ".obsidian").mkdir()
    (vault / ".obsidian" / "2026-01-01.md").write_text("settings, not a note")
    (vault / "Daily" / "2026-11-20.md").write_text(
        "---\ntags: [graphs, '#retro']\n---\n# Dijkstra again\n\nHeap of (dist, node).\n"
    )
    (vault / "Daily" / "2026-11-21.md").write_text("Plain note, no front matter.\n")
    (vault / "Ideas.md").write_text("An undated note is left alone.\n")

    plan = _notes(other, vault)

    assert plan.notes_without_date == 1
    assert _entries(other) == [
        ("2026-11-20", "Dijkstra again", "Heap of (dist, node).", "note", "graphs\nretro"),
        ("2026-11-21", "", "Plain note, no front matter.", "note", ""),
    ]


def test_a_note_with_broken_front_matter_stops_the_whole_import(
    other: Profile, tmp_path: Path
) -> None:
    vault = tmp_path / "vault"
    vault.mkdir()
    (vault / "2026-11-20.md").write_text("A fine note.\n")
    (vault / "2026-11-21.md").write_text("---\ntags: [unclosed\n---\nText\n")
    with pytest.raises(ImportRejected, match=r"2026-11-21\.md: its front matter is not valid YAML"):
        _notes(other, vault)
    assert _entries(other) == []


def test_a_full_disk_during_import_is_explained_and_nothing_is_written(
    profile: Profile, other: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:

    from desktop.store.transfer import tables

    document = _demo(profile)
    real_write = tables.write_table
    calls: list[str] = []

    def write_then_fail(**kwargs: Any) -> None:
        real_write(**kwargs)  # the first tables are written, then the disk fills up
        calls.append(kwargs["spec"].table_name)
        if len(calls) == 3:
            raise sqlite_failure(SQLITE_FULL, "INSERT")

    monkeypatch.setattr("desktop.store.transfer.json_import.write_table", write_then_fail)
    with pytest.raises(ImportRejected, match="the disk is full"):
        _import(other, document)
    empty = exported(other)
    assert all(rows == [] for part in empty["sections"].values() for rows in part.values())


def test_exporting_again_keeps_notes_the_user_changed_and_refreshes_the_rest(
    profile: Profile, tmp_path: Path
) -> None:
    _demo(profile)
    stories_and_plans(profile)
    vault = tmp_path / "vault"
    with session_scope(profile.engine) as session:
        first = write_vault(session=session, folder=vault)
    notes = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    edited, other = vault / "Journal" / notes[0].split("/")[-1], vault / notes[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nMy own thought.\n", "utf-8")
    other.unlink()  # a note the user deleted comes back
    with session_scope(profile.engine) as session:
        create_entry(
            session=session,
            draft=EntryDraft(entry_date=date(2027, 1, 4), title="New day", body="Fresh"),
            now=NOW,
        )

    with session_scope(profile.engine) as session:
        second = write_vault(session=session, folder=vault)

    assert edited.read_text(encoding="utf-8").endswith("\nMy own thought.\n")
    assert second.left_alone == [edited.relative_to(vault).as_posix()]
    assert second.written == first.written  # one more day, one note left alone
    assert other.exists() and (vault / "Journal" / "2027-01-04.md").exists()
    again = sorted(p.relative_to(vault).as_posix() for p in vault.rglob("*.md"))
    assert again == sorted([*notes, "Journal/2027-01-04.md"])  # no second copy of any note
    assert second.sentence("v").endswith("1 note you changed was left as it is.")
    with session_scope(profile.engine) as session:  # still the user's, the next time too
        assert write_vault(session=session, folder=vault).left_alone == second.left_alone


def test_a_folder_with_other_files_in_it_is_not_written_into(
    profile: Profile, tmp_path: Path
) -> None:
    _demo(profile)
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "Ideas.md").write_text("my notes", encoding="utf-8")
    with session_scope(profile.engine) as session, pytest.raises(VaultRefused) as refused:
        write_vault(session=session, folder=folder)
    assert "is not a folder Loopwise exported to" in str(refused.value)
    assert [p.name for p in folder.iterdir()] == ["Ideas.md"]


def test_importing_a_vault_loopwise_wrote_counts_only_notes_the_user_added(
    profile: Profile, other: Profile, tmp_path: Path
) -> None:
    _demo(profile)
    stories_and_plans(profile)
    vault = tmp_path / "vault"
    with session_scope(profile.engine) as session:
        write_vault(session=session, folder=vault)
    assert list((vault / "Stories").glob("*.md")) and list((vault / "Path notes").rglob("*.md"))

    plan = _notes(other, vault)
    assert plan.notes_without_date == 0 and plan.new
    assert "without a date" not in plan.summary()

    (vault / "Ideas.md").write_text("An undated note of mine.\n", encoding="utf-8")
    again = _notes(other, vault)
    assert again.notes_without_date == 1
    assert again.summary() == (
        f"0 journal entries were added; {len(plan.new)} were already in your journal. "
        "1 note without a date was left out."
    )


def test_an_oversized_note_is_refused_naming_the_note_and_the_field(
    other: Profile, tmp_path: Path
) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "2026-11-12.md").write_text("# Fine\n\nshort\n", encoding="utf-8")
    (folder / "2026-11-13.md").write_text("# Huge\n\n" + "x" * 1_000_001, encoding="utf-8")
    with pytest.raises(ImportRejected) as rejected:
        _notes(other, folder)
    assert rejected.value.problems == [
        "2026-11-13.md, entry 'Huge', body: is 1,000,001 characters long; "
        "Loopwise takes at most 1,000,000 here."
    ]
    assert _entries(other) == []


def test_a_folder_without_daily_notes_is_refused(other: Profile, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ImportRejected, match="No Markdown notes were found in"):
        _notes(other, empty)
    (empty / "Ideas.md").write_text("no date here", encoding="utf-8")
    with pytest.raises(ImportRejected, match="No daily notes were found in"):
        _notes(other, empty)


def test_an_export_that_fails_half_way_can_be_run_again_into_the_same_folder(
    profile: Profile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _demo(profile)
    stories_and_plans(profile)
    vault = tmp_path / "vault"

    def full_disk(*, session: Any, vault: Any) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(
        "desktop.store.transfer.markdown_export.SECTIONS",
        tuple(
            dataclasses.replace(s, write_markdown=full_disk) if s.name == "stories" else s
            for s in SECTIONS
        ),
    )
    with session_scope(profile.engine) as session, pytest.raises(OSError):
        write_vault(session=session, folder=vault)
    assert list((vault / "Journal").glob("*.md"))  # written before the disk filled up
    monkeypatch.undo()

    with session_scope(profile.engine) as session:
        report = write_vault(session=session, folder=vault)
    assert report.left_alone == [] and list((vault / "Stories").glob("*.md"))
