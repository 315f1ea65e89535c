"""Names exports are offered under: what, which and when."""

from __future__ import annotations

import re
from datetime import date


def dated_name(stem: str, label: str, day: date, suffix: str) -> str:
    """ "loop-sheet-amazon-leadership-principles-2026-12-04.pdf": what, which, when."""
    spoken = re.sub(r"['\u2019]", "", label.casefold())  # "path's" becomes "paths"
    words = re.sub(r"[^a-z0-9]+", "-", spoken).strip("-")[:60].rstrip("-")
    return "-".join(part for part in (stem, words, day.isoformat()) if part) + suffix
