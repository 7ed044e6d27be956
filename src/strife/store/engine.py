"""The SQLAlchemy engine, with the settings SQLite needs to be a safe embedded store."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event

# Connections opened with these execution options take the store's write lock when their
# transaction begins, so a read-then-write (the duplicate check before an insert, a schema
# upgrade) cannot be interleaved with another process's write: SQLite's own write lock
# (BEGIN IMMEDIATE), PostgreSQL's advisory lock below.
WRITE = {"sqlite_begin": "IMMEDIATE", "strife_write_lock": True}

# One transaction-scoped advisory lock for every writer of a PostgreSQL store. Under READ
# COMMITTED two writers could both find no row with a text's hash and both insert it (the
# second then fails on the unique index); holding this lock from BEGIN to COMMIT makes
# writers take turns, as they do in SQLite. Readers never take it. The number is arbitrary,
# fixed, and only has to differ from other applications' advisory locks on the same database.
PG_WRITE_LOCK = 0x5354524946450001


def create_store_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    elif engine.dialect.name == "postgresql":
        _configure_postgresql(engine)
    return engine


def _configure_postgresql(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        if connection.get_execution_options().get("strife_write_lock"):
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_WRITE_LOCK})")


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # pysqlite opens transactions lazily, only before DML, so a SELECT that precedes an
        # INSERT would run outside the transaction. Turn that off and issue BEGIN ourselves
        # (the recipe in SQLAlchemy's SQLite dialect docs).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # WAL: readers never block the writer, and a process killed mid-write leaves the
        # last committed state intact. NORMAL sync is durable against process crashes in WAL
        # mode; only a power cut can lose the last commits, never corrupt the file.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        # SQLite ignores foreign keys unless asked, per connection.
        cursor.execute("PRAGMA foreign_keys=ON")
        # Wait for another process's write lock instead of failing at once.
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")
