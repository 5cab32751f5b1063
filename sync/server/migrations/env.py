"""Alembic environment: runs on the connection handed over by ``sync.server.database.run_migrations``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from sync.server.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("sqlalchemy.url is not set")
    with create_engine(url).connect() as own_connection:
        _run(own_connection)
