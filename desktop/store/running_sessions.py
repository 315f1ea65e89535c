"""A record on disk of the practice sessions running right now, so a crash does not lose one.

The timer lives in memory while a session runs; this small JSON file in the data folder
(running-session.json) says what is being practised, when it started, its pauses and the time
it had reached. It is rewritten atomically on start, pause, resume and every minute, and the
session's record is removed once it is logged or discarded. A record still there at start-up
belongs to a session the app never finished: the user is offered to log it.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Any

from desktop.domain.bounded_read import UnreadableFile, read_bounded
from desktop.domain.practice import AttemptSubject, SessionClock

FILE_FORMAT = 1


@dataclass(frozen=True)
class RunningSession:
    key: str  # tells the sessions in one file apart (several can run at once)
    subject: AttemptSubject
    started_at: datetime
    elapsed_seconds: int  # the time it had reached when last saved
    running: bool
    pauses: tuple[tuple[datetime, datetime | None], ...]
    saved_at: datetime

    @classmethod
    def of(
        cls, key: str, subject: AttemptSubject, clock: SessionClock, now: datetime
    ) -> RunningSession:
        return cls(
            key=key,
            subject=subject,
            started_at=clock.started_at,
            elapsed_seconds=clock.elapsed_seconds(now),
            running=clock.running,
            pauses=clock.pauses,
            saved_at=now,
        )


MAX_FILE_BYTES = 1_000_000  # a record is a few hundred bytes per running session


def save_running_session(file: Path, running: RunningSession) -> None:
    """Add or replace this practice session's record. Raises OSError if it cannot be written."""
    others = [kept for kept in running_sessions(file) if kept.key != running.key]
    _write(file, [*others, running])


def forget_running_session(file: Path, key: str) -> None:
    """Remove the record of a session that was logged or discarded (the file, once empty)."""
    kept = [s for s in running_sessions(file) if s.key != key]
    if kept:
        _write(file, kept)
    else:
        file.unlink(missing_ok=True)


def running_sessions(file: Path) -> list[RunningSession]:
    """The sessions recorded as running, oldest first; none if the file is missing or unusable."""
    if not file.exists():
        return []
    try:
        document = json.loads(read_bounded(file, limit=MAX_FILE_BYTES))
        found = [_from_json(item) for item in document["sessions"]]
    except (UnreadableFile, ValueError, KeyError, TypeError, RecursionError):
        return []  # a damaged record cannot be offered; the next save writes a good one
    return sorted(found, key=lambda s: s.started_at)


def _write(file: Path, sessions: list[RunningSession]) -> None:
    """Write to a temporary file, flush it to disk, then rename: never a half-written record."""
    text = json.dumps(
        {"format": FILE_FORMAT, "sessions": [_to_json(s) for s in sessions]}, indent=2
    )
    partial = file.with_name(file.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        partial.replace(file)
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def _to_json(session: RunningSession) -> dict[str, Any]:
    return {
        "key": session.key,
        "subject": asdict(session.subject),
        "started_at": session.started_at.isoformat(),
        "elapsed_seconds": session.elapsed_seconds,
        "running": session.running,
        "pauses": [
            [began.isoformat(), ended.isoformat() if ended else None]
            for began, ended in session.pauses
        ],
        "saved_at": session.saved_at.isoformat(),
    }


def _from_json(item: dict[str, Any]) -> RunningSession:
    known = {f.name for f in fields(AttemptSubject)}
    subject = AttemptSubject(**{k: v for k, v in item["subject"].items() if k in known})
    return RunningSession(
        key=str(item["key"]),
        subject=subject,
        started_at=datetime.fromisoformat(item["started_at"]),
        elapsed_seconds=max(0, int(item["elapsed_seconds"])),
        running=bool(item["running"]),
        pauses=tuple(
            (datetime.fromisoformat(began), datetime.fromisoformat(ended) if ended else None)
            for began, ended in item["pauses"]
        ),
        saved_at=datetime.fromisoformat(item["saved_at"]),
    )
