"""What the Trends page says under the weak spots: those ranked past the ones shown in full,
what it is only watching, what has not been practised lately, and where there is too little
to go on. Plain text, never markup."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.weak_spots import EVIDENCE_DAYS, LAPSE_DAYS, WeakSpot, WeakSpotReport
from desktop.domain.wording import counted

SPOTS_SHOWN = 5  # weak spots shown in full, each with its Plan practice button
SHOWN = 4  # of each list below them
NO_SESSIONS = "Too little data yet: no sessions in the period and path chosen."


def weak_spot_notes(spots: Sequence[WeakSpot], report: WeakSpotReport | None) -> str:
    paragraphs = []
    if report is not None and _nothing_to_go_on(report):
        # A path or period without a session: not the same as practice that went fine.
        return NO_SESSIONS
    if not spots:
        paragraphs.append(
            "No weak spots yet. Something is listed here once it has gone wrong in several "
            "sessions, clearly more often than the rest of your practice."
        )
        if report is not None and report.covered:
            paragraphs.append("Going fine so far: " + _listed(report.covered) + ".")
    if len(spots) > SPOTS_SHOWN:  # named, so none is hidden (and the terminal says the same)
        further = [f"{spot.label} ({spot.bad} of {spot.seen} went wrong)" for spot in
                   spots[SPOTS_SHOWN:]]  # fmt: skip
        paragraphs.append("Also weak, further down the ranking: " + _listed(further) + ".")
    if report is None:
        return "\n\n".join(paragraphs)
    if report.watching:
        watched = [f"{spot.label} ({spot.bad} of {spot.seen} went wrong)" for spot in
                   report.watching]  # fmt: skip
        paragraphs.append("Watching, not enough to call yet: " + _first(watched) + ".")
    if report.lapsed:
        lapsed = [f"{lapse.label} ({lapse.days} days ago)" for lapse in report.lapsed]
        paragraphs.append(f"Not practised in the last {LAPSE_DAYS} days: " + _first(lapsed) + ".")
    if report.too_little:
        paragraphs.append("Too little data yet: " + _listed(report.too_little) + ".")
    if report.older_sessions:
        # "Everything" counts 20,000 sessions; the list itself rests on the last few months.
        older = report.older_sessions
        paragraphs.append(
            f"Weak spots weigh the last {EVIDENCE_DAYS} days of practice. The "
            f"{counted(older, 'session')} before that {'counts' if older == 1 else 'count'} "
            "only for what has not been practised lately."
        )
    return "\n\n".join(paragraphs)


def _nothing_to_go_on(report: WeakSpotReport) -> bool:
    return report.sessions == 0 and not (
        report.spots or report.watching or report.lapsed or report.too_little or report.covered
    )


def _first(parts: Sequence[str]) -> str:
    """The first few, and how many more there are, so a cut list does not read as complete."""
    if len(parts) <= SHOWN:
        return _listed(parts)
    more = len(parts) - SHOWN
    return ", ".join(parts[:SHOWN]) + f" and {more} more"


def _listed(parts: Sequence[str]) -> str:
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)
