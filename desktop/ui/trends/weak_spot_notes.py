"""What the Trends page says under the weak spots: what it is only watching, what has not
been practised lately, and where there is too little to go on. Plain text, never markup."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.weak_spots import LAPSE_DAYS, WeakSpot, WeakSpotReport

SHOWN = 4  # of each list


def weak_spot_notes(spots: Sequence[WeakSpot], report: WeakSpotReport | None) -> str:
    paragraphs = []
    if not spots:
        paragraphs.append(
            "No weak spots yet. Something is listed here once it has gone wrong in several "
            "sessions, clearly more often than the rest of your practice."
        )
        if report is not None and report.covered:
            paragraphs.append("Going fine so far: " + _listed(report.covered) + ".")
    if report is None:
        return "\n\n".join(paragraphs)
    if report.watching:
        watched = [f"{spot.label} ({spot.bad} of {spot.seen} went wrong)" for spot in
                   report.watching[:SHOWN]]  # fmt: skip
        paragraphs.append("Watching, not enough to call yet: " + _listed(watched) + ".")
    if report.lapsed:
        lapsed = [f"{lapse.label} ({lapse.days} days ago)" for lapse in report.lapsed[:SHOWN]]
        paragraphs.append(f"Not practised in the last {LAPSE_DAYS} days: " + _listed(lapsed) + ".")
    if report.too_little:
        paragraphs.append("Too little data yet: " + _listed(report.too_little) + ".")
    return "\n\n".join(paragraphs)


def _listed(parts: Sequence[str]) -> str:
    return ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else "".join(parts)
