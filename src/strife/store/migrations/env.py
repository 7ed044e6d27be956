"""Alembic's entry point: run the migrations on the connection strife.store.migrate hands in.

For a developer's `alembic revision --autogenerate`, build the config with
`strife.store.migrate.alembic_config(connection)` and call alembic.command with it.
"""

from alembic import context

from strife.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("strife's migrations run on a connection: use strife.store.migrate.alembic_config(connection)")

context.configure(
    connection=connection,
    target_metadata=metadata,
    # SQLite cannot ALTER most things: alembic's batch mode copies the table instead.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
