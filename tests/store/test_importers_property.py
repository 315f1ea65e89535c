"""Any input to an importer is imported completely or rejected with a message: never a
traceback, never half an import (property-based, with hypothesis)."""

from __future__ import annotations

import copy
import json
import random
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.folders import ProfileFolder
from desktop.profile import Profile, open_profile
from desktop.store.database import session_scope
from desktop.store.demo import populate_demo_profile
from desktop.store.transfer.json_import import ImportRejected, plan_import
from desktop.store.transfer.sections import SECTIONS
from tests.clocks import StepClock
from tests.store.transfer_data import NOW, exported, imported, notes_imported, stories_and_plans

SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

TRICKY = st.sampled_from(
    [
        None, True, 0, -1, 1.5, 2**70, "", "x", "\ud800", "a\x00b", "2026-02-30",
        "2026-11-02T09:00:00", "9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+01:00",
        "solved", "done", "note", [], {}, [1, 2], {"a": 1},
    ]
)  # fmt: skip
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text() | TRICKY,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


@pytest.fixture(scope="module")
def shared() -> Iterator[tuple[Profile, dict[str, Any]]]:
    """A profile with demo data, and a small valid export of another one to mutate."""
    folder = Path(tempfile.mkdtemp(prefix="loopwise-property-"))
    try:
        source = open_profile(ProfileFolder(folder / "source"), clock=StepClock())
        with session_scope(source.engine) as session:
            populate_demo_profile(session=session, paths=source.library.paths, today=NOW)
        stories_and_plans(source)
        document = _few_of_each(exported(source))
        source.close()
        target = open_profile(ProfileFolder(folder / "target"), clock=StepClock())
        with session_scope(target.engine) as session:  # the unchanged file is a valid import
            plan_import(session=session, document=document)
        yield target, document
        target.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _few_of_each(document: dict[str, Any]) -> dict[str, Any]:
    """A few records of each kind (the first ones and the newest, made by stories_and_plans),
    with everything that belongs to them; records pointing outside the few are left out."""
    kept: dict[str, set[Any]] = {}
    for section in SECTIONS:
        part = document["sections"][section.name]
        for spec in section.tables:
            rows = part[spec.key]
            if spec.parent is None:
                rows = rows[:2] + rows[2:][-2:]
            rows = [
                row
                for row in rows
                if all(
                    row[name] is None or row[name] in kept.get(table, set())
                    for name, (table, _field) in spec.checked_references.items()
                )
            ]
            part[spec.key] = rows
            kept[spec.table_name] = {row[spec.key_fields[0]] for row in rows}
    return document


@st.composite
def mutated_documents(draw: st.DrawFn, base: dict[str, Any]) -> Any:
    document = copy.deepcopy(base)
    for _ in range(draw(st.integers(0, 3))):
        section = draw(st.sampled_from(sorted(document["sections"])))
        lists = document["sections"][section]
        key = draw(st.sampled_from(sorted(lists)))
        rows = lists[key]
        if not isinstance(rows, list) or not rows:
            lists[key] = draw(JSON_VALUES)
            continue
        index = draw(st.integers(0, len(rows) - 1))
        row = rows[index]
        action = draw(st.sampled_from(["set", "drop", "add", "duplicate", "replace-row"]))
        if not isinstance(row, dict) or not row or action == "replace-row":
            rows[index] = draw(JSON_VALUES)
            continue
        field = draw(st.sampled_from(sorted(row)))
        if action == "set":
            row[field] = draw(JSON_VALUES)
        elif action == "drop":
            del row[field]
        elif action == "add":
            row[draw(st.text(max_size=6))] = draw(JSON_VALUES)
        else:
            rows.append(copy.deepcopy(row))
    if draw(st.integers(0, 9)) == 0:
        document[draw(st.sampled_from(["format", "version", "sections"]))] = draw(JSON_VALUES)
    return document


def _imported_rows(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for section in SECTIONS:
        for spec in section.tables:
            for row in document["sections"].get(section.name, {}).get(spec.key, []):
                record = spec.record.model_validate(row)
                yield section.name, spec.key, record.model_dump(mode="json")


def _imported_fully_or_rejected(profile: Profile, document: Any) -> None:
    """Rejected with messages and nothing written, or every record in the profile as the
    file has it (its own lists exactly so), under a fresh id where its id was taken."""
    before = exported(profile)
    try:
        plan = imported(profile, document)
    except ImportRejected as rejected:
        assert rejected.problems and all(p.strip() for p in rejected.problems)
        assert exported(profile) == before  # nothing at all was written
        return
    assert plan is not None
    stored = _renumbered(document, plan.renumbering)
    after = exported(profile)
    for section, key, row in _imported_rows(stored):
        assert row in after["sections"][section][key]
    for section, key, wanted, got in _own_lists(stored, after):
        assert got == wanted, f"{section}.{key} is not exactly as in the file"


def _renumbered(document: dict[str, Any], renumbering: dict[tuple[str, int], int]) -> Any:
    """The file with each renumbered id, and every reference to it, changed as the import
    said it would be: the records as they are stored."""
    stored = copy.deepcopy(document)
    for section in SECTIONS:
        for spec in section.tables:
            for row in stored["sections"].get(section.name, {}).get(spec.key, []):
                key = spec.key_fields[0]
                pointers = {key: spec.table_name} | {
                    name: table for name, (table, _f) in spec.checked_references.items()
                }
                for name, table in pointers.items():
                    if (table, row[name]) in renumbering:
                        row[name] = renumbering[(table, row[name])]
    return stored


@st.composite
def changed_own_lists(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    """The base file with, in some of the records' own lists, rows dropped or renamed."""
    document = copy.deepcopy(base)
    for section in SECTIONS:
        part = document["sections"][section.name]
        for spec in section.tables:
            if not spec.exact or spec.parent is None or draw(st.booleans()):
                continue  # this list is left as it is
            name = spec.key_fields[-1]  # the tag, theme or dimension (or the linked entry)
            rows = [row for row in part[spec.key] if draw(st.booleans())]
            for row in rows:
                if isinstance(row[name], str) and draw(st.booleans()):
                    row[name] = draw(st.sampled_from(["coding", "testing", "heap", "graphs"]))
            part[spec.key] = rows
    return document


@pytest.mark.parametrize(
    "files",
    [
        pytest.param(lambda base: st.one_of(mutated_documents(base), JSON_VALUES), id="any json"),
        pytest.param(changed_own_lists, id="a records own lists changed"),
    ],
)
@SETTINGS
@given(data=st.data())
def test_a_file_is_imported_fully_or_rejected(
    shared: tuple[Profile, dict[str, Any]],
    files: Callable[[dict[str, Any]], st.SearchStrategy[Any]],
    data: st.DataObject,
) -> None:
    """Any file, and in particular one whose records' own lists differ from the profile's:
    every record ends up exactly as in the file, or nothing is written."""
    profile, base = shared
    _imported_fully_or_rejected(profile, data.draw(files(base)))


def _own_lists(
    document: dict[str, Any], after: dict[str, Any]
) -> Iterator[tuple[str, str, list[str], list[str]]]:
    """For each record in the file that has lists of its own (a session's tags, a story's
    themes, a mock's scores): the rows the file lists and the rows the profile now has."""
    for section in SECTIONS:
        part = document["sections"].get(section.name, {})
        for spec in section.tables:
            if spec.parent is None or not spec.exact or spec.key not in part:
                continue
            name, parent = spec.parent
            owners = {parent.key_of(parent.record.model_validate(r))[0] for r in part[parent.key]}
            wanted = [
                row
                for _s, _k, row in _imported_rows(document)
                if _k == spec.key and _s == section.name
            ]
            yield (
                section.name,
                spec.key,
                sorted(json.dumps(r, sort_keys=True) for r in wanted if r[name] in owners),
                sorted(
                    json.dumps(r, sort_keys=True)
                    for r in after["sections"][section.name][spec.key]
                    if r[name] in owners
                ),
            )


NOTE_NAMES = st.sampled_from(
    ["2026-11-20.md", "2026-11-21.md", "2026-02-30.md", "Ideas.md", "sub/2026-11-22.md", "x.txt"]
)
FRONT = st.sampled_from(
    [
        "", "---\n---\n", "---\ntags: [a, b]\n---\n", "---\ndate: 2026-11-19\n---\n",
        "---\ndate: 2026-02-30\n---\n", "---\n[unclosed\n---\n", "---\n- a list\n---\n",
        "---\nentries: [{title: T, kind: bogus}]\n---\n", "---\nentries: 3\n---\n",
        "---\ntags: '#one #two'\n---\n", "---\ndate: [1]\n---\n",
    ]
)  # fmt: skip
BODY = st.text(max_size=80) | st.sampled_from(
    ["# Heading\n\ntext", "<!-- loopwise entry -->\n## T\n\nbody", "\x00binary", "plain"]
)


@SETTINGS
@given(
    files=st.lists(
        st.tuples(NOTE_NAMES, FRONT, BODY, st.booleans()), max_size=4, unique_by=lambda f: f[0]
    )
)
def test_any_folder_of_notes_is_imported_fully_or_rejected(
    shared: tuple[Profile, dict[str, Any]], files: list[tuple[str, str, str, bool]]
) -> None:
    profile, _base = shared
    folder = Path(tempfile.mkdtemp(prefix="loopwise-notes-"))
    try:
        for name, front, body, as_bytes in files:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if as_bytes:
                target.write_bytes((front + body).encode("utf-8", "surrogatepass") + b"\xff")
            else:
                target.write_text(front + body, encoding="utf-8", errors="surrogatepass")
        before = exported(profile)["sections"]["journal"]["entries"]
        try:
            plan = notes_imported(profile, folder)
        except ImportRejected as rejected:
            assert rejected.problems and all(p.strip() for p in rejected.problems)
            assert exported(profile)["sections"]["journal"]["entries"] == before
            return
        after = exported(profile)["sections"]["journal"]["entries"]
        assert len(after) == len(before) + len(plan.new)
        present = {(row["entry_date"], row["title"], row["body"]) for row in after}
        for day, entry in plan.new:
            assert (day.isoformat(), entry.title.strip(), entry.body.strip()) in present
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# Records made in the app (each with an id of its own profile) and the rows that belong to
# them; the checklist state and settings are one row per item or key in any profile.
MADE = {
    spec.key
    for section in SECTIONS
    for spec in section.tables
    if spec.identity or (spec.parent is not None and spec.parent[1].identity)
}


class TwoExports:
    def __init__(self, mine: dict[str, Any], theirs: dict[str, Any]) -> None:
        self.mine, self.theirs = mine, theirs

    def __repr__(self) -> str:  # hypothesis shows the test's arguments; these are large
        return "TwoExports(...)"


@pytest.fixture(scope="module")
def two_profiles() -> Iterator[TwoExports]:
    """Exports of two profiles used on their own, so their ids overlap throughout."""
    folder = Path(tempfile.mkdtemp(prefix="loopwise-two-"))
    try:
        exports = []
        for name, seed, now in (("a", 7, NOW), ("b", 11, NOW - timedelta(days=200, seconds=17))):
            source = open_profile(ProfileFolder(folder / name), clock=StepClock())
            with session_scope(source.engine) as session:
                populate_demo_profile(
                    session=session, paths=source.library.paths, today=now, seed=seed
                )
            stories_and_plans(source, now=now)
            exports.append(exported(source))
            source.close()
        yield TwoExports(exports[0], exports[1])
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _some_of(document: dict[str, Any], rng: random.Random, keys: set[str]) -> dict[str, Any]:
    """About half the records of the lists in `keys`, with what belongs to them; records
    pointing at one left out are left out too."""
    document = copy.deepcopy(document)
    kept: dict[str, set[Any]] = {}
    for section in SECTIONS:
        part = document["sections"][section.name]
        for spec in section.tables:
            rows = part[spec.key] if spec.key in keys else []
            if spec.parent is None:
                rows = [row for row in rows if rng.random() < 0.5]
            part[spec.key] = [
                row
                for row in rows
                if all(
                    row[name] is None or row[name] in kept.get(table, set())
                    for name, (table, _field) in spec.checked_references.items()
                )
            ]
            kept[spec.table_name] = {row[spec.key_fields[0]] for row in part[spec.key]}
    return document


@settings(max_examples=8, deadline=None)
@given(mine=st.integers(0, 2**32), theirs=st.integers(0, 2**32))
def test_importing_another_profile_keeps_every_record_and_adds_all_of_theirs(
    two_profiles: TwoExports, mine: int, theirs: int
) -> None:
    a, b = two_profiles.mine, two_profiles.theirs
    folder = Path(tempfile.mkdtemp(prefix="loopwise-merge-"))
    profile = open_profile(ProfileFolder(folder), clock=StepClock())
    try:
        every_list = {spec.key for section in SECTIONS for spec in section.tables}
        imported(profile, _some_of(a, random.Random(mine), every_list))
        before = exported(profile)
        theirs_file = _some_of(b, random.Random(theirs), MADE)
        asked: list[Any] = []
        plan = imported(profile, theirs_file, lambda plan: bool(asked.append(plan)))
        assert plan is not None and asked == [] and (plan.replaced, plan.removed) == (0, 0)
        after = exported(profile)
        stored = _renumbered(theirs_file, plan.renumbering)
        for section in SECTIONS:
            for spec in section.tables:
                had = before["sections"][section.name][spec.key]
                now_has = after["sections"][section.name][spec.key]
                added = stored["sections"][section.name][spec.key]
                assert all(row in now_has for row in had), f"{spec.key}: a record of mine changed"
                assert all(row in now_has for row in added), f"{spec.key}: one of theirs is missing"
                if spec.key in MADE:
                    assert len(now_has) == len(had) + len(added)
    finally:
        profile.close()
        shutil.rmtree(folder, ignore_errors=True)
