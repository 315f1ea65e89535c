"""The profile's own database refused as a path or quiz file to import, told as that file's
problem (a DataFileError), as any other problem with a data file is."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.data_file import DataFileError
from desktop.store.own_files import REFUSED, OwnFileRefused, refuse_own_file


def refuse_own_data_file(path: Path, database: Path | None) -> None:
    """refuse_own_file for a path or quiz file import, told as the problem with that file."""
    if database is None:
        return
    try:
        refuse_own_file(path, database)
    except OwnFileRefused:
        raise DataFileError(str(path), None, None, REFUSED) from None


def is_own_file_refusal(error: DataFileError) -> bool:
    """The problem refuse_own_data_file tells: the file is not to be fixed but left alone."""
    return error.problem == REFUSED and not error.more
