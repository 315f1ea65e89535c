"""Reading an export back: validated completely before anything is written, all or nothing.

Import merges by stable keys. Row ids are numbered per profile, so a record with an id is
matched by its id and its identity (when it was created or logged, see identity.py): a record
of another profile that happens to have the same id is added under a fresh id, never written
over the profile's row. A record whose key is not in the profile is added; one whose key is
there with different contents replaces that row (and the user is asked first); one that is
identical changes nothing. The only rows ever removed are the parts of a record in the file
that the file no longer lists (a session's tags, a story's themes): a replaced record ends up
exactly as the file has it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session, select

from desktop.domain.bounded_read import UnreadableFile, read_bounded, size_text
from desktop.store.own_files import OwnFileRefused, refuse_own_file
from desktop.store.transfer.collector import collector_paused
from desktop.store.transfer.identity import Renumbering, Validated, renumber
from desktop.store.transfer.json_export import FORMAT_NAME, FORMAT_VERSION
from desktop.store.transfer.progress_report import (
    CHECKING,
    COMPARING,
    REPORT_EVERY,
    WRITING,
    Progress,
    quiet,
)
from desktop.store.transfer.records import Record
from desktop.store.transfer.sections import SECTIONS
from desktop.store.transfer.tables import TableChanges, TableSpec, compare_table, write_table

MAX_ERRORS_SHOWN = 20
# Checking stops after this many problems: a big file that is not an export would otherwise
# list millions (gigabytes of text, minutes), when a few show what is wrong.
MAX_PROBLEMS = 1000
# Ten years of daily use exports to a few tens of MB; a file far larger is not an export.
MAX_IMPORT_BYTES = 200_000_000


class ImportRejected(Exception):
    """Nothing was imported. Each problem names the record and the field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems[:MAX_ERRORS_SHOWN]))
        self.problems = problems

    def summary(self) -> str:
        stopped = self.problems[-1:] == [CHECK_STOPPED]
        found = self.problems[:-1] if stopped else self.problems
        shown = found[:MAX_ERRORS_SHOWN]
        more = len(found) - len(shown)
        tail = [f"… and {more} more problems"] if more > 0 else []
        if stopped:
            tail.append(CHECK_STOPPED)
        return "\n".join(["Nothing was imported:", *(f"• {p}" for p in shown), *tail])


CHECK_STOPPED = (
    f"Checking stopped after {MAX_PROBLEMS:,} problems: the file is too far from a Loopwise "
    "export to list them all."
)


@dataclass
class ImportPlan:
    """What an import would do, worked out before anything is written."""

    tables: list[tuple[TableSpec, TableChanges]] = field(default_factory=list)
    # The file's ids that are stored under another id (see identity.py).
    renumbering: Renumbering = field(default_factory=dict)
    # The file's records, checked: writing compares them with the profile again, as it is
    # then, without reading or checking the file a second time.
    validated: Validated = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(len(changes.added) for _spec, changes in self.tables)

    @property
    def replaced(self) -> int:
        return sum(len(changes.replaced) for _spec, changes in self.tables)

    @property
    def removed(self) -> int:
        return sum(len(changes.removed) for _spec, changes in self.tables)

    @property
    def unchanged(self) -> int:
        return sum(changes.unchanged for _spec, changes in self.tables)

    @property
    def changes_anything(self) -> bool:
        return bool(self.added or self.replaced or self.removed)

    @property
    def needs_confirmation(self) -> bool:
        """An import that would write over or remove anything the profile has asks first."""
        return bool(self.replaced or self.removed)

    def question(self) -> str:
        """What to ask before an import that writes over or removes records."""
        counts = (("replace", self.replaced), ("remove", self.removed))
        overwrites = " and ".join(f"{verb} {count}" for verb, count in counts if count)
        return (
            f"This import would {overwrites} of your records and add {self.added} "
            f"({self.describe()})."
        )

    def describe(self) -> str:
        parts = []
        for spec, changes in self.tables:
            counts = (
                (len(changes.added), "new"),
                (len(changes.replaced), "replaced"),
                (len(changes.removed), "removed"),
            )
            bits = [f"{count} {what}" for count, what in counts if count]
            if bits:
                parts.append(f"{spec.label}: {', '.join(bits)}")
        if not parts:
            return "nothing new (everything is already here)"
        text = "; ".join(parts)
        if moved := self.added_under_new_ids:
            text += (
                f" ({moved} of the new records had ids your profile uses for other records, "
                "so they got new ids)"
            )
        return text

    @property
    def added_under_new_ids(self) -> int:
        """New records that could not keep their id: another record of the profile has it."""
        new_ids = {(table, stored) for (table, _file_id), stored in self.renumbering.items()}
        return sum(
            (spec.table_name, spec.key_of(record)[0]) in new_ids
            for spec, changes in self.tables
            if spec.identity
            for record in changes.added
        )


def read_document(file: Path, *, database: Path | None = None) -> Any:
    """The parsed export in `file`; `database`, the profile's, is refused as the file (its
    plain read would drop the app's SQLite locks, see own_files.py)."""
    if database is not None:
        try:
            refuse_own_file(file, database)
        except OwnFileRefused:
            raise ImportRejected(
                [f"{file} is where your data is kept, not an export: choose a Loopwise export."]
            ) from None
    try:
        text = read_bounded(file, limit=MAX_IMPORT_BYTES).decode("utf-8")
    except UnicodeDecodeError:
        raise ImportRejected([f"{file.name} is not a UTF-8 text file."]) from None
    except UnreadableFile as error:
        if error.problem.startswith("is larger than"):
            limit = size_text(MAX_IMPORT_BYTES)
            raise ImportRejected(
                [f"{file} is larger than {limit}, far more than a Loopwise export."]
            ) from None
        raise ImportRejected([f"{file} {error.problem}."]) from None
    return parse_document(text, file.name)


# json's messages, some of which end mid-sentence ("Unterminated string starting at").
_JSON_PROBLEMS = {
    "Unterminated string starting at": "an unfinished string starts",
    "Expecting value": "a value is missing",
    "Expecting ',' delimiter": "a comma is missing",
    "Expecting ':' delimiter": "a colon is missing",
    "Expecting property name enclosed in double quotes": "a field name in double quotes is missing",
    "Extra data": "there is more text after the end of the document",
    "Invalid control character at": "a string has a control character (such as a tab)",
    "Invalid \\escape": "a backslash starts an escape that is not valid",
}


def parse_document(text: str, name: str = "the file") -> Any:
    if not text.strip():
        raise ImportRejected([f"{name} is empty: there is nothing in it to import."])
    try:
        with collector_paused():  # a big file is hundreds of thousands of objects
            return json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Expecting value" and error.pos == len(text) - len(text.lstrip()):
            # Not JSON from its first character (a text file, /etc/passwd, a note): "a value
            # is missing at line 1, column 1" would send the user looking for a typo.
            raise ImportRejected(
                [
                    f"{name} is not a Loopwise export: it is not JSON at all (an export begins "
                    "with “{”)."
                ]
            ) from None
        what = _JSON_PROBLEMS.get(error.msg, error.msg.removesuffix(" at").lower())
        where = f"line {error.lineno}, column {error.colno}"
        ended = error.msg.startswith("Unterminated") or error.pos >= len(text.rstrip())
        cut = " (the file may have been cut off)" if ended else ""
        raise ImportRejected([f"{name} is not valid JSON: {what} at {where}{cut}."]) from None
    except RecursionError:
        raise ImportRejected([f"{name} is nested too deeply to be a Loopwise export."]) from None
    except ValueError:  # "Exceeds the limit (4300 digits) for integer string conversion"
        raise ImportRejected(
            [f"{name} has a number with too many digits to be a Loopwise export."]
        ) from None


def validate_document(document: Any, progress: Progress = quiet) -> Validated:
    """Every record checked against the schema, in one pass; raises ImportRejected listing
    every problem."""
    if not isinstance(document, dict):
        raise ImportRejected(["The file is not a Loopwise export (expected a JSON object)."])
    if document.get("format") != FORMAT_NAME:
        raise ImportRejected(
            [f"The file is not a Loopwise export ('format' is not {FORMAT_NAME!r})."]
        )
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise ImportRejected(["The file's 'version' is missing or not a whole number."])
    if version > FORMAT_VERSION:
        raise ImportRejected(
            [f"The file is format version {version}; this Loopwise reads up to {FORMAT_VERSION}. "
             "Please update the app."]
        )  # fmt: skip
    sections = document.get("sections")
    if not isinstance(sections, dict):
        raise ImportRejected(["The file has no 'sections' object."])
    known = {section.name for section in SECTIONS}
    problems = [
        f"Unknown section {name!r} (known: {', '.join(sorted(known))})."
        for name in sections
        if name not in known
    ]
    validated: Validated = []
    counter = _Counter(progress, CHECKING, _record_count(sections))
    for section in SECTIONS:
        part = sections.get(section.name, {})
        if not isinstance(part, dict):
            problems.append(f"Section {section.name!r} is not an object.")
            continue
        allowed = {spec.key for spec in section.tables}
        problems += [
            f"Section {section.name!r} has an unknown list {key!r}."
            for key in part
            if key not in allowed
        ]
        for spec in section.tables:
            if spec.key not in part:  # a list left out imports nothing
                continue
            room = MAX_PROBLEMS - len(problems)
            records, found = _validate_table(section.name, spec, part[spec.key], counter, room)
            problems += found
            validated.append((spec, records))
            if len(problems) >= MAX_PROBLEMS:
                raise ImportRejected([*problems[:MAX_PROBLEMS], CHECK_STOPPED])
    problems += _duplicate_keys(validated)
    if len(problems) > MAX_PROBLEMS:
        raise ImportRejected([*problems[:MAX_PROBLEMS], CHECK_STOPPED])
    if problems:
        raise ImportRejected(problems)
    counter.finish()
    return validated


class _Counter:
    """Reports every REPORT_EVERY records, and once at the end."""

    def __init__(self, progress: Progress, step: str, total: int) -> None:
        self.progress, self.step, self.total, self.done = progress, step, total, 0
        self._next = REPORT_EVERY
        progress(step, 0, total)

    def add(self, count: int = 1) -> None:
        self.done += count
        if self.done >= self._next:
            self._next = self.done + REPORT_EVERY
            self.progress(self.step, min(self.done, self.total), self.total)

    def finish(self) -> None:
        self.progress(self.step, self.total, self.total)


def _record_count(sections: dict[str, Any]) -> int:
    return sum(
        len(rows)
        for part in sections.values()
        if isinstance(part, dict)
        for rows in part.values()
        if isinstance(rows, list)
    )


def _validate_table(
    section: str, spec: TableSpec, rows: Any, counter: _Counter, room: int
) -> tuple[list[Record], list[str]]:
    """The table's good records, and its problems: checking stops once there are `room`."""
    if not isinstance(rows, list):
        return [], [f"{section}.{spec.key} is not a list."]
    records: list[Record] = []
    problems: list[str] = []
    # model_validate's own validator, called directly: it is what model_validate calls.
    validate = spec.record.__pydantic_validator__.validate_python
    for start in range(0, len(rows), REPORT_EVERY):
        for index in range(start, min(start + REPORT_EVERY, len(rows))):
            row = rows[index]
            if not isinstance(row, dict):
                problems.append(f"{spec.describe(index, None)} is not an object.")
                continue
            try:
                records.append(validate(row))
            except ValidationError as error:
                for detail in error.errors():
                    where = ".".join(str(part) for part in detail["loc"]) or "(record)"
                    problems.append(
                        f"{spec.describe(index, _printable_keys(row))}, field {where}: "
                        f"{_explain(detail)}."
                    )
        counter.add(min(REPORT_EVERY, len(rows) - start))
        if len(problems) >= room:
            break
    return records, problems


def _explain(detail: Any) -> str:
    """Pydantic's message, said as what the field expects."""
    kind = str(detail["type"])
    if kind.startswith("date_"):
        return "expected a date like 2026-11-22"
    if kind.startswith("datetime_"):
        return "expected a time like 2026-11-22T09:15:00Z"
    if kind == "int_type":
        return f"expected a whole number, not {_shown(detail.get('input'))}"
    if kind == "bool_type":
        return f"expected true or false, not {_shown(detail.get('input'))}"
    if kind == "value_error" and "error" in detail.get("ctx", {}):
        return str(detail["ctx"]["error"])  # our own rules, without pydantic's "Value error, "
    return str(detail["msg"])


def _shown(value: object) -> str:
    """A value as the JSON file has it (true, "5", 5.0), cut short if it is long."""
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _printable_keys(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if isinstance(v, str | int) and not isinstance(v, bool)}


def _duplicate_keys(validated: Validated) -> list[str]:
    problems = []
    for spec, records in validated:
        if spec.keys_unique(records):  # one pass in C: a file without duplicates, the usual
            continue
        seen: set[tuple[Any, ...]] = set()
        for index, record in enumerate(records):
            key = spec.key_of(record)
            if key in seen:
                problems.append(f"{spec.describe(index, record)} appears twice in the file.")
            seen.add(key)
    return problems


def _missing_references(session: Session, validated: Validated) -> list[str]:
    """Records pointing at a row that is neither in the file nor in the profile. Each
    referenced column is read at most once, and only if the file points outside itself."""
    pointed_at = {
        target for spec, _records in validated for target in spec.checked_references.values()
    }
    in_file: dict[tuple[str, str], set[Any]] = {}
    for spec, records in validated:
        for name in spec.key_fields:
            if (spec.table_name, name) in pointed_at:  # only what some record points at
                in_file[(spec.table_name, name)] = {getattr(r, name) for r in records}
    in_profile: dict[tuple[str, str], set[Any]] = {}
    problems = []
    for spec, records in validated:
        for field_name, (table_name, target_field) in spec.checked_references.items():
            target = _SPECS[table_name]
            known = in_file.get((table_name, target_field), set())
            for index, record in enumerate(records):
                value = getattr(record, field_name)
                if value is None or value in known:
                    continue
                if (table_name, target_field) not in in_profile:
                    column = getattr(target.table, target_field)
                    there = session.exec(select(column).where(*target.exported()))
                    in_profile[(table_name, target_field)] = set(there)
                if value not in in_profile[(table_name, target_field)]:
                    problems.append(
                        f"{spec.describe(index, record)}, field {field_name}: "
                        f"there is no {target.label} with {target_field} {value}."
                    )
    return problems


_SPECS = {spec.table_name: spec for section in SECTIONS for spec in section.tables}


def plan_import(*, session: Session, document: Any, progress: Progress = quiet) -> ImportPlan:
    """Validate the document and work out what it would add and replace (nothing written)."""
    validated = validate_document(document, progress)
    return plan_records(session=session, validated=validated, progress=progress)


def plan_records(
    *, session: Session, validated: Validated, progress: Progress = quiet
) -> ImportPlan:
    """What the checked records would add, replace and remove in the profile as it is now;
    raises ImportRejected if they point at records that are not there (nothing written)."""
    file_records = validated
    problems = _missing_references(session, validated)
    if problems:
        raise ImportRejected(problems)
    validated, renumbering = renumber(session=session, validated=validated)
    by_table = {spec.table_name: records for spec, records in validated}
    for section in SECTIONS:
        if section.check is not None:
            mine = {
                s.key: by_table[s.table_name] for s in section.tables if s.table_name in by_table
            }
            problems += section.check(session=session, records=mine)
    if problems:
        raise ImportRejected(problems)
    plan = ImportPlan(renumbering=renumbering, validated=file_records)
    counter = _Counter(progress, COMPARING, sum(len(records) for _spec, records in validated))
    for spec, records in validated:
        parents: set[Any] = set()
        if spec.parent is not None:
            parent = spec.parent[1]
            parents = {parent.key_of(r)[0] for r in by_table.get(parent.table_name, [])}
        changes = compare_table(session=session, spec=spec, records=records, parents=parents)
        plan.tables.append((spec, changes))
        counter.add(len(records))
    counter.finish()
    return plan


def apply_import(*, session: Session, plan: ImportPlan, progress: Progress = quiet) -> None:
    """Write the plan; the caller's transaction makes it all or nothing."""
    counter = _Counter(progress, WRITING, plan.added + plan.replaced)
    for spec, changes in plan.tables:
        write_table(session=session, spec=spec, changes=changes, on_rows=counter.add)
    counter.finish()
