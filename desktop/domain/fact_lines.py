"""Keeping a retrospective's facts lines ("- Time: 31 min (target 25)") true to its attempt.

A retrospective starts with lines its template filled from the practice attempt. When the
attempt is corrected later, those lines are written again from the new facts; a line the user
has changed since (it no longer reads as the template wrote it) is theirs and stays as it is.
"""

from __future__ import annotations

import string

from desktop.domain.journal import TEMPLATE_FIELDS, Template
from desktop.domain.template_prompts import without_prompts

_FORMATTER = string.Formatter()


def _has_fact(line: str) -> bool:
    return any(field is not None for _text, field, _spec, _conv in _FORMATTER.parse(line))


def _filled(line: str, facts: dict[str, str]) -> str:
    values = {name: facts.get(name, "") for name in TEMPLATE_FIELDS}
    return _FORMATTER.vformat(line, (), values)


def refreshed_facts(
    body: str, template: Template, before: dict[str, str], after: dict[str, str]
) -> str:
    """`body` with each line the template filled from `before` filled again from `after`.

    Lines are matched in the template's order, each as a whole line exactly as it was
    written, so the user's own text (and any facts line they edited) is never touched.
    """
    lines = body.split("\n")
    start = 0
    for line in without_prompts(template.body).splitlines():
        if not _has_fact(line):
            continue
        old, new = _filled(line, before), _filled(line, after)
        for index in range(start, len(lines)):
            if lines[index].rstrip("\r") == old:
                if new != old:
                    ending = "\r" if lines[index].endswith("\r") else ""
                    lines[index] = new + ending
                start = index + 1
                break
    return "\n".join(lines)
