"""The patterns a path item practises (its taxonomy topics), ticked in advance when a session
on it is logged: the user clears what they did not use instead of finding what they did."""

from __future__ import annotations

from desktop.domain.practice import AttemptSubject
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext


def item_patterns(context: AppContext, subject: AttemptSubject) -> tuple[str, ...]:
    """The item's topics, shipped or the user's own item; () for free and routine sessions."""
    if not subject.path_id or not subject.item_id:
        return ()
    path = next((p for p in context.profile.library.paths if p.id == subject.path_id), None)
    if path is None:
        return ()
    for stage in path.stages:
        for item in stage.items:
            if item.id == subject.item_id:
                return item.topics
    with session_scope(context.profile.engine) as session:
        custom = progress_store.custom_items(session=session, path_id=path.id)
    return next((r.item.topics for r in custom if r.item.id == subject.item_id), ())
