"""On the first start in a new week, offer the weekly review: a status-bar message once per
week (remembered in the profile) and a banner on the Plan page until the review is written."""

from __future__ import annotations

from desktop.store import plan as plan_store
from desktop.store.errors import WriteFailed
from desktop.ui import page_info
from desktop.ui.main_window import MainWindow
from desktop.ui.plan.data import today

MESSAGE_MS = 20_000


def announce_weekly_review(window: MainWindow) -> bool:
    """Say so in the status bar if a review is due and was not announced this week yet."""
    if not window.isVisible():
        return False
    try:
        with window.context.writing() as session:
            week = plan_store.claim_review_announcement(
                session=session,
                today=today(window.context),
                first=window.context.preferences.first_weekday(),
            )
    except WriteFailed:
        return False  # only an offer: try again on the next start
    if week is None:
        return False
    row = [page.page_key for page in window.pages].index(page_info.PLAN.key)
    window.statusBar().showMessage(
        f"Last week is over: look back at it on the Plan page (Ctrl+{row + 1}).",
        MESSAGE_MS,
    )
    return True
