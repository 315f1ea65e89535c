"""The patterns a path item practises (its taxonomy topics), ticked in advance when a session
on it is logged: the user clears what they did not use instead of finding what they did.

An item's topics may name a mistake too (the Big-O drill names "Complexity analysis"): the
item trains against it. A mistake is never a pattern applied, and whether it tripped the user
up is theirs to tick under Struggled with, so it is kept apart: the item panel names it as one
to watch out for, not as something the item practises."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.domain.practice import AttemptSubject
from desktop.domain.taxonomy import TagKind, Taxonomy
from desktop.store import progress as progress_store
from desktop.store.database import session_scope
from desktop.ui.context import AppContext


def item_patterns(context: AppContext, subject: AttemptSubject) -> tuple[str, ...]:
    """The item's topics but mistakes, shipped or the user's own item; () for free and routine
    sessions."""
    return practised_and_watched(_item_topics(context, subject), context.profile.taxonomy)[0]


def practised_and_watched(
    topics: Sequence[str], taxonomy: Taxonomy
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An item's topics split into what it practises and the mistakes it trains against
    (a tag the taxonomy does not know counts as practised, as it is shown as it is)."""
    kinds = taxonomy.tag_kinds
    is_mistake = [kinds.get(taxonomy.resolve(t) or t) == TagKind.MISTAKE for t in topics]
    practised = tuple(t for t, mistake in zip(topics, is_mistake, strict=True) if not mistake)
    watched = tuple(t for t, mistake in zip(topics, is_mistake, strict=True) if mistake)
    return practised, watched


def _item_topics(context: AppContext, subject: AttemptSubject) -> tuple[str, ...]:
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
