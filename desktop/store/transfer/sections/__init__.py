"""Every area of the app in the export, in the order they are written.

Adding an area is one module with a SECTION and one line here.
"""

from __future__ import annotations

from desktop.store.transfer.section import Section
from desktop.store.transfer.sections import journal, planner, practice, progress, stories

SECTIONS: tuple[Section, ...] = (
    progress.SECTION,
    practice.SECTION,
    journal.SECTION,
    stories.SECTION,
    planner.SECTION,
)

# Tables with nothing of the user's own: rebuilt from the others, or the schema's bookkeeping.
DERIVED_TABLES = frozenset(
    {
        "alembic_version",
        "journal_search",  # the journal's full-text index (FTS5) and its shadow tables:
        "journal_search_data",
        "journal_search_idx",
        "journal_search_docsize",
        "journal_search_config",
        "journal_search_content",
    }
)

# Tables of what the user deleted, kept only so that Undo can bring it back (for 30 days:
# store/trash_emptying.py): an export holds what is there now, as deleted stories and attempts
# are left out of it too.
UNDO_ONLY_TABLES = frozenset({"journal_entry_trash"})
