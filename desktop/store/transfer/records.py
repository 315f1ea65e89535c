"""Field types shared by the export records: what a valid value looks like in the JSON file."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict

from desktop.domain.text_limits import LIST_TEXT, LONG_TEXT, SHORT_TEXT, length_problem

# What JSON can hold but a text column cannot: a lone surrogate ("\ud800") is valid JSON but
# cannot be stored as UTF-8 text, and a NUL ends the text in some readers. One regular
# expression finds either, in C, where a character-by-character loop took seconds on a big file.
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _plain_text(value: str) -> str:
    if _NOT_TEXT.search(value) is not None:
        if _SURROGATE.search(value) is not None:
            raise ValueError("contains a character that is not valid text (a lone surrogate)")
        raise ValueError("contains a NUL character")
    return value


def _utc(value: datetime) -> datetime:
    # Times are kept in UTC; one written without a zone is taken to be UTC already.
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except OverflowError:  # 9999-12-31T23:00-05:00 is past the last representable moment
        raise ValueError("is outside the range of dates Loopwise can store") from None


def _text_of_at_most(limit: int) -> AfterValidator:
    """Plain text of at most `limit` characters: one check per field, not one per rule."""

    def check(value: str) -> str:
        if len(value) > limit:
            raise ValueError(length_problem(value, limit))
        return _plain_text(value)

    return AfterValidator(check)


# Every text field has a length limit (desktop/domain/text_limits.py): long text by default,
# shorter for titles and for lists written one per line.
Text = Annotated[str, _text_of_at_most(LONG_TEXT)]
Title = Annotated[str, _text_of_at_most(SHORT_TEXT)]
Lines = Annotated[str, _text_of_at_most(LIST_TEXT)]
# The length limits come first so pydantic checks them in its own (compiled) code.
Key = Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_plain_text)]
Time = Annotated[datetime, AfterValidator(_utc)]
# Numbers and yes/no values must be written as such: `true` is not the number 1, and "5" or
# 5.0 are not 5 (dates, times and choices are still read from their text).
Whole = Annotated[int, Strict()]
Flag = Annotated[bool, Strict()]
RowId = Annotated[Whole, Field(ge=1, le=2**63 - 1)]
Count = Annotated[Whole, Field(ge=0, le=2**31)]


class Record(BaseModel):
    """One table row as it appears in the export: exactly these fields, nothing else."""

    model_config = ConfigDict(extra="forbid", strict=False, from_attributes=True)
