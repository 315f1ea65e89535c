"""The journal's full-text index finds other forms of a word.

"idempotency" finds an entry that says "idempotent", "retries" one that says "retry": the
index is made again with SQLite's Porter stemmer in front of the same tokenizer, and built
from the entries ('rebuild' reads journal_entry, its external content). The triggers are
made again with it, as they write into the table that is replaced.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

STEMMED = "porter unicode61 remove_diacritics 2"
UNSTEMMED = "unicode61 remove_diacritics 2"
TRIGGERS = ("journal_entry_au", "journal_entry_ad", "journal_entry_ai")


def upgrade() -> None:
    _index_with(STEMMED)


def downgrade() -> None:
    _index_with(UNSTEMMED)


def _index_with(tokenizer: str) -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS journal_search")
    op.execute(
        "CREATE VIRTUAL TABLE journal_search USING fts5("
        "title, body, tags, content='journal_entry', content_rowid='id', "
        f"tokenize='{tokenizer}')"
    )
    op.execute(
        "CREATE TRIGGER journal_entry_ai AFTER INSERT ON journal_entry BEGIN "
        "INSERT INTO journal_search(rowid, title, body, tags) "
        "VALUES (new.id, new.title, new.body, new.tags); END"
    )
    op.execute(
        "CREATE TRIGGER journal_entry_ad AFTER DELETE ON journal_entry BEGIN "
        "INSERT INTO journal_search(journal_search, rowid, title, body, tags) "
        "VALUES ('delete', old.id, old.title, old.body, old.tags); END"
    )
    op.execute(
        "CREATE TRIGGER journal_entry_au AFTER UPDATE ON journal_entry BEGIN "
        "INSERT INTO journal_search(journal_search, rowid, title, body, tags) "
        "VALUES ('delete', old.id, old.title, old.body, old.tags); "
        "INSERT INTO journal_search(rowid, title, body, tags) "
        "VALUES (new.id, new.title, new.body, new.tags); END"
    )
    op.execute("INSERT INTO journal_search(journal_search) VALUES ('rebuild')")
