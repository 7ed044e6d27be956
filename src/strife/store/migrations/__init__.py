"""Alembic migrations of the store's schema, run by strife.store.migrate (no alembic.ini)."""
