"""Quiz topics logged as free text become the taxonomy ids they stand for.

Until now the system-design quiz logged missed topics as words ("capacity estimation",
"load balancing"), which no taxonomy entry matched, so the weak spots never counted them.
The quiz now logs ids; this brings the attempts logged before it into line.
"""

from alembic import op

revision = "0005"
down_revision = "0004"

# The quiz topics whose words differ from their ids (the others, such as "cdn", were already
# ids). Kept here, not read from data/patterns.toml, so this step does the same thing whatever
# that file becomes.
RENAMED = {
    "capacity estimation": "capacity-estimation",
    "load balancing": "load-balancing",
    "caching": "caching-layer",
    "scaling and bottlenecks": "scaling-and-bottlenecks",
    "consistency": "consistency-models",
    "deep dive": "deep-dive",
    "data model": "data-model",
    "rate limiting": "rate-limiting",
}


def upgrade() -> None:
    for old, new in RENAMED.items():
        # An attempt tagged with both names keeps one tag (the key is attempt, role, tag).
        op.execute(
            "INSERT OR IGNORE INTO session_tag (session_id, role, tag) "
            f"SELECT session_id, role, '{new}' FROM session_tag WHERE tag = '{old}'"
        )
        op.execute(f"DELETE FROM session_tag WHERE tag = '{old}'")


def downgrade() -> None:
    """Nothing to undo: the ids are what the quiz logs from now on."""
