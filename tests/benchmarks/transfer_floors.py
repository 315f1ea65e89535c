"""The floors of the import and export benchmark (bench_transfer.py): the least a program
must do to move the same records with the same libraries, `json` and `sqlite3` only.

Run as a process of its own (so it pays nothing but Python's start), or called in-process:

    python -m tests.benchmarks.transfer_floors import DATABASE FILE LAYOUT_JSON
    python -m tests.benchmarks.transfer_floors export DATABASE FILE LAYOUT_JSON

LAYOUT_JSON lists (section, list, table, fields, key) for every list of the export.
"""

from __future__ import annotations

import json
import operator
import os
import sqlite3
import sys
from typing import Any

Layout = list[list[Any]]


def floor_import(database: str, source: str, layout: Layout) -> None:
    """Read the file and insert every record as it is (no checks, no conversion) into the
    same schema, with the app's pragmas, in one transaction."""
    with open(source, encoding="utf-8") as file:
        document = json.load(file)
    connection = sqlite3.connect(database, isolation_level=None)
    for pragma in ("journal_mode=WAL", "foreign_keys=ON", "synchronous=FULL"):
        connection.execute("PRAGMA " + pragma)
    connection.execute("BEGIN")
    for section, key, table, columns, _order in layout:
        rows = document["sections"][section][key]
        if rows:
            marks = ", ".join("?" * len(columns))
            names = ", ".join(f'"{name}"' for name in columns)
            values = map(operator.itemgetter(*columns), rows)  # a tuple: every list has 2+
            connection.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
    connection.execute("COMMIT")
    connection.close()


def floor_export(database: str, target: str, layout: Layout) -> None:
    """Read the same columns of every table in key order, write them as compact JSON and sync
    the file to disk, as the app does."""
    connection = sqlite3.connect(database)
    sections: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for section, key, table, columns, order in layout:
        names = ", ".join(f'"{name}"' for name in columns)
        cursor = connection.execute(f'SELECT {names} FROM "{table}" ORDER BY {", ".join(order)}')
        sections.setdefault(section, {})[key] = [
            dict(zip(columns, row, strict=False)) for row in cursor
        ]
    connection.close()
    document = {"format": "loopwise-export", "version": 1, "sections": sections}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    with open(target, "w", encoding="utf-8") as file:
        file.write(text)
        file.flush()
        os.fsync(file.fileno())


if __name__ == "__main__":
    what, database, file, layout = sys.argv[1:5]
    (floor_import if what == "import" else floor_export)(database, file, json.loads(layout))
