"""Bug reports: what went wrong inside Loopwise, kept in the data folder for the user to send."""

from __future__ import annotations

import traceback
from datetime import datetime
from pathlib import Path

REPORTS_FOLDER = "reports"


def write_bug_report(data_dir: Path, error: BaseException, *, what: str, now: datetime) -> Path:
    """Write the error and its traceback to reports/; return the file. Never raises OSError:
    a report that cannot be written is printed instead."""
    text = f"Loopwise bug report, {now.isoformat(timespec='seconds')}\nWhile: {what}\n\n" + "".join(
        traceback.format_exception(error)
    )
    folder = data_dir / REPORTS_FOLDER
    report = folder / f"bug-{now:%Y%m%d-%H%M%S-%f}.txt"
    try:
        folder.mkdir(exist_ok=True)
        report.write_text(text, encoding="utf-8")
    except OSError:
        print(text)
    return report
