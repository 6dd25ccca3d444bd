"""Alembic environment: runs on the connection handed in by models.schema."""
from __future__ import annotations

from alembic import context

from models import Base  # loads every entity, so that every table is on Base.metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    from models.database import create_db_engine

    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("run migrations through `iad-workshops db upgrade`")
    connection = create_db_engine(url).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
