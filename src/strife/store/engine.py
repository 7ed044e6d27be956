"""The SQLAlchemy engine, with the settings SQLite needs to be a safe embedded store."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event

# Connections opened with this execution option take SQLite's write lock when their
# transaction begins, so a read-then-write (the duplicate check before an insert) cannot be
# interleaved with another process's write. Other databases ignore the option.
WRITE = {"sqlite_begin": "IMMEDIATE"}


def create_store_engine(url: str) -> Engine:
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


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
