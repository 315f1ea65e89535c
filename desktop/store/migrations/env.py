"""Alembic environment: runs against the connection the app hands in through config.attributes."""

from alembic import context
from sqlmodel import SQLModel

# Every table module, so SQLModel.metadata knows the whole schema.
import desktop.store.models
import desktop.store.plan_tables
import desktop.store.story_tables  # noqa: F401

config = context.config
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
